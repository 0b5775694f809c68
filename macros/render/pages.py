"""Whole page bodies composed from the other generators: a plan's
introduction, a role's and a party's page, the status overview and the
revision history. Pure: models and hrefs in, Markdown out."""

from __future__ import annotations

from collections.abc import Callable

from ..data.models.aktorer import Aktor
from ..data.models.finansiering import Finansiering
from ..data.models.handlingsplan import Aktivitet, Handlingsplan
from ..data.models.roller import Roll
from . import organisation
from . import governance
from .finance import kr
from .html import md_text
from ..domain.organisation import Responsibility
from .plan import area_list
from .text import sv_date

Href = Callable[[Aktivitet], str]


def plan_intro(plan: Handlingsplan, meta_line: str, area_href, timeline_md: str, csv_md: str, xlsx_md: str) -> str:
    """Title, vision, dates, downloads and the list of subject areas."""
    return "\n".join(
        [
            f"**{md_text(plan.titel)}**",
            "",
            f"*{md_text(plan.vision)}*",
            "",
            meta_line,
            "",
            f"Planen har {len(plan.amnesomraden)} ämnesområden och {len(plan.aktiviteter)} aktiviteter. Varje aktivitet har ett nummer, en ansvarig utförare, "
            "en tid och ett sätt att följa upp. Tabellerna visar planen som den är skriven, med "
            "planens egna ord. Under orden står hur vi har läst dem (tolkat), till exempel vilka "
            "parter som avses.",
            "",
            "## Ämnesområden",
            "",
            area_list(plan, area_href),
            "",
            f"[Tidslinje för alla aktiviteter]({timeline_md})",
            "{: .bbg-skarm }",
            "",
            # Downloads are for the screen: the PDF of the plan leaves them out (render/pdf.py).
            '<div class="bbg-skarm" markdown="1">',
            "",
            "## Ladda ner planen",
            "",
            f"- [Handlingsplanen som CSV]({csv_md}) "
            "(UTF-8, semikolon som avgränsare, öppnas i Excel och LibreOffice)",
            f"- [Handlingsplanen som Excel-fil (XLSX)]({xlsx_md})",
            "",
            "</div>",
            "",
        ]
    )


def responsibilities(
    plans: list[Handlingsplan],
    resps_for: Callable[[Handlingsplan], list[Responsibility]],
    caption_for: Callable[[Handlingsplan], str],
    activity_href_for: Callable[[Handlingsplan], Href],
) -> str:
    """One table of responsibilities per plan (newest first as given)."""
    parts = []
    for plan in plans:
        resps = resps_for(plan)
        title = f"### {md_text(plan.titel)}"
        if resps:
            parts += [title, "", organisation.responsibility_table(resps, caption_for(plan), activity_href_for(plan)), ""]
        else:
            parts += [title, "", "Inga aktiviteter i den här planen.", ""]
    return "\n".join(parts)


def party_responsibilities(
    plans: list[Handlingsplan],
    resps_for: Callable[[Handlingsplan], list[Responsibility]],
    party_name: str,
    activity_href_for: Callable[[Handlingsplan], Href],
) -> str:
    """Per plan (newest first as given): what the plan names the party for, then
    what it shares through a body or role (styrgruppen, huvudmännen …)."""
    parts = []
    for plan in plans:
        resps = resps_for(plan)
        own = [r for r in resps if r.named]
        shared = [r for r in resps if not r.named]
        parts += [f"### {md_text(plan.titel)}", ""]
        if not resps:
            parts += ["Inga aktiviteter i den här planen.", ""]
            continue
        href = activity_href_for(plan)
        parts += ["#### Egna aktiviteter", "", "Planen namnger parten i cellen Ansvarig utförare (till exempel \"Respektive kommun\").", ""]
        if own:
            parts += [organisation.responsibility_table(own, f"Egna aktiviteter för {party_name}, {plan.titel}", href), ""]
        else:
            parts += ["Planen namnger inte parten i någon aktivitet.", ""]
        if shared:
            parts += [
                "#### Genom gemensamma organ och roller",
                "",
                "Parten har del i ansvaret genom ett organ eller en roll som finns hos flera parter, till exempel "
                "styrgruppen, huvudmännen eller de lokala arbetsgrupperna. Uppdelningen är handbokens tolkning.",
                "",
                organisation.responsibility_table(shared, f"Aktiviteter genom gemensamma organ och roller för {party_name}, {plan.titel}", href),
                "",
            ]
    return "\n".join(parts)


