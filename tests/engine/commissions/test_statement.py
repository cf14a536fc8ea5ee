"""Statements: a real PDF, read back, carrying the lines, their traces and the credits."""

import io
from datetime import date

from pypdf import PdfReader

from dealkit.engine.commissions.statement import render_statement_pdf
from dealkit.engine.commissions.store_source import statement_data
from tests.helpers.commissions import add_store_txn


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_statement_pdf_reads_back_with_lines_traces_and_credits(commission_workspace):
    ws = commission_workspace
    add_store_txn(ws, "alex", "100000.00", "2026-07-05")
    add_store_txn(ws, "alex", "50000.00", "2026-08-02", sku="NET-SPINE-64", family="NET")
    add_store_txn(ws, "alex", "20000.00", "2026-08-15", cancelled="2026-10-03")
    for day in ("2026-07-10", "2026-07-20", "2026-08-03", "2026-09-01", "2026-09-25"):
        add_store_txn(ws, "alex", "2000.00", day, sku="SUB-SECURE-EDGE", family="SUB")
    with ws.store.session() as session:
        q3 = statement_data(session, "alex", "2026-Q3", date(2026, 11, 27))
        q4 = statement_data(session, "alex", "2026-Q4", date(2026, 11, 27))
    assert q3.result.as_of == date(2026, 9, 30)
    pdf = render_statement_pdf(q3.result, q3.plan_name, q3.details, ["Base commission: open"])
    assert pdf.startswith(b"%PDF")
    text = " ".join(pdf_text(pdf).split())
    assert "Commission statement: Alex Morgan" in text
    assert "Northwind Field Sales 2026 · 2026-Q3" in text
    # base: 15% of 130,000 + 20% of 50,000; the 09-25 sale is in the end-of-quarter window
    assert "Base commission: $29,500.00" in text
    assert "Multiplier 1.25: (1.25 - 1) x $300.00 = $75.00" in text
    assert "Payout $29,575.00" in text
    assert "Spine 64 Switch (Product X): 20% of $50,000.00 (1 credit) = $10,000.00" in text
    assert "5 of 5 SUB-SECURE-EDGE sold: Trip to Phuket won" in text
    assert "credited: $15,000.00" in text  # a credit behind the base line
    assert "Questions raised on this statement" in text
    # the same input gives the same bytes: the file's hash identifies the statement
    assert (
        render_statement_pdf(q3.result, q3.plan_name, q3.details, ["Base commission: open"]) == pdf
    )
    q4_text = " ".join(pdf_text(render_statement_pdf(q4.result, q4.plan_name)).split())
    assert "Clawback" in q4_text and "-$3,000.00" in q4_text
