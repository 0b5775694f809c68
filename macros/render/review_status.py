"""What a guidance page shows of its review (issue 23): the status line, the
out-of-date notice and the summary "Om uppgifterna på sidan". The status
itself (draft, reviewed, changed after the review, expired) and the content
fingerprint are decided in macros/domain/review.py.

Pure: no files, no mkdocs, no clock.
"""

from __future__ import annotations


from markupsafe import Markup

from ..domain.review import Status
from .escape import md_link, md_text
from .text import sv_date, sv_join

FOOTER_ID = "om-sidan"  # the status line and sources at the end of a guidance page


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

