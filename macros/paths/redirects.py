"""Published addresses (data/adresser.yaml) -> redirects for moved pages (pure)."""

from __future__ import annotations

from .links import sources_of


def address_to_src(address: str) -> str:
    """"/utbildning/m03-x/" -> "utbildning/m03-x.md"; "/" -> "index.md" (the
    form mkdocs-redirects takes; it writes the address's index.html)."""
    return sources_of(address)[0]


def redirect_map(addresses) -> dict[str, str]:
    """{old source path: new source path} for every moved address, in the form
    mkdocs-redirects expects (it writes old/index.html pointing to the new page)."""
    return {address_to_src(a.adress): address_to_src(a.flyttad_till) for a in addresses if a.flyttad_till}
