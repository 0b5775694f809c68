"""Realistic Swedish search queries, used by the browser tests and by the
search-engine comparison in tools/bench.py."""

# Realistic Swedish queries: inflected forms that are not in the text as typed,
# and words that appear only in generated tables. (query, page expected in the top three)
QUERIES = [
    ("anmälningsplikten", "praxismodellen/anmalningsplikt/"),
    ("samtycket", "praxismodellen/informationsdelning/"),
    ("plattformen", "handlingsplan/2019-2023/omrade-2/"),
    ("kommunikationsplanen", "handlingsplan/2019-2023/omrade-2/"),
    ("skatteunderlaget", "styrning/finansiering/"),
    ("processledarnas", "roller/processledare/"),
    ("mödrahälsovårdens", "praxismodellen/bba/"),
    ("överlämningen", "utbildning/m04-bba-och-overlamning/"),
    ("följeforskarna", "roller/foljeforskare/"),
]
