"""The global search box (Ctrl+K): quotes, customers, products and library material.

As the rep types (debounced), quotes, customers and products are looked up in the store and
the library through its index, each off the GUI thread; results appear in a popup list as they
arrive, grouped by kind under a header, and Enter (or a click) opens the chosen one on its
page. Replies to an older query are dropped.

A product (found by SKU or name) opens the Library filtered to that product
(``product:SKU``): what a rep wants of a product mid-deal is its datasheet, battlecards and
stories, and the Quote page already lists quotes by customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QStyledItemDelegate, QStyleOptionViewItem, QWidget
from sqlalchemy import func, or_, select

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.library_service import LibraryHit
from dealkit.desktop.quote_rows import CustomerHit, QuoteRow, find_customers, find_quotes
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.store.models import Product
from dealkit.engine.workspace import Workspace
from dealkit.widgets.search_box import DebouncedSearchBox

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
HEADER_ROLE = Qt.ItemDataRole.UserRole + 2  # on the first row of a group: the group's name
KINDS = ("quote", "customer", "product", "library")  # the order groups are listed in


@dataclass(frozen=True)
class ProductHit:
    sku: str
    name: str
    family_code: str


def find_products(workspace: Workspace, text: str, limit: int = 6) -> list[ProductHit]:
    """Active products whose SKU or name contains ``text`` (case-insensitive); an exact SKU
    first, then SKUs starting with it, then by SKU."""
    needle = text.strip().lower()
    if not needle:
        return []
    with workspace.store.session() as session:
        sku, name = func.lower(Product.sku), func.lower(Product.name)
        rows = session.execute(
            select(Product)
            .where(
                Product.deleted.is_(False),
                Product.active.is_(True),
                or_(sku.contains(needle, autoescape=True), name.contains(needle, autoescape=True)),
            )
            .order_by(
                (sku == needle).desc(), sku.startswith(needle, autoescape=True).desc(), Product.sku
            )
            .limit(limit)
        ).scalars()
        return [ProductHit(p.sku, p.name, p.family.code if p.family else "") for p in rows]


class GroupedDelegate(QStyledItemDelegate):
    """Draws a group header (``HEADER_ROLE``) above the first row of each group, so the rows
    stay one per result (keyboard moves from result to result, never onto a header)."""

    def _header_height(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height() + 10

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex):
        size = super().sizeHint(option, index)
        if index.data(HEADER_ROLE):
            return QSize(size.width(), size.height() + self._header_height(option))
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        header = index.data(HEADER_ROLE)
        if not header:
            super().paint(painter, option, index)
            return
        height = self._header_height(option)
        top = QRect(option.rect.left(), option.rect.top(), option.rect.width(), height)
        painter.save()
        painter.fillRect(top, option.palette.brush(QPalette.ColorRole.Base))
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(max(1.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            top.adjusted(8, 0, -8, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
            str(header).upper(),
        )
        painter.restore()
        rest = QStyleOptionViewItem(option)
        rest.rect = option.rect.adjusted(0, height, 0, 0)
        super().paint(painter, rest, index)


@dataclass(frozen=True)
class SearchTarget:
    """What a result opens: ``kind`` is quote, customer or library; ``key`` names the thing."""

    kind: str
    key: str
    label: str


class GlobalSearch(QObject):
    """Drives ``box`` (a search field) and its popup of results."""

    open_requested = Signal(object)  # SearchTarget
    results_changed = Signal()

    def __init__(self, context: DesktopContext, box: DebouncedSearchBox, parent: QObject) -> None:
        super().__init__(parent)
        self.context = context
        self.box = box
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(box)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.completer.popup().setObjectName("globalSearchPopup")
        self.delegate = GroupedDelegate(self)
        self.completer.popup().setItemDelegate(self.delegate)
        box.search_requested.connect(self.search)
        box.returnPressed.connect(self._open_first)
        self._seq = 0
        self._parts: dict[str, list[SearchTarget]] = {}
        self.pending = 0
        self._opening = False

    @property
    def popup(self) -> QWidget:
        return self.completer.popup()

    def targets(self) -> list[SearchTarget]:
        return [self.model.item(row).data(TARGET_ROLE) for row in range(self.model.rowCount())]

    def search(self, text: str) -> None:
        text = text.strip()
        self._seq += 1
        seq = self._seq
        self._parts = {}
        if not text:
            self.model.clear()
            self.popup.hide()
            self.results_changed.emit()
            return
        workspace = self.context.workspace

        def store_lookup() -> tuple[list[QuoteRow], list[CustomerHit], list[ProductHit]]:
            return (
                find_quotes(workspace, text, limit=6),
                find_customers(workspace, text, limit=6),
                find_products(workspace, text, limit=6),
            )

        self.pending += 2
        self.context.tasks.run(
            store_lookup,
            lambda found: self._store_found(seq, found),
            lambda failure: self._failed(seq, failure),
            name="global-search-store",
        )
        self.context.library.search(
            text,
            lambda hits: self._library_found(seq, hits),
            lambda failure: self._failed(seq, failure),
            limit=6,
        )

    def _store_found(
        self, seq: int, found: tuple[list[QuoteRow], list[CustomerHit], list[ProductHit]]
    ) -> None:
        self.pending -= 1
        if seq != self._seq:
            return
        quotes, customers, products = found
        quote_word = self.tr("Quote")
        customer_word = self.tr("Customer")
        self._parts["quote"] = [
            SearchTarget("quote", q.number, f"{q.number} v{q.version} · {q.name} — {quote_word}")
            for q in quotes
        ]
        self._parts["customer"] = [
            SearchTarget("customer", c.name, f"{c.name} — {customer_word}") for c in customers
        ]
        product_word = self.tr("Product")
        self._parts["product"] = [
            SearchTarget("product", p.sku, f"{p.sku} · {p.name} — {product_word}") for p in products
        ]
        self._show()

    def _library_found(self, seq: int, hits: list[LibraryHit]) -> None:
        self.pending -= 1
        if seq != self._seq:
            return
        word = self.tr("Library")
        self._parts["library"] = [
            SearchTarget("library", h.title, f"{h.title} — {word}") for h in hits
        ]
        self._show()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        self.pending -= 1
        if seq == self._seq:
            self._parts.setdefault("error", [])
            self._show()

    def group_name(self, kind: str) -> str:
        return {
            "quote": self.tr("Quotes"),
            "customer": self.tr("Customers"),
            "product": self.tr("Products"),
            "library": self.tr("Library"),
        }[kind]

    def headers(self) -> list[str]:
        """The group headers shown, in order (tests, selftest)."""
        found = (self.model.item(row).data(HEADER_ROLE) for row in range(self.model.rowCount()))
        return [header for header in found if header]

    def _show(self) -> None:
        self.model.clear()
        for kind in KINDS:
            for number, target in enumerate(self._parts.get(kind, [])):
                item = QStandardItem(target.label)
                item.setData(target, TARGET_ROLE)
                if number == 0:
                    item.setData(self.group_name(kind), HEADER_ROLE)
                item.setEditable(False)
                self.model.appendRow(item)
        if self.model.rowCount() and self.box.hasFocus():
            self.completer.complete()
            self._fit_popup()
        elif not self.model.rowCount():
            self.popup.hide()
        self.results_changed.emit()

    def _fit_popup(self) -> None:
        """As wide as the search box and tall enough for its rows (styled rows are taller than
        QCompleter assumes, which would add a needless scroll bar)."""
        popup = self.completer.popup()
        rows = min(self.model.rowCount(), self.completer.maxVisibleItems())
        height = sum(popup.sizeHintForRow(row) for row in range(rows))
        height += 2 * popup.frameWidth() + 2
        popup.resize(max(popup.width(), self.box.width()), height)

    def _activated(self, index: QModelIndex) -> None:
        self._open(index.data(TARGET_ROLE))

    def _open_first(self) -> None:
        """Enter in the box: open the row picked in the popup, else the first result."""
        current = self.popup.currentIndex()
        if self.popup.isVisible() and current.isValid():
            self._open(current.data(TARGET_ROLE))
        elif self.model.rowCount():
            self._open(self.model.item(0).data(TARGET_ROLE))

    def _open(self, target: object) -> None:
        # One Enter can reach both the popup and the box: open once per key press.
        if not isinstance(target, SearchTarget) or self._opening:
            return
        self._opening = True
        QTimer.singleShot(0, self._opened)
        self._seq += 1  # answers still on their way would reopen the popup: drop them
        self.popup.hide()
        self.open_requested.emit(target)

    def _opened(self) -> None:
        self._opening = False
