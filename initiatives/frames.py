"""The store read as columns: one frame per table, read once per data version.

`read(conn)` takes any DB-API connection (SQLite here, PostgreSQL for another back end):
plain `SELECT`s with no engine-specific SQL, every ordering done here in pandas, so each
back end's `frames()` is one line. `frames_of(store)` caches the result per store and
data version (`store.data_version()`), as the figures of every page share it.

`Frames` then answers what the per-initiative loops used to: which initiatives a
`Filters` keeps (`select`), whether each is inside the département and which communes
it reaches (`placed`: pairs initiative × commune, named or through a territory), the
figures a filter keeps (`figures`) and the latest one of each initiative, item,
kind and unit (`latest`). Every one is a grouped operation on arrays; what depends on
the département or the filters is remembered on the (immutable) frames.

Texts with few distinct values (kind, unit, status, release ids...) are coded (`coded`):
filters and groupbys compare integers. What no filter changes (the order `latest` needs,
`OrderPlan`; each reach pair's commune row) is worked out once per data version, so a
figure for any filter is a mask and a grouped count on ready columns.
"""
from __future__ import annotations

import json
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from pandas.core import algorithms

from initiatives.filters import REVIEWED, Filters
from initiatives.model import KINDS, VARIANT_ID, Release, normalise_key
from initiatives.reach import TERRITORY_LEVELS, WIDE_LEVELS, _communes_of, commune_table

# --- reading: portable SQL, one query per table ---------------------------------------

# How each column is kept: "int", "float", "bool"; ("code", missing): few distinct texts
# as a `coded` column (missing -> `missing`); ("text", missing): Python strings (missing
# -> `missing`; None keeps them missing); "day": ISO dates as datetime64[D]; "raw": as read.
# Rows are read in chunks and converted chunk by chunk: a read never holds every row's
# Python objects at once (at 10^6 initiatives that alone took several GB).
QUERIES = {
    "initiatives": ("SELECT id, actor, actor_type, category, status FROM initiatives",
                    {"id": "int", "actor": ("text", ""), "actor_type": ("code", ""),
                     "category": ("code", ""), "status": ("code", "")}),
    "places": ("SELECT initiative_id, ord, query, code, nom, level, departement, inside"
               " FROM places",
               {"initiative_id": "int", "ord": "int", "query": ("code", ""),
                "code": ("code", None), "nom": ("code", None), "level": ("code", None),
                "departement": ("code", None), "inside": "bool"}),
    "observations": ("SELECT id, initiative_id, release_id, as_of, item, value, unit, kind,"
                     " approx, sentence, reason FROM observations",
                     {"id": "int", "initiative_id": "int", "release_id": ("code", ""),
                      "as_of": "day", "item": ("code", ""), "value": "float",
                      "unit": ("code", ""), "kind": ("code", ""), "approx": "bool",
                      "sentence": ("text", ""), "reason": ("code", "")}),
    "mentions": ("SELECT initiative_id, release_id, excerpt, contacts FROM mentions",
                 {"initiative_id": "int", "release_id": ("code", ""),
                  "excerpt": ("text", ""), "contacts": ("code", "[]")}),
    "releases": ("SELECT id, title, number, date, source FROM releases",
                 {"id": ("text", ""), "title": ("text", ""), "number": "raw",
                  "date": "day", "source": ("text", "")}),
}
CHUNK = 50_000   # rows converted at a time
CONTACT_SEP = "\x1f"   # contacts of an initiative, joined (a separator no text holds)
NO_DAY = np.datetime64("0001-01-01")   # an undated figure counts as the oldest
TEXT = object   # text columns are kept as Python strings (they go to files as they are)


def isin(values, among) -> np.ndarray:
    """`np.isin` by hashing (numpy sorts, which is slow on text)."""
    values = np.asarray(values)
    among = np.asarray(list(among) if isinstance(among, (set, frozenset, tuple)) else among)
    if values.dtype.kind in "iub" and among.dtype.kind in "iub":
        return np.isin(values, among, kind="table") if len(among) and len(values) else \
            np.zeros(len(values), dtype=bool)
    return algorithms.isin(values.astype(object), among.astype(object))


def table(columns: dict, index=None) -> pd.DataFrame:
    """A frame whose text columns stay Python objects (pandas would make them `str`)."""
    out = pd.DataFrame({k: pd.Series(v, dtype=TEXT) if getattr(v, "dtype", None) == TEXT
                        else pd.Series(v) for k, v in columns.items()})
    if index is not None:
        out.index = index
    return out


def text_column(values, index) -> pd.Series:
    return pd.Series(np.asarray(values, dtype=TEXT), index=index, dtype=TEXT)


