"""The typed settings registry: defaults, type checks, bad stored values, upgrades."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from dealkit.desktop.settings import (
    LANGUAGE,
    LAST_PAGE,
    SETTINGS_VERSION,
    VERSION,
    WINDOW_GEOMETRY,
    AppSettings,
)


def test_defaults_then_stored_values_survive_a_restart(tmp_path):
    path = str(tmp_path / "dealkit.ini")
    settings = AppSettings.in_file(path)
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(LAST_PAGE) == "quote"
    settings.set(LANGUAGE, "th")
    settings.set(WINDOW_GEOMETRY, b"\x01\x02geometry")
    settings.sync()
    again = AppSettings.in_file(path)
    assert again.get(LANGUAGE) == "th"
    assert again.get(WINDOW_GEOMETRY) == b"\x01\x02geometry"


def test_a_bad_stored_value_reads_as_the_default(tmp_path):
    path = str(tmp_path / "dealkit.ini")
    raw = QSettings(path, QSettings.Format.IniFormat)
    raw.setValue(LANGUAGE.key, "klingon")
    raw.setValue(LAST_PAGE.key, 42)
    raw.sync()
    settings = AppSettings.in_file(path)
    assert settings.get(LANGUAGE) == "en"
    assert settings.get(LAST_PAGE) == "quote"


def test_setting_a_value_outside_the_choices_is_refused(tmp_path):
    settings = AppSettings.in_file(str(tmp_path / "dealkit.ini"))
    with pytest.raises(ValueError, match="interface/language"):
        settings.set(LANGUAGE, "fr")


def test_changed_signal_names_the_key(qtbot, tmp_path):
    settings = AppSettings.in_file(str(tmp_path / "dealkit.ini"))
    with qtbot.waitSignal(settings.changed) as signal:
        settings.set(LAST_PAGE, "library")
    assert signal.args == ["window/last_page", "library"]


def test_old_settings_are_upgraded_and_stamped(tmp_path):
    path = str(tmp_path / "dealkit.ini")
    settings = AppSettings.in_file(path)
    assert settings.get(VERSION) == SETTINGS_VERSION
