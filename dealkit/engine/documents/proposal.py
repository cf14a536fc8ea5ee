"""The proposal PDF a rep sends: cover, summary, line tables, options side by side,
configuration, terms, signature block, "Page N of M" on every page; in English or Thai.

This module is layout only: it takes a quote document already priced and its terms already
assembled (``dealkit.engine.quotes.proposal`` does both from a workspace), so that what the PDF
says is exactly what ``dealkit price`` and the approvals check computed. Amounts are printed with
``Money.format`` in the proposal's locale; Thai runs are set in Noto Sans Thai through the shared
document helpers. Output is deterministic (reportlab's invariant mode).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dealkit.engine.documents.branding import Branding, default_branding
from dealkit.engine.documents.canvas_text import draw_mixed
from dealkit.engine.documents.fonts import LATIN_BOLD, register_fonts
from dealkit.engine.documents.pdf_writer import paragraph
from dealkit.engine.documents.proposal_labels import LOCALES, OPTION_LETTERS, labels
from dealkit.engine.documents.styles import stylesheet
from dealkit.engine.money import Money
from dealkit.engine.pricing.priced import LinePrice, QuotePrice, Totals
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.terms.assemble import AssembledTerms

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
FRAME_PADDING = 6  # platypus's default frame padding, points on each side
WIDTH = PAGE_WIDTH - 2 * MARGIN - 2 * FRAME_PADDING  # what a flowable may fill
# SKU, description, quantity, list, discount, net
LINE_COLUMNS = [30 * mm, WIDTH - 118 * mm, 13 * mm, 28 * mm, 17 * mm, 30 * mm]


@dataclass(frozen=True)
class ProposalParts:
    """Everything a proposal shows, already computed."""

    doc: QuoteDocument
    priced: QuotePrice
    terms: AssembledTerms
    owner_name: str = ""  # the rep's display name, for "Prepared by"
    show_configuration: bool = True  # the components of each configured product, per line


class _Writer:
    """Builds the story of one proposal; holds the language, locale, styles and colours."""

    def __init__(self, parts: ProposalParts, lang: str, branding: Branding) -> None:
        self.parts = parts
        self.doc = parts.doc
        self.priced = parts.priced
        self.lang = lang
        self.t = labels(lang)  # first: refuses an unknown language with the choices
        self.locale = LOCALES[lang]
        self.brand = branding
        sheet = stylesheet()
        primary = branding.colour("primary")
        self.body = sheet["body"]
        self.small = sheet["small"]
        self.cell = ParagraphStyle("p_cell", parent=sheet["cell"], fontSize=8.5, leading=12.5)
        self.cell_right = ParagraphStyle("p_cell_r", parent=self.cell, alignment=TA_RIGHT)
        self.cell_bold = ParagraphStyle("p_cell_b", parent=self.cell, fontName=LATIN_BOLD)
        self.cell_bold_right = ParagraphStyle(
            "p_cell_br", parent=self.cell_bold, alignment=TA_RIGHT
        )
        self.head = ParagraphStyle("p_head", parent=sheet["cell_head"], fontSize=8.5, leading=12.5)
        self.head_right = ParagraphStyle("p_head_r", parent=self.head, alignment=TA_RIGHT)
        self.h1 = ParagraphStyle("p_h1", parent=sheet["h1"], textColor=primary)
        self.h2 = ParagraphStyle("p_h2", parent=sheet["h2"], textColor=primary)
        self.h3 = ParagraphStyle("p_h3", parent=sheet["h3"])
        self.title = ParagraphStyle(
            "p_title", parent=sheet["title"], fontSize=30, leading=40, textColor=primary
        )
        self.cover_name = ParagraphStyle(
            "p_cover_name", parent=sheet["h2"], fontSize=15, leading=22, textColor=primary
        )

    # formatting -------------------------------------------------------------------------------

    def money(self, amount: Decimal) -> str:
        return Money(amount, self.priced.currency).format(self.locale)

    def day(self, value: date) -> str:
        return format_date(value, "long", locale=self.locale)

    @staticmethod
    def number(value: Decimal) -> str:
        text = format(value.normalize(), "f")
        return text

    def option_label(self, index: int, group: str) -> str:
        letter = OPTION_LETTERS[index % len(OPTION_LETTERS)]
        plain = f"Option {letter}"
        if group.strip().lower() == plain.lower():
            return f"{self.t['option']} {letter}"
        return f"{self.t['option']} {letter}: {group}"

    def p(self, text: str, style: ParagraphStyle) -> Flowable:
        return paragraph(text, style)

    # the story --------------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        out = self.cover()
        out.append(PageBreak())
        out += self.summary()
        out += self.line_sections()
        out += self.alternative_sections()
        if self.parts.show_configuration:
            out += self.configuration()
        out += self.terms()
        out += self.signature()
        return out

    def cover(self) -> list[Flowable]:
        t, doc = self.t, self.doc
        out: list[Flowable] = [Spacer(1, 62 * mm), self.p(t["proposal"], self.title)]
        if doc.name:
            out.append(self.p(doc.name, self.cover_name))
        out.append(Spacer(1, 10 * mm))
        number = doc.number or t["quote"]
        rows = [
            (t["prepared_for"], doc.customer.name),
            (t["quote"], f"{number} ({t['version']} {doc.version})"),
            (t["date"], self.day(doc.date)),
        ]
        if doc.expires_on:
            rows.append((t["valid_until"], self.day(doc.expires_on)))
        days = doc.payment_terms_days
        rows.append((t["payment_terms"], t["net_days"].format(days=days) if days else t["prepaid"]))
        if self.parts.owner_name:
            rows.append((t["prepared_by"], f"{self.parts.owner_name}, {self.brand.company}"))
        if doc.partner_name:
            rows.append((t["partner"], doc.partner_name))
        label = ParagraphStyle(
            "p_cover_label", parent=self.body, textColor=self.brand.colour("muted")
        )
        value = ParagraphStyle("p_cover_value", parent=self.body, fontName=LATIN_BOLD, fontSize=11)
        table = Table(
            [[self.p(a, label), self.p(b, value)] for a, b in rows],
            colWidths=[45 * mm, WIDTH - 45 * mm],
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, self.brand.colour("light")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(table)
        return out

    def summary(self) -> list[Flowable]:
        t = self.t
        totals = self.priced.totals
        rows: list[tuple[str, Decimal, bool]] = []
        if totals.recurring:
            rows += [
                (t["one_time"], totals.one_time, False),
                (t["recurring"], totals.recurring, False),
                (t["mrr"], totals.mrr, False),
                (t["arr"], totals.arr, False),
            ]
        rows.append((t["list_total"], totals.list, False))
        if totals.discount:
            rows.append((t["your_savings"], totals.discount, False))
        rows.append((t["tcv"] if totals.recurring else t["total"], totals.tcv, True))
        data = [
            [
                self.p(label, self.cell_bold if strong else self.cell),
                self.p(self.money(amount), self.cell_bold_right if strong else self.cell_right),
            ]
            for label, amount, strong in rows
        ]
        table = Table(data, colWidths=[WIDTH - 60 * mm, 60 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, self.brand.colour("light")),
                    ("LINEABOVE", (0, -1), (-1, -1), 1, self.brand.colour("primary")),
                    ("BACKGROUND", (0, -1), (-1, -1), self.brand.colour("light")),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        out: list[Flowable] = [self.p(t["summary"], self.h1), table]
        if self.doc.notes:
            out += [self.p(t["notes"], self.h3), self.p(self.doc.notes, self.body)]
        return out

    # line tables ------------------------------------------------------------------------------

    def _alternative_names(self) -> set[str]:
        return {g.name for g in self.doc.groups if g.alternative}

    def line_sections(self) -> list[Flowable]:
        """The lines outside any alternative set, one table per group, each with a subtotal."""
        alternative = self._alternative_names()
        order: list[str] = []
        for lp in self.priced.lines:
            group = lp.listed.line.group
            if group not in alternative and group not in order:
                order.append(group)
        if not order:
            return []
        out: list[Flowable] = [self.p(self.t["lines"], self.h1)]
        for group in order:
            lines = [lp for lp in self.priced.lines if lp.listed.line.group == group]
            if group:
                out.append(self.p(group, self.h2))
            out.append(self.line_table(lines, Totals.of(self.priced.currency, lines)))
        return out

    def line_table(self, lines: list[LinePrice], totals: Totals) -> Table:
        t = self.t
        header = [
            self.p(t["sku"], self.head),
            self.p(t["description"], self.head),
            self.p(t["qty"], self.head_right),
            self.p(t["list"], self.head_right),
            self.p(t["discount"], self.head_right),
            self.p(t["net"], self.head_right),
        ]
        data: list[list[Any]] = [header]
        for lp in lines:
            data.append(
                [
                    self.p(lp.sku, self.cell),
                    self.description(lp),
                    self.p(self.number(lp.listed.line.quantity), self.cell_right),
                    self.p(self.money(lp.list_total), self.cell_right),
                    self.p(self.percent(lp.discount_percent), self.cell_right),
                    self.p(self.money(lp.net), self.cell_right),
                ]
            )
        data.append(
            [
                "",
                self.p(t["subtotal"], self.cell_bold),
                "",
                self.p(self.money(totals.list), self.cell_right),
                self.p(self.percent(totals.discount_percent), self.cell_right),
                self.p(self.money(totals.net), self.cell_bold_right),
            ]
        )
        table = Table(data, colWidths=LINE_COLUMNS, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), self.brand.colour("primary")),
                    ("LINEBELOW", (0, 1), (-1, -2), 0.3, self.brand.colour("light")),
                    ("LINEABOVE", (0, -1), (-1, -1), 0.8, self.brand.colour("primary")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    @staticmethod
    def percent(value: Decimal) -> str:
        if not value:
            return "–"
        return f"{format(value.normalize(), 'f')}%"

    def description(self, lp: LinePrice) -> Flowable:
        """The product name; for a subscription its term and billing beneath it."""
        text = lp.listed.item.name
        term = lp.listed.term
        billing = lp.billing
        if term is None or billing is None:
            return self.p(text, self.cell)
        months = term.months.quantize(Decimal("0.01")).normalize()
        detail = self.t["term"].format(
            months=format(months, "f"),
            start=self.day(term.start),
            end=self.day(term.end),
            billing=self.t[billing.frequency.value],
        )
        detail += f"; MRR {self.money(lp.mrr)}"
        small = ParagraphStyle("p_cell_small", parent=self.cell, fontSize=7.5, leading=10.5)
        return Table(
            [[self.p(text, self.cell)], [self.p(detail, small)]],
            colWidths=[LINE_COLUMNS[1] - 12],
            style=TableStyle(
                [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0)]
            ),
        )

    # alternatives -----------------------------------------------------------------------------

    def alternative_sections(self) -> list[Flowable]:
        """Each alternative set: the options side by side with their totals, then each option's
        lines."""
        sets: dict[str, list[Any]] = {}
        for alt in self.priced.alternative_totals():
            sets.setdefault(alt.alternative, []).append(alt)
        out: list[Flowable] = []
        descriptions = {g.name: g.description for g in self.doc.groups}
        for options in sets.values():
            t = self.t
            out += [self.p(t["options_title"], self.h1), self.p(t["choose_one"], self.body)]
            names = [self.option_label(i, alt.group) for i, alt in enumerate(options)]
            label_width = 48 * mm
            column = (WIDTH - label_width) / len(options)
            rows = [
                [""] + [self.p(name, self.head) for name in names],
                [self.p(t["description"], self.cell)]
                + [self.p(descriptions.get(a.group, ""), self.cell) for a in options],
                [self.p(t["items"], self.cell)]
                + [self.p(self.items_text(a.group), self.cell) for a in options],
                [self.p(t["option_total"], self.cell)]
                + [self.p(self.money(a.own.net), self.cell_bold_right) for a in options],
                [self.p(t["quote_with"], self.cell)]
                + [self.p(self.money(a.with_base.tcv), self.cell_right) for a in options],
                [""]
                + [
                    self.p(t["selected"] if a.selected else t["not_selected"], self.small)
                    for a in options
                ],
            ]
            table = Table(rows, colWidths=[label_width] + [column] * len(options))
            style = [
                ("BACKGROUND", (1, 0), (-1, 0), self.brand.colour("primary")),
                ("LINEBELOW", (0, 1), (-1, -2), 0.3, self.brand.colour("light")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
            for i, alt in enumerate(options, start=1):
                if alt.selected:
                    style.append(("BOX", (i, 0), (i, -1), 1.2, self.brand.colour("accent")))
            table.setStyle(TableStyle(style))
            out.append(KeepTogether([table]))
            for name, alt in zip(names, options, strict=True):
                lines = [lp for lp in self.priced.lines if lp.listed.line.group == alt.group]
                out += [self.p(name, self.h2), self.line_table(lines, alt.own)]
        return out

    def items_text(self, group: str) -> str:
        return ", ".join(
            f"{self.number(lp.listed.line.quantity)} × {lp.sku}"
            for lp in self.priced.lines
            if lp.listed.line.group == group
        )

    # configuration ----------------------------------------------------------------------------

    def configuration(self) -> list[Flowable]:
        configured = [lp for lp in self.priced.lines if lp.listed.options]
        if not configured:
            return []
        t = self.t
        out: list[Flowable] = [self.p(t["configuration"], self.h1)]
        for lp in configured:
            heading = f"{lp.sku}  {lp.listed.item.name} × {self.number(lp.listed.line.quantity)}"
            data: list[list[Any]] = [
                [
                    self.p(t["component"], self.head),
                    self.p(t["sku"], self.head),
                    self.p(t["per_unit"], self.head_right),
                    self.p(t["unit_price"], self.head_right),
                ]
            ]
            for option in lp.listed.options:
                price = t["included"] if option.included else self.money(option.unit_price)
                data.append(
                    [
                        self.p(option.name or option.sku, self.cell),
                        self.p(option.sku, self.cell),
                        self.p(self.number(option.quantity), self.cell_right),
                        self.p(price, self.cell_right),
                    ]
                )
            table = Table(data, colWidths=[WIDTH - 110 * mm, 50 * mm, 25 * mm, 35 * mm])
            table.setStyle(
                TableStyle(
                    [
                        ("BACKGROUND", (0, 0), (-1, 0), self.brand.colour("accent")),
                        ("LINEBELOW", (0, 1), (-1, -1), 0.3, self.brand.colour("light")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            out.append(KeepTogether([self.p(heading, self.h3), table]))
        return out

    # terms and signature ----------------------------------------------------------------------

    def terms(self) -> list[Flowable]:
        clauses = self.parts.terms.clauses
        if not clauses:
            return []
        out: list[Flowable] = [self.p(self.t["terms"], self.h1)]
        for number, item in enumerate(clauses, start=1):
            out.append(
                KeepTogether(
                    [
                        self.p(f"{number}. {item.clause.title}", self.h3),
                        self.p(item.text, self.body),
                    ]
                )
            )
        return out

    def signature(self) -> list[Flowable]:
        t = self.t
        line = "_" * 34
        parties = (self.brand.company, self.doc.customer.name)
        rows: list[list[Any]] = [
            [self.p(t["for"].format(party=party), self.cell_bold) for party in parties]
        ]
        for key in ("signature", "name", "title", "date"):
            rows.append([self.p(f"{t[key]}: {line}", self.cell) for _ in parties])
        table = Table(rows, colWidths=[WIDTH / 2] * 2)
        table.setStyle(
            TableStyle(
                [
                    ("TOPPADDING", (0, 1), (-1, -1), 12),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [
            KeepTogether(
                [self.p(t["acceptance"], self.h1), self.p(t["acceptance_text"], self.body), table]
            )
        ]


def _numbered_canvas(writer: _Writer) -> type[Canvas]:
    """A canvas class that keeps every page until the end, so that each page's footer can say
    "Page N of M" (platypus only knows M once the whole story is laid out)."""
    brand = writer.brand
    doc = writer.doc
    reference = f"{doc.number or writer.t['quote']} ({writer.t['version']} {doc.version})"

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name: keep the page, draw it at save()
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._decorate(number, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            primary, muted = brand.colour("primary"), brand.colour("muted")
            if number == 1:
                self.setFillColor(primary)
                self.rect(0, PAGE_HEIGHT - 52 * mm, PAGE_WIDTH, 52 * mm, stroke=0, fill=1)
                self.setFillColor(brand.colour("accent"))
                self.rect(0, PAGE_HEIGHT - 54 * mm, PAGE_WIDTH, 2 * mm, stroke=0, fill=1)
                self.setFillColorRGB(1, 1, 1)
                draw_mixed(self, MARGIN, PAGE_HEIGHT - 30 * mm, brand.company, 26, bold=True)
                draw_mixed(self, MARGIN, PAGE_HEIGHT - 40 * mm, brand.tagline, 10.5)
                self.setFillColor(muted)
                y = 34 * mm
                for text in (
                    *brand.address_for(writer.lang),
                    " · ".join(x for x in (brand.email, brand.phone) if x),
                ):
                    draw_mixed(self, MARGIN, y, text, 8.5)
                    y -= 4.2 * mm
            else:
                self.setFillColor(primary)
                draw_mixed(self, MARGIN, PAGE_HEIGHT - 12 * mm, brand.company, 9, bold=True)
                self.setFillColor(muted)
                draw_mixed(
                    self,
                    PAGE_WIDTH - MARGIN,
                    PAGE_HEIGHT - 12 * mm,
                    f"{doc.customer.name} · {reference}",
                    8,
                    align="right",
                )
                self.setStrokeColor(primary)
                self.setLineWidth(0.6)
                self.line(MARGIN, PAGE_HEIGHT - 14 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 14 * mm)
            self.setStrokeColor(primary)
            self.setLineWidth(0.6)
            self.line(MARGIN, 13 * mm, PAGE_WIDTH - MARGIN, 13 * mm)
            self.setFillColor(muted)
            draw_mixed(self, MARGIN, 9 * mm, f"{brand.company} · {reference}", 7.5)
            draw_mixed(
                self,
                PAGE_WIDTH - MARGIN,
                9 * mm,
                writer.t["page"].format(page=number, pages=total),
                7.5,
                align="right",
            )
            self.restoreState()

    return NumberedCanvas


def render_proposal(
    parts: ProposalParts, lang: str = "en", branding: Branding | None = None
) -> bytes:
    """The proposal PDF of ``parts`` in ``lang`` (``en`` or ``th``), as bytes."""
    register_fonts()
    writer = _Writer(parts, lang, branding or default_branding())
    buffer = io.BytesIO()
    doc = parts.doc
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=20 * mm,
        bottomMargin=18 * mm,
        title=f"{writer.t['proposal']} {doc.number} – {doc.customer.name}".strip(),
        author=writer.brand.company,
        subject=doc.name or doc.customer.name,
        creator="Dealkit",
        invariant=1,
    )
    template.build(writer.story(), canvasmaker=_numbered_canvas(writer))
    return buffer.getvalue()
