"""Test set-up shared by every test: Qt off-screen, and the fixtures in tests/helpers/."""

import os

import pytest

from dealkit.engine.words import set_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts.warning=false")

pytest_plugins = [
    "tests.helpers.offscreen_noise",
    "tests.helpers.workspaces",
    "tests.helpers.servers",
    "tests.helpers.commissions",
    "tests.helpers.desktop",
    "tests.helpers.demo",
    "tests.helpers.library",
    "tests.helpers.pricing",
    "tests.helpers.configurator",
    "tests.helpers.content_files",
    "tests.helpers.proposal",
]


@pytest.fixture(autouse=True)
def _engine_sentences_in_english():
    """The engine's sentences start each test in English: a window switched to Thai (the
    selftest ends in Thai) sets them for the whole process."""
    yield
    set_language("en")
