"""National mode (`DEPARTEMENT=FR`): initiatives counted by département.

An initiative counts once in each département one of its places lies in (a commune,
an EPCI, an arrondissement, a territory or the département itself); a national
scheme is counted apart, in no département.
"""
from __future__ import annotations

from collections import Counter

import pandas as pd

from geo import reference
from initiatives.filters import Filters

COLUMNS = ["code", "nom", "population", "communes", "initiatives", "per_10k"]


def departements_of(ini) -> set[str]:
    return {p.departement for p in ini.places
            if p.code and p.departement and p.level != "national"}


def counts_by_departement(store, filters: Filters | None = None) -> pd.DataFrame:
    """One row per département (code, nom, population, communes, initiatives, per_10k),
    the most initiatives first; `attrs`: `placed`, initiatives in at least one
    département, and `national`, initiatives in none (national schemes, no place)."""
    counts: Counter = Counter()
    national = placed = 0
    for ini in store.initiatives(filters or Filters()):
        deps = departements_of(ini)
        counts.update(deps)
        national += not deps
        placed += bool(deps)
    deps = pd.DataFrame(reference.departements().drop(columns="geometry"))
    deps["initiatives"] = deps["code"].map(counts).fillna(0).astype(int)
    deps["per_10k"] = (deps["initiatives"] * 10_000 / deps["population"].clip(lower=1)).round(2)
    out = deps[COLUMNS].sort_values(["initiatives", "code"], ascending=[False, True])
    out.attrs.update(national=national, placed=placed)
    return out.reset_index(drop=True)
