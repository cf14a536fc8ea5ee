"""Build the one-folder desktop app with PyInstaller: ``python packaging/build.py [DIST]``.

The app lands in ``DIST/dealkit/`` (default ``DIST`` = ``dist/`` at the repository root) and the
program is ``DIST/dealkit/dealkit``; the script prints that path, or a JSON summary with
``--json``. It exists so that people, CI and ``tests/packaging`` build the app the same way, with
the spec in ``packaging/dealkit.spec`` as the one description of what goes in.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
SPEC = PACKAGING / "dealkit.spec"
APP_NAME = "dealkit"


def folder_size(folder: Path) -> int:
    """Bytes on disk, counting each file once (the bundle links some libraries by symlink)."""
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def build(dist: Path, work: Path | None = None, verbose: bool = False) -> Path:
    """Run PyInstaller on the spec; return the path of the frozen program.

    ``work`` holds PyInstaller's intermediate files; a kept folder makes rebuilds faster.
    ``verbose`` shows PyInstaller's INFO log as it goes instead of keeping it for errors.
    Raises ``RuntimeError`` with PyInstaller's output when the build fails.
    """
    if importlib.util.find_spec("PyInstaller") is None:
        raise RuntimeError(
            f"PyInstaller is not installed for {sys.executable}; install the build extra "
            "with: pip install -e '.[build]'"
        )
    dist = dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dealkit-build-") as scratch:
        workpath = (work or Path(scratch)).resolve()
        command = [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            f"--log-level={'INFO' if verbose else 'WARN'}",
            f"--distpath={dist}",
            f"--workpath={workpath}",
            str(SPEC),
        ]
        result = subprocess.run(
            command,
            cwd=ROOT,
            capture_output=not verbose,
            text=True,
            env={**os.environ, "PYTHONNOUSERSITE": "1"},
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(
            f"PyInstaller failed (exit {result.returncode}) building {SPEC}:\n"
            f"{(result.stdout or '')[-4000:]}\n{(result.stderr or '')[-8000:]}"
        )
    for line in (result.stderr or "").splitlines():
        # A library missing on the build machine is missing from the bundle: worth a word.
        if "Library not found" in line:
            print(f"packaging/build.py: {line.partition('WARNING: ')[2] or line}", file=sys.stderr)
    program = dist / APP_NAME / APP_NAME
    if not program.is_file():
        raise RuntimeError(f"PyInstaller finished but {program} does not exist")
    return program


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "dist", nargs="?", type=Path, default=ROOT / "dist", help="output folder (default: dist/)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        help="keep PyInstaller's intermediate files here (faster rebuilds); default: a temp folder",
    )
    parser.add_argument("--verbose", action="store_true", help="show PyInstaller's INFO log")
    parser.add_argument("--json", action="store_true", help="print a JSON summary")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        program = build(args.dist, args.work, args.verbose)
    except RuntimeError as error:
        print(f"packaging/build.py: {error}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    size = folder_size(program.parent)
    if args.json:
        summary = {
            "program": str(program),
            "folder": str(program.parent),
            "seconds": round(seconds, 1),
            "size_bytes": size,
        }
        print(json.dumps(summary, indent=2))
    else:
        print(f"built {program} in {seconds:.0f} s ({size / 1e6:.0f} MB in {program.parent})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
