"""Coverage gaps: where no reported initiative reaches, and whom to call there.

A commune is covered when an initiative is placed in it (`direct`) or on a
territory that contains it (`via_territory`, dropped with `commune_only`).
Département-wide and national schemes reach nobody in particular: they are
listed apart (`schemes`) and never make a commune covered. Distances are taken
in Lambert-93 between commune points (town hall, or an interior point).

Coverage is said plainly: a commune *named* by an initiative is not the same as a
commune reached only because its territory was mentioned ("dans le calaisis").
Each unit carries both apart (`communes_named`, `communes_territory` and their
populations) and its shares of named communes and of their population; `weakest_first`
ranks units on those shares.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import geopandas as gpd
import numpy as np
import pandas as pd

import config
from geo.levels import check
from geo.reference import LAMBERT93
from initiatives.filters import TO_REVIEW, Filters
from initiatives.frames import frames_of, group_starts, isin, join_runs
from initiatives.metrics import situation_date, sources
from initiatives.model import CATEGORIES
from initiatives.reach import commune_table
from initiatives.store import Store

UNIT_COLUMN = {"commune": "code", "epci": "epci", "arrondissement": "arrondissement"}
UNIT_COLUMNS = ["code", "nom", "population", "covered", "direct", "via_territory",
                "initiatives", "per_10k", "nearest_km", "nearest_nom",
                "population_covered", "share_population_covered",
                # named communes vs communes reached only through a territory, apart
                "communes", "communes_named", "communes_territory", "population_named",
                "population_territory", "share_communes_named", "share_population_named",
                "named_per_10k", "direct_to_review"]
CALL_COLUMNS = ["code", "nom", "population", "arrondissement_nom", "epci_nom",
                "mairie_adresse", "mairie_telephone", "mairie_email", "mairie_site",
                "nearest_km", "nearest_nom"]


@dataclass
class Gaps:
    level: str
    category: str | None
    commune_only: bool
    units: pd.DataFrame          # UNIT_COLUMNS, one row per unit of the level
    communes: pd.DataFrame       # the same at commune level (population figures come from it)
    by_category: pd.DataFrame    # units × CATEGORIES: initiatives reaching each unit
    reaching: Mapping[str, list[int]] = field(default_factory=dict)  # unit → initiative ids
    schemes: list[dict] = field(default_factory=list)    # département-wide or national
    unplaced: list[dict] = field(default_factory=list)   # inside, but with no usable place
    initiatives: int = 0         # initiatives selected (filters and category), apart included
    as_of: date | None = None    # situation date: latest release cited by the filters

    @property
    def uncovered(self) -> pd.DataFrame:
        """Units no initiative reaches, the most populated first."""
        return _largest_first(self.units[~self.units["covered"]])

    @property
    def uncovered_communes(self) -> pd.DataFrame:
        """Communes no initiative reaches, whatever the level shown."""
        return _largest_first(self.communes[~self.communes["covered"]])

    @property
    def covered(self) -> int:
        return int(self.units["covered"].sum())

    @property
    def total(self) -> int:
        return len(self.units)

    @property
    def population(self) -> int:
        return int(self.communes["population"].sum())

    @property
    def population_covered(self) -> int:
        """People living in a covered commune, whatever the level shown."""
        com = self.communes
        return int(com.loc[com["covered"], "population"].sum())

    @property
    def share_population_covered(self) -> float:
        """Share of the population living in a covered commune (0 to 1)."""
        return self.population_covered / self.population if self.population else 0.0

    @property
    def population_uncovered(self) -> int:
        return self.population - self.population_covered

    @property
    def communes_covered(self) -> int:
        return int(self.communes["covered"].sum())

    @property
    def communes_named(self) -> int:
        """Communes named as the place of at least one initiative."""
        return int(self.communes["communes_named"].sum())

    @property
    def communes_named_to_review(self) -> int:
        """Named communes whose every naming initiative is still to review."""
        com = self.communes
        return int(((com["direct"] > 0) & (com["direct"] == com["direct_to_review"])).sum())

    @property
    def communes_territory(self) -> int:
        """Communes reached only through a territory-wide mention (none names them)."""
        return int(self.communes["communes_territory"].sum())

    @property
    def population_named(self) -> int:
        return int(self.communes["population_named"].sum())

    @property
    def population_territory(self) -> int:
        return int(self.communes["population_territory"].sum())

    @property
    def share_population_named(self) -> float:
        return self.population_named / self.population if self.population else 0.0

    def to_dict(self, top: int | None = 20) -> dict:
        """What `python -m initiatives gaps` prints."""
        rows = self.uncovered if top is None else self.uncovered.head(top)
        return {"level": self.level, "category": self.category, "commune_only": self.commune_only,
                "covered": self.covered, "total": self.total,
                "population_covered": self.population_covered,
                "population_uncovered": self.population_uncovered,
                "uncovered": [{"code": r.code, "nom": r.nom, "population": int(r.population),
                               "nearest_km": None if pd.isna(r.nearest_km)
                               else round(float(r.nearest_km), 1)}
                              for r in rows.itertuples()],
                "schemes": [{"actor": s["actor"], "scope": s["scope"]} for s in self.schemes]}


def _largest_first(units: pd.DataFrame) -> pd.DataFrame:
    return units.sort_values(["population", "code"], ascending=[False, True],
                             ignore_index=True)


@lru_cache(maxsize=8)
def commune_points(dep: str) -> pd.DataFrame:
    """x, y (metres, Lambert-93) of each commune's point, indexed by code."""
    table = commune_table(dep)
    pts = gpd.GeoSeries(gpd.points_from_xy(table["lon"], table["lat"]), crs="EPSG:4326")
    pts = pts.to_crs(LAMBERT93)
    return pd.DataFrame({"x": pts.x.to_numpy(), "y": pts.y.to_numpy()}, index=table.index)


