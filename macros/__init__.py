"""mkdocs-macros glue: load the data once per build and expose the generators.

This is the only module (with hooks.py) that knows mkdocs and where pages live.
Everything it exposes is a one-line call to a pure function in macros.render.
"""

from __future__ import annotations

from pathlib import Path

from .links import Links
from .loader import DataError
from .site import SiteData, load_site

# The data of the build in progress: set in define_env (on_config, before any
# page is rendered), read by hooks.py to add generated files.
CURRENT: dict[str, SiteData] = {}


def _md(text: str) -> str:
    from .render.html import md_text

    return md_text(text)


# ---------------------------------------------------------------- where things live
# The only place that knows the site's layout. Generators get hrefs from here.


def plan_page(plan_id: str, name: str = "index") -> str:
    """Docs path of a plan's generated pages: "handlingsplan/2019-2023/index.md"."""
    return f"handlingsplan/{plan_id}/{name}.md"


def plan_download(plan_id: str, ext: str) -> str:
    return f"handlingsplan/{plan_id}/handlingsplan-{plan_id}.{ext}"


def plan_period(plan) -> str:
    from .render.plan import plan_period_text

    return plan_period_text(plan).replace("-", "–")


TEMPLATE_DOWNLOAD = "praxismodellen/barnets-plan-mall.rtf"
CALENDAR_DOWNLOAD = "styrning/uppfoljningar.ics"
REPORT_PAGE = "praxismodellen/anmalningsplikt.md"
# Pages that give guidance: they must carry owner, review date and sources in
# their front matter, and show the "Är ett barn i fara?" box.
GUIDANCE_FOLDERS = ("praxismodellen/", "familj/")
DANGER_FOLDERS = ("praxismodellen/",)


def is_guidance(src_uri: str) -> bool:
    return src_uri.startswith(GUIDANCE_FOLDERS)


def module_page(site: SiteData, module_id: str) -> str:
    """Docs path of a training module's page: "utbildning/m03-barnets-plan.md"."""
    return f"utbildning/{site.get('modul', module_id).adress}.md"


def education_page(education_id: str) -> str:
    return f"utbildning/utbildningar/{education_id}.md"


def site_path(src: str) -> str:
    """The published address of a page: "utbildning/m03-x.md" -> "/utbildning/m03-x/"."""
    from .links import url_of

    return "/" + url_of(src)


def entity_page(kind: str, id_: str) -> tuple[str, str | None] | None:
    """(docs path, anchor) of the page that presents a role or party, or None."""
    site = CURRENT.get("site")
    if kind == "roll":
        return (f"roller/{id_}.md", None)
    if kind == "aktor" and site is not None:
        org = _org(site)
        if id_ in org.unit_of:
            return (f"roller/parter/{org.unit_of[id_]}.md", f"enhet-{id_}")
        return (f"roller/parter/{id_}.md", None)
    return None


def _org(site: SiteData):
    from .render.org import Org

    cached = getattr(site, "_org", None)
    if cached is None:
        cached = Org(site.aktorer.aktorer, site.roller.roller)
        site._org = cached
    return cached


def part_namer(site: SiteData):
    """Name of a responsible part of an activity, from the data."""

    def name(part) -> str:
        names = []
        if part.roll:
            names.append(site.get("roll", part.roll).namn)
        if part.aktor:
            names.append(site.get("aktor", part.aktor).namn)
        text = " – ".join(names) if names else ""
        return text or (part.text or "")

    return name


