"""Fixtures shared by the test folders: the store's back ends (`backend`), each store
test running once on SQLite and once on PostgreSQL (see `helpers/store_backends.py`).

The PostgreSQL server is started once per session, only when a test asks for it.
"""
from __future__ import annotations

import pytest

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
