"""Filters: hashable, kept in the URL, robust to garbage."""
from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from initiatives.filters import DEFAULT_STATUSES, Filters, refine
from initiatives.model import ACTOR_TYPES, CATEGORIES, STATUSES, Initiative


class FakeQueryParams(dict):
    """Like `st.query_params`: `[key]` gives the last value, `get_all` every one."""
    def __init__(self, lists: dict):
        super().__init__({k: v[-1] for k, v in lists.items()})
        self.lists = lists

    def get_all(self, key):
        return self.lists.get(key, [])


def subset(values):
    return st.lists(st.sampled_from(values), unique=True, max_size=3).map(tuple)


filters_strategy = st.builds(
    Filters,
    releases=subset(["2020-04-08-n2", "2020-04-30-n7", "1b07b389da"]),
    date_from=st.none() | st.dates(date(2020, 1, 1), date(2020, 4, 30)),
    date_to=st.none() | st.dates(date(2020, 5, 1), date(2020, 12, 31)),
    categories=subset(CATEGORIES), actor_types=subset(ACTOR_TYPES),
    arrondissements=subset(["621", "622", "626", "627"]),
    statuses=subset(STATUSES),
    inside=st.sampled_from(["all", "inside", "outside"]),
    search=st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs")), max_size=20)
          .map(str.strip),
    reviewed_only=st.booleans())


@given(filters_strategy)
def test_round_trip_through_query_params(filters):
    assert Filters.from_query_params(filters.to_query_params()) == filters
    # the same through an object that behaves like st.query_params
    lists = {k: v if isinstance(v, list) else [v]
             for k, v in filters.to_query_params().items()}
    assert Filters.from_query_params(FakeQueryParams(lists)) == filters


def test_default_filters_make_an_empty_url():
    assert Filters().to_query_params() == {}
    assert Filters.from_query_params({}) == Filters()
    assert Filters().statuses == DEFAULT_STATUSES  # rejected initiatives hidden


def test_every_status_is_kept_explicitly():
    params = Filters(statuses=()).to_query_params()
    assert params == {"statut": ["tous"]}
    assert Filters.from_query_params(params).statuses == ()


def test_query_params_are_readable():
    params = Filters(categories=("aide alimentaire",), date_from=date(2020, 4, 1),
                     inside="inside", search="masques").to_query_params()
    assert params == {"categorie": ["aide alimentaire"], "du": "2020-04-01",
                      "lieu": "dedans", "q": "masques"}


def test_garbage_is_dropped():
    f = Filters.from_query_params({
        "categorie": ["aide alimentaire", "jardinage", "<script>"],
        "acteur": "ovni",
        "statut": ["peut-être"],
        "du": "hier", "au": "2020-13-45",
        "arrondissement": ["626", "'; DROP TABLE initiatives; --", "62"],
        "communique": ["2020-04-30-n7", "../../etc/passwd", "x" * 500],
        "lieu": "partout",
        "q": ["a", "b" * 1000],
        "inconnu": "1",
    })
    assert f == Filters(categories=("aide alimentaire",), arrondissements=("626",),
                        releases=("2020-04-30-n7",), search="b" * 200)


def test_odd_value_types_do_not_break_reading():
    for params in ({"categorie": None}, {"categorie": 3}, {"categorie": [1, None, {}]},
                   {"du": ["2020-04-01", 5]}, {"lieu": []}):
        assert isinstance(Filters.from_query_params(params), Filters)


def test_dates_in_the_wrong_order_are_swapped():
    f = Filters.from_query_params({"du": "2020-05-01", "au": "2020-04-01"})
    assert (f.date_from, f.date_to) == (date(2020, 4, 1), date(2020, 5, 1))


def test_hashable_and_lists_become_tuples():
    f = Filters(categories=["aide alimentaire"], statuses=["vérifié"])
    assert f.categories == ("aide alimentaire",) and f.statuses == ("vérifié",)
    assert hash(f) == hash(Filters(categories=("aide alimentaire",), statuses=("vérifié",)))
    assert len({Filters(), Filters(), f}) == 2


def test_keeps_observation():
    f = Filters(releases=("n7",), date_to=date(2020, 4, 30))
    assert f.keeps_observation("n7", date(2020, 4, 30))
    assert not f.keeps_observation("n8", date(2020, 4, 30))
    assert not Filters(date_from=date(2020, 5, 1)).keeps_observation("n7", None)
    assert Filters().keeps_observation("", None)


def test_review_switch_lives_in_the_url():
    params = Filters(reviewed_only=True).to_query_params()
    assert params == {"relus": "oui"}
    assert Filters.from_query_params(params).reviewed_only
    assert Filters.from_query_params({"relus": ["oui"]}) == Filters(reviewed_only=True)
    for off in ({}, {"relus": "non"}, {"relus": "peut-être"}, {"relus": [3]}):
        assert not Filters.from_query_params(off).reviewed_only


def test_review_switch_keeps_only_checked_initiatives():
    def one(status):
        return Initiative(release_id="r", actor=f"A {status}", actor_type="association",
                          category=CATEGORIES[0], excerpt="x", status=status)
    inis = [one("extrait"), one("vérifié")]
    assert [i.status for i in refine(inis, Filters(reviewed_only=True))] == ["vérifié"]
    assert len(refine(inis, Filters())) == 2
