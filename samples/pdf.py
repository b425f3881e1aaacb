"""PDFs made from the bundled press releases, for tests and benchmarks.

The releases come from PDFs: these rebuild two kinds of them with reportlab, one
that keeps the text's broken lines as they are, one typeset paragraph by paragraph.
"""
from __future__ import annotations

import io
import textwrap
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from initiatives.dates import MONTHS


def pdf_keeping_lines(text: str, width: int = 95) -> bytes:
    """Every line of the text drawn where it was: the PDF keeps the broken lines,
    the blank lines between them and the leading spaces; long lines wrap."""
    buf = io.BytesIO()
    pdf = canvas.Canvas(buf, pagesize=A4)
    pdf.setFont("Helvetica", 10)
    y = 800
    for raw in text.splitlines():
        pieces = textwrap.wrap(raw, width) if raw.strip() else [""]
        if raw.startswith(" ") and pieces[0]:
            pieces[0] = " " + pieces[0]
        for piece in pieces:
            if y < 50:
                pdf.showPage()
                pdf.setFont("Helvetica", 10)
                y = 800
            if piece.strip():
                pdf.drawString(50, y, piece.rstrip())
            y -= 12
    pdf.save()
    return buf.getvalue()


def pdf_of_paragraphs(release) -> bytes:
    """A typeset PDF: one reportlab paragraph per block, lines wrapped by reportlab."""
    buf = io.BytesIO()
    styles = getSampleStyleSheet()
    story = []
    if release.date:
        d = release.date
        story.append(Paragraph(f"Arras, le {d.day} {MONTHS[d.month - 1]} {d.year}",
                               styles["Normal"]))
    story.append(Paragraph(escape(release.title), styles["Heading1"]))
    for block in release.body.split("\n\n"):
        story += [Paragraph(escape(block), styles["Normal"]), Spacer(1, 12)]
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()
