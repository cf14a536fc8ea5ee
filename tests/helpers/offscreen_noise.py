"""Desktop and widget tests: Qt's off-screen platform prints a few warnings of its own (it has
no window system to pass size hints, stacking or keyboard grabs to); they are ignored by name,
and every other Qt warning fails the test (``qt_log_level_fail = WARNING``)."""

import pytest

OFFSCREEN_NOISE = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.nodeid.startswith(("tests/desktop/", "tests/widgets/")):
            item.add_marker(pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE, extend=True))
