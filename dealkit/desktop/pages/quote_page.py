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
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop import labels
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
from dealkit.desktop.quote_versions import QuoteVersionsPanel
from dealkit.desktop.quote_wizard.wizard import QuoteWizard
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.store.models import QuoteStatus
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
        # On its own row under the toolbar: grows to 480 px with the window and gives way down
        # to 160 px (the window's minimum width must stay well under the off-screen 800 px).
        self.filter_box.setMinimumWidth(160)
        self.filter_box.setMaximumWidth(480)
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
        self.versions = QuoteVersionsPanel(context)
        self.detail_tabs.addTab(self.versions, "")
        # Which statuses the list shows (with the filter box: customer, product, number...).
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("quoteStatusFilter")
        self.status_filter.addItem("", None)
        for status in QuoteStatus:
            self.status_filter.addItem("", status)
        self.status_filter.currentIndexChanged.connect(self._status_chosen)
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

        # Two rows: the heading and what the rep does, then what narrows the list and how many
        # it shows. When the heading and the buttons do not fit side by side (Thai in a narrow
        # window) the buttons take a row of their own under the heading (``_place_toolbar``).
        self.top_row = top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addSpacing(10)
        top.addWidget(self.toolbar)
        top.addStretch(1)
        self.toolbar_row = QHBoxLayout()  # empty (and taking no room) while the buttons fit above
        self.toolbar_row.addStretch(1)
        self.toolbar_beside = True
        filters = QHBoxLayout()
        filters.addWidget(self.filter_box, 1)
        filters.addWidget(self.status_filter)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        # The list and the Quote wizard take turns (``open_wizard``, ``close_wizard``).
        self.list_view = QWidget()
        self.list_view.setObjectName("quoteListView")
        list_layout = QVBoxLayout(self.list_view)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(14)
        list_layout.addLayout(top)
        list_layout.addLayout(self.toolbar_row)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.splitter, 1)
        self.views = QStackedWidget()
        self.views.addWidget(self.list_view)
        self.wizard: QuoteWizard | None = None  # built the first time a quote is opened
        self._wizard_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(self.views)
        context.languages.language_changed.connect(self._locale_changed)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Quotes")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()
        self._place_toolbar(event.size().width() - margins.left() - margins.right())

    def _place_toolbar(self, width: int | None = None) -> None:
        """Put the buttons beside the heading when both fit in ``width``, else under it.

        Under it, the toolbar keeps its full width (no button goes to an overflow menu): the
        window's minimum width grows by what the buttons need, still under 800 px in Thai."""
        if width is None:
            width = self.list_view.width()
        gaps = 10 + 3 * max(0, self.top_row.spacing())  # the 10 px spacer and the row's gaps
        needed = self.heading.sizeHint().width() + self.toolbar.sizeHint().width() + gaps
        beside = needed <= width
        if beside == self.toolbar_beside:
            if not beside:
                self.toolbar.setMinimumWidth(self.toolbar.sizeHint().width())
            return
        self.toolbar_beside = beside
        if beside:
            self.toolbar_row.removeWidget(self.toolbar)
            self.toolbar.setMinimumWidth(0)
            self.top_row.insertWidget(2, self.toolbar)
        else:
            self.top_row.removeWidget(self.toolbar)
            self.toolbar.setMinimumWidth(self.toolbar.sizeHint().width())
            self.toolbar_row.insertWidget(0, self.toolbar)

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.filter_box.setPlaceholderText(
            self.tr("Filter by number, customer, product (SKU or name), status or owner")
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
        self.detail_tabs.setTabText(self.detail_tabs.indexOf(self.versions), self.tr("Versions"))
        self.status_filter.setItemText(0, self.tr("All statuses"))
        for index in range(1, self.status_filter.count()):
            self.status_filter.setItemText(
                index, labels.quote_status(self.status_filter.itemData(index))
            )
        self.status_filter.setToolTip(self.tr("Show only the quotes in one status"))
        if self.has_summary:
            self.detail_tabs.setTabText(
                self.detail_tabs.indexOf(self.summary_view), self.tr("Configuration")
            )
        self._update_count()
        self.new_action.setText(self.tr("New quote"))
        self.new_action.setToolTip(self.tr("Start a new quote (Ctrl+N)"))
        self.open_action.setText(self.tr("Open"))
        self.open_action.setToolTip(self.tr("Open the selected quote in the wizard (Enter)"))
        self.revise_action.setText(self.tr("Revise"))
        self.revise_action.setToolTip(
            self.tr("Make a new version of the selected quote (Ctrl+Shift+R)")
        )
        self._place_toolbar()  # the buttons' words changed width

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
            owner=self,
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
        self.versions.show_quote(quote, self.versions_of(quote))

    def versions_of(self, quote: QuoteRow | None) -> list[QuoteRow]:
        """Every loaded version of ``quote``'s number (the Versions tab lists them)."""
        if quote is None:
            return []
        return [row for row in self.model.rows() if row.number == quote.number]

    def _status_chosen(self, index: int) -> None:
        self.proxy.set_status(self.status_filter.itemData(index))
        self._filter(self.filter_box.text())

    def select_first(self) -> None:
        """Select the top row so its lines show (after loading or filtering)."""
        if self.proxy.rowCount():
            self.table.selectRow(0)
        else:
            self.detail.show_quote(None)
            self.commission.show_quote(None)
            self.versions.show_quote(None, [])

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

    # the Quote wizard ---------------------------------------------------------------------------

    def _wizard_actions(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setObjectName("newQuoteAction")
        self.new_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_action.triggered.connect(self.new_quote)
        self.open_action = QAction(self)
        self.open_action.setObjectName("openQuoteAction")
        self.open_action.triggered.connect(self.open_selected)
        self.revise_action = QAction(self)
        self.revise_action.setObjectName("reviseQuoteAction")
        self.revise_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.revise_action.triggered.connect(self.revise_selected)
        for action in (self.new_action, self.open_action, self.revise_action):
            # anywhere in the window while the list shows (a hidden widget's actions are off)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.list_view.addAction(action)
        self.toolbar.insertActions(
            self.configure_action, [self.new_action, self.open_action, self.revise_action]
        )
        for action in (self.new_action, self.open_action, self.revise_action):
            button = self.toolbar.widgetForAction(action)
            if button is not None:
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.table.activated.connect(lambda _index: self.open_selected())

    def ensure_wizard(self) -> QuoteWizard:
        if self.wizard is None:
            self.wizard = QuoteWizard(self.context, self)
            self.wizard.closed.connect(self.close_wizard)
            self.wizard.saved.connect(lambda _doc: self.load())
            self.views.addWidget(self.wizard)
            edit_menu = getattr(self.window(), "edit_menu", None)
            if edit_menu is not None:  # Edit ▸ Undo / Redo follow the wizard's draft
                first = edit_menu.actions()[0] if edit_menu.actions() else None
                edit_menu.insertActions(first, [self.wizard.undo_action, self.wizard.redo_action])
                edit_menu.insertSeparator(first)
        return self.wizard

    def _show_wizard(self) -> QuoteWizard:
        wizard = self.ensure_wizard()
        self.views.setCurrentWidget(wizard)
        return wizard

    def new_quote(self) -> None:
        """Ctrl+N: a new quote in the wizard, on the Customer step."""
        self._show_wizard().new_quote()

    def open_selected(self) -> None:
        """Enter (or Open) on a quote: the wizard on its Price step."""
        quote = self.detail.quote
        if quote is not None:
            self._show_wizard().load_quote(quote.number, quote.version)

    def revise_selected(self) -> None:
        """A new version of the selected quote (its latest version, revised), in the wizard."""
        quote = self.detail.quote
        if quote is not None:
            self._show_wizard().load_quote(quote.number, None, revise_it=True)

    def close_wizard(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def wizard_shown(self) -> bool:
        return self.wizard is not None and self.views.currentWidget() is self.wizard
