"""The gap map and the call list exports (issue 6)."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from initiatives import coverage
from report import gaps as report, maps
from tests.helpers.coverage_samples import make_store

HOSTILE = "=HYPERLINK(\"http://x\",\"clic\")"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("gaps") / "store.sqlite")


@pytest.fixture(scope="module")
def calls(store):
    out = coverage.call_list(store).copy()
    # hostile values as a tampered reference file could hold them
    out.loc[0, "mairie_adresse"] = HOSTILE
    out.loc[1, "mairie_telephone"] = "+33 3 21 00 00 00"
    out.loc[2, "mairie_email"] = "@SUM(A1:A9)"
    out.loc[3, "nom"] = "-2+3"
    return out


def _features(html: str) -> list[dict]:
    return [json.loads(m) for m in re.findall(r"_add\((\{\"features\".*?\})\);\n", html)]


def test_gap_map_uncovered_communes_stand_out(store):
    g = coverage.gaps(store)
    html = maps.to_html(report.gap_map(g, "62"))
    layer = next(f for f in _features(html) if len(f["features"]) == 887)
    colours = {f["properties"]["nom"]: f["properties"]["couleur"] for f in layer["features"]}
    assert colours["Boulogne-sur-Mer"] == report.UNCOVERED
    assert colours["Lens"] == report.DIRECT
    assert colours["Audruicq"] == report.VIA_TERRITORY
    assert sum(c == report.UNCOVERED for c in colours.values()) == g.total - g.covered
    assert "aucune initiative signalée" in html and "tileLayer" not in html
    assert not re.search(r"(src|href)=\"https?://", html)


def test_gap_map_other_levels(store):
    for level, n in (("epci", coverage.gaps(store, level="epci").total), ("arrondissement", 7)):
        html = maps.to_html(report.gap_map(coverage.gaps(store, level=level), "62"))
        layer = next(f for f in _features(html) if "couleur" in f["features"][0]["properties"])
        assert len(layer["features"]) == n
        assert all("part" in f["properties"] for f in layer["features"])


def test_csv_has_bom_semicolons_and_neutralised_formulas(calls):
    data = report.call_list_csv(calls)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["Commune", "Code INSEE", "Population"]
    assert len(rows) == len(calls) + 1
    body = {cell for row in rows[1:] for cell in row}
    assert "'" + HOSTILE in body and "'+33 3 21 00 00 00" in body
    assert "'@SUM(A1:A9)" in body and "'-2+3" in body
    assert not any(cell.startswith(report.FORMULA_START) for cell in body)
    # most populated first; decimal comma for the distance
    assert int(rows[1][2]) >= int(rows[2][2])
    assert re.fullmatch(r"\d+,\d", rows[1][9])


def test_xlsx_reads_back_with_no_formula(calls):
    wb = load_workbook(io.BytesIO(report.call_list_xlsx(calls)))
    ws = wb["Communes à appeler"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Commune" and len(rows) == len(calls) + 1
    assert all(cell.data_type != "f" for row in ws.iter_rows() for cell in row)
    texts = [v for row in rows[1:] for v in row if isinstance(v, str)]
    assert "'" + HOSTILE in texts and not any(t.startswith(report.FORMULA_START) for t in texts)
    assert isinstance(rows[1][2], int) and rows[1][2] >= rows[2][2]
    assert "pas forcément absent" in wb["À lire"]["A1"].value


def test_file_names():
    assert report.file_name("csv", date(2020, 5, 14)) == \
        "pas-de-calais-solidaire_appels_20200514.csv"
    assert report.file_name("xlsx", date(2020, 5, 14)).endswith("_20200514.xlsx")
