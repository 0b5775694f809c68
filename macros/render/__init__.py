"""Pure generators: validated data in, Markdown/HTML strings (or file bytes) out.

Nothing in this package imports mkdocs or knows where a page lives; links to
other pages come in as arguments (see `Links`).
"""
