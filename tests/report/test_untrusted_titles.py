"""A release's title is untrusted text (issue 14): in the PNG/PDF map it is plain text,
never maths (`$…$`), and a `$` never breaks the export; on the Exports page its
caption carries no live link, image, HTML or maths."""
from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from initiatives.model import Release
from initiatives.store import open_store
from report import static_map
from tests.helpers.store_samples import commune, initiative, qty
from ui.exports_view import inert

ROOT = Path(__file__).resolve().parents[2]
TITLES = ["Coût $$ nul : $a_b_c$ et $\\frac{a}$",
          "Voir ![logo](https://evil.example/x.png) et [ici](https://evil.example) "
          "https://evil.example/p <b>gras</b> contact@evil.example $x^2$"]


def store_with(tmp_path, title: str):
    release = Release(title=title, date=date(2020, 4, 21), source="titre.txt",
                      body="La ville de Lens a distribué 400 masques.")
    store = open_store(tmp_path / "store.sqlite", seed=None)
    store.ingest(release, [initiative(release, "Ville de Lens", commune("62498", "Lens"),
                                      qty("masques", 400, sentence="400 masques"))])
    return store


@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_a_dollar_in_a_title_does_not_break_the_map(tmp_path, fmt):
    data = static_map.choropleth(store_with(tmp_path, TITLES[0]), fmt=fmt, dpi=40)
    assert data[:4] == (b"\x89PNG" if fmt == "png" else b"%PDF")
    if fmt == "pdf":  # the title is in the footer as written, dollar signs included
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
        assert "$a_b_c$" in text.replace("\n", "")


def unescaped(markdown: str, chars: str) -> list[str]:
    return re.findall(rf"(?<!\\)[{re.escape(chars)}]", markdown)


@pytest.mark.parametrize("title", TITLES)
def test_inert_leaves_no_markdown_special_unescaped(title):
    out = inert(title)
    assert not unescaped(out, "$[]()!@") and not re.search(r"(?<!\\)://", out)
    assert "<" not in out and ">" not in out
    # unescaped, it reads as written
    assert re.sub(r"\\(.)", r"\1", out).replace("&lt;", "<").replace("&gt;", ">") == title


def test_the_exports_caption_escapes_a_release_title(tmp_path, monkeypatch):
    store_with(tmp_path, TITLES[1])
    monkeypatch.setenv("INITIATIVES_DB", str(tmp_path / "store.sqlite"))
    at = AppTest.from_file(str(ROOT / "app_pages" / "6_Exports.py"), default_timeout=180).run()
    assert not at.exception, at.exception
    caption = next(c.value for c in at.caption if "Source" in c.value)
    assert "evil" in caption
    assert "](" not in caption and "![" not in caption and "<b>" not in caption
    assert not unescaped(caption.split("Les fichiers")[0], "$[]()!@")
    assert not re.search(r"(?<!\\)://", caption) and "Source : communiqués de la préfecture" in caption
