"""Small hostile inputs, shared by the tests and `bench/bench_hostile.py`: a PDF whose
1-2 KB inflate to a content stream of hundreds of thousands of text operations, a
PDF of many pages, a text with a long "word"."""
from __future__ import annotations

import io
import zlib


def operations_pdf(repeat: int = 100_000, ops: bytes = b"(a)' ") -> bytes:
    """One page whose compressed content repeats `ops` (a line of text each)."""
    content = zlib.compress(b"BT /F1 12 Tf 10 10 Td " + ops * repeat + b"ET", 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content
               + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def pages_pdf(pages: int) -> bytes:
    """A real PDF (reportlab) of `pages` pages, one sentence each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    for n in range(1, pages + 1):
        pdf.drawString(72, 760, f"Page {n} : la ville de Lens a distribué 10 masques.")
        pdf.showPage()
    pdf.save()
    return buf.getvalue()


def long_word_text(letters: int = 20_000, unit: str = "a-") -> str:
    """A release whose body holds one "word" of `letters` characters."""
    word = (unit * (letters // len(unit) + 1))[:letters]
    return ("Covid-19 : le Pas-de-Calais solidaire\n\nArras, le 21 avril 2020\n\n"
            f"La ville de Lens a distribué 3 400 masques aux habitants. {word}\n")
