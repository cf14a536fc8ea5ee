"""The main window: navigation, the four pages, global search, menus and the status bar.

The window opens at once; pages load their data in the background after the workspace is ready
(``workspace_ready``), which may wait for the demo to be loaded on first launch. Geometry, state
and the last page visited come back from the typed settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from dealkit import __version__
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.global_search import GlobalSearch, SearchTarget
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.pages.approvals_page import ApprovalsPage
from dealkit.desktop.pages.commissions_page import CommissionsPage
from dealkit.desktop.pages.library_page import LibraryPage
from dealkit.desktop.pages.page import Page
from dealkit.desktop.pages.publish_page import PublishPage
from dealkit.desktop.pages.quote_page import QuotePage
from dealkit.desktop.preferences import PreferencesDialog
from dealkit.desktop.session import SessionState
from dealkit.desktop.settings import LAST_PAGE, PAGES, WINDOW_GEOMETRY, WINDOW_STATE
from dealkit.desktop.sync.install import install_sync
from dealkit.desktop.tasks import TaskFailure, TaskProgress
from dealkit.desktop.theme import icon
from dealkit.engine.auth.token_store import SavedSession
from dealkit.widgets.search_box import DebouncedSearchBox
from dealkit.widgets.toast import Toast


def _standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for a standard action, or ``fallback`` where the platform has none
    (several Linux desktops and the off-screen platform define no Quit or Preferences key)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


class AboutDialog(Retranslating, QDialog):
    """What Dealkit is and which version; non-blocking so it never freezes the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Dealkit"))
        self.text.setText(
            "<h3>Dealkit "
            + __version__
            + "</h3><p>"
            + self.tr(
                "Quotes, the sales library and commissions in one window, working offline "
                "on your own computer."
            )
            + "</p><p>"
            + self.tr("Fonts: Noto Sans and Noto Sans Thai, SIL Open Font License.")
            + "</p>"
        )
        self.close_button.setText(self.tr("Close"))


