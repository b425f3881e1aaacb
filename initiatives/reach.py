"""Which communes of the département an initiative reaches, and how.

A commune named as a place is reached directly; a territory-level place (EPCI,
arrondissement, "calaisis"...) reaches every commune it covers, kept apart so
pages can show or drop them; a département-wide or national place reaches no
commune in particular (`wide`), so it never makes a commune covered.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

import config
from geo import reference
from geo.territories import communes_of
from initiatives.model import Initiative, Place

TERRITORY_LEVELS = ("epci", "arrondissement", "territoire")
WIDE_LEVELS = ("departement", "national")


@dataclass(frozen=True)
class Reach:
    named: frozenset[str]            # communes named as places
    territory: frozenset[str]        # communes reached only through a territory
    arrondissements: frozenset[str]  # arrondissements of both
    wide: bool                       # département-wide or national scheme

    @property
    def communes(self) -> frozenset[str]:
        return self.named | self.territory


@lru_cache(maxsize=8)
def commune_table(dep: str) -> pd.DataFrame:
    """Communes of the département indexed by code, without geometry."""
    com = reference.communes(dep)
    return pd.DataFrame(com.drop(columns="geometry")).set_index("code")


@lru_cache(maxsize=1024)
def _communes_of(level: str, code: str, dep: str) -> frozenset[str]:
    return frozenset(communes_of(level, code, dep))


def place_inside(place: Place, dep: str) -> bool:
    """In the département; in national mode, anywhere in France."""
    if dep == config.NATIONAL:
        return bool(place.departement) or place.level == "national" or bool(place.inside)
    if place.departement:
        return place.departement == dep
    return bool(place.inside)


def is_inside(ini: Initiative, dep: str | None = None) -> bool:
    """Placed in the département; an initiative with no place (or a national one) is."""
    dep = dep or config.departement()
    return any(place_inside(p, dep) for p in ini.places) if ini.places else True


def reach(ini: Initiative, dep: str | None = None) -> Reach:
    dep = dep or config.departement()
    table = commune_table(dep)
    signature = tuple((p.code, p.level, p.departement, p.inside) for p in ini.places)
    memo = _memo(dep, table)
    found = memo.get(signature)
    if found is None:
        found = memo[signature] = _reach(ini.places, dep, memo["__arrondissement__"])
    return found


_MEMOS: dict[str, tuple[pd.DataFrame, dict]] = {}
MEMO_SIZE = 200_000   # distinct place lists remembered per département


def _memo(dep: str, table: pd.DataFrame) -> dict:
    """Reaches already computed, per list of places: initiatives share few distinct place
    lists, so each is worked out once (forgotten when the reference table is reloaded)."""
    held = _MEMOS.get(dep)
    if held is None or held[0] is not table or len(held[1]) > MEMO_SIZE:
        held = _MEMOS[dep] = (table, {"__arrondissement__": dict(
            zip(table.index, table["arrondissement"]))})
    return held[1]


def _reach(places: list[Place], dep: str, arrondissement_of: dict) -> Reach:
    named, territory, wide = set(), set(), False
    for p in places:
        if not p.code or not place_inside(p, dep):
            wide |= p.level == "national"
            continue
        if p.level in WIDE_LEVELS:
            wide = True
        elif p.level in TERRITORY_LEVELS:
            territory |= _communes_of(p.level, p.code, dep)
        else:  # a commune (a former commune's code stands for its current one)
            named |= _communes_of("commune", p.code, dep)
    territory -= named
    arrondissements = frozenset(arrondissement_of[c] for c in named | territory)
    return Reach(frozenset(named), frozenset(territory), arrondissements, wide)
