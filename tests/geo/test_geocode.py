"""Offline resolution of place names (issue 3)."""
import dataclasses
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from geo import geocode, online, reference
from geo.geocode import Resolution, resolve

DEP = "62"

# (query, expected code, expected level, expected inside)
TRICKY = [
    # every commune named in the five bundled releases
    ("Harnes", "62413", "commune", True),
    ("Oye-Plage", "62645", "commune", True),
    ("Marck", "62548", "commune", True),
    ("Houdain", "62457", "commune", True),
    ("Arras", "62041", "commune", True),
    ("Calais", "62193", "commune", True),
    ("Haillicourt", "62400", "commune", True),
    ("Mazingarbe", "62563", "commune", True),
    ("Liévin", "62510", "commune", True),
    ("Lens", "62498", "commune", True),
    ("Loison-sous-Lens", "62523", "commune", True),
    ("Loos-en-Gohelle", "62528", "commune", True),
    ("Lillers", "62516", "commune", True),
    ("Calonne-sur-la-Lys", "62195", "commune", True),
    ("Offin", "62635", "commune", True),
    ("Ruminghem", "62730", "commune", True),
    ("Guemps", "62393", "commune", True),
    ("Ferques", "62329", "commune", True),
    ("Béthune", "62119", "commune", True),
    ("Avion", "62065", "commune", True),
    ("Annay-sous-Lens", "62033", "commune", True),
    ("Haisnes", "62401", "commune", True),
    ("Clamart", "92023", "commune", False),
    ("Paris", "75056", "commune", False),
    ("Rennes", "35238", "commune", False),
    # usual names, abbreviations, case, accents, postcodes
    ("Le Touquet", "62826", "commune", True),
    ("LE TOUQUET", "62826", "commune", True),
    ("Le Touquet-Paris-Plage", "62826", "commune", True),
    ("St-Omer", "62765", "commune", True),
    ("ST OMER", "62765", "commune", True),
    ("saint omer (62)", "62765", "commune", True),
    ("62500 Saint-Omer", "62765", "commune", True),
    ("Hesdin", "62447", "commune", True),
    ("Annay", "62033", "commune", True),
    ("Annay (58)", "58007", "commune", False),
    ("Montreuil", "62588", "commune", True),
    ("Montreuil (93)", "93048", "commune", False),
    ("Bailleul-Sire-Berthoult", "62073", "commune", True),
    ("Le Portel", "62667", "commune", True),
    ("Boulogne", "62160", "commune", True),
    ("Boulogne sur mer", "62160", "commune", True),
    ("Boulogne s/ Mer", "62160", "commune", True),
    ("Berck-sur-Mer", "62108", "commune", True),
    ("HENIN-BEAUMONT", "62427", "commune", True),
    ("Bruay la Buissiere", "62178", "commune", True),
    ("Noeux les Mines", "62617", "commune", True),
    ("St Pol sur Ternoise", "62767", "commune", True),
    ("Aire s/ la Lys", "62014", "commune", True),
    ("Molinghem", "62473", "commune", True),  # former commune (COMA) of Isbergues
    ("Enquin-les-Mines", "62295", "commune", True),  # delegated commune
    ("Lievin", "62510", "commune", True),
    ("LIEVIN", "62510", "commune", True),
    ("Bethune", "62119", "commune", True),
    ("Etaples", "62318", "commune", True),
    ("Lille (59)", "59350", "commune", False),
    ("Dunkerque", "59183", "commune", False),
    # misspellings (fuzzy)
    ("Bologne-sur-Mer", "62160", "commune", True),
    ("Lievn", "62510", "commune", True),
    ("Bethun", "62119", "commune", True),
    ("Wimereu", "62893", "commune", True),
    ("Longuenesses", "62525", "commune", True),
    # territories, EPCI, arrondissements, département, country
    ("dans le calaisis", "T-CALAISIS", "territoire", True),
    ("secteur du calaisis", "T-CALAISIS", "territoire", True),
    ("le lensois", "T-LENSOIS", "territoire", True),
    ("bassin minier", "T-BASSIN-MINIER", "territoire", True),
    ("sur le bassin minier", "T-BASSIN-MINIER", "territoire", True),
    ("Côte d'Opale", "T-COTE-OPALE", "territoire", True),
    ("7 Vallées", "T-7-VALLEES", "territoire", True),
    ("l'Audomarois", "T-AUDOMAROIS", "territoire", True),
    ("CA de Lens-Liévin", "246200364", "epci", True),
    ("Communauté d'agglomération de Lens-Liévin", "246200364", "epci", True),
    ("CALL", "246200364", "epci", True),
    ("agglomération de Béthune-Bruay", "200072460", "epci", True),
    ("CC des 7 Vallées", "200044030", "epci", True),
    ("Communauté urbaine d'Arras", "200033579", "epci", True),
    ("arrondissement de Montreuil-sur-Mer", "624", "arrondissement", True),
    ("arrondissement d'Arras", "621", "arrondissement", True),
    ("Pas-de-Calais", "62", "departement", True),
    ("le département", "62", "departement", True),
    ("Seine-Saint-Denis", "93", "departement", False),
    ("France", "FR", "national", True),  # a national scheme covers the département too
    ("toute la France", "FR", "national", True),
    ("national", "FR", "national", True),
]