def coded(values) -> pd.Categorical:
    """Few distinct texts (kind, unit, status, release...) as integer codes: filters,
    comparisons and groupbys work on integers, and each text is held once. Categories
    are sorted, so code order is text order."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=TEXT), sort=True)
    # object categories: decoding is a plain take (Arrow ones convert on each read)
    return pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=TEXT))


def texts(col) -> pd.Series:
    """A column as Python strings (a coded one decoded), for results and files."""
    col = col if isinstance(col, pd.Series) else pd.Series(col)
    return pd.Series(col.to_numpy(dtype=TEXT), index=col.index, dtype=TEXT)


def _cursor_rows(conn, sql: str):
    """The rows of `sql`, a chunk at a time (plain DB-API `fetchmany`)."""
    if not hasattr(conn, "cursor"):   # the PostgreSQL store's connection (`pg_connection`)
        cur, close = conn.execute(sql), None
    else:
        cur = close = conn.cursor()
        if hasattr(cur, "row_factory"):
            cur.row_factory = None   # plain tuples (sqlite3.Row is slower to unpack)
        cur.execute(sql)
    try:
        while rows := cur.fetchmany(CHUNK):
            yield rows
    finally:
        if close is not None:
            close.close()


class _Column:
    """One column, converted chunk by chunk as `QUERIES` says."""

    def __init__(self, how):
        self.kind, self.missing = how if isinstance(how, tuple) else (how, None)
        self.parts: list[np.ndarray] = []
        self.seen: dict = {}   # code and day columns: each distinct value -> its number

    def add(self, values) -> None:
        kind = self.kind
        if kind in ("code", "day"):
            codes, uniques = pd.factorize(np.array(values, dtype=TEXT))
            number = np.array([self.seen.setdefault(u, len(self.seen)) for u in uniques],
                              dtype=np.int64)
            self.parts.append(np.where(codes >= 0, number[codes] if len(number) else codes,
                                       -1))
        elif kind == "int":
            self.parts.append(np.array(values, dtype=np.int64))
        elif kind == "float":
            self.parts.append(np.array(values, dtype=float))
        elif kind == "bool":
            self.parts.append(np.array(values, dtype=np.int64).astype(bool))
        else:
            self.parts.append(np.array(values, dtype=TEXT))

    def finish(self):
        kind, missing = self.kind, self.missing
        empty = {"int": np.int64, "float": float, "bool": bool}.get(kind, TEXT)
        out = np.concatenate(self.parts) if self.parts else np.zeros(
            0, dtype=np.int64 if kind in ("code", "day") else empty)
        if kind == "day":   # each distinct date parsed once; -1 (missing) takes the NaT
            distinct = pd.Series(np.array(list(self.seen), dtype=TEXT), dtype=TEXT)
            return np.append(_days(distinct), np.datetime64("NaT"))[out]
        if kind == "code":
            return _categorical(out, list(self.seen), missing)
        if kind == "text" and missing is not None:
            out[pd.isna(out)] = missing
        return out


def _categorical(codes: np.ndarray, values: list, missing) -> pd.Categorical:
    """`coded` from numbered values: missing ones as `missing` (left missing if None),
    categories sorted as `coded` sorts them."""
    if missing is not None and (codes < 0).any():
        if missing not in values:
            values = [*values, missing]
        codes = np.where(codes >= 0, codes, values.index(missing))
    order = sorted(range(len(values)), key=values.__getitem__)
    rank = np.empty(len(values), dtype=np.int64)
    rank[order] = np.arange(len(values))
    codes = np.where(codes >= 0, rank[codes] if len(rank) else codes, -1)
    return pd.Categorical.from_codes(codes, categories=pd.Index(
        np.array([values[k] for k in order], dtype=TEXT), dtype=TEXT))


def decoded(col) -> np.ndarray:
    """A coded column as Python strings, None where missing (one shared object per
    distinct text)."""
    cat = col.array if isinstance(col, pd.Series) else col
    return np.append(cat.categories.to_numpy(dtype=TEXT), None)[cat.codes]


def _columns(chunks, spec: dict) -> dict:
    """The columns of rows given in chunks (see `QUERIES`)."""
    columns = {name: _Column(how) for name, how in spec.items()}
    for rows in chunks:
        for column, values in zip(columns.values(), zip(*rows)):
            column.add(values)
    return {name: column.finish() for name, column in columns.items()}


def _text(col: pd.Series, missing: str = "") -> np.ndarray:
    out = col.to_numpy(dtype=TEXT, na_value=None)
    out = out.copy()
    out[pd.isna(out)] = missing
    return out


def _days(col: pd.Series) -> np.ndarray:
    """ISO dates (text in SQLite, dates elsewhere) as datetime64[D]; NaT when missing."""
    values = pd.Series(col.to_numpy(dtype=TEXT, na_value=None), dtype=TEXT)
    if not len(values):
        return np.zeros(0, dtype="datetime64[D]")
    text = values.dropna()
    iso = text.map(type).eq(str).all() if len(text) else True
    days = pd.to_datetime(values, errors="coerce", format="ISO8601" if iso else None)
    return days.to_numpy().astype("datetime64[D]")


def read(conn) -> Frames:
    """Every table as columns, from a DB-API connection (see `QUERIES`)."""
    return Frames.build({name: _columns(_cursor_rows(conn, sql), spec)
                         for name, (sql, spec) in QUERIES.items()})


# --- the frames -------------------------------------------------------------------------

def group_starts(keys: np.ndarray) -> np.ndarray:
    """Positions where a new run of equal keys starts in a sorted array."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])


