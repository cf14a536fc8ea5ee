"""The Quote wizard's suggestions panel: library material that helps the quote being built.

From the draft's products, customer (industry, region), named competitors and status, the
engine's ``suggest`` ranks the library (``engine/content/suggestions.py``: plain metadata rules a
rep can check, each suggestion with its reason). The panel groups the answer by what the rep
reaches for (the battlecard for the competitor, case studies in the industry, datasheets of the
products, training on them), the group of the best suggestion first; each item says in one line
why it is there. Double-click or Enter opens the item on the Library page (``open_requested``
carries the same ``SearchTarget`` the Ctrl+K search uses). Like the commission panel it follows
the draft's edits once they rest, and ranks off the GUI thread; an answer to an older edit is
dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.commission_summary import as_of_date
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.global_search import SearchTarget
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_commission.panel import RelayoutOnResize, failure_text
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.content.deal_context import from_document
from dealkit.engine.content.suggestions import Suggestion, suggest
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.workspace import Workspace

DELAY_MS = 150
LIMIT = 12  # enough to fill the panel; the Library page has the rest
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class SuggestionGroup:
    kind: str
    suggestions: tuple[Suggestion, ...]


def group_suggestions(found: list[Suggestion]) -> list[SuggestionGroup]:
    """``found`` (best first) grouped by kind; a group's place is that of its best item."""
    groups: dict[str, list[Suggestion]] = {}
    for suggestion in found:
        groups.setdefault(suggestion.kind, []).append(suggestion)
    return [SuggestionGroup(kind, tuple(items)) for kind, items in groups.items()]


def load_suggestions(
    workspace: Workspace, document: QuoteDocument, as_of: date
) -> list[SuggestionGroup]:
    """Rank the library for ``document`` (runs on a worker)."""
    with workspace.store.session() as session:
        deal = from_document(session, document)
        return group_suggestions(suggest(session, deal, as_of, LIMIT))


class TwoLineDelegate(QStyledItemDelegate):
    """A suggestion as its title over its reason (smaller, muted), both wrapped to the view's
    width so a narrow panel shows them whole; the tooltip repeats them. Rows without a
    suggestion (group headers) draw as usual."""

    PAD = 3
    FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        reason = QFont(option.font)
        reason.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        return title, reason

    def _blocks(
        self, option: QStyleOptionViewItem, suggestion: Suggestion, width: int
    ) -> list[tuple[QFont, str, int]]:
        """Each text with its font and wrapped height at ``width``."""
        out = []
        for font, text in zip(self._fonts(option), (suggestion.title, suggestion.why), strict=True):
            bounds = QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), self.FLAGS, text)
            out.append((font, text, bounds.height()))
        return out

    def _width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QTreeWidget):  # a suggestion is a child of its group
            return max(view.viewport().width() - view.indentation() - 2 * self.PAD, 40)
        return max(option.rect.width() - 2 * self.PAD, 40)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        suggestion = index.data(SUGGESTION_ROLE)
        if not isinstance(suggestion, Suggestion):
            return super().sizeHint(option, index)
        width = self._width(option)
        blocks = self._blocks(option, suggestion, width)
        return QSize(width, sum(h for _, _, h in blocks) + 3 * self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        suggestion = index.data(SUGGESTION_ROLE)
        if not isinstance(suggestion, Suggestion):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.save()
        for (font, text, height), color in zip(
            self._blocks(opt, suggestion, rect.width()), (strong, muted), strict=True
        ):
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRect(rect.left(), rect.top(), rect.width(), height), self.FLAGS, text)
            rect.setTop(rect.top() + height + self.PAD)
        painter.restore()


