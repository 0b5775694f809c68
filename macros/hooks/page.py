"""mkdocs hook (glue): the one place where the build adds blocks to a page.

Listed under `hooks:` in mkdocs.yml after macros/hooks/generated.py. Every
block the build adds to a page's Markdown is collected here as PageParts and
put in by macros/render/page_parts.py, in this order:

- under the title: the PDF link, the "Är ett barn i fara?" box (guidance pages
  in layout.DANGER_FOLDERS), the review summary and out-of-date notice
  (guidance pages), the page's own provenance note (front matter `grund:`);
- at the end: the numbered sources of the text ({{ kalla() }}), the footer of
  a guidance page (status, owner, sources), the "Senast ändrad" block.

Guidance pages also have their front matter checked here (owner, review and
sources; layout.GUIDANCE_FOLDERS).
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from macros.areas.local import akut_sources, kommunval
from macros.areas.practice import report_sources
from macros.build import Build, build_of
from macros.builddate import build_date
from macros.context import Context
from macros.domain import review
from macros.paths import layout
from macros.outputs import page_notes
from macros.paths.links import Links
from macros.render.changes import note_anchor, page_block
from macros.render.page_parts import PageParts, assemble
from macros.render.pdf import pdf_link
from macros.render.practice import check_guidance_meta, danger_callout, guidance_footer
from macros.render.provenance import number_sources, page_grund_note
from macros.render.review_status import FOOTER_ID, expiry_notice, page_summary


def on_page_markdown(markdown: str, page, config, files):
    build = build_of(config)
    if build is None:
        return markdown
    src = page.file.src_uri
    here = Links(src, config.get("use_directory_urls", True))
    note = _grund_note(page, build, src)
    guidance = _guidance_parts(markdown + note, page, config, build, src, here) if layout.is_guidance(src) else PageParts()
    # The blocks under the title are text like the rest: their sources are numbered with it.
    markdown = assemble(markdown, PageParts(under_title=(_pdf_link(build, src, here), *guidance.under_title, note)))
    markdown, cited = number_sources(markdown, lambda sid: _source(build, sid))
    return assemble(markdown, PageParts(at_end=(cited, *guidance.at_end, _change_block(build, src, here))))


def _grund_note(page, build: Build, src: str) -> str:
    """The page's own provenance (front matter `grund:`, issue 12), or ""."""
    if page.meta.get("grund") is None:
        return ""
    try:
        return page_grund_note(page.meta["grund"], f"docs/{src}", Context.for_page(build.site, src, build.org).source_of)
    except ValueError as exc:
        raise PluginError(str(exc)) from None


def _pdf_link(build: Build, src: str, here: Links) -> str:
    pdf = layout.pdf_of_page(build.site, src)
    return pdf_link(here.to(pdf[0]), pdf[1]) if pdf is not None else ""


def _change_block(build: Build, src: str, here: Links) -> str:
    notes = page_notes(build.site, src)
    return page_block(notes, lambda n: here.to(layout.CHANGE_LOG_PAGE, note_anchor(n)), here.to(layout.CHANGE_LOG_PAGE))


def _source(build: Build, source_id: str) -> tuple[str, str | None]:
    doc = build.site.get("kalla", source_id)
    return doc.titel, doc.url


def _guidance_parts(markdown: str, page, config, build: Build, src: str, here: Links) -> PageParts:
    """A guidance page's danger box, review summary and footer. `markdown`:
    the page as the reader sees it, for counting its marks."""
    site = build.site
    problems = check_guidance_meta(
        f"docs/{src}", page.meta, set(site.index.get("roll", {})), set(site.index.get("kalla", {}))
    )
    if problems:
        raise PluginError("Vägledningssidan saknar uppgifter:\n  - " + "\n  - ".join(problems))
    # Only a recorded review whose fingerprint matches the page makes it say "Granskad".
    latest = site.granskningar.latest(src)
    current = review.page_fingerprint(site, Path(config["docs_dir"]), src) if latest else ""  # a draft has nothing to match
    status = review.review_status(latest, current, build_date())
    function = site.get("roll", latest.granskad_av) if latest else None
    function_link = (function.namn, here.md(layout.role_page(function.id))) if function else None
    sources = [_source(build, sid) for sid in page.meta["kallor"]]
    owner = site.get("roll", page.meta["foreslagen_ansvarig"])
    confirmed = site.get("roll", latest.ansvarig) if latest and latest.ansvarig else None
    counts = {kind: len(re.findall(rf'class="bbg-grund bbg-grund-{kind}"', markdown)) for kind in ("forslag", "tolkning", "kontrolleras")}
    counts["kalla"] = markdown.count('<span class="bbg-kalla" ')
    summary = page_summary(status, function_link, counts, len(sources), f"#{FOOTER_ID}", here.md(layout.ABOUT_PAGE, "grund"))
    danger = ""
    if layout.has_danger_box(src):
        ctx = Context(site, build.org, lambda: src, config.get("use_directory_urls", True))
        danger = danger_callout(here.md(layout.REPORT_PAGE), kommunval(ctx), akut_sources(ctx), report_sources(ctx))
    footer = guidance_footer(
        status,
        function_link,
        (owner.namn, here.md(layout.role_page(owner.id))),
        sources,
        (confirmed.namn, here.md(layout.role_page(confirmed.id))) if confirmed else None,
    )
    return PageParts(under_title=(danger, expiry_notice(status) + "\n\n" + summary), at_end=(footer,))