def join_runs(owner: np.ndarray, values: np.ndarray, sep: str, owners: np.ndarray
              ) -> np.ndarray:
    """`sep`.join of the values of each owner, in the order given (rows sorted by owner
    or not: the order within an owner is kept), for every owner of `owners` ("" when it
    has none). Vectorised: one pass per rank within an owner, not one per owner."""
    out = np.full(len(owners), "", dtype=TEXT)
    if not len(owner):
        return out
    pos = pd.Index(owners).get_indexer(owner)
    keep = pos >= 0
    pos, values = pos[keep], np.asarray(values, dtype=TEXT)[keep]
    order = np.argsort(pos, kind="stable")
    pos, values = pos[order], values[order]
    starts = group_starts(pos)
    rank = np.arange(len(pos)) - np.repeat(starts, np.diff(np.r_[starts, len(pos)]))
    by_rank = np.argsort(rank, kind="stable")
    rank_sorted = rank[by_rank]
    bounds = np.r_[group_starts(rank_sorted), len(rank_sorted)]
    for k in range(len(bounds) - 1):
        rows = by_rank[bounds[k]:bounds[k + 1]]
        at = pos[rows]
        out[at] = out[at] + sep + values[rows] if k else values[rows]
    return out


@dataclass
class Placed:
    """Where each initiative is, for one département (see `reach.reach`)."""
    inside: pd.Series        # initiative id -> inside the département
    wide: pd.Series          # initiative id -> a département-wide or national place
    pairs: pd.DataFrame      # initiative_id, code (commune), direct (named), arrondissement
    home_place: pd.Series    # initiative id -> its first place's name (nom or query)


