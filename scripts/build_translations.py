"""Refresh the interface translations from the sources and compile them for Qt, and the
engine's sentences (gettext, ``scripts/engine_words.py``).

    python scripts/build_translations.py            # lupdate the .ts files, then lrelease the .qm
    python scripts/build_translations.py --release  # only compile .ts -> .qm (no source scan)
    python scripts/build_translations.py --check    # exit 1 if a .qm is stale or text untranslated

``dealkit_th.ts`` holds the Thai text of every interface string (a translator edits it with Qt
Linguist or any text editor); ``dealkit_en.ts`` holds only English plural forms ("1 quote",
"2 quotes"), because English is the source language. The compiled ``.qm`` files are committed so
a fresh checkout runs without Qt's tools; ``--check`` (used by the tests) proves they match.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import engine_words  # noqa: E402 - beside this script

TRANSLATIONS = ROOT / "dealkit" / "resources" / "translations"
SOURCE_DIRS = [ROOT / "dealkit" / "desktop", ROOT / "dealkit" / "widgets"]
CATALOGS = {"th": [], "en": ["-pluralonly"]}  # language -> extra lupdate options


def find_tool(name: str) -> Path:
    """``pyside6-<name>`` next to this Python, else the binary inside the PySide6 package."""
    here = Path(sys.executable).parent
    for candidate in (here / f"pyside6-{name}", here / f"pyside6-{name}.exe"):
        if candidate.exists():
            return candidate
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / name, package / f"{name}.exe", package / "Qt" / "bin" / name):
        if candidate.exists():
            return candidate
    found = shutil.which(f"pyside6-{name}")
    if found:
        return Path(found)
    raise SystemExit(
        f"cannot find pyside6-{name}: install PySide6 (pip install PySide6-Essentials)"
    )


def source_files() -> list[Path]:
    return sorted(p for d in SOURCE_DIRS for p in d.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"dealkit_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"dealkit_{language}.qm"


def run(command: list[str | Path]) -> None:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stdout}{result.stderr}")


def lupdate(language: str, ts: Path) -> None:
    """Add new source strings to ``ts`` (as unfinished) and drop strings no longer in the code."""
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    command = [find_tool("lupdate"), *CATALOGS[language], "-no-obsolete", "-locations", "none"]
    command += ["-source-language", "en_US", "-target-language", language]
    result = subprocess.run(
        [str(c) for c in command] + files + ["-ts", str(ts)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise SystemExit(f"lupdate failed:\n{result.stdout}{result.stderr}")


def lrelease(ts: Path, qm: Path) -> None:
    run([find_tool("lrelease"), "-silent", ts, "-qm", qm])


def unfinished(ts: Path) -> list[str]:
    """Source texts in ``ts`` whose translation is missing or marked unfinished."""
    tree = ET.parse(ts)
    problems = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if translation is None or translation.get("type") in ("unfinished", "vanished"):
                problems.append(f"{name}: {source!r}")
                continue
            forms = translation.findall("numerusform")
            texts = [f.text for f in forms] if forms else [translation.text]
            if not all(t and t.strip() for t in texts):
                problems.append(f"{name}: {source!r} (empty translation)")
    return problems


def check() -> list[str]:
    """Problems that make the committed translations out of date; empty when all is well."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for language in CATALOGS:
            ts = ts_path(language)
            if not ts.exists():
                problems.append(f"{ts} is missing: run scripts/build_translations.py")
                continue
            copy = ts_path(language, folder)
            shutil.copy(ts, copy)
            lupdate(language, copy)  # strings in the code but not yet in the .ts show up here
            problems += [f"{ts.name}: untranslated {p}" for p in unfinished(copy)]
            built = qm_path(language, folder)
            lrelease(ts, built)
            committed = qm_path(language)
            if not committed.exists() or committed.read_bytes() != built.read_bytes():
                problems.append(
                    f"{committed} does not match {ts.name}: run scripts/build_translations.py"
                )
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--release", action="store_true", help="only compile .ts files to .qm")
    mode.add_argument("--check", action="store_true", help="report stale or untranslated text")
    args = parser.parse_args(argv)
    if args.check:
        problems = check() + engine_words.check()
        for problem in problems:
            print(problem)
        print("translations up to date" if not problems else f"{len(problems)} problem(s)")
        return 1 if problems else 0
    for language in CATALOGS:
        ts = ts_path(language)
        if not args.release:
            lupdate(language, ts)
        lrelease(ts, qm_path(language))
        missing = unfinished(ts)
        print(f"{ts.name}: {len(missing)} untranslated; compiled {qm_path(language).name}")
        for problem in missing:
            print(f"  {problem}")
    for language in engine_words.LANGUAGES:
        left = engine_words.update(language)
        print(f"{engine_words.po_path(language).name} ({language}): {len(left)} to translate")
        for problem in left:
            print(f"  {problem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
