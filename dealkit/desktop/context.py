"""What every page of the window shares: the workspace, the task runner, language and settings.

Handed to each page at construction instead of reaching for globals, so a test can build one page
on its own with a real workspace and a real runner.
"""

from __future__ import annotations

from dataclasses import dataclass

from dealkit.desktop.i18n import LanguageManager
from dealkit.desktop.library_service import LibraryService
from dealkit.desktop.settings import AppSettings
from dealkit.desktop.tasks import TaskRunner
from dealkit.engine.workspace import Workspace


@dataclass
class DesktopContext:
    workspace: Workspace
    tasks: TaskRunner
    languages: LanguageManager
    settings: AppSettings
    library: LibraryService

    @property
    def babel_locale(self) -> str:
        return self.languages.babel_locale