@dataclass
class Frames:
    """The store's tables as frames. `initiatives` is indexed by id (sorted) and carries
    what the store's `Initiative` carries beside its places and figures: the latest
    mention's release and excerpt, the contacts of every mention, the first and last
    mention and their count."""
    initiatives: pd.DataFrame
    places: pd.DataFrame
    observations: pd.DataFrame
    mentions: pd.DataFrame
    releases: pd.DataFrame
    memo: dict = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, raw: dict[str, dict]) -> Frames:
        """The frames from the columns `_columns` reads (converted as `QUERIES` says)."""
        inis = raw["initiatives"]
        inis = table({k: inis[k] for k in ("actor", "actor_type", "category", "status")},
                     index=pd.Index(inis["id"], name="id")).sort_index()
        places = raw["places"]
        places = table({
            **{k: places[k] for k in ("initiative_id", "ord")},
            # as Python strings, equal ones sharing one object (most places are communes)
            **{k: decoded(places[k]) for k in ("query", "code", "nom", "level",
                                               "departement")},
            "inside": places["inside"]}
        ).sort_values(["initiative_id", "ord"], ignore_index=True)
        obs = table(raw["observations"])
        # the store's order: by initiative, undated first, then by date and id
        obs = obs.sort_values(["initiative_id", "as_of", "id"], na_position="first",
                              ignore_index=True)
        # one integer per (item, kind, unit), numbered in that sorted order: groups by it
        # are groups by the three texts, in the same order
        keys = obs[["item", "kind", "unit"]]
        distinct = keys.drop_duplicates().sort_values(["item", "kind", "unit"],
                                                      ignore_index=True)
        obs["figure"] = pd.MultiIndex.from_frame(distinct).get_indexer(
            pd.MultiIndex.from_frame(keys)).astype(np.int64) if len(obs) else \
            np.zeros(0, dtype=np.int64)
        rel = raw["releases"]
        rel = table({
            "id": rel["id"], "title": rel["title"],
            "number": pd.to_numeric(pd.Series(rel["number"], dtype=TEXT), errors="coerce"
                                    ).to_numpy(dtype=float),
            "date": rel["date"], "source": rel["source"]})
        # the store's order: dated first by date, then number (missing first), then id
        rel = rel.assign(_undated=pd.isna(rel["date"]),
                         _number=rel["number"].fillna(-np.inf)).sort_values(
            ["_undated", "date", "_number", "id"], ignore_index=True).drop(
            columns=["_undated", "_number"])
        men = table(raw["mentions"])
        men["date"] = pd.Series(rel["date"].to_numpy(), index=rel["id"]).reindex(
            men["release_id"]).to_numpy()
        # the store's order (`sqlite_schema.mentions_of`): undated first, then by date
        men = men.assign(_dated=pd.notna(men["date"])).sort_values(
            ["initiative_id", "_dated", "date", "release_id"], ignore_index=True).drop(
            columns="_dated")
        inis = _with_mentions(inis, men)
        return cls(inis, places, obs, men.drop(columns=["excerpt", "contacts"]), rel)

    # --- releases ---------------------------------------------------------------------

    def release_objects(self) -> list[Release]:
        """The releases in the store's order (few: one object each)."""
        key = "release_objects"
        if key not in self.memo:
            self.memo[key] = [
                Release(title=t, body="", number=None if np.isnan(n) else int(n),
                        date=None if pd.isna(d) else pd.Timestamp(d).date(), source=s, id=i)
                for i, t, n, d, s in zip(self.releases["id"], self.releases["title"],
                                         self.releases["number"], self.releases["date"],
                                         self.releases["source"])]
        return self.memo[key]

    # --- places -------------------------------------------------------------------------

    def placed(self, dep: str) -> Placed:
        key = ("placed", dep)
        if key not in self.memo:
            self.memo[key] = _place(self, dep)
        return self.memo[key]

    # --- filters ------------------------------------------------------------------------

    def select(self, filters: Filters, dep: str, inside_only: bool = False) -> np.ndarray:
        """Ids (sorted) of the initiatives `filters` keeps, as `store.initiatives(filters)`
        would list them; `inside_only`: those inside the département alone."""
        key = ("select", filters, dep, inside_only)
        cache = self.memo.setdefault("selections", OrderedDict())
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
        ids = _select(self, filters, dep)
        if inside_only:
            ids = ids[self.placed(dep).inside.reindex(ids).to_numpy(dtype=bool)]
        cache[key] = ids
        if len(cache) > 32:
            cache.popitem(last=False)
        return ids

    def figures(self, ids: np.ndarray, filters: Filters) -> pd.DataFrame:
        """Figures of the initiatives `ids` whose release and date pass the filters, in
        the store's order, with the initiative's actor and status (`metrics.OBS_COLUMNS`)."""
        return self.figures_at(self.kept(ids, filters))

    def kept(self, ids: np.ndarray, filters: Filters) -> np.ndarray:
        """Positions (ascending) of the figures `figures(ids, filters)` lists."""
        return np.flatnonzero(self._keeps(ids, filters))

    def figures_at(self, rows: np.ndarray) -> pd.DataFrame:
        """`figures` of the observations at positions `rows`, in that order."""
        return self.with_texts(self._with_heads(rows))

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """Rows in `initiatives` of the ids (-1 for an unknown one): a subtraction when
        the ids run without gaps (as a store numbers them), else by bisection."""
        index = self.initiatives.index.to_numpy()
        ids = np.asarray(ids, dtype=np.int64)
        if len(index) and index[-1] - index[0] + 1 == len(index):
            at = ids - index[0]
            return np.where((at >= 0) & (at < len(index)), at, -1)
        at = np.searchsorted(index, ids)
        found = at < len(index)
        found[found] = index[at[found]] == ids[found]
        return np.where(found, at, -1)

    def mask(self, ids: np.ndarray) -> np.ndarray:
        """True on the rows of `initiatives` whose id is among `ids`, and a last False
        (read by the row -1 of an unknown initiative). Not to be altered: the mask of the
        last `ids` asked is kept (one figure asks it several times)."""
        held = self.memo.get("mask")
        if held is not None and held[0] is ids:
            return held[1]
        out = np.zeros(len(self.initiatives) + 1, dtype=bool)
        at = self.rows(ids)
        out[at[at >= 0]] = True
        self.memo["mask"] = (ids, out)
        return out

    def owned(self, ids: np.ndarray, owner: np.ndarray) -> np.ndarray:
        """For rows owned by initiatives (`owner`: their rows in `initiatives`, -1 when
        unknown), whether their initiative is among `ids`: `isin` on integers, on a mask."""
        return self.mask(ids)[owner]

    def pair_owner(self, dep: str) -> np.ndarray:
        """Each reach pair's initiative row (`placed(dep).pairs`), once per data version."""
        key = ("pair_owner", dep)
        if key not in self.memo:
            self.memo[key] = self.rows(self.placed(dep).pairs["initiative_id"].to_numpy())
        return self.memo[key]

    def mention_owner(self) -> np.ndarray:
        """Each mention's initiative row, once per data version."""
        if "mention_owner" not in self.memo:
            self.memo["mention_owner"] = self.rows(self.mentions["initiative_id"].to_numpy())
        return self.memo["mention_owner"]

    def _keeps(self, ids: np.ndarray, filters: Filters) -> np.ndarray:
        obs = self.observations
        keep = self.owned(ids, self.order_plan().owner)
        keep &= keeps_observation(obs["release_id"], obs["as_of"].to_numpy(), filters)
        return keep

    def _with_heads(self, rows: np.ndarray) -> pd.DataFrame:
        """Observations at positions `rows` (index: those positions), their texts left
        out (`with_texts` adds them), with their initiative's status."""
        obs = self.observations
        at = self.order_plan().owner[rows]
        out = {}
        for name in obs.columns:
            if name != "sentence":
                col = obs[name]
                out[name] = col.array.take(rows) if isinstance(
                    col.dtype, pd.CategoricalDtype) else col.to_numpy()[rows]
        out["status"] = self.initiatives["status"].array.take(at)   # coded
        return pd.DataFrame(out, index=pd.Index(rows, dtype=np.int64), copy=False)

    def with_texts(self, obs: pd.DataFrame) -> pd.DataFrame:
        """`obs` (observations at positions `obs.index`) with their sentence (in its place
        among the observations' columns) and their initiative's actor (before `status`)."""
        rows = obs.index.to_numpy()
        out = obs.copy()
        out.insert(out.columns.get_loc("approx") + 1, "sentence",
                   text_column(self.sentences()[rows], obs.index))
        out.insert(out.columns.get_loc("status"), "actor",
                   text_column(self.actors_at(rows), obs.index))
        return out

    def actors_at(self, rows: np.ndarray) -> np.ndarray:
        """The actor of each observation at positions `rows`."""
        return self.initiatives["actor"].to_numpy()[self.order_plan().owner[rows]]

    def sentences(self) -> np.ndarray:
        """Every observation's sentence, in the frames' order."""
        return self.observations["sentence"].to_numpy()

    def figures_of(self, ids: np.ndarray, filters: Filters) -> pd.DataFrame:
        return self.observations[self._keeps(ids, filters)]

    def order_plan(self) -> OrderPlan:
        if "order_plan" not in self.memo:
            self.memo["order_plan"] = OrderPlan.of(self)
        return self.memo["order_plan"]

    def latest(self, ids: np.ndarray, filters: Filters) -> pd.DataFrame:
        """`latest(self.figures(ids, filters))` without the texts (`with_texts` adds them),
        picked on the order worked out once per data version (`OrderPlan`): a mask and
        integer passes, no sort."""
        key = ("latest", filters, ids.tobytes())
        cache = self.memo.setdefault("latest", OrderedDict())
        if key not in cache:
            cache[key] = self._with_heads(self.order_plan().latest(self._keeps(ids, filters)))
            if len(cache) > 8:
                cache.popitem(last=False)
        return cache[key]

    def search_text(self) -> pd.Series:
        """What the search box looks in, per initiative, as `filters._haystack`."""
        if "haystack" not in self.memo:
            self.memo["haystack"] = _haystacks(self)
        return self.memo["haystack"]


