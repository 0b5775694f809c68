"""The 2018 financing table, cross-checked in the open.

Published figures are shown as published. Beside each, the arithmetic the
other published figures imply (share × stated total, column sums, the sum of
the shares); every difference of a krona or more is shown with its working.
Differences under a krona are rounding and are only noted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from markupsafe import Markup

from ..data.models.common import Grund
from ..data.models.finansiering import Finansiering, Kolumn
from .provenance import mark
from .html import Column, esc, md_text, table
from .cards import css_class, label, labelled

ONE = Decimal(1)


def kr(value: Decimal, decimals: int = 0) -> str:
    """Swedish number format: 299197 -> "299 197", with a comma for decimals."""
    q = Decimal(1).scaleb(-decimals)
    value = value.quantize(q, rounding=ROUND_HALF_UP)
    sign = "−" if value < 0 else ""
    whole, _, frac = f"{abs(value):f}".partition(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = "\u00a0".join(groups) or "0"
    return sign + text + ("," + frac if frac else "")


def pct(value: Decimal) -> str:
    return kr(value, 2) + "\u00a0%"


@dataclass(frozen=True)
class Check:
    """One comparison of a published figure with what other figures imply."""

    what: str
    published: Decimal
    implied: Decimal
    working: str  # the arithmetic, in words and numbers

    @property
    def difference(self) -> Decimal:
        return self.published - self.implied

    @property
    def status(self) -> str:
        """"stammer" (equal), "avrundning" (under one krona) or "avviker"."""
        if self.difference == 0:
            return "stammer"
        return "avrundning" if abs(self.difference) < ONE else "avviker"


def cross_check(fin: Finansiering, name_of: Callable[[str], str]) -> list[Check]:
    """Every comparison the published table allows, in table order."""
    checks: list[Check] = []
    total_share = sum((row.andel for row in fin.kommuner), Decimal(0))
    checks.append(
        Check(
            "Summan av andelarna",
            Decimal(100),
            total_share,
            " + ".join(pct(r.andel) for r in fin.kommuner) + f" = {pct(total_share)}",
        )
    )
    cost_sum = sum((c.belopp.kronor for c in fin.kostnader), Decimal(0))
    checks.append(
        Check(
            "Summa per år",
            fin.summa_per_ar.kronor,
            cost_sum,
            " + ".join(kr(c.belopp.kronor) for c in fin.kostnader) + f" = {kr(cost_sum)} kr",
        )
    )
    half = fin.summa_per_ar.kronor / 2
    checks.append(Check("Region Kronobergs halva", fin.region.kronor, half, f"{kr(fin.summa_per_ar.kronor)} kr / 2 = {kr(half)} kr"))
    for col in fin.kolumner:
        col_sum = sum((row.belopp[col.id] for row in fin.kommuner), Decimal(0))
        checks.append(
            Check(
                f"Kolumnsumman för {col.rubrik}",
                col.summa.kronor,
                col_sum,
                " + ".join(kr(r.belopp[col.id]) for r in fin.kommuner) + f" = {kr(col_sum)} kr",
            )
        )
    for col in fin.kolumner:
        if col.harledning is not None:
            checks += _derived_checks(fin, col, name_of)
            continue
        base = column_base(col)
        for row in fin.kommuner:
            implied = row.andel / 100 * base
            checks.append(_check(name_of, row, col, implied, f"{pct(row.andel)} × {kr(base)} kr = {kr(implied, 2)} kr"))
    return checks


def _check(name_of: Callable[[str], str], row, col: Kolumn, implied: Decimal, working: str) -> Check:
    """One municipality's figure in a column against what it should be."""
    return Check(f"{name_of(row.aktor)}, {col.rubrik}", row.belopp[col.id], implied, working)


def factor_value(text: str) -> Fraction:
    """ "0,33" -> 33/100, "1/3" -> 1/3 (exact)."""
    return Fraction(text.replace(",", "."))


def factor_text(text: str) -> str:
    return {"1/3": "⅓", "1/2": "½", "1/4": "¼", "2/3": "⅔"}.get(text, text)


def _derived_checks(fin: Finansiering, col: Kolumn, name_of: Callable[[str], str]) -> list[Check]:
    """A column read as factor × another column (our reading, shown as such)."""
    rule = col.harledning
    assert rule is not None  # only derived columns come here
    source = next(c for c in fin.kolumner if c.id == rule.fran_kolumn)
    out = []
    for row in fin.kommuner:
        factor = rule.faktor_per_kommun.get(row.aktor, rule.faktor)
        exact = factor_value(factor) * Fraction(row.belopp[source.id])
        implied = Decimal(exact.numerator) / Decimal(exact.denominator)
        working = f"{factor_text(factor)} × {kr(row.belopp[source.id])} kr ({source.rubrik}) = {kr(implied, 2)} kr"
        out.append(_check(name_of, row, col, implied, working))
    return out


