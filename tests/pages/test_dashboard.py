"""The overview, Carte and Productions pages under AppTest, on a store made from the
reviewed seed (issue 5): they run, show the figures of `python -m initiatives totals`,
and follow the sidebar filters."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import NBSP, format_date, format_number
from initiatives.store import open_store

ROOT = Path(__file__).resolve().parents[2]
NBSP2 = "\u00a0"  # before "%"


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
    # the first figure: communes where an initiative is named; territory-only apart
    assert at.metric[0].label == "Communes nommées"
    assert figures["Communes nommées"] == \
        f"{format_number(kf['communes_named'])} / 887"
    assert at.metric[0].delta == f"{format_number(kf['population_named'])} habitants"
    assert figures["Via un territoire seulement"] == \
        format_number(kf["communes_territory"])
    assert "Communes touchées" not in figures
    # the seed is reviewed: every total says so
    delta = [m for m in at.metric if m.label == "Masques réalisés"][0].delta
    assert delta == "tout est relu"
    # goals against the done figure of the same initiative only (Marck), the rest apart
    goals = " ".join(c.value for c in at.caption if c.value.startswith("Objectifs"))
    goals = goals.replace("\\", "")  # markdown escapes (item names come from the texts)
    assert f"1{NBSP}600 réalisés sur un objectif de 11{NBSP}000 (15{NBSP2}%)" in goals
    assert f"objectif sans réalisé connu : 8{NBSP}500 (1 initiative)" in goals
    assert "19" + NBSP + "500" not in " ".join(str(m.value) + str(m.delta) for m in at.metric)
    # arrondissements ranked weakest first, as shares
    shares = next(d.value for d in at.dataframe if "Arrondissement" in d.value.columns)
    assert shares.iloc[0]["Arrondissement"] == "Saint-Omer" and len(shares) == 7
    assert shares["% de la population"].is_monotonic_increasing
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
    at = run("app_pages/1_Carte.py")
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
    # French numbers (`434,8`, `129 991`), never the grid's `434.783` or `129,991`
    french = re.compile(r"^\d{1,3}(\u202f\d{3})*(,\d)?$")
    for column in ("Population", "Initiatives", "Pour 10 000 hab."):
        assert all(isinstance(v, str) and french.match(v) for v in table[column]), column
    assert any("\u202f" in v for v in table["Population"])
    assert "Classes de couleur" in [s.label for s in at.selectbox]
    assert not any("mapclassify" in s.label for s in at.selectbox)


def test_productions_page_shows_done_against_target_with_sources(run, db):
    at = run("app_pages/3_Productions.py")
    table = at.dataframe[0].value
    totals = metrics.totals(open_store(db))
    masks = table[table["Objet"] == "masques"].iloc[0]
    assert masks["Réalisé"] == done(totals, "masques")
    assert masks["Dont à relire"] == "0"
    # Marck alone gives a goal and a done figure: 1 600 / 11 000; Mazingarbe's goal apart
    assert masks["Avancement (initiatives avec objectif et réalisé)"] == \
        f"1{NBSP}600 / 11{NBSP}000 (15{NBSP2}%)"
    assert masks["Objectifs sans réalisé connu"] == f"8{NBSP}500 (1 initiative)"
    assert "Objectif" not in table.columns  # no sum of goals beside the sum of done
    progress = next(d.value for d in at.dataframe if "Avancement" in d.value.columns
                    and "Acteur" in d.value.columns)
    assert list(progress["Acteur"]) == ["Ville de Marck"]
    assert progress.iloc[0]["Avancement"] == 15
    alone = next(d.value for d in at.dataframe if "Objectif" in d.value.columns
                 and "Avancement" not in d.value.columns)
    assert set(alone["Acteur"]) == {"commune de Mazingarbe", "mosquée Annour d’Arras"}
    assert any(e.label == "D'où viennent ces chiffres ?" for e in at.expander)
    behind = at.dataframe[1].value  # every figure behind the totals, with its sentence
    assert set(behind["Relecture"]) == {"vérifié"}
    masks_rows = behind[(behind["Objet"] == "masques") & (behind["Nature"] == "réalisé")]
    assert len(masks_rows) == masks["Initiatives (réalisé)"]
    assert masks_rows["Phrase"].str.contains("masques").all()
    assert len(at.get("vega_lite_chart")) >= 2
    captions = " ".join(c.value for c in at.caption)
    assert "Source : " in captions


def test_overview_says_what_changed_since_the_previous_release(run, db):
    from initiatives.changes import changes
    from report import wording
    ch = changes(open_store(db), Filters())
    assert not ch.empty
    at = run("dashboard.py")
    assert "Ce qui a changé" in [h.value for h in at.subheader]
    texts = [m.value.replace("\\", "") for m in at.markdown]
    assert wording.changes_summary(ch) in texts
    frames = [d.value for d in at.dataframe]
    news = next(f for f in frames if "Auparavant" in f.columns)
    assert len(news) == len(ch.figures)
    # a picked date: everything after it
    day = ch.since.replace(day=1)
    at.date_input(key="depuis").set_value(day).run()
    assert not at.exception
    texts = [m.value.replace("\\", "") for m in at.markdown]
    picked = wording.changes_summary(changes(open_store(db), Filters(), since=day))
    assert picked.startswith(f"Depuis le {format_date(day)}") and picked in texts