@dataclass
class OrderPlan:
    """The order `latest` needs, filter-independent, worked out once per data version:
    `shown` the observations in `latest`'s output order (day, stored before variant,
    value, store order); `grouped` the same positions by (initiative, figure), then
    that order, with `group` numbering the runs; `owner` each observation's row in
    `Frames.initiatives`. The latest figures of any subset (a mask) are then the last
    kept row of each run, listed in `shown` order."""
    shown: np.ndarray
    grouped: np.ndarray
    group: np.ndarray
    owner: np.ndarray

    @classmethod
    def of(cls, fr: Frames) -> OrderPlan:
        obs = fr.observations
        n = len(obs)
        day = obs["as_of"].to_numpy()
        day = np.where(pd.isna(day), NO_DAY, day)
        shown = np.lexsort((np.arange(n), obs["value"].to_numpy(), stated(obs["release_id"]),
                            day))
        rank = np.empty(n, dtype=np.int64)
        rank[shown] = np.arange(n)
        ini, fig = obs["initiative_id"].to_numpy(), obs["figure"].to_numpy()
        grouped = np.lexsort((rank, fig, ini))
        gi, gf = ini[grouped], fig[grouped]
        new = np.r_[True, (gi[1:] != gi[:-1]) | (gf[1:] != gf[:-1])] if n else \
            np.zeros(0, dtype=bool)
        owner = fr.initiatives.index.get_indexer(ini)
        return cls(shown, grouped, np.cumsum(new), owner)

    def latest(self, keep: np.ndarray) -> np.ndarray:
        """Positions of the latest kept observation of each initiative and figure."""
        kept = keep[self.grouped]
        rows, group = self.grouped[kept], self.group[kept]
        last = np.r_[group[1:] != group[:-1], True] if len(group) else kept[:0]
        chosen = np.zeros(len(keep), dtype=bool)
        chosen[rows[last]] = True
        return self.shown[chosen[self.shown]]


