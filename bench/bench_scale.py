"""`python -m bench scale [--sizes 1000,10000,100000]`: the figures of every page, the CSV
export and the briefing's data on synthetic stores (`bench.synth`) of growing size,
against plain pandas/SQL doing the same work in the same run.

Each figure is timed on a fresh store object (so it pays its own read of the store,
as the first view of a page after a write does), after one warm-up run that loads the
geography: the median of `BENCH_SCALE_REPEAT` runs (3), the baseline likewise. `warm`
is the same figure on a store object whose frames are already read (same data version:
a page shown again, or another page's figures), median of as many runs. Peak memory is the tracemalloc peak of one more run of the figure (Python
allocations, the SQLite page cache excluded) up to `BENCH_SCALE_MEMORY_MAX` initiatives
(10 000), above it the process's maximum resident size so far (an upper bound). The growth exponent is the slope of
log(time) against log(size) between the smallest and the largest size measured.

Synthetic stores are kept in `$BENCH_SYNTH_DIR` (default /tmp) and built once per size.
"""
from __future__ import annotations

import math
import os
import resource
import sqlite3
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from bench import synth
from bench.timing import result
from initiatives import changes, coverage, metrics
from initiatives.filters import DEFAULT_STATUSES, Filters
from initiatives.reach import commune_table
from initiatives.sqlite_store import SQLiteStore
from report import briefing, export_data

DEP = "62"
BULK_ABOVE = 100_000
DEFAULT_SIZES = (1_000, 10_000)
QUICK_SIZES = (1_000,)
# above this size, peak memory is the process's maximum RSS (tracemalloc is too slow)
MEMORY_MAX_N = int(os.environ.get("BENCH_SCALE_MEMORY_MAX", "10000"))
# runs per figure (medians reported): the machine is shared, single runs are noisy
REPEAT = max(1, int(os.environ.get("BENCH_SCALE_REPEAT", "3")))