def nearest(points: pd.DataFrame, covered: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Distance (km) from each point to the nearest covered one (0 when covered), and
    the code of that covered point; NaN and None when nothing is covered."""
    targets = points[covered.reindex(points.index, fill_value=False).to_numpy()]
    if targets.empty:
        return (pd.Series(np.nan, index=points.index),
                pd.Series(None, index=points.index, dtype=object))
    # 887 × (covered) distances: a dense matrix is small and faster than a tree here
    dx = points["x"].to_numpy()[:, None] - targets["x"].to_numpy()[None, :]
    dy = points["y"].to_numpy()[:, None] - targets["y"].to_numpy()[None, :]
    dist = np.hypot(dx, dy)
    best = dist.argmin(axis=1)
    km = pd.Series(dist[np.arange(len(points)), best] / 1000, index=points.index)
    return km, pd.Series(targets.index[best], index=points.index)


def _apart(fr, ids: np.ndarray, scopes: np.ndarray) -> list[dict]:
    """`{"id", "actor", "category", "scope", "places"}` of initiatives listed apart."""
    if not len(ids):
        return []
    rows = fr.rows(ids)
    inis = fr.initiatives
    p = fr.places
    sel = isin(p["initiative_id"].to_numpy(), ids)
    label = _labels(fr)
    places = join_runs(p["initiative_id"].to_numpy()[sel], label[sel], ", ", ids)
    # the records `DataFrame.to_dict("records")` gave, built at once
    return [{"id": i, "actor": a, "category": c, "scope": s, "places": t}
            for i, a, c, s, t in zip(
                np.asarray(ids).tolist(), inis["actor"].to_numpy()[rows].tolist(),
                inis["category"].array.take(rows).to_numpy(dtype=object).tolist(),
                np.asarray(scopes).tolist(), places.tolist())]


def _labels(fr) -> np.ndarray:
    """Each place's label (its name, else what the release said), once per version."""
    if "place_labels" not in fr.memo:
        p = fr.places
        nom = p["nom"].to_numpy()
        fr.memo["place_labels"] = np.where(pd.notna(nom) & (nom != ""), nom,
                                           p["query"].to_numpy())
    return fr.memo["place_labels"]


def _nationals(fr) -> np.ndarray:
    """Ids of the initiatives with a national place, once per data version."""
    if "nationals" not in fr.memo:
        p = fr.places
        fr.memo["nationals"] = p.loc[(p["level"] == "national").to_numpy(),
                                     "initiative_id"].to_numpy()
    return fr.memo["nationals"]


def _select(store: Store, filters: Filters, category: str | None, dep: str):
    if category is not None and category not in CATEGORIES:
        raise ValueError(f"Catégorie inconnue : {category}")
    fr = frames_of(store)
    ids = fr.select(filters, dep)
    if category is not None:
        ids = ids[fr.initiatives.loc[ids, "category"].to_numpy() == category]
    return fr, ids


class OwnerLists(Mapping):
    """unit -> sorted list of the initiative ids reaching it (`_lists`), worked out on
    first read: at 10^6 initiatives that is a million Python ints, and pages read it
    for one unit at most."""

    def __init__(self, owner: np.ndarray, key: np.ndarray,
                 names: np.ndarray | None = None) -> None:
        self._args: tuple | None = (owner, key, names)
        self._dict: dict = {}

    def _lists(self) -> dict:
        if self._args is not None:
            self._dict, self._args = _lists(*self._args), None
        return self._dict

    def __getitem__(self, key):
        return self._lists()[key]

    def __iter__(self):
        return iter(self._lists())

    def __len__(self) -> int:
        return len(self._lists())

    def __eq__(self, other) -> bool:
        if isinstance(other, OwnerLists):
            other = other._lists()
        return self._lists() == other if isinstance(other, dict) else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self._lists())


