"""What changed since a date: the weekly meeting's first question.

The reference is the previous release by default (the one before the latest dated
release), or a date the user picks. What came after it, that is from releases dated
strictly later:

- new initiatives: initiatives whose first release is later (an initiative read again
  in a later release is not new, its figures are);
- new figures: figures of later releases, each with the figure the same initiative
  gave before for the same item, kind and unit (`before`, None when it is its first);
- communes newly reached: communes named by a new initiative and by no initiative
  cited up to the reference. Communes reached only through a territory cited in bloc
  are not counted, as on the overview.

Initiatives and figures follow the filters and, like the totals, only initiatives
inside the département count. An undated figure or initiative (entered by hand with
no release) has no place in time and is never counted as new.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from initiatives.filters import TO_REVIEW, Filters
from initiatives.frames import as_dates, frames_of, group_starts, join_runs, keeps_observation
from initiatives.metrics import _selection, kind_order
from initiatives.model import DONE
from initiatives.reach import commune_table
from initiatives.store import Store

INITIATIVE_COLUMNS = ["initiative_id", "actor", "category", "status", "communes",
                      "release_id", "first_date"]
FIGURE_COLUMNS = ["initiative_id", "actor", "status", "item", "kind", "unit", "value",
                  "approx", "before", "release_id", "as_of", "sentence"]
COMMUNE_COLUMNS = ["code", "nom", "population", "actors"]


@dataclass(frozen=True)
class Changes:
    """`since`: the reference date (None: no earlier release, everything is new);
    `previous`: the release it is the date of, when it was not picked by hand;
    `releases`: the releases dated after it, oldest first (dicts `id`, `label`,
    `date`). The frames hold the new initiatives, figures and communes (see
    `INITIATIVE_COLUMNS`, `FIGURE_COLUMNS`, `COMMUNE_COLUMNS`)."""
    since: date | None
    previous: dict | None
    releases: list[dict]
    initiatives: pd.DataFrame
    figures: pd.DataFrame
    communes: pd.DataFrame

    @property
    def initiatives_to_review(self) -> int:
        return int((self.initiatives["status"] == TO_REVIEW).sum())

    @property
    def population(self) -> int:
        return int(self.communes["population"].sum())

    @property
    def empty(self) -> bool:
        return self.initiatives.empty and self.figures.empty


def _release_dict(release) -> dict:
    return {"id": release.id, "label": release.label, "date": release.date}


def previous_release(store: Store) -> dict | None:
    """The release before the latest dated one (the latest date's releases count as
    one release day); None when fewer than two dates."""
    dated = sorted((r for r in frames_of(store).release_objects() if r.date),
                   key=lambda r: (r.date, r.id))
    days = sorted({r.date for r in dated})
    if len(days) < 2:
        return None
    return _release_dict([r for r in dated if r.date == days[-2]][-1])


def _after(day: date | None, since: date | None) -> bool:
    return day is not None and (since is None or day > since)


def changes(store: Store, filters: Filters | None = None, dep: str | None = None,
            since: date | None = None) -> Changes:
    """What changed after `since` (default: the previous release's date)."""
    previous = None
    if since is None:
        previous = previous_release(store)
        since = previous["date"] if previous else None
    filters, dep, fr, ids = _selection(store, filters, dep)
    later = sorted((r for r in fr.release_objects() if _after(r.date, since)),
                   key=lambda r: (r.date, r.id))
    inis, rows = fr.initiatives, fr.rows(ids)
    # the first release citing each initiative: its first dated mention, else its first
    first_day, first_release = (values[rows] for values in _first_cited(fr))
    new = pd.notna(first_day)
    if since is not None:
        new &= first_day > np.datetime64(since)
    table = commune_table(dep)
    # pairs naming a commune, on arrays (no frame of every pair taken)
    pairs, pair_owner = fr.placed(dep).pairs, fr.pair_owner(dep)
    keep = fr.owned(ids, pair_owner) & pairs["direct"].to_numpy()
    owner, code = pair_owner[keep], pairs["code"].to_numpy()[keep]
    is_new = np.zeros(len(inis) + 1, dtype=bool)   # the last: an unknown initiative's row
    is_new[rows[new]] = True
    fresh = is_new[owner]
    named_before = set(pd.unique(code[~fresh]))
    names = join_runs(pairs["initiative_id"].to_numpy()[keep][fresh],
                      table["nom"].reindex(code[fresh]).to_numpy(), "\x1f", ids[new])
    at = rows[new]
    new_rows = pd.DataFrame({
        "initiative_id": ids[new], "actor": inis["actor"].to_numpy()[at],
        "category": np.asarray(inis["category"].array.take(at)),
        "status": np.asarray(inis["status"].array.take(at)),
        "communes": pd.Series([sorted(n.split("\x1f")) if n else [] for n in names],
                              dtype=object),
        "release_id": first_release[new], "first_date": as_dates(first_day[new])},
        columns=INITIATIVE_COLUMNS)
    new_rows = new_rows.assign(_day=first_day[new]).sort_values(
        ["_day", "actor"], kind="stable").drop(columns="_day").reset_index(drop=True)
    newly = pd.DataFrame({"code": code[fresh],
                          "actor": inis["actor"].to_numpy()[owner[fresh]]})
    newly = newly[~newly["code"].isin(named_before)]
    actors = newly.drop_duplicates().sort_values("actor").groupby("code", sort=False)[
        "actor"].agg(list)
    communes = pd.DataFrame({
        "code": actors.index.to_numpy(dtype=object),
        "nom": table["nom"].reindex(actors.index).to_numpy(dtype=object),
        "population": table["population"].reindex(actors.index).to_numpy(dtype=np.int64),
        "actors": actors.to_numpy(dtype=object)}, columns=COMMUNE_COLUMNS)
    communes = communes.sort_values(["population", "nom"], ascending=[False, True],
                                    kind="stable", ignore_index=True)
    return Changes(
        since=since, previous=previous, releases=[_release_dict(r) for r in later],
        initiatives=new_rows, figures=_figures(fr, ids, filters, since),
        communes=communes)


def _first_cited(fr) -> tuple[np.ndarray, np.ndarray]:
    """Per initiative row: the day and release of its first dated mention, else of its
    first mention (filter-independent: once per data version)."""
    if "first_cited" not in fr.memo:
        inis, men = fr.initiatives, fr.mentions
        day = inis["first_date"].to_numpy().copy()
        release = inis["first_release"].to_numpy().copy()
        dated = np.flatnonzero(pd.notna(men["date"]).to_numpy())
        # mentions run by initiative, dated ones by date: the first of each run
        first = dated[group_starts(men["initiative_id"].to_numpy()[dated])]
        at = fr.mention_owner()[first]
        first, at = first[at >= 0], at[at >= 0]
        day[at] = men["date"].to_numpy()[first]
        release[at] = np.asarray(men["release_id"].array.take(first))
        fr.memo["first_cited"] = (day, release)
    return fr.memo["first_cited"]


def _before(fr) -> np.ndarray:
    """Per observation, the value its initiative gave before for the same item, kind and
    unit (dated figures, by date then in the store's order; NaN for the first and the
    undated). Whole initiatives are kept or not whatever the filters (all statuses, no
    release or date filter): worked out once per data version."""
    if "before" not in fr.memo:
        obs = fr.observations
        n = len(obs)
        ini, day = obs["initiative_id"].to_numpy(), obs["as_of"].to_numpy()
        dated = np.flatnonzero(pd.notna(day))
        ini, day = ini[dated], day[dated]
        order = np.lexsort((np.arange(len(dated)), day, ini))   # identity when sorted
        dated, ini = dated[order], ini[order]
        figure, value = obs["figure"].to_numpy()[dated], obs["value"].to_numpy()[dated]
        run = np.lexsort((np.arange(len(dated)), figure, ini))
        same = np.r_[False, (ini[run][1:] == ini[run][:-1])
                     & (figure[run][1:] == figure[run][:-1])] if len(run) else run
        out = np.full(n, np.nan)
        out[dated[run]] = np.where(same, np.r_[np.nan, value[run][:-1]], np.nan)
        fr.memo["before"] = out
    return fr.memo["before"]


def _figures(fr, ids, filters: Filters, since: date | None) -> pd.DataFrame:
    """Figures dated after `since`, each with the figure its initiative gave before for
    the same item, kind and unit (`before`). Worked out on positions: only the figures
    shown take their texts."""
    obs = fr.observations
    # every figure of the initiatives: the frames' order is by initiative, then date
    rows = fr.kept(ids, Filters(statuses=()))
    rows = rows[pd.notna(obs["as_of"].to_numpy()[rows])]
    if not len(rows):
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    day = obs["as_of"].to_numpy()[rows]
    before = _before(fr)[rows]
    keep = keeps_observation(obs["release_id"].array.take(rows), day, filters)
    if since is not None:
        keep &= day > np.datetime64(since)
    shown = fr.figures_at(rows[keep])
    frame = pd.DataFrame({
        "initiative_id": shown["initiative_id"].to_numpy(), "actor": shown["actor"].to_numpy(),
        "status": shown["status"].to_numpy(), "item": shown["item"].to_numpy(),
        "kind": shown["kind"].to_numpy(), "unit": shown["unit"].to_numpy(),
        "value": shown["value"].to_numpy(dtype=float), "approx": shown["approx"].to_numpy(),
        "before": pd.Series([None if pd.isna(v) else float(v) for v in before[keep]]),
        "release_id": shown["release_id"].to_numpy(), "as_of": as_dates(day[keep]),
        "sentence": shown["sentence"].to_numpy()}, columns=FIGURE_COLUMNS)
    if frame.empty:
        return frame
    order = frame.assign(_kind=frame["kind"].map(kind_order),
                         _done=frame["kind"] != DONE)
    return (order.sort_values(["_done", "item", "_kind", "value"],
                              ascending=[True, True, True, False], kind="stable")
                 .drop(columns=["_kind", "_done"]).reset_index(drop=True))
