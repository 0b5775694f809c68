"""mkdocs hooks (glue) for the frame of every page: the footer's settings
(mkdocs.yml `extra.handbok`, checked against the data) and the site's address
(`site_url`, used by the sitemap, canonical links, the feed and the PDFs).
Listed under `hooks:` in mkdocs.yml after macros/hooks/generated.py.
"""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from macros.paths import layout
from macros.build import build_of
from macros.paths.links import url_of
from macros.render.footer import check_settings, check_site_url, footer_parts


def on_config(config):
    build = build_of(config)
    if build is None:
        return config
    settings = config["extra"].get("handbok")
    problems = check_site_url(config.get("site_url")) + check_settings(settings, build.site.index.get("roll", {}))
    if problems:
        raise PluginError("Inställningarna för sidfoten och adressen stämmer inte:\n  - " + "\n  - ".join(problems))
    owner = build.site.get("roll", settings["foreslagen_ansvarig"])
    page = layout.role_page(owner.id)
    directory_urls = config.get("use_directory_urls", True)

    def url(src: str) -> str:
        return url_of(src, directory_urls)

    links = [("Tillgänglighetsredogörelse", url(layout.STATEMENT_PAGE)), ("Ändringar i handboken", url(layout.CHANGE_LOG_PAGE)),
             ("Ändringar som flöde (Atom)", layout.FEED_FILE), ("Om webbplatsen", url(layout.ABOUT_PAGE))]
    config["extra"]["bbg_sidfot"] = footer_parts(owner.namn, url(page), settings.get("felrapport"), url(layout.STATEMENT_PAGE), links)
    return config
