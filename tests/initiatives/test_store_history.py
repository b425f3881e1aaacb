"""Who did what (issue 14, item 2): every write of the store records the person, the
time and the values before and after, in its own transaction; each initiative has a
version and a save based on an older one is refused, saying the other person's change
(item 3). On each back end: a real SQLite file, or a new PostgreSQL database, per test."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest

from initiatives import history, store_rows
from initiatives.store import StoreError, VersionConflict, open_store
from tests.helpers.store_samples import N2, N7, N8, commune, initiative, n7, n8, qty, snapshot

ALICE, BRUNO = "alice@pas-de-calais.gouv.fr", "bruno@pas-de-calais.gouv.fr"


@pytest.fixture
def store(location):
    return open_store(location, seed=None)




def marck_id(store) -> int:
    return next(i.id for i in store.initiatives() if "Marck" in i.actor)


def recent(at: str) -> bool:
    return abs((datetime.now() - datetime.fromisoformat(at)).total_seconds()) < 120


def test_an_import_records_the_release_and_each_initiative_with_who_and_when(store):
    store.ingest(N7, n7(), person=ALICE)
    changes = store.history()
    assert {c.person for c in changes} == {ALICE} and all(recent(c.at) for c in changes)
    assert all(c.action == history.IMPORT and c.release_id == N7.id for c in changes)
    [release] = [c for c in changes if c.field == history.RELEASE]
    assert release.initiative_id is None and release.new == N7.title and release.old is None
    created = [c for c in changes if c.field == history.CREATION]
    assert sorted(c.initiative_id for c in created) == sorted(i.id for i in store.initiatives())
    marck = next(c for c in created if c.initiative_id == marck_id(store))
    assert marck.old is None and marck.version == 1
    after = json.loads(marck.new)  # the initiative as it was stored, figures included
    assert after["actor"] == "Ville de Marck"
    assert {(q["kind"], q["value"]) for q in after["quantities"]} >= {("done", 1600),
                                                                      ("target", 11000)}
    # importing it again changes nothing, so records nothing
    before = store.history()
    assert store.ingest(N7, n7(), person=BRUNO)["unchanged"] == 3
    assert store.history() == before


def test_a_later_release_records_the_figures_before_and_after_and_a_new_version(store):
    store.ingest(N7, n7(), person=ALICE)
    iid = marck_id(store)
    assert store.get_versioned(iid)[1] == 1
    store.ingest(N8, n8(), person=BRUNO)
    assert store.get_versioned(iid)[1] == 2
    mine = [c for c in store.history(iid) if c.person == BRUNO]
    assert [(c.action, c.field, c.version) for c in mine] == [
        (history.IMPORT, history.MENTION, 2), (history.IMPORT, "quantities", 2)]
    assert mine[0].new == N8.id
    figures = mine[1]
    assert "3000" not in figures.old and '"value": 3000' in figures.new
    shown = history.value_text("quantities", figures.new).replace("\u202f", " ")
    assert "masques : 3 000 (réalisé)" in shown and "masques : 1 600 (réalisé)" in shown


def test_review_and_correction_record_the_person_and_before_after(store):
    store.ingest(N7, n7())
    iid = marck_id(store)
    assert store.set_status(iid, "vérifié", person=ALICE) == 2
    assert store.update(iid, person=BRUNO, actor="Mairie de Marck",
                        category="aide alimentaire") == 3
    assert store.update(iid, person=BRUNO, actor="Mairie de Marck") == 3  # no change
    changes = [c for c in store.history(iid) if c.action != history.IMPORT]
    assert [(c.action, c.field, c.old, c.new, c.person, c.version) for c in changes] == [
        ("relecture", "status", "extrait", "vérifié", ALICE, 2),
        ("correction", "actor", "Ville de Marck", "Mairie de Marck", BRUNO, 3),
        ("correction", "category", "protection et production de matériel",
         "aide alimentaire", BRUNO, 3)]
    assert [r["field"] for r in store.reviews(iid)] == ["status", "actor", "category"]
    assert store.reviews(iid)[0]["person"] == ALICE


def test_an_addition_by_hand_records_the_whole_initiative(store):
    ini = initiative(N7, "Épicerie solidaire de Lens", commune("62498", "Lens"),
                     qty("repas", 120), actor_type="association", category="aide alimentaire")
    ini.release_id = ""
    iid = store.add_manual(ini, person=ALICE)
    [added] = store.history(iid)
    assert (added.action, added.field, added.person, added.old, added.version) == (
        history.ADDITION, history.CREATION, ALICE, None, 1)
    text = history.value_text(added.field, added.new)
    assert text.startswith("Épicerie solidaire de Lens (Lens (62498))") and "repas : 120" in text


def test_a_deleted_release_leaves_what_it_removed_in_the_history(store):
    store.ingest(N7, n7())
    store.ingest(N8, n8())
    marck = marck_id(store)
    others = {i.id: i for i in store.initiatives() if i.id != marck}
    assert store.delete_release(N7.id, person=ALICE) == {"deleted": 2, "kept": 1}
    mine = [c for c in store.history() if c.person == ALICE]
    assert all(c.action == history.DELETION and c.release_id == N7.id for c in mine)
    assert [c.old for c in mine if c.field == history.RELEASE] == [N7.title]
    gone = {c.initiative_id: json.loads(c.old) for c in mine if c.field == history.INITIATIVE}
    assert set(gone) == set(others)
    assert all(gone[i]["actor"] == others[i].actor for i in gone)
    kept = [(c.field, c.old, c.new) for c in mine if c.initiative_id == marck]
    assert kept[0] == (history.MENTION, N7.id, None)
    assert kept[1][0] == "quantities" and '"value": 1600' in kept[1][1] \
        and '"value": 1600' not in kept[1][2]
    assert store.get_versioned(marck)[1] == 3  # N8's import, then this deletion
    # the id of a deleted initiative is not given again: its history stays its own
    new = store.add_manual(replace(n7()[1], release_id="", actor="Nouvelle association"))
    assert new not in others and new > max(others)
    assert [c.field for c in store.history(new)] == [history.CREATION]


def test_the_person_defaults_to_this_post_and_is_checked(store, monkeypatch):
    monkeypatch.setattr(history.getpass, "getuser", lambda: "agent")
    store.ingest(N2, [])
    assert {c.person for c in store.history()} == {"poste local (agent)"}
    assert history.default_person() == "poste local (agent)"

    def no_user():
        raise KeyError("uid")
    monkeypatch.setattr(history.getpass, "getuser", no_user)
    assert history.default_person() == "poste local"
    store.ingest(N7, n7())
    iid = marck_id(store)
    for bad in ("", "   ", 12, "x" * 400):
        with pytest.raises(StoreError, match="Personne"):
            store.update(iid, person=bad, actor="Autre")
    with pytest.raises(StoreError, match="Version"):
        store.update(iid, expected_version="1", actor="Autre")


def test_history_is_written_in_the_same_transaction_as_the_change(backend, location, store,
                                                                   monkeypatch):
    store.ingest(N7, n7())
    iid = marck_id(store)
    before = snapshot(location)

    def broken(*args, **kwargs):
        raise backend.io_error
    monkeypatch.setattr(store_rows, "record", broken)
    # the fault is said in French (no traceback), and nothing was written
    with pytest.raises(StoreError, match="Rien n'a été modifié"):
        store.update(iid, person=ALICE, actor="Mairie de Marck")
    with pytest.raises(StoreError, match="Rien n'a été modifié"):
        store.ingest(N8, n8(), person=ALICE)
    with pytest.raises(StoreError, match="Rien n'a été modifié"):
        store.delete_release(N7.id, person=ALICE)
    assert snapshot(location) == before  # no change without its record


def test_a_save_on_an_older_version_is_refused_with_the_other_change(location, store):
    store.ingest(N7, n7())
    iid = marck_id(store)
    seen_by_alice = store.get_versioned(iid)
    seen_by_bruno = store.get_versioned(iid)
    assert seen_by_alice[1] == seen_by_bruno[1] == 1
    store.update(iid, person=BRUNO, expected_version=1, actor="Mairie de Marck")
    before = snapshot(location)
    with pytest.raises(VersionConflict) as refused:
        store.update(iid, person=ALICE, expected_version=1, actor="Commune de Marck",
                     status="vérifié")
    assert snapshot(location) == before  # nothing of Alice's save was written
    conflict = refused.value
    assert isinstance(conflict, StoreError)
    assert (conflict.expected, conflict.current) == (1, 2)
    assert [(c.field, c.new, c.person) for c in conflict.changes] == [
        ("actor", "Mairie de Marck", BRUNO)]
    message = str(conflict)
    assert message.startswith("Rien n'a été enregistré")
    assert "Acteur : « Mairie de Marck » (avant : « Ville de Marck »)" in message
    assert f"par {BRUNO} le " in message and history.when(conflict.changes[0].at) in message
    assert "votre valeur : « Commune de Marck »" in message
    # Alice reapplies hers on top of the current version
    assert store.update(iid, person=ALICE, expected_version=conflict.current,
                        actor="Commune de Marck", status="vérifié") == 3
    got = store.get(iid)
    assert (got.actor, got.status) == ("Commune de Marck", "vérifié")


def test_a_review_on_an_older_version_is_refused_too(store):
    store.ingest(N7, n7())
    iid = marck_id(store)
    store.set_status(iid, "rejeté", person=BRUNO, expected_version=1)
    with pytest.raises(VersionConflict, match="Statut : « rejeté »"):
        store.set_status(iid, "vérifié", person=ALICE, expected_version=1)
    assert store.get(iid).status == "rejeté"
    # a new release citing it also makes a newer version, and says so
    store.ingest(N8, n8(), person="import")
    with pytest.raises(VersionConflict, match="Citée par un communiqué"):
        store.update(iid, person=ALICE, expected_version=2, actor="Mairie")


def test_history_rows_in_french():
    changes = [history.Change(1, 3, None, "relecture", "status", "extrait", "vérifié",
                              "vérifié", 2, ALICE, "2020-04-30T10:05:09"),
               history.Change(2, 3, None, "correction", "places",
                              json.dumps([{"nom": "Marck", "code": "62548"}]),
                              json.dumps([{"nom": "Calais", "code": "62193"}]),
                              "vérifié", 3, "", "2020-05-01T09:00:00")]
    rows = history.rows(changes)
    assert rows[0] == {"Quand": "1er mai 2020 à 9 h 00", "Qui": history.UNKNOWN_PERSON,
                       "Action": "correction", "Champ": "Lieux", "Avant": "Marck (62548)",
                       "Après": "Calais (62193)", "Version": 3}
    assert rows[1]["Quand"] == "30 avril 2020 à 10 h 05" and rows[1]["Qui"] == ALICE
    assert rows[1]["Champ"] == "Statut" and rows[1]["Action"] == "relecture"
