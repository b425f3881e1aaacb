"""The dashboard in headless Chromium: time from `streamlit run` to the overview's map
drawn (cold), from a page load to the map drawn (warm), and the overview map's size.

Baselines: a bare Streamlit page drawing only the 887 communes with st_folium
(the floor for any page with this map), and the same overview map built the plain
folium way (GeoJson with a style function and GeoJsonTooltip, one CircleMarker and
Popup per initiative).
"""
from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import folium

import config
from bench.timing import best_of, result
from initiatives import metrics
from initiatives.filters import Filters
from initiatives.reach import is_inside
from initiatives.store import open_store
from report import initiatives_map as map_data, maps
from report.classes import classify

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
COMMUNES = 887
TIMEOUT = 120


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _drawn(page, deadline: float) -> None:
    """Wait until the map's iframe holds every commune polygon."""
    frame = page.frame_locator("iframe[title='streamlit_folium.st_folium']").first
    paths = frame.locator("path.leaflet-interactive")
    while paths.count() < COMMUNES:
        if time.monotonic() > deadline:
            raise TimeoutError("carte non dessinée")
        page.wait_for_timeout(50)


def _load(context, url: str) -> tuple[float, float]:
    """A page load in a browser that has seen the app (its HTTP cache is warm):
    seconds to Streamlit's first heading, and to the map drawn."""
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("h1", timeout=TIMEOUT * 1000)
    first = time.perf_counter() - start
    _drawn(page, time.monotonic() + TIMEOUT)
    elapsed = time.perf_counter() - start
    page.close()
    return first, elapsed


# The floor for any Streamlit page with this map: one title and the 887 communes
# drawn with st_folium, nothing else (no sidebar, no figures, no store).
BARE_PAGE = """
import streamlit as st
from streamlit_folium import st_folium
from report import maps
st.title("Carte seule")
st_folium(maps.base_map(), height=560, returned_objects=[], key="carte")
"""


def _bare_app(tmp: Path) -> Path:
    """The bare page, next to a link to the app's static files (Leaflet offline)."""
    script = tmp / "bare.py"
    script.write_text(BARE_PAGE, encoding="utf-8")
    (tmp / "static").symlink_to(config.ROOT / "static", target_is_directory=True)
    return script


def _browser_times(db: Path, warm_runs: int, script: Path = config.ROOT / "dashboard.py"
                   ) -> tuple[float, list[tuple[float, float]]]:
    from playwright.sync_api import sync_playwright
    port = _port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "INITIATIVES_DB": str(db), "PYTHONPATH": str(config.ROOT)}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.port",
             str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
            cwd=config.ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + TIMEOUT
            while True:
                try:
                    urllib.request.urlopen(f"{url}_stcore/health", timeout=1)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(url)
            _drawn(page, time.monotonic() + TIMEOUT)
            cold = time.perf_counter() - start
            page.close()
            warm = [_load(context, url) for _ in range(warm_runs)]
        finally:
            proc.terminate()
            proc.wait(10)
            browser.close()
    return cold, warm


def _naive_map(store, dep: str):
    """The overview map the plain folium way (what the compact layers replace)."""

    m = maps.new_map(dep)
    counts = metrics.counts_per_unit(store, None, "commune", dep=dep).set_index("code")
    geo = maps.display_layer("communes", dep)[["code", "nom", "geometry"]].copy()
    y = geo["code"].map(counts["initiatives"]).fillna(0)
    classes = classify(y.tolist())
    geo["valeur"], geo["couleur"] = y.astype(int).astype(str), [classes.color(v) for v in y]
    folium.GeoJson(geo.to_json(drop_id=True),
                   style_function=lambda f: {"fillColor": f["properties"]["couleur"]},
                   tooltip=folium.GeoJsonTooltip(["nom", "valeur"])).add_to(m)
    inis = [i for i in store.initiatives() if is_inside(i, dep)]
    for p in map_data.points(inis, map_data.citations(store), dep).itertuples():
        folium.CircleMarker([p.lat, p.lon], radius=7, fill_color=p.color,
                            tooltip=maps.safe(p.tooltip),
                            popup=folium.Popup(p.popup, max_width=380)).add_to(m)
    return m


def run(quick: bool) -> list[dict]:
    dep = config.departement()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "store.sqlite"
        store = open_store(db)  # from the reviewed seed
        map_data.build_map(store, Filters(), dep)  # reference layers in memory
        repeat = 2 if quick else 5
        build = best_of(lambda: map_data.build_map(store, Filters(), dep), repeat)
        naive_build = best_of(lambda: maps.to_html(_naive_map(store, dep)), repeat)
        html = maps.to_html(map_data.build_map(store, Filters(), dep))
        naive = maps.to_html(_naive_map(store, dep))
        runs = 2 if quick else 5
        cold, warm = _browser_times(db, runs)
        bare_cold, bare = _browser_times(db, runs, _bare_app(Path(tmp)))
    median = lambda times, i: statistics.median(t[i] for t in times)  # noqa: E731
    return [
        # baselines: the bare map page, run in the same process
        result("app_cold_start_to_map_drawn", cold, "s", 1, baseline=bare_cold),
        result("app_page_load_to_map_drawn", median(warm, 1), "s", len(warm),
               baseline=median(bare, 1), best=round(min(w[1] for w in warm), 3)),
        # Streamlit's own start in the browser, for scale: the map cannot come sooner
        result("app_page_load_to_first_heading", median(warm, 0), "s", len(warm),
               baseline=median(bare, 0)),
        result("overview_map_html_size", len(html.encode()) / 1000, "KB", 1,
               baseline=len(naive.encode()) / 1000),
        result("overview_map_build_and_render", build * 1000, "ms", repeat,
               baseline=naive_build * 1000),
    ]
