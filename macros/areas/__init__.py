"""The macros pages may call, one module per area. Each module exposes its
macros as plain functions whose first argument is the build's `Context`, and
lists them in `MACROS`; `define_env` registers them under their own names."""

from . import (
    decisions as beslut,
    documents as dokument,
    finance as finansiering,
    provenance as grund,
    organisation,
    plan,
    practice as praxis,
    governance as styrning,
    local as lokalt,
    training as utbildning,
)

AREAS = (plan, organisation, finansiering, beslut, praxis, utbildning, styrning, grund, dokument, lokalt)
