"""Territories of common speech and the communes a place covers (issue 3)."""
import pandas as pd
import pytest

import config
from geo import reference
from geo.geocode import resolve
from geo.territories import DEFINITION_LEVELS, communes_of, territories

DEP = "62"


@pytest.fixture(scope="module")
def table():
    return territories(DEP)


def test_csv_columns_and_sources():
    raw = pd.read_csv(config.REFERENCE_DIR / "territoires.csv", dtype=str)
    assert list(raw.columns) == ["code", "nom", "aliases", "definition_level", "members",
                                 "source"]
    assert raw["code"].is_unique and raw["code"].str.match(r"^T-[A-Z0-9-]+$").all()
    assert raw["definition_level"].isin(DEFINITION_LEVELS).all()
    assert (raw["source"].str.len() > 20).all()  # every definition says where it comes from


def test_required_territories_exist(table):
    required = {"T-CALAISIS", "T-BOULONNAIS", "T-MONTREUILLOIS", "T-AUDOMAROIS",
                "T-ARRAGEOIS", "T-BETHUNOIS", "T-LENSOIS", "T-BASSIN-MINIER", "T-TERNOIS",
                "T-COTE-OPALE", "T-GOHELLE", "T-7-VALLEES", "T-LITTORAL"}
    assert required <= set(table["code"])


def test_members_are_real_reference_codes(table):
    com = reference.communes(DEP)
    known = {"epci": set(com["epci"]), "arrondissement": set(com["arrondissement"]),
             "communes": set(com["code"])}
    for row in table.itertuples():
        assert set(row.members) <= known[row.definition_level], row.code
        assert row.n_communes == len(row.communes) > 0


def test_calaisis_is_the_arrondissement_of_calais(table):
    calaisis = communes_of("territoire", "T-CALAISIS", DEP)
    assert calaisis == communes_of("arrondissement", "626", DEP)
    assert "62193" in calaisis and len(calaisis) == 52


def test_bassin_minier_and_lensois():
    minier = set(communes_of("territoire", "T-BASSIN-MINIER", DEP))
    assert {"62498", "62510", "62413", "62563", "62427"} <= minier  # Lens, Liévin, Harnes...
    assert "62193" not in minier  # not Calais
    assert set(communes_of("territoire", "T-LENSOIS", DEP)) <= minier


def test_littoral_is_on_the_coast():
    littoral = set(communes_of("territoire", "T-LITTORAL", DEP))
    assert {"62193", "62160", "62826", "62108", "62645"} <= littoral
    assert "62041" not in littoral  # Arras


def test_communes_of_each_level():
    assert communes_of("commune", "62413", DEP) == ["62413"]
    assert communes_of("commune", "62549", DEP) == ["62447"]  # Marconne → Hesdin-la-Forêt
    assert communes_of("commune", "92023", DEP) == []  # outside
    assert len(communes_of("epci", "246200364", DEP)) == 36
    assert len(communes_of("arrondissement", "624", DEP)) == 161
    assert len(communes_of("departement", "62", DEP)) == 887
    assert communes_of("departement", "59", DEP) == []
    assert communes_of("national", "FR", DEP) == []
    assert communes_of("territoire", "T-INCONNU", DEP) == []
    assert communes_of("commune", None, DEP) == []


def test_unknown_level_is_a_clear_error():
    with pytest.raises(ValueError, match="Niveau inconnu"):
        communes_of("canton", "6201", DEP)


def test_every_resolution_expands(table):
    for query in ["Harnes", "dans le calaisis", "CA de Lens-Liévin",
                  "arrondissement de Montreuil-sur-Mer", "Pas-de-Calais", "Hesdin"]:
        r = resolve(query, DEP)
        assert communes_of(r.level, r.code, DEP), query


def test_territory_names_resolve_to_their_code(table):
    for row in table.itertuples():
        assert resolve(row.nom, DEP).code == row.code
        for alias in row.aliases:
            assert resolve(alias, DEP).code == row.code, alias


def test_territories_returns_a_copy(table):
    table.loc[0, "nom"] = "changé"
    assert territories(DEP).loc[0, "nom"] != "changé"
