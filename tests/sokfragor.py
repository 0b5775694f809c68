"""The search benchmark: queries written from the readers' side, each with the
pages that answer it. Used by `make bench` (tools/bench.py prints the share
with a right page among the first three, at first place, the queries with no
result and the time to the first result) and, for the subset marked TEST, by
tests/test_browser.py.

The answers were written by reading the pages, not by running the search:
a page answers a query when a reader who typed it would be helped by it.
Who asks: P = practitioner (school, health care, social services, police),
U = trainer (utbildare), S = steering group and process leaders, F = family.
What the query tests: inflected form, variant spelling, abbreviation,
older name, compound, question, two or three words, kind of page.
"""

from __future__ import annotations

from typing import NamedTuple


class Fraga(NamedTuple):
    query: str
    answers: tuple[str, ...]  # site paths, any of them is a right answer
    who: str
    what: str
    test: bool = False  # also run as a test in tests/test_browser.py


Q = Fraga
QUERIES: list[Fraga] = [
    # ---- the four examples (issue 14)
    Q("kompetensutveckling förskola", ("handlingsplan/2019-2023/omrade-5/", "utbildning/", "utbildning/utbildningar/forskollarare/"), "U", "två ord, sammansatt", True),
    Q("vem är BBA för en 15-åring", ("praxismodellen/bba/", "familj/", "praxismodellen/", "utbildning/m04-bba-och-overlamning/"), "P", "fråga, förkortning, ålder", True),
    Q("barnetsbästa-ansvarig", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "stavning på länets sidor", True),
    Q("barnens bästa-ansvarig", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "stavning på länets sidor", True),
    Q("Barnets bästa-ansvarig", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "stavning på länets sidor", True),
    Q("lättläst", ("familj/", "familj/rattigheter/"), "F", "sidtyp", True),
    Q("lätt svenska", ("familj/", "familj/rattigheter/"), "F", "sidtyp, två ord", True),
    Q("barnhälsovården", ("praxismodellen/bba/", "roller/parter/region-kronoberg/", "utbildning/m04-bba-och-overlamning/"), "P", "sammansatt, böjd", True),
    # ---- inflected forms and words only in generated tables
    Q("anmälningsplikten", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/"), "P", "böjd form", True),
    Q("samtycket", ("praxismodellen/informationsdelning/", "familj/rattigheter/"), "P", "böjd form", True),
    Q("plattformen", ("handlingsplan/2019-2023/omrade-2/",), "S", "böjd form, tabell"),
    Q("kommunikationsplanen", ("handlingsplan/2019-2023/omrade-2/",), "S", "böjd form, sammansatt"),
    Q("skatteunderlaget", ("styrning/finansiering/",), "S", "böjd form, sammansatt"),
    Q("processledarnas", ("roller/processledare/",), "S", "genitiv plural"),
    Q("mödrahälsovårdens", ("praxismodellen/bba/",), "P", "genitiv, sammansatt", True),
    Q("överlämningen", ("utbildning/m04-bba-och-overlamning/",), "U", "böjd form"),
    Q("följeforskarna", ("roller/foljeforskare/",), "S", "böjd form"),
    Q("arbetsutskottet", ("roller/arbetsutskott/",), "S", "böjd form"),
    Q("inriktningsbeslutet", ("styrning/beslut/", "styrning/finansiering/"), "S", "böjd form, sammansatt"),
    Q("förhandsbedömningen", ("praxismodellen/anmalningsplikt/", "praxismodellen/lagar/"), "P", "böjd form"),
    Q("elevhälsan", ("praxismodellen/lagar/", "praxismodellen/", "praxismodellen/informationsdelning/"), "P", "böjd form"),
    Q("åtgärdsprogrammet", ("praxismodellen/barnets-plan/",), "P", "böjd form"),
    # ---- abbreviations and their expansions
    Q("BBA", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "förkortning", True),
    Q("BBA:n", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "förkortning, böjd"),
    Q("BVC", ("praxismodellen/bba/", "ordlista/"), "P", "förkortning"),
    Q("barnavårdscentralen", ("praxismodellen/bba/", "praxismodellen/"), "P", "utskrivet, böjd"),
    Q("MVC", ("praxismodellen/bba/", "familj/", "ordlista/"), "P", "förkortning"),
    Q("KAA", ("praxismodellen/bba/", "ordlista/"), "P", "förkortning"),
    Q("kommunernas aktivitetsansvar", ("praxismodellen/bba/", "ordlista/", "utbildning/m04-bba-och-overlamning/"), "P", "variant, två ord"),
    Q("SIP", ("praxismodellen/barnets-plan/", "utbildning/m05-barnets-plan/"), "P", "förkortning", True),
    Q("samordnad individuell plan", ("praxismodellen/barnets-plan/", "utbildning/m05-barnets-plan/", "praxismodellen/lagar/"), "P", "utskrivet, tre ord"),
    Q("BBIC", ("praxismodellen/barnets-plan/", "ordlista/"), "P", "förkortning"),
    Q("TSI", ("ordlista/",), "S", "förkortning"),
    Q("OSL", ("praxismodellen/informationsdelning/", "praxismodellen/lagar/", "ordlista/"), "P", "förkortning"),
    Q("SoL", ("praxismodellen/lagar/", "praxismodellen/anmalningsplikt/", "ordlista/"), "P", "förkortning"),
    Q("sekretesslagen", ("praxismodellen/informationsdelning/", "praxismodellen/lagar/"), "P", "äldre namn"),
    # ---- older names and the GIRFEC words
    Q("GIRFEC", ("om/", "ordlista/", "praxismodellen/"), "U", "förkortning"),
    Q("named person", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/", "praxismodellen/", "ordlista/"), "U", "GIRFEC, två ord", True),
    Q("lead professional", ("praxismodellen/samverkansansvarig/", "roller/samverkansansvarig-verksamhet/"), "U", "GIRFEC, två ord"),
    Q("Skottlandsmodellen", ("om/", "praxismodellen/", "ordlista/"), "S", "äldre namn"),
    Q("namngiven person", ("praxismodellen/bba/", "roller/barnensbasta-ansvarig/"), "P", "äldre namn, två ord"),
    Q("barnplan", ("praxismodellen/barnets-plan/",), "P", "äldre namn"),
    Q("välbefinnandehjulet", ("praxismodellen/valbefinnande/", "utbildning/m03-barnets-basta-hjulet/"), "P", "äldre namn, böjd"),
    Q("SHANARRI", ("praxismodellen/valbefinnande/", "ordlista/"), "U", "GIRFEC"),
    Q("min värld triangeln", ("praxismodellen/valbefinnande/",), "U", "tre ord"),
    # ---- compounds that are not on the site as typed
    Q("orosanmälan", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/"), "P", "sammansatt, finns inte på sidorna", True),
    Q("vårdnadshavarens samtycke", ("praxismodellen/informationsdelning/", "familj/rattigheter/"), "P", "genitiv, två ord"),
    Q("samverkansmötet", ("praxismodellen/barnets-plan/", "praxismodellen/steg-for-steg/", "utbildning/m08-barnets-delaktighet/"), "P", "sammansatt, böjd"),
    Q("skolkuratorn", ("utbildning/m06-informationsdelning/",), "P", "sammansatt, böjd"),
    Q("polisutbildningen", ("utbildning/utbildningar/polis/",), "U", "sammansatt, böjd"),
    Q("socionomutbildning moduler", ("utbildning/utbildningar/socionom/",), "U", "sammansatt, två ord"),
    # ---- questions
    Q("får jag dela information utan samtycke", ("praxismodellen/informationsdelning/", "utbildning/m06-informationsdelning/"), "P", "fråga", True),
    Q("vad står i barnets plan", ("praxismodellen/barnets-plan/", "praxismodellen/mall-barnets-plan/", "utbildning/m05-barnets-plan/"), "P", "fråga"),
    Q("när ska jag anmäla oro", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/", "praxismodellen/"), "P", "fråga"),
    Q("vem blir samverkansansvarig", ("praxismodellen/samverkansansvarig/",), "P", "fråga"),
    Q("vem är BBA för ett barn på 4 år", ("praxismodellen/bba/", "praxismodellen/", "utbildning/m04-bba-och-overlamning/"), "P", "fråga, ålder"),
    Q("måste familjen vara med", ("praxismodellen/vanliga-fragor/",), "P", "fråga"),
    Q("kan samtycket tas tillbaka", ("praxismodellen/informationsdelning/", "familj/rattigheter/", "utbildning/m06-informationsdelning/"), "F", "fråga"),
    Q("hur länkar jag till en modul", ("utbildning/for-utbildare/",), "U", "fråga"),
    # ---- two and three words
    Q("barnets bästa hjulet", ("praxismodellen/valbefinnande/", "utbildning/m03-barnets-basta-hjulet/"), "P", "tre ord"),
    Q("mall barnets plan", ("praxismodellen/mall-barnets-plan/",), "P", "tre ord"),
    Q("nya socialtjänstlagen", ("praxismodellen/lagar/", "praxismodellen/anmalningsplikt/"), "P", "två ord"),
    Q("barnkonventionen lag", ("praxismodellen/varderingar/", "praxismodellen/lagar/", "familj/rattigheter/"), "P", "två ord"),
    Q("byte av skede förskoleklass", ("praxismodellen/bba/", "utbildning/m04-bba-och-overlamning/"), "P", "tre ord"),
    Q("dokumentera beslut att inte dela", ("praxismodellen/informationsdelning/", "utbildning/m06-informationsdelning/"), "P", "flera ord"),
    Q("styrgruppens ordförande", ("roller/styrgruppens-ordforande/", "roller/styrgrupp/"), "S", "två ord"),
    Q("tvärgrupp barn och unga", ("roller/tvargrupp-barn/",), "S", "variant, fyra ord"),
    Q("Linneuniversitetet", ("roller/parter/linneuniversitetet/", "roller/foljeforskare/"), "S", "stavning i planen"),
    Q("idéburen sektor", ("roller/parter/ideburen-sektor/",), "S", "två ord"),
    Q("Ljungbys andel", ("styrning/finansiering/", "roller/parter/ljungby/"), "S", "genitiv, två ord"),
    Q("budget resursplanering", ("handlingsplan/2019-2023/omrade-2/", "roller/styrgrupp/", "styrning/kalender/"), "S", "två ord"),
    Q("nulägesanalys april november", ("handlingsplan/2019-2023/omrade-6/", "styrning/kalender/"), "S", "tre ord"),
    Q("revidering handlingsplan", ("styrning/revisioner/",), "S", "två ord"),
    Q("digital plattform", ("handlingsplan/2019-2023/omrade-2/",), "S", "två ord"),
    Q("beslut 2018", ("styrning/beslut/",), "S", "sidtyp, årtal"),
    Q("modul samtycke", ("utbildning/m06-informationsdelning/",), "U", "sidtyp, två ord"),
    Q("tillgänglighetsredogörelse", ("om-webbplatsen/tillganglighet/",), "P", "sammansatt"),
    # ---- as practitioners type (issue 21): everyday words, misspellings, questions.
    # For "what do I do" questions only the guidance (and easy-read) pages count,
    # so the first-place share says whether guidance comes first.
    Q("soc", ("praxismodellen/anmalningsplikt/", "praxismodellen/vanliga-fragor/"), "P", "vardagsord, kortform", True),
    Q("socialen", ("praxismodellen/anmalningsplikt/", "praxismodellen/vanliga-fragor/"), "P", "vardagsord"),
    Q("kontakta soctjänsten", ("praxismodellen/anmalningsplikt/", "praxismodellen/vanliga-fragor/"), "P", "vardagsord, två ord"),
    Q("får jag prata med soc", ("praxismodellen/vanliga-fragor/", "praxismodellen/anmalningsplikt/", "praxismodellen/informationsdelning/"), "P", "fråga, vardagsord", True),
    Q("ringa soc utan att säga namnet", ("praxismodellen/vanliga-fragor/", "praxismodellen/anmalningsplikt/"), "P", "fråga, vardagsord"),
    Q("socialjour", ("praxismodellen/anmalningsplikt/", "familj/"), "P", "vardagsord"),
    Q("föräldrar", ("familj/", "familj/rattigheter/", "praxismodellen/informationsdelning/", "praxismodellen/vanliga-fragor/"), "P", "vardagsord", True),
    Q("föräldrarnas samtycke", ("praxismodellen/informationsdelning/", "familj/rattigheter/"), "P", "vardagsord, böjd, två ord"),
    Q("måste föräldrarna vara med", ("praxismodellen/vanliga-fragor/", "familj/rattigheter/"), "P", "fråga, vardagsord"),
    Q("tystnadsplikt", ("praxismodellen/informationsdelning/", "praxismodellen/lagar/"), "P", "vardagsord", True),
    Q("bryta tystnadsplikten", ("praxismodellen/informationsdelning/", "praxismodellen/lagar/"), "P", "vardagsord, böjd"),
    Q("sekretes mellan skola och soc", ("praxismodellen/informationsdelning/", "praxismodellen/lagar/"), "P", "felstavning, vardagsord"),
    Q("samtyke", ("praxismodellen/informationsdelning/", "familj/rattigheter/"), "P", "felstavning"),
    Q("oro anmäla", ("praxismodellen/anmalningsplikt/",), "P", "vardagsord, två ord", True),
    Q("anmäla oro", ("praxismodellen/anmalningsplikt/",), "P", "vardagsord, två ord", True),
    Q("orosanmälan skola", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/"), "P", "vardagsord, två ord"),
    Q("hur gör jag en orosanmälan", ("praxismodellen/anmalningsplikt/",), "P", "fråga, vad gör jag"),
    Q("orosanmälningar", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/"), "P", "vardagsord, böjd"),
    Q("vart anmäler jag", ("praxismodellen/anmalningsplikt/", "praxismodellen/vanliga-fragor/"), "P", "fråga, vad gör jag"),
    Q("misstänker att ett barn far illa", ("praxismodellen/anmalningsplikt/",), "P", "fråga, vad gör jag"),
    Q("barnet är i fara", ("praxismodellen/anmalningsplikt/", "familj/"), "P", "vad gör jag"),
    Q("orolig för ett barn vad gör jag", ("praxismodellen/steg-for-steg/", "praxismodellen/anmalningsplikt/", "praxismodellen/"), "P", "fråga, vad gör jag"),
    Q("vem är bba", ("praxismodellen/bba/",), "P", "fråga, vad gör jag", True),
    Q("vem är bba i förskolan", ("praxismodellen/bba/",), "P", "fråga"),
    Q("vem ansvarar för barnets plan", ("praxismodellen/samverkansansvarig/", "praxismodellen/barnets-plan/"), "P", "fråga, vad gör jag"),
    Q("överlämning till förskoleklass", ("praxismodellen/bba/", "utbildning/m04-bba-och-overlamning/"), "P", "två ord"),
    Q("dela uppgifter med skolan", ("praxismodellen/informationsdelning/",), "P", "fråga, vad gör jag"),
    Q("vad är kronobarnsmodellen", ("om/", "praxismodellen/", "praxismodellen/vanliga-fragor/"), "P", "fråga"),
    Q("anmälningsskyldighet", ("praxismodellen/anmalningsplikt/", "utbildning/m07-anmalningsplikt/"), "P", "vardagsord"),
    # ---- the steering group's follow-up (issue 25)
    Q("statusrapport", ("styrning/statusrapport/",), "S", "sidans namn", True),
    Q("status handlingsplan", ("styrning/statusrapport/",), "S", "två ord"),
    Q("uppföljning", ("styrning/statusrapport/", "styrning/kalender/"), "S", "vardagsord"),
    Q("vad har ändrats", ("om-webbplatsen/andringar/",), "S", "fråga", True),
    Q("ändringar i handboken", ("om-webbplatsen/andringar/",), "S", "två ord"),
    Q("vad ska granskas", ("redaktorer/granskning/",), "S", "fråga"),
]

# The queries that also run as tests (tests/test_browser.py).
TEST_QUERIES = [q for q in QUERIES if q.test]
