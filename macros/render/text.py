"""Swedish text helpers shared by the generators."""

from __future__ import annotations

import datetime as dt

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]


def sv_date(d: dt.date) -> str:
    """2020-04-03 -> "3 april 2020"."""
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def sv_join(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b och c"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]
