"""The financing page reads at the table: the decided figures first, a column
that does not add up said once, years no record gives as Kontrolleras, and
the arithmetic folded under "Så har vi räknat"."""

from __future__ import annotations

import copy
import html
import re

from macros.data.models.finansiering import Finansiering
from macros.render.finance import decided_table, later_years, years_text
from test_org import FIXTURE


def _fin(year: int | None = 2019) -> Finansiering:
    data = copy.deepcopy(FIXTURE)
    data["kolumner"][0]["ar"] = year
    return Finansiering.model_validate(data)


def test_later_years_are_those_no_column_gives():
    assert later_years(_fin(2019), 2023) == [2020, 2021, 2022, 2023]
    assert later_years(_fin(2023), 2023) == []
    assert later_years(_fin(None), 2023) == []  # no whole year given: nothing to say about later ones
    assert years_text([2020, 2021, 2022, 2023]) == "2020–2023" and years_text([2024]) == "2024"


def test_decided_table_shows_figures_as_published_and_the_gap_once():
    # In the fixture Ljungby's 200 100 is 100 kr more than 40 % of 500 000, so the
    # column adds up to 500 100 against the published 500 000.
    out = str(decided_table(_fin(2019), lambda a: a, lambda a: None, [2020, 2021]))
    assert "Avviker" not in out and "Avrundat" not in out  # the checks are under Så har vi räknat
    assert out.count("Raderna summerar till 500\u00a0100 kr, 100 kr mer") == 1
    row = out.split("</span> ljungby</th>", 1)[1].split("</tr>", 1)[0]
    assert "200\u00a0100" in row and "Kontrolleras" in row
    assert '<th scope="col">Kostnad 2020–2021</th>' in out
    assert out.count("Kontrolleras") == 3  # two municipalities and the total


def test_built_financing_page_puts_the_decided_table_first(built_site):
    page = (built_site / "styrning" / "finansiering" / "index.html").read_text(encoding="utf-8")
    decided = page.index("Beslutade belopp per kommun och år, i kronor")
    details = page.index("<details")
    assert decided < details
    folded = page[details : page.index("</details>")]
    # every check and the table with the checks beside each figure are folded
    assert "Alla kontroller av finansieringstabellen med uträkning" in folded
    assert "med kontroll</caption>" in folded
    # seed 003: 2019 rows add up to 666 997 kr against 668 000 kr, said once above the fold
    text = html.unescape(page[:details]).replace("\u00a0", " ")
    assert text.count("Raderna summerar till 666 997 kr, 1 003 kr mindre") == 1
    assert re.search(r"<summary>[^<]+</summary>", folded)
