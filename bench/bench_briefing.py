"""The briefing: time to build the PDF and the PPTX from the seed store (map included),
and the data exports beside it. The first build pays for loading the geography."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

import config
from bench.timing import best_of, result
from initiatives.filters import Filters
from initiatives.store import open_store
from report import briefing, export_data


def run(quick: bool) -> list[dict]:
    repeat = 2 if quick else 5
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite", seed=config.SEED_PATH)
        n = len(store.initiatives(Filters()))
        start = time.perf_counter()
        pdf = briefing.briefing_pdf(store)
        first = time.perf_counter() - start
        pdf_s = best_of(lambda: briefing.briefing_pdf(store), repeat)
        pptx = briefing.briefing_pptx(store)
        pptx_s = best_of(lambda: briefing.briefing_pptx(store), repeat)
        out = [result("briefing_pdf_first", first * 1000, "ms", 1, initiatives=n),
               result("briefing_pdf", pdf_s * 1000, "ms", repeat, initiatives=n),
               result("briefing_pptx", pptx_s * 1000, "ms", repeat, initiatives=n),
               result("briefing_pdf_size", len(pdf) / 1000, "KB", 1),
               result("briefing_pptx_size", len(pptx) / 1000, "KB", 1)]
        for fmt in export_data.FORMATS:
            data = export_data.export(store, Filters(), fmt)
            seconds = best_of(lambda fmt=fmt: export_data.export(store, Filters(), fmt), repeat)
            out.append(result(f"export_{fmt}", seconds * 1000, "ms", repeat,
                              size_kb=round(len(data) / 1000, 1)))
        return out
