"""The editors' guide: the build's real error messages, shown as written."""

from __future__ import annotations

from .html import md_text


def _fence(text: str) -> list[str]:
    fence = "```"
    while fence in text:
        fence += "`"
    return [fence + "text", text, fence]


def error_examples(produced) -> str:
    """Markdown: for each example, the line as broken, the build's message and the fix."""
    out: list[str] = []
    for p in produced:
        ex = p.example
        out += [
            f"### {md_text(ex.title)}",
            "",
            f"Om rad {p.line} i `data/{ex.file}` ändras från",
            "",
            *_fence(p.before),
            "",
            "till",
            "",
            *_fence(p.after),
            "",
            "så stoppar bygget med det här meddelandet:",
            "",
            *_fence(p.message),
            "",
            f"**Så rättar du:** {md_text(ex.advice)}",
            "",
        ]
    return "\n".join(out)
