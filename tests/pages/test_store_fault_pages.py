"""Store faults in the pages (issue 14, item 5): a damaged or deleted database stops the
page with its French message (no traceback); a read-only one is read, with a notice
that edits are disabled."""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]


def run(name: str = "dashboard.py") -> AppTest:
    at = AppTest.from_file(str(ROOT / name), default_timeout=180).run()
    assert not at.exception, at.exception
    return at


def errors(at: AppTest) -> str:
    return " ".join(e.value for e in at.error)


def test_a_damaged_database_is_said_damaged_on_the_page(tmp_path, monkeypatch):
    bad = tmp_path / "store.sqlite"
    bad.write_bytes(b"\x13garbage" * 500)
    monkeypatch.setenv("INITIATIVES_DB", str(bad))
    at = run()
    assert "endommagée" in errors(at) and "illisible" not in errors(at)
    assert bad.read_bytes() == b"\x13garbage" * 500


def test_a_database_deleted_while_running_is_said_missing(db):
    at = run()
    assert not at.error
    db.unlink()
    at.run()
    assert not at.exception, at.exception
    assert "introuvable" in errors(at) and "supprimé" in errors(at)
    assert not db.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="a read-only mount needs root")
def test_a_read_only_database_is_shown_with_edits_disabled(seed_db, tmp_path, monkeypatch):
    where = tmp_path / "ro"
    where.mkdir()
    shutil.copy(seed_db, where / "store.sqlite")
    for cmd in (["mount", "--bind", str(where), str(where)],
                ["mount", "-o", "remount,bind,ro", str(where)]):
        if subprocess.run(cmd, capture_output=True).returncode != 0:
            pytest.skip("no read-only mount can be made here")
    try:
        monkeypatch.setenv("INITIATIVES_DB", str(where / "store.sqlite"))
        at = run()
        assert not at.error
        assert any("lecture seule" in w.value for w in at.sidebar.warning)
        assert at.metric   # the figures are there
    finally:
        gc.collect()
        if subprocess.run(["umount", str(where)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(where)], check=True)
