"""The Initiatives page with two people at once (issue 14, items 2 and 3), under
AppTest: two sessions on one store. An initiative shows its history in French (who,
when, before, after); a save based on an older version is refused with the other
person's change, not thrown away as « Aucune modification », and can be reapplied."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from initiatives import history
from initiatives.store import open_store
from ui.widgets import md

ROOT = Path(__file__).resolve().parents[2]
PAGE = str(ROOT / "app_pages" / "4_Initiatives.py")


def session(iid: int) -> AppTest:
    """A person with the page open on initiative `iid`."""
    at = AppTest.from_file(PAGE, default_timeout=180).run()
    assert not at.exception, at.exception
    at.selectbox(key="initiative_choisie").set_value(iid).run()
    assert not at.exception, at.exception
    return at


def marck(db) -> int:
    return next(i.id for i in open_store(db).initiatives() if i.actor == "Ville de Marck")


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


def text_input(at, label: str):
    return next(t for t in at.text_input if t.label == label)


def selectbox(at, label: str):
    return next(s for s in at.selectbox if s.label == label)


def errors(at) -> str:
    return " ".join(e.value for e in at.error)


def history_lines(at) -> list[str]:
    """The history panel's entries, newest first (markdown, untrusted text escaped)."""
    return [m.value for m in at.markdown if " · " in m.value and "  \n" in m.value]


def test_the_history_says_who_changed_what_and_when_in_french(db):
    iid = marck(db)
    at = session(iid)
    text_input(at, "Acteur").set_value("Mairie de Marck")
    button(at, "Enregistrer les corrections").click().run()
    assert not at.exception and any("corrigée" in s.value for s in at.success)
    lines = history_lines(at)
    [change] = [c for c in open_store(db).history(iid) if c.field == "actor"]
    newest = lines[0]
    assert newest.startswith(f"**{history.when(change.at)}** · ") and " à " in newest
    assert f" · {md(history.default_person())} · correction · version 2" in newest
    assert newest.endswith("Acteur : « Ville de Marck » → « Mairie de Marck »")
    # the import that brought it in is there too, in words
    assert "import d'un communiqué" in lines[-1] and "Création : « Ville de Marck" in lines[-1]
    assert md("masques : 1 600 (réalisé)") in lines[-1].replace("\u202f", " ")
    captions = " ".join(c.value for c in at.caption)
    assert "Enregistré au nom de : poste local" in captions


def test_the_second_save_is_refused_with_the_first_persons_change_then_reapplied(db):
    iid = marck(db)
    anne, bruno = session(iid), session(iid)
    text_input(anne, "Acteur").set_value("Mairie de Marck")
    button(anne, "Enregistrer les corrections").click().run()
    assert open_store(db).get(iid).actor == "Mairie de Marck"
    # Bruno still has the version he opened: he changes the actor and the category
    text_input(bruno, "Acteur").set_value("Commune de Marck")
    selectbox(bruno, "Catégorie").set_value("aide alimentaire")
    button(bruno, "Enregistrer les corrections").click().run()
    assert not bruno.exception
    assert not any("Aucune modification" in i.value for i in bruno.info)
    refused = errors(bruno)
    assert "Rien n'a été enregistré" in refused
    assert "Mairie de Marck" in refused and "Commune de Marck" in refused  # theirs, his
    assert "votre valeur" in refused and "poste local" in refused
    [change] = [c for c in open_store(db).history(iid) if c.field == "actor"]
    assert history.when(change.at) in refused
    assert open_store(db).get(iid).actor == "Mairie de Marck"  # nothing of his written
    # what he typed is still in the form
    assert text_input(bruno, "Acteur").value == "Commune de Marck"
    button(bruno, "Réappliquer mes modifications").click().run()
    assert not bruno.exception
    assert any("réappliquées" in s.value for s in bruno.success)
    got = open_store(db).get(iid)
    assert (got.actor, got.category) == ("Commune de Marck", "aide alimentaire")
    changes = [(c.field, c.old, c.new) for c in open_store(db).history(iid)
               if c.action == "correction"]
    assert changes == [("actor", "Ville de Marck", "Mairie de Marck"),
                       ("actor", "Mairie de Marck", "Commune de Marck"),
                       ("category", "protection et production de matériel",
                        "aide alimentaire")]


def test_a_status_change_on_an_older_version_keeps_the_others_correction(db):
    """The case once thrown away as « Aucune modification »: one person corrects the
    actor, the other, on the version before, changes only the status."""
    iid = marck(db)
    anne, bruno = session(iid), session(iid)
    text_input(anne, "Acteur").set_value("Mairie de Marck")
    button(anne, "Enregistrer les corrections").click().run()
    selectbox(bruno, "Statut").set_value("rejeté")
    button(bruno, "Enregistrer les corrections").click().run()
    assert "Acteur : « Mairie de Marck »" in errors(bruno)
    button(bruno, "Réappliquer mes modifications").click().run()
    got = open_store(db).get(iid)
    assert (got.actor, got.status) == ("Mairie de Marck", "rejeté")  # both kept


def test_a_review_button_on_an_older_version_is_refused_and_can_be_given_up(db):
    iid = marck(db)
    anne, bruno = session(iid), session(iid)
    selectbox(anne, "Catégorie").set_value("aide alimentaire")
    button(anne, "Enregistrer les corrections").click().run()
    bruno.run()  # any rerun: he is told it changed since he opened it
    assert any("modifiée depuis que vous l'avez ouverte" in w.value for w in bruno.warning)
    assert selectbox(bruno, "Catégorie").value != "aide alimentaire"  # his version
    button(bruno, "Marquer rejeté").click().run()
    assert "Catégorie : « aide alimentaire »" in errors(bruno)
    assert open_store(db).get(iid).status == "vérifié"
    button(bruno, "Abandonner mes modifications").click().run()
    assert not bruno.error and not bruno.warning
    assert selectbox(bruno, "Catégorie").value == "aide alimentaire"  # the current version
    assert open_store(db).get(iid).status == "vérifié"


def test_reloading_the_current_version_shows_the_others_values(db):
    iid = marck(db)
    anne, bruno = session(iid), session(iid)
    text_input(anne, "Acteur").set_value("Mairie de Marck")
    button(anne, "Enregistrer les corrections").click().run()
    bruno.run()
    assert text_input(bruno, "Acteur").value == "Ville de Marck"
    button(bruno, "Repartir de la version actuelle").click().run()
    assert text_input(bruno, "Acteur").value == "Mairie de Marck"
    assert not bruno.warning
    selectbox(bruno, "Statut").set_value("rejeté")
    button(bruno, "Enregistrer les corrections").click().run()
    assert any("corrigée" in s.value for s in bruno.success)
    assert open_store(db).get(iid).status == "rejeté"
