"""The Exports page under AppTest, on its own store (issue 7)."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers.export_samples import sample_store

PAGE = str(Path(__file__).resolve().parents[2] / "app_pages" / "6_Exports.py")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "store.sqlite"
    sample_store(path)
    return path


@pytest.fixture
def app(db, monkeypatch):
    monkeypatch.setenv("INITIATIVES_DB", str(db))
    return AppTest.from_file(PAGE, default_timeout=180).run()


def test_page_offers_every_file_built_on_click(app):
    assert not app.exception
    labels = [b.proto.label for b in app.get("download_button")]
    assert labels == ["CSV (;)", "CSV (,)", "Excel", "GeoJSON", "GeoPackage",
                      "PNG", "SVG", "PDF", "PNG", "PDF", "HTML interactif",
                      "Note de synthèse (PDF)", "Diapositives (PPTX)"]
    for b in app.get("download_button"):
        # files are built on click, not on every run of the page
        assert b.proto.deferred_file_id, b.proto.label
    captions = " ".join(c.value for c in app.caption)
    assert "Source : communiqués de la préfecture du Pas-de-Calais" in captions
    assert "situation au 7 mai 2020" in captions
    assert len(app.get("image")) == 1  # the static map preview
    assert len(app.get("vega_lite_chart")) == 1  # the chart preview


def test_choices_rerun_without_error(app):
    app.selectbox(key="exp_graphique").set_value("evolution").run()
    assert not app.exception
    app.radio(key="exp_niveau").set_value("arrondissement").run()
    app.toggle(key="exp_10k").set_value(True).run()
    assert not app.exception
    app.checkbox(key="exp_hxl").check().run()
    assert not app.exception


def test_sidebar_filters_apply(db, monkeypatch):
    monkeypatch.setenv("INITIATIVES_DB", str(db))
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.query_params["communique"] = "2020-04-30-n7"
    at.run()
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "n°7 ; situation au 30 avril 2020" in captions
