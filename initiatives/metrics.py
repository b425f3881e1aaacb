"""Totals, key figures, counts and evolution over the store (plain pandas).

The totals rule: only initiatives inside the département count; for each
initiative and item the latest observation (by release date) is taken, never the
sum of its successive reports. Each kind is totalled on its own: only done is
what was produced or distributed; targets, orders not yet delivered, needs, rates,
beneficiaries and volunteers are kept apart and never added to it. Every total
carries its sources, and says how much of it is still to review ("à relire": from
initiatives nobody has checked yet).

Goals are compared with what was done only within one initiative (`goals`): the
progress of initiatives that give both, summed over them alone; the goals of the
others are listed apart, never set against an unrelated total.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

import config
from geo.levels import check
from initiatives import frames as columnar
from initiatives.figure_sources import FigureSources, SourceColumns
from initiatives.filters import TO_REVIEW, Filters
from initiatives.formatting import figure_line
from initiatives.frames import (
    TEXT,
    as_dates,
    frames_of,
    isin,
    join_runs,
    kind_rank,
    text_column,
    texts,
)
from initiatives.model import (
    ACTOR_TYPES,
    BENEFICIARIES,
    CATEGORIES,
    DONE,
    KINDS,
    NEEDED,
    ORDERED,
    PER_DAY,
    PER_WEEK,
    TARGET,
    VOLUNTEERS,
    Initiative,
)
from initiatives.reach import commune_table, is_inside
from initiatives.store import MANUAL_SOURCE, Store

HEADLINE_ITEMS = ("masques", "visières", "repas")
# Kinds set beside what was done, item by item in the same unit, never added to it.
# Goals are not among them: a goal is set against the done figure of its own initiative
# only (`goals`), never a sum of goals beside an unrelated sum of done.
BESIDE_DONE = (ORDERED, NEEDED)
# Kinds of another nature (rates, people), shown in a table of their own.
OTHER_KINDS = (PER_DAY, PER_WEEK, BENEFICIARIES, VOLUNTEERS)
OBS_COLUMNS = ["initiative_id", "actor", "item", "kind", "unit", "value", "approx",
               "release_id", "as_of", "sentence", "reason", "status"]
PROGRESS_COLUMNS = ["initiative_id", "actor", "status", "item", "unit", "done", "target",
                    "share", "approx", "as_of", "release_id", "done_sentence",
                    "target_sentence"]
ALONE_COLUMNS = ["initiative_id", "actor", "status", "item", "unit", "target", "approx",
                 "as_of", "release_id", "sentence"]
UNIT_COLUMN = {"commune": None, "epci": "epci", "arrondissement": "arrondissement"}


def _num(value) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else round(value, 3)


_READS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
READS_KEPT = 6   # reads kept per store and data version (filters of the pages open)


def read(store: Store, what: str, *args):
    """`store.<what>(*args)` (`initiatives`, `mentions`, `releases`), read once per data
    version of the store: the figures of one page (key figures, totals, sources...) share
    one read instead of reading the store again each. A store without `data_version`
    (or whose token is not a tuple) is read every time. Callers must not alter what is
    returned (a new list is handed out, its items are shared)."""
    version = getattr(store, "data_version", None)
    token = version() if callable(version) else None
    if not isinstance(token, tuple):
        return getattr(store, what)(*args)
    try:
        held = _READS.get(store)
    except TypeError:   # not weakly referenceable
        return getattr(store, what)(*args)
    if held is None or held[0] != token:
        held = (token, {})
        _READS[store] = held
    key = (what, args)
    found = held[1].get(key)
    if found is None:
        if len(held[1]) >= READS_KEPT:
            held[1].pop(next(iter(held[1])))
        found = held[1][key] = getattr(store, what)(*args)
    return list(found) if isinstance(found, list) else found


def _selected(store: Store, filters: Filters | None, dep: str | None,
              inside_only: bool = True) -> tuple[Filters, str, list[Initiative]]:
    filters, dep = filters or Filters(), dep or config.departement()
    found = read(store, "initiatives", filters)
    if inside_only:
        found = [i for i in found if is_inside(i, dep)]
    return filters, dep, found


def observations(initiatives: list[Initiative], filters: Filters) -> pd.DataFrame:
    """Every figure of the initiatives, kept when its release and date pass the filters."""
    rows = [(i.id, i.actor, q.item, q.kind, q.unit, float(q.value), q.approx, q.release_id,
             q.as_of, q.sentence, q.reason or "", i.status)
            for i in initiatives for q in i.quantities
            if filters.keeps_observation(q.release_id, q.as_of)]
    return pd.DataFrame(rows, columns=OBS_COLUMNS)


def latest(obs: pd.DataFrame) -> pd.DataFrame:
    """Per initiative, item, kind and unit: the latest figure (undated counts as oldest)."""
    if obs.empty:
        return obs
    if pd.api.types.is_datetime64_any_dtype(obs["as_of"]):
        return columnar.latest(obs)
    order = obs.assign(_day=obs["as_of"].map(lambda d: d or date.min),
                       _stated=columnar.stated(obs["release_id"]) if "release_id" in obs
                       else 1)
    order = order.sort_values(["_day", "_stated", "value"], kind="stable")
    return (order.groupby(["initiative_id", "item", "kind", "unit"], sort=False).tail(1)
                 .drop(columns=["_day", "_stated"]))


def kind_order(kind: str) -> int:
    """Done first, then the kinds in the order of `KINDS` (unknown ones last)."""
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _selection(store: Store, filters: Filters | None, dep: str | None,
               inside_only: bool = True):
    """(filters, dep, frames, ids): the store's frames and the ids the filters keep."""
    filters, dep = filters or Filters(), dep or config.departement()
    fr = frames_of(store)
    return filters, dep, fr, fr.select(filters, dep, inside_only)


def _nums(values) -> list:
    """`_num` of each value: whole numbers as int, others rounded to 3 decimals."""
    values = np.asarray(values, dtype=float)
    whole = np.mod(values, 1) == 0
    return [int(v) if w else round(v, 3) for v, w in zip(values.tolist(), whole.tolist())]


