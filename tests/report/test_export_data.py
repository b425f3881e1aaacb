"""Data exports read back: CSV, XLSX, GeoJSON, GeoPackage; HXL, formulas, anonymisation."""
from __future__ import annotations

import csv
import io

import geopandas as gpd
import pyogrio
import pytest
from openpyxl import load_workbook

from initiatives.filters import Filters
from initiatives.model import Initiative
from initiatives.store import open_store
from report import export_data as ed
from tests.helpers.export_samples import HOSTILE_ACTOR, HOSTILE_PHONE, sample_store

PERSONS = ("Jonathan Petit", "Paul et Jimmy", "Flavien Leblond", "Delphine Lefebvre")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("export") / "s.sqlite")


def read_csv(data: bytes, sep: str = ";") -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: French Excel reads UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=sep))


def test_csv_semicolon_with_bom_holds_the_filtered_initiatives(store):
    rows = read_csv(ed.export(store, Filters(), "csv"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["id", "acteur", "type_acteur", "categorie"]
    assert len(body) == len(store.initiatives(Filters()))
    marck = next(r for r in body if r[1] == "Ville de Marck")
    row = dict(zip(header, marck))
    assert row["code_commune"] == "62548" and row["arrondissements"] == "626"
    assert row["date_dernier_communique"] == "2020-05-07"


def test_csv_comma_on_request_and_decimal_point(store):
    data = ed.export(store, Filters(), "csv", table_name="communes", sep=",")
    rows = read_csv(data, ",")
    row = dict(zip(rows[0], next(r for r in rows[1:] if r[0] == "62548")))
    assert "." in row["pour_10000_habitants"] and row["nom_commune"] == "Marck"
    semi = read_csv(ed.export(store, Filters(), "csv", table_name="communes"))
    row = dict(zip(semi[0], next(r for r in semi[1:] if r[0] == "62548")))
    assert "," in row["pour_10000_habitants"]  # French Excel reads a decimal comma


def test_csv_follows_the_filters(store):
    food = Filters(categories=("aide alimentaire",))
    rows = read_csv(ed.export(store, food, "csv"))
    assert {r[3] for r in rows[1:]} == {"aide alimentaire"}
    assert len(rows) - 1 == len(store.initiatives(food))


def test_hxl_row_when_asked(store):
    rows = read_csv(ed.export(store, Filters(), "csv", hxl=True))
    tags = dict(zip(rows[0], rows[1]))
    assert tags["acteur"] == "#org+name" and tags["categorie"] == "#sector"
    assert tags["code_commune"] == "#loc+code" and tags["arrondissements"] == "#adm3+code"
    assert tags["dernier_communique"] == "#meta+source" and tags["contacts"] == "#contact"
    assert all(t.startswith("#") for t in rows[1])
    assert not read_csv(ed.export(store, Filters(), "csv"))[1][0].startswith("#")


def test_formulas_are_neutralised_in_csv(store):
    rows = read_csv(ed.export(store, Filters(), "csv"))
    hostile = next(r for r in rows if "HYPERLINK" in r[1])
    assert hostile[1] == "'" + HOSTILE_ACTOR
    assert "'" + HOSTILE_PHONE in hostile
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+33 3 21", "'+33 3 21"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Marck", "Marck"), (12, 12), (None, None)])
def test_neutralise(value, expected):
    assert ed.neutralise(value) == expected


def test_xlsx_sheets_header_rows_and_about(store):
    wb = load_workbook(io.BytesIO(ed.export(store, Filters(), "xlsx")))
    assert wb.sheetnames == ["initiatives", "quantités", "communes", "À propos"]
    ini = wb["initiatives"]
    assert [c.value for c in ini[1]][:3] == ["id", "acteur", "type_acteur"]
    assert ini.max_row == 1 + len(store.initiatives(Filters()))
    qty = wb["quantités"]
    header = [c.value for c in qty[1]]
    assert {"objet", "nature", "valeur", "phrase_source", "communique"} <= set(header)
    rows = [dict(zip(header, (c.value for c in r))) for r in qty.iter_rows(min_row=2)]
    marck = [r for r in rows if r["acteur"] == "Ville de Marck" and r["objet"] == "masques"]
    # the latest cumulative figure, and the target apart: never 1 600 + 3 000
    assert {(r["nature"], r["valeur"]) for r in marck} == {("réalisé", 3000), ("objectif", 11000)}
    assert wb["communes"].max_row == 1 + 887
    about = [[c.value for c in r] for r in wb["À propos"].iter_rows()]
    text = " ".join(str(v) for r in about for v in r if v)
    assert "Source : communiqués de la préfecture du Pas-de-Calais" in text
    assert "n°2, n°5, n°7 et n°8" in text
    assert any(r[:2] == ["initiatives", "code_commune"] for r in about)


def test_xlsx_cells_are_never_formulas(store):
    wb = load_workbook(io.BytesIO(ed.export(store, Filters(), "xlsx", hxl=True)))
    ws = wb["initiatives"]
    assert ws["B2"].value == "#org+name"  # HXL row under the header
    cells = [c for r in ws.iter_rows() for c in r]
    assert not any(c.data_type == "f" for c in cells)
    hostile = next(c for c in cells if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert hostile.value == "'" + HOSTILE_ACTOR


def test_anonymised_exports_name_no_private_person(store):
    for fmt in ("csv", "xlsx", "geojson"):
        data = ed.export(store, Filters(), fmt, anonymise=True)
        text = data.decode("utf-8", "ignore") if fmt != "xlsx" else _xlsx_text(data)
        for name in (*PERSONS, "Jimmy", "Leblond", "jonathan.petit"):
            assert name not in text, (fmt, name)
        assert "Particulier (Guemps)" in text and "Particulier (Calaisis)" in text
        # organisations and elected officials stay named
        assert "Imprimeurs de cœur" in text and "Roger HOUZEL" in text
        assert "collectif « les petites mains »" in text
    plain = ed.export(store, Filters(), "csv").decode("utf-8-sig")
    assert "Jonathan Petit" in plain  # off unless asked


def _xlsx_text(data: bytes) -> str:
    wb = load_workbook(io.BytesIO(data))
    return " ".join(str(c.value) for ws in wb for r in ws.iter_rows() for c in r if c.value)


def _ini(actor: str, actor_type: str = "citoyen ou collectif") -> Initiative:
    return Initiative(release_id="r", actor=actor, actor_type=actor_type, category="autre",
                      excerpt="")


@pytest.mark.parametrize("actor", ["Jonathan Petit", "Paul et Jimmy", "Flavien Leblond",
                                   "Delphine Lefebvre", "Jean-Pierre Martin", "Anne DUPONT",
                                   "Élodie Ménard"])
def test_private_persons(actor):
    assert ed.is_private_person(_ini(actor))


@pytest.mark.parametrize("actor, actor_type", [
    ("collectif « les petites mains »", "citoyen ou collectif"),
    ("Imprimeurs de cœur", "citoyen ou collectif"),
    ("Conseil citoyen de Houdain", "citoyen ou collectif"),
    ("le maire, Roger HOUZEL", "citoyen ou collectif"),
    ("Les Couturières Solidaires", "citoyen ou collectif"),
    ("CRS 9 de Rennes", "citoyen ou collectif"),
    ("SOS Masques", "citoyen ou collectif"),
    ("Jonathan Petit", "entreprise"),
    ("Roger HOUZEL", "collectivité")])
def test_not_private_persons(actor, actor_type):
    assert not ed.is_private_person(_ini(actor, actor_type))


def test_scrub_removes_names_and_keeps_the_rest():
    text = "Paul et Jimmy, deux amis étudiants, fabriquent des visières avec Paul."
    out = ed.scrub(text, ed._names("Paul et Jimmy"))
    assert "Paul" not in out and "Jimmy" not in out
    assert out.startswith("[particulier], deux amis étudiants")


def test_geojson_points_with_insee_codes(store):
    gdf = gpd.read_file(io.BytesIO(ed.export(store, Filters(), "geojson")))
    assert gdf.crs.to_epsg() == 4326
    assert len(gdf) == len(store.initiatives(Filters()))
    marck = gdf[gdf["acteur"] == "Ville de Marck"].iloc[0]
    assert marck["code_commune"] == "62548" and marck.geometry.geom_type == "Point"
    assert 50.9 < marck.geometry.y < 51.0 and 1.9 < marck.geometry.x < 2.0
    territory = gdf[gdf["localisation"] == "territoire"]
    assert len(territory) and set(territory.geometry.geom_type) == {"Point"}
    wide = gdf[gdf["localisation"] == "département ou national"]
    assert wide.geometry.isna().all() or wide.geometry.is_empty.all()
    outside = gdf[gdf["dans_departement"] == "non"].iloc[0]
    assert outside["code_commune"] == "92023" and outside.geometry is not None


def test_geojson_areas_option_gives_union_polygons(store):
    gdf = gpd.read_file(io.BytesIO(ed.export(store, Filters(), "geojson", areas=True)))
    territory = gdf[gdf["localisation"] == "territoire"]
    assert set(territory.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    calaisis = territory[territory["lieux"].str.contains("Calaisis")].iloc[0]
    assert calaisis["communes_territoire"] == 52  # the arrondissement of Calais


def test_geopackage_layers_codes_and_crs(store, tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(ed.export(store, Filters(), "gpkg", areas=True))
    layers = {name for name, _ in pyogrio.list_layers(path)}
    assert layers == {"initiatives", "communes", "territoires"}
    points = gpd.read_file(path, layer="initiatives")
    assert points.crs.to_epsg() == 4326
    assert "62548" in set(points["code_commune"])
    communes = gpd.read_file(path, layer="communes")
    assert len(communes) == 887 and communes["code_commune"].str.startswith("62").all()
    assert communes.loc[communes["code_commune"] == "62548", "initiatives"].iloc[0] >= 2
    assert set(communes.geometry.geom_type) <= {"Polygon", "MultiPolygon"}


def test_empty_store_exports_headers_only(tmp_path):
    empty = open_store(tmp_path / "e.sqlite", seed=None)
    rows = read_csv(ed.export(empty, Filters(), "csv"))
    assert rows == [list(ed.INITIATIVE_COLUMNS)]
    wb = load_workbook(io.BytesIO(ed.export(empty, Filters(), "xlsx")))
    assert wb["initiatives"].max_row == 1


def test_unknown_format_or_table():
    with pytest.raises(ValueError, match="Format inconnu"):
        ed.export(None, Filters(), "doc")
    with pytest.raises(ValueError, match="Table inconnue"):
        ed.table("autre", None)
