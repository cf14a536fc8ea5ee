"""PDF preview speed: opening a long PDF lazily against rendering every page up front.

    python bench/pdf_preview.py [--pages 60] [--width 800] [--rounds 5] [--json]

Figures, all measured in this run on a PDF written here with reportlab (A4 pages of text lines
and a filled band, like a proposal; writing it is not timed):

* ``lazy_open_ms``: ``PdfPreview.show_bytes`` and the first paint of the view (what the rep
  waits for): the page sizes are read, only the pages in view are rendered;
* ``naive_open_ms``: the baseline, ``render_page`` for every page at the same width before
  showing anything (what a preview that renders eagerly costs);
* ``page_ms``: one page rendered with ``render_page`` at ``--width`` (p50 / p95), the cost of
  scrolling a new page into view;
* ``rendered_on_open``: how many pages the lazy open rendered.

Off-screen Qt (``QT_QPA_PLATFORM=offscreen``). The machine is shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_pdf(pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for number in range(1, pages + 1):
        pdf.setFillColorRGB(0.12, 0.3, 0.48)
        pdf.rect(0, A4[1] - 90, A4[0], 90, stroke=0, fill=1)
        pdf.setFillColorRGB(0, 0, 0)
        pdf.setFont("Helvetica", 9)
        for row in range(60):
            pdf.drawString(50, 720 - row * 11, f"Page {number} line {row}: SRV-R7 x 4  $8,400.00")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--width", type=int, default=800)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import pypdfium2
    from PySide6.QtWidgets import QApplication

    from dealkit.widgets.pdf_preview import PdfPreview, render_page

    app = QApplication.instance() or QApplication(sys.argv[:1])
    data = make_pdf(args.pages)

    lazy, naive, rendered = [], [], 0
    preview = PdfPreview()
    preview.resize(args.width + 40, 900)
    preview.show()
    app.processEvents()
    for _ in range(args.rounds):
        preview.clear()
        app.processEvents()
        start = time.perf_counter()
        preview.show_bytes(data)
        preview.grab()  # the first paint: renders the pages in view
        lazy.append((time.perf_counter() - start) * 1000)
        rendered = len(preview.rendered_pages)
        width = preview.page_width()

        start = time.perf_counter()
        pdf = pypdfium2.PdfDocument(data)
        images = [render_page(pdf, i, width) for i in range(len(pdf))]
        naive.append((time.perf_counter() - start) * 1000)
        assert len(images) == args.pages
        pdf.close()

    pdf = pypdfium2.PdfDocument(data)
    pages = []
    for i in range(min(args.pages, 30)):
        start = time.perf_counter()
        render_page(pdf, i, args.width)
        pages.append((time.perf_counter() - start) * 1000)
    pdf.close()
    preview.clear()

    result = {
        "pages": args.pages,
        "width": args.width,
        "lazy_open_ms": round(statistics.median(lazy), 1),
        "naive_open_ms": round(statistics.median(naive), 1),
        "speedup": round(statistics.median(naive) / statistics.median(lazy), 1),
        "rendered_on_open": rendered,
        "page_ms_p50": round(statistics.median(pages), 1),
        "page_ms_p95": round(sorted(pages)[int(len(pages) * 0.95) - 1], 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"{args.pages}-page PDF at {args.width} px: lazy open {result['lazy_open_ms']} ms "
            f"({rendered} page(s) rendered), naive render-all {result['naive_open_ms']} ms "
            f"(x{result['speedup']}); one page p50 {result['page_ms_p50']} ms, "
            f"p95 {result['page_ms_p95']} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
