"""Stores for the page tests: the reviewed seed, copied for each test that writes
(modules that only read define their own module-wide `db`)."""
import shutil

import pytest

from initiatives.store import open_store


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seed") / "store.sqlite"
    open_store(path)  # created from data/initiatives_seed.json
    return path


@pytest.fixture
def db(seed_db, tmp_path, monkeypatch):
    """A copy of the seed store for one test, set as the app's INITIATIVES_DB."""
    path = tmp_path / "store.sqlite"
    shutil.copy(seed_db, path)  # each test writes to its own copy
    monkeypatch.setenv("INITIATIVES_DB", str(path))
    return path
