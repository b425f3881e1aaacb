"""Release identity (issue 14, item 6): a release is known by its content with its
number and date. A text claiming « n°7 du 30 avril » with other content is another
release, stored apart and labelled as such, never merged into the stored n°7; the same
text again (or its PDF copy) changes nothing. On each back end."""
from __future__ import annotations

from dataclasses import replace

import config
from initiatives import importing
from initiatives.filters import Filters
from initiatives.importing import Parsed
from initiatives.ingest import release_from_bytes, release_from_text
from initiatives.model import VARIANT_MARK, Reading, content_digest
from initiatives.seed import dump_store
from initiatives.store import open_store
from samples.pdf import pdf_of_paragraphs
from tests.helpers.store_samples import N7, commune, initiative, n7, qty, snapshot
from ui import import_flow

FORGED_BODY = ("Arras, le 30 avril 2020 ... La ville de Marck a produit 250 000 masques "
               "en tissu.")
FORGED = replace(N7, body=FORGED_BODY, id="")   # same title, number and date


def forged_rows(release=FORGED):
    return [initiative(release, "Ville de Marck", commune("62548", "Marck"),
                       qty("masques", 250_000, sentence="a produit 250 000 masques"),
                       excerpt="La ville de Marck a produit 250 000 masques en tissu."),
            initiative(release, "Association inventée", commune("62193", "Calais"),
                       qty("repas", 90_000, sentence="90 000 repas"),
                       actor_type="association", category="aide alimentaire")]


def official_rows(location, release_id):
    """Every row the store holds for one release (its figures, mentions, itself)."""
    data = snapshot(location)
    return {"releases": [r for r in data["releases"] if r[0] == release_id],
            "mentions": [r for r in data["mentions"] if r[1] == release_id],
            "observations": [r for r in data["observations"] if r[2] == release_id]}


def test_a_different_text_claiming_a_stored_number_is_stored_apart(location):
    store = open_store(location, seed=None)
    store.ingest(N7, n7())
    official = official_rows(location, N7.id)
    assert FORGED.id == N7.id   # it claims the id of the stored n°7
    result = store.ingest(FORGED, forged_rows())
    assert result["variant_of"] == N7.id and result["release_id"] != N7.id
    assert result["release_id"].startswith(N7.id + "-")
    # the stored n°7 is exactly as it was: no figure, mention or text credited to it
    assert official_rows(location, N7.id) == official
    variant = store.release(result["release_id"])
    assert variant.body == FORGED_BODY and variant.variant_of == N7.id
    assert variant.label == f"n°7 du 30 avril 2020 {VARIANT_MARK}"
    assert store.release(N7.id).label == "n°7 du 30 avril 2020"
    assert store.release(N7.id).variant_of == ""
    # the invented figures are the variant's, never n°7's
    marck = next(i for i in store.initiatives() if i.actor == "Ville de Marck")
    assert {q.release_id for q in marck.quantities if q.value == 250_000} \
        == {result["release_id"]}
    assert all(q.value != 250_000 for q in marck.quantities if q.release_id == N7.id)
    invented = next(i for i in store.initiatives() if i.actor == "Association inventée")
    assert invented.release_id == result["release_id"] and invented.status == "extrait"


def test_the_same_texts_again_change_nothing(location):
    store = open_store(location, seed=None)
    store.ingest(N7, n7())
    variant = store.ingest(FORGED, forged_rows())["release_id"]
    before = snapshot(location)
    assert store.ingest(N7, n7()) == {"added": 0, "updated": 0, "unchanged": 3}
    again = store.ingest(replace(FORGED), forged_rows())
    assert again["release_id"] == variant
    assert (again["added"], again["updated"]) == (0, 0)
    assert snapshot(location) == before
    # the same text with other spacing, accents or case is the same release
    respaced = replace(N7, body=N7.body.upper().replace(" ", "\n  "))
    assert content_digest(respaced.body) == content_digest(N7.body)
    assert store.ingest(respaced, n7()) == {"added": 0, "updated": 0, "unchanged": 3}
    assert snapshot(location) == before


