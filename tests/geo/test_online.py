"""Opt-in online geocoding against a local fake BAN / Nominatim server, never the internet."""
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from geo import geocode, online
from geo.geocode import resolve

DEP = "62"
LENS = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.8324, 50.4293]},
        "properties": {"label": "Lens", "score": 0.93, "type": "municipality", "name": "Lens",
                       "postcode": "62300", "citycode": "62498", "city": "Lens"}}


class FakeServer:
    """BAN-like (`/search/`) and Nominatim-like (`/search`) answers on 127.0.0.1."""

    def __init__(self, mode="ok", sleep=0.0, features=None):
        self.mode, self.sleep, self.hits = mode, sleep, []
        self.features = [LENS] if features is None else features
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                url = urlparse(self.path)
                server.hits.append((url.path, parse_qs(url.query)))
                if server.sleep:
                    time.sleep(server.sleep)
                if server.mode == "error":
                    self.send_response(500)
                    self.end_headers()
                    return
                if server.mode == "nominatim":
                    body = [{"lat": "50.4293", "lon": "2.8324", "display_name": "Lens, France",
                             "address": {"city": "Lens", "ISO3166-2-lvl6": "FR-62"}}]
                else:
                    body = {"type": "FeatureCollection", "features": server.features}
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.domain = f"127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server_factory(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOCODE_CACHE", str(tmp_path / "cache.sqlite"))
    online.reset()
    servers = []

    def make(**kwargs):
        servers.append(FakeServer(**kwargs))
        return servers[-1]
    yield make
    for s in servers:
        s.close()
    online.reset()


def ask(server, name="Lenz-ville-inconnue", provider="ban", **kwargs):
    return online.resolve_online(name, DEP, provider, domain=server.domain, scheme="http",
                                 **kwargs)


def test_online_answer_then_cache(server_factory, tmp_path):
    server = server_factory()
    first = ask(server)
    assert (first.code, first.method, first.inside, first.level) == ("62498", "online", True,
                                                                     "commune")
    assert first.nom == "Lens" and 0 < first.confidence <= 1
    assert server.hits[0][1]["q"] == ["Lenz-ville-inconnue"]
    second = ask(server)
    assert (second.code, second.method) == ("62498", "cache")
    assert len(server.hits) == 1  # asked once
    rows = sqlite3.connect(tmp_path / "cache.sqlite").execute(
        "SELECT query, provider, answer, created_at FROM geocode_cache").fetchall()
    assert len(rows) == 1 and rows[0][:2] == ("lenz ville inconnue", "ban")
    assert json.loads(rows[0][2])["code"] == "62498"


def test_timeout_falls_back_to_offline(server_factory):
    server = server_factory(sleep=1.0)
    result = ask(server, name="Bologne-sur-Mer", timeout=0.2)
    assert (result.code, result.method) == ("62160", "fuzzy")  # the offline answer
    # the provider is paused: the next name is not sent to the slow server
    assert ask(server, name="Autre-nom-inconnu", timeout=0.2).code is None
    assert len(server.hits) == 1


def test_server_error_falls_back_and_caches_nothing(server_factory, tmp_path):
    server = server_factory(mode="error")
    result = ask(server, name="Xyzzyville")
    assert result.code is None and result.method is None
    rows = sqlite3.connect(tmp_path / "cache.sqlite").execute(
        "SELECT count(*) FROM geocode_cache").fetchone()
    assert rows == (0,)


def test_low_score_or_empty_answer_is_not_a_match(server_factory):
    low = dict(LENS, properties=dict(LENS["properties"], score=0.2))
    assert ask(server_factory(features=[low]), name="Lensssss").method is None
    assert ask(server_factory(features=[]), name="Rien-du-tout").code is None


def test_outside_commune_is_flagged(server_factory):
    clamart = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.26, 48.8]},
               "properties": {"label": "Clamart", "score": 0.9, "type": "municipality",
                              "citycode": "92023", "city": "Clamart"}}
    r = ask(server_factory(features=[clamart]), name="Klamart-city")
    assert (r.code, r.inside, r.departement, r.nom) == ("92023", False, "92", "Clamart")


def test_nominatim_point_gives_the_commune(server_factory):
    server = server_factory(mode="nominatim")
    r = ask(server, name="Lenz-ville-inconnue", provider="nominatim")
    assert (r.code, r.method) == ("62498", "online")
    path, query = server.hits[0]
    assert path == "/search" and query["countrycodes"] == ["fr"]


def test_offline_provider_and_bad_input(server_factory):
    server = server_factory()
    assert online.resolve_online("Lens", DEP, "offline").method == "exact"
    assert ask(server, name="").code is None
    assert server.hits == []


def test_resolve_uses_online_only_when_asked(server_factory, monkeypatch):
    server = server_factory()
    monkeypatch.setitem(online.DOMAINS, "ban", server.domain)
    monkeypatch.setitem(online.SCHEMES, "ban", "http")
    monkeypatch.setenv("GEOCODER", "offline")
    assert resolve("Lenz-inconnu-1", DEP).code is None
    monkeypatch.setenv("GEOCODER", "ban")
    assert resolve("Harnes", DEP).method == "exact"  # resolved offline: not sent
    assert server.hits == []
    r = resolve("Lenz-inconnu-1", DEP)
    assert (r.code, r.method) == ("62498", "online")
    assert resolve("Lenz-inconnu-1", DEP).method == "cache"
    assert len(server.hits) == 1


def test_unwritable_cache_never_raises(server_factory, monkeypatch, tmp_path):
    server = server_factory()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GEOCODE_CACHE", str(blocker / "cache.sqlite"))
    r = ask(server, name="Bologne-sur-Mer")
    assert r.code == "62160"  # the offline answer


def test_offline_path_does_not_import_geopy():
    code = ("import sys; from geo.geocode import resolve; resolve('Xyzzyville'); "
            "print('geopy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "GEOCODER": "offline"})
    assert out.stdout.strip() == "False"
    assert geocode.resolve("Lens", DEP).method == "exact"
