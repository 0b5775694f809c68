"""mkdocs hooks (glue), one file per concern, listed under `hooks:` in mkdocs.yml."""