class MainWindow(Retranslating, QMainWindow):
    """``page_changed(page_id)`` follows navigation; ``ready`` tells whether pages may load."""

    page_changed = Signal(str)

    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("dealkit"))
        self.ready = False
        self.startup_message = ""
        self.startup_error: str | None = None

        self.pages: dict[str, Page] = {
            "quote": QuotePage(context),
            "library": LibraryPage(context),
            "commissions": CommissionsPage(context),
            "approvals": ApprovalsPage(context),
            "publish": PublishPage(context),  # for trainers: hidden until the role is known
        }
        assert tuple(self.pages) == PAGES
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        for page in self.pages.values():
            self.stack.addWidget(page)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.navigation.setIconSize(QSize(20, 20))
        for page_id in self.pages:
            item = QListWidgetItem(icon(page_id), "")
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._navigated)
        self.pages["publish"].access_known.connect(self._publish_access)  # type: ignore[attr-defined]

        self.brand = QLabel("Dealkit")
        self.brand.setObjectName("brand")
        self.user_label = QLabel()
        self.user_label.setObjectName("sidebarUser")
        self.user_label.setWordWrap(True)
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(196)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(12, 18, 12, 14)
        side.setSpacing(10)
        side.addWidget(self.brand)
        side.addWidget(self.navigation, 1)
        side.addWidget(self.user_label)

        self.search_box = DebouncedSearchBox(self, delay_ms=200)
        self.search_box.setObjectName("globalSearch")
        self.search = GlobalSearch(context, self.search_box, self)
        self.search.open_requested.connect(self.open_target)
        topbar = QFrame()
        topbar.setObjectName("topbar")
        top = QHBoxLayout(topbar)
        top.setContentsMargins(24, 10, 24, 10)
        top.addStretch(1)
        top.addWidget(self.search_box, 3)
        top.addStretch(1)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(topbar)
        column.addWidget(self.stack, 1)
        central = QWidget()
        central.setObjectName("central")
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(sidebar)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

        self.sync_label = QLabel()
        self.sync_label.setObjectName("syncState")
        self.task_label = QLabel()
        self.task_label.setObjectName("taskStatus")
        self.task_bar = QProgressBar()
        self.task_bar.setObjectName("taskProgress")
        self.task_bar.setFixedWidth(140)
        self.task_bar.setFixedHeight(10)
        self.task_bar.setTextVisible(False)
        self.task_bar.hide()
        self.statusBar().addWidget(self.sync_label)
        self.statusBar().addPermanentWidget(self.task_label)
        self.statusBar().addPermanentWidget(self.task_bar)
        context.tasks.busy_changed.connect(self._busy_changed)
        context.tasks.status.connect(self._task_status)
        context.tasks.progress.connect(self._task_progress)
        context.tasks.task_failed.connect(self._task_failed)
        self.toast = Toast(self)
        self.session = SessionState.for_workspace(context.workspace, self)
        self.session.expired.connect(self._session_expired)
        self.sign_in_dialog: QDialog | None = None

        self._build_menus()
        self.session.changed.connect(self._session_changed)
        self.session.signed_in.connect(self._signed_in)
        self._session_changed()
        self.sync = install_sync(self)  # background sync, File ▸ Sync now, the status bar
        self.preferences: PreferencesDialog | None = None
        self.about: AboutDialog | None = None
        self.retranslate()
        self.resize(1280, 800)
        self._restore()

    # menus ------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.sign_in_action = QAction(self)
        self.sign_in_action.triggered.connect(lambda: self.open_sign_in())
        self.sign_out_action = QAction(self)
        self.sign_out_action.triggered.connect(self.sign_out)
        self.file_menu.addAction(self.sign_in_action)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcuts(_standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.search_action = QAction(self)
        self.search_action.setShortcuts([QKeySequence("Ctrl+K")])
        self.search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.search_action.triggered.connect(self.focus_search)
        self.edit_menu.addAction(self.search_action)

        self.view_menu = bar.addMenu("")
        self.page_actions: dict[str, QAction] = {}
        for number, page_id in enumerate(self.pages, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, p=page_id: self.show_page(p))
            self.view_menu.addAction(action)
            self.page_actions[page_id] = action

        self.settings_menu = bar.addMenu("")
        self.preferences_action = QAction(self)
        self.preferences_action.setShortcuts(
            _standard_keys(QKeySequence.StandardKey.Preferences, "Ctrl+,")
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.triggered.connect(self.open_preferences)
        self.settings_menu.addAction(self.preferences_action)

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        self.help_menu.addAction(self.about_action)

    # text -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dealkit"))
        self.file_menu.setTitle(self.tr("&File"))
        self.sign_in_action.setText(self.tr("Sign &in…"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.search_action.setText(self.tr("&Search everything"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.preferences_action.setText(self.tr("&Preferences…"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Dealkit"))
        for row, page in enumerate(self.pages.values()):
            self.navigation.item(row).setText(page.title())
            self.page_actions[page.page_id].setText(page.title())
        self.search_box.setPlaceholderText(
            self.tr("Search quotes, customers, products and the library  (Ctrl+K)")
        )
        self.show_sync_state()
        if self.startup_message:
            self.task_label.setText(self.startup_message)

    def show_sync_state(self) -> None:
        """The status bar's sync sentence ("Synced 2 min ago", "Offline — 3 changes waiting")."""
        where = self.tr("Workspace: %1").replace("%1", str(self.context.workspace.root))
        sync = getattr(self, "sync", None)
        if sync is None:
            self.sync_label.setText(self.tr("Offline · local workspace · last sync: never"))
            self.sync_label.setToolTip(where)
        else:
            self.sync_label.setText(sync.status_text())
            self.sync_label.setToolTip(sync.status_tooltip() + "\n" + where)

    def set_user_name(self, name: str) -> None:
        self.user_label.setText(name)

    # navigation -------------------------------------------------------------------------------

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def show_page(self, page_id: str) -> None:
        if page_id not in self.pages:
            raise ValueError(f"unknown page {page_id!r}: use one of {PAGES}")
        self.navigation.setCurrentRow(list(self.pages).index(page_id))

    def _navigated(self, row: int) -> None:
        if row < 0:
            return
        page_id = list(self.pages)[row]
        page = self.pages[page_id]
        self.stack.setCurrentWidget(page)
        for other, action in self.page_actions.items():
            action.setChecked(other == page_id)
        self.context.settings.set(LAST_PAGE, page_id)
        if self.ready:
            page.activate()
        self.page_changed.emit(page_id)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def open_target(self, target: SearchTarget) -> None:
        """Open a global search result on its page."""
        if target.kind == "quote":
            self.show_page("quote")
            self.pages["quote"].show_quote(target.key)  # type: ignore[attr-defined]
        elif target.kind == "customer":
            self.show_page("quote")
            self.pages["quote"].filter_for(target.key)  # type: ignore[attr-defined]
        elif target.kind == "library":
            self.show_page("library")
            self.pages["library"].search_for(target.key)  # type: ignore[attr-defined]
        elif target.kind == "product":  # its material: datasheets, battlecards, stories
            self.show_page("library")
            self.pages["library"].search_for(f"product:{target.key}")  # type: ignore[attr-defined]

    # readiness and background work ------------------------------------------------------------

    def workspace_ready(self) -> None:
        """The workspace can be read (demo loaded if needed): load the visible page."""
        self.ready = True
        self.startup_message = ""
        self.current_page().activate()
        self.session.restore(self.context.tasks)  # the saved sign-in, off the GUI thread
        self.sync.start()  # syncs once the sign-in is known, then on a timer and on notice
        self.pages["publish"].check_access()  # type: ignore[attr-defined]

    def _publish_access(self, allowed: bool) -> None:
        """Show the Publish page in the sidebar and the View menu only to trainers."""
        self.navigation.item(list(self.pages).index("publish")).setHidden(not allowed)
        self.page_actions["publish"].setVisible(allowed)

    def workspace_failed(self, message: str) -> None:
        self.startup_error = message
        self.startup_message = message
        self.task_label.setText(message)
        self.toast.show_message(message, "error", 10000)

    @property
    def is_busy(self) -> bool:
        return self.context.tasks.busy or any(p.is_loading for p in self.pages.values())

    def _busy_changed(self, busy: bool) -> None:
        self.task_bar.setVisible(busy)
        if busy:
            self.task_bar.setRange(0, 0)  # indeterminate until a task reports numbers
        else:
            self.task_label.setText(self.startup_message)

    def _task_status(self, text: str) -> None:
        self.task_label.setText(text or self.startup_message)

    def _task_progress(self, report: TaskProgress) -> None:
        if report.total > 0:
            self.task_bar.setRange(0, report.total)
            self.task_bar.setValue(min(report.done, report.total))

    def _task_failed(self, failure: TaskFailure) -> None:
        self.toast.show_message(
            self.tr("Something went wrong: %1").replace("%1", failure.message), "error", 8000
        )

    # dialogs ----------------------------------------------------------------------------------

    def open_preferences(self) -> None:
        if self.preferences is None:
            self.preferences = PreferencesDialog(self.context, self)
        self.preferences.reset()
        self.preferences.open()

    def open_sign_in(self, expired: bool = False, reason: str = "") -> QDialog:
        """The sign-in dialog (see dealkit/desktop/sign_in.py), opened without blocking."""
        from dealkit.desktop.sign_in import SignInDialog

        if self.sign_in_dialog is not None and self.sign_in_dialog.isVisible():
            return self.sign_in_dialog
        dialog = SignInDialog(self.context, self.session, self, expired=expired, reason=reason)
        self.sign_in_dialog = dialog
        dialog.open()
        return dialog

    def sign_out(self) -> None:
        self.session.sign_out(
            self.context.tasks,
            lambda text, ok: self.toast.show_message(text, "info" if ok else "error", 6000),
        )

    def _session_expired(self, _reason: str) -> None:
        self.open_sign_in(expired=True)

    def _session_changed(self) -> None:
        signed_in = self.session.is_signed_in
        self.sign_in_action.setEnabled(self.session.restored and not signed_in)
        self.sign_out_action.setEnabled(signed_in)

    def _signed_in(self, session: SavedSession) -> None:
        self.toast.show_message(
            self.tr("Signed in to %1 as %2.")
            .replace("%1", session.server)
            .replace("%2", session.display_name or session.username)
        )

    def open_about(self) -> None:
        if self.about is None:
            self.about = AboutDialog(self)
        self.about.open()

    # state ------------------------------------------------------------------------------------

    def _restore(self) -> None:
        settings = self.context.settings
        geometry = settings.get(WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        state = settings.get(WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))
        self.show_page(settings.get(LAST_PAGE))

    def save_state(self) -> None:
        settings = self.context.settings
        settings.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        settings.set(WINDOW_STATE, bytes(self.saveState().data()))
        settings.set(LAST_PAGE, self.current_page().page_id)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.sync.stop()
        super().closeEvent(event)
