"""The Couverture page under AppTest, on its own store (issue 6)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from initiatives import coverage
from initiatives.formatting import NBSP
from initiatives.store import open_store
from tests.helpers.coverage_samples import make_store

PAGE = str(Path(__file__).resolve().parents[2] / "app_pages" / "2_Couverture.py")


@pytest.fixture
def app(tmp_path, monkeypatch):
    db = tmp_path / "store.sqlite"
    make_store(db)
    monkeypatch.setenv("INITIATIVES_DB", str(db))
    return AppTest.from_file(PAGE, default_timeout=120).run()


def metrics(at) -> dict:
    return {m.label: m.value for m in at.metric}


def test_page_shows_figures_caveat_ranking_and_downloads(app):
    assert not app.exception
    figures = metrics(app)
    g = coverage.gaps(open_store(os.environ["INITIATIVES_DB"]))
    # named communes first; those reached only through a territory apart, never summed
    assert list(figures)[0] == "Communes nommées"
    named, total = figures["Communes nommées"].split(" / ")
    assert total == "887" and int(named) == g.communes_named > 0
    territory = figures["Via un territoire seulement"]
    assert int(territory.replace(NBSP, "")) == g.communes_territory > 0
    rest = figures["Sans initiative signalée"].split(" / ")[0].replace(NBSP, "")
    assert int(rest) == 887 - g.communes_named - g.communes_territory
    assert figures["Dispositifs comptés à part"] == "2"
    assert not any(label.startswith("Communes couvertes") for label in figures)
    assert any("pas forcément absent" in i.value for i in app.info)
    ranking = app.dataframe[0].value
    assert ranking.iloc[0]["nom"] == "Boulogne-sur-Mer"
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Télécharger la liste (CSV)", "Télécharger la liste (Excel)"]


def test_commune_only_switch_and_levels(app):
    named = metrics(app)["Communes nommées"]
    before = metrics(app)["Sans initiative signalée"]
    app.toggle(key="couverture_commune").set_value(True).run()
    assert not app.exception
    assert metrics(app)["Communes nommées"] == named
    assert metrics(app)["Via un territoire seulement"] == "écartées"
    after = metrics(app)["Sans initiative signalée"]
    assert int(after.split(" / ")[0].replace(NBSP, "")) > \
        int(before.split(" / ")[0].replace(NBSP, ""))
    app.radio(key="couverture_niveau").set_value("epci").run()
    assert not app.exception
    shares = app.dataframe[0].value
    assert list(shares.columns)[0] == "Intercommunalité"
    assert shares["% de la population"].is_monotonic_increasing  # weakest first


def test_arrondissements_as_shares_weakest_first(app):
    app.radio(key="couverture_niveau").set_value("arrondissement").run()
    assert not app.exception
    shares = app.dataframe[0].value
    g = coverage.gaps(open_store(os.environ["INITIATIVES_DB"]), level="arrondissement")
    ranked = coverage.weakest_first(g.units)
    assert list(shares["Arrondissement"]) == list(ranked["nom"]) and len(shares) == 7
    assert shares["% de la population"].is_monotonic_increasing
    calais = shares.set_index("Arrondissement").loc["Calais"]
    row = g.units.set_index("code").loc["626"]
    assert calais["Communes nommées"] == f"{row['communes_named']} / {row['communes']}"
    # reached everywhere through the calaisis, yet not "covered" as a whole
    assert calais["% des communes"] < 100
    assert calais["Via un territoire seulement"] == str(row["communes_territory"])


def test_category_choice(app):
    # the sidebar's category, shared by every page
    categories = next(m for m in app.sidebar.multiselect if m.label == "Catégories")
    categories.set_value(["aide alimentaire"]).run()
    assert not app.exception
    schemes = metrics(app)["Dispositifs comptés à part"]
    assert schemes == "0"  # neither scheme is about food
    assert any("Aucun dispositif" in c.value for c in app.caption)


FRENCH = re.compile(r"^(–|\d{1,3}(\u202f\d{3})*(,\d+)?)$")  # 40 874, 3,2


def _texts(at) -> list[str]:
    return ([e.value for e in at.caption] + [e.value for e in at.markdown]
            + [e.label for e in at.metric] + [e.value for e in at.subheader])


@pytest.mark.parametrize("level", ["commune", "arrondissement"])
def test_numbers_in_french_and_plain_wording(app, level):
    """Populations and distances as `40 874` and `3,2`, not the browser's `40,874`; no
    "Arrondissements couvertes"."""
    app.radio(key="couverture_niveau").set_value(level).run()
    assert not app.exception
    checked = 0
    for frame in (d.value for d in app.dataframe):
        for column in ("population", "nearest_km", "Population"):
            if column in frame.columns:
                values = frame[column].tolist()
                assert all(isinstance(v, str) and FRENCH.match(v) for v in values), values[:5]
                checked += len(values)
    big = [v for d in app.dataframe for c in ("population", "Population")
           if c in d.value.columns for v in d.value[c] if "\u202f" in v]
    assert checked > 20 and big  # some population above 1 000, with its French space
    assert not any(re.search(r"couvert(e|s|es)\b", t) for t in _texts(app))