def _lists(owner: np.ndarray, key: np.ndarray, names: np.ndarray | None = None) -> dict:
    """key -> sorted list of the owners paired with it; with `names`, `key` holds
    integers sorted as the names they stand for, and the dict is keyed by name."""
    if not len(key):
        return {}
    if key.dtype.kind not in "iu":   # texts: their ranks, named at the end
        key, names = pd.factorize(key, sort=True)
    # sorted by key then owner: one sort of one integer (a lexsort is several times slower)
    owner = np.asarray(owner, dtype=np.int64)
    low, span = int(owner.min()), int(owner.max() - owner.min()) + 1
    both = np.sort(key.astype(np.int64) * span + (owner - low))
    key, owner = both // span, both % span + low
    starts = group_starts(key)   # on the integers, before naming them
    first = key[starts] if names is None else names[key[starts]]
    owners = owner.tolist()
    ends = np.r_[starts[1:], len(owners)].tolist()
    return dict(zip(first.tolist(), (owners[a:b] for a, b in zip(starts.tolist(), ends))))


def gaps(store: Store, filters: Filters | None = None, category: str | None = None,
         level: str = "commune", commune_only: bool = False, dep: str | None = None) -> Gaps:
    """Coverage of the département's units by the filtered initiatives of `category`.

    With arrondissements chosen in the filters, only their units are listed.
    """
    check(level)
    dep, filters = dep or config.departement(), filters or Filters()
    table = commune_table(dep)
    fr, selected = _select(store, filters, category, dep)
    placed = fr.placed(dep)
    pair_owner = fr.pair_owner(dep)
    kept = fr.owned(selected, pair_owner)
    # initiatives reaching no commune: département-wide or national schemes (inside),
    # inside with no usable place, or outside the département (not listed)
    rows = fr.rows(selected)
    reaching = _has_pairs(fr, dep)   # a selected initiative's pairs are all kept
    alone_rows = rows[~reaching[rows]]
    alone = selected[~reaching[rows]]
    inside = placed.inside.to_numpy(dtype=bool)[alone_rows]
    wide = placed.wide.to_numpy(dtype=bool)[alone_rows]
    national = isin(alone, _nationals(fr))
    scheme = wide & inside
    schemes = _apart(fr, alone[scheme], np.where(national[scheme], "national", "département"))
    unplaced = _apart(fr, alone[~wide & inside],
                      np.full(int((~wide & inside).sum()), "non localisé", dtype=object))
    # the pairs counted, taken from the columns once (no frame copied per step)
    every = placed.pairs
    direct_all = every["direct"].to_numpy()
    if commune_only:
        kept = kept & direct_all
    kept &= every["commune"].to_numpy() >= 0   # a commune off the table counts nowhere
    at = np.flatnonzero(kept)
    owner_rows = pair_owner[at]
    status = fr.initiatives["status"].array
    to_review = status.categories.get_indexer([TO_REVIEW])[0]
    pending = (status.codes[owner_rows] == to_review) if to_review >= 0 else \
        np.zeros(len(at), dtype=bool)
    owner = every["initiative_id"].to_numpy()[at]
    by_rows = level == "commune" and table.index.is_monotonic_increasing and isinstance(
        fr.initiatives["category"].dtype, pd.CategoricalDtype)
    # the codes as texts only where rows do not do (a take of millions of objects)
    code = None if by_rows else every["code"].to_numpy()[at]
    direct = direct_all[at]

    com = table[["nom", "population", "epci", "arrondissement"]].copy()
    row = every["commune"].to_numpy()[at]   # the commune's row in the table
    com["direct"] = _count(row[direct], len(com))
    com["direct_to_review"] = _count(row[direct & pending], len(com))
    com["via_territory"] = _count(row[~direct], len(com))
    com["covered"] = (com["direct"] + com["via_territory"]) > 0
    # nearest help is looked for everywhere, even across a filtered-out arrondissement
    com["nearest_km"], nearest_code = nearest(commune_points(dep), com["covered"])
    com["nearest_nom"] = nearest_code.map(table["nom"])
    if filters.arrondissements:
        com = com[com["arrondissement"].isin(filters.arrondissements)]
        shown = table.index.isin(com.index)[row]
        owner, direct, row = owner[shown], direct[shown], row[shown]
        owner_rows, pending = owner_rows[shown], pending[shown]
        code = None if code is None else code[shown]

    communes = _commune_units(com)
    if level == "commune":
        units = communes
        reached = (OwnerLists(owner, row, table.index.to_numpy())
                   if table.index.is_monotonic_increasing else OwnerLists(owner, code))
    else:
        unit = com[UNIT_COLUMN[level]].reindex(code).to_numpy(dtype=object)
        units, reached = _group(com, level, owner, unit, direct, table, pending)
    category_of = fr.initiatives["category"]
    by_category = _by_category(units["code"], owner, code if level == "commune" else unit,
                               category_of,
                               (row, table.index, owner_rows) if level == "commune" else None)
    return Gaps(level, category, commune_only, units, communes, by_category, reached,
                schemes, unplaced, len(selected), situation_date(sources(store, filters, dep)))