def generated_pages(site: SiteData) -> dict[str, str]:
    """Pages generated from data (docs path -> Markdown with one-line macro
    calls). hooks.py adds them to the build and places them in the nav, in the
    section whose index.md is in the same folder."""
    pages: dict[str, str] = {}
    # --- add generated pages below, one block per area ---
    # action plans: the whole plan, one page per subject area, a timeline
    for plan in site.handlingsplaner.values():
        pages[plan_page(plan.id)] = (
            f"# Handlingsplan {plan_period(plan)}\n\n"
            f'{{{{ plan_intro("{plan.id}") }}}}\n\n'
            "<!-- Generated from data/handlingsplan/: edit the data, not this page. -->\n"
            f'{{{{ plan_document("{plan.id}") }}}}\n'
        )
        for area in plan.amnesomraden:
            pages[plan_page(plan.id, f"omrade-{area.nummer}")] = (
                f"# {area.nummer}. {_md(area.namn)}\n\n"
                f'{{{{ plan_area("{plan.id}", {area.nummer}) }}}}\n'
            )
        pages[plan_page(plan.id, "tidslinje")] = (
            f"# Tidslinje {plan_period(plan)}\n\n"
            f'{{{{ plan_timeline("{plan.id}") }}}}\n'
        )
    # training: one page per education (the module pages are written by hand)
    for edu in site.utbildning.utbildningar:
        pages[education_page(edu.id)] = f"# {_md(edu.rubrik)}\n\n{{{{ education_modules(\"{edu.id}\") }}}}\n"
    # organisation: one page per role and per party
    for role in site.roller.roller:
        pages[entity_page("roll", role.id)[0]] = f"# {_md(role.namn)}\n\n{{{{ role_page(\"{role.id}\") }}}}\n"
    for party in site.aktorer.aktorer:
        pages[entity_page("aktor", party.id)[0]] = f"# {_md(party.namn)}\n\n{{{{ party_page(\"{party.id}\") }}}}\n"
    return pages


def generated_files(site: SiteData) -> dict[str, bytes]:
    """Files generated from data at build time (downloads), by site path."""
    files: dict[str, bytes] = {}
    # --- add generated downloads below, one block per area ---
    from .render.export import plan_csv, plan_xlsx

    from .render.praxis import template_rtf
    from .render.styrning import calendar_ics

    files[CALENDAR_DOWNLOAD] = calendar_ics(sorted(site.handlingsplaner.values(), key=lambda p: p.period.first_day))

    files[TEMPLATE_DOWNLOAD] = template_rtf(
        site.barnets_plan, "Mall från handboken Barnens bästa gäller! – i Kronoberg. Innehåller inga personuppgifter förrän den fylls i."
    )
    for plan in site.handlingsplaner.values():
        name = part_namer(site)
        files[plan_download(plan.id, "csv")] = plan_csv(plan, name)
        files[plan_download(plan.id, "xlsx")] = plan_xlsx(plan, name)
    return files


