"""Interface language: Qt translators for English (the source text) and Thai.

Interface text is written in English in the sources (``self.tr`` / ``QCoreApplication.translate``)
and translated through Qt's own system: ``resources/translations/dealkit_th.ts`` holds the Thai
text, ``scripts/build_translations.py`` compiles it to ``dealkit_th.qm``. Switching language
replaces the installed translator; Qt then sends every widget a ``LanguageChange`` event and the
widgets re-read their text, so the switch is live.

The language also picks the locale used to format money and dates (Babel), so a Thai interface
shows Thai month names, and the language of the engine's explanations (``dealkit.engine.words``:
a price's waterfall in the "Why this price" panel).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from dealkit.engine.words import set_language as set_engine_language

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

LANGUAGES = ("en", "th")
BABEL_LOCALES = {"en": "en_US", "th": "th_TH"}


class Retranslating:
    """For a widget that sets its texts in ``retranslate()``: it is called again on every
    language switch (the ``LanguageChange`` event Qt sends each widget). List it before the Qt
    class: ``class PricePanel(Retranslating, QWidget)``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def qm_path(language: str) -> Path:
    return TRANSLATIONS_DIR / f"dealkit_{language}.qm"


def language_name(language: str) -> str:
    """The language's name written in that language, as shown in the language picker."""
    return {"en": "English", "th": "ไทย (Thai)"}[language]


class LanguageManager(QObject):
    """Owns the installed translator; ``language_changed(code)`` after every switch."""

    language_changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self.language = "en"

    @property
    def babel_locale(self) -> str:
        return BABEL_LOCALES[self.language]

    def set_language(self, language: str) -> None:
        """Install the translator for ``language``.

        English is the source language, so its catalogue holds only plural forms ("1 quote").
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}: use one of {LANGUAGES}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator(self)
        path = qm_path(language)
        if not translator.load(str(path)):
            raise FileNotFoundError(
                f"cannot load the {language} translation {path}: "
                f"run scripts/build_translations.py to build it"
            )
        set_engine_language(language)  # before widgets re-read their text, so they get it too
        app.installTranslator(translator)
        self._translator = translator
        QLocale.setDefault(QLocale(BABEL_LOCALES[language]))
        changed = language != self.language
        self.language = language
        if changed:
            self.language_changed.emit(language)
