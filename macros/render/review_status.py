"""Review status of a guidance page (issue 23): the fingerprint of what was
reviewed, whether a recorded review still matches the page, whether it has
expired, and the lines and notices a page shows for it.

A fingerprint is two short SHA-256 prefixes, "<page>-<data>": one of the
page's Markdown file, one of the data the page draws on (given by the glue,
macros/domain/review.py, as canonical JSON). Two parts, so that `make check` can
say *what* changed after a review.

Pure: no files, no mkdocs, no clock (the build's date comes in as an argument).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup

from ..data.models.granskningar import Granskning
from .escape import md_link, md_text
from .text import sv_date, sv_join

DIGITS = 12
FOOTER_ID = "om-sidan"  # the status line and sources at the end of a guidance page


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGITS]


def canonical(value: object) -> bytes:
    """Data as canonical JSON bytes (sorted keys), so formatting and comments
    in the YAML do not count, only what the data says."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def fingerprint(markdown: str, data: object) -> str:
    """ "<12 hex of the page's Markdown>-<12 hex of the data it draws on>"."""
    text = markdown.replace("\r\n", "\n").replace("\r", "\n")
    return f"{_digest(text.encode('utf-8'))}-{_digest(canonical(data))}"


@dataclass(frozen=True)
class Status:
    """What a page may say about its review."""

    kind: Literal["utkast", "granskad", "andrad", "utgangen"]
    record: Granskning | None = None
    changed: tuple[str, ...] = ()  # "text", "data": what no longer matches (kind "andrad")


def review_status(record: Granskning | None, current: str, today: dt.date) -> Status:
    """utkast: no record; andrad: the content changed after the review;
    utgangen: the content matches but the next review date has passed;
    granskad: otherwise."""
    if record is None:
        return Status("utkast")
    then_page, then_data = record.innehall.split("-")
    now_page, now_data = current.split("-")
    changed = tuple(part for part, a, b in (("text", then_page, now_page), ("data", then_data, now_data)) if a != b)
    if changed:
        return Status("andrad", record, changed)
    if today > record.nasta_granskning:
        return Status("utgangen", record)
    return Status("granskad", record)


def status_text(status: Status, function: tuple[str, str | None], with_basis: bool = False) -> str:
    """The review line (Markdown): "Granskad <datum> av <funktion> · Nästa granskning <datum>",
    "Ändrad efter granskningen <datum>" or the draft notice. `with_basis`
    adds what shows the review ("(Styrgruppens protokoll …)")."""
    r = status.record
    if status.kind == "utkast" or r is None:
        return "**Utkast:** sidan är inte granskad eller bekräftad av länet."
    if status.kind == "andrad":
        return (
            f"**Ändrad efter granskningen {sv_date(r.datum)}:** sidan granskades av {md_link(*function)}, "
            "men har ändrats sedan dess. Ändringarna är inte granskade."
        )
    basis = f" ({md_text(r.underlag)})" if with_basis else ""
    return f"Granskad {sv_date(r.datum)} av {md_link(*function)}{basis} · Nästa granskning {sv_date(r.nasta_granskning)}"


def expiry_notice(status: Status) -> str:
    """The out-of-date notice of a reviewed page (raw HTML, one block). It is
    shown when the build's date is past the next review date; otherwise it is
    hidden and carries the date, and granskning.js shows it when the reader's
    date has passed it. Empty for pages without a matching review."""
    r = status.record
    if r is None or status.kind not in ("granskad", "utgangen"):
        return ""
    hidden = "" if status.kind == "utgangen" else " hidden"
    return str(
        Markup(
            '<div class="admonition warning bbg-granskning-gammal" data-nasta-granskning="{iso}"{hidden}>'
            '<p class="admonition-title">Granskningen är för gammal</p>'
            "<p>Sidan skulle ha granskats igen senast {when}. Innehållet kan ha blivit inaktuellt: "
            "kontrollera viktiga uppgifter innan du använder dem.</p></div>"
        ).format(iso=r.nasta_granskning.isoformat(), hidden=Markup(hidden), when=sv_date(r.nasta_granskning))
    )


def mismatch_reason(status: Status, page_file: str, data_parts: list[str]) -> str:
    """Why a record no longer matches (for `make check`)."""
    why = []
    if "text" in status.changed:
        why.append(f"texten i {page_file} har ändrats")
    if "data" in status.changed:
        why.append("data som sidan bygger på har ändrats (" + ", ".join(data_parts) + ")")
    return " och ".join(why)



def page_summary(
    status: Status,
    function: tuple[str, str | None] | None,
    counts: dict[str, int],
    page_sources: int,
    sources_href: str,
    legend_href: str,
) -> str:
    """ "Om uppgifterna på sidan": a short block under the title of a guidance
    page (Markdown inside one HTML block): the review status, what the page
    rests on, how many statements are the handbook's proposal or reading, and
    what is still being checked. `counts` are the marks on the page by kind
    ("forslag", "tolkning", "kontrolleras") and "kalla", the sentence sources."""
    lines = [f"- {status_text(status, function or ('', None))}"]
    numbered = " En siffra efter en mening, som &#91;1&#93;, leder till källan för just den meningen." if counts.get("kalla", 0) else ""
    lines.append(f"- **Källor:** {_n(page_sources, 'källa', 'källor')}, [längst ned på sidan]({sources_href}).{numbered}")
    own, kinds = [], []
    if counts.get("forslag", 0):
        own.append(_n(counts["forslag"], "förslag", "förslag", neuter=True))
        kinds.append("*Förslag*")
    if counts.get("tolkning", 0):
        own.append(f"{_n(counts['tolkning'], 'tolkning', 'tolkningar')} av källorna")
        kinds.append("*Tolkning*")
    legend = f"[Vad märkningarna betyder]({legend_href})"
    if own:
        marked = "märkt" if counts.get("forslag", 0) + counts.get("tolkning", 0) == 1 else "märkta"
        lines.append(f"- **Handbokens egna uppgifter:** {sv_join(own)}, {marked} {' och '.join(kinds)}. {legend}")
    else:
        lines.append(f"- Inga uppgifter är märkta som handbokens förslag eller tolkning. {legend}")
    n = counts.get("kontrolleras", 0)
    if n:
        lines.append(
            f"- **Kontrolleras:** {_n(n, 'uppgift', 'uppgifter')} är inte {'bekräftad' if n == 1 else 'bekräftade'} ännu. "
            f"{'Den är märkt' if n == 1 else 'De är märkta'} *Kontrolleras* i texten, med vad som saknas."
        )
    body = "\n".join(lines)
    return (
        '<div class="bbg-om-uppgifterna" role="note" aria-labelledby="om-uppgifterna" markdown>\n\n'
        '<p class="bbg-om-uppgifterna-rubrik" id="om-uppgifterna">Om uppgifterna på sidan</p>\n\n'
        f"{body}\n\n</div>\n"
    )


def _n(n: int, one: str, many: str, neuter: bool = False) -> str:
    """2, "källa", "källor" -> "två källor"; 1 -> "en källa" ("ett förslag")."""
    words = {2: "två", 3: "tre", 4: "fyra", 5: "fem", 6: "sex", 7: "sju", 8: "åtta", 9: "nio", 10: "tio", 11: "elva", 12: "tolv"}
    if n == 1:
        return f"{'ett' if neuter else 'en'} {one}"
    return f"{words.get(n, str(n))} {many}"

