"""Opt-in online geocoding through geopy (`GEOCODER=ban` or `nominatim`).

Only names the offline gazetteer cannot resolve (or only fuzzily) come here.
Every answer is kept in a SQLite cache (`config.geocode_cache()`) so a name is
asked once. Time-outs and errors fall back to the offline answer, never raise,
and pause the provider for a minute so a dead network cannot freeze the UI.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from contextlib import closing
from datetime import UTC, datetime
from functools import lru_cache

import config
from geo import reference
from geo.normalize import normalize
from geo.offline import Resolution, gazetteer, resolve_offline

PROVIDERS = ("ban", "nominatim")
USER_AGENT = "pdc-solidaire-dashboard"
TIMEOUT = 3.0               # seconds: a slow service must not hold the page
PAUSE_AFTER_FAILURE = 60.0  # seconds without asking a provider that just failed
MIN_SCORE = 0.5             # BAN scores below this are not a commune match
DOMAINS = {"ban": "api-adresse.data.gouv.fr", "nominatim": "nominatim.openstreetmap.org"}
SCHEMES = {"ban": "https", "nominatim": "https"}
MIN_DELAY = {"ban": 1 / 50, "nominatim": 1.0}  # BAN allows 50 requests/s, Nominatim 1/s

_lock = threading.Lock()
_paused_until: dict[tuple[str, str], float] = {}
_SCHEMA = """CREATE TABLE IF NOT EXISTS geocode_cache (
    query TEXT NOT NULL, provider TEXT NOT NULL, answer TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (query, provider))"""


@lru_cache(maxsize=16)
def _geocode_function(provider: str, domain: str, scheme: str, timeout: float):
    """geopy geocoder wrapped in a RateLimiter; one per endpoint, so the rate holds."""
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import BANFrance, Nominatim

    cls = BANFrance if provider == "ban" else Nominatim
    geocoder = cls(domain=domain, scheme=scheme, timeout=timeout, user_agent=USER_AGENT,
                   adapter_factory=_adapter_without_retries)
    return RateLimiter(geocoder.geocode, min_delay_seconds=MIN_DELAY[provider],
                       max_retries=0, swallow_exceptions=False)


def _adapter_without_retries(proxies, ssl_context):
    """geopy's requests adapter retries twice on time-out: three waits instead of one."""
    from geopy.adapters import RequestsAdapter, URLLibAdapter

    try:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    except ImportError:  # requests missing: urllib does not retry
        return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _ask(provider: str, name: str, domain: str, scheme: str, timeout: float) -> dict:
    """Ask the service; return a small JSON-able answer ({"code": None} if nothing)."""
    geocode = _geocode_function(provider, domain, scheme, timeout)
    if provider == "ban":
        location = geocode(name, limit=1, exactly_one=True)
        if location is None:
            return {"code": None}
        props = location.raw.get("properties", {})
        return {"code": props.get("citycode"), "nom": props.get("city"),
                "label": props.get("label"), "score": props.get("score"),
                "type": props.get("type"), "lat": location.latitude, "lon": location.longitude}
    location = geocode(name, exactly_one=True, addressdetails=True, country_codes="fr")
    if location is None:
        return {"code": None}
    address = location.raw.get("address", {})
    return {"code": None, "nom": address.get("city") or address.get("town")
            or address.get("village") or address.get("municipality"),
            "label": location.address, "score": None,
            "iso_departement": address.get("ISO3166-2-lvl6"),
            "lat": location.latitude, "lon": location.longitude}


def _commune_at(lat: float, lon: float, dep: str) -> str | None:
    """INSEE code of the département's commune containing a point (Nominatim answers)."""
    import shapely

    com = reference.communes(dep)
    hits = com[com.contains(shapely.Point(lon, lat))]
    return str(hits["code"].iloc[0]) if len(hits) else None


def _to_resolution(name: str, answer: dict, dep: str, method: str,
                   offline: Resolution) -> Resolution:
    code = answer.get("code")
    if not code and answer.get("lat") is not None:
        code = _commune_at(answer["lat"], answer["lon"], dep)
    if not code and answer.get("nom"):
        # outside the département: the name within the département Nominatim gave
        iso = str(answer.get("iso_departement") or "")
        found = gazetteer(dep).index.get(normalize(answer["nom"]))
        if found and found.resolution.level == "commune" and iso.endswith(
                "-" + str(found.resolution.departement)):
            code = found.resolution.code
    score = answer.get("score")
    if not code or (score is not None and score < MIN_SCORE):
        return offline
    gaz = reference.gazetteer()
    row = gaz[(gaz["code"] == code) & (gaz["type"] == "COM")]
    nom = str(row["nom"].iloc[0]) if len(row) else (answer.get("nom") or code)
    code_dep = str(row["departement"].iloc[0]) if len(row) else (
        code[:3] if code.startswith("97") else code[:2])
    confidence = round(min(float(score), 1.0) * 0.9, 3) if score is not None else 0.7
    return Resolution(name, code, nom, "commune", code_dep, code_dep == dep, method, confidence)


def _cache(sql: str, params: tuple) -> tuple | None:
    """Run one statement on the cache (created on first use); return the first row."""
    path = config.geocode_cache()
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, closing(sqlite3.connect(path, timeout=5)) as conn, conn:
        conn.execute(_SCHEMA)
        return conn.execute(sql, params).fetchone()


def resolve_online(name: str, dep: str | None = None, provider: str | None = None,
                   domain: str | None = None, *, scheme: str | None = None,
                   timeout: float = TIMEOUT, offline: Resolution | None = None) -> Resolution:
    """Resolve `name` with the online provider (default: the setting), through the cache.

    Returns method "cache" or "online" when the service named a commune, else the
    offline answer. Never raises."""
    try:
        dep = dep or config.departement()
        if offline is None:
            offline = resolve_offline(name, dep)
        provider = (provider or config.geocoder()).lower()
        key = normalize(name)
        if provider not in PROVIDERS or not key:
            return offline
        domain = domain or DOMAINS[provider]
        scheme = scheme or SCHEMES[provider]
        row = _cache("SELECT answer FROM geocode_cache WHERE query=? AND provider=?",
                     (key, provider))
        if row is not None:
            return _to_resolution(name, json.loads(row[0]), dep, "cache", offline)
        if _paused_until.get((provider, domain), 0) > time.monotonic():
            return offline
        try:
            answer = _ask(provider, name, domain, scheme, timeout)
        except Exception:  # noqa: BLE001 - time-out, HTTP error, bad JSON: stay offline
            _paused_until[(provider, domain)] = time.monotonic() + PAUSE_AFTER_FAILURE
            return offline
        created = datetime.now(UTC).isoformat(timespec="seconds")
        _cache("INSERT OR REPLACE INTO geocode_cache VALUES (?, ?, ?, ?)",
               (key, provider, json.dumps(answer, ensure_ascii=False), created))
        return _to_resolution(name, answer, dep, "online", offline)
    except Exception:  # noqa: BLE001 - e.g. an unwritable cache file
        return offline if offline is not None else Resolution(
            name, None, None, None, None, False, None, 0.0)


def reset() -> None:
    """Forget paused providers and geocoder instances (tests)."""
    _paused_until.clear()
    _geocode_function.cache_clear()
