"""The map's JavaScript and CSS, served from installed packages instead of CDNs.

folium points Leaflet, jQuery and its plugins at CDNs: offline, the map stays
blank. The same files ship on PyPI as XStatic packages; `install()` copies
them under `static/vendor/` (Streamlit serves it at `/app/static/vendor/`),
`localize()` points a folium element at them, and `inline()` embeds them in a
standalone HTML file that opens without the app.
"""
from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import xstatic.pkg.jquery as xjquery
import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_markercluster as xcluster

import config

STATIC_DIR = config.ROOT / "static" / "vendor"
APP_URL = "/app/static/vendor"

# name used by folium -> (package dir, file name)
FILES = {
    "leaflet": (xleaflet.BASE_DIR, "leaflet.js"),
    "jquery": (xjquery.BASE_DIR, "jquery.min.js"),
    "leaflet_css": (xleaflet.BASE_DIR, "leaflet.css"),
    "markerclusterjs": (xcluster.BASE_DIR, "leaflet.markercluster.js"),
    "markerclustercss": (xcluster.BASE_DIR, "MarkerCluster.css"),
    "markerclusterdefaultcss": (xcluster.BASE_DIR, "MarkerCluster.Default.css"),
}
JS = ("leaflet", "jquery")
CSS = ("leaflet_css",)
CLUSTER_JS = ("markerclusterjs",)
CLUSTER_CSS = ("markerclustercss", "markerclusterdefaultcss")


def install(dest: Path = STATIC_DIR) -> Path:
    """Copy the vendor files (and Leaflet's images) once; cheap when already there."""
    dest.mkdir(parents=True, exist_ok=True)
    for base, name in FILES.values():
        target = dest / name
        if not target.exists() or target.stat().st_size != Path(base, name).stat().st_size:
            shutil.copyfile(Path(base, name), target)
    images = Path(xleaflet.BASE_DIR, "images")
    if not (dest / "images").exists():
        shutil.copytree(images, dest / "images")
    return dest


def _urls(names: tuple[str, ...], base: str) -> list[tuple[str, str]]:
    return [(name, f"{base}/{FILES[name][1]}") for name in names]


def localize(element, base: str = APP_URL, cluster: bool = False):
    """Point a folium Map (or MarkerCluster) at local files; drops Bootstrap and
    awesome-markers, which the maps here do not use."""
    if cluster:
        element.default_js = _urls(CLUSTER_JS, base)
        element.default_css = _urls(CLUSTER_CSS, base)
    else:
        element.default_js = _urls(JS, base)
        element.default_css = _urls(CSS, base)
    return element


@cache
def _content(name: str) -> str:
    base, filename = FILES[name]
    return Path(base, filename).read_text(encoding="utf-8")


def inline(html: str, base: str = APP_URL) -> str:
    """Replace links to the local files by their content: one self-contained file."""
    by_url = {f"{base}/{filename}": name for name, (_, filename) in FILES.items()}

    def script(match: re.Match) -> str:
        name = by_url.get(match.group(1))
        return f"<script>{_content(name)}</script>" if name else match.group(0)

    def style(match: re.Match) -> str:
        name = by_url.get(match.group(1))
        return f"<style>{_content(name)}</style>" if name else match.group(0)

    html = re.sub(r'<script src="([^"]+)"></script>', script, html)
    return re.sub(r'<link rel="stylesheet" href="([^"]+)"\s*/?>', style, html)
