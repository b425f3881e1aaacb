"""The briefing as projected and printed (issue 11, item 6): the A4 page rendered to PNG
(poppler's pdftoppm) is filled to its bottom; the PPTX is 16:9, 3 to 5 slides, no text
under 14 pt; a release title naming a private person never reaches either."""
from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace

import numpy as np
import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from initiatives.filters import Filters
from report import briefing
from report.export_data import is_private_person
from tests.helpers.export_samples import sample_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return sample_store(tmp_path_factory.mktemp("layout") / "s.sqlite")


@pytest.fixture(scope="module")
def full(store):
    return briefing.build(store, Filters())


def page_png(pdf: bytes, tmp_path) -> np.ndarray:
    """The first page as a grey-level array (pdftoppm, 50 dpi)."""
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm introuvable : `apt-get install poppler-utils` (`make test` le fait).")
    (tmp_path / "b.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile",
                    str(tmp_path / "b.pdf"), str(tmp_path / "b")], check=True)
    return np.asarray(Image.open(tmp_path / "b.png").convert("L"))


def test_pdf_page_is_filled_to_its_bottom(full, tmp_path):
    pdf = briefing.to_pdf(full)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    grey = page_png(pdf, tmp_path)
    inked = np.nonzero((grey < 235).any(axis=1))[0]
    lowest = inked.max() / grey.shape[0]
    assert lowest > 0.9, f"dernière ligne écrite à {lowest:.0%} de la hauteur"
    # and the page is not merely stretched: the ink spreads over the whole height
    rows = (grey < 235).any(axis=1)
    assert rows[int(0.5 * len(rows)):].mean() > 0.4


def test_pptx_is_16_9_three_to_five_slides_no_text_under_14_pt(full):
    prs = Presentation(io.BytesIO(briefing.to_pptx(full)))
    assert abs(prs.slide_width / prs.slide_height - 16 / 9) < 0.01
    assert 3 <= len(prs.slides) <= 5
    sizes = []
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [c.text_frame for row in shape.table.rows for c in row.cells]
            for frame in frames:
                for para in frame.paragraphs:
                    for run in para.runs:
                        if run.text.strip():
                            assert run.font.size is not None, run.text
                            sizes.append(run.font.size)
    assert sizes and min(sizes) >= Pt(14), min(sizes).pt


def test_release_title_naming_a_private_person_stays_out(store, tmp_path):
    private = next(i for i in store.initiatives(Filters(statuses=()))
                   if is_private_person(i))
    name = private.actor
    rel = store.releases()[0]
    titled = replace(rel, title=f"{name} coud des masques pour Guemps")

    class Titled:  # the same store, one release title naming the person
        def __getattr__(self, attr):
            return getattr(store, attr)

        def releases(self):
            return [titled if r.id == rel.id else r for r in store.releases()]

    b = briefing.build(Titled(), Filters(), with_map=False)
    said = " ".join([b.title, b.sources, b.footer, b.changes, *b.releases, *b.change_lines])
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(briefing.to_pdf(b))).pages)
    slides = Presentation(io.BytesIO(briefing.to_pptx(b))).slides
    shown = " ".join(s.text_frame.text for sl in slides for s in sl.shapes if s.has_text_frame)
    for part in [name, *name.split()]:
        if len(part) > 2:
            assert part not in said and part not in text and part not in shown, part