def _municipality_cells(row, name_of: Callable[[str], str], party_href: Callable[[str], str | None]) -> list[Markup]:
    """A municipality's first two cells: its name (linked to its page) and its share."""
    name = name_of(row.aktor)
    href = party_href(row.aktor)
    link_ = Markup('<a href="{}">{}</a>').format(href, name) if href else esc(name)
    return [
        Markup('<th scope="row">{}{}</th>').format(label("Kommun"), link_),
        Markup("<td>{}{}</td>").format(label("Andel"), row.andel_original),
    ]


def column_base(col: Kolumn) -> Decimal:
    """What the shares of a column are shares of: the stated base, else the column's stated total."""
    return (col.bas or col.summa).kronor


def _published(check: Check) -> str:
    return pct(check.published) if check.what == "Summan av andelarna" else kr(check.published) + "\u00a0kr"


def _row_check(checks: list[Check], name: str, col: Kolumn) -> Check:
    return next(c for c in checks if c.what == f"{name}, {col.rubrik}")


def _flag(check: Check) -> Markup:
    if check.status == "stammer":
        return Markup("")
    if check.status == "avrundning":
        return Markup('<br><span class="bbg-kontroll">Avrundat från {} kr</span>').format(kr(check.implied, 2))
    return Markup(
        '<br><span class="bbg-avvikelse"><strong>Avviker:</strong> uträkningen ger {} kr ({} kr skillnad)</span>'
    ).format(kr(check.implied, 2), kr(check.difference, 2))


def financing_table(fin: Finansiering, name_of: Callable[[str], str], party_href: Callable[[str], str | None]) -> Markup:
    """The published table with its figures as published and the checks beside them.
    On a narrow screen each municipality becomes a card (render/kort.py)."""
    checks = cross_check(fin, name_of)
    head = Markup(" ").join(Markup('<th scope="col">{}</th>').format(c.rubrik) for c in fin.kolumner)
    out = [
        Markup('<div class="bbg-tabellram" role="region" tabindex="0" aria-label="{}">').format(
            f"Kommunernas andelar och kostnader, {fin.rubrik}"
        ),
        Markup('<table class="{}">').format(css_class("bbg-finansiering")),
        Markup("<caption>Kommunernas andelar och kostnader i kronor, som i beslutsunderlaget, med kontroll</caption>"),
        Markup('<thead><tr><th scope="col">Kommun</th><th scope="col">Andel</th>') + head + Markup("</tr></thead><tbody>"),
    ]
    for row in fin.kommuner:
        cells = _municipality_cells(row, name_of, party_href)
        for col in fin.kolumner:
            check = _row_check(checks, name_of(row.aktor), col)
            cells.append(Markup("<td>{}{}{}</td>").format(label(col.rubrik), kr(row.belopp[col.id]), _flag(check)))
        out.append(Markup("<tr>") + Markup(" ").join(cells) + Markup("</tr>"))
    share_check = checks[0]
    foot = [
        Markup('<th scope="row">Totalt</th>'),
        Markup("<td>{}{}{}</td>").format(label("Andel"), fin.andel_summa_original, _flag(share_check)),
    ]
    for col in fin.kolumner:
        check = next(c for c in checks if c.what == f"Kolumnsumman för {col.rubrik}")
        foot.append(
            Markup("<td>{}{}{}</td>").format(
                label(col.rubrik),
                col.summa.original,
                Markup("")
                if check.status == "stammer"
                else Markup('<br><span class="bbg-avvikelse"><strong>Avviker:</strong> raderna summerar till {} kr ({} kr skillnad)</span>').format(
                    kr(check.implied), kr(check.difference)
                ),
            )
        )
    out.append(Markup("</tbody><tfoot><tr>") + Markup(" ").join(foot) + Markup("</tr></tfoot></table></div>"))
    return Markup("\n").join(out)


def costs_list(fin: Finansiering) -> str:
    """The yearly cost items as a Markdown list, original wording first."""
    lines = []
    for item in [*fin.kostnader]:
        line = f"- {md_text(item.post)}: **{md_text(item.belopp.original)}**"
        if item.belopp.tolkning:
            line += " " + str(mark("tolkning", item.belopp.tolkning))  # str: "…" + Markup would escape the Markdown again
        lines.append(line)
    total = fin.summa_per_ar
    line = f"- Summa per år: **{md_text(total.original)}**"
    if total.tolkning:
        line += " " + str(mark("tolkning", total.tolkning))
    lines.append(line)
    lines.append(f"- Region Kronoberg står för halva kostnaden: **{md_text(fin.region.original)}**.")
    lines.append(f"- Kommunerna delar på den andra halvan, fördelat enligt {md_text(fin.kommunernas_fordelning)}.")
    return "\n".join(lines)


def checks_table(fin: Finansiering, name_of: Callable[[str], str]) -> Markup:
    """Every check with its arithmetic, as a table."""
    labels = {"stammer": "Stämmer", "avrundning": "Avrundning (under 1 kr)", "avviker": "Avviker"}
    checks = cross_check(fin, name_of)
    columns = [
        Column("Kontroll", lambda c: c.what, row_header=True),
        Column("Publicerat", _published),
        Column("Uträkning", lambda c: c.working),
        Column("Skillnad", lambda c: "0" if c.difference == 0 else kr(c.difference, 2)),
        Column("Resultat", lambda c: labels[c.status]),
    ]
    return table(checks, labelled(columns), "Alla kontroller av finansieringstabellen med uträkning", css_class=css_class("bbg-kontroller"))


