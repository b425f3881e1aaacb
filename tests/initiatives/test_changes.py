"""What changed since the previous release or a picked date, on a real SQLite store
filled through the store API, with the real geography of the Pas-de-Calais."""
from __future__ import annotations

from datetime import date

import pytest

from initiatives.changes import changes, previous_release
from initiatives.filters import Filters
from initiatives.model import Release
from initiatives.store import open_store
from tests.helpers.store_samples import N2, N7, commune, fill, initiative, qty


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "initiatives.sqlite", seed=None)
    fill(s)
    return s


def test_previous_release_is_the_one_before_the_latest(store):
    prev = previous_release(store)
    assert prev["date"] == date(2020, 4, 30)
    assert "7" in prev["label"]


def test_since_the_previous_release_only_the_latest_figures(store):
    ch = changes(store, dep="62")
    assert ch.since == date(2020, 4, 30)
    assert [r["date"] for r in ch.releases] == [date(2020, 5, 7)]
    # Marck was already cited in n°7: not a new initiative, no newly reached commune
    assert ch.initiatives.empty
    assert ch.communes.empty
    fig = ch.figures.iloc[0]
    assert len(ch.figures) == 1
    assert (fig["actor"], fig["item"], fig["kind"], fig["value"], fig["before"]) == (
        "Ville de Marck", "masques", "done", 3000.0, 1600.0)
    assert not ch.empty


def test_since_a_picked_date_new_initiatives_and_named_communes_only(store):
    ch = changes(store, dep="62", since=date(2020, 4, 8))
    assert ch.previous is None
    assert [r["date"] for r in ch.releases] == [date(2020, 4, 30), date(2020, 5, 7)]
    assert set(ch.initiatives["actor"]) == {"Ville de Marck", "Delphine Lefebvre",
                                            "Imprimeurs de cœur"}
    # Clamart (newsletter, outside, undated) is not counted; the calaisis reaches no
    # commune by name, so only Marck and Guemps are newly reached
    assert set(ch.communes["nom"]) == {"Marck", "Guemps"}
    marck = ch.communes.set_index("nom").loc["Marck"]
    assert marck["code"] == "62548" and marck["population"] > 5000
    assert ch.population == int(ch.communes["population"].sum())
    firsts = ch.figures[ch.figures["release_id"] == N7.id]
    assert firsts["before"].isna().all()
    # done figures first
    assert ch.figures.iloc[0]["kind"] == "done"


def test_a_commune_named_before_is_not_newly_reached(store):
    later = Release(title="Pas-de-Calais solidaire n°9", number=9, date=date(2020, 5, 14),
                    source="n9.txt", body="Arras, le 14 mai 2020 ...")
    store.ingest(later, [
        initiative(later, "Secours populaire d'Arras", commune("62041", "Arras"),
                   qty("repas", 300), actor_type="association"),
        initiative(later, "Ville de Lens", commune("62498", "Lens"), qty("masques", 900))])
    ch = changes(store, dep="62")
    assert ch.since == date(2020, 5, 7)
    assert set(ch.initiatives["actor"]) == {"Secours populaire d'Arras", "Ville de Lens"}
    assert list(ch.communes["nom"]) == ["Lens"]  # Arras was named in n°2
    assert list(ch.communes.iloc[0]["actors"]) == ["Ville de Lens"]


def test_changes_follow_the_filters(store):
    ch = changes(store, Filters(reviewed_only=True), dep="62", since=date(2020, 4, 8))
    assert ch.initiatives.empty and ch.figures.empty and ch.communes.empty
    assert ch.empty
    ch = changes(store, Filters(arrondissements=("626",)), dep="62", since=date(2020, 4, 8))
    assert "Durand Production" not in set(ch.initiatives["actor"])
    assert set(ch.communes["nom"]) <= {"Marck", "Guemps"}


def test_one_release_day_everything_is_new(tmp_path):
    s = open_store(tmp_path / "one.sqlite", seed=None)
    s.ingest(N2, [initiative(N2, "Ville de Houdain", commune("62457", "Houdain"),
                             qty("masques", 10))])
    assert previous_release(s) is None
    ch = changes(s, dep="62")
    assert ch.since is None
    assert list(ch.initiatives["actor"]) == ["Ville de Houdain"]
    assert list(ch.communes["nom"]) == ["Houdain"]