def _num_series(values: pd.Series) -> pd.Series:
    """`values.map(_num)`, with the whole numbers (most) converted at once."""
    v = values.to_numpy(dtype=float)
    whole = np.mod(v, 1) == 0
    if not whole.all() or not len(v) or np.abs(v).max() >= 2**53:
        return values.map(_num)
    return pd.Series(v.astype(np.int64), index=values.index)


def _iso(days) -> np.ndarray:
    """datetime64 days as ISO text (None when missing)."""
    days = np.asarray(days).astype("datetime64[D]")
    out = np.datetime_as_string(days, unit="D").astype(TEXT)
    out[pd.isna(days)] = None
    return out


def _item_rows(last: pd.DataFrame) -> pd.DataFrame:
    """One row per item, kind and unit of the latest figures: value, initiatives, how much
    is to review, approx; in the order of `totals` (done first, largest first)."""
    columns = ["item", "kind", "unit", "value", "initiatives", "to_review",
               "initiatives_to_review", "approx"]
    if last.empty:
        return pd.DataFrame(columns=columns)
    pending = (last["status"] == TO_REVIEW).to_numpy()
    # groups by the (item, kind, unit) number of the frames: in the texts' sorted order;
    # one latest figure per initiative and group, so its initiatives are its rows
    figure = last["figure"].to_numpy()
    value = last["value"].to_numpy(dtype=float)
    sums = pd.DataFrame({"value": value, "to_review": np.where(pending, value, 0.0)}
                        ).groupby(figure, sort=True).sum()   # pandas' sums, to the last bit
    every = np.bincount(figure)
    present = np.flatnonzero(every)   # sorted
    first = np.empty(len(every), dtype=np.int64)
    first[figure[::-1]] = np.arange(len(figure) - 1, -1, -1)   # the last write: the first row
    at, count = first[present], every[present]
    out = pd.DataFrame({
        "value": sums["value"].to_numpy(), "initiatives": count.astype(np.int64),
        "to_review": sums["to_review"].to_numpy(),
        "initiatives_to_review": np.bincount(figure, weights=pending)[present].astype(np.int64),
        "approx": np.bincount(figure, weights=last["approx"].to_numpy(dtype=bool))[present] > 0})
    for name in ("item", "kind", "unit"):
        out[name] = text_column(last[name].to_numpy()[at], out.index)
    out["_kind"] = kind_rank(out["kind"].to_numpy())
    out["_value"] = [_num(v) for v in out["value"]]
    out = out.sort_values(["_kind", "_value", "item"], ascending=[True, False, True],
                          kind="stable", ignore_index=True)
    return out[columns]


def _worded(fr) -> dict[str, np.ndarray]:
    """Per observation its date as ISO text and its value as `_num` gives it: worded
    once per data version (the sources of every filter read them)."""
    if "worded" not in fr.memo:
        obs = fr.observations
        fr.memo["worded"] = {"as_of": _iso(obs["as_of"].to_numpy()),
                             "number": np.array(_nums(obs["value"].to_numpy()), dtype=TEXT)}
    return fr.memo["worded"]


def _sources(fr, last: pd.DataFrame, rows: pd.DataFrame) -> list[FigureSources]:
    """The figures behind each row of `_item_rows` (largest first), worded when read."""
    if last.empty:
        return []
    figure = last["figure"].to_numpy()
    # each figure's positions in `last`, ascending: one stable sort, cut at the counts
    # (a radix sort on small integers: the figures number a few hundred at most)
    order = np.argsort(figure.astype(np.int16) if figure.max() < 2**15 else figure,
                       kind="stable")
    counts = np.bincount(figure)
    present = np.flatnonzero(counts)
    ends = np.cumsum(counts)
    at = last.index.to_numpy()   # rows of the observations
    first = order[ends[present] - counts[present]]
    item, kind, unit = (last[c].array.take(first).to_numpy() for c in ("item", "kind", "unit"))
    obs = fr.observations
    worded = _worded(fr)
    columns = SourceColumns(
        {"initiative_id": obs["initiative_id"].to_numpy(), "release_id": obs["release_id"].array,
         "value": obs["value"].to_numpy(), "reason": obs["reason"].array,
         "sentence": fr.sentences(), "as_of": worded["as_of"], "number": worded["number"]},
        fr.order_plan().owner,
        {"actor": fr.initiatives["actor"].to_numpy(), "status": fr.initiatives["status"].array})
    groups = {(i, k, u): at[order[e - c:e]] for i, k, u, e, c in zip(
        item.tolist(), kind.tolist(), unit.tolist(), ends[present].tolist(),
        counts[present].tolist())}
    return [FigureSources(columns, groups[(i, k, u)])
            for i, k, u in zip(rows["item"], rows["kind"], rows["unit"])]


def totals(store: Store, filters: Filters | None = None, dep: str | None = None) -> dict:
    """`{"departement", "as_of", "items": [...], "goals": [...]}` as printed by
    `python -m initiatives totals`. Each item says how much of its value is still to
    review (`to_review`, `initiatives_to_review`); `goals` is `goal_sums`."""
    filters, dep, fr, ids = _selection(store, filters, dep)
    last = fr.latest(ids, filters)
    rows, goal_list = _rows_and_goals(fr, last)
    items = [{"item": item, "kind": kind, "value": _num(value), "unit": unit,
              "initiatives": int(n), "to_review": _num(pending),
              "initiatives_to_review": int(n_pending), "approx": bool(approx),
              "sources": sources_}
             for item, kind, unit, value, n, pending, n_pending, approx, sources_ in zip(
                 rows["item"], rows["kind"], rows["unit"], rows["value"], rows["initiatives"],
                 rows["to_review"], rows["initiatives_to_review"], rows["approx"],
                 _sources(fr, last, rows))]
    day = last["as_of"].max() if len(last) else None
    return {"departement": dep,
            "as_of": None if day is None or pd.isna(day) else pd.Timestamp(day).date().isoformat(),
            "items": items, "goals": goal_list}


