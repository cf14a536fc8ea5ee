"""Start the window: ``dealkit`` with no command lands in ``run_window``.

Start-up order matters: the workspace is opened first (a damaged or too-new database stops here
with a message and is left untouched), then fonts, theme and translators are installed, the window
is shown at once, and the demo is loaded in the background on first launch with its progress in
the status bar; pages start loading when the workspace is ready.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from dealkit import __version__
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.fonts import install_fonts
from dealkit.desktop.i18n import LanguageManager
from dealkit.desktop.library_service import LibraryService
from dealkit.desktop.main_window import MainWindow
from dealkit.desktop.settings import LANGUAGE, AppSettings
from dealkit.desktop.tasks import TaskFailure, TaskRunner
from dealkit.desktop.theme import apply_theme
from dealkit.engine.store.errors import WorkspaceError
from dealkit.engine.workspace import Workspace

EXIT_WORKSPACE_ERROR = 2


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once, with Dealkit's names, fonts and theme."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Dealkit")
    app.setApplicationName("Dealkit")
    app.setApplicationVersion(__version__)
    install_fonts(app)
    apply_theme(app)
    return app


def show_workspace_error(message: str, parent: QWidget | None = None) -> None:
    """Tell the user why the workspace did not open (modal: there is no window behind it)."""
    box = QMessageBox(parent)
    box.setObjectName("workspaceErrorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(
        QCoreApplication.translate("DealkitApp", "Dealkit cannot open the workspace")
    )
    box.setText(QCoreApplication.translate("DealkitApp", "The workspace could not be opened."))
    box.setInformativeText(message)
    box.addButton(
        QCoreApplication.translate("DealkitApp", "Quit"), QMessageBox.ButtonRole.AcceptRole
    )
    box.exec()


def open_workspace(root: Path | None) -> Workspace | None:
    """Open the workspace, or show why not (nothing is changed on disk) and return None."""
    try:
        return Workspace.open(root)
    except WorkspaceError as error:
        show_workspace_error(str(error))
        return None


def _user_name(workspace: Workspace) -> str:
    from dealkit.desktop.quote_rows import current_user

    with workspace.store.session() as session:
        user = current_user(session, workspace)
        return user.display_name if user else ""


def build_window(
    workspace: Workspace, settings: AppSettings, language: str | None = None
) -> MainWindow:
    """The main window over ``workspace`` with its task runner, translator and library service."""
    languages = LanguageManager()
    languages.set_language(language or settings.get(LANGUAGE))
    tasks = TaskRunner()
    library = LibraryService(workspace, tasks)
    context = DesktopContext(workspace, tasks, languages, settings, library)
    window = MainWindow(context)
    for helper in (languages, tasks, library):
        helper.setParent(window)  # they live and die with the window (translator included)
    return window


def prepare_workspace(
    window: MainWindow,
    load_demo: bool = True,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """Load the demo on first launch (off the GUI thread), then tell the window it is ready."""
    workspace = window.context.workspace

    def prepare() -> tuple[bool, str]:
        loaded = False
        if load_demo:
            from dealkit.engine.demo import ensure_demo

            loaded = bool(ensure_demo(workspace))
        return loaded, _user_name(workspace)

    def ready(result: tuple[bool, str]) -> None:
        loaded, name = result
        window.set_user_name(name)
        window.workspace_ready()
        if loaded:
            window.toast.show_message(
                QCoreApplication.translate(
                    "DealkitApp", "The demo workspace is ready: Northwind Systems."
                )
            )
        if on_ready is not None:
            on_ready()

    def failed(failure: TaskFailure) -> None:
        window.workspace_failed(
            QCoreApplication.translate("DealkitApp", "The demo could not be loaded: %1").replace(
                "%1", failure.message
            )
        )

    window.startup_message = QCoreApplication.translate("DealkitApp", "Preparing the workspace…")
    window.context.tasks.run(
        prepare,
        ready,
        failed,
        label=QCoreApplication.translate("DealkitApp", "Loading the demo workspace…"),
        name="prepare-workspace",
    )


def run_window(args: Any) -> int:
    """Open the window on ``args.workspace`` (default folder if None) in ``args.lang`` if set."""
    app = application()
    workspace = open_workspace(getattr(args, "workspace", None))
    if workspace is None:
        return EXIT_WORKSPACE_ERROR
    settings = AppSettings()
    window = build_window(workspace, settings, getattr(args, "lang", None))
    window.show()
    prepare_workspace(window)
    try:
        return app.exec()
    finally:
        window.context.tasks.wait_for_done()
        workspace.close()