def _has_pairs(fr, dep: str) -> np.ndarray:
    """Per initiative row, whether it has a reach pair (once per data version)."""
    key = ("has_pairs", dep)
    if key not in fr.memo:
        fr.memo[key] = np.bincount(fr.pair_owner(dep)[fr.pair_owner(dep) >= 0],
                                   minlength=len(fr.initiatives)) > 0
    return fr.memo[key]


def _count(rows: np.ndarray, n: int) -> np.ndarray:
    """How many times each of the table's `n` rows occurs in `rows`."""
    return np.bincount(rows, minlength=n).astype(np.int64)


def _per_10k(units: pd.DataFrame) -> pd.Series:
    pop = units["population"].where(units["population"] > 0)
    return (units["initiatives"] / pop * 10_000).fillna(0.0).round(3)


def _named_shares(units: pd.DataFrame) -> pd.DataFrame:
    """Shares of named communes and of their population, named initiatives per 10 000."""
    pop = units["population"].where(units["population"] > 0)
    units["share_communes_named"] = (units["communes_named"]
                                     / units["communes"].where(units["communes"] > 0)
                                     ).fillna(0.0).round(4)
    units["share_population_named"] = (units["population_named"] / pop).fillna(0.0).round(4)
    units["named_per_10k"] = (units["direct"] / pop * 10_000).fillna(0.0).round(3)
    return units


