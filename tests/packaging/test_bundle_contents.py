"""What the spec bundles, checked without building (the build itself is test_frozen_app.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import dealkit
from dealkit.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(dealkit.__file__).resolve().parent


def _load_bundle_contents() -> ModuleType:
    # packaging/ is not a Python package (its name would shadow PyPI's `packaging`), so the module
    # is loaded from its file, the way the spec's sys.path entry makes it importable.
    path = ROOT / "packaging" / "bundle_contents.py"
    spec = importlib.util.spec_from_file_location("dealkit_bundle_contents", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle = _load_bundle_contents()


def test_every_cli_command_module_is_a_hidden_import() -> None:
    modules = bundle.cli_command_modules(PACKAGE / "cli" / "main.py")
    assert modules == [f"dealkit.cli.{name}" for name in cli_main.COMMANDS]


def test_missing_commands_list_names_the_file(tmp_path: Path) -> None:
    main_py = tmp_path / "main.py"
    main_py.write_text("COMMANDZ = ['demo']\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"main\.py: no literal COMMANDS"):
        bundle.cli_command_modules(main_py)


@pytest.mark.parametrize(
    "source",
    [
        "COMMANDS = ['demo', 'library']\n",
        "COMMANDS = ('demo', 'library')\n",
        "COMMANDS = {'demo': 'load the demo', 'library': 'search'}\n",
        "COMMANDS: dict[str, str] = {'demo': 'load the demo', 'library': 'search'}\n",
    ],
)
def test_commands_may_be_a_list_or_a_dict(tmp_path: Path, source: str) -> None:
    main_py = tmp_path / "main.py"
    main_py.write_text(source, encoding="utf-8")
    assert bundle.cli_command_modules(main_py) == ["dealkit.cli.demo", "dealkit.cli.library"]


def test_data_files_carry_resources_and_migrations_to_the_same_relative_place() -> None:
    pairs = bundle.data_files(PACKAGE)
    bundled = {Path(dest) / Path(source).name for source, dest in pairs}
    for folder in ("resources", "engine/store/migrations"):
        for path in (PACKAGE / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                assert path.relative_to(PACKAGE.parent) in bundled, path
    assert Path("dealkit/engine/store/migrations/env.py") in bundled
    assert any(p.parent == Path("dealkit/engine/store/migrations/versions") for p in bundled)
    assert not any("__pycache__" in p.parts or p.suffix == ".pyc" for p in bundled)


def test_fonts_and_their_licence_are_bundled() -> None:
    bundled = {Path(source).name for source, _dest in bundle.data_files(PACKAGE)}
    assert {"NotoSansThai-Regular.ttf", "NotoSans-Regular.ttf", "OFL.txt"} <= bundled


def test_missing_data_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    with pytest.raises(FileNotFoundError, match="migrations is missing"):
        bundle.data_files(tmp_path)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("tantivy/tantivy.abi3.so", True),
        ("libpython3.11.so.1.0", True),
    ],
)
def test_keep_binary(dest: str, kept: bool) -> None:
    assert bundle.keep_binary(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("babel/locale-data/root.dat", True),
        ("babel/locale-data/en.dat", True),
        ("babel/locale-data/en_US.dat", True),
        ("babel/locale-data/en_001.dat", True),
        ("babel/locale-data/th.dat", True),
        ("babel/locale-data/th_TH.dat", True),
        ("babel/locale-data/de.dat", False),
        ("babel/locale-data/tr.dat", False),
        ("babel/global.dat", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/designer_en.qm", False),
        ("dealkit/resources/translations/dealkit_th.qm", True),
        ("reportlab/fonts/Vera.ttf", True),
    ],
)
def test_keep_data(dest: str, kept: bool) -> None:
    assert bundle.keep_data(dest) is kept


def test_babel_keeps_every_parent_of_the_english_and_thai_locales() -> None:
    from babel.core import get_global

    parents = get_global("parent_exceptions")
    for locale, parent in parents.items():
        if locale.startswith(("en", "th")):
            assert bundle.keep_data(f"babel/locale-data/{parent}.dat"), (locale, parent)


def test_orphaned_libraries_are_those_only_dropped_plugins_needed() -> None:
    # The shape of the real case: the GTK theme plugin is dropped; glib is shared with a kept
    # plugin, Cairo and Pango are not; libQt6Gui is needed by both and must stay. The sets are
    # whole closures, as ldd reports them.
    links = {
        "plugins/platformthemes/libqgtk3.so": {
            "libQt6Gui.so.6",
            "libgtk-3.so.0",
            "libcairo.so.2",
            "libpango-1.0.so.0",
            "libglib-2.0.so.0",
            "libpixman-1.so.0",
            "libfribidi.so.0",
            "libfreetype.so.6",
        },
        "plugins/platforms/libqxcb.so": {"libQt6Gui.so.6", "libxcb.so.1", "libfreetype.so.6"},
        "plugins/networkinformation/libqglib.so": {"libglib-2.0.so.0"},
        "PySide6/Qt/lib/libQt6Gui.so.6": {"libfreetype.so.6"},
        "libcairo.so.2": {"libpixman-1.so.0"},
        "libpango-1.0.so.0": {"libfribidi.so.0"},
    }
    orphans = bundle.orphaned_libraries(
        removed=["plugins/platformthemes/libqgtk3.so"],
        kept=[path for path in links if "libqgtk3" not in path],
        libraries_needed_by=lambda path: links.get(path, set()),
    )
    assert orphans == {
        "libgtk-3.so.0",
        "libcairo.so.2",
        "libpango-1.0.so.0",
        "libpixman-1.so.0",
        "libfribidi.so.0",
    }


def test_pythainlp_corpus_keeps_only_the_word_list_nlpo3_reads() -> None:
    assert bundle.keep_data("pythainlp/corpus/words_th.txt")
    assert bundle.keep_data("pythainlp/corpus/corpus_license.md")
    assert not bundle.keep_data("pythainlp/corpus/wordnet_th.db")
    assert not bundle.keep_data("pythainlp/corpus/deepcut.onnx")
