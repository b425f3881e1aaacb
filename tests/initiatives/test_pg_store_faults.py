"""Faults of a PostgreSQL server said plainly (issue 13, item 4): unreachable, wrong
password, missing database, read-only, locked by another writer; each a French
`StoreFault` naming the cause, never a traceback, and nothing half-written. A lost
connection is opened again. Real databases on the throw-away test server."""
from __future__ import annotations

import psycopg
import pytest

from initiatives.pg_store import WRITE_LOCK, PostgresStore
from initiatives.store import (
    StoreBusy,
    StoreDenied,
    StoreMissing,
    StoreReadOnly,
    StoreUnreachable,
    open_store,
)
from tests.helpers import store_backends
from tests.helpers.pg_server import free_port
from tests.helpers.store_samples import N7, N8, n7, n8, snapshot


@pytest.fixture
def server(request):
    if "postgresql" not in store_backends.selected():
        pytest.skip("STORE_BACKENDS exclut postgresql")
    return request.getfixturevalue("pg_server")


@pytest.fixture
def db(server):
    """A filled store's database (its name, its URL), dropped after the test."""
    backend = store_backends.PostgresBackend(server)
    url = backend.location()
    open_store(url, seed=None).ingest(N7, n7())
    yield backend.databases[0], url
    backend.close()


def marck(store) -> int:
    return next(i.id for i in store.initiatives() if i.actor == "Ville de Marck")


def test_an_unreachable_server_is_said_so(server):
    url = server.tcp_url("initiatives", port=free_port())   # nothing listens there
    with pytest.raises(StoreUnreachable) as caught:
        open_store(url, seed=None)
    message = str(caught.value)
    assert message.startswith("Serveur de base de données injoignable")
    assert "127.0.0.1" in message and "démarré" in message


def test_a_wrong_password_is_said_refused_without_showing_it(db, server):
    name, _ = db
    with pytest.raises(StoreDenied) as caught:
        open_store(server.tcp_url(name, password="mauvais-secret"), seed=None)
    message = str(caught.value)
    assert message.startswith("Connexion à la base refusée") and "mot de passe" in message
    assert "mauvais-secret" not in message
    # the right password over the same route works
    assert len(open_store(server.tcp_url(name), seed=None).initiatives()) == 3


def test_a_missing_database_is_said_missing(server):
    with pytest.raises(StoreMissing, match="introuvable sur le serveur"):
        open_store(server.url("absente"), seed=None)


def test_a_read_only_database_is_read_with_edits_disabled(db, server):
    name, url = db
    with server.admin() as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    before = snapshot(url)
    store = open_store(url, seed=None)
    assert store.read_only and len(store.initiatives()) == 3
    for write in (lambda: store.update(marck(store), actor="Autre"),
                  lambda: store.ingest(N8, n8())):
        with pytest.raises(StoreReadOnly, match="lecture seule"):
            write()
    store.read_only = False   # as if the server turned read-only after the opening
    with pytest.raises(StoreReadOnly, match="lecture seule.*Rien n'a été modifié"):
        store.ingest(N8, n8())
    assert snapshot(url) == before


def test_a_user_allowed_to_read_only_gets_a_read_only_store(db, server):
    name, url = db
    with server.admin(name) as conn:
        conn.execute("DROP ROLE IF EXISTS lecteur")
        conn.execute("CREATE ROLE lecteur LOGIN")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO lecteur")
    try:
        store = open_store(server.url(name, user="lecteur"), seed=None)
        assert store.read_only and len(store.initiatives()) == 3
        with pytest.raises(StoreReadOnly):
            store.set_status(marck(store), "vérifié")
    finally:
        with server.admin(name) as conn:
            conn.execute("DROP OWNED BY lecteur")
            conn.execute("DROP ROLE lecteur")


def test_a_write_while_another_writer_holds_the_lock_says_busy(db):
    _, url = db
    before = snapshot(url)
    store = PostgresStore(url, timeout=0.2)
    with psycopg.connect(url, autocommit=True) as other:
        other.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        assert len(store.initiatives()) == 3        # readers never wait
        with pytest.raises(StoreBusy) as caught:
            store.update(marck(store), actor="Mairie de Marck")
        assert "occupée" in str(caught.value) and "Rien n'a été modifié" in str(caught.value)
        assert snapshot(url) == before
    store.update(marck(store), actor="Mairie de Marck")   # the lock is gone
    assert snapshot(url) != before


def test_a_connection_the_server_dropped_is_opened_again(db, server):
    name, url = db
    store = open_store(url, seed=None)
    assert len(store.initiatives()) == 3
    with server.admin() as conn:   # as a server restart does to every open connection
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     " WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
    assert len(store.initiatives()) == 3
    iid = marck(store)
    store.update(iid, actor="Mairie de Marck")
    assert store.get(iid).actor == "Mairie de Marck"