def summary(fin: Finansiering, name_of: Callable[[str], str]) -> str:
    """One sentence per finding, for the reader who wants the short version."""
    checks = cross_check(fin, name_of)
    off = [c for c in checks if c.status == "avviker"]
    rounding = [c for c in checks if c.status == "avrundning"]
    if not off:
        return f"Alla {len(checks)} kontroller stämmer" + (f" ({len(rounding)} med avrundning under en krona)." if rounding else ".")
    lines = [
        f"{len(checks)} kontroller, varav {len(off)} avviker och {len(rounding)} skiljer sig med mindre än en krona (avrundning). Avvikelserna:",
        "",
    ]
    lines += [
        f"- {md_text(c.what)}: publicerat {_published(c)}, "
        f"uträknat {md_text(c.working)} (skillnad {kr(c.difference, 2)})"
        for c in off
    ]
    return "\n".join(lines)


def derived_columns(fin: Finansiering, name_of: Callable[[str], str], grund_mark: Callable[[Grund | None], Markup]) -> str:
    """For each column read out of another (harledning): what the reading is
    and its provenance mark, as Markdown list items."""
    lines = []
    for col in fin.kolumner:
        rule = col.harledning
        if rule is None:
            continue
        source = next(c for c in fin.kolumner if c.id == rule.fran_kolumn)
        other = ", ".join(f"{factor_text(f)} för {name_of(k)}" for k, f in rule.faktor_per_kommun.items())
        lines.append(
            f"- Kolumnen ”{md_text(col.rubrik)}” räknas i kontrollen som {factor_text(rule.faktor)} × ”{md_text(source.rubrik)}”"
            + (f" ({md_text(other)})" if other else "")
            + f". {grund_mark(rule.grund)}"
        )
    return "\n".join(lines)


def later_years(fin: Finansiering, last_year: int) -> list[int]:
    """The years after the last whole year the decision gives, up to `last_year`
    (the current plan's last year): no record gives their figures yet."""
    given = [c.ar for c in fin.kolumner if c.ar]
    return list(range(max(given) + 1, last_year + 1)) if given else []


def years_text(years: list[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def decided_table(fin: Finansiering, name_of: Callable[[str], str], party_href: Callable[[str], str | None], later: list[int]) -> Markup:
    """The decided figures per municipality and year, as published and nothing
    else; a column whose rows do not add up to its published total says so once,
    in the total row. Years no record gives are shown as Kontrolleras."""
    checks = cross_check(fin, name_of)
    later_head = f"Kostnad {years_text(later)}" if later else ""
    heads = [c.rubrik for c in fin.kolumner] + ([later_head] if later else [])
    out = [
        Markup('<div class="bbg-tabellram" role="region" tabindex="0" aria-label="{}">').format(f"Beslutade belopp per kommun och år, {fin.rubrik}"),
        Markup('<table class="{}">').format(css_class("bbg-finansiering")),
        Markup("<caption>Beslutade belopp per kommun och år, i kronor, som i beslutsunderlaget</caption>"),
        Markup('<thead><tr><th scope="col">Kommun</th><th scope="col">Andel</th>')
        + Markup(" ").join(Markup('<th scope="col">{}</th>').format(h) for h in heads)
        + Markup("</tr></thead><tbody>"),
    ]
    for row in fin.kommuner:
        cells = _municipality_cells(row, name_of, party_href)
        cells += [Markup("<td>{}{}</td>").format(label(c.rubrik), kr(row.belopp[c.id])) for c in fin.kolumner]
        if later:
            cells.append(Markup("<td>{}Kontrolleras</td>").format(label(later_head)))
        out.append(Markup("<tr>") + Markup(" ").join(cells) + Markup("</tr>"))
    foot = [Markup('<th scope="row">Totalt</th>'), Markup("<td>{}{}</td>").format(label("Andel"), fin.andel_summa_original)]
    for col in fin.kolumner:
        check = next(c for c in checks if c.what == f"Kolumnsumman för {col.rubrik}")
        gap = Markup("")
        if check.status != "stammer":
            gap = Markup('<br><span class="bbg-avvikelse">Raderna summerar till {} kr, {} kr {} (se Så har vi räknat)</span>').format(
                kr(check.implied), kr(abs(check.difference)), "mindre" if check.difference > 0 else "mer"
            )
        foot.append(Markup("<td>{}{}{}</td>").format(label(col.rubrik), col.summa.original, gap))
    if later:
        foot.append(Markup("<td>{}Kontrolleras</td>").format(label(later_head)))
    out.append(Markup("</tbody><tfoot><tr>") + Markup(" ").join(foot) + Markup("</tr></tfoot></table></div>"))
    return Markup("\n").join(out)
