"""Totals, key figures, counts and evolution over a sample store on a real file."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from geo import reference
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.model import Release
from initiatives.store import open_store
from tests.helpers.store_samples import (
    MARCK_N7,
    MARCK_N8,
    N2,
    N7,
    N8,
    NEWSLETTER,
    commune,
    fill,
    initiative,
    qty,
)

ARRONDISSEMENTS = ["621", "622", "623", "624", "625", "626", "627"]


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "initiatives.sqlite", seed=None)
    fill(s)
    return s


def by_item(result: dict) -> dict:
    return {(r["item"], r["kind"]): r for r in result["items"]}


def test_totals_inside_latest_not_sum(store):
    result = metrics.totals(store)
    assert result["departement"] == "62" and result["as_of"] == "2020-05-07"
    rows = by_item(result)
    # Houdain 1 000 + Marck 3 000 (latest, not 1 600 + 3 000) + Guemps 1 200;
    # the 500 of Clamart (outside the département) are not counted
    assert rows[("masques", "done")]["value"] == 5200
    assert rows[("masques", "done")]["initiatives"] == 3
    assert rows[("masques", "target")]["value"] == 11000
    assert rows[("visières", "done")]["value"] == 2000
    assert rows[("solution hydro-alcoolique", "per_day")]["value"] == 50000
    assert rows[("solution hydro-alcoolique", "per_day")]["unit"] == "litres"
    assert rows[("couturières", "volunteers")]["value"] == 62
    # done first, then the other kinds
    assert [r["kind"] for r in result["items"]][:3] == ["done"] * 3


def test_every_total_carries_its_sources(store):
    rows = by_item(metrics.totals(store))
    sources = rows[("masques", "done")]["sources"]
    assert {(s["actor"], s["release_id"], s["value"]) for s in sources} == {
        ("Ville de Marck", N8.id, 3000), ("Delphine Lefebvre", N7.id, 1200),
        ("Conseil citoyen de Houdain", N2.id, 1000)}
    assert all(s["sentence"] and s["as_of"] for s in sources)
    assert sum(s["value"] for s in sources) == rows[("masques", "done")]["value"]


def test_totals_follow_release_and_period_filters(store):
    at_n7 = by_item(metrics.totals(store, Filters(releases=(N7.id,))))
    assert at_n7[("masques", "done")]["value"] == 2800  # Marck 1 600 + Guemps 1 200
    until_april = by_item(metrics.totals(store, Filters(date_to=date(2020, 4, 30))))
    assert until_april[("masques", "done")]["value"] == 3800
    assert metrics.totals(store, Filters(inside="outside"))["items"] == []


def test_verified_and_rejected(store):
    marck = next(i for i in store.initiatives() if "Marck" in i.actor)
    store.set_status(marck.id, "rejeté")
    assert by_item(metrics.totals(store))[("masques", "done")]["value"] == 2200
    every = Filters(statuses=())
    assert by_item(metrics.totals(store, every))[("masques", "done")]["value"] == 5200


def test_key_figures(store):
    k = metrics.key_figures(store)
    communes = reference.communes("62").set_index("code")
    named = ["62457", "62413", "62041", "62548", "62393"]
    grand_calais = set(communes.index[communes["epci"] == "200090751"])
    assert k["initiatives"] == 6
    assert k["communes_total"] == 887
    assert k["communes_named"] == 5
    # the communes of the calaisis not named by anyone, apart and never added
    territory_only = grand_calais - set(named)
    assert k["communes_territory"] == len(territory_only) > 0
    assert not hasattr(k, "communes_reached")
    assert k["population_named"] == int(communes.loc[named, "population"].sum())
    assert k["population_territory"] == int(communes.loc[list(territory_only),
                                                         "population"].sum())
    assert k["population_total"] == int(communes["population"].sum())
    masks = k["production"]["masques"]
    assert {key: masks[key] for key in ("done", "ordered", "needed", "unit", "initiatives")} \
        == {"done": 5200, "ordered": None, "needed": None, "unit": "unités", "initiatives": 3}
    assert "target" not in masks  # no sum of goals beside the sum of done
    # Marck's goal against Marck's own latest done figure (3 000 in N8, goal from N7)
    assert (masks["goal"]["done"], masks["goal"]["target"], masks["goal"]["initiatives"]) \
        == (3000, 11000, 1)
    assert k["production"]["visières"]["done"] == 2000
    assert k["production"]["visières"]["goal"] is None
    assert k["latest_release"] == date(2020, 5, 7)


def test_counts_by_arrondissement_lists_all_seven_with_zeros(store):
    counts = metrics.counts_by(store, by="arrondissement")
    assert list(counts["code"]) == ARRONDISSEMENTS
    assert counts.set_index("code").loc["623", "nom"] == "Boulogne-sur-Mer"
    total = counts.set_index("code")["total"].to_dict()
    # Calais: Marck, Guemps and the calaisis collective (through its EPCI)
    assert total == {"621": 1, "622": 1, "623": 0, "624": 0, "625": 0, "626": 3, "627": 1}
    arras = counts.set_index("code").loc["621"]
    assert arras["soutien aux soignants"] == 1 and arras["aide alimentaire"] == 0
    only_named = metrics.counts_by(store, by="arrondissement", commune_only=True)
    assert only_named.set_index("code").loc["626", "total"] == 2
    by_type = metrics.counts_by(store, by="arrondissement", columns="actor_type")
    assert by_type.set_index("code").loc["626", "citoyen ou collectif"] == 2


def test_counts_by_commune_and_epci_cover_every_unit(store):
    communes = metrics.counts_by(store, by="commune")
    assert len(communes) == 887 and communes["total"].max() == 2  # Marck: itself + calaisis
    assert communes.set_index("code").loc["62160", "total"] == 0  # Boulogne-sur-Mer
    epci = metrics.counts_by(store, by="epci")
    assert len(epci) == len(reference.epci("62"))
    with pytest.raises(ValueError):
        metrics.counts_by(store, by="canton")


def test_counts_per_10000_inhabitants(store):
    per = metrics.counts_per_unit(store, level="arrondissement").set_index("code")
    assert list(per.columns) == ["nom", "population", "initiatives", "per_10k"]
    pop = reference.communes("62").groupby("arrondissement")["population"].sum()
    assert per.loc["626", "population"] == pop["626"]
    assert per.loc["626", "per_10k"] == pytest.approx(3 / pop["626"] * 10_000, abs=1e-3)
    assert per.loc["624", "per_10k"] == 0
    assert len(metrics.counts_per_unit(store, level="commune")) == 887


def test_evolution_is_cumulative_latest_at_each_release_date(store):
    evo = metrics.evolution(store)
    masks = evo[evo["item"] == "masques"].set_index("as_of")["value"].to_dict()
    assert masks == {date(2020, 4, 8): 1000, date(2020, 4, 30): 3800,
                     date(2020, 5, 7): 5200}
    assert set(evo["kind"]) == {"done"}


def test_initiatives_frame_and_sources(store):
    frame = metrics.initiatives_frame(store)
    assert len(frame) == 7 and frame["id"].is_unique
    marck = frame.set_index("actor").loc["Ville de Marck"]
    assert (marck["first_release"], marck["last_release"]) == (N7.id, N8.id)
    assert marck["releases"] == 2 and marck["communes"] == ["62548"]
    assert marck["arrondissements_noms"] == ["Calais"]
    assert "3 000" in marck["figures"].replace("\u202f", " ")
    assert not frame.set_index("actor").loc["Association Arpeije", "inside"]
    assert frame.set_index("actor").loc["Imprimeurs de cœur", "territory_communes"] > 0
    cited = metrics.sources(store)
    assert [s["id"] for s in cited] == [N2.id, N7.id, N8.id, NEWSLETTER.id]
    assert cited[2]["label"] == "n°8 du 7 mai 2020" and cited[2]["initiatives"] == 1
    assert [s["id"] for s in metrics.sources(store, Filters(releases=(N8.id,)))] == [N8.id]
    empty = metrics.initiatives_frame(store, Filters(search="introuvable"))
    assert empty.empty and "actor" in empty.columns


def test_totals_by_arrondissement_count_each_figure_once(store):
    by = metrics.totals_by(store, level="arrondissement")
    masks = by[(by["item"] == "masques") & (by["kind"] == "done")].set_index("code")
    assert masks["value"].to_dict() == {"622": 1000, "626": 4200}
    assert masks["value"].sum() == by_item(metrics.totals(store))[("masques", "done")]["value"]


def test_manual_entries_are_cited_as_such(store):
    ini = initiative(N7, "Épicerie solidaire", commune("62498", "Lens"), qty("repas", 80),
                     actor_type="association", category="aide alimentaire")
    ini.release_id = ""
    store.add_manual(ini)
    assert metrics.sources(store)[-1]["source"] == "saisie manuelle"
    [repas] = [r for r in metrics.totals(store)["items"] if r["item"] == "repas"]
    assert repas["sources"][0]["release_id"] == "saisie manuelle"


def test_empty_store(tmp_path):
    empty = open_store(tmp_path / "empty.sqlite", seed=None)
    assert metrics.totals(empty) == {"departement": "62", "as_of": None, "items": [],
                                     "goals": []}
    k = metrics.key_figures(empty)
    assert k["initiatives"] == 0 and k["communes_named"] == k["communes_territory"] == 0
    g = metrics.goals(empty)
    assert g.progress.empty and g.alone.empty and g.sums == []
    assert k["latest_release"] is None
    assert metrics.counts_by(empty)["total"].sum() == 0
    assert metrics.evolution(empty).empty
    assert metrics.totals_by(empty).empty


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports=st.lists(st.integers(0, 100_000), min_size=1, max_size=5),
       order=st.randoms(use_true_random=False))
def test_total_is_the_latest_cumulative_report_in_any_ingest_order(tmp_path_factory,
                                                                   reports, order):
    store = open_store(tmp_path_factory.mktemp("h") / "db.sqlite", seed=None)
    releases = [Release(title=f"n°{n}", body="...", number=n,
                        date=date(2020, 4, 1) + timedelta(days=7 * n))
                for n in range(1, len(reports) + 1)]
    batches = list(zip(releases, reports))
    order.shuffle(batches)
    for release, value in batches:
        store.ingest(release, [initiative(release, "Ville de Marck",
                                          commune("62548", "Marck"), qty("masques", value))])
    [row] = metrics.totals(store)["items"]
    assert row["value"] == reports[-1] and row["initiatives"] == 1


# --- goals against done, initiative by initiative (issue 11, item 2) -------------------

def test_goals_compare_each_initiative_with_its_own_done_figure(store):
    store.ingest(N7, [initiative(N7, "Commune de Mazingarbe", commune("62563", "Mazingarbe"),
                                 qty("masques", 8500, "target",
                                     sentence="l'objectif est de 8 500 masques"))])
    g = metrics.goals(store)
    [marck] = g.progress.to_dict("records")
    assert (marck["actor"], marck["done"], marck["target"]) == ("Ville de Marck", 3000, 11000)
    assert marck["share"] == pytest.approx(3000 / 11000, abs=1e-4)
    assert marck["done_sentence"] == MARCK_N8 and marck["target_sentence"] == MARCK_N7
    # a goal with no done figure of its own initiative stays apart
    [alone] = g.alone.to_dict("records")
    assert (alone["actor"], alone["target"]) == ("Commune de Mazingarbe", 8500)
    [sums] = g.sums
    assert (sums["done"], sums["target"], sums["initiatives"]) == (3000, 11000, 1)
    assert (sums["target_alone"], sums["initiatives_alone"]) == (8500, 1)
    # never the 5 200 done by three initiatives against the 19 500 of two goals
    assert metrics.totals(store)["goals"] == g.sums
    masks = metrics.key_figures(store)["production"]["masques"]
    assert masks["done"] == 5200 and masks["goal"]["done"] == 3000


def test_a_goal_in_another_unit_is_not_progress(store):
    store.ingest(N8, [initiative(N8, "Banque alimentaire", commune("62498", "Lens"),
                                 qty("repas", 200), qty("repas", 50, "target", "familles"))])
    g = metrics.goals(store)
    assert "repas" not in set(g.progress["item"])
    assert g.alone[g.alone["item"] == "repas"]["unit"].tolist() == ["familles"]


# --- reviewed vs to review (issue 11, item 3) --------------------------------------------

def test_every_total_says_how_much_is_still_to_review(store):
    # ingested initiatives are "extrait" (to review) until someone checks them
    marck = next(i for i in store.initiatives() if "Marck" in i.actor)
    store.set_status(marck.id, "vérifié")
    rows = by_item(metrics.totals(store))
    masks = rows[("masques", "done")]
    assert masks["value"] == 5200
    assert (masks["to_review"], masks["initiatives_to_review"]) == (2200, 2)
    assert {s["actor"]: s["status"] for s in masks["sources"]}["Ville de Marck"] == "vérifié"
    k = metrics.key_figures(store)
    assert k["initiatives_to_review"] == k["initiatives"] - 1
    assert k["production"]["masques"]["to_review"] == 2200
    # Marck is the only commune named by a checked initiative
    assert k["communes_named_to_review"] == k["communes_named"] - 1


def test_the_review_switch_keeps_checked_figures_only(store):
    marck = next(i for i in store.initiatives() if "Marck" in i.actor)
    store.set_status(marck.id, "vérifié")
    reviewed = Filters(reviewed_only=True)
    rows = by_item(metrics.totals(store, reviewed))
    assert rows[("masques", "done")]["value"] == 3000
    assert rows[("masques", "done")]["to_review"] == 0
    assert ("visières", "done") not in rows
    k = metrics.key_figures(store, reviewed)
    assert (k["initiatives"], k["communes_named"], k["initiatives_to_review"]) == (1, 1, 0)
