"""The Versions tab of the quote list's detail pane: every version of the selected quote, and
what changed between two of them.

The versions come from the rows the list already holds (each saved version is a row); the
changes are the engine's diff (``engine/quotes/versions.diff``) of the two saved documents,
read on a worker, in the words a rep and a manager read the same way ("line 3 [L3] (SRV-R7):
quantity 4 → 6"). By default the selected version is compared with the one before it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop import labels
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.quote_rows import QuoteRow, VersionDiff, load_version_diff
from dealkit.desktop.tasks import TaskFailure

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class QuoteVersionsPanel(Retranslating, QWidget):
    """Versions of one quote number, and the diff between two chosen versions."""

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quoteVersions")
        self.context = context
        self.quote: QuoteRow | None = None
        self.rows: list[QuoteRow] = []  # every version of the quote's number, oldest first
        self.diff: VersionDiff | None = None
        self.loading = False
        self._seq = 0
        self._filling = False

        self.versions = QTreeWidget()
        self.versions.setObjectName("quoteVersionList")
        self.versions.setRootIsDecorated(False)
        self.versions.setColumnCount(4)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.versions.header()
        header.setStretchLastSection(True)  # the total, right-aligned, takes the spare width
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.compare_label = QLabel()
        self.old_combo = QComboBox()
        self.old_combo.setObjectName("diffFromVersion")
        self.and_label = QLabel()
        self.new_combo = QComboBox()
        self.new_combo.setObjectName("diffToVersion")
        self.compare_label.setBuddy(self.old_combo)
        self.old_combo.currentIndexChanged.connect(lambda _i: self._compare())
        self.new_combo.currentIndexChanged.connect(lambda _i: self._compare())
        self.summary = QLabel()
        self.summary.setObjectName("diffSummary")
        self.summary.setWordWrap(True)
        self.changes = QListWidget()
        self.changes.setObjectName("diffChanges")
        self.changes.setWordWrap(True)

        compare = QHBoxLayout()
        compare.addWidget(self.compare_label)
        compare.addWidget(self.old_combo)
        compare.addWidget(self.and_label)
        compare.addWidget(self.new_combo)
        compare.addStretch(1)
        right = QVBoxLayout()
        right.addLayout(compare)
        right.addWidget(self.summary)
        right.addWidget(self.changes, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.versions, 2)
        layout.addSpacing(12)
        layout.addLayout(right, 3)
        context.languages.language_changed.connect(lambda _lang: self._show_versions())
        self.retranslate()

    def retranslate(self) -> None:
        self.versions.setHeaderLabels(
            [self.tr("Version"), self.tr("Status"), self.tr("Date"), self.tr("Total")]
        )
        self.versions.headerItem().setTextAlignment(3, RIGHT)
        self.compare_label.setText(self.tr("&Compare version"))
        self.and_label.setText(self.tr("with"))
        self._show_versions()
        self._show_diff()

    def show_quote(self, quote: QuoteRow | None, versions: list[QuoteRow]) -> None:
        """Show ``quote``'s versions (``versions``: the rows of its number) and compare the
        selected version with the one before it."""
        self.quote = quote
        self.rows = sorted(versions, key=lambda r: r.version)
        self.diff = None
        self._filling = True
        self.old_combo.clear()
        self.new_combo.clear()
        for row in self.rows:
            self.old_combo.addItem(str(row.version), row.version)
            self.new_combo.addItem(str(row.version), row.version)
        if quote is not None and len(self.rows) > 1:
            index = next(i for i, r in enumerate(self.rows) if r.version == quote.version)
            new = index if index > 0 else 1
            self.new_combo.setCurrentIndex(new)
            self.old_combo.setCurrentIndex(new - 1)
        self._filling = False
        self._show_versions()
        self._compare()

    def change_texts(self) -> list[str]:
        return [self.changes.item(i).text() for i in range(self.changes.count())]

    def compare(self, old_version: int, new_version: int) -> None:
        self._filling = True
        self.old_combo.setCurrentIndex(self.old_combo.findData(old_version))
        self._filling = False
        self.new_combo.setCurrentIndex(self.new_combo.findData(new_version))
        self._compare()

    # inside --------------------------------------------------------------------------------------

    def _show_versions(self) -> None:
        locale = self.context.babel_locale
        self.versions.clear()
        for row in self.rows:
            item = QTreeWidgetItem(
                [
                    str(row.version),
                    labels.quote_status(row.status),
                    labels.short_date(row.quote_date, locale),
                    row.total.format(locale),
                ]
            )
            item.setTextAlignment(3, RIGHT)
            if self.quote is not None and row.version == self.quote.version:
                font = item.font(0)
                font.setBold(True)
                for column in range(4):
                    item.setFont(column, font)
            self.versions.addTopLevelItem(item)

    def _compare(self) -> None:
        if self._filling:
            return
        self._seq += 1
        seq = self._seq
        self.diff = None
        old, new = self.old_combo.currentData(), self.new_combo.currentData()
        if self.quote is None or len(self.rows) < 2 or old is None or new is None or old == new:
            self.loading = False
            self._show_diff()
            return
        self.loading = True
        self._show_diff()
        workspace, number = self.context.workspace, self.quote.number
        self.context.tasks.run(
            lambda: load_version_diff(workspace, number, old, new),
            lambda diff: self._loaded(seq, diff),
            lambda failure: self._failed(seq, failure),
            name="quote-version-diff",
            owner=self,
        )

    def _loaded(self, seq: int, diff: VersionDiff) -> None:
        if seq == self._seq:
            self.loading = False
            self.diff = diff
            self._show_diff()

    def _failed(self, seq: int, failure: TaskFailure) -> None:
        if seq == self._seq:
            self.loading = False
            self.changes.clear()
            self.summary.setText(
                self.tr("The versions could not be compared: %1").replace("%1", failure.message)
            )

    def _show_diff(self) -> None:
        self.changes.clear()
        enabled = len(self.rows) > 1
        for widget in (self.old_combo, self.new_combo):
            widget.setEnabled(enabled)
        if self.quote is None:
            self.summary.setText(self.tr("Select a quote to see its versions."))
            return
        if not enabled:
            self.summary.setText(
                self.tr("%1 has one version. Revise it to make a new one.").replace(
                    "%1", self.quote.number
                )
            )
            return
        if self.loading:
            self.summary.setText(self.tr("Comparing…"))
            return
        diff = self.diff
        if diff is None:
            self.summary.setText(self.tr("Pick two different versions to compare."))
            return
        totals = {row.version: row.total for row in self.rows}
        old, new = totals.get(diff.old_version), totals.get(diff.new_version)
        text = self.tr("Version %1 to %2: %n change(s).", "", len(diff.changes))
        text = text.replace("%1", str(diff.old_version)).replace("%2", str(diff.new_version))
        if old is not None and new is not None and old.currency == new.currency:
            locale = self.context.babel_locale
            text += " " + self.tr("Total went from %1 to %2.").replace(
                "%1", old.format(locale)
            ).replace("%2", new.format(locale))
        self.summary.setText(text)
        self.changes.addItems(list(diff.changes))