def _with_mentions(inis: pd.DataFrame, men: pd.DataFrame) -> pd.DataFrame:
    """The latest mention's release and excerpt, the contacts of every mention (each
    once, in order), the first and the last mention and their count."""
    ids = inis.index.to_numpy()
    owner = men["initiative_id"].to_numpy()
    starts = group_starts(owner)
    ends = np.r_[starts[1:], len(owner)] - 1 if len(starts) else starts
    first, last = pd.Series(starts, index=owner[starts]), pd.Series(ends, index=owner[starts])
    count = pd.Series(ends - starts + 1, index=owner[starts])
    first_at, last_at = first.reindex(ids).to_numpy(), last.reindex(ids).to_numpy()
    has = ~np.isnan(first_at)
    fi, la = first_at[has].astype(np.int64), last_at[has].astype(np.int64)

    def pick(col: str, at: np.ndarray, missing):
        out = np.full(len(ids), missing, dtype=TEXT)
        out[has] = men[col].to_numpy()[at]
        return out

    dates = men["date"].to_numpy()
    first_date = np.full(len(ids), np.datetime64("NaT"), dtype="datetime64[D]")
    last_date = first_date.copy()
    first_date[has], last_date[has] = dates[fi], dates[la]
    # contacts: JSON lists, most of them empty; the others read once per distinct text
    raw = men["contacts"].to_numpy()
    listed = raw != "[]"
    contacts = np.full(len(ids), "", dtype=TEXT)
    if listed.any():
        parsed = {t: json.loads(t) for t in pd.unique(raw[listed])}
        lists = pd.Series(raw[listed], index=owner[listed], dtype=TEXT).map(parsed).explode()
        lists = lists[lists.notna()]
        frame = table({"owner": lists.index.to_numpy(),
                       "contact": lists.to_numpy(dtype=TEXT)}).drop_duplicates()
        contacts = join_runs(frame["owner"].to_numpy(), frame["contact"].to_numpy(),
                             CONTACT_SEP, ids)
    out = inis.copy()
    for name, values in (("release_id", pick("release_id", la, "")),
                         ("excerpt", pick("excerpt", la, "")), ("contacts", contacts),
                         ("first_release", pick("release_id", fi, "")),
                         ("last_release", pick("release_id", la, ""))):
        out[name] = text_column(values, out.index)
    out["first_date"], out["last_date"] = first_date, last_date
    out["releases"] = count.reindex(ids).fillna(0).to_numpy(dtype=np.int64)
    return out


def contacts_list(joined: str) -> list[str]:
    return joined.split(CONTACT_SEP) if joined else []


def among(col, values) -> np.ndarray:
    """`col` in `values`: on the codes of a coded column, else by hashing."""
    if isinstance(getattr(col, "dtype", None), pd.CategoricalDtype):
        return pd.Series(col).isin(list(values)).to_numpy(dtype=bool)
    return isin(col.to_numpy() if isinstance(col, pd.Series) else col, list(values))


def keeps_observation(release_ids, days: np.ndarray, filters: Filters) -> np.ndarray:
    """`Filters.keeps_observation` over arrays (`release_ids`: array or coded column)."""
    keep = np.ones(len(release_ids), dtype=bool)
    if filters.releases:
        keep &= among(release_ids, filters.releases)
    if filters.date_from:
        keep &= days >= np.datetime64(filters.date_from)   # NaT compares False
    if filters.date_to:
        keep &= days <= np.datetime64(filters.date_to)
    return keep


def stated(release_ids) -> np.ndarray:
    """1 for a figure of a release as stored, 0 for one of a variant (another text
    claiming its number and date, to be checked): on the same day the stored release's
    figure is the latest, whatever the variant says. Each distinct id is matched once."""
    ids = release_ids if isinstance(release_ids, pd.Series) else pd.Series(
        np.asarray(release_ids, dtype=TEXT), dtype=TEXT)
    if not isinstance(ids.dtype, pd.CategoricalDtype):
        ids = ids.astype("category")
    names = pd.Series(ids.cat.categories.to_numpy(dtype=TEXT), dtype=TEXT)
    variant = names.str.fullmatch(VARIANT_ID.pattern).to_numpy(dtype=bool)
    codes = ids.cat.codes.to_numpy()
    out = np.ones(len(codes), dtype=np.int8)   # missing: as stored
    known = codes >= 0
    out[known] = ~variant[codes[known]]
    return out


def latest(obs: pd.DataFrame) -> pd.DataFrame:
    """Per initiative, item, kind and unit the latest figure (undated counts as oldest;
    on the same day a stored release's before a variant's (`stated`), then the larger
    value, then the later one in the store's order); rows in the order `metrics.latest`
    gives them."""
    if obs.empty:
        return obs
    day = obs["as_of"].to_numpy()
    day = np.where(pd.isna(day), NO_DAY, day)
    rank = np.arange(len(obs))
    official = stated(obs["release_id"]) if "release_id" in obs else np.ones(len(obs))
    order = np.lexsort((rank, obs["value"].to_numpy(), official, day))
    ordered = obs.iloc[order]
    keys = ["initiative_id", "figure"] if "figure" in ordered else [
        "initiative_id", "item", "kind", "unit"]
    last = ~ordered.duplicated(keys, keep="last")
    return ordered[last.to_numpy()]


