"""The committed translations: every interface string has Thai text and the .qm files match."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from dealkit.desktop.i18n import TRANSLATIONS_DIR, LanguageManager

ROOT = Path(__file__).resolve().parents[2]


def test_qm_files_are_built_from_the_ts_files_and_nothing_is_untranslated():
    """Runs lupdate over the sources into a copy, and lrelease into a temporary folder."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_translations.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "translations up to date" in result.stdout


def test_every_thai_message_is_translated_into_thai_script():
    tree = ET.parse(TRANSLATIONS_DIR / "dealkit_th.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) >= 90
    untouched = []
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text]
        source = message.findtext("source")
        thai = any("\u0e00" <= ch <= "\u0e7f" for form in forms for ch in form or "")
        if not thai and source not in ("Dealkit",):
            untouched.append(source)
    assert untouched == []


def test_thai_translator_translates_and_english_has_plurals(qapp):
    languages = LanguageManager()
    try:
        languages.set_language("th")
        assert QCoreApplication.translate("Labels", "In review") == "รอพิจารณา"
        languages.set_language("en")
        assert QCoreApplication.translate("QuotePage", "%n quote(s)", "", 1) == "1 quote"
        assert QCoreApplication.translate("QuotePage", "%n quote(s)", "", 3) == "3 quotes"
        with pytest.raises(ValueError, match="unknown interface language 'fr'"):
            languages.set_language("fr")
    finally:
        languages.set_language("en")