def store_for(n: int) -> Path:
    path = Path(os.environ.get("BENCH_SYNTH_DIR", "/tmp")) / f"bench-synth-{n}.sqlite"
    if not path.exists():
        start = time.perf_counter()
        # above 10^5 the same store written in bulk (`ingest` would take half an hour)
        (synth.build if n <= BULK_ABOVE else synth.build_bulk)(n, path, dep=DEP)
        print(f"# built {path} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return path


# --- the project's functions, one per page or export ----------------------------------

def overview(store) -> object:
    """The overview page: key figures, totals, what changed, sources."""
    return (metrics.key_figures(store, Filters(), DEP), metrics.totals(store, Filters(), DEP),
            changes.changes(store, Filters(), DEP), metrics.sources(store, Filters(), DEP))


def productions(store) -> object:
    return (metrics.totals(store, Filters(), DEP), metrics.goals(store, Filters(), DEP),
            metrics.totals_by(store, Filters(), "arrondissement", DEP),
            metrics.evolution(store, Filters(), DEP), metrics.sources(store, Filters(), DEP))


PROJECT: dict[str, Callable] = {
    "key_figures": lambda s: metrics.key_figures(s, Filters(), DEP),
    "totals": lambda s: metrics.totals(s, Filters(), DEP),
    "counts_arr_category": lambda s: metrics.counts_by(s, Filters(), "arrondissement",
                                                       "category", DEP),
    "gaps": lambda s: coverage.gaps(s, Filters(), None, "commune", False, DEP),
    "overview": overview,
    "productions": productions,
    "initiatives_table": lambda s: metrics.initiatives_frame(s, Filters(), DEP),
    "csv_export": lambda s: export_data.export(s, Filters(), "csv", DEP, anonymise=True),
    "briefing_data": lambda s: briefing.build(s, Filters(), DEP, with_map=False),
}


# --- the plain pandas/SQL baseline doing the same work --------------------------------

def _frames(path: Path) -> dict[str, pd.DataFrame]:
    statuses = ",".join(f"'{s}'" for s in DEFAULT_STATUSES)
    with sqlite3.connect(path) as conn:
        inis = pd.read_sql(f"SELECT id, actor, actor_type, category, status FROM initiatives"
                           f" WHERE status IN ({statuses})", conn)
        places = pd.read_sql("SELECT initiative_id, code, nom, query, level, departement,"
                             " inside FROM places", conn)
        obs = pd.read_sql("SELECT initiative_id, release_id, as_of, item, value, unit, kind,"
                          " approx, sentence FROM observations", conn)
    places = places[places["initiative_id"].isin(inis["id"])]
    inside = places["departement"].eq(DEP) | (places["departement"].isna()
                                               & places["inside"].astype(bool))
    placed = set(places["initiative_id"])
    ok = set(places.loc[inside, "initiative_id"]) | (set(inis["id"]) - placed)
    inis = inis[inis["id"].isin(ok)]
    return {"inis": inis, "places": places[places["initiative_id"].isin(ok)],
            "obs": obs[obs["initiative_id"].isin(ok)]}


def _latest(obs: pd.DataFrame) -> pd.DataFrame:
    obs = obs.assign(_day=obs["as_of"].fillna(""))
    return (obs.sort_values(["_day", "value"], kind="stable")
               .groupby(["initiative_id", "item", "kind", "unit"], sort=False).tail(1))


def _totals(f) -> pd.DataFrame:
    last = _latest(f["obs"]).merge(f["inis"][["id", "status"]], left_on="initiative_id",
                                   right_on="id")
    last["pending"] = last["value"].where(last["status"] == "extrait", 0)
    return last.groupby(["item", "kind", "unit"]).agg(
        value=("value", "sum"), initiatives=("initiative_id", "nunique"),
        to_review=("pending", "sum"))


def _reached(f) -> pd.DataFrame:
    """(initiative, commune) pairs: communes named, and those of EPCI / arrondissements."""
    table = commune_table(DEP).reset_index()
    places = f["places"]
    named = places[places["level"] == "commune"][["initiative_id", "code"]]
    parts = [named.assign(direct=True)]
    for level in ("epci", "arrondissement"):
        wide = places[places["level"] == level][["initiative_id", "code"]]
        parts.append(wide.merge(table[["code", level]], left_on="code", right_on=level,
                                suffixes=("_unit", ""))[["initiative_id", "code"]]
                     .assign(direct=False))
    pairs = pd.concat(parts, ignore_index=True)
    return pairs[pairs["code"].isin(table["code"])].drop_duplicates(["initiative_id", "code"])


def _counts(f) -> pd.DataFrame:
    table = commune_table(DEP)
    pairs = _reached(f)
    pairs["arrondissement"] = pairs["code"].map(table["arrondissement"])
    pairs = pairs.drop_duplicates(["initiative_id", "arrondissement"]).merge(
        f["inis"][["id", "category"]], left_on="initiative_id", right_on="id")
    return pd.crosstab(pairs["arrondissement"], pairs["category"], margins=True)


def _gaps(f) -> pd.DataFrame:
    table = commune_table(DEP)
    covered = pd.Series(False, index=table.index)
    covered[list(set(_reached(f)["code"]))] = True
    pts = coverage.commune_points(DEP)
    t = pts[covered.to_numpy()]
    dist = np.hypot(pts["x"].to_numpy()[:, None] - t["x"].to_numpy()[None, :],
                    pts["y"].to_numpy()[:, None] - t["y"].to_numpy()[None, :])
    return table.assign(covered=covered, nearest_km=dist.min(axis=1) / 1000)


def _key_figures(f) -> dict:
    table = commune_table(DEP)
    named = set(_reached(f).query("direct")["code"])
    return {"initiatives": len(f["inis"]),
            "to_review": int((f["inis"]["status"] == "extrait").sum()),
            "named": len(named), "population": int(table.loc[list(named), "population"].sum()),
            "totals": _totals(f)}


def _table(path: Path) -> pd.DataFrame:
    statuses = ",".join(f"'{s}'" for s in DEFAULT_STATUSES)
    with sqlite3.connect(path) as conn:
        frame = pd.read_sql(
            "SELECT i.id, i.actor, i.actor_type, i.category, i.status,"
            " (SELECT group_concat(coalesce(p.nom, p.query), ', ') FROM places p"
            "  WHERE p.initiative_id = i.id) AS places,"
            " (SELECT count(*) FROM mentions m WHERE m.initiative_id = i.id) AS releases,"
            " (SELECT m.excerpt FROM mentions m JOIN releases r ON r.id = m.release_id"
            "  WHERE m.initiative_id = i.id ORDER BY r.date DESC LIMIT 1) AS excerpt"
            f" FROM initiatives i WHERE i.status IN ({statuses}) ORDER BY i.id", conn)
        obs = pd.read_sql("SELECT initiative_id, item, kind, unit, value, as_of"
                          " FROM observations", conn)
    last = _latest(obs)
    last["line"] = last["item"] + " : " + last["value"].map("{:,.0f}".format) + " (" \
        + last["kind"] + ")"
    lines = last.groupby("initiative_id")["line"].agg(" ; ".join)
    return frame.assign(figures=frame["id"].map(lines).fillna(""))


BASELINE: dict[str, Callable] = {
    "key_figures": lambda p: _key_figures(_frames(p)),
    "totals": lambda p: _totals(_frames(p)),
    "counts_arr_category": lambda p: _counts(_frames(p)),
    "gaps": lambda p: _gaps(_frames(p)),
    "overview": lambda p: _key_figures(_frames(p)),
    "productions": lambda p: (lambda f: (_totals(f), _latest(f["obs"])))(_frames(p)),
    "initiatives_table": _table,
    "csv_export": lambda p: _table(p).to_csv(sep=";", index=False).encode("utf-8-sig"),
    "briefing_data": lambda p: (lambda f: (_key_figures(f), _counts(f), _gaps(f)))(
        _frames(p)),
}


def _timed(fn: Callable) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _peak(fn: Callable) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure(sizes, memory: bool = True, only: tuple[str, ...] = ()) -> list[dict]:
    out: list[dict] = []
    seconds: dict[str, dict[int, float]] = {}
    names = [n for n in PROJECT if not only or n in only]
    for n in sizes:
        path = store_for(n)
        for name in names:
            last: list = []   # the latest fresh store, whose frames the warm runs reuse

            def project(name=name, path=path, last=last):
                last[:] = [SQLiteStore(path)]   # a fresh store object each time
                return PROJECT[name](last[0])

            def baseline(name=name, path=path):
                return BASELINE[name](path)

            if n == sizes[0]:   # warm-up: geography, fonts, imports
                project()
                baseline()
            value = statistics.median(_timed(project) for _ in range(REPEAT))
            base = statistics.median(_timed(baseline) for _ in range(REPEAT))
            def warm_run(name=name, held=last[0]):   # warm: its frames already read
                return PROJECT[name](held)

            warm = statistics.median(_timed(warm_run) for _ in range(REPEAT))
            extra = {"size": n, "warm": round(warm, 4), "repeat": REPEAT}
            if memory and n <= MEMORY_MAX_N:
                extra["peak_mb"] = round(_peak(project), 1)
                extra["baseline_peak_mb"] = round(_peak(baseline), 1)
            else:   # tracemalloc slows Python 2-3x: the process's peak RSS so far instead
                extra["process_maxrss_mb"] = round(
                    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
            # ratio = baseline / value as in every bench; times_baseline = value / baseline
            line = result(f"scale_{name}", value, "s", n, base,
                          times_baseline=round(value / base, 2) if base else None, **extra)
            out.append(line)
            seconds.setdefault(name, {})[n] = value
            print(f"# {name} n={n}: {value:.3f} s, warm {warm:.3f} s, baseline {base:.3f} s",
                  file=sys.stderr, flush=True)
    for name, by_size in seconds.items():
        if len(by_size) > 1:
            lo, hi = min(by_size), max(by_size)
            slope = math.log(by_size[hi] / by_size[lo]) / math.log(hi / lo)
            out.append({"name": f"scale_{name}_exponent", "value": round(slope, 2),
                        "unit": "log-log slope", "n": len(by_size), "sizes": [lo, hi]})
    return out


def run(quick: bool, sizes: tuple[int, ...] | None = None) -> list[dict]:
    return measure(tuple(sizes or (QUICK_SIZES if quick else DEFAULT_SIZES)))
