"""The store on each back end (a real SQLite file, a real PostgreSQL database): schema,
idempotence, merging, corrections, rollback."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from initiatives import sql_store
from initiatives.filters import Filters
from initiatives.metrics import totals
from initiatives.model import Initiative, Quantity
from initiatives.seed import dump_seed, dump_store, load_seed
from initiatives.store import StoreError, open_store
from initiatives.store_tables import SCHEMA_VERSION
from tests.helpers.store_backends import tables
from tests.helpers.store_samples import (
    N2,
    N7,
    N8,
    NEWSLETTER,
    commune,
    fill,
    initiative,
    marck_n7,
    n2,
    n7,
    n8,
    qty,
    snapshot,
)

TABLES = ("releases", "initiatives", "initiative_keys", "mentions", "places",
          "observations", "history")


@pytest.fixture
def store(location):
    return open_store(location, seed=None)




def without_ids(result: dict) -> dict:
    for row in result["items"]:
        for source in row["sources"]:
            source.pop("initiative_id")
    return result


def marck(store) -> Initiative:
    [found] = [i for i in store.initiatives(Filters(statuses=())) if "Marck" in i.actor]
    return found


def test_schema_is_created_with_its_version(backend, location, store):
    assert set(TABLES) | {"schema_version"} <= tables(backend, location)
    assert backend.query(location, "SELECT version FROM schema_version") == [(SCHEMA_VERSION,)]
    # opening again neither fails nor duplicates the version
    open_store(location, seed=None)
    assert backend.query(location, "SELECT count(*) FROM schema_version") == [(1,)]


def test_status_check_and_foreign_keys_are_enforced_by_the_database(backend, location, store):
    store.ingest(N7, n7())
    with pytest.raises(backend.integrity_error):
        backend.query(location, "UPDATE initiatives SET status = 'douteux'")
    with pytest.raises(backend.integrity_error):
        backend.query(location, "INSERT INTO mentions (initiative_id, release_id)"
                                f" VALUES (999, '{N7.id}')")


def test_ingest_counts_and_reads_back(store):
    assert store.ingest(N7, n7()) == {"added": 3, "updated": 0, "unchanged": 0}
    assert [r.id for r in store.releases()] == [N7.id]
    assert store.release(N7.id).date == date(2020, 4, 30)
    ini = marck(store)
    assert ini.release_id == N7.id and ini.places[0].code == "62548"
    assert ini.contacts == ["https://fr-fr.facebook.com/ville.marck"]
    assert {(q.item, q.kind, q.value, q.release_id, q.as_of) for q in ini.quantities} == {
        ("masques", "done", 1600, N7.id, date(2020, 4, 30)),
        ("masques", "target", 11000, N7.id, date(2020, 4, 30)),
        ("couturières", "volunteers", 62, N7.id, date(2020, 4, 30))}
    assert store.get(ini.id).actor == "Ville de Marck"
    assert store.get(10_000) is None


def test_reingesting_the_same_release_changes_nothing(location, store):
    store.ingest(N7, n7())
    before = snapshot(location)
    assert store.ingest(N7, n7()) == {"added": 0, "updated": 0, "unchanged": 3}
    assert snapshot(location) == before


def test_same_initiative_in_two_releases_is_one_initiative_with_both_observations(store):
    store.ingest(N7, n7())
    assert store.ingest(N8, n8()) == {"added": 0, "updated": 1, "unchanged": 0}
    ini = marck(store)
    done = sorted((q.as_of, q.value) for q in ini.quantities if q.kind == "done")
    assert done == [(date(2020, 4, 30), 1600), (date(2020, 5, 7), 3000)]
    # each release keeps its own excerpt; the initiative shows the latest
    excerpts = {m.release_id: m.excerpt for m in store.mentions(ini.id)}
    assert set(excerpts) == {N7.id, N8.id}
    assert ini.excerpt == excerpts[N8.id] and ini.release_id == N8.id
    assert len([i for i in store.initiatives() if "Marck" in i.actor]) == 1


def test_totals_take_the_latest_report_not_the_sum(store):
    store.ingest(N7, [marck_n7()])
    store.ingest(N8, n8())
    masks = {(r["item"], r["kind"]): r["value"] for r in totals(store)["items"]}
    assert masks[("masques", "done")] == 3000
    assert masks[("masques", "target")] == 11000


def test_releases_ingested_out_of_order_still_take_the_latest_by_date(store):
    store.ingest(N8, n8())
    assert store.ingest(N7, [marck_n7()]) == {"added": 0, "updated": 1, "unchanged": 0}
    masks = {(r["item"], r["kind"]): r["value"] for r in totals(store)["items"]}
    assert masks[("masques", "done")] == 3000


def test_human_corrections_survive_reingest(location, store):
    store.ingest(N7, n7())
    ini = marck(store)
    store.set_status(ini.id, "vérifié")
    store.update(ini.id, actor_type="service public ou établissement")
    # a reviewer says the 11 000 are not a target but a production rate
    fixed = [replace(q, kind="per_week") if q.kind == "target" else q for q in ini.quantities]
    store.update(ini.id, quantities=fixed)
    before = snapshot(location)
    assert store.ingest(N7, n7())["unchanged"] == 3
    assert snapshot(location) == before
    store.ingest(N8, n8())  # a new release adds its figure, keeps the corrections
    again = marck(store)
    assert again.status == "vérifié"
    assert again.actor_type == "service public ou établissement"
    kinds = sorted((q.kind, q.value) for q in again.quantities)
    assert ("target", 11000) not in kinds and ("per_week", 11000) in kinds
    assert ("done", 3000) in kinds
    fields = [r["field"] for r in store.reviews(ini.id)]
    assert fields == ["status", "actor_type", "quantities"]


def test_rejected_initiatives_stay_rejected_and_leave_the_default_view(store):
    store.ingest(N7, n7())
    ini = marck(store)
    store.set_status(ini.id, "rejeté")
    store.ingest(N8, n8())
    assert marck(store).status == "rejeté"
    assert all(i.id != ini.id for i in store.initiatives())
    assert all("Marck" not in s["actor"] for r in totals(store)["items"] for s in r["sources"])


def test_corrected_actor_name_merges_the_next_release(store):
    store.ingest(N7, [initiative(N7, "Ville de Mark", commune("62548", "Marck"),
                                 qty("masques", 1600))])
    [ini] = store.initiatives()
    store.update(ini.id, actor="Ville de Marck")
    assert store.ingest(N8, n8()) == {"added": 0, "updated": 1, "unchanged": 0}
    assert [i.actor for i in store.initiatives()] == ["Ville de Marck"]


def test_invalid_initiative_in_the_middle_of_a_batch_rolls_everything_back(location, store):
    store.ingest(N2, n2())
    before = snapshot(location)
    batch = n7()
    batch[1].status = "douteux"
    with pytest.raises(StoreError, match="Statut inconnu"):
        store.ingest(N7, batch)
    assert snapshot(location) == before  # not even the release or the first initiative


def test_database_constraint_failure_rolls_back(location, store, monkeypatch):
    # skip validation so that the CHECK constraint of the table is what refuses
    monkeypatch.setattr(sql_store, "check_initiative", lambda ini: ini)
    store.ingest(N2, n2())
    before = snapshot(location)
    batch = n7()
    batch[2].status = "douteux"
    with pytest.raises(StoreError, match="refusée"):
        store.ingest(N7, batch)
    assert snapshot(location) == before


@pytest.mark.parametrize("change, message", [
    ({"actor": "  "}, "vide"),
    ({"category": "jardinage"}, "Catégorie inconnue"),
    ({"actor_type": "ovni"}, "Type d'acteur"),
    ({"status": "peut-être"}, "Statut"),
    ({"excerpt": "réécrit"}, "non modifiable"),
    ({"quantities": [Quantity("masques", -5, "unités", "done")]}, "Valeur invalide"),
    ({"quantities": [Quantity("masques", 5, "unités", "fait")]}, "Nature"),
    ({"quantities": [Quantity("masques", 5, "unités", "done", release_id="n99")]},
     "ne cite pas"),
])
def test_invalid_corrections_are_refused_and_change_nothing(location, store, change, message):
    store.ingest(N7, n7())
    ini = marck(store)
    before = snapshot(location)
    with pytest.raises(StoreError, match=message):
        store.update(ini.id, **change)
    assert snapshot(location) == before


def test_unknown_initiative_is_a_french_error(store):
    with pytest.raises(StoreError, match="introuvable"):
        store.set_status(42, "vérifié")


def test_hostile_actor_is_stored_verbatim(store):
    actor = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'
    store.ingest(N7, [initiative(N7, actor, commune("62548", "Marck"), qty("masques", 10))])
    [ini] = store.initiatives()
    assert ini.actor == actor  # escaping belongs to the UI


def test_manual_initiative_without_release(store):
    ini = initiative(N7, "Épicerie solidaire de Lens", commune("62498", "Lens"),
                     replace(qty("repas", 120), as_of=date(2020, 5, 2)),
                     actor_type="association", category="aide alimentaire",
                     excerpt="Signalé par la mairie au téléphone.")
    ini.release_id = ""
    iid = store.add_manual(ini)
    got = store.get(iid)
    assert got.release_id == "" and got.excerpt == "Signalé par la mairie au téléphone."
    assert [(q.value, q.release_id, q.as_of) for q in got.quantities] == [
        (120, "", date(2020, 5, 2))]
    assert store.reviews(iid)[0]["field"] == "création"
    with pytest.raises(StoreError, match="existe déjà"):
        store.add_manual(ini)
    no_place = replace(ini, actor="Autre", places=[])
    with pytest.raises(StoreError, match="commune"):
        store.add_manual(no_place)
    with pytest.raises(StoreError, match="Communiqué inconnu"):
        store.add_manual(replace(ini, actor="Encore"), release_id="n99")


def test_manual_initiative_tied_to_a_release_takes_its_date(store):
    store.ingest(N7, n7())
    ini = initiative(N7, "Collectif de Calais", commune("62193", "Calais"), qty("masques", 40),
                     actor_type="citoyen ou collectif")
    got = store.get(store.add_manual(ini, release_id=N7.id))
    assert got.release_id == N7.id and got.quantities[0].as_of == N7.date


def test_filters_are_applied_by_the_store(store):
    fill(store)
    actors = lambda f: sorted(i.actor for i in store.initiatives(f))  # noqa: E731
    assert len(actors(Filters())) == 7
    assert actors(Filters(releases=(N8.id,))) == ["Ville de Marck"]
    assert "Ville de Marck" in actors(Filters(date_to=date(2020, 4, 30)))
    assert actors(Filters(date_from=date(2020, 5, 1))) == ["Ville de Marck"]
    assert actors(Filters(inside="outside")) == ["Association Arpeije"]
    assert actors(Filters(arrondissements=("622",))) == ["Conseil citoyen de Houdain"]
    # the calaisis collective reaches arrondissement 626 through its EPCI
    assert actors(Filters(arrondissements=("626",))) == [
        "Delphine Lefebvre", "Imprimeurs de cœur", "Ville de Marck"]
    assert actors(Filters(search="houdain")) == ["Conseil citoyen de Houdain"]
    assert actors(Filters(search="MOSQUEE annour")) == ["Mosquée Annour d'Arras"]
    assert actors(Filters(actor_types=("entreprise",))) == ["Durand Production"]
    assert actors(Filters(categories=("soutien aux soignants",))) == ["Mosquée Annour d'Arras"]


def test_delete_release_removes_its_figures_and_orphans(store):
    fill(store)
    assert store.delete_release(N8.id) == {"deleted": 0, "kept": 1}
    assert [q.value for q in marck(store).quantities if q.kind == "done"] == [1600]
    assert store.delete_release(N7.id) == {"deleted": 3, "kept": 0}
    assert all("Marck" not in i.actor for i in store.initiatives())
    with pytest.raises(StoreError, match="inconnu"):
        store.delete_release(N7.id)


def test_seed_round_trip_and_first_run(tmp_path, backend, store):
    fill(store)
    ini = marck(store)
    store.set_status(ini.id, "vérifié")
    # a figure a reviewer got on the phone, tied to no release
    phoned = Quantity("masques", 4000, "unités", "done", sentence="Appel à la mairie",
                      as_of=date(2020, 5, 12))
    store.update(ini.id, quantities=ini.quantities + [phoned])
    seed = tmp_path / "seed.json"
    dump_store(store, seed)
    releases, rows = load_seed(seed)
    assert len(releases) == 4
    # one row per release, and one for the figure entered by hand
    assert sorted(r.release_id for r in rows if "Marck" in r.actor) == ["", N7.id, N8.id]
    where = backend.location("fresh")
    fresh = open_store(where, seed=seed)
    assert without_ids(totals(fresh)) == without_ids(totals(store))
    assert marck(fresh).status == "vérifié"
    assert any(q.value == 4000 and q.as_of == date(2020, 5, 12) and q.release_id == ""
               for q in marck(fresh).quantities)
    # the seed is read only when the database is new
    fresh.delete_release(N8.id)
    again = open_store(where, seed=seed)
    assert N8.id not in [r.id for r in again.releases()]


def test_seed_quantities_keep_their_reason_and_default_to_none(tmp_path, backend):
    ordered = replace(qty("masques", 5000, "ordered", sentence="5 000 masques commandés"),
                      reason="participe « commandés »")
    rows = n7()
    rows[0].quantities.append(ordered)
    seed = tmp_path / "seed.json"
    dump_seed([N7], rows, seed)
    data = json.loads(seed.read_text(encoding="utf-8"))
    assert data["initiatives"][0]["quantities"][-1]["reason"] == "participe « commandés »"
    # a seed written before figures had a reason loads with an empty one
    for row in data["initiatives"][1:]:
        for q in row["quantities"]:
            del q["reason"]
    seed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store = open_store(backend.location(), seed=seed)
    by_actor = {i.actor: i for i in store.initiatives()}
    assert [(q.kind, q.reason) for q in by_actor["Ville de Marck"].quantities
            if q.kind == "ordered"] == [("ordered", "participe « commandés »")]
    assert all(q.reason == "" for a, i in by_actor.items() if a != "Ville de Marck"
               for q in i.quantities)


def test_seed_of_another_departement_is_not_loaded(tmp_path, location):
    seed = tmp_path / "seed.json"
    dump_seed([N7], n7(), seed, dep="59")
    assert open_store(location, seed=seed).releases() == []


@pytest.mark.parametrize("content", ["", "{", '{"version": 99}', "\x00\x01garbage",
                                     '{"version": 1, "releases": [{"title": 3}]}'])
def test_bad_seed_is_a_french_error_and_leaves_no_database(tmp_path, backend, location,
                                                           content):
    seed = tmp_path / "seed.json"
    seed.write_text(content)
    with pytest.raises(StoreError):
        open_store(location, seed=seed)
    assert not backend.exists(location)


def test_seed_with_an_invalid_row_leaves_no_database(tmp_path, backend, location):
    rows = n7()
    rows[0].category = "inconnue"
    seed = tmp_path / "seed.json"
    dump_seed([N7], rows, seed)
    with pytest.raises(StoreError, match="Catégorie"):
        open_store(location, seed=seed)
    assert not backend.exists(location)


def test_garbage_database_file_is_a_french_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="endommagée ou qui n.est pas une base SQLite"):
        open_store(bad, seed=None)


def test_initiative_of_another_release_is_refused(store):
    with pytest.raises(StoreError, match="vient du communiqué"):
        store.ingest(N8, n7())
    assert store.releases() == []


def test_release_without_date_is_stored(store):
    store.ingest(NEWSLETTER, [])
    assert store.releases()[0].date is None


def test_a_key_with_a_lone_surrogate_finds_nothing_and_raises_nothing(store):
    """A key pasted from a broken page cannot have been stored: no match, no error."""
    assert store.find("\ud800") is None
    assert store.find("lens|\udc00") is None
