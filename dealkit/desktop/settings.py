"""The window's settings: a typed registry over ``QSettings`` (as Picard's ``TextOption`` & co.).

Every setting is declared once below with its key, type and default, so code reads typed values
(``settings.get(LANGUAGE)``) instead of scattering string keys and ``QVariant`` conversions. A
stored value of the wrong type or outside its choices falls back to the default rather than
breaking start-up. ``SETTINGS_VERSION`` and ``UPGRADES`` carry settings written by older Dealkits
forward, one numbered step at a time.

Tests and ``dealkit selftest`` pass their own ``QSettings`` (an INI file in a temporary folder) so
they never read or write the user's real settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

T = TypeVar("T")

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Option(Generic[T]):
    """A declared setting. Subclasses convert what ``QSettings`` hands back to the right type."""

    key: str
    default: T

    def convert(self, raw: Any) -> T:
        raise NotImplementedError

    def to_stored(self, value: T) -> Any:
        return value


@dataclass(frozen=True)
class TextOption(Option[str]):
    def convert(self, raw: Any) -> str:
        if not isinstance(raw, str):
            raise TypeError(f"{self.key} is not text")
        return raw


@dataclass(frozen=True)
class ChoiceOption(Option[str]):
    """Text restricted to ``choices``; anything else reads as the default."""

    choices: tuple[str, ...] = field(default_factory=tuple)

    def convert(self, raw: Any) -> str:
        if raw not in self.choices:
            raise ValueError(f"{self.key}={raw!r} is not one of {self.choices}")
        return str(raw)


@dataclass(frozen=True)
class IntOption(Option[int]):
    def convert(self, raw: Any) -> int:
        if isinstance(raw, bool):
            raise TypeError(f"{self.key} is not a number")
        return int(raw)


@dataclass(frozen=True)
class BoolOption(Option[bool]):
    def convert(self, raw: Any) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.lower() in ("true", "false"):  # INI files store text
            return raw.lower() == "true"
        raise TypeError(f"{self.key} is not true or false")


@dataclass(frozen=True)
class BytesOption(Option[bytes]):
    """Opaque bytes such as ``saveGeometry()``; stored as ``QByteArray``."""

    def convert(self, raw: Any) -> bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, bytes | bytearray):
            return bytes(raw)
        raise TypeError(f"{self.key} is not binary data")

    def to_stored(self, value: bytes) -> Any:
        return QByteArray(value)


PAGES = ("quote", "library", "commissions", "approvals", "publish")

LANGUAGE = ChoiceOption("interface/language", "en", choices=("en", "th"))
LAST_PAGE = ChoiceOption("window/last_page", "quote", choices=PAGES)
WINDOW_GEOMETRY = BytesOption("window/geometry", b"")
WINDOW_STATE = BytesOption("window/state", b"")
VERSION = IntOption("meta/settings_version", 0)
# The shared server to sign in and sync with ("" until someone sets it), e.g.
# https://dealkit.example.com; set in Preferences or remembered from the sign-in dialog.
SERVER_ADDRESS = TextOption("sync/server_address", "")

REGISTRY: dict[str, Option[Any]] = {
    option.key: option
    for option in (LANGUAGE, LAST_PAGE, WINDOW_GEOMETRY, WINDOW_STATE, VERSION, SERVER_ADDRESS)
}

# Upgrade steps: UPGRADES[n] turns settings written at version n-1 into version n.
UPGRADES: dict[int, Callable[[QSettings], None]] = {
    1: lambda _settings: None,  # version 1 is the first; nothing older to convert
}


class AppSettings(QObject):
    """Typed access to the declared settings; ``changed(key, value)`` follows every ``set``."""

    changed = Signal(str, object)

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.qsettings = qsettings if qsettings is not None else QSettings()
        self._upgrade()

    @classmethod
    def in_file(cls, path: str, parent: QObject | None = None) -> AppSettings:
        """Settings kept in an INI file at ``path`` (tests, selftest, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat), parent)

    def get(self, option: Option[T]) -> T:
        raw = self.qsettings.value(option.key)
        if raw is None:
            return option.default
        try:
            return option.convert(raw)
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        option.convert(option.to_stored(value))  # refuse a wrong type early, at the caller
        self.qsettings.setValue(option.key, option.to_stored(value))
        self.changed.emit(option.key, value)

    def sync(self) -> None:
        self.qsettings.sync()

    def _upgrade(self) -> None:
        stored = self.get(VERSION)
        if stored >= SETTINGS_VERSION:
            return
        for step in range(stored + 1, SETTINGS_VERSION + 1):
            UPGRADES[step](self.qsettings)
        self.qsettings.setValue(VERSION.key, SETTINGS_VERSION)
