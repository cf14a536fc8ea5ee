"""Test set-up shared by every test: Qt off-screen, and the fixtures in tests/helpers/."""

import os

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
