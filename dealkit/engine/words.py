"""The sentences the engine writes for people, in the interface language.

The engine explains its figures in words (a price's waterfall, a volume schedule's tiers). They
are written in English in the sources, each through ``words("... {name} ...", name=value)``,
and translated with a gettext catalogue per language:
``dealkit/resources/locale/<language>/LC_MESSAGES/engine.po`` (compiled to ``engine.mo`` beside it
by ``scripts/build_translations.py``, which also checks that every sentence is translated).

The desktop sets the language with its interface's (``set_language``); the command line and the
server write English. Placeholders are ``str.format`` names, so a translation may put them in
the order its language needs; the values come formatted already (money, numbers, codes).
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "resources" / "locale"
DOMAIN = "engine"
LANGUAGES = ("en", "th")  # English is the source: it has no catalogue

_language = "en"


def set_language(language: str) -> None:
    """Write the engine's sentences in ``language`` from now on (for every thread)."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    if language != "en":
        _catalogue(language)  # a missing catalogue fails here, not in the middle of a sentence
    _language = language


def language() -> str:
    return _language


def words(message: str, /, **values: object) -> str:
    """``message`` in the current language, its ``{placeholders}`` filled with ``values``."""
    text = message if _language == "en" else _catalogue(_language).gettext(message)
    return text.format(**values) if values else text


@cache
def _catalogue(language: str) -> gettext.NullTranslations:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if not path.exists():
        raise FileNotFoundError(
            f"cannot load the {language} engine sentences {path}: "
            "run scripts/build_translations.py to build them"
        )
    with path.open("rb") as handle:
        return gettext.GNUTranslations(handle)
