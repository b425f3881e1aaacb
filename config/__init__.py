"""Settings read from the environment, in one place.

The département is a setting, never a literal elsewhere in the code.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
REFERENCE_DIR = Path(os.environ.get("REFERENCE_DIR", DATA_DIR / "reference"))
PRESS_RELEASES_DIR = DATA_DIR / "press_releases"
SEED_PATH = DATA_DIR / "initiatives_seed.json"
NATIONAL = "FR"  # `DEPARTEMENT=FR`: the whole of France, by département


def departement() -> str:
    """INSEE code of the département shown by the app (default Pas-de-Calais)."""
    return os.environ.get("DEPARTEMENT", "62")


def is_national(dep: str | None = None) -> bool:
    """The national mode: départements first, one département's communes on demand."""
    return (dep or departement()) == NATIONAL


def departement_dir(dep: str | None = None) -> Path:
    return REFERENCE_DIR / (dep or departement())


SERVER_SCHEMES = ("postgresql://", "postgres://")


def is_server(where) -> bool:
    """Whether a store location is a PostgreSQL server's address (not a file)."""
    return isinstance(where, str) and where.startswith(SERVER_SCHEMES)


def initiatives_db() -> Path | str:
    """Where the store is: the path of an SQLite file (default; git-ignored, created from
    the seed on first run), or a `postgresql://` address, kept as text (a shared server)."""
    where = os.environ.get("INITIATIVES_DB", "")
    return where if is_server(where) else Path(where or DATA_DIR / "initiatives.sqlite")


def geocoder() -> str:
    """`offline` (default), `ban` or `nominatim`: the online path is opt-in."""
    return os.environ.get("GEOCODER", "offline").lower()


def geocode_cache() -> Path:
    return Path(os.environ.get("GEOCODE_CACHE", DATA_DIR / "geocode_cache.sqlite"))