def _place(fr: Frames, dep: str) -> Placed:
    communes = commune_table(dep)
    ids = fr.initiatives.index
    p = fr.places
    dep_col = p["departement"].to_numpy()
    has_dep = pd.notna(dep_col) & (dep_col != "")
    inside = np.where(has_dep, dep_col == dep, p["inside"].to_numpy())
    owner = p["initiative_id"].to_numpy()
    any_inside = pd.Series(inside, index=owner).groupby(level=0).any()
    ini_inside = any_inside.reindex(ids, fill_value=True)   # no place: inside
    code = p["code"].to_numpy()
    level = p["level"].to_numpy()
    coded = pd.notna(code) & (code != "") & inside
    is_wide = isin(level, list(WIDE_LEVELS))
    is_territory = isin(level, list(TERRITORY_LEVELS))
    wide_place = (coded & is_wide) | (~coded & (level == "national"))
    wide = pd.Series(wide_place, index=owner).groupby(level=0).any().reindex(
        ids, fill_value=False)
    # the communes of each distinct (level, code), then every (initiative, commune)
    reach_level = np.where(is_territory, level, "commune")
    sel = coded & ~is_wide
    keys = table({"initiative_id": owner[sel], "level": reach_level[sel].astype(TEXT),
                  "code": code[sel].astype(str).astype(TEXT)})
    distinct = keys[["level", "code"]].drop_duplicates()
    # a commune of the table is itself; former communes and territories are looked up
    plain = (distinct["level"] == "commune").to_numpy() & distinct["code"].isin(
        communes.index).to_numpy()
    looked = distinct[~plain]
    expanded = [(lv, c, com) for lv, c in zip(looked["level"], looked["code"])
                for com in _communes_of(lv, c, dep)]
    members = pd.concat([distinct[plain].assign(commune=distinct.loc[plain, "code"]),
                         pd.DataFrame(expanded, columns=["level", "code", "commune"])],
                        ignore_index=True)
    pairs = keys.merge(members, on=["level", "code"])
    pairs = table({"initiative_id": pairs["initiative_id"].to_numpy(dtype=np.int64),
                          "code": pairs["commune"].to_numpy(dtype=TEXT),
                          "direct": (pairs["level"] == "commune").to_numpy()})
    # a commune named and also in a cited territory is named
    pairs = pairs.sort_values(["initiative_id", "code", "direct"], ascending=[True, True, False]
                              ).drop_duplicates(["initiative_id", "code"]).reset_index(drop=True)
    # the commune's row in `commune_table(dep)`: counts and coverage add integers
    pairs["commune"] = communes.index.get_indexer(pairs["code"].to_numpy(dtype=TEXT))
    arr = communes["arrondissement"].to_numpy(dtype=TEXT)
    pairs["arrondissement"] = text_column(np.where(pairs["commune"] >= 0, arr[pairs[
        "commune"].to_numpy()], np.nan), pairs.index)
    names = np.where(pd.notna(p["nom"].to_numpy()) & (p["nom"].to_numpy() != ""),
                     p["nom"].to_numpy(), p["query"].to_numpy())
    named_place = pd.Series(names, index=owner, dtype=TEXT)
    named_place = named_place[named_place.astype(bool).to_numpy()]
    home = named_place[~named_place.index.duplicated()].reindex(ids, fill_value="")
    return Placed(ini_inside.astype(bool), wide.astype(bool), pairs, home)


def _select(fr: Frames, filters: Filters, dep: str) -> np.ndarray:
    inis = fr.initiatives
    keep = np.ones(len(inis), dtype=bool)
    for column, values in (("status", filters.statuses), ("category", filters.categories),
                           ("actor_type", filters.actor_types)):
        if values:
            keep &= among(inis[column], values)
    ids = inis.index.to_numpy()
    men = fr.mentions
    if filters.releases:
        cited = men.loc[among(men["release_id"], filters.releases),
                        "initiative_id"]
        keep &= isin(ids, cited.to_numpy())
    if filters.date_from or filters.date_to:
        low = np.datetime64(filters.date_from or date(1, 1, 1))
        high = np.datetime64(filters.date_to or date(9999, 12, 31))
        md, od = men["date"].to_numpy(), fr.observations["as_of"].to_numpy()
        dated = np.r_[men["initiative_id"].to_numpy()[(md >= low) & (md <= high)],
                      fr.observations["initiative_id"].to_numpy()[(od >= low) & (od <= high)]]
        keep &= isin(ids, dated)
    if filters.reviewed_only:
        keep &= (inis["status"] == REVIEWED).to_numpy(dtype=bool)
    needs_place = filters.inside != "all" or filters.arrondissements
    if needs_place:
        placed = fr.placed(dep)
        if filters.inside != "all":
            keep &= placed.inside.to_numpy() == (filters.inside == "inside")
        if filters.arrondissements:
            pairs = placed.pairs
            arr = commune_table(dep)["arrondissement"].isin(filters.arrondissements).to_numpy()
            com = pairs["commune"].to_numpy()
            hit = pairs.loc[(com >= 0) & arr[com], "initiative_id"]
            keep &= isin(ids, hit.to_numpy())
    needle = normalise_key(filters.search)
    if needle:
        hay = fr.search_text().to_numpy()
        keep &= pd.Series(hay, dtype=TEXT).str.contains(f" {needle}", regex=False).to_numpy(
            dtype=bool)
    return ids[keep]


