"""``dealkit selftest``: open the real window off-screen, visit every page in English and Thai.

Proves on any machine (a CI runner, a frozen build) that Qt and its plugins, the fonts, the
translations, the demo data, the migrations, the search index and the commission engine all work
together: it waits for each page's background loading, saves a screenshot per page and language
(``quote-en.png``, ``quote-th.png``, ..., and ``configure-en.png`` of the Configure dialog on
the demo's rack server), and exits non-zero on any failed task, any page that
reports an error, or any Qt warning. Without ``--workspace`` it works in a temporary workspace
loaded with the demo; with one, the window loads the demo there only if it is empty, as on a
first launch.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dealkit.cli.output import emit

PAGE_TIMEOUT_SECONDS = 180.0
# Warnings printed by Qt's off-screen platform plugin itself when a window is shown, raised or
# a popup opens: they say it has no window system to pass size hints, stacking or keyboard grabs
# to. They are facts about the off-screen platform, not faults of Dealkit; nothing else is ignored.
KNOWN_PLATFORM_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)
LIBRARY_QUERIES = {"en": "spine switch", "th": "เซิร์ฟเวอร์"}
GLOBAL_QUERY = "spine"
# In a demo workspace these pages must show something (Approvals may rightly be empty).
MUST_SHOW_DEMO_DATA = ("quote", "library", "commissions", "publish")
# The Configure dialog is shown on this demo product (``configure-en.png``, ``configure-th.png``).
CONFIGURE_SKU = "SRV-R7"


@dataclass
class PageVisit:
    page: str
    language: str
    title: str
    items: int
    seconds: float
    screenshot: str | None
    error: str | None = None


@dataclass
class SelftestReport:
    ok: bool = False
    workspace: str = ""
    platform: str = ""
    visits: list[PageVisit] = field(default_factory=list)
    global_search_results: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "selftest",
        parents=[common],
        help="open the window off-screen, visit every page in English and Thai, save screenshots",
        description="Open the window off-screen, wait for every page to load, visit each in "
        "English and in Thai, save screenshots, and exit non-zero on any error or Qt warning. "
        "Without --workspace it uses a temporary workspace loaded with the demo (never your "
        "own workspace).",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="DIR", help="save a PNG of every page here"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=PAGE_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help=f"longest wait for one page to load (default {PAGE_TIMEOUT_SECONDS:.0f})",
    )
    parser.set_defaults(func=run)


def _use_offscreen_without_display() -> None:
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    """Run the event loop until ``predicate()`` holds or ``timeout`` seconds pass."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    loop = QEventLoop()
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return True


def _settle(seconds: float = 0.15) -> None:
    """Let layouts and paints catch up before a screenshot."""
    end = time.monotonic() + seconds
    wait_until(lambda: time.monotonic() >= end, seconds + 1)


def _items_on(page: Any) -> int:
    """How much a page shows: rows, results or component lines."""
    if hasattr(page, "proxy"):
        return int(page.proxy.rowCount())
    if hasattr(page, "results"):
        return int(page.results.count())
    if hasattr(page, "lines"):
        return int(page.lines.topLevelItemCount())
    if hasattr(page, "items_count"):
        return int(page.items_count())
    return 0