def _commune_units(com: pd.DataFrame) -> pd.DataFrame:
    out = com.reset_index().rename(columns={"index": "code"})
    out["initiatives"] = out["direct"] + out["via_territory"]
    out["per_10k"] = _per_10k(out)
    out["population_covered"] = out["population"].where(out["covered"], 0)
    out["share_population_covered"] = out["covered"].astype(float)
    named = out["direct"] > 0
    only_territory = ~named & (out["via_territory"] > 0)
    out["communes"] = 1
    out["communes_named"] = named.astype(int)
    out["communes_territory"] = only_territory.astype(int)
    out["population_named"] = out["population"].where(named, 0)
    out["population_territory"] = out["population"].where(only_territory, 0)
    return _named_shares(out)[UNIT_COLUMNS].sort_values("code", ignore_index=True)


def weakest_first(units: pd.DataFrame) -> pd.DataFrame:
    """Units ranked from the least to the best covered: share of the population living
    in a named commune, then share of named communes, then named initiatives per
    10 000 inhabitants; the most populated first among equals."""
    return units.sort_values(
        ["share_population_named", "share_communes_named", "named_per_10k", "population",
         "code"], ascending=[True, True, True, False, True], ignore_index=True)


def _group(com: pd.DataFrame, level: str, owner: np.ndarray, unit: np.ndarray,
           direct: np.ndarray, table: pd.DataFrame, pending: np.ndarray):
    """EPCI or arrondissement units: covered when one initiative reaches any commune.
    An initiative naming a commune of the unit counts as named there; one reaching it
    only through a territory, as via a territory."""
    col = UNIT_COLUMN[level]
    names = table.groupby(col)[f"{col}_nom"].first()
    links = pd.DataFrame({"unit": pd.Series(unit, dtype=object), "owner": owner,
                          "direct": direct, "pending": pending})
    per = links.groupby(["unit", "owner"]).agg(direct=("direct", "any"),
                                               pending=("pending", "first")).reset_index()
    named = per[per["direct"]].groupby("unit").agg(direct=("owner", "size"),
                                                  direct_to_review=("pending", "sum"))
    via = per[~per["direct"]].groupby("unit").size()
    total = per.groupby("unit").size()
    part = com.assign(
        _named=com["direct"] > 0,
        _pop_covered=com["population"].where(com["covered"], 0))
    part["_only_territory"] = ~part["_named"] & (part["via_territory"] > 0)
    part["_pop_named"] = part["population"].where(part["_named"], 0)
    part["_pop_territory"] = part["population"].where(part["_only_territory"], 0)
    grouped = part.groupby(col, sort=True)
    pop = grouped["population"].sum()
    first_min = part.loc[part["nearest_km"].notna()].groupby(col)["nearest_km"].idxmin()
    units = pd.DataFrame({
        "code": pop.index.to_numpy(), "nom": names.reindex(pop.index).to_numpy(),
        "population": pop.to_numpy(dtype=np.int64)})
    codes = units["code"]
    units["direct"] = named["direct"].reindex(codes, fill_value=0).to_numpy(dtype=np.int64)
    units["via_territory"] = via.reindex(codes, fill_value=0).to_numpy(dtype=np.int64)
    units["initiatives"] = total.reindex(codes, fill_value=0).to_numpy(dtype=np.int64)
    units["covered"] = units["initiatives"] > 0
    covered_any = grouped["covered"].any().reindex(codes).to_numpy()
    units["nearest_km"] = np.where(covered_any, 0.0,
                                   grouped["nearest_km"].min().reindex(codes).to_numpy())
    units["nearest_nom"] = [com.at[i, "nearest_nom"] if isinstance(i, str) else None
                            for i in first_min.reindex(codes).to_numpy(dtype=object)]
    covered_pop = grouped["_pop_covered"].sum().reindex(codes).to_numpy(dtype=np.int64)
    units["population_covered"] = covered_pop
    pop_v = units["population"].to_numpy()
    units["share_population_covered"] = np.where(pop_v > 0, covered_pop / np.where(
        pop_v > 0, pop_v, 1), 0.0)
    units["communes"] = grouped.size().reindex(codes).to_numpy(dtype=np.int64)
    units["communes_named"] = grouped["_named"].sum().reindex(codes).to_numpy(dtype=np.int64)
    units["communes_territory"] = grouped["_only_territory"].sum().reindex(codes).to_numpy(
        dtype=np.int64)
    units["population_named"] = grouped["_pop_named"].sum().reindex(codes).to_numpy(
        dtype=np.int64)
    units["population_territory"] = grouped["_pop_territory"].sum().reindex(codes).to_numpy(
        dtype=np.int64)
    units["direct_to_review"] = named["direct_to_review"].reindex(
        codes, fill_value=0).to_numpy(dtype=np.int64)
    units = units[[c for c in UNIT_COLUMNS if c not in (
        "per_10k", "share_communes_named", "share_population_named", "named_per_10k")]]
    units["per_10k"] = _per_10k(units)
    return _named_shares(units)[UNIT_COLUMNS], OwnerLists(per["owner"].to_numpy(),
                                                      per["unit"].to_numpy(dtype=object))