def normalised(texts) -> np.ndarray:
    """`model.normalise_key` of each text (each distinct text worked out once)."""
    s = pd.Series(np.asarray(texts, dtype=TEXT), dtype=TEXT)
    uniq = pd.unique(s)
    mapped = dict(zip(uniq, (normalise_key(t) for t in uniq)))
    return s.map(mapped).to_numpy(dtype=TEXT)


def _haystacks(fr: Frames) -> pd.Series:
    """" " + normalise_key(actor, excerpt, category, actor type, contacts, place queries,
    place names) + " ", joined in that order (each part normalised alone: the same text,
    since a normalised join only collapses the spaces between parts)."""
    inis, ids = fr.initiatives, fr.initiatives.index.to_numpy()
    p = fr.places
    owner = np.r_[ids, ids, ids, ids]
    texts = np.r_[inis["actor"].to_numpy(), inis["excerpt"].to_numpy(),
                  inis["category"].to_numpy(), inis["actor_type"].to_numpy()]
    contacts = inis["contacts"].str.split(CONTACT_SEP).explode()
    contacts = contacts[contacts.notna() & (contacts != "")]
    owner = np.r_[owner[:len(ids) * 4], contacts.index.to_numpy(),
                  p["initiative_id"].to_numpy(), p["initiative_id"].to_numpy()]
    texts = np.r_[texts, contacts.to_numpy(dtype=TEXT), _text(p["query"]), _text(p["nom"])]
    # order: the parts of one initiative in the order above
    part = np.r_[np.zeros(len(ids) * 4, dtype=np.int64) + np.repeat(np.arange(4), len(ids)),
                 np.full(len(contacts), 4), np.full(len(p), 5), np.full(len(p), 6)]
    order = np.lexsort((np.arange(len(owner)), part, owner))
    words = normalised(texts[order])
    kept = words != ""
    joined = join_runs(owner[order][kept], words[kept], " ", ids)
    return pd.Series(" " + joined + " ", index=ids, dtype=TEXT)


def kind_rank(kinds: np.ndarray) -> np.ndarray:
    """`metrics.kind_order` over an array."""
    order = {k: i for i, k in enumerate(KINDS)}
    return pd.Series(kinds, dtype=TEXT).map(order).fillna(len(KINDS)).to_numpy(dtype=np.int64)


def as_dates(days: np.ndarray) -> np.ndarray:
    """datetime64 days as `date` objects (None when missing)."""
    out = np.full(len(days), None, dtype=TEXT)
    ok = pd.notna(days)
    if ok.any():
        out[ok] = pd.DatetimeIndex(days[ok]).date
    return out


# --- cache per store and data version --------------------------------------------------

_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def cached(store, key, build):
    """`build()` once per store, data version and key (see `frames_of`): recomputed when
    the store's `data_version()` changes. A store without a tuple token is not cached."""
    version = getattr(store, "data_version", None)
    token = version() if callable(version) else None
    if not isinstance(token, tuple):
        return build()
    try:
        held = _CACHE.get(store)
    except TypeError:   # not weakly referenceable
        return build()
    if held is None or held[0] != token:
        held = (token, {})
        _CACHE[store] = held
    if key not in held[1]:
        held[1][key] = build()
    return held[1][key]


def frames_of(store) -> Frames:
    """The store's frames (`store.frames()`), read once per data version; a store
    without `frames` is read through its `initiatives`, `mentions` and `releases`."""
    own = getattr(store, "frames", None)
    return cached(store, "frames", own if callable(own) else lambda: from_objects(store))


def from_objects(store) -> Frames:
    """Frames built from a store's objects (a back end without a columnar read)."""
    inis = store.initiatives(Filters(statuses=()))
    rows = {
        "initiatives": [(i.id, i.actor, i.actor_type, i.category, i.status) for i in inis],
        "places": [(i.id, k, p.query, p.code, p.nom, p.level, p.departement,
                    int(bool(p.inside))) for i in inis for k, p in enumerate(i.places)],
        "observations": [
            (n, i.id, q.release_id or None, q.as_of.isoformat() if q.as_of else None, q.item,
             float(q.value), q.unit, q.kind, int(bool(q.approx)), q.sentence, q.reason or "")
            for i in inis for n, q in enumerate(i.quantities)],
        "mentions": [(m.initiative_id, m.release_id or None, m.excerpt,
                      json.dumps(m.contacts, ensure_ascii=False)) for m in store.mentions()],
        "releases": [(r.id, r.title, r.number, r.date.isoformat() if r.date else None,
                      r.source) for r in store.releases()],
    }
    return Frames.build({name: _columns([rows[name]] if rows[name] else [], spec)
                         for name, (_, spec) in QUERIES.items()})
