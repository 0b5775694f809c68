"""The page footer (overrides/partials/footer.html): who owns the handbook,
how to report an error, and the settings it is made from (mkdocs.yml,
`extra.handbok`). Plain functions, no mkdocs: the hook (macros/hooks/frame.py)
passes the validated data in; the template makes the links relative to each
page with mkdocs' `url` filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from markupsafe import Markup

from .provenance import mark

OWNER_NOTE = "länet har inte beslutat vem som äger handboken"
REPORT_MISSING = "länet har ännu inte angett vart felrapporter ska skickas"


def check_settings(settings: object, roles: Mapping[str, object]) -> list[str]:
    """Problems (Swedish) with mkdocs.yml's `extra.handbok`, each naming the field."""
    where = "mkdocs.yml, extra.handbok"
    if not isinstance(settings, Mapping):
        return [f'{where}: saknas; skriv "foreslagen_ansvarig: <roll i data/roller.yaml>" (och "felrapport:")']
    problems = [f'{where}: okänt fält "{key}"' for key in settings if key not in ("foreslagen_ansvarig", "felrapport")]
    owner = settings.get("foreslagen_ansvarig")
    if not isinstance(owner, str) or owner not in roles:
        problems.append(f'{where}.foreslagen_ansvarig: "{owner}" är ingen roll i data/roller.yaml')
    report = settings.get("felrapport")
    if report is not None and not _is_web_address(report):
        problems.append(f'{where}.felrapport: "{report}" är ingen webbadress (https://…) till en funktion; '
                        "lämna fältet tomt tills länet har bekräftat en")
    return problems


def _is_web_address(value: object) -> bool:
    if not isinstance(value, str) or any(c in value for c in " \"'<>\\") or any(ord(c) < 32 for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme == "https" and bool(parts.netloc)


def footer_parts(owner_name: str, owner_page: str, report: str | None, statement: str,
                 links: list[tuple[str, str]]) -> dict[str, object]:
    """What the footer template prints: the owner (a proposal) and its page,
    the error-report address or, while there is none, a Kontrolleras mark and
    the accessibility statement's reporting section, and the footer's links
    ((text, site path) pairs). Paths are site paths for the `url` filter; text
    is escaped here."""
    return {
        "ansvarig": Markup.escape(owner_name),
        "ansvarig_sida": owner_page,
        "ansvarig_grund": mark("forslag", OWNER_NOTE),
        "felrapport": report,
        "felrapport_grund": None if report else mark("kontrolleras", REPORT_MISSING),
        "redogorelse": statement,
        "lankar": [(Markup.escape(text), path) for text, path in links],
    }


def check_site_url(site_url: object) -> list[str]:
    """Problems with mkdocs.yml's site_url: the sitemap, canonical links, the
    feed and the PDFs need the site's full address (https://host/)."""
    if not isinstance(site_url, str) or not site_url:
        return ["mkdocs.yml: site_url saknas; skriv webbplatsens adress, till exempel https://handbok.kommun.example/"]
    parts = urlsplit(site_url)
    # `mkdocs serve` sets site_url to its own address (http://127.0.0.1:8000/);
    # a publishing build is checked again by `make publish` (steps/release.py).
    preview = parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost", "::1")
    if (parts.scheme != "https" and not preview) or not parts.netloc or not site_url.endswith("/") or parts.query or parts.fragment:
        return [f'mkdocs.yml: site_url "{site_url}" ska vara webbplatsens adress med https och / sist, '
                "till exempel https://handbok.kommun.example/"]
    return []
