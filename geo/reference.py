"""Load the committed reference geography (`data/reference/`), cached in memory.

Everything is keyed by INSEE code (commune `62498`, arrondissement `627`,
EPCI by SIREN). Geometries are in WGS84 (EPSG:4326); areas and distances are
computed in Lambert-93 (EPSG:2154).
"""
from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import pandas as pd

import config

LAMBERT93 = "EPSG:2154"
LAYERS = ("communes", "epci", "arrondissements", "departement")  # of one département
NATIONAL = config.NATIONAL  # its layers: `departements` and `departement` (France)
NATIONAL_LAYERS = ("departements", "departement")


class ReferenceMissing(FileNotFoundError):
    pass


def _read(dep: str, layer: str) -> gpd.GeoDataFrame:
    path = config.departement_dir(dep) / f"{layer}.geojson"
    if not path.exists():
        what = "la France" if dep == NATIONAL else f"le département {dep}"
        raise ReferenceMissing(
            f"Géographie de référence absente pour {what} ({path}) : "
            f"lancez `python -m geo.build --departement {dep}`.")
    gdf = gpd.read_file(path)
    for col in ("code", "epci", "arrondissement"):
        if col in gdf:
            gdf[col] = gdf[col].astype(str)
    return gdf


@lru_cache(maxsize=8)
def layer(name: str, dep: str | None = None) -> gpd.GeoDataFrame:
    """One of LAYERS for the département (default: the setting). Do not mutate."""
    if name not in LAYERS and name not in NATIONAL_LAYERS:
        raise ValueError(f"Couche inconnue : {name}")
    return _read(dep or config.departement(), name)


def communes(dep: str | None = None) -> gpd.GeoDataFrame:
    return layer("communes", dep)


def epci(dep: str | None = None) -> gpd.GeoDataFrame:
    return layer("epci", dep)


def arrondissements(dep: str | None = None) -> gpd.GeoDataFrame:
    return layer("arrondissements", dep)


def departement_outline(dep: str | None = None) -> gpd.GeoDataFrame:
    return layer("departement", dep)


def departements() -> gpd.GeoDataFrame:
    """Every département (code, nom, population, communes), simplified: national mode."""
    return layer("departements", NATIONAL)


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """All communes of France (types COM, COMD, COMA, ARM) with their current commune."""
    path = config.REFERENCE_DIR / "communes_france.csv"
    return pd.read_csv(path, dtype={"code": str, "departement": str, "commune": str})


@lru_cache(maxsize=1)
def departement_names() -> dict[str, str]:
    """INSEE code -> name of every département, from `aliases.csv` (level departement)."""
    table = pd.read_csv(config.REFERENCE_DIR / "aliases.csv", dtype=str)
    rows = table[table["level"] == "departement"]
    return dict(zip(rows["code"], rows["alias"]))


def departement_name(dep: str | None = None) -> str:
    """`Pas-de-Calais` for 62, `France` in national mode (`département 975` for a code
    with no known name)."""
    dep = dep or config.departement()
    if dep == NATIONAL:
        return "France"
    return departement_names().get(dep, f"département {dep}")


# French articles of département names: plural ones and the masculine names ending in -e
_PLURAL = ("Alpes", "Ardennes", "Bouches", "Côtes", "Deux", "Hautes", "Hauts", "Landes",
           "Pyrénées", "Vosges", "Yvelines")
_MASCULINE = ("Finistère", "Rhône", "Territoire", "Maine")
_NO_ARTICLE = ("Paris", "La Réunion", "Mayotte")


def of_departement(dep: str | None = None) -> str:
    """The name after « de »: `du Pas-de-Calais`, `de la Somme`, `de l'Aisne`, `des Landes`."""
    dep = dep or config.departement()
    name = departement_name(dep)
    first = name.split("-")[0].split(" ")[0]
    if dep == NATIONAL:
        return "de France"
    if dep not in departement_names() or name in _NO_ARTICLE:
        return f"de {name}" if name in _NO_ARTICLE else f"du {name}"
    if name[0] in "AEIOUYÉÈÎ" or name.startswith("Hérault"):
        return f"de l'{name}"
    if first in _PLURAL:
        return f"des {name}"
    if first.endswith("e") and first not in _MASCULINE:
        return f"de la {name}"
    return f"du {name}"


def clear_cache() -> None:
    layer.cache_clear()
    gazetteer.cache_clear()
    departement_names.cache_clear()


def summary(dep: str | None = None) -> dict:
    """Key figures of the département, as printed by `python -m geo summary`."""
    dep = dep or config.departement()
    com = communes(dep)
    area = float(departement_outline(dep).to_crs(LAMBERT93).area.sum()) / 1e6
    arr = (com.groupby(["arrondissement", "arrondissement_nom"])
              .agg(communes=("code", "size"), population=("population", "sum"))
              .reset_index().sort_values("arrondissement"))
    return {
        "departement": dep,
        "communes": int(len(com)),
        "population": int(com["population"].sum()),
        "area_km2": round(area, 1),
        "epci": int(com["epci"].nunique()),
        "arrondissements": [
            {"code": r.arrondissement, "nom": r.arrondissement_nom,
             "communes": int(r.communes), "population": int(r.population)}
            for r in arr.itertuples()],
    }
