"""The Quote page: every quote in the workspace, sortable, with a filter box.

The list is the entry point of the quote work (the wizard comes with the pricing issue). Rows are
read by a worker; the table sorts on real values and filters as the rep types.

"Configure product…" (toolbar, Ctrl+Shift+C) configures one of the workspace's configurable
products under its rules, starting from a configured line of the selected quote when there is
one (``configure/launcher.py``); the accepted configuration is summarized with its option prices
in the detail pane's Configuration tab. It is not saved into the quote: that is the Quote
wizard's job.

The Commission tab (``quote_commission/panel.py``) says what the selected quote pays the
signed-in rep, with the engine's explanation and a discount what-if.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.configure.catalog import ConfigurableProduct
from dealkit.desktop.configure.launcher import (
    AcceptedConfiguration,
    ConfigureLauncher,
    ConfigureRequest,
)
from dealkit.desktop.configure.product_picker import Pick
from dealkit.desktop.configure.summary import ConfigurationSummary, summarize
from dealkit.desktop.configure.summary_view import ConfigurationSummaryView
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.pages.page import Page
from dealkit.desktop.quote_commission.panel import QuoteCommissionPanel
from dealkit.desktop.quote_detail import QuoteDetail
from dealkit.desktop.quote_rows import QuoteRow, load_quote_rows
from dealkit.desktop.quote_table_model import ROW_ROLE, QuoteFilterProxy, QuoteTableModel
from dealkit.desktop.quote_table_view import setup_quote_table
from dealkit.desktop.tasks import TaskFailure
from dealkit.widgets.search_box import DebouncedSearchBox

# The page's toolbar buttons read as buttons (the theme styles push buttons, not tool buttons).
TOOLBAR_STYLE = """
QToolBar#quoteToolbar { background: transparent; border: none; spacing: 6px; }
QToolBar#quoteToolbar QToolButton {
    background: #ffffff;
    border: 1px solid #cfd8e2;
    border-radius: 6px;
    padding: 5px 12px;
    color: #1d3f63;
}
QToolBar#quoteToolbar QToolButton:hover { background: #eef3f8; }
QToolBar#quoteToolbar QToolButton:focus { border: 1px solid #2f6fae; }
QToolBar#quoteToolbar QToolButton:disabled { color: #9aa5b1; border-color: #e1e6ec; }
"""


class QuotePage(Page):
    page_id = "quote"

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.model = QuoteTableModel(self, context.babel_locale)
        self.proxy = QuoteFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.filter_box = DebouncedSearchBox(self, delay_ms=120)
        self.filter_box.setObjectName("quoteFilter")
        # Grows to 260 px with the window and gives way down to 120 px, so the toolbar fits a
        # narrow window (the window's minimum width must stay well under the off-screen 800 px).
        self.filter_box.setMinimumWidth(120)
        self.filter_box.setMaximumWidth(260)
        self.filter_box.search_requested.connect(self._filter)
        self.count_label = QLabel()
        self.count_label.setProperty("role", "muted")

        self.table = QTableView()
        self.table.setObjectName("quoteTable")
        self.table.setModel(self.proxy)
        setup_quote_table(self.table)
        self.detail = QuoteDetail(context)
        self.summary_view = ConfigurationSummaryView(context.babel_locale, self)
        self.summary_view.hide()  # shown in the detail pane's Configuration tab once accepted
        self.summary_view.edit_requested.connect(self._edit_configuration)
        self.summary_view.close_requested.connect(self._close_summary)
        self.detail_tabs = QTabWidget()
        self.detail_tabs.setObjectName("quoteDetailTabs")
        self.detail_tabs.setDocumentMode(True)
        self.detail_tabs.setTabBarAutoHide(True)  # a lone tab needs no tab bar
        self.detail_tabs.addTab(self.detail, "")  # the summary's tab comes with a summary
        self.commission = QuoteCommissionPanel(context)
        self.detail_tabs.addTab(self.commission, "")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.configure_action = QAction(self)
        self.configure_action.setObjectName("configureProductAction")
        self.configure_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        # Anywhere in the window while this page is shown (a hidden page's actions do not fire).
        self.configure_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.configure_action.setEnabled(False)  # until the workspace is ready and read
        self.configure_action.triggered.connect(self.configure_product)
        self.addAction(self.configure_action)
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("quoteToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.configure_action)
        self.configure_button = self.toolbar.widgetForAction(self.configure_action)
        assert isinstance(self.configure_button, QToolButton)
        self.configure_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        self.toolbar.setStyleSheet(TOOLBAR_STYLE)
        self.configurator = ConfigureLauncher(context, self)
        self.configurator.configured.connect(self._configured)
        self.configurator.busy_changed.connect(
            lambda busy: self.configure_action.setEnabled(not busy and self.loaded_once)
        )
        self._summary_product: ConfigurableProduct | None = None
        self._summary_request = ConfigureRequest()

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(10)
        top.addWidget(self.toolbar)
        top.addStretch(1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        context.languages.language_changed.connect(self._locale_changed)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Quotes")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.filter_box.setPlaceholderText(
            self.tr("Filter by number, customer, name, status or owner")
        )
        self.model.retranslate()
        self.configure_action.setText(self.tr("Configure product…"))
        self.configure_action.setIconText(self.configure_action.text())  # keep the "…"
        self.configure_action.setToolTip(
            self.tr("Configure a product under its rules (%1)").replace(
                "%1",
                self.configure_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            )
        )
        self.detail_tabs.setTabText(0, self.tr("Lines"))
        self.detail_tabs.setTabText(
            self.detail_tabs.indexOf(self.commission), self.tr("Commission")
        )
        if self.has_summary:
            self.detail_tabs.setTabText(
                self.detail_tabs.indexOf(self.summary_view), self.tr("Configuration")
            )
        self._update_count()

    def _locale_changed(self, _language: str) -> None:
        self.model.set_locale(self.context.babel_locale)
        self.summary_view.set_locale(self.context.babel_locale)

    def load(self) -> None:
        self.configure_action.setEnabled(True)
        self.begin_loading()
        self.count_label.setText(self.tr("Loading quotes…"))
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_quote_rows(workspace),
            self._loaded,
            self._failed,
            label=self.tr("Loading quotes…"),
            name="quote-rows",
        )

    def _loaded(self, rows: list[QuoteRow]) -> None:
        self.model.set_rows(rows)
        self.load_error = None
        self.end_loading()
        self._update_count()
        self.select_first()

    def _failed(self, failure: TaskFailure) -> None:
        self.load_error = failure.message
        self.end_loading()
        self.count_label.setText(
            self.tr("Could not load quotes: %1").replace("%1", failure.message)
        )

    def _filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_count()
        current = self.table.currentIndex()
        if not current.isValid() or not self.table.selectionModel().isRowSelected(current.row()):
            self.select_first()

    def _update_count(self, *_args: object) -> None:
        if self.is_loading:
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("%n quote(s)", "", total))
        else:
            self.count_label.setText(
                self.tr("%1 of %2 quotes").replace("%1", str(shown)).replace("%2", str(total))
            )

    def show_quote(self, number: str) -> None:
        """Filter the list to one quote number and select its newest version (global search)."""
        self.filter_box.setText(number)
        self._filter(number)
        self.select_first()
        self.table.setFocus()

    def filter_for(self, text: str) -> None:
        """Show the quotes matching ``text`` (a customer chosen in the global search)."""
        self.filter_box.setText(text)
        self._filter(text)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        quote = current.data(ROW_ROLE) if current.isValid() else None
        self.detail.show_quote(quote)
        self.commission.show_quote(quote)

    def select_first(self) -> None:
        """Select the top row so its lines show (after loading or filtering)."""
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_quote(None)
            self.commission.show_quote(None)

    # configuring a product ----------------------------------------------------------------------

    @property
    def has_summary(self) -> bool:
        """True while the detail pane shows the Configuration tab."""
        return self.detail_tabs.indexOf(self.summary_view) >= 0

    def configure_request(self) -> ConfigureRequest:
        """The selected quote, if any: its lines may hold choices, its currency prices them."""
        quote = self.detail.quote
        if quote is None:
            return ConfigureRequest()
        label = f"{quote.number} v{quote.version} · {quote.customer}"
        return ConfigureRequest(quote.id, label, quote.total.currency)

    def configure_product(self) -> None:
        """Let the rep pick a configurable product (or a configured line) and configure it."""
        self.configurator.start(self.configure_request())

    def _configured(self, accepted: AcceptedConfiguration) -> None:
        summary = summarize(
            accepted.prepared.model, accepted.configuration, accepted.request.quote_currency
        )
        self._summary_request = accepted.request
        self._summary_product = accepted.prepared.product
        self.summary_view.show_summary(summary, accepted.request.quote_label)
        if not self.has_summary:
            # next to Lines, where the rep's eye is after configuring (Commission moves right)
            self.detail_tabs.insertTab(1, self.summary_view, self.tr("Configuration"))
            total = sum(self.splitter.sizes())
            self.splitter.setSizes([total * 2 // 5, total - total * 2 // 5])  # room for it
        self.detail_tabs.setCurrentWidget(self.summary_view)

    def _edit_configuration(self, summary: ConfigurationSummary) -> None:
        if self._summary_product is None:
            return
        pick = Pick(self._summary_product, choices=summary.configuration)
        self.configurator.configure(pick, self._summary_request)

    def _close_summary(self) -> None:
        self.detail_tabs.setCurrentWidget(self.detail)
        self.detail_tabs.removeTab(self.detail_tabs.indexOf(self.summary_view))