def role_page(role: Roll, details: str, resp: str, sources: str, guidance_md: str | None = None) -> str:
    lead = []
    if guidance_md:
        # The role page and the guidance page never share a title; the reader
        # who asks what to do is sent on at once (issue 21).
        lead = [
            f"Den här sidan visar rollen i handlingsplanen och styrningen. Vad rollen gör i arbetet runt barnet står i "
            f"vägledningen [{md_text(role.namn)}]({guidance_md}).",
            "",
        ]
    return "\n".join(
        [
            *lead,
            details,
            "## Vad ansvarar vi för? { #ansvar }",
            "",
            "Aktiviteterna i handlingsplanen där rollen står som ansvarig. Listan skapas ur planens data.",
            "",
            resp,
            sources,
        ]
    )


def party_financing(party_id: str, financing: list[Finansiering], table_md: str) -> list[str]:
    """A party's share of each financing decision, and a link to the whole table."""
    money = []
    for fin in financing:
        row = next((r for r in fin.kommuner if r.aktor == party_id), None)
        if row is not None:
            amounts = ", ".join(f"{md_text(c.rubrik)}: {kr(row.belopp[c.id])} kr" for c in fin.kolumner)
            money.append(f"- {md_text(fin.rubrik)}: andel {md_text(row.andel_original)} av kommunernas halva. {amounts}.")
        elif fin.region_aktor == party_id:
            money.append(f"- {md_text(fin.rubrik)}: halva kostnaden, {md_text(fin.region.original)}.")
    if not money:
        return []
    return ["## Finansiering", "", *money, "", f"Hela tabellen med kontroll finns under [Finansiering]({table_md}).", ""]


def party_page(party: Aktor, details: str, resp: str, finance: list[str], sources: str) -> str:
    return "\n".join(
        [
            details,
            "## Vad ansvarar vi för? { #ansvar }",
            "",
            "Aktiviteterna i handlingsplanen där parten har ansvar: direkt, genom en grupp den ingår i "
            "eller genom en roll som finns hos parten. Listan skapas ur planens data.",
            "",
            resp,
            *finance,
            sources,
        ]
    )


def revision_history(plan: Handlingsplan, versions: list, set_by: str) -> str:
    """Set and revised dates of a plan and what changed between the versions
    we have (`versions`: earlier wordings, oldest first)."""
    out = [f"- **{sv_date(plan.faststalld)}**: planen fastställs av {md_text(set_by.lower())}."]
    for r in plan.revisioner:
        what = md_text(r.beskrivning) if r.beskrivning else "Planen anger inte vad som ändrades."
        shown = f' (i planen: "{md_text(r.original)}")' if r.original else ""
        out.append(f"- **{sv_date(r.datum)}**{shown}: planen revideras. {what}")
    out.append("")
    if not versions:
        out += [
            "Tidigare lydelser av planen finns inte i handbokens källor, så ändringarna kan inte visas. "
            "När en tidigare lydelse läggs in som datafil visas skillnaderna här automatiskt.",
        ]
        return "\n".join(out)
    latest = plan.revisioner[-1].datum if plan.revisioner else plan.faststalld
    chain = [(v.galler_fran, v) for v in versions] + [(latest, plan)]
    out += ["### Ändringar mellan versionerna", ""]
    for (d0, old), (d1, new) in zip(chain, chain[1:]):
        out += [f"#### Från {sv_date(d0)} till {sv_date(d1)}", "", governance.diff_markdown(governance.diff(old, new)), ""]
    return "\n".join(out)


def plans_revision_history(plans_newest_first: list[Handlingsplan], one: Callable[[Handlingsplan], str]) -> str:
    parts = []
    for p in plans_newest_first:
        parts += [f"## {md_text(p.titel)} {{ #plan-{p.id} }}", "", one(p), ""]
    return "\n".join(parts)
