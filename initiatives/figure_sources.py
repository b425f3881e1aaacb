"""The figures behind one total (`metrics.totals`), built when first read.

A total at 10^6 initiatives stands on up to a million latest figures, and one dict per
figure took seconds to build while a page shows few of them (and often none until an
expander is opened). `FigureSources` holds the rows of its figures and the columns to
word them, and builds the same list of dicts (largest first) on first use: it reads as
that list (length, index, iteration, `==` with a list, JSON through `as_list`).
"""
from __future__ import annotations

import gc
from collections.abc import Sequence

import numpy as np
import pandas as pd

from initiatives.store import MANUAL_SOURCE

# the keys of each source, in the order the dicts have always had them
KEYS = ("initiative_id", "actor", "release_id", "as_of", "value", "sentence", "reason",
        "status")


class SourceColumns:
    """What wording a figure needs, per observation row of the frames: `cols[name]` an
    array or coded column over every observation; `owner` each observation's row in
    `initiatives`, whose `actor` and `status` are `ini_cols`. Shared by every total of
    one result: nothing is copied until a total's sources are read."""

    def __init__(self, cols: dict, owner: np.ndarray, ini_cols: dict) -> None:
        self.cols, self.owner, self.ini_cols = cols, owner, ini_cols

    def take(self, rows: np.ndarray) -> dict[str, np.ndarray]:
        """The columns of `KEYS` at observation rows `rows`, as object arrays (worded)."""
        at = self.owner[rows]
        out = {name: _take(self.cols[name], rows) for name in
               ("initiative_id", "release_id", "as_of", "value", "number", "sentence",
                "reason")}
        out["actor"] = _take(self.ini_cols["actor"], at)
        out["status"] = _take(self.ini_cols["status"], at)
        return out


def _take(col, rows: np.ndarray) -> np.ndarray:
    if isinstance(col, pd.Categorical):
        return col.take(rows).to_numpy()
    return np.asarray(col)[rows]


class FigureSources(Sequence):
    """One dict per figure of a total (observation rows `rows`), largest first:
    `{"initiative_id", "actor", "release_id", "as_of", "value", "sentence", "reason",
    "status"}`; built on first read, then kept."""

    __slots__ = ("_columns", "_rows", "_list")

    def __init__(self, columns: SourceColumns | None, rows: np.ndarray,
                 built: list[dict] | None = None) -> None:
        self._columns, self._rows, self._list = columns, rows, built

    def as_list(self) -> list[dict]:
        if self._list is None:
            self._list = _build(self._columns.take(self._rows))
            self._columns = None   # built: the shared columns are no longer needed
        return self._list

    def __len__(self) -> int:
        return len(self._rows) if self._list is None else len(self._list)

    def __getitem__(self, i):
        return self.as_list()[i]

    def __iter__(self):
        return iter(self.as_list())

    def __eq__(self, other) -> bool:
        if isinstance(other, FigureSources):
            other = other.as_list()
        if isinstance(other, list):
            return self.as_list() == other
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self.as_list())

    def __reduce__(self):
        # pickled (`st.cache_data`) with this total's own columns only, still unbuilt
        if self._list is not None:
            return (FigureSources, (None, self._rows, self._list))
        taken = self._columns.take(self._rows)
        n = np.arange(len(self._rows))
        columns = SourceColumns(
            {k: v for k, v in taken.items() if k not in ("actor", "status")}, n,
            {"actor": taken["actor"], "status": taken["status"]})
        return (FigureSources, (columns, n))


def json_default(value):
    """`json.dumps(..., default=json_default)`: a total's sources as their list, anything
    else (dates...) as text."""
    return value.as_list() if isinstance(value, FigureSources) else str(value)


def _build(cols: dict[str, np.ndarray]) -> list[dict]:
    """One dict per figure, largest value first."""
    # the same order as sorting the figures' frame by value, largest first
    order = pd.Series(cols["value"]).sort_values(ascending=False).index.to_numpy()
    collecting = gc.isenabled()
    gc.disable()   # one dict per figure: the collector would walk them again and again
    try:
        return _dicts(cols, order)
    finally:
        if collecting:
            gc.enable()


def _dicts(cols: dict[str, np.ndarray], order: np.ndarray) -> list[dict]:
    return [{"initiative_id": i, "actor": a, "release_id": r or MANUAL_SOURCE,
             "as_of": d, "value": v, "sentence": t, "reason": why, "status": st}
            for i, a, r, d, v, t, why, st in zip(
                cols["initiative_id"][order].tolist(), cols["actor"][order].tolist(),
                cols["release_id"][order].tolist(), cols["as_of"][order].tolist(),
                cols["number"][order].tolist(), cols["sentence"][order].tolist(),
                cols["reason"][order].tolist(), cols["status"][order].tolist())]