class SuggestionsPanel(Retranslating, QWidget):
    """Library material for the draft, grouped, each with the reason it is suggested."""

    open_requested = Signal(object)  # SearchTarget("library", title, label)

    def __init__(
        self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wizardSuggestions")
        self.context = context
        self.draft = draft
        self.groups: list[SuggestionGroup] | None = None
        self.error: str | None = None
        self.loading = False
        self.answers = 0  # answers shown so far (tests and selftest wait on it)
        self._seq = 0

        self.message = QLabel()
        self.message.setObjectName("suggestionsMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("role", "muted")
        self.tree = QTreeWidget()
        self.tree.setObjectName("suggestionsTree")
        self.tree.setColumnCount(1)
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(10)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._two_lines = TwoLineDelegate(self.tree)  # kept: its Python paint must stay alive
        self.tree.setItemDelegate(self._two_lines)
        self._relayout = RelayoutOnResize(self.tree)
        self.tree.itemActivated.connect(self._activated)
        self.hint = QLabel()
        self.hint.setProperty("role", "muted")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DELAY_MS)
        self._debounce.timeout.connect(self.refresh)
        # bound methods, not lambdas: Qt drops them when the panel is deleted
        draft.changed.connect(self._draft_changed)
        context.languages.language_changed.connect(self._language_changed)
        self.retranslate()
        self.refresh()

    # loading -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Rank the library for the draft as it is now."""
        self._debounce.stop()
        self._seq += 1
        seq = self._seq
        self.loading = True
        self.error = None
        if self.groups is None:
            self._show()
        workspace = self.context.workspace
        document = self.draft.document
        as_of = as_of_date(workspace)
        self.context.tasks.run(
            lambda: load_suggestions(workspace, document, as_of),
            lambda groups: self._loaded(seq, groups),
            lambda failure: self._failed(seq, failure),
            name="wizard-suggestions",
            owner=self,
        )

    @property
    def pending(self) -> bool:
        return self._debounce.isActive() or self.loading

    def _draft_changed(self, _document: object) -> None:
        self._debounce.start()  # restarts: one ranking once the edits rest

    def _language_changed(self, _language: str) -> None:
        self._show()

    def _loaded(self, seq: int, groups: list[SuggestionGroup]) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self.groups = groups
        self.answers += 1
        self._show()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq != self._seq:
            return
        self.loading = False
        self.groups = None
        self.error = failure_text(failure)
        self.answers += 1
        self._show()

    # showing -----------------------------------------------------------------------------------

    def group_title(self, kind: str) -> str:
        titles = {
            "battlecard": self.tr("Battlecards"),
            "customer_story": self.tr("Customer stories"),
            "collateral": self.tr("Datasheets"),
            "training": self.tr("Training"),
            "market_note": self.tr("Market notes"),
            "policy": self.tr("Policies"),
        }
        return titles.get(kind, kind.replace("_", " ").capitalize())

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Double-click or press Enter to open an item in the Library."))
        self._show()

    def suggestion_items(self) -> list[QTreeWidgetItem]:
        """The suggestion rows in the order shown (group headers left out)."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            rows += [group.child(j) for j in range(group.childCount())]
        return rows

    def _show(self) -> None:
        self.tree.clear()
        groups = self.groups
        if self.error is not None:
            text = self.tr("Suggestions could not be found: %1").replace("%1", self.error)
        elif groups is None:
            text = self.tr("Looking for material that helps this quote…")
        elif not groups:
            text = self.tr(
                "Nothing in the library matches this quote yet: add products, or name a competitor."
            )
        else:
            text = ""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.tree.setVisible(bool(groups))
        self.hint.setVisible(bool(groups))
        if not groups:
            return
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for group in groups:
            header = QTreeWidgetItem([self.group_title(group.kind)])
            header.setFont(0, bold)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for suggestion in group.suggestions:
                item = QTreeWidgetItem([suggestion.title])  # drawn with its reason below
                item.setData(0, SUGGESTION_ROLE, suggestion)
                item.setToolTip(0, "\n".join([suggestion.title, *suggestion.reasons]))
                header.addChild(item)
            self.tree.addTopLevelItem(header)
        self.tree.expandAll()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        suggestion = item.data(0, SUGGESTION_ROLE)
        if not isinstance(suggestion, Suggestion):
            return
        word = self.tr("Library")
        self.open_requested.emit(
            SearchTarget("library", suggestion.title, f"{suggestion.title} — {word}")
        )
