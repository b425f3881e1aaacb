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

import pandas as pd

from initiatives.filters import TO_REVIEW, Filters
from initiatives.metrics import _selected, kind_order, read
from initiatives.model import DONE
from initiatives.reach import commune_table, reach
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
    dated = sorted((r for r in read(store, "releases") if r.date), key=lambda r: (r.date, r.id))
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
    filters, dep, inis = _selected(store, filters, dep)
    later = sorted((r for r in read(store, "releases") if _after(r.date, since)),
                   key=lambda r: (r.date, r.id))
    first: dict[int, tuple[date | None, str]] = {}
    for m in read(store, "mentions"):  # oldest first, undated ones before
        if m.initiative_id not in first or (first[m.initiative_id][0] is None and m.date):
            first[m.initiative_id] = (m.date, m.release_id)
    table = commune_table(dep)
    name_of = dict(zip(table.index, table["nom"]))
    new_rows, named_before, named_new = [], set(), {}
    for ini in inis:
        day, release_id = first.get(ini.id, (None, ""))
        named = reach(ini, dep).named
        if _after(day, since):
            new_rows.append((ini.id, ini.actor, ini.category, ini.status,
                             sorted(name_of[code] for code in named),
                             release_id, day))
            for code in named:
                named_new.setdefault(code, []).append(ini.actor)
        else:
            named_before |= named
    communes = [(code, table.at[code, "nom"], int(table.at[code, "population"]),
                 sorted(set(actors)))
                for code, actors in named_new.items() if code not in named_before]
    communes.sort(key=lambda row: (-row[2], row[1]))
    return Changes(
        since=since, previous=previous, releases=[_release_dict(r) for r in later],
        initiatives=pd.DataFrame(sorted(new_rows, key=lambda r: (r[6], r[1])),
                                 columns=INITIATIVE_COLUMNS),
        figures=_figures(inis, filters, since),
        communes=pd.DataFrame(communes, columns=COMMUNE_COLUMNS))


def _figures(inis, filters: Filters, since: date | None) -> pd.DataFrame:
    rows = []
    for ini in inis:
        earlier: dict[tuple, float] = {}
        dated = sorted((q for q in ini.quantities if q.as_of),
                       key=lambda q: q.as_of)
        for q in dated:
            key = (q.item, q.kind, q.unit)
            if _after(q.as_of, since) and filters.keeps_observation(q.release_id, q.as_of):
                rows.append((ini.id, ini.actor, ini.status, q.item, q.kind, q.unit,
                             float(q.value), q.approx, earlier.get(key), q.release_id,
                             q.as_of, q.sentence))
            earlier[key] = float(q.value)
    frame = pd.DataFrame(rows, columns=FIGURE_COLUMNS)
    if frame.empty:
        return frame
    order = frame.assign(_kind=frame["kind"].map(kind_order),
                         _done=frame["kind"] != DONE)
    return (order.sort_values(["_done", "item", "_kind", "value"],
                              ascending=[True, True, True, False], kind="stable")
                 .drop(columns=["_kind", "_done"]).reset_index(drop=True))
