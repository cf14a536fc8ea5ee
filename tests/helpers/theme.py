"""The application's own fonts and style sheet for a test that measures text on screen (what
fits, what is clipped), restored afterwards so the other tests see the plain application."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from dealkit.desktop.fonts import install_fonts
from dealkit.desktop.theme import apply_theme


@pytest.fixture
def themed_app(qapp: Any) -> Iterator[Any]:
    font, sheet, style = qapp.font(), qapp.styleSheet(), qapp.style().name()
    install_fonts(qapp)
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setStyle(style)
    qapp.setFont(font)