def define_env(env) -> None:
    from mkdocs.exceptions import PluginError

    project = Path(env.project_dir)
    try:
        site = load_site(project / "data")
    except DataError as exc:
        # Stops the build before any page is written, listing every problem.
        raise PluginError(str(exc)) from None
    CURRENT["site"] = site
    directory_urls = env.conf.get("use_directory_urls", True)

    def links() -> Links:
        """Links relative to the page being rendered."""
        return Links(env.page.file.src_uri, directory_urls)

    # ------------------------------------------------------------ start page / shared
    @env.macro
    def source_title(source_id: str) -> str:
        """The title of a source document in data/kallor.yaml, as inline text."""
        from .render.html import md_text

        return md_text(site.get("kalla", source_id).titel)

    @env.macro
    def plan_title(plan_id: str = "2019-2023") -> str:
        from .render.html import md_text

        return md_text(site.handlingsplaner[plan_id].titel)

    @env.macro
    def plan_vision(plan_id: str = "2019-2023") -> str:
        from .render.html import md_text

        return md_text(site.handlingsplaner[plan_id].vision)

    @env.macro
    def plan_meta(plan_id: str = "2019-2023") -> str:
        """One line: title, period, set and revised dates of a plan."""
        from .render.plan import plan_meta_line

        plan = site.handlingsplaner[plan_id]
        return plan_meta_line(plan, site.get("roll", plan.faststalld_av).namn)

    # ------------------------------------------------------------ action plan
    def plan_hrefs(plan):
        here = links()

        def activity_href(activity) -> str:
            from .render.plan import activity_anchor

            return here.to(plan_page(plan.id), activity_anchor(activity))

        def activity_md(activity) -> str:
            from .render.plan import activity_anchor

            return here.md(plan_page(plan.id), activity_anchor(activity))

        def area_href(area) -> str:
            return here.md(plan_page(plan.id, f"omrade-{area.nummer}"))

        def party_href(part) -> str | None:
            for kind, id_ in (("roll", part.roll), ("aktor", part.aktor)):
                where = entity_page(kind, id_) if id_ else None
                if where:
                    return here.to(*where)
            return None

        return activity_href, activity_md, area_href, party_href

    @env.macro
    def plan_list() -> str:
        """Every plan on the site, newest first, linked."""
        from .render.plan import plan_list as render

        here = links()
        return render(list(site.handlingsplaner.values()), lambda p: here.md(plan_page(p.id)))

    @env.macro
    def plan_intro(plan_id: str) -> str:
        """Title, vision, dates, downloads and the list of subject areas."""
        from .render.plan import area_list

        plan = site.handlingsplaner[plan_id]
        _, _, area_href, _ = plan_hrefs(plan)
        here = links()
        return "\n".join(
            [
                f"**{_md(plan.titel)}**",
                "",
                f"*{_md(plan.vision)}*",
                "",
                plan_meta(plan_id),
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
                f"[Tidslinje för alla aktiviteter]({here.md(plan_page(plan_id, 'tidslinje'))})",
                "",
                "## Ladda ner planen",
                "",
                f"- [Handlingsplanen som CSV]({here.md(plan_download(plan_id, 'csv'))}) "
                "(UTF-8, semikolon som avgränsare, öppnas i Excel och LibreOffice)",
                f"- [Handlingsplanen som Excel-fil (XLSX)]({here.md(plan_download(plan_id, 'xlsx'))})",
                "",
            ]
        )

    @env.macro
    def plan_document(plan_id: str = "2019-2023") -> str:
        """The whole plan: one heading and table per subject area."""
        from .render.plan import whole_plan

        plan = site.handlingsplaner[plan_id]
        _, _, area_href, party_href = plan_hrefs(plan)
        return whole_plan(plan, name_of=part_namer(site), href_of=party_href, area_href=area_href)

    @env.macro
    def plan_area(plan_id: str, number: int) -> str:
        """One subject area's page."""
        from .render.plan import area_page

        plan = site.handlingsplaner[plan_id]
        _, activity_md, _, party_href = plan_hrefs(plan)
        return area_page(plan, plan.amnesomraden[number - 1], activity_href=activity_md, name_of=part_namer(site), href_of=party_href)

    @env.macro
    def plan_timeline(plan_id: str) -> str:
        """The timeline of every activity, as SVG with a text table."""
        from .render.timeline import timeline

        plan = site.handlingsplaner[plan_id]
        activity_href, _, _, _ = plan_hrefs(plan)
        return timeline(plan, activity_href)

    # --- add macros below, one block per area ---

    # ------------------------------------------------------------ organisation, financing, decisions
    from .render import org as org_render

    org = _org(site)

    def role_md(role_id: str) -> str:
        return links().md(*entity_page("roll", role_id))

    def party_md(aktor_id: str) -> str:
        where = entity_page("aktor", aktor_id)
        return links().md(*where)

    def party_url(aktor_id: str) -> str:
        return links().to(*entity_page("aktor", aktor_id))

    def role_url(role_id: str) -> str:
        return links().to(*entity_page("roll", role_id))

    def activity_url(plan):
        from .render.plan import activity_anchor

        return lambda act: links().to(plan_page(plan.id), activity_anchor(act))

    def source_name(source_id: str) -> str:
        return site.get("kalla", source_id).titel

    def plans_newest_first():
        return sorted(site.handlingsplaner.values(), key=lambda p: p.period.first_day, reverse=True)

    @env.macro
    def org_chart() -> str:
        """Organisation chart: who reports to whom, as nested lists."""
        return org_render.org_chart(org, role_url)

    @env.macro
    def role_list(typ: str) -> str:
        """Linked list of the roles of one type (organ, funktion, praktikroll)."""
        return org_render.role_list(site.roller.roller, role_md, typ)

    @env.macro
    def party_list() -> str:
        return org_render.party_list(org, party_md)

    def _responsibilities(resps_for, caption_for) -> str:
        parts = []
        for plan in plans_newest_first():
            resps = resps_for(plan)
            title = f"### {_md(plan.titel)}"
            if resps:
                parts += [title, "", org_render.responsibility_table(resps, caption_for(plan), activity_url(plan)), ""]
            else:
                parts += [title, "", "Inga aktiviteter i den här planen.", ""]
        return "\n".join(parts)

    @env.macro
    def role_page(role_id: str) -> str:
        """A role's page: description, composition, and its plan activities (from the plan data)."""
        role = org.roller[role_id]
        body = org_render.role_details(role, org, role_md, party_md, source_name)
        resp = _responsibilities(
            lambda plan: org.role_responsibilities(plan, role_id),
            lambda plan: f"Aktiviteter där {role.namn} är ansvarig, {plan.titel}",
        )
        return "\n".join(
            [
                body,
                "## Vad ansvarar vi för? { #ansvar }",
                "",
                "Aktiviteterna i handlingsplanen där rollen står som ansvarig. Listan skapas ur planens data.",
                "",
                resp,
                org_render.sources_line(role.kallor, source_name),
            ]
        )

    @env.macro
    def party_page(aktor_id: str) -> str:
        """A party's page: its roles, plan responsibilities (generated) and financing."""
        from .render.finansiering import kr

        party = org.aktorer[aktor_id]
        body = org_render.party_details(party, org, party_md, role_md)
        resp = _responsibilities(
            lambda plan: org.party_responsibilities(plan, aktor_id),
            lambda plan: f"Aktiviteter där {party.namn} har ansvar, {plan.titel}",
        )
        money = []
        for fin in site.finansiering.finansiering:
            row = next((r for r in fin.kommuner if r.aktor == aktor_id), None)
            if row is not None:
                amounts = ", ".join(f"{_md(c.rubrik)}: {kr(row.belopp[c.id])} kr" for c in fin.kolumner)
                money.append(f"- {_md(fin.rubrik)}: andel {_md(row.andel_original)} av kommunernas halva. {amounts}.")
            elif fin.region_aktor == aktor_id:
                money.append(f"- {_md(fin.rubrik)}: halva kostnaden, {_md(fin.region.original)}.")
        fin_md = links().md("styrning/finansiering.md")
        finance = (
            ["## Finansiering", "", *money, "", f"Hela tabellen med kontroll finns under [Finansiering]({fin_md}).", ""]
            if money
            else []
        )
        return "\n".join(
            [
                body,
                "## Vad ansvarar vi för? { #ansvar }",
                "",
                "Aktiviteterna i handlingsplanen där parten har ansvar: direkt, genom en grupp den ingår i "
                "eller genom en roll som finns hos parten. Listan skapas ur planens data.",
                "",
                resp,
                *finance,
                org_render.sources_line(party.kallor, source_name),
            ]
        )

    @env.macro
    def responsibility_matrix(plan_id: str = "2019-2023") -> str:
        """Parties × activities of a plan."""
        plan = site.handlingsplaner[plan_id]
        return org_render.matrix(org, plan, activity_url(plan), party_url)

    @env.macro
    def financing_costs(fin_id: str = "inriktningsbeslut-2018") -> str:
        from .render.finansiering import costs_list

        return costs_list(site.get("finansiering", fin_id))

    @env.macro
    def financing_table(fin_id: str = "inriktningsbeslut-2018") -> str:
        """The published table, with the cross-check beside each figure."""
        from .render.finansiering import financing_table as render

        return render(site.get("finansiering", fin_id), lambda a: org.short(a), party_url)

    @env.macro
    def financing_summary(fin_id: str = "inriktningsbeslut-2018") -> str:
        from .render.finansiering import summary

        return summary(site.get("finansiering", fin_id), lambda a: org.short(a))

    @env.macro
    def financing_checks(fin_id: str = "inriktningsbeslut-2018") -> str:
        from .render.finansiering import checks_table

        return checks_table(site.get("finansiering", fin_id), lambda a: org.short(a))

    @env.macro
    def decision_history() -> str:
        """Every decision, oldest first, linked to what it concerns."""
        from .render.beslut import history

        return history(
            site.beslut.beslut,
            lambda r: (org.roller[r].namn, role_md(r)),
            lambda a: (org.name(a), party_md(a)),
            lambda p: (site.handlingsplaner[p].titel, links().md(plan_page(p))),
            source_name,
        )

    # ------------------------------------------------------------ practice model
    from .render import praxis as praxis_render

    def source_of(k) -> tuple[str, str | None]:
        if k.dokument:
            doc = site.get("kalla", k.dokument)
            return doc.titel, doc.url
        return k.titel or "", k.url

    @env.macro
    def fara() -> str:
        """The "Är ett barn i fara?" box."""
        return praxis_render.danger_callout(links().md(REPORT_PAGE))

    @env.macro
    def praxis_steps() -> str:
        return praxis_render.steps(site.praxis)

    @env.macro
    def bba_table() -> str:
        return praxis_render.bba_table(site.praxis.bba_skeden)

    @env.macro
    def bba_duties() -> str:
        return praxis_render.checklist(site.praxis.bba_uppgifter, "BBA:s uppgifter")

    @env.macro
    def bba_questions() -> str:
        return praxis_render.decision_flow(site.praxis.bba_fragor)

    @env.macro
    def bba_sources() -> str:
        return "Källor: " + praxis_render.sources_inline(
            [*site.praxis.bba_uppgifter_kallor, *site.praxis.bba_fragor_kallor], source_of
        )

    @env.macro
    def lead_duties() -> str:
        return praxis_render.checklist(site.praxis.samverkansansvarig_uppgifter, "Den samverkansansvariga verksamhetens uppgifter")

    @env.macro
    def lead_sources() -> str:
        return "Källor: " + praxis_render.sources_inline(site.praxis.samverkansansvarig_kallor, source_of)

    @env.macro
    def law_table(prefix: str = "") -> str:
        """Laws from data/lagar.yaml; `prefix` filters by id (e.g. "osl-")."""
        rows = [r for r in site.lagar.lagrum if r.id.startswith(prefix)]
        caption = "Bestämmelser i offentlighets- och sekretesslagen" if prefix == "osl-" else "Lagar och bestämmelser som rör arbetet"
        return praxis_render.law_table(rows, source_of, caption)

    @env.macro
    def glossary() -> str:
        return praxis_render.glossary(site.ordlista.termer, source_of)

    @env.macro
    def term_mapping() -> str:
        return praxis_render.term_mapping(site.ordlista.termer)

    @env.macro
    def wellbeing_table() -> str:
        return praxis_render.wellbeing_table(site.valbefinnande.indikatorer)

    @env.macro
    def wellbeing_questions() -> str:
        return praxis_render.conversation_questions(site.valbefinnande.indikatorer)

    @env.macro
    def my_world() -> str:
        return praxis_render.triangle(site.valbefinnande.triangel)

    @env.macro
    def wellbeing_sources() -> str:
        v = site.valbefinnande
        return "Källor: " + praxis_render.sources_inline([*v.indikatorer_kallor, *v.triangel_kallor], source_of)

    @env.macro
    def plan_template() -> str:
        """The printable template of barnets plan."""
        return praxis_render.template_html(site.barnets_plan)

    @env.macro
    def plan_template_link() -> str:
        return f"[Ladda ner mallen som redigerbart dokument (RTF, öppnas i Word och LibreOffice)]({links().md(TEMPLATE_DOWNLOAD)})"

    @env.macro
    def plan_template_sources() -> str:
        return "Källor: " + praxis_render.sources_inline(site.barnets_plan.kallor, source_of)

    # ------------------------------------------------------------ training modules
    from .render import utbildning as training

    modules = {m.id: m for m in site.utbildning.moduler}

    def module_md(module_id: str) -> str:
        return links().md(module_page(site, module_id))

    def module_url(module_id: str) -> str:
        return links().to(module_page(site, module_id))

    @env.macro
    def module_header(module_id: str) -> str:
        """Facts, goals and the permanent address at the top of a module page."""
        mod = site.get("modul", module_id)
        here = env.page.file.src_uri
        if here != module_page(site, module_id):
            raise ValueError(f"modul {module_id} ska stå på docs/{module_page(site, module_id)}, inte på docs/{here}")
        return training.module_header(mod, modules, module_md, site_path(module_page(site, module_id)))

    @env.macro
    def module_reading(module_id: str) -> str:
        return training.module_reading(site.get("modul", module_id), lambda src: links().md(src.split("#")[0], src.split("#")[1] if "#" in src else None))

    @env.macro
    def module_further(module_id: str) -> str:
        return training.further_reading(site.get("modul", module_id).fordjupning, source_of)

    @env.macro
    def module_educations(module_id: str) -> str:
        return training.educations_for(module_id, site.utbildning.utbildningar)

    @env.macro
    def module_table() -> str:
        return training.module_table(site.utbildning.moduler, module_url)

    @env.macro
    def education_matrix() -> str:
        return training.education_matrix(
            site.utbildning.moduler, site.utbildning.utbildningar, module_url, lambda e: links().to(education_page(e))
        )

    @env.macro
    def education_list() -> str:
        return "\n".join(
            f"- [{_md(e.rubrik)}]({links().md(education_page(e.id))})" for e in site.utbildning.utbildningar
        )

    @env.macro
    def education_modules(education_id: str) -> str:
        return training.education_page(
            site.get("utbildning", education_id), modules, module_md, lambda m: site_path(module_page(site, m))
        )

    # ------------------------------------------------------------ steering group
    import datetime as _dt

    from .render import styrning as steering

    def plan_activity_url(plan):
        from .render.plan import activity_anchor

        return lambda act: links().to(plan_page(plan.id), activity_anchor(act))

    @env.macro
    def follow_up_calendar(plan_id: str = "2019-2023") -> str:
        plan = site.handlingsplaner[plan_id]
        return steering.calendar_table(plan, plan_activity_url(plan))

    @env.macro
    def calendar_link() -> str:
        return f"[Prenumerera eller ladda ner kalendern (iCalendar, .ics)]({links().md(CALENDAR_DOWNLOAD)})"

    @env.macro
    def status_overview(plan_id: str = "2019-2023") -> str:
        """The status handout: summary, lists, one table per area and per party."""
        from .render.html import md_text

        plan = site.handlingsplaner[plan_id]
        as_of = _dt.date.today()
        href = plan_activity_url(plan)
        out = [
            f"Läget {steering.sv_date(as_of)} för {md_text(plan.titel)}. Allt om status är hämtat ur planen; "
            "där planen inte säger något står \"Inget redovisat i planen\".",
            "",
            "## Sammanfattning { #sammanfattning }",
            "",
            steering.summary_table(plan, as_of),
            "",
            "### Perioden har gått ut utan redovisat resultat { #utan-resultat }",
            "",
        ]
        late = steering.ended_without_result(plan, as_of)
        out += [f"- {a.id} {md_text(a.text)} (tid: {md_text(a.tid.original)})" for a in late] or ["Inga."]
        out += ["", "### Utan angiven uppföljning i planen { #utan-uppfoljning }", ""]
        missing = steering.without_followup(plan)
        out += [f"- {a.id} {md_text(a.text)}" for a in missing] or ["Inga."]
        out += ["", "## Per ämnesområde { #per-omrade }", ""]
        for area in plan.amnesomraden:
            out += [
                f"### {area.nummer}. {md_text(area.namn)} {{ #status-omrade-{area.nummer} }}",
                "",
                steering.status_table(area.aktiviteter, f"Status, ämnesområde {area.nummer}", href, as_of),
                "",
            ]
        out += ["## Per part { #per-part }", ""]
        for party in org.parties_in_plan(plan):
            resps = org.party_responsibilities(plan, party)
            items = ", ".join(
                f"{r.activity.id} ({'redovisat' if steering.status_notes(r.activity) else 'inget redovisat'})" for r in resps
            )
            out.append(f"- **{md_text(org.name(party))}**: {items}")
        return "\n".join(out)

    @env.macro
    def revision_history(plan_id: str | None = None) -> str:
        """Set and revised dates of a plan (every plan, newest first, when no id
        is given) and what changed between the versions we have."""
        from .render.html import md_text

        if plan_id is None:
            parts = []
            for p in sorted(site.handlingsplaner.values(), key=lambda p: p.period.first_day, reverse=True):
                parts += [f"## {md_text(p.titel)} {{ #plan-{p.id} }}", "", revision_history(p.id), ""]
            return "\n".join(parts)
        plan = site.handlingsplaner[plan_id]
        versions = sorted(
            (v for v in (site.planversioner or {}).values() if v.plan == plan_id), key=lambda v: v.galler_fran
        )
        out = [f"- **{steering.sv_date(plan.faststalld)}**: planen fastställs av {md_text(site.get('roll', plan.faststalld_av).namn.lower())}."]
        for r in plan.revisioner:
            what = md_text(r.beskrivning) if r.beskrivning else "Planen anger inte vad som ändrades."
            shown = f' (i planen: "{md_text(r.original)}")' if r.original else ""
            out.append(f"- **{steering.sv_date(r.datum)}**{shown}: planen revideras. {what}")
        out.append("")
        if not versions:
            out += [
                "Tidigare lydelser av planen finns inte i handbokens källor, så ändringarna kan inte visas. "
                "När en tidigare lydelse läggs in som datafil visas skillnaderna här automatiskt.",
            ]
            return "\n".join(out)
        chain = [(v.galler_fran, v) for v in versions] + [((plan.revisioner[-1].datum if plan.revisioner else plan.faststalld), plan)]
        out += ["### Ändringar mellan versionerna", ""]
        for (d0, old), (d1, new) in zip(chain, chain[1:]):
            out += [f"#### Från {steering.sv_date(d0)} till {steering.sv_date(d1)}", "", steering.diff_markdown(steering.diff(old, new)), ""]
        return "\n".join(out)

