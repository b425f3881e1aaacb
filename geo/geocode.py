"""Offline-first resolution of a place name to an INSEE code or a territory.

`resolve` asks the département's gazetteer (`geo.offline`); when it finds nothing
sure (unresolved or fuzzy) and the setting asks for it, the opt-in online geocoder
(`geo.online`, geopy imported only then) is tried, with the offline answer as its
fallback. The gazetteer's names are re-exported here for the callers.
"""
from __future__ import annotations

import config
from geo import online
from geo.offline import (
    LEVELS,
    Gazetteer,
    Resolution,
    clear_cache,
    gazetteer,
    resolve_offline,
    unresolved,
)

__all__ = ["LEVELS", "Gazetteer", "Resolution", "clear_cache", "gazetteer", "resolve",
           "resolve_offline", "unresolved"]


def resolve(name: str, dep: str | None = None) -> Resolution:
    """Resolve a place name in the context of a département (default: the setting).

    Never raises: anything unexpected gives an unresolved Resolution."""
    if not isinstance(name, str):
        return unresolved(str(name) if name is not None else "")
    try:
        dep = dep or config.departement()
        result = resolve_offline(name, dep)
        if result.method in (None, "fuzzy") and config.geocoder() != "offline":
            return online.resolve_online(name, dep, offline=result)
        return result
    except Exception:  # noqa: BLE001 - a bad name must never break the caller
        return unresolved(name)
