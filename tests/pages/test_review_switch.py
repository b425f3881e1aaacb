"""The "Chiffres relus seulement" switch (issue 11, item 3) under AppTest: every total
says how much is still to review; the switch, shared by every page and kept in the
URL, leaves only checked figures."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.filters import Filters
from initiatives.formatting import format_number
from initiatives.store import open_store
from tests.helpers.store_samples import N8, commune, initiative, qty

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def mixed(db):
    """The reviewed seed plus a release read but not yet checked (status "extrait")."""
    store = open_store(db)
    store.ingest(N8, [
        initiative(N8, "Atelier couture de Liévin", commune("62510", "Liévin"),
                   qty("masques", 700, sentence="700 masques cousus"),
                   actor_type="association"),
        initiative(N8, "Ville de Wimereux", commune("62893", "Wimereux"),
                   qty("masques", 400, sentence="400 masques distribués"))])
    return db


def run(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / page), default_timeout=180)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at, label: str):
    return next(m for m in at.metric if m.label == label)


def test_totals_say_how_much_is_to_review_and_the_switch_drops_it(mixed):
    store = open_store(mixed)
    every, checked = metrics.key_figures(store), metrics.key_figures(
        store, Filters(reviewed_only=True))
    assert every.initiatives_to_review == 2 and checked.initiatives_to_review == 0
    at = run("dashboard.py")
    assert metric(at, "Initiatives").value == format_number(every.initiatives)
    assert metric(at, "Initiatives").delta == "dont 2 à relire"
    masks = metric(at, "Masques réalisés")
    assert masks.value == format_number(every.production["masques"]["done"])
    assert masks.delta == f"dont {format_number(1100)} à relire"
    assert "relus" not in at.query_params

    switch = next(t for t in at.sidebar.toggle if t.label == "Chiffres relus seulement")
    switch.set_value(True).run()
    assert not at.exception
    assert at.query_params["relus"] in ("oui", ["oui"])  # in the link
    assert metric(at, "Initiatives").value == format_number(checked.initiatives)
    assert metric(at, "Initiatives").delta == "relus seulement"
    assert metric(at, "Masques réalisés").value == \
        format_number(checked.production["masques"]["done"])
    named = metric(at, "Communes nommées").value
    assert named == f"{format_number(checked.communes_named)} / 887"
    # Liévin is named by checked initiatives too; Wimereux only by one to review
    assert every.communes_named_to_review == 1
    assert checked.communes_named == every.communes_named - 1


def test_a_shared_link_opens_with_the_switch_on(mixed):
    store = open_store(mixed)
    checked = metrics.totals(store, Filters(reviewed_only=True))
    at = run("app_pages/3_Productions.py", {"relus": "oui"})
    switch = next(t for t in at.sidebar.toggle if t.label == "Chiffres relus seulement")
    assert switch.value
    table = at.dataframe[0].value.set_index("Objet")
    done = next(r for r in checked["items"] if r["item"] == "masques" and r["kind"] == "done")
    assert table.loc["masques", "Réalisé"] == format_number(done["value"])
    assert table.loc["masques", "Dont à relire"] == "0"
    # the statuses are set aside while the switch is on
    statuses = next(m for m in at.sidebar.multiselect if m.label == "Statut de relecture")
    assert statuses.disabled


def test_productions_without_the_switch_show_the_part_to_review(mixed):
    at = run("app_pages/3_Productions.py")
    table = at.dataframe[0].value.set_index("Objet")
    assert table.loc["masques", "Dont à relire"] == format_number(1100)
    behind = at.dataframe[1].value
    assert set(behind.loc[behind["Acteur"] == "Ville de Wimereux", "Relecture"]) == {"à relire"}
