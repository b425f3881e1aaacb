"""The app for another département and for France (issue 13), under AppTest, on
reference geography built from the cached sources (`built_reference`, built once per
session, shared with tests/geo). Nord (59): every page, its browser tab, titles,
captions, export names and the briefing say « Nord », never « Pas-de-Calais ».
France (`DEPARTEMENT=FR`): the départements first, one département's communes once
it is chosen."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import config
from geo import offline, reference, territories
from initiatives.store import open_store
from report import briefing, naming

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["dashboard.py", "app_pages/0_Tableau_de_bord.py", "app_pages/1_Carte.py",
         "app_pages/2_Couverture.py", "app_pages/3_Productions.py", "app_pages/4_Initiatives.py",
         "app_pages/5_Import.py", "app_pages/6_Exports.py"]
CODE = re.compile(r'code\\*":\\*"(\d[\dAB]\d{0,3})\\*"')  # codes in the maps' data


def _clear():
    reference.clear_cache()
    territories.clear_cache()
    offline.clear_cache()
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def app(monkeypatch, tmp_path):
    """`use(dep, root)`: the app set to département `dep` on the reference folder
    `root`, with a new store (the Pas-de-Calais seed goes only into 62 and FR stores)."""
    tabs: list[str] = []
    real = st.set_page_config
    monkeypatch.setattr(st, "set_page_config",
                        lambda *a, **k: (tabs.append(k.get("page_title", "")), real(*a, **k)))

    def use(dep: str, root: Path):
        monkeypatch.setattr(config, "REFERENCE_DIR", root)
        monkeypatch.setenv("DEPARTEMENT", dep)
        monkeypatch.setenv("INITIATIVES_DB", str(tmp_path / f"store-{dep}.sqlite"))
        _clear()
        return tabs
    yield use
    _clear()


def run(page: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=240).run()
    assert not at.exception, at.exception
    return at


def dump(at: AppTest) -> str:
    """Everything the page sent: texts, widgets, the maps' scripts."""
    out = []

    def walk(node):
        if getattr(node, "proto", None) is not None:
            out.append(str(node.proto))
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)
    walk(at._tree)
    return "\n".join(out)


def test_nord_every_page(app, built_reference):
    root, _ = built_reference("59")
    tabs = app("59", root)
    for page in PAGES[1:]:
        at = run(page)
        text = dump(at)
        assert "Pas-de-Calais" not in text and "pas-de-calais" not in text, page
        assert tabs and tabs[-1].endswith("· Nord solidaire"), (page, tabs[-1:])
        if page != "app_pages/5_Import.py":
            assert not any(c.startswith("62") for c in CODE.findall(text)), page
    at = run("app_pages/0_Tableau_de_bord.py")
    assert at.title[0].value == "Nord solidaire : tableau de bord"
    assert any(m.value.endswith("/ 647") for m in at.metric)  # the Nord's 647 communes
    exports = run("app_pages/6_Exports.py")
    assert "préfecture du Nord" in exports.caption[0].value


def test_nord_export_names_and_briefing(app, built_reference, tmp_path):
    root, _ = built_reference("59")
    app("59", root)
    assert naming.file_name("donnees", None, "csv", "59").startswith("nord-solidaire_donnees_")
    store = open_store(tmp_path / "nord.sqlite")  # no seed: it is the Pas-de-Calais'
    assert store.initiatives() == []
    note = briefing.build(store, dep="59", with_map=False)
    text = f"{note.title} {note.sources} {note.footer}"
    assert "Nord solidaire" in note.title and "préfecture du Nord" in text
    assert "Pas-de-Calais" not in text


def test_france_shows_departements_then_one_departement(app, built_reference):
    built_reference("59")  # the Nord's own layers, for the drill-down
    root, _ = built_reference("FR")
    tabs = app("FR", root)
    at = run("app_pages/1_Carte.py")
    assert at.title[0].value == "France solidaire : carte des départements"
    assert tabs[-1] == "Carte · France solidaire"
    codes = set(CODE.findall(dump(at)))
    assert len(codes) == 101 and "59" in codes and "971" in codes  # départements only
    figures = {m.label: m.value for m in at.metric}
    # the Pas-de-Calais seed, read nationally: its initiatives lie in 62 and a few others
    assert figures["Départements où une initiative est située"].endswith("sur 101")
    table = at.dataframe[0].value
    assert table.iloc[0]["Code"] == "62" and table.iloc[0]["Initiatives"] > 0

    at.sidebar.selectbox(key="departement_choisi").set_value("59").run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Carte des initiatives"
    codes = set(CODE.findall(dump(at)))
    communes = {c for c in codes if len(c) == 5}
    assert len(communes) == 647 and all(c.startswith("59") for c in communes)
    assert at.query_params.get("departement") == "59"  # a link keeps it


def test_france_pages_without_a_national_view_ask_for_a_departement(app, built_reference):
    root, _ = built_reference("FR")
    app("FR", root)
    at = run("app_pages/2_Couverture.py")
    assert "choisissez un département" in at.info[0].value
    assert not at.title
    at = run("app_pages/0_Tableau_de_bord.py")
    assert at.title[0].value == "France solidaire : tableau de bord"
