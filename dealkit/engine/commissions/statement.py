"""Commission statements: one participant's period as a document, with every line's trace.

The statement is what a rep checks their pay against, so it carries the same lines and traces
the Commissions page shows, the credits behind each line (built on demand by
``Calculator.line_details``), and any disputes raised on its lines. It is rendered through
``engine/documents`` (reportlab platypus, Thai-safe fonts, deterministic bytes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dealkit.engine.commissions.results import ParticipantResult
from dealkit.engine.documents.blocks import Block, Heading, ListBlock, Paragraph, Span, Table
from dealkit.engine.documents.document_info import DocumentInfo
from dealkit.engine.documents.pdf_writer import render_pdf

KIND_NAMES = {
    "earning": "Earnings",
    "spif": "SPIF",
    "clawback": "Clawback",
    "adjustment": "Adjustment",
    "draw": "Draw",
}


def _cell(text: str, bold: bool = False) -> list[Span]:
    return [Span(text, bold)]


def statement_blocks(
    result: ParticipantResult,
    plan_name: str,
    details: Mapping[str, Sequence[str]] | None = None,
    disputes: Sequence[str] = (),
) -> list[Block]:
    """The statement as document blocks. ``details`` maps a component id to the sentences of
    the credits behind its line; ``disputes`` are one-line summaries of questions raised."""
    r = result
    blocks: list[Block] = [
        Paragraph(
            [Span(f"{plan_name} · {r.period} ({r.start} to {r.end}) · calculated to {r.as_of}")]
        ),
        Table(
            [_cell("Quota"), _cell("Attainment"), _cell("Earnings"), _cell("Payout")],
            [
                [
                    _cell(r.quota.format()),
                    _cell(f"{r.attainment.format()} ({r.attainment_pct}%)"),
                    _cell(r.earnings.format()),
                    _cell(r.payout.format(), bold=True),
                ]
            ],
        ),
        Heading(2, [Span("Payout by line")]),
        Table(
            [_cell("Line"), _cell("Kind"), _cell("Amount")],
            [
                [
                    _cell(ln.label),
                    _cell(KIND_NAMES.get(ln.kind, ln.kind)),
                    _cell(ln.amount.format()),
                ]
                for ln in r.lines
            ]
            + [[_cell("Payout", bold=True), _cell(""), _cell(r.payout.format(), bold=True)]],
        ),
    ]
    if r.draw_balance is not None:
        blocks.append(
            Paragraph([Span(f"Draw balance owed after this period: {r.draw_balance.format()}")])
        )
    if r.spifs:
        blocks.append(Heading(2, [Span("SPIFs and contests")]))
        blocks.append(ListBlock(False, [[Span(s.text)] for s in r.spifs]))
    blocks.append(Heading(2, [Span("How each line was calculated")]))
    for ln in r.lines:
        blocks.append(Heading(3, [Span(f"{ln.label}: {ln.amount.format()}")]))
        blocks.append(ListBlock(False, [[Span(t)] for t in ln.trace]))
        credits = (details or {}).get(ln.component)
        if credits:
            blocks.append(Paragraph([Span("Credits behind this line:", bold=True)]))
            blocks.append(ListBlock(False, [[Span(t)] for t in credits]))
    if r.notes:
        blocks.append(Heading(2, [Span("Notes")]))
        blocks.append(ListBlock(False, [[Span(n)] for n in r.notes]))
    if disputes:
        blocks.append(Heading(2, [Span("Questions raised on this statement")]))
        blocks.append(ListBlock(False, [[Span(d)] for d in disputes]))
    return blocks


def render_statement_pdf(
    result: ParticipantResult,
    plan_name: str,
    details: Mapping[str, Sequence[str]] | None = None,
    disputes: Sequence[str] = (),
) -> bytes:
    """The statement as PDF bytes (deterministic for the same input)."""
    info = DocumentInfo(
        title=f"Commission statement: {result.name}",
        subtitle=f"{result.period} · {plan_name}",
        subject=f"Commission statement {result.participant} {result.period}",
        keywords=["commission", "statement", result.period],
        footer=f"Northwind Systems · {result.name} · {result.period} · confidential",
    )
    return render_pdf(info, statement_blocks(result, plan_name, details, disputes))
