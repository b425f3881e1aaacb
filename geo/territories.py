"""Which communes of the département a place covers, whatever its level.

Named areas of common speech ("le calaisis", "le bassin minier") are defined in
`data/reference/territoires.csv` by EPCI, arrondissements or commune lists, each
with where the definition comes from. Coverage and maps expand every place to
commune INSEE codes through `communes_of`.
"""
from __future__ import annotations

from functools import lru_cache

import pandas as pd

import config
from geo import reference
from geo.levels import PLACE_LEVELS as LEVELS

DEFINITION_LEVELS = ("epci", "arrondissement", "communes")


def _split(value) -> list[str]:
    return [v.strip() for v in str(value).split("|") if v.strip()] if pd.notna(value) else []


@lru_cache(maxsize=1)
def _definitions() -> pd.DataFrame:
    path = config.REFERENCE_DIR / "territoires.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    bad = sorted(set(table["definition_level"]) - set(DEFINITION_LEVELS))
    if bad:
        raise ValueError(f"territoires.csv : niveau de définition inconnu {bad}")
    return table


def _members_to_communes(com: pd.DataFrame, level: str, members: list[str]) -> list[str]:
    column = {"epci": "epci", "arrondissement": "arrondissement", "communes": "code"}[level]
    return sorted(com.loc[com[column].isin(members), "code"])


@lru_cache(maxsize=8)
def _territories(dep: str) -> pd.DataFrame:
    com = reference.communes(dep)
    rows = []
    for row in _definitions().itertuples(index=False):
        codes = _members_to_communes(com, row.definition_level, _split(row.members))
        if not codes:  # a territory of another département
            continue
        rows.append({
            "code": row.code, "nom": row.nom, "aliases": _split(row.aliases),
            "definition_level": row.definition_level, "members": _split(row.members),
            "source": row.source, "communes": codes, "n_communes": len(codes),
            "population": int(com.loc[com["code"].isin(codes), "population"].sum()),
        })
    return pd.DataFrame(rows, columns=["code", "nom", "aliases", "definition_level", "members",
                                       "source", "communes", "n_communes", "population"])


def territories(dep: str | None = None) -> pd.DataFrame:
    """Territories of the département: code, nom, aliases (list), definition_level,
    members (list), source, communes (list of INSEE codes), n_communes, population."""
    return _territories(dep or config.departement()).copy()


@lru_cache(maxsize=4096)
def _communes_of(level: str, code: str, dep: str) -> tuple[str, ...]:
    com = reference.communes(dep)
    if level == "commune":
        if code in set(com["code"]):
            return (code,)
        # a former commune's code stands for its current commune
        gaz = reference.gazetteer()
        current = gaz.loc[(gaz["code"] == code) & (gaz["departement"] == dep), "commune"]
        return tuple(sorted(set(current) & set(com["code"])))
    if level in ("epci", "arrondissement"):
        return tuple(_members_to_communes(com, level, [code]))
    if level == "territoire":
        table = _territories(dep)
        match = table.loc[table["code"] == code, "communes"]
        return tuple(match.iloc[0]) if len(match) else ()
    if level == "departement":
        return tuple(sorted(com["code"])) if code == dep else ()
    return ()  # national schemes are counted apart, not spread over communes


def communes_of(level: str, code: str, dep: str | None = None) -> list[str]:
    """INSEE codes of the département's communes covered by a place (sorted).

    Unknown codes and places outside the département give []; national gives []."""
    if level not in LEVELS:
        raise ValueError(f"Niveau inconnu : {level!r} (attendu : {', '.join(LEVELS)})")
    if code is None:
        return []
    return list(_communes_of(level, str(code), dep or config.departement()))


def clear_cache() -> None:
    _definitions.cache_clear()
    _territories.cache_clear()
    _communes_of.cache_clear()
