"""The Couverture page under AppTest, on its own store (issue 6)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.coverage_samples import make_store

PAGE = str(Path(__file__).resolve().parents[2] / "pages" / "2_Couverture.py")


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
    covered, total = figures["Communes couvertes"].split(" / ")
    assert total == "887" and 0 < int(covered) < 887
    assert figures["Population atteinte"].endswith(" %")
    assert figures["Dispositifs comptés à part"] == "2"
    assert any("pas forcément absent" in i.value for i in app.info)
    ranking = app.dataframe[0].value
    assert ranking.iloc[0]["nom"] == "Boulogne-sur-Mer"
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Télécharger la liste (CSV)", "Télécharger la liste (Excel)"]


def test_commune_only_switch_and_levels(app):
    before = int(metrics(app)["Communes couvertes"].split(" / ")[0])
    app.toggle(key="couverture_commune").set_value(True).run()
    assert not app.exception
    after = int(metrics(app)["Communes couvertes"].split(" / ")[0])
    assert after < before
    app.radio(key="couverture_niveau").set_value("epci").run()
    assert not app.exception
    assert any("Intercommunalités couvertes" in c.value for c in app.caption)


def test_category_choice(app):
    # the sidebar's category, shared by every page
    categories = next(m for m in app.sidebar.multiselect if m.label == "Catégories")
    categories.set_value(["aide alimentaire"]).run()
    assert not app.exception
    schemes = metrics(app)["Dispositifs comptés à part"]
    assert schemes == "0"  # neither scheme is about food
    assert any("Aucun dispositif" in c.value for c in app.caption)