def _goals(last: pd.DataFrame, fr=None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(progress, alone) from the latest figures (`Frames.latest`): per initiative, item
    and unit giving both a goal and a done figure, the two side by side; goals with no
    done figure of the same initiative, item and unit apart. Without the frames `fr`,
    only the columns `goal_sums` reads are filled (no texts, no dates)."""
    if last.empty:
        return (pd.DataFrame(columns=PROGRESS_COLUMNS), pd.DataFrame(columns=ALONE_COLUMNS))
    is_done, is_target = (last["kind"] == DONE).to_numpy(), (last["kind"] == TARGET).to_numpy()
    # each goal's done figure (one at most: one latest figure per initiative, item, kind
    # and unit), matched on one integer per (initiative, item, unit)
    key = _row_key(last, ["initiative_id", "item", "unit"])
    target = last[is_target].reset_index()
    at = pd.Index(key[is_done]).get_indexer(key[is_target])
    pair = target.rename(columns={"index": "row"})
    pick = np.where(at >= 0, at, -1)   # -1: the missing value appended at the end
    done = last[is_done]

    def done_of(values, missing):
        return np.append(values, np.array([missing], dtype=values.dtype))[pick]

    pair["value_done"] = done_of(done["value"].to_numpy(dtype=float), np.nan)
    pair["approx_done"] = done_of(done["approx"].to_numpy(dtype=bool), False)
    lean = fr is None   # `goal_sums` alone: no texts, no dates
    if not lean:
        pair["as_of_done"] = done_of(done["as_of"].to_numpy(), np.datetime64("NaT"))
        pair["release_id_done"] = done["release_id"].array.take(pick, allow_fill=True)
        rows = pair["row"].to_numpy()
        for name, values in (("actor", fr.actors_at(rows)), ("sentence", fr.sentences()[rows]),
                             ("sentence_done", done_of(fr.sentences()[
                                 last.index.to_numpy()[is_done]], None))):
            pair[name] = text_column(values, pair.index)
    has_done = pair["value_done"].notna()
    both = pair[has_done]
    # lean: item, unit and status stay coded (codes sort and group as their texts)
    word = (lambda col: col) if lean else texts
    progress = {
        "initiative_id": both["initiative_id"].astype(int),
        "status": word(both["status"]), "item": word(both["item"]),
        "unit": word(both["unit"]),
        "done": _num_series(both["value_done"]), "target": _num_series(both["value"]),
        "approx": both["approx"] | both["approx_done"].astype(bool)}
    if not lean:
        progress.update({
            "actor": both["actor"],
            "share": (both["value_done"] / both["value"].where(both["value"] > 0)).round(4),
            "as_of": _later(both["as_of"], both["as_of_done"]),
            "release_id": texts(both["release_id_done"]), "done_sentence": both["sentence_done"],
            "target_sentence": both["sentence"]})
    lone = pair[~has_done]
    alone = {
        "initiative_id": lone["initiative_id"].astype(int),
        "status": word(lone["status"]), "item": word(lone["item"]),
        "unit": word(lone["unit"]), "target": _num_series(lone["value"])}
    if not lean:
        alone.update({"actor": lone["actor"], "approx": lone["approx"],
                      "as_of": _dates(lone["as_of"]), "release_id": texts(lone["release_id"]),
                      "sentence": lone["sentence"]})
    order = ["item", "unit", "initiative_id"]
    return (pd.DataFrame(progress, columns=PROGRESS_COLUMNS).sort_values(order, ignore_index=True),
            pd.DataFrame(alone, columns=ALONE_COLUMNS).sort_values(order, ignore_index=True))


def _row_key(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """One integer per distinct combination of the columns (coded or integer ones)."""
    key = np.zeros(len(frame), dtype=np.int64)
    for name in columns:
        col = frame[name]
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes = col.cat.codes.to_numpy(dtype=np.int64) + 1
        elif col.dtype.kind in "iu" and len(col):   # integers: their offset from the least
            codes = col.to_numpy(dtype=np.int64) - int(col.min()) + 1
        else:
            codes = pd.factorize(col.to_numpy())[0] + 1
        key = key * (int(codes.max()) + 1 if len(codes) else 1) + codes
    return key


def _dates(days: pd.Series) -> pd.Series:
    """Dates as `date` objects (None when missing), from datetime64 or as they are."""
    if pd.api.types.is_datetime64_any_dtype(days):
        return pd.Series(as_dates(days.to_numpy()), index=days.index, dtype=TEXT)
    return days


def _later(a: pd.Series, b: pd.Series) -> pd.Series:
    """The later of two dates, row by row, ignoring missing ones."""
    if pd.api.types.is_datetime64_any_dtype(a):
        x, y = a.to_numpy(), b.to_numpy()
        later = np.where(pd.isna(x), y, np.where(pd.isna(y), x, np.maximum(x, y)))
        return pd.Series(as_dates(later), index=a.index, dtype=TEXT)
    return pd.Series([max((d for d in (p, q) if d), default=None) for p, q in zip(a, b)],
                     index=a.index, dtype=TEXT)


def goal_sums(progress: pd.DataFrame, alone: pd.DataFrame) -> list[dict]:
    """Per item and unit: done and goal summed over the initiatives that give both
    (`initiatives`, `share` = done / goal of those), and apart the goals of initiatives
    with no done figure (`target_alone`, `initiatives_alone`)."""
    out: dict[tuple, dict] = {}
    for (item, unit), g in progress.groupby(["item", "unit"], observed=True):
        target = float(g["target"].sum())
        out[(item, unit)] = {
            "item": item, "unit": unit, "done": _num(g["done"].sum()), "target": _num(target),
            "share": round(float(g["done"].sum()) / target, 4) if target else None,
            "initiatives": int(len(g)), "approx": bool(g["approx"].any()),
            "to_review": int((g["status"] == TO_REVIEW).sum()),
            "target_alone": None, "initiatives_alone": 0}
    for (item, unit), g in alone.groupby(["item", "unit"], observed=True):
        entry = out.setdefault((item, unit), {
            "item": item, "unit": unit, "done": None, "target": None, "share": None,
            "initiatives": 0, "approx": False, "to_review": 0})
        entry["target_alone"] = _num(g["target"].sum())
        entry["initiatives_alone"] = int(len(g))
        entry["to_review"] += int((g["status"] == TO_REVIEW).sum())
    return sorted(out.values(), key=lambda e: (-(e["target"] or 0), e["item"]))


def _lean_goal_sums(last: pd.DataFrame) -> list[dict] | None:
    """`goal_sums(*_goals(last))` counted on integer groups, when every value involved
    is a whole number (then sums are exact in any order, as the frames' int64 sums);
    None otherwise (the frames path keeps the order of its sums)."""
    if last.empty:
        return None
    kind = last["kind"].array
    is_done, is_target = (kind == DONE), (kind == TARGET)
    key = _row_key(last, ["initiative_id", "item", "unit"])
    tgt, dn = np.flatnonzero(is_target), np.flatnonzero(is_done)
    at = pd.Index(key[dn]).get_indexer(key[tgt])
    has = at >= 0
    value = last["value"].to_numpy(dtype=float)
    target, done = value[tgt], value[dn[at[has]]]
    involved = np.r_[target, done]
    if (not len(involved) or (np.mod(involved, 1) != 0).any()
            or np.abs(involved).sum() >= 2**53):
        return None
    item, unit = last["item"].array, last["unit"].array
    if (item.codes < 0).any() or (unit.codes < 0).any():
        return None
    n_units = len(unit.categories)
    group = (item.codes[tgt].astype(np.int64) * n_units + unit.codes[tgt])
    size = len(item.categories) * n_units
    status = last["status"].array
    pending = status.codes[tgt] == status.categories.get_indexer([TO_REVIEW])[0]
    approx = last["approx"].to_numpy(dtype=bool)
    both_approx = approx[tgt][has] | approx[dn[at[has]]]

    def per_group(where, weights=None):
        return np.bincount(group[where], weights=weights, minlength=size)

    g_both = group[has]
    n_both = per_group(has)
    done_sum = np.bincount(g_both, weights=done, minlength=size)
    target_sum = np.bincount(g_both, weights=target[has], minlength=size)
    approx_any = np.bincount(g_both, weights=both_approx, minlength=size) > 0
    review_both = per_group(has & pending)
    lone = ~has
    n_lone = per_group(lone)
    target_lone = per_group(lone, target[lone])
    review_lone = per_group(lone & pending)
    words = [(i, u) for i in item.categories.tolist() for u in unit.categories.tolist()]
    out: dict[tuple, dict] = {}
    for g in np.flatnonzero(n_both).tolist():   # in code order: the groupby's order
        i, u = words[g]
        t = float(target_sum[g])
        out[(i, u)] = {
            "item": i, "unit": u, "done": _num(done_sum[g]), "target": _num(t),
            "share": round(float(done_sum[g]) / t, 4) if t else None,
            "initiatives": int(n_both[g]), "approx": bool(approx_any[g]),
            "to_review": int(review_both[g]), "target_alone": None, "initiatives_alone": 0}
    for g in np.flatnonzero(n_lone).tolist():
        i, u = words[g]
        entry = out.setdefault((i, u), {
            "item": i, "unit": u, "done": None, "target": None, "share": None,
            "initiatives": 0, "approx": False, "to_review": 0})
        entry["target_alone"] = _num(target_lone[g])
        entry["initiatives_alone"] = int(n_lone[g])
        entry["to_review"] += int(review_lone[g])
    return sorted(out.values(), key=lambda e: (-(e["target"] or 0), e["item"]))


def _rows_and_goals(fr, last: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """`_item_rows(last)` and the goal sums of the latest figures `last`, kept for the
    last `last` asked (key figures and totals of one page read the same); not to be
    altered (the goal dicts are handed out as copies)."""
    held = fr.memo.get("rows_and_goals")
    if held is None or held[0] is not last:
        sums = _lean_goal_sums(last)
        held = (last, _item_rows(last), goal_sums(*_goals(last)) if sums is None else sums)
        fr.memo["rows_and_goals"] = held
    return held[1], [dict(g) for g in held[2]]


@dataclass(frozen=True)
class Goals:
    """Goals against what was done, initiative by initiative (see `goals`)."""
    progress: pd.DataFrame   # PROGRESS_COLUMNS: initiatives giving a goal and a done figure
    alone: pd.DataFrame      # ALONE_COLUMNS: goals with no done figure, listed apart
    sums: list[dict]         # `goal_sums`


def goals(store: Store, filters: Filters | None = None, dep: str | None = None) -> Goals:
    """Progress of each initiative towards its own goal, and the goals left alone."""
    filters, dep, fr, ids = _selection(store, filters, dep)
    progress, alone = _goals(fr.latest(ids, filters), fr)
    return Goals(progress, alone, goal_sums(progress, alone))


@dataclass(frozen=True)
class KeyFigures:
    """The overview's figures. `communes_named` counts communes named as places of an
    initiative; `communes_territory` those reached only through a territory-level place
    (calaisis, an EPCI), kept apart and never added to the first. `*_to_review`: how
    much of a figure comes from initiatives still to review (a commune is named "to
    review" when only such initiatives name it). `production`: per headline item,
    `{"done", "to_review", "ordered", "needed", "unit", "initiatives", "goal"}`, where
    `goal` is the item's entry of `goal_sums` (or None): goals are never summed beside
    the done figure."""
    departement: str
    initiatives: int
    initiatives_to_review: int
    initiatives_wide: int
    communes_total: int
    communes_named: int
    communes_named_to_review: int
    communes_territory: int
    population_total: int
    population_named: int
    population_territory: int
    production: dict[str, dict]
    latest_release: date | None

    def __getitem__(self, name: str):
        """`kf["initiatives"]`: read as the JSON-like record it is printed as."""
        return getattr(self, name)


def _named_and_territory(reaches) -> tuple[set[str], set[str]]:
    named = set().union(*(r.named for r in reaches))
    return named, set().union(*(r.territory for r in reaches)) - named


def territory_only(store: Store, filters: Filters | None = None,
                   dep: str | None = None) -> set[str]:
    """Communes reached only through a territory cited in bloc: no initiative names them."""
    filters, dep, fr, ids = _selection(store, filters, dep)
    return set(_reached(fr, ids, dep)[1].tolist())


def situation_date(releases: list[dict]) -> date | None:
    """The latest date of the cited releases (`sources`): what the figures are "as of"."""
    days = [r["date"] for r in releases if r.get("date")]
    return max(days) if days else None


def _pairs(fr, ids: np.ndarray, dep: str, columns: list[str] | None = None) -> pd.DataFrame:
    """(initiative, commune) pairs of the initiatives `ids` (see `frames.Placed`);
    `columns`: only those (a take of the text columns is the costly part)."""
    pairs = fr.placed(dep).pairs
    keep = fr.owned(ids, fr.pair_owner(dep))
    return (pairs if columns is None else pairs[columns])[keep]


def _reached(fr, ids: np.ndarray, dep: str) -> tuple[np.ndarray, np.ndarray]:
    """Communes named by the initiatives `ids`, and those reached only through a
    territory (named by none of them), counted on the communes' rows."""
    pairs = fr.placed(dep).pairs
    keep = fr.owned(ids, fr.pair_owner(dep))
    codes = commune_table(dep).index.to_numpy(dtype=TEXT)
    com, direct = pairs["commune"].to_numpy()[keep], pairs["direct"].to_numpy()[keep]
    if (com < 0).any():   # a commune outside the table: compared as text
        pairs = _pairs(fr, ids, dep)
        named = pd.unique(pairs["code"].to_numpy()[direct])
        return named, np.setdiff1d(pd.unique(pairs["code"].to_numpy()[~direct]).astype(str),
                                   named.astype(str))
    named = np.bincount(com[direct], minlength=len(codes)) > 0
    territory = (np.bincount(com[~direct], minlength=len(codes)) > 0) & ~named
    return codes[named], codes[territory].astype(str)


def key_figures(store: Store, filters: Filters | None = None,
                dep: str | None = None) -> KeyFigures:
    """The overview's figures (see `KeyFigures`)."""
    filters, dep, fr, ids = _selection(store, filters, dep)
    table = commune_table(dep)
    named, territory = _reached(fr, ids, dep)
    rows = fr.rows(ids)
    status = fr.initiatives["status"].array
    unchecked = status.codes[rows] == status.categories.get_indexer([TO_REVIEW])[0]
    reviewed_ids = ids[~unchecked]
    named_reviewed = set(_reached(fr, reviewed_ids, dep)[0])
    placed = fr.placed(dep)
    # initiatives reaching some commune (their pairs' rows, counted)
    owner = fr.pair_owner(dep)
    with_communes = np.bincount(owner[fr.owned(ids, owner)], minlength=len(fr.initiatives)) > 0
    wide = placed.wide.to_numpy(dtype=bool)[rows] & ~with_communes[rows]
    last = fr.latest(ids, filters)
    rows, goal_list = _rows_and_goals(fr, last)
    goal_of = {(g["item"], g["unit"]): g for g in goal_list}
    production = {}
    for item, kind, unit, value, n, pending in zip(
            rows["item"], rows["kind"], rows["unit"], rows["value"], rows["initiatives"],
            rows["to_review"]):
        if item in HEADLINE_ITEMS and kind in (DONE, *BESIDE_DONE):
            entry = production.setdefault(item, {
                DONE: None, "to_review": 0, **dict.fromkeys(BESIDE_DONE), "unit": unit,
                "initiatives": 0, "goal": None})
            entry[kind] = (entry[kind] or 0) + _num(value)
            if kind == DONE:
                entry["initiatives"] += int(n)
                entry["to_review"] += _num(pending)
                entry["goal"] = goal_of.get((item, unit))
    for (item, unit), goal in goal_of.items():  # goals of an item nobody reports done yet
        if item in HEADLINE_ITEMS and item not in production:
            production[item] = {DONE: None, "to_review": 0, **dict.fromkeys(BESIDE_DONE),
                                "unit": unit, "initiatives": 0, "goal": goal}
    named_set = set(named)
    return KeyFigures(
        departement=dep,
        initiatives=len(ids),
        initiatives_to_review=int(unchecked.sum()),
        initiatives_wide=int(wide.sum()),
        communes_total=len(table),
        communes_named=len(named_set),
        communes_named_to_review=len(named_set - named_reviewed),
        communes_territory=len(territory),
        population_total=int(table["population"].sum()),
        population_named=int(table.loc[list(named), "population"].sum()),
        population_territory=int(table.loc[list(territory), "population"].sum()),
        production={item: production[item] for item in HEADLINE_ITEMS if item in production},
        latest_release=situation_date(sources(store, filters, dep)),
    )


def sources(store: Store, filters: Filters | None = None, dep: str | None = None) -> list[dict]:
    """Releases cited by the filtered initiatives (inside or outside), oldest first."""
    filters, dep, fr, ids = _selection(store, filters, dep, inside_only=False)
    # one page asks it several times (key figures, gaps, its own list): kept for the
    # last selection asked, handed out as copies
    held = fr.memo.get("sources")
    if held is None or held[0] is not ids or held[1] != filters:
        held = (ids, filters, _cited(fr, ids, filters))
        fr.memo["sources"] = held
    return [dict(r) for r in held[2]]


def _cited(fr, ids: np.ndarray, filters: Filters) -> list[dict]:
    men = fr.mentions
    keep = fr.owned(ids, fr.mention_owner()) & columnar.keeps_observation(
        men["release_id"], men["date"].to_numpy(), filters)
    # distinct initiatives per release, on integers: (initiative row, release code) pairs
    release = men["release_id"].array
    code = release.codes.astype(np.int64)[keep] + 1   # 0: missing
    pair = pd.unique(fr.mention_owner()[keep] * (len(release.categories) + 1) + code)
    n = np.bincount(pair % (len(release.categories) + 1),
                    minlength=len(release.categories) + 1)[1:]
    counts = pd.Series(n[n > 0], index=release.categories.to_numpy(dtype=TEXT)[n > 0])
    out = []
    for rel in fr.release_objects():
        if rel.id in counts.index:
            out.append({"id": rel.id, "title": rel.title, "number": rel.number,
                        "date": rel.date, "source": rel.source, "label": rel.label,
                        "initiatives": int(counts[rel.id])})
    if "" in counts.index:
        out.append({"id": "", "title": "Saisie manuelle", "number": None, "date": None,
                    "source": MANUAL_SOURCE, "label": MANUAL_SOURCE,
                    "initiatives": int(counts[""])})
    return out


def figures_lines(ini: Initiative) -> list[str]:
    """`masques : 1 600 (réalisé)`: the latest figure of each item and kind, done first.

    The same choice as `latest` (per item, kind and unit the latest figure, undated counts
    as oldest, the larger value among figures of one day), worked out in plain Python: it
    runs once per initiative of a table or an export."""
    ranked = sorted(enumerate(ini.quantities),
                    key=lambda p: (p[1].as_of or date.min, float(p[1].value)))
    last: dict[tuple, tuple[int, object]] = {}
    for rank, (_, q) in enumerate(ranked):
        last[(q.item, q.kind, q.unit)] = (rank, q)
    chosen = sorted(last.values(), key=lambda p: (kind_order(p[1].kind), p[0]))
    return [figure_line(q.item, float(q.value), q.unit, q.kind, bool(q.approx))
            for _, q in chosen]


FRAME_COLUMNS = ["id", "actor", "actor_type", "category", "status", "inside", "wide",
                 "places", "communes", "territory_communes", "arrondissements",
                 "arrondissements_noms", "first_release", "last_release", "first_date",
                 "last_date", "releases", "figures", "excerpt", "contacts"]


def _split(joined: np.ndarray, sep: str) -> list[list[str]]:
    return [t.split(sep) if t else [] for t in joined]


def figure_lines(fr, ids: np.ndarray) -> np.ndarray:
    """`figures_lines` of every initiative `ids`, joined with " ; ": the latest figure of
    each item, kind and unit (all figures, whatever the filters), done first. Each
    distinct figure is worded once."""
    last = fr.latest(ids, Filters(statuses=()))
    if last.empty:
        return np.full(len(ids), "", dtype=TEXT)
    order = np.lexsort((np.arange(len(last)), kind_rank(last["kind"].to_numpy()),
                        last["initiative_id"].to_numpy()))
    last = last.iloc[order]
    # distinct (item, kind, unit number, value, approx), numbered on integers and floats
    value = last["value"].to_numpy()
    codes = pd.DataFrame({"figure": last["figure"].to_numpy(), "value": value,
                          "approx": last["approx"].to_numpy()}).groupby(
        ["figure", "value", "approx"], sort=False, dropna=False).ngroup().to_numpy()
    first = np.unique(codes, return_index=True)[1]
    item, unit, kind = (last[c].to_numpy()[first] for c in ("item", "unit", "kind"))
    words = np.array([figure_line(i, float(v), u, k, bool(a)) for i, v, u, k, a in zip(
        item, value[first], unit, kind, last["approx"].to_numpy()[first])], dtype=TEXT)
    return join_runs(last["initiative_id"].to_numpy(), words[codes], " ; ", ids)


def initiatives_frame(store: Store, filters: Filters | None = None,
                      dep: str | None = None) -> pd.DataFrame:
    """One row per filtered initiative (inside and outside), for tables and exports."""
    return _initiative_columns(store, filters, dep, lists=True)


JOINED = {"communes": ", ", "arrondissements": ", ", "arrondissements_noms": ", "}


def _initiative_columns(store: Store, filters: Filters | None, dep: str | None,
                        lists: bool) -> pd.DataFrame:
    """`initiatives_frame`; with `lists=False` the list columns come joined (", ", and
    " ; " for contacts), as the exports write them. Every column is one initiative's
    own (whatever the filters): the table of all of them is built once per data version
    and département (`_every_initiative`), a selection takes its rows."""
    filters, dep, fr, ids = _selection(store, filters, dep, inside_only=False)
    key = ("initiative_columns", dep)
    if key not in fr.memo:
        fr.memo[key] = _every_initiative(fr, dep)
    every = fr.memo[key]
    at = fr.initiatives.index.get_indexer(ids)
    frame = every.take(at).reset_index(drop=True)
    if lists:
        for name, sep in JOINED.items():
            frame[name] = pd.Series(_split(frame[name].to_numpy(), sep), dtype=TEXT)
        frame["contacts"] = pd.Series([columnar.contacts_list(c) for c in
                                       fr.initiatives["contacts"].to_numpy()[at]], dtype=TEXT)
    return frame


def _every_initiative(fr, dep: str) -> pd.DataFrame:
    """`_initiative_columns(..., lists=False)` of every initiative of the frames."""
    ids = fr.initiatives.index.to_numpy()
    table = commune_table(dep)
    inis = fr.initiatives.loc[ids]
    placed = fr.placed(dep)
    pairs = _pairs(fr, ids, dep).sort_values(["initiative_id", "code"])
    direct = pairs["direct"].to_numpy()
    owner, code = pairs["initiative_id"].to_numpy(), pairs["code"].to_numpy()
    communes = join_runs(owner[direct], code[direct], ", ", ids)
    territory = pd.Series(owner[~direct]).value_counts().reindex(ids, fill_value=0)
    arr = pairs[["initiative_id", "arrondissement"]].drop_duplicates().sort_values(
        ["initiative_id", "arrondissement"])
    names = dict(zip(table["arrondissement"], table["arrondissement_nom"]))
    arr_codes = arr["arrondissement"].to_numpy()
    arr_names = pd.Series(arr_codes, dtype=TEXT).map(lambda a: names.get(a, a)).to_numpy(
        dtype=TEXT)
    arr_joined = join_runs(arr["initiative_id"].to_numpy(), arr_codes, ", ", ids)
    arr_named = join_runs(arr["initiative_id"].to_numpy(), arr_names, ", ", ids)
    p = fr.places
    sel = isin(p["initiative_id"].to_numpy(), ids)
    label = np.where(pd.notna(p["nom"].to_numpy()) & (p["nom"].to_numpy() != ""),
                     p["nom"].to_numpy(), p["query"].to_numpy())
    places = join_runs(p["initiative_id"].to_numpy()[sel], label[sel], ", ", ids)
    contacts = inis["contacts"].to_numpy()
    out = {
        "id": ids, "actor": inis["actor"].to_numpy(), "actor_type": inis["actor_type"].to_numpy(),
        "category": inis["category"].to_numpy(), "status": inis["status"].to_numpy(),
        "inside": placed.inside.reindex(ids).to_numpy(dtype=bool),
        "wide": placed.wide.reindex(ids).to_numpy(dtype=bool),
        "places": places,
        "communes": communes,
        "territory_communes": territory.to_numpy(dtype=np.int64),
        "arrondissements": arr_joined, "arrondissements_noms": arr_named,
        "first_release": inis["first_release"].to_numpy(),
        "last_release": inis["last_release"].to_numpy(),
        "first_date": as_dates(inis["first_date"].to_numpy()),
        "last_date": as_dates(inis["last_date"].to_numpy()),
        "releases": inis["releases"].to_numpy(dtype=np.int64),
        "figures": figure_lines(fr, ids), "excerpt": inis["excerpt"].to_numpy(),
        "contacts": np.array([c.replace(columnar.CONTACT_SEP, " ; ") for c in contacts],
                             dtype=TEXT)}
    frame = columnar.table({k: np.asarray(v, dtype=TEXT) if v.dtype == TEXT else v
                            for k, v in out.items()})
    return frame[FRAME_COLUMNS]


def _units(level: str, dep: str) -> pd.DataFrame:
    """Every unit of the level with its name and population (the département's part)."""
    check(level)
    table = commune_table(dep).reset_index()
    if level == "commune":
        return table[["code", "nom", "population"]].sort_values("code", ignore_index=True)
    col = UNIT_COLUMN[level]
    return (table.groupby([col, f"{col}_nom"], as_index=False)["population"].sum()
                 .rename(columns={col: "code", f"{col}_nom": "nom"})
                 .sort_values("code", ignore_index=True))


def _unit_codes(communes, level: str, table: pd.DataFrame) -> set[str]:
    if level == "commune":
        return set(communes)
    unit_of = _unit_of(table, UNIT_COLUMN[level])
    return {unit_of[c] for c in communes}


_UNIT_OF: dict[tuple[int, str], tuple[pd.DataFrame, dict]] = {}


def _unit_of(table: pd.DataFrame, col: str) -> dict:
    """commune code -> its unit's code (EPCI or arrondissement), read once per table."""
    held = _UNIT_OF.get((id(table), col))
    if held is None or held[0] is not table:
        held = _UNIT_OF[(id(table), col)] = (table, dict(zip(table.index, table[col])))
    return held[1]


def counts_by(store: Store, filters: Filters | None = None, by: str = "arrondissement",
              columns: str = "category", dep: str | None = None,
              commune_only: bool = False) -> pd.DataFrame:
    """Who does what where: initiatives reaching each unit, by category (or actor type).

    Rows are every unit of the level, zeros included; `total` counts each initiative
    once. Territory-level places count in every unit they cover unless `commune_only`.
    """
    values = {"category": CATEGORIES, "actor_type": ACTOR_TYPES}.get(columns)
    if values is None:
        raise ValueError(f"Colonnes inconnues : {columns} (category ou actor_type).")
    filters, dep, fr, ids = _selection(store, filters, dep)
    units, table = _units(by, dep), commune_table(dep)
    # one (unit, value) pair per initiative and unit it reaches, counted on integers:
    # the unit's row in `units`, the value's place in `values`
    pairs = _pairs(fr, ids, dep, ["initiative_id", "commune", "direct"])
    if commune_only:
        pairs = pairs[pairs["direct"].to_numpy()]
    unit_of = pd.Index(units["code"]).get_indexer(
        table.index if by == "commune" else table[UNIT_COLUMN[by]])
    com = pairs["commune"].to_numpy()
    unit = np.where(com >= 0, unit_of[com], -1)
    owner = fr.initiatives.index.get_indexer(pairs["initiative_id"].to_numpy())
    ok = unit >= 0
    reached = pd.unique(owner[ok].astype(np.int64) * len(units) + unit[ok])
    owner, unit = reached // len(units), reached % len(units)
    column = fr.initiatives[columns].array
    value_of = pd.Index(values).get_indexer(column.categories)
    value = value_of[column.codes[owner]] if len(owner) else owner
    out = units[["code", "nom"]].copy()
    known = value >= 0
    cells = np.bincount(unit[known] * len(values) + value[known],
                        minlength=len(units) * len(values)).reshape(len(units), len(values))
    for k, name in enumerate(values):
        out[name] = cells[:, k].astype("int64")
    out["total"] = np.bincount(unit, minlength=len(units)).astype("int64")
    return out


def _homes(fr, dep: str, level: str) -> pd.Series:
    """initiative id -> code of the unit of its own place (of the communes it names,
    else of its territories), "" when they span several units; initiatives reaching
    no commune are left out. Filter-independent: worked out once per data version."""
    table = commune_table(dep)
    pairs = fr.placed(dep).pairs
    owner = pairs["initiative_id"].to_numpy()
    direct = pairs["direct"].to_numpy()
    names_any = pd.Series(direct, index=owner).groupby(level=0).any()
    own = direct == names_any.reindex(owner).to_numpy(dtype=bool)
    code = pairs["code"].to_numpy()[own]
    if level != "commune":
        code = table[UNIT_COLUMN[level]].reindex(code).to_numpy(dtype=TEXT)
    homes = pd.DataFrame({"initiative_id": owner[own], "code": pd.Series(code, dtype=TEXT)}
                         ).drop_duplicates()
    single = homes.groupby("initiative_id")["code"].agg(["first", "size"])
    return single["first"].where(single["size"] == 1, "")


def counts_per_unit(store: Store, filters: Filters | None = None, level: str = "commune",
                    dep: str | None = None, commune_only: bool = False) -> pd.DataFrame:
    """`code, nom, population, initiatives, per_10k` for every unit, for choropleths."""
    dep = dep or config.departement()
    counts = counts_by(store, filters, level, dep=dep, commune_only=commune_only)
    out = _units(level, dep).assign(initiatives=counts["total"].astype(int).to_numpy())
    pop = out["population"].where(out["population"] > 0)
    out["per_10k"] = (out["initiatives"] / pop * 10_000).fillna(0.0).round(3)
    return out


def evolution(store: Store, filters: Filters | None = None, dep: str | None = None,
              kinds: tuple[str, ...] = (DONE,)) -> pd.DataFrame:
    """Cumulative figures at each release date: the sum over initiatives of the latest
    figure known at that date (inside the département).

    Worked out in one pass: each initiative's latest figure changes only on the days it
    reports one, so the sum at a day is the running sum of those changes."""
    columns = ["as_of", "item", "kind", "unit", "value", "initiatives"]
    filters, dep, fr, ids = _selection(store, filters, dep)
    obs = fr.figures_of(ids, filters)
    obs = obs[obs["kind"].isin(kinds).to_numpy() & pd.notna(obs["as_of"]).to_numpy()]
    if obs.empty:
        return pd.DataFrame(columns=columns)
    keys = ["initiative_id", "item", "kind", "unit"]
    order = np.lexsort((np.arange(len(obs)), obs["value"].to_numpy(),
                        columnar.stated(obs["release_id"]),
                        obs["as_of"].to_numpy(), *[pd.factorize(obs[k])[0]
                                                   for k in reversed(keys)]))
    obs = obs.iloc[order]
    # the latest figure of each initiative and group at the end of each day it reports
    daily = obs[~obs.duplicated([*keys, "as_of"], keep="last").to_numpy()]
    group = ~daily.duplicated(keys, keep="first").to_numpy()
    value = daily["value"].to_numpy()
    before = np.r_[0.0, value[:-1]]
    delta = np.where(group, value, value - before)
    # a grid of days × (item, kind, unit), summed day by day
    groups = daily[["item", "kind", "unit"]].drop_duplicates().sort_values(
        ["item", "kind", "unit"], ignore_index=True)
    g = pd.MultiIndex.from_frame(groups).get_indexer(
        pd.MultiIndex.from_frame(daily[["item", "kind", "unit"]]))
    days = np.sort(pd.unique(obs["as_of"].to_numpy()))
    d = np.searchsorted(days, daily["as_of"].to_numpy())
    sums = np.zeros((len(days), len(groups)))
    counts = np.zeros((len(days), len(groups)), dtype=np.int64)
    np.add.at(sums, (d, g), delta)
    np.add.at(counts, (d, g), group.astype(np.int64))
    sums, counts = sums.cumsum(axis=0), counts.cumsum(axis=0)
    at_day, at_group = np.nonzero(counts > 0)   # by day, then item, kind and unit
    return pd.DataFrame({
        "as_of": as_dates(days[at_day]),
        "item": groups["item"].to_numpy(dtype=TEXT)[at_group],
        "kind": groups["kind"].to_numpy(dtype=TEXT)[at_group],
        "unit": groups["unit"].to_numpy(dtype=TEXT)[at_group],
        "value": pd.Series([_num(round(v, 9)) for v in sums[at_day, at_group]]),
        "initiatives": counts[at_day, at_group]}, columns=columns)


def totals_by(store: Store, filters: Filters | None = None, level: str = "arrondissement",
              dep: str | None = None,
              kinds: tuple[str, ...] = (DONE, *BESIDE_DONE)) -> pd.DataFrame:
    """Latest figures summed by unit of the initiative's own place (not of every unit it
    reaches, which would count a figure twice); code "" when it spans several units."""
    filters, dep, fr, ids = _selection(store, filters, dep)
    units = _units(level, dep)
    names = dict(zip(units["code"], units["nom"]))
    last = fr.latest(ids, filters)
    if last.empty:
        return pd.DataFrame(columns=["code", "nom", "item", "kind", "unit", "value",
                                     "initiatives"])
    key = ("homes", dep, level)
    if key not in fr.memo:
        fr.memo[key] = _homes(fr, dep, level)
    home = fr.memo[key]
    last = last[last["kind"].isin(kinds).to_numpy()]
    # grouped on integers: the home's place among the sorted codes ("" first), then the
    # (item, kind, unit) number (in the texts' order): the order of a groupby on texts
    places = np.sort(pd.unique(home.to_numpy(dtype=TEXT)).astype(str))
    at = home.reindex(last["initiative_id"].to_numpy()).fillna("").to_numpy(dtype=TEXT)
    at = np.searchsorted(places, at.astype(str)) if len(places) else np.zeros(len(at), int)
    figure = last["figure"].to_numpy()
    group = at.astype(np.int64) * (int(figure.max()) + 1 if len(figure) else 1) + figure
    work = pd.DataFrame({"group": group, "value": last["value"].to_numpy(),
                         "initiative_id": last["initiative_id"].to_numpy()})
    sums = work.groupby("group", sort=True).agg(
        value=("value", "sum"), initiatives=("initiative_id", "nunique"))
    first = pd.Series(np.arange(len(group)), index=group).groupby(level=0).first()
    row = first.reindex(sums.index).to_numpy()
    out = pd.DataFrame({
        "code": places[at[row]].astype(TEXT) if len(row) else np.zeros(0, dtype=TEXT),
        **{c: last[c].to_numpy()[row] for c in ("item", "kind", "unit")},
        "value": sums["value"].to_numpy(), "initiatives": sums["initiatives"].to_numpy()})
    out.insert(1, "nom", out["code"].map(names).fillna("plusieurs ou non localisé"))
    return out
