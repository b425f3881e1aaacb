"""The overview's first paint in a browser (issue 13, item 5): the figures and the map
first, the filters' widgets and the tables once the map reports it is drawn, on the same
map (not drawn anew)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from ui import widgets

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def browser_session(seed_db, monkeypatch):
    """AppTest has no browser (no request headers): the page then waits for nothing.
    Here it behaves as under a browser, which no map has reported drawn yet."""
    monkeypatch.setenv("INITIATIVES_DB", str(seed_db))
    monkeypatch.setattr(widgets, "first_paint",
                        lambda: not st.session_state.get(widgets.DRAWN_KEY))


def _map(at) -> tuple[str, dict]:
    proto = at.get("component_instance")[0].proto
    return proto.id, json.loads(proto.json_args)


def test_first_paint_is_the_figures_and_the_map_then_the_rest(browser_session):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    assert not at.exception, at.exception
    assert at.metric[0].label == "Communes nommées" and len(at.metric) == 8
    assert "Carte des initiatives" in [h.value for h in at.subheader]
    first_id, first_args = _map(at)
    assert "setComponentValue" in first_args["feature_group"]  # the map says when drawn
    # nothing else yet: no widgets in the sidebar, no table, nothing under the map
    assert not at.sidebar.multiselect and not at.dataframe
    assert [h.value for h in at.subheader] == ["Carte des initiatives"]
    assert any("Chargement des filtres" in c.value for c in at.sidebar.caption)
    assert any("suite de la page" in c.value for c in at.main.caption)  # under the map
    assert any(e.label == "D'où viennent ces chiffres ?" for e in at.expander)

    at.session_state[widgets.DRAWN_KEY] = True  # what the map's report sets
    at.run()
    assert not at.exception, at.exception
    subheaders = [h.value for h in at.subheader]
    assert subheaders[0] == "Carte des initiatives" and "Ce qui a changé" in subheaders
    assert "Sources" in subheaders and len(at.sidebar.multiselect) >= 4
    assert len(at.dataframe) >= 4 and len(at.metric) == 8
    again_id, again_args = _map(at)
    # the same map in the same place: the browser keeps it, drawn once
    assert again_id == first_id and again_args["script"] == first_args["script"]
    assert again_args["feature_group"] is None


def test_figure_sources_wait_for_the_rest_of_the_page(browser_session):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    box = next(e for e in at.expander if e.label == "D'où viennent ces chiffres ?")
    assert any("Chargement du tableau" in c.value for c in box.caption)
