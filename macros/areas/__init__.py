"""The macros pages may call, one module per area. Each module exposes its
macros as plain functions whose first argument is the build's `Context`, and
lists them in `MACROS`; `define_env` registers them under their own names."""

from . import decisions, documents, finance, governance, local, organisation, plan, practice, provenance, training

AREAS = (plan, organisation, finance, decisions, practice, training, governance, provenance, documents, local)