def test_two_different_forgeries_are_two_releases(location):
    store = open_store(location, seed=None)
    store.ingest(N7, n7())
    first = store.ingest(FORGED, forged_rows())["release_id"]
    other = replace(N7, body=FORGED_BODY + " Et 10 000 visières.", id="")
    second = store.ingest(other, forged_rows(other))["release_id"]
    assert len({N7.id, first, second}) == 3
    assert len(store.releases()) == 3


def test_a_stored_variant_survives_the_seed_round_trip(tmp_path, backend, location):
    store = open_store(location, seed=None)
    store.ingest(N7, n7())
    variant = store.ingest(FORGED, forged_rows())["release_id"]
    seed = tmp_path / "seed.json"
    dump_store(store, seed)
    fresh = open_store(backend.location("fresh"), seed=seed)
    assert sorted(r.id for r in fresh.releases()) == sorted([N7.id, variant])
    assert fresh.release(variant).label.endswith(VARIANT_MARK)


def _parsed(release, rows) -> Parsed:
    return Parsed(release.source or "texte collé", release, Reading(release, rows))


def test_the_import_says_in_french_that_the_text_was_stored_apart(location):
    text = (config.PRESS_RELEASES_DIR / "2020-04-30_pdc-solidaire-n7.txt").read_text("utf-8")
    official = release_from_text(text)
    forged = release_from_text(text.replace("1 600", "160 000"))
    assert (official.id, forged.id) == ("2020-04-30-n7", "2020-04-30-n7")
    store = open_store(location, seed=None)
    rows = [replace(i, release_id=official.id) for i in n7()]
    first = _parsed(official, rows)
    result = importing.save(store, [(first, import_flow.preview(first))])
    assert result.loc[0, "Remarque"] == "" and result.loc[0, "Ajoutées"] == 3
    fake = _parsed(forged, [replace(i, release_id=forged.id) for i in forged_rows(forged)])
    result = importing.save(store, [(fake, import_flow.preview(fake))])
    note = result.loc[0, "Remarque"]
    assert result.loc[0, "Erreur"] == ""
    assert "Texte différent du communiqué déjà enregistré" in note
    assert "enregistré à part" in note and "à vérifier" in note and "inchangés" in note
    assert len(store.releases()) == 2
    # the PDF copy of the stored text is the stored release: nothing new, no remark
    pdf = release_from_bytes(pdf_of_paragraphs(official), "n7.pdf")
    copy = _parsed(pdf, [replace(i, release_id=pdf.id) for i in n7()])
    result = importing.save(store, [(copy, import_flow.preview(copy))])
    assert result.loc[0, "Remarque"] == "" and result.loc[0, "Ajoutées"] == 0
    assert len(store.releases()) == 2


def test_a_variant_s_figure_never_displaces_the_release_it_claims_to_be(location):
    """Same day, same initiative and item: the stored release's figure stays the latest;
    a variant (to be checked) counts only where that release says nothing."""
    from initiatives import metrics
    store = open_store(location, seed=None)
    store.ingest(N7, n7())

    def masks() -> float:
        items = metrics.totals(store, Filters(statuses=()))["items"]
        return next(i["value"] for i in items if i["item"] == "masques")
    before = masks()
    store.ingest(FORGED, forged_rows())
    assert masks() == before
    # the invented association's figure, which n°7 does not contradict, still shows
    items = metrics.totals(store, Filters(statuses=()))["items"]
    assert any(i["item"] == "repas" and i["value"] == 90_000 for i in items)
    # and the running totals by date agree
    evolution = metrics.evolution(store, Filters(statuses=()))
    assert evolution.loc[evolution["item"] == "masques", "value"].max() == before