def run(args: argparse.Namespace) -> int:
    _use_offscreen_without_display()
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    report = SelftestReport()
    started = time.monotonic()

    def record(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtDebugMsg or kind == QtMsgType.QtInfoMsg:
            return
        if QGuiApplication.platformName() == "offscreen" and message in KNOWN_PLATFORM_NOISE:
            return
        report.warnings.append(message)

    previous = qInstallMessageHandler(record)
    try:
        with tempfile.TemporaryDirectory(prefix="dealkit-selftest-") as tmp:
            _drive(args, Path(tmp), report)
    finally:
        qInstallMessageHandler(previous)
    report.seconds = round(time.monotonic() - started, 2)
    report.ok = not report.errors and not report.warnings
    emit(args, report, _text)
    return 0 if report.ok else 1


def _drive(args: argparse.Namespace, tmp: Path, report: SelftestReport) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QGuiApplication

    from dealkit.desktop.app import application, build_window, prepare_workspace
    from dealkit.desktop.settings import AppSettings
    from dealkit.engine.workspace import Workspace

    root = args.workspace if args.workspace is not None else tmp / "workspace"
    report.workspace = str(root)
    shots: Path | None = args.screenshot
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    app = application([sys.argv[0] if sys.argv else "dealkit"])
    report.platform = QGuiApplication.platformName()
    workspace = Workspace.open(root)  # a WorkspaceError reaches main() and exits 2
    settings = AppSettings.in_file(str(tmp / "settings.ini"))
    window = build_window(workspace, settings, "en")
    try:
        window.resize(1280, 800)
        window.show()
        failures_seen = 0
        prepare_workspace(window)
        if not wait_until(lambda: window.ready or window.startup_error, args.timeout * 3):
            report.errors.append("the workspace was not ready in time")
            return
        if not window.ready:
            report.errors.append(window.startup_error or "the workspace could not be prepared")
            return
        demo = workspace.info("demo_anchor") is not None
        for language in ("en", "th"):
            window.context.languages.set_language(language)
            for page_id, page in window.pages.items():
                begun = time.monotonic()
                window.show_page(page_id)
                if page_id == "library":
                    page.search_for(LIBRARY_QUERIES[language])  # type: ignore[attr-defined]
                if not wait_until(lambda: not window.is_busy, args.timeout):
                    report.errors.append(f"{page_id} ({language}) did not finish loading")
                _settle()
                window.toast.hide()  # the start-up notice would cover every screenshot
                file_name = _screenshot(window, shots, f"{page_id}-{language}.png", report)
                visit = PageVisit(
                    page=page_id,
                    language=language,
                    title=page.title(),
                    items=_items_on(page),
                    seconds=round(time.monotonic() - begun, 2),
                    screenshot=file_name,
                    error=page.load_error,
                )
                if visit.error:
                    report.errors.append(f"{page_id} ({language}): {visit.error}")
                elif demo and page_id in MUST_SHOW_DEMO_DATA and visit.items == 0:
                    report.errors.append(f"{page_id} ({language}) shows nothing from the demo")
                report.visits.append(visit)
            if demo:
                _visit_configure(window, workspace, language, shots, args.timeout, report)
                _visit_refreshers(window, workspace, language, shots, args.timeout, report)
                _visit_quote_versions(window, language, shots, args.timeout, report)
                _visit_quote_wizard(window, language, shots, args.timeout, report)
            _visit_sign_in(window, language, shots, report)
            failures = window.context.tasks.failures
            for failure in failures[failures_seen:]:
                report.errors.append(f"background task {failure.name} failed: {failure.message}")
            failures_seen = len(failures)
        report.global_search_results = _global_search(window, args.timeout, report)
    finally:
        window.context.tasks.wait_for_done()
        window.close()
        window.deleteLater()
        # deleteLater waits for an event loop; none runs here, so deliver it now: the window's
        # widgets go, and with them what they hold open (a PDF preview's document)
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        workspace.close()


def _visit_sign_in(window: Any, language: str, shots: Path | None, report: SelftestReport) -> None:
    """The sign-in dialog as it opens after the server ended a session (``sign-in-<lang>.png``);
    nothing is sent anywhere."""
    from dealkit.desktop.sign_in import SignInDialog

    dialog = SignInDialog(window.context, window.session, window, expired=True)
    dialog.server_edit.setText("https://dealkit.example.com")
    dialog.user_edit.setText("alex")
    dialog.show()
    _settle(0.2)
    file_name = _screenshot(dialog, shots, f"sign-in-{language}.png", report)
    report.visits.append(PageVisit("sign-in", language, dialog.windowTitle(), 3, 0.0, file_name))
    dialog.reject()
    dialog.deleteLater()


def _screenshot(widget: Any, shots: Path | None, name: str, report: SelftestReport) -> str | None:
    """Save ``widget`` as ``shots/name`` (when asked for screenshots); the file written, or None."""
    if shots is None:
        return None
    target = shots / name
    if not widget.grab().save(str(target)):
        report.errors.append(f"could not write {target}")
    return str(target)


def _visit_configure(
    window: Any,
    workspace: Any,
    language: str,
    shots: Path | None,
    timeout: float,
    report: SelftestReport,
) -> None:
    """Open the Configure dialog on the demo's rack server from the Quote page, as a rep would:
    the model is prepared in the background, then the dialog is shown and saved as
    ``configure-<language>.png`` with one choice made, so greyed options and messages show."""
    from dealkit.desktop.configure.catalog import load_configurable_products
    from dealkit.desktop.configure.product_picker import Pick

    begun = time.monotonic()
    page = window.pages["quote"]
    window.show_page("quote")
    rack = [p for p in load_configurable_products(workspace) if p.sku == CONFIGURE_SKU]
    if not rack:
        report.errors.append(f"the demo has no configurable {CONFIGURE_SKU} to configure")
        return
    launcher = page.configurator
    before = launcher.dialog
    launcher.configure(Pick(rack[0]), page.configure_request())
    opened = wait_until(
        lambda: launcher.dialog not in (None, before) or launcher.error_box is not None, timeout
    )
    dialog = launcher.dialog if launcher.dialog is not before else None
    if not opened or dialog is None:
        box = launcher.error_box
        report.errors.append(
            f"configure ({language}): "
            + (box.informativeText() if box is not None else "the dialog did not open in time")
        )
        return
    dialog.choose("chassis", "2u-24sff")
    _settle(0.3)
    file_name = _screenshot(dialog, shots, f"configure-{language}.png", report)
    report.visits.append(
        PageVisit(
            page="configure",
            language=language,
            title=dialog.windowTitle(),
            items=len(dialog.combos),
            seconds=round(time.monotonic() - begun, 2),
            screenshot=file_name,
        )
    )
    dialog.reject()
    _settle()


def _visit_quote_versions(
    window: Any, language: str, shots: Path | None, timeout: float, report: SelftestReport
) -> None:
    """Show the Quote page's Versions tab (``quote-versions-<language>.png``) on the quote with
    the most versions, comparing its newest version with the one before."""
    begun = time.monotonic()
    page = window.pages["quote"]
    window.show_page("quote")
    rows = page.model.rows()
    if not rows:
        report.errors.append(f"quote versions ({language}): the quote list is empty")
        return
    quote = max(rows, key=lambda row: (len(row.versions), row.version, row.quote_date))
    page.show_quote(quote.number)
    page.detail_tabs.setCurrentWidget(page.versions)
    if not wait_until(lambda: not window.is_busy and not page.versions.loading, timeout):
        report.errors.append(f"quote versions ({language}) did not finish loading")
    _settle()
    file_name = _screenshot(window, shots, f"quote-versions-{language}.png", report)
    report.visits.append(
        PageVisit(
            page="quote-versions",
            language=language,
            title=page.detail_tabs.tabText(page.detail_tabs.indexOf(page.versions)),
            items=page.versions.versions.topLevelItemCount(),
            seconds=round(time.monotonic() - begun, 2),
            screenshot=file_name,
        )
    )
    page.filter_for("")
    page.detail_tabs.setCurrentWidget(page.detail)
    _settle()


def _visit_quote_wizard(
    window: Any, language: str, shots: Path | None, timeout: float, report: SelftestReport
) -> None:
    """Open the open demo quote with the most lines in the Quote wizard, on its Price step with the
    first line's "Why this price" showing (``quote-wizard-<language>.png``), then go back."""
    from dealkit.engine.store.models import QuoteStatus

    begun = time.monotonic()
    page = window.pages["quote"]
    window.show_page("quote")
    rows = page.model.rows()
    if not rows:
        report.errors.append(f"quote wizard ({language}): the quote list is empty")
        return
    # An open quote shows what a rep works on (a live commission estimate, editable lines);
    # the one with the most lines shows the most of the grid.
    open_rows = [row for row in rows if row.status in (QuoteStatus.DRAFT, QuoteStatus.IN_REVIEW)]
    quote = max(open_rows or rows, key=lambda row: (row.line_count, row.number))
    wizard = page.ensure_wizard()
    page.views.setCurrentWidget(wizard)
    wizard.load_quote(quote.number, quote.version)
    opened = wait_until(
        lambda: (
            wizard.draft.document.number == quote.number
            and wizard.draft.priced is not None
            and not window.is_busy
        ),
        timeout,
    )
    if not opened:
        problems = "; ".join(str(p) for p in wizard.draft.problems) or "it did not open in time"
        report.errors.append(f"quote wizard ({language}): {quote.number}: {problems}")
    step = wizard.price_step
    step.table.setCurrentIndex(step.model.index(0, 2))
    step.show_why()
    _settle(0.3)
    file_name = _screenshot(window, shots, f"quote-wizard-{language}.png", report)
    report.visits.append(
        PageVisit(
            page="quote-wizard",
            language=language,
            title=wizard.header.identity.text(),
            items=step.model.rowCount(),
            seconds=round(time.monotonic() - begun, 2),
            screenshot=file_name,
        )
    )
    page.close_wizard()
    _settle()


def _global_search(window: Any, timeout: float, report: SelftestReport) -> int:
    """Type in the Ctrl+K box and wait for quotes, customers and library hits to come back."""
    window.focus_search()
    window.search_box.setText(GLOBAL_QUERY)
    window.search_box.search_now()
    if not wait_until(lambda: window.search.pending == 0 and not window.is_busy, timeout):
        report.errors.append("the global search did not answer in time")
    count = len(window.search.targets())
    window.search.popup.hide()
    return count


def _text(report: SelftestReport) -> str:
    lines = [f"workspace: {report.workspace}  (Qt platform: {report.platform})"]
    for visit in report.visits:
        where = f" -> {visit.screenshot}" if visit.screenshot else ""
        lines.append(
            f"  {visit.page:<12} {visit.language}  {visit.title:<16} {visit.items:>4} items  "
            f"{visit.seconds:>5.2f} s{where}"
        )
    lines.append(f"  global search {GLOBAL_QUERY!r}: {report.global_search_results} results")
    for warning in report.warnings:
        lines.append(f"Qt warning: {warning}")
    for error in report.errors:
        lines.append(f"error: {error}")
    verdict = "selftest passed" if report.ok else "selftest FAILED"
    lines.append(f"{verdict} in {report.seconds:.1f} s")
    return "\n".join(lines)


def _visit_refreshers(
    window: Any,
    workspace: Any,
    language: str,
    shots: Path | None,
    timeout: float,
    report: SelftestReport,
) -> None:
    """The Library page's New & changed list (``library-new-<language>.png``) and the quiz
    dialog on the first demo item that has a quiz (``quiz-<language>.png``), without answering
    it, so a workspace given with --workspace gets no attempt recorded."""
    from dealkit.desktop.library_quiz_dialog import QuizDialog
    from dealkit.engine.content.quizzes import items_with_quizzes, quiz_for_item

    begun = time.monotonic()
    page = window.pages["library"]
    window.show_page("library")
    page.refreshers.new_button.setChecked(True)
    if not wait_until(lambda: not window.is_busy, timeout):
        report.errors.append(f"library new & changed ({language}) did not finish loading")
    _settle()
    window.toast.hide()
    shown = page.results.count()
    file_name = _screenshot(window, shots, f"library-new-{language}.png", report)
    report.visits.append(
        PageVisit("library-new", language, page.status_label.text(), shown,
                  round(time.monotonic() - begun, 2), file_name)
    )  # fmt: skip
    page.refreshers.new_button.setChecked(False)
    from dealkit.engine.store.models import ContentItem

    with workspace.store.session() as session:
        with_quiz = sorted(  # a quiz in the window's language first
            items_with_quizzes(session),
            key=lambda item_id: (session.get(ContentItem, item_id).language != language, item_id),
        )
        stored = quiz_for_item(session, with_quiz[0]) if with_quiz else None
    if stored is None:
        report.errors.append("the demo has no library item with a quiz")
        return
    dialog = QuizDialog(stored.quiz, stored.item_title, window)
    dialog.show()
    dialog.pick(0)
    _settle(0.3)
    file_name = _screenshot(dialog, shots, f"quiz-{language}.png", report)
    report.visits.append(
        PageVisit("quiz", language, dialog.windowTitle(), len(stored.quiz.questions), 0.0,
                  file_name)
    )  # fmt: skip
    dialog.reject()
    dialog.deleteLater()
    if not wait_until(lambda: not window.is_busy, timeout):
        report.errors.append(f"library ({language}) did not settle after New & changed")
    _settle()
