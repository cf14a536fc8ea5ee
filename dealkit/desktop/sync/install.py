"""Put the SyncService into the main window: File ▸ Sync now (F5, Ctrl+R), the status bar's
sync sentence, pages that reload after a pull changed what they show, and the Approvals page's
decisions sent at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from dealkit.desktop.sync.service import SyncOutcome, SyncService

# Which pages show which synced tables: a pull that changed one reloads the page.
PAGE_TABLES = {
    "quote": {"quotes", "quote_lines", "customers", "products", "price_book_entries"},
    "approvals": {"quotes", "quote_lines", "approval_decisions"},
    "commissions": {
        "commission_plans",
        "commission_transactions",
        "commission_periods",
        "commission_disputes",
        "commission_dispute_messages",
    },
    "library": {"content_items", "content_versions"},
    "publish": {"content_items", "content_versions", "content_views", "quiz_attempts"},
}


def install_sync(window: Any, **options: Any) -> SyncService:
    """Create the window's SyncService and wire it in; ``window.sync_action`` is the menu item."""
    service = SyncService(window.context, window.session, window, **options)
    action = QAction(window)
    action.setObjectName("syncNowAction")
    action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(service.sync_now)
    window.file_menu.insertAction(window.sign_in_action, action)
    window.sync_action = action

    def retranslate(_language: str = "") -> None:
        action.setText(QCoreApplication.translate("SyncService", "&Sync now"))
        window.show_sync_state()

    def state_changed() -> None:
        action.setEnabled(service.session.current() is not None and not service.running)
        window.show_sync_state()

    def synced(outcome: SyncOutcome) -> None:
        changed = set(outcome.changed)
        for page_id, page in window.pages.items():
            if not (changed & PAGE_TABLES.get(page_id, set())) or not page.loaded_once:
                continue
            if page is window.current_page() and window.ready:
                page.load()
            else:
                page.loaded_once = False  # reloads when next shown
        for refused in outcome.refused:
            window.toast.show_message(
                QCoreApplication.translate(
                    "SyncService", "Your decision on %1 was not recorded: %2"
                )
                .replace("%1", f"{refused.quote_number} v{refused.quote_version}")
                .replace("%2", refused.reason),
                "error",
                10000,
            )

    service.state_changed.connect(state_changed)
    service.synced.connect(synced)
    window.context.languages.language_changed.connect(retranslate)
    approvals = window.pages.get("approvals")
    if approvals is not None and hasattr(approvals, "decided"):
        approvals.decided.connect(service.request_sync)
    retranslate()
    state_changed()
    return service
