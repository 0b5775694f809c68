"""Build steps on a built site: PDF documents, search index, publishing steps, release."""
