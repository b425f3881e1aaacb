"""`make fuzz` / `python -m bench.fuzz [--cases N] [--seed S] [--workers W]`: hostile inputs
through the whole app, outside `make test` (issue 14).

At least 10 000 cases by default, each made from the seed and its index alone
(`bench.fuzz.cases`): empty and garbage bytes, broken encodings, lone surrogates,
invisible and bidirectional characters, giant words and numbers, spoofed release
headers, hostile names (markup, formulas, unknown communes), texts and PDFs at and over
the limits (truncated, noisy, encrypted, many pages, crafted streams), mutations of the
bundled releases and of the extraction corpus, hostile corrections in the Import
page's tables, hostile filters from shared links. Each goes through the real paths
(`bench.fuzz.harness`): reading, extraction, geocoding (offline), saving into a real
SQLite store, and for a sample every export (CSV, XLSX, GeoJSON, GeoPackage, maps,
charts, briefing, coverage, the `report` command). At the end:

    cas : 10000
    tracebacks : 0
    modifications de la base après un échec : 0
    cas le plus lent : 3.2 s (famille)

then the counts per family. Exit 1 on any failure; failing inputs are saved (with
their traceback) in the folder printed, and `--case I` replays one case.
"""
