// Stylelint for the site's own style sheets (make check): the standard
// rules that find errors. Off: the layout rules (the sheet keeps related
// rules together without blank lines) and the naming rules (Material's
// classes and variables are named md-typeset__table, --md-primary-fg-color--dark).
// Warnings, to be fixed when the sheet is next edited: duplicate selectors,
// the deprecated `clip` and keyword case.
const WARN = [true, {severity: "warning"}];

export default {
  extends: ["stylelint-config-standard"],
  rules: {
    "rule-empty-line-before": null,
    "comment-empty-line-before": null,
    "at-rule-empty-line-before": null,
    "selector-class-pattern": null,
    "custom-property-pattern": null,
    "no-descending-specificity": null,
    "selector-not-notation": null,
    "media-feature-range-notation": null,
    // Material's own breakpoints are written as 76.234375em (1219.75 px).
    "number-max-precision": 6,
    "no-duplicate-selectors": WARN,
    "property-no-deprecated": WARN,
    "value-keyword-case": ["lower", {severity: "warning"}],
  },
};