@pytest.mark.parametrize("query, code, level, inside", TRICKY)
def test_tricky_names(query, code, level, inside):
    r = resolve(query, DEP)
    assert (r.code, r.level, r.inside) == (code, level, inside), r
    assert r.query == query
    assert 0 < r.confidence <= 1


def test_table_is_large_enough():
    assert len(TRICKY) >= 60


@pytest.mark.parametrize("query", ["Xyzzyville", "", "   ", "association", "masques",
                                   "Hauts-de-France", "<script>alert(1)</script>", "62"])
def test_unresolved(query):
    r = resolve(query, DEP)
    assert r.code is None and r.level is None and r.method is None
    assert r.confidence == 0 and r.inside is False


def test_every_official_name_resolves_to_itself():
    com = reference.communes(DEP)
    wrong = [(nom, code, resolve(nom, DEP).code) for nom, code in zip(com["nom"], com["code"])
             if resolve(nom, DEP).code != code]
    assert wrong == []
    assert all(resolve(nom, DEP).method == "exact" for nom in com["nom"])


def test_methods_and_confidence_order():
    exact, alias, fuzzy = resolve("Saint-Omer", DEP), resolve("Le Touquet", DEP), \
        resolve("Bologne-sur-Mer", DEP)
    assert (exact.method, alias.method, fuzzy.method) == ("exact", "alias", "fuzzy")
    assert exact.confidence > alias.confidence > fuzzy.confidence
    # outside homonyms are less certain than a unique outside name
    assert resolve("Saint-Pierre", DEP).confidence < resolve("Clamart", DEP).confidence


def test_to_dict_keys():
    d = resolve("Harnes", DEP).to_dict()
    assert list(d) == ["query", "code", "nom", "level", "departement", "inside", "method",
                       "confidence"]
    assert d["nom"] == "Harnes" and d["departement"] == "62"
    json.dumps(d)


def test_memo_returns_same_object_and_respects_query():
    a = resolve("St-Omer", DEP)
    assert resolve("St-Omer", DEP) is a
    b = resolve("ST-OMER", DEP)
    assert b.query == "ST-OMER" and b.code == a.code


def test_offline_setting_never_calls_online(monkeypatch):
    monkeypatch.setenv("GEOCODER", "offline")
    monkeypatch.setattr(online, "resolve_online", lambda *a, **k: pytest.fail("online"))
    assert resolve("Xyzzyville-du-Test", DEP).code is None


def test_non_string_input():
    assert resolve(None, DEP).code is None  # type: ignore[arg-type]
    assert resolve(12, DEP).code is None  # type: ignore[arg-type]


def test_resolution_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        resolve("Lens", DEP).code = "x"  # type: ignore[misc]
    assert isinstance(resolve("Lens", DEP), Resolution)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_resolve_never_raises(text):
    r = resolve(text, DEP)
    assert isinstance(r, Resolution)
    assert (r.code is None) == (r.level is None)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["Lens", "Annay", "Calais", "Saint-Omer"]),
       st.sampled_from(["", " (62)", " 62000", "  ", "\n"]), st.booleans())
def test_variants_resolve_alike(name, suffix, upper):
    query = (name.upper() if upper else name) + suffix
    assert resolve(query, DEP).code == resolve(name, DEP).code


def test_cli_prints_one_json_line_per_name():
    out = subprocess.run([sys.executable, "-m", "geo", "geocode", "Annay-sous-Lens",
                          "Xyzzyville"], capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, "GEOCODER": "offline"})
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["code"] for line in lines] == ["62033", None]
    assert set(lines[0]) == {"query", "code", "nom", "level", "departement", "inside",
                             "method", "confidence"}
    assert lines[1]["level"] is None


def test_gazetteer_is_built_once():
    assert geocode.gazetteer(DEP) is geocode.gazetteer(DEP)