def _by_category(codes: pd.Series, owner: np.ndarray, unit: np.ndarray,
                 category_of: pd.Series, rows: tuple | None = None) -> pd.DataFrame:
    """Initiatives reaching each unit, by category; with `rows` (communes: their rows
    in the table, its index, and the initiatives' rows in `category_of`; each pair
    (initiative, commune) is listed once) counted on integers."""
    if rows is not None and isinstance(category_of.dtype, pd.CategoricalDtype):
        return _by_category_rows(codes, owner, *rows, category_of)
    pairs = pd.DataFrame({"code": pd.Series(unit, dtype=object), "owner": owner}
                         ).drop_duplicates()
    pairs["category"] = category_of.reindex(pairs["owner"].to_numpy()).to_numpy(dtype=object)
    counts = pairs.groupby(["code", "category"]).size().unstack(fill_value=0)
    return counts.reindex(index=pd.Index(codes, name="code"), columns=list(CATEGORIES),
                          fill_value=0).astype(int)


def _by_category_rows(codes: pd.Series, owner: np.ndarray, row: np.ndarray,
                      table_codes: pd.Index, at: np.ndarray,
                      category_of: pd.Series) -> pd.DataFrame:
    column = category_of.array
    cat_of = pd.Index(CATEGORIES).get_indexer(column.categories)
    cat = cat_of[column.codes[at]] if len(at) else at
    n, k = len(table_codes), len(CATEGORIES)
    if (cat_of >= 0).all():   # every category known (as always): no mask to apply
        cells = np.bincount(row * k + cat, minlength=n * k).reshape(n, k)
    else:
        known = cat >= 0
        cells = np.bincount(row[known] * k + cat[known], minlength=n * k).reshape(n, k)
    return pd.DataFrame(cells[table_codes.get_indexer(codes)].astype(int),
                        index=pd.Index(codes, name="code"),
                        columns=pd.Index(list(CATEGORIES), name="category"))


def call_list(store: Store, filters: Filters | None = None, category: str | None = None,
              dep: str | None = None, commune_only: bool = False) -> pd.DataFrame:
    """Uncovered communes with their town hall's contacts, the most populated first."""
    dep = dep or config.departement()
    return calls_of(gaps(store, filters, category, "commune", commune_only, dep), dep)


def calls_of(g: Gaps, dep: str | None = None) -> pd.DataFrame:
    """The call list of an already computed coverage (any level: its communes)."""
    contacts = commune_table(dep or config.departement()).drop(columns=["nom", "population"])
    out = g.uncovered_communes[["code", "nom", "population", "nearest_km", "nearest_nom"]]
    return out.join(contacts, on="code")[CALL_COLUMNS].reset_index(drop=True)
