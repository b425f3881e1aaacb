"""The committed reference geography is the real one (issue 2)."""
import json
import subprocess
import sys

import pytest
import shapely

from geo import reference

ARRONDISSEMENTS = {"621": "Arras", "622": "Béthune", "623": "Boulogne-sur-Mer",
                   "624": "Montreuil", "625": "Saint-Omer", "626": "Calais", "627": "Lens"}


@pytest.fixture(scope="module")
def communes():
    return reference.communes("62")


def test_counts(communes):
    assert len(communes) == 887
    assert communes["code"].is_unique
    assert communes["code"].str.startswith("62").all()
    arr = reference.arrondissements("62")
    assert dict(zip(arr["code"], arr["nom"])) == ARRONDISSEMENTS


def test_every_commune_in_one_arrondissement_and_one_epci(communes):
    assert set(communes["arrondissement"]) == set(ARRONDISSEMENTS)
    assert communes["epci"].str.fullmatch(r"\d{9}").all()
    assert (communes["epci_nom"] != "").all()
    # the dissolved layers partition the communes exactly
    assert reference.arrondissements("62")["communes"].sum() == 887
    assert reference.epci("62")["communes"].sum() == 887
    # each commune's point lies in its own arrondissement polygon, and in no other
    arr = reference.arrondissements("62").set_index("code")
    points = shapely.points(communes["lon"], communes["lat"])
    for code, geom in arr.geometry.items():
        inside = shapely.contains(geom.buffer(1e-6), points)
        assert (inside == (communes["arrondissement"] == code).values).all(), code


def test_geometries_valid(communes):
    for name in reference.LAYERS:
        layer = reference.layer(name, "62")
        assert layer.geometry.is_valid.all(), name
        assert not layer.geometry.is_empty.any(), name


def test_area_within_one_percent():
    area = reference.summary("62")["area_km2"]
    assert abs(area - 6671) / 6671 < 0.01


def test_arrondissements_share_borders():
    # dissolved with a coverage union: neighbours overlap by (almost) nothing
    arr = reference.arrondissements("62").to_crs(reference.LAMBERT93)
    total = arr.area.sum()
    union = shapely.union_all(arr.geometry.values).area
    assert abs(total - union) / union < 1e-4


# Ruminghem: the issue expected 625 Saint-Omer, but the Code officiel géographique
# (decoupage-administratif 6.0.0) places the whole CC de la Région d'Audruicq,
# Ruminghem included, in 626 Calais. The reference data wins.
@pytest.mark.parametrize("nom,arr", [("Offin", "624"), ("Loos-en-Gohelle", "627"),
                                     ("Ruminghem", "626"), ("Lens", "627"), ("Arras", "621")])
def test_known_memberships(communes, nom, arr):
    row = communes[communes["nom"] == nom]
    assert len(row) == 1
    assert row["arrondissement"].iloc[0] == arr


def test_town_hall_contacts(communes):
    arras = communes[communes["code"] == "62041"].iloc[0]
    assert "Arras" in arras["mairie_adresse"]
    assert arras["mairie_telephone"].startswith("03")
    assert (communes["population"] > 0).all()


def test_national_gazetteer():
    gaz = reference.gazetteer()
    com = gaz[gaz["type"] == "COM"].set_index("code")
    assert com.loc["92023", "nom"] == "Clamart" and com.loc["92023", "departement"] == "92"
    assert com.loc["75056", "nom"] == "Paris"
    assert len(com) > 34000
    # a former commune points to the commune it now belongs to
    hesdin = gaz[(gaz["nom"] == "Hesdin") & (gaz["type"] != "COM")].iloc[0]
    assert hesdin["commune"] == "62447" and hesdin["departement"] == "62"
    # homonyms across départements are both there
    assert set(com[com["nom"] == "Annay"].index) == {"62033", "58007"}


def test_summary_command():
    out = subprocess.run([sys.executable, "-m", "geo", "summary"], capture_output=True,
                         text=True, check=True).stdout
    data = json.loads(out)
    assert data["departement"] == "62" and data["communes"] == 887
    assert [a["code"] for a in data["arrondissements"]] == sorted(ARRONDISSEMENTS)
    assert sum(a["population"] for a in data["arrondissements"]) == data["population"]
    assert sum(a["communes"] for a in data["arrondissements"]) == 887
