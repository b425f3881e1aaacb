"""The Initiatives page under AppTest (issue 5): details with sources, review
(rejected initiatives leave the default view and the totals), corrections refused in
French without change, an initiative added by hand, hostile names shown as text."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from streamlit.testing.v1 import AppTest

from initiatives import metrics
from initiatives.formatting import format_number
from initiatives.model import Initiative, Quantity
from initiatives.store import open_store
from ui import review

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "4_Initiatives.py")
HOSTILE = '<img src=x onerror="window.__xss=1">'


def app() -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not at.exception, at.exception
    return at


def marck(db) -> int:
    return next(i.id for i in open_store(db).initiatives() if i.actor == "Ville de Marck")


def masks_done(db) -> float:
    return sum(r["value"] for r in metrics.totals(open_store(db))["items"]
               if r["item"] == "masques" and r["kind"] == "done")


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def texts(at) -> str:
    return " ".join([m.value for m in at.markdown] + [c.value for c in at.caption]
                    + [s.value for s in at.subheader])


def test_choosing_an_initiative_shows_its_excerpt_release_and_figures(db):
    at = app()
    iid = marck(db)
    assert iid in set(at.dataframe[0].value["N°"])
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    assert not at.exception
    shown = texts(at)
    assert "Ville de Marck" in shown and "n°7 du 30 avril 2020" in shown
    assert "1 600 réalisés" in shown.replace("\u202f", " ")  # the excerpt itself
    quantities = at.dataframe[1].value
    assert {"réalisé", "objectif"} <= set(quantities["Nature"])


def test_figures_table_says_why_each_figure_has_its_kind(db):
    store = open_store(db)
    iid = marck(db)
    reasons = {"done": "participe « réalisés » avec « à ce jour »",
               "target": "nom « objectif » devant le nombre"}
    store.update(iid, quantities=[replace(q, reason=reasons.get(q.kind, ""))
                                  for q in store.get(iid).quantities])
    at = app()
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    assert not at.exception
    quantities = at.dataframe[1].value
    assert "Pourquoi cette nature" in quantities.columns
    shown = dict(zip(quantities["Nature"], quantities["Pourquoi cette nature"]))
    assert shown["réalisé"] == reasons["done"] and shown["objectif"] == reasons["target"]


def test_reasons_survive_the_editor_unless_the_kind_is_changed():
    ini = Initiative(release_id="r1", actor="Atelier", actor_type="association",
                     category="autre", excerpt="",
                     quantities=[Quantity("masques", 300, "unités", "done",
                                          sentence="a distribué 300 masques",
                                          release_id="r1", reason="verbe « distribuer »"),
                                 Quantity("masques", 900, "unités", "ordered",
                                          sentence="900 masques sont commandés",
                                          release_id="r1", reason="participe « commandés »")])
    labels = {"r1": "n°9 du 14 mai 2020"}
    frame = review.quantities_frame(ini, labels)
    assert list(frame["Pourquoi cette nature"]) == ["verbe « distribuer »",
                                                    "participe « commandés »"]
    assert review.quantities_from(frame, labels, ini.quantities) == ini.quantities
    frame.loc[1, "Nature"] = "réalisé"
    frame.loc[2] = ["blouses", 20.0, "unités", "besoin exprimé", None, False,
                    "n°9 du 14 mai 2020", ""]
    back = review.quantities_from(frame, labels, ini.quantities)
    assert [(q.kind, q.reason) for q in back] == [
        ("done", "verbe « distribuer »"), ("done", review.REVIEWED_REASON),
        ("needed", review.REVIEWED_REASON)]


def test_rejecting_removes_it_from_the_default_view_and_the_totals(db):
    before = masks_done(db)
    at = app()
    iid = marck(db)
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    button(at, "Marquer rejeté").click().run()
    assert not at.exception
    assert any("marquée « rejeté »" in s.value for s in at.success)
    assert iid not in set(at.dataframe[0].value["N°"])
    assert open_store(db).get(iid).status == "rejeté"
    assert masks_done(db) == before - 1600
    assert [r["field"] for r in open_store(db).reviews(iid)] == ["status"]
    # the overview follows at once
    overview = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180).run()
    figures = {m.label: m.value for m in overview.metric}
    assert figures["Masques réalisés"] == format_number(before - 1600)


def test_a_correction_is_saved_and_an_invalid_one_changes_nothing(db):
    at = app()
    iid = marck(db)
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    # a form sends its values on submit: set and submit in the same run
    next(t for t in at.text_input if t.label == "Acteur").set_value("Mairie de Marck")
    button(at, "Enregistrer les corrections").click().run()
    assert not at.exception
    assert open_store(db).get(iid).actor == "Mairie de Marck"
    assert any("corrigée" in s.value for s in at.success)
    assert [r["field"] for r in open_store(db).reviews(iid)] == ["actor"]  # only what changed
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    next(t for t in at.text_input if t.label == "Acteur").set_value("   ")
    button(at, "Enregistrer les corrections").click().run()
    assert any("Rien n'a été modifié" in e.value for e in at.error)
    assert open_store(db).get(iid).actor == "Mairie de Marck"


def test_adding_by_hand_with_a_commune_picker_and_a_hostile_name(db):
    at = app()
    # form values are sent on submit: set them and submit in the same run
    next(t for t in at.text_input if t.label == "Acteur *").set_value(HOSTILE)
    next(m for m in at.multiselect if m.label == "Communes *").set_value(["62160"])
    next(t for t in at.text_input if t.label == "Objet (facultatif)").set_value("repas")
    next(n for n in at.number_input if n.label == "Quantité").set_value(120)
    button(at, "Ajouter l'initiative").click().run()
    assert not at.exception
    added = [i for i in open_store(db).initiatives() if i.actor == HOSTILE]
    assert len(added) == 1 and added[0].places[0].code == "62160"
    assert added[0].quantities[0].value == 120
    at.selectbox(key="initiative_choisie").set_value(added[0].id).run()
    shown = texts(at)
    assert "<img" not in shown and "&lt;img" in shown  # escaped, shown as text
    assert "saisie manuelle" in shown


def test_adding_without_commune_is_refused(db):
    at = app()
    count = len(open_store(db).initiatives())
    next(t for t in at.text_input if t.label == "Acteur *").set_value("Collectif sans lieu")
    button(at, "Ajouter l'initiative").click().run()
    assert any("au moins une commune" in e.value for e in at.error)
    assert len(open_store(db).initiatives()) == count
