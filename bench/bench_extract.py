"""Extraction time per release: text files, and PDFs made from them with reportlab.

Aim: under 1 s per release of 7 000 characters, parse included (read + extract).
The gazetteer and the French model are loaded once before timing (their load is
reported on its own), and the parse cache is emptied before every release so
each one is parsed anew.
"""
from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import config
from bench.timing import result
from initiatives.extract import extract
from initiatives.ingest import read_release
from initiatives.nlp import clear_cache
from samples.pdf import pdf_keeping_lines, pdf_of_paragraphs


def _mean_ms(fn, items, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for item in items:
            clear_cache()  # every release parsed anew, as a new import would be
            start = time.perf_counter()
            fn(item)
            times.append(time.perf_counter() - start)
    return statistics.mean(times) * 1000


def run(quick: bool) -> list[dict]:
    texts = sorted(config.PRESS_RELEASES_DIR.glob("*.txt"))
    repeat = 2 if quick else 10
    start = time.perf_counter()
    extract(read_release(texts[0]))  # loads the gazetteer and the place matcher
    warmup = time.perf_counter() - start

    text_ms = _mean_ms(lambda p: extract(read_release(p)), texts, repeat)
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = []
        for path in texts:
            for style, data in (("lignes", pdf_keeping_lines(path.read_text("utf-8"))),
                                ("composé", pdf_of_paragraphs(read_release(path)))):
                pdf = Path(tmp) / f"{path.stem}-{style}.pdf"
                pdf.write_bytes(data)
                pdfs.append(pdf)
        pdf_ms = _mean_ms(lambda p: extract(read_release(p)), pdfs, max(1, repeat // 2))
        read_ms = _mean_ms(read_release, pdfs, max(1, repeat // 2))
    longest = max(texts, key=lambda p: p.stat().st_size)
    longest_ms = _mean_ms(lambda p: extract(read_release(p)), [longest], repeat)
    return [
        result("extract_first_call_s", warmup, "s", 1),
        result("extract_longest_release_ms", longest_ms, "ms", repeat,
               chars=len(read_release(longest).body)),
        result("extract_text_release_ms", text_ms, "ms", len(texts) * repeat),
        result("extract_pdf_release_ms", pdf_ms, "ms", len(pdfs) * max(1, repeat // 2)),
        result("read_pdf_ms", read_ms, "ms", len(pdfs) * max(1, repeat // 2)),
    ]
