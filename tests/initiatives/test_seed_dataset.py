"""The committed, reviewed seed dataset (issue 4, item 5)."""
import json

import pytest

import config
from initiatives import build_seed, metrics
from initiatives.store import open_store


def test_seed_is_the_reviewed_extraction(tmp_path):
    # the committed seed is exactly the extractor's output plus data/seed_review.json:
    # a change to either without rebuilding the seed fails here
    out = tmp_path / "seed.json"
    build_seed.build(out=out)
    assert json.loads(out.read_text()) == json.loads(config.SEED_PATH.read_text())


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return open_store(tmp_path_factory.mktemp("seed") / "db.sqlite")


def test_every_row_is_tied_to_its_release_and_excerpt():
    data = json.loads(config.SEED_PATH.read_text())
    bodies = {r["id"]: r["body"] for r in data["releases"]}
    assert len(bodies) == 5
    for row in data["initiatives"]:
        assert row["excerpt"] in bodies[row["release_id"]], row["actor"]
        for q in row["quantities"]:
            assert q["sentence"] in row["excerpt"], (row["actor"], q)
        assert row["status"] == "vérifié"


def test_totals_on_the_seed(store):
    items = {(i["item"], i["kind"]): i for i in metrics.totals(store)["items"]}
    # Marck 1 600 + Guemps 1 200 + Ferques 1 500 + Houdain 1 000; targets apart
    assert items[("masques", "done")]["value"] == 5300
    assert items[("masques", "target")]["value"] == 11000 + 8500
    assert items[("visières", "done")]["value"] == 2000 + 60 + 50
    assert items[("solution hydro-alcoolique", "per_day")]["value"] == 50000
    assert items[("paniers", "per_week")]["value"] == 70
    # traps: Ferques' 1 800 inhabitants, Menadel's lots of 3, the postcode 62 750 and
    # the issue number n°7 are not figures
    assert not {i["value"] for i in items.values()} & {1800, 3, 62750, 7}
    assert not any(item == "habitants" for item, _ in items)
    # the newsletter's Clamart fundraiser is outside: not in the département's totals
    assert ("euros", "done") not in items


def test_newsletter_is_kept_outside(store):
    rows = [i for i in store.initiatives() if i.release_id == "5131ca79c6"]
    assert len(rows) == 5
    assert all(not p.inside for i in rows for p in i.places)
    codes = {p.code for i in rows for p in i.places}
    assert {"92023", "75056"} <= codes


def test_solillers_is_split_in_two_actions(store):
    by_actor = {i.actor: i for i in store.initiatives()}
    food = by_actor["Solillers (distribution alimentaire)"]
    phone = by_actor["Solillers (lien téléphonique)"]
    assert food.category == "aide alimentaire"
    assert [q.value for q in phone.quantities] == [700]
