"""The overview, Carte and Productions pages under AppTest, on a store made from the
reviewed seed (issue 5): they run, show the figures of `python -m initiatives totals`,
and follow the sidebar filters."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def page(name: str) -> str:
    return str(ROOT / name)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "store.sqlite"
    open_store(path)  # created from data/initiatives_seed.json
    return path


@pytest.fixture
def run(db, monkeypatch):
    monkeypatch.setenv("INITIATIVES_DB", str(db))

    def _run(name: str) -> AppTest:
        at = AppTest.from_file(page(name), default_timeout=180).run()
        assert not at.exception, at.exception
        return at
    return _run


def shown(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def done(totals: dict, item: str) -> str:
    rows = [r for r in totals["items"] if r["item"] == item and r["kind"] == "done"]
    return format_number(sum(r["value"] for r in rows)) if rows else "–"


def test_overview_figures_match_the_command_line(run, db):
    at = run("dashboard.py")
    out = subprocess.run([sys.executable, "-m", "initiatives", "--db", str(db), "totals"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    totals = json.loads(out)
    figures = shown(at)
    assert figures["Masques réalisés"] == done(totals, "masques")
    assert figures["Visières réalisées"] == done(totals, "visières")
    assert figures["Repas réalisés"] == done(totals, "repas")
    kf = metrics.key_figures(open_store(db))
    assert figures["Initiatives"] == format_number(kf["initiatives"])
    assert figures["Communes touchées"] == f"{format_number(kf['communes_reached'])} / 887"
    assert figures["Communes nommées"] == f"{format_number(kf['communes_named'])} / 887"
    masks = kf["production"]["masques"]
    delta = [m for m in at.metric if m.label == "Masques réalisés"][0].delta
    assert delta == f"objectif : {format_number(masks['target'])}"
    # the map, the matrix, the sources and where each figure comes from
    assert len(at.get("component_instance")) == 1
    assert len(at.get("vega_lite_chart")) == 1
    assert any(e.label == "D'où viennent ces chiffres ?" for e in at.expander)
    sources = at.dataframe[-1].value
    assert set(sources["Communiqué"]) >= {r["title"] for r in metrics.sources(open_store(db))}


def test_a_sidebar_filter_changes_the_figures(run, db):
    at = run("dashboard.py")
    before = shown(at)
    arr = next(m for m in at.sidebar.multiselect if m.label == "Arrondissements")
    arr.set_value(["626"]).run()  # Calais
    assert not at.exception
    after = shown(at)
    expected = metrics.key_figures(open_store(db), Filters(arrondissements=("626",)))
    assert after["Initiatives"] == format_number(expected["initiatives"])
    assert after["Initiatives"] != before["Initiatives"]
    assert after["Masques réalisés"] == done(
        metrics.totals(open_store(db), Filters(arrondissements=("626",))), "masques")
    assert at.query_params["arrondissement"] in ("626", ["626"])  # the view is in the link


def test_carte_page_options_rerun(run):
    at = run("pages/1_Carte.py")
    assert len(at.get("component_instance")) == 1
    for key, value in (("carte_niveau", "epci"), ("carte_mesure", "per_10k"),
                       ("carte_niveau", "arrondissement")):
        at.radio(key=key).set_value(value).run()
        assert not at.exception
    at.selectbox(key="carte_classes").set_value("natural_breaks").run()
    at.checkbox(key="carte_points").uncheck().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) == 7 and "Pour 10 000 hab." in table.columns


def test_productions_page_shows_done_against_target_with_sources(run, db):
    at = run("pages/3_Productions.py")
    table = at.dataframe[0].value
    totals = metrics.totals(open_store(db))
    masks = table[table["Objet"] == "masques"].iloc[0]
    assert masks["Réalisé"] == done(totals, "masques")
    target = [r for r in totals["items"] if r["item"] == "masques" and r["kind"] == "target"]
    assert masks["Objectif"] == format_number(target[0]["value"])
    assert any(e.label == "D'où viennent ces chiffres ?" for e in at.expander)
    behind = at.dataframe[1].value  # every figure behind the totals, with its sentence
    masks_rows = behind[(behind["Objet"] == "masques") & (behind["Nature"] == "réalisé")]
    assert len(masks_rows) == masks["Initiatives (réalisé)"]
    assert masks_rows["Phrase"].str.contains("masques").all()
    assert len(at.get("vega_lite_chart")) >= 2
    captions = " ".join(c.value for c in at.caption)
    assert "Source : " in captions
