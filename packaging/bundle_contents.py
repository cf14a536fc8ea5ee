"""What goes into the one-folder app, as plain functions the spec calls and the tests check.

The spec (``dealkit.spec``) is executed by PyInstaller and is awkward to test; every decision about
*what* to bundle lives here instead, so ``tests/packaging/test_bundle_contents.py`` can check it in
milliseconds without building anything.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

# Modules PyInstaller's analysis may drag in that the desktop app never uses.
EXCLUDED_MODULES = [
    # Test and development tools (they come in through optional imports of other libraries).
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "IPython",
    "pydoc_data",
    "PyInstaller",
    # PyThaiNLP's optional extras; the index uses only its word list (see KEPT_PYTHAINLP_CORPUS).
    "pandas",
    # Qt modules the widgets window does not use; some are reachable through PySide6's own
    # optional imports and would bring a hundred megabytes of QML with them.
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.Qt3DCore",
    "PySide6.QtMultimedia",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtOpenGLWidgets",
    # The shared server's HTTP stack: the server is deployed from a pip install, not from the
    # desktop app (see packaging/README.md).
    "dealkit.server",
    "uvicorn",
    "fastapi",
    "starlette",
    "psycopg",
    "psycopg_binary",
    "psycopg2",
    "MySQLdb",
    "pysqlite2",
    # The columnar commission run (a whole company's quarter) is server work; the desktop's
    # commissions use the per-credit engine. Polars alone would add about 170 MB.
    "dealkit.engine.commissions.columnar",
    "polars",
]

# Qt platform plugins the app ships: xcb for X11 desktops (and XWayland), offscreen for the
# selftest and CI. Qt picks xcb by default on Linux; QT_QPA_PLATFORM selects another.
KEPT_QT_PLATFORMS = {"libqxcb.so", "libqoffscreen.so"}

# Qt platform themes left out: the GTK 3 theme alone drags in GTK, Cairo, Pango and ATK (about
# 10 MB) to imitate GTK's look; Dealkit has its own QSS theme. The XDG portal theme stays (native
# file dialogs under Flatpak and on GNOME/KDE).
DROPPED_QT_PLATFORM_THEMES = {"libqgtk3.so"}

# Qt plugin folders that only serve platforms or modules we do not ship. ``generic`` holds evdev
# and TUIO input for framebuffer platforms; xcb takes input from the X server.
DROPPED_QT_PLUGIN_DIRS = {
    "egldeviceintegrations",
    "generic",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
    "qmltooling",
    "designer",
}

# Qt shared libraries that only the dropped plugins or modules need.
DROPPED_QT_LIBRARY = re.compile(r"libQt6(Qml|Quick|Labs|Lottie|Wayland|Wl|EglFs|EglFS)")

# Babel locale data: Dealkit speaks English and Thai. Babel resolves a locale through its parents
# (en_GB -> en_001 -> en -> root), so every English variant and root stay.
KEPT_BABEL_LOCALE = re.compile(r"^(root|en|en_\w+|th|th_\w+)\.dat$")

# PyThaiNLP's corpus is 60 MB of models and word lists; the index segments Thai with nlpo3 over
# one of them (see dealkit/index/thai.py). Its licence file travels with it.
KEPT_PYTHAINLP_CORPUS = {"words_th.txt", "corpus_license.md"}


# Qt's own translation catalogues kept: English and Thai only.
KEPT_QT_TRANSLATION = re.compile(r"^qt(base)?_(en|th)\.qm$")


def cli_command_modules(main_py: Path) -> list[str]:
    """The ``dealkit.cli.<name>`` modules named in ``COMMANDS`` in ``dealkit/cli/main.py``.

    ``main.py`` imports them with ``importlib`` by name, which PyInstaller cannot follow; reading
    the names from the source keeps the bundle in step as engineers add subcommands. ``COMMANDS``
    may be a list, tuple or set of names, or a dict keyed by them.
    """
    tree = ast.parse(main_py.read_text(encoding="utf-8"), filename=str(main_py))
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if not any(isinstance(t, ast.Name) and t.id == "COMMANDS" for t in targets):
            continue
        if isinstance(value, ast.Dict):
            elements = [key for key in value.keys if key is not None]
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            elements = list(value.elts)
        else:
            break
        return [f"dealkit.cli.{ast.literal_eval(element)}" for element in elements]
    raise ValueError(
        f"{main_py}: no literal COMMANDS list or dict found; the spec reads it to bundle the "
        "subcommand modules, so keep it a literal of command names"
    )


def _files_under(root: Path) -> list[Path]:
    return sorted(
        path
        for path in root.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def data_files(package: Path) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` pairs for Dealkit's data, as PyInstaller wants them.

    - ``dealkit/resources/**``: fonts, .qm translations, QSS theme, icons, demo data, models, plans.
    - ``dealkit/engine/store/migrations/**``: Alembic imports ``env.py`` and the version scripts
      by path from the folder ``database.py`` names, so they must exist there as source files.
    """
    pairs: list[tuple[str, str]] = []
    bundle_root = package.parent
    for folder in (package / "resources", package / "engine" / "store" / "migrations"):
        if not folder.is_dir():
            raise FileNotFoundError(f"{folder} is missing; the app cannot be bundled without it")
        for path in _files_under(folder):
            pairs.append((str(path), str(path.parent.relative_to(bundle_root))))
    return pairs


def keep_binary(dest_name: str) -> bool:
    """Whether a shared library PyInstaller collected belongs in the lean bundle."""
    path = PurePath(dest_name)
    parts = path.parts
    if "plugins" in parts:
        kind = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        if kind in DROPPED_QT_PLUGIN_DIRS:
            return False
        if kind == "platforms" and path.name not in KEPT_QT_PLATFORMS:
            return False
        if kind == "platformthemes" and path.name in DROPPED_QT_PLATFORM_THEMES:
            return False
    return not ("PySide6" in parts and DROPPED_QT_LIBRARY.match(path.name))


def keep_data(dest_name: str) -> bool:
    """Whether a data file PyInstaller collected belongs in the lean bundle."""
    path = PurePath(dest_name)
    parts = path.parts
    if "babel" in parts and "locale-data" in parts:
        return bool(KEPT_BABEL_LOCALE.match(path.name))
    if "pythainlp" in parts and "corpus" in parts:
        return path.name in KEPT_PYTHAINLP_CORPUS
    if "PySide6" in parts and "translations" in parts:
        # Qt's own strings (standard dialogs), in the languages Dealkit speaks. Qt ships no Thai
        # yet; the pattern takes it when it does.
        return bool(KEPT_QT_TRANSLATION.match(path.name))
    return True


def orphaned_libraries(
    removed: Iterable[str],
    kept: Iterable[str],
    libraries_needed_by: Callable[[str], Iterable[str]],
) -> set[str]:
    """File names of the shared libraries that only the ``removed`` binaries needed.

    PyInstaller collects a plugin's library dependencies (the GTK theme's Cairo and Pango, say)
    during the analysis, before the spec can drop the plugin; this finds what the drop orphaned.
    ``removed`` and ``kept`` are paths of binaries; ``libraries_needed_by(path)`` gives the file
    names a binary links to, at all depths (as ``ldd`` reports them). A library that a kept binary
    other than those candidates links to stays.
    """
    candidates: set[str] = set()
    for path in removed:
        candidates.update(libraries_needed_by(path))
    still_needed: set[str] = set()
    for path in kept:
        name = PurePath(path).name
        if name in candidates:
            continue  # kept only because a removed binary needed it: not a reason to stay
        still_needed.add(name)
        still_needed.update(libraries_needed_by(path))
    return candidates - still_needed
