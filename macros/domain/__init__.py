"""Domain logic over validated data (no markup, no mkdocs): review queue, search vocabulary."""
