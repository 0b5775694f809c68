"""Change notes (data/andringar.yaml): the block on each page, the change log
page and the Atom feed. Pure functions: notes and hrefs in, text out.

Addresses are the published ones ("/praxismodellen/bba/"); a note about a page
that has since moved follows `flyttad_till` to the page's current address.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

from markupsafe import Markup

from .html import esc, md_text
from .text import sv_date

KIND_LABELS = {"ny": "ny", "andrad-innebord": "ändrad innebörd", "spraklig": "språklig"}
KIND_HELP = {
    "ny": "ny sida eller nytt innehåll",
    "andrad-innebord": "innehållet betyder något annat än förut",
    "spraklig": "bara språket är ändrat, innebörden är densamma",
}
# A fixed namespace for the entries' ids: an entry keeps its id as long as the
# note keeps its `id` in data/andringar.yaml (urn:uuid, RFC 4122 version 5).
_FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://barnensbasta.kronoberg.invalid/andringar")


def note_anchor(note) -> str:
    return f"andring-{note.id}"


def current_address(address: str, moved: dict[str, str]) -> str:
    """Follow flyttad_till until the page's present address."""
    seen = {address}
    while address in moved:
        address = moved[address]
        if address in seen:
            raise ValueError(f"adressen {address} flyttas i en cirkel")
        seen.add(address)
    return address


def newest_first(notes: Iterable) -> list:
    """Newest first; on the same day, in the order of the file (the file puts new notes on top)."""
    notes = list(notes)
    order = {id(n): i for i, n in enumerate(notes)}
    return sorted(notes, key=lambda n: (-n.datum.toordinal(), order[id(n)]))


def notes_for(address: str, notes: Iterable, moved: dict[str, str]) -> list:
    """The notes about the page now at `address`, newest first."""
    return newest_first(n for n in notes if any(current_address(a, moved) == address for a in n.sidor))


def last_changed(notes: Sequence) -> dt.date | None:
    """The newest date among notes, or None: no date is ever invented."""
    return max((n.datum for n in notes), default=None)


def page_block(notes: Sequence, note_href: Callable[[object], str], log_href: str) -> str:
    """'Senast ändrad' and the page's own notes, as one raw HTML block (kept
    out of the search index: the same text stands on the change log page).
    `note_href(note)` is the URL of the note on the change log page. Empty when
    the page has no notes."""
    if not notes:
        return ""
    newest = max(n.datum for n in notes)
    items = "".join(
        Markup('<li><a href="{}"><time datetime="{}">{}</time></a> ({}): {}</li>').format(
            note_href(n), n.datum.isoformat(), sv_date(n.datum), KIND_LABELS[n.typ], " ".join(n.sammanfattning.split())
        )
        for n in notes
    )
    count = f"{len(notes)} ändring" if len(notes) == 1 else f"{len(notes)} ändringar"
    return str(
        Markup(
            '<aside class="bbg-andringar" aria-label="Ändringar på sidan" data-pagefind-ignore="all">'
            '<p class="bbg-andringar__senast">Senast ändrad <time datetime="{}">{}</time>.</p>'
            "<details><summary>Visa ändringarna på sidan ({})</summary><ul>{}</ul>"
            '<p><a href="{}">Alla ändringar på webbplatsen</a></p></details></aside>'
        ).format(newest.isoformat(), sv_date(newest), count, Markup(items), log_href)
    )


def change_log(
    notes: Iterable,
    moved: dict[str, str],
    page_link: Callable[[str], str | None],
) -> str:
    """The change log page: every note, newest first, grouped by date.
    `page_link(address)` gives a Markdown link to the page at that address
    (None when the page is gone; the address is then shown as text)."""
    out: list[str] = []
    day = None
    for note in newest_first(notes):
        if note.datum != day:
            day = note.datum
            out += [f"## {sv_date(day)} {{ #datum-{day.isoformat()} }}", ""]
        links = []
        for address in note.sidor:
            now = current_address(address, moved)
            links.append(page_link(now) or f"`{address}`")
        out += [
            f'<p id="{esc(note_anchor(note))}" class="bbg-andring"><strong>{esc(KIND_LABELS[note.typ].capitalize())}</strong></p>',
            "",
            md_text(note.sammanfattning),
            "",
            "Sidor: " + ", ".join(links),
            "",
        ]
    return "\n".join(out)


def kind_legend() -> str:
    return "\n".join(f"- **{KIND_LABELS[k]}**: {text}" for k, text in KIND_HELP.items())


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(
    notes: Iterable,
    *,
    title: str,
    feed_href: str,
    log_href: str,
    note_href: Callable[[object], str],
    page_href: Callable[[str], str],
    page_title: Callable[[str], str],
    moved: dict[str, str],
    base: str | None = None,
    stylesheet: str | None = None,
) -> bytes:
    """An Atom 1.0 feed (RFC 4287), one entry per note, newest first.
    Dates come from the notes only, so the same data gives the same bytes.
    Links are relative to the feed; `base` (the site's address, site_url) is
    written as xml:base, so that feed readers resolve them to full addresses.
    `stylesheet` (an XSL file beside the feed) shows the feed as a page in a
    browser."""
    notes = newest_first(notes)
    ns = "http://www.w3.org/2005/Atom"
    ET.register_namespace("", ns)

    def el(parent, tag, text=None, **attrs):
        node = ET.SubElement(parent, f"{{{ns}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
        if text is not None:
            node.text = text
        return node

    xml = "{http://www.w3.org/XML/1998/namespace}"
    feed = ET.Element(f"{{{ns}}}feed", {f"{xml}lang": "sv", **({f"{xml}base": base} if base else {})})
    el(feed, "id", f"urn:uuid:{_FEED_NAMESPACE}")
    el(feed, "title", title)
    el(feed, "subtitle", "Vad som har ändrats på webbplatsen och när, sida för sida.")
    el(feed, "updated", _stamp(max(n.datum for n in notes)) if notes else "2026-01-01T00:00:00Z")
    el(feed, "link", rel="self", type="application/atom+xml", href=feed_href)
    el(feed, "link", rel="alternate", type="text/html", href=log_href)
    author = el(feed, "author")
    el(author, "name", "Barnens bästa gäller! – i Kronoberg")
    for note in notes:
        entry = el(feed, "entry")
        el(entry, "id", f"urn:uuid:{uuid.uuid5(_FEED_NAMESPACE, note.id)}")
        pages = [current_address(a, moved) for a in note.sidor]
        names = [page_title(a) for a in pages]
        head = ", ".join(names[:3]) + (f" och {len(names) - 3} till" if len(names) > 3 else "")
        el(entry, "title", f"{KIND_LABELS[note.typ].capitalize()}: {head}")
        el(entry, "updated", _stamp(note.datum))
        el(entry, "published", _stamp(note.datum))
        el(entry, "link", rel="alternate", type="text/html", href=note_href(note))
        for address, name in zip(pages, names):
            el(entry, "link", rel="related", type="text/html", href=page_href(address), title=name)
        el(entry, "category", term=note.typ, label=KIND_LABELS[note.typ])
        el(entry, "summary", " ".join(note.sammanfattning.split()), type="text")
    ET.indent(feed)
    prolog = b'<?xml version="1.0" encoding="utf-8"?>\n'
    if stylesheet:
        prolog += b'<?xml-stylesheet type="text/xsl" href="' + escape(stylesheet, {'"': "&quot;"}).encode("utf-8") + b'"?>\n'
    return prolog + ET.tostring(feed, encoding="utf-8", xml_declaration=False) + b"\n"
