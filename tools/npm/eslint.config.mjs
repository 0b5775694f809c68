// ESLint for the site's own scripts (make check). The search page is ES
// modules (docs/assets/javascripts/sok/, tested in tests/js/); the other
// scripts are classic scripts.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/assets/javascripts/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      // Material for MkDocs' page observable and storage scope.
      globals: {...globals.browser, document$: "readonly", __md_scope: "readonly"},
    },
  },
  {
    files: ["docs/assets/javascripts/sok/*.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: globals.browser},
  },
  {
    files: ["tests/js/*.js"],
    languageOptions: {ecmaVersion: 2022, sourceType: "module", globals: globals.node},
  },
];
