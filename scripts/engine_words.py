"""The engine's sentences (``dealkit.engine.words``): gettext catalogues kept with Babel.

``scripts/build_translations.py`` calls ``update`` (new sentences in the sources are added to
each ``engine.po`` untranslated, gone ones dropped, and ``engine.mo`` compiled) and ``check``
(every sentence translated, with the same ``{placeholders}``, and the ``.mo`` up to date).
A translator edits ``dealkit/resources/locale/<language>/LC_MESSAGES/engine.po``.
"""

from __future__ import annotations

import io
import string
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
ENGINE = ROOT / "dealkit" / "engine"
LOCALE = ROOT / "dealkit" / "resources" / "locale"
LANGUAGES = ("th",)  # English is the source language


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "engine.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def template() -> Catalog:
    """Every ``words("...")`` sentence of the engine's sources, with where it is written."""
    catalog = Catalog(project="Dealkit", charset="utf-8")
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(ENGINE), method_map=[("**.py", "python")], keywords={"words": None}
    ):
        catalog.add(message, locations=[(f"dealkit/engine/{filename}", lineno)])
    return catalog


HEADER = """\
# {language} sentences of the Dealkit engine (dealkit.engine.words).
# Kept by scripts/build_translations.py; a translator fills in the msgstr lines, keeping every
# {{placeholder}} of the msgid."""


def read(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(
            locale=language,
            header_comment=HEADER.format(language=language),
            project="Dealkit",
            version="engine",
            copyright_holder="the Dealkit developers",
            last_translator="the Dealkit developers",
            language_team=language,
            charset="utf-8",
            fuzzy=False,
        )
    with path.open("rb") as handle:
        return read_po(handle, locale=language)


def compiled(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def update(language: str) -> list[str]:
    """Bring ``language``'s catalogue up to the sources and compile it; returns what is left to
    translate."""
    catalog = read(language)
    sources = template()
    sources.creation_date = catalog.creation_date  # rewritten only when a sentence changes
    catalog.update(sources, no_fuzzy_matching=True)
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)
    mo_path(language).write_bytes(compiled(read(language)))
    return problems_in(read(language))


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def problems_in(catalog: Catalog) -> list[str]:
    problems = []
    for message in catalog:
        if not message.id:
            continue
        if not message.string or message.fuzzy:
            problems.append(f"untranslated: {message.id!r}")
        elif _placeholders(message.id) != _placeholders(message.string):
            problems.append(
                f"{message.id!r}: the translation must use the placeholders "
                f"{sorted(_placeholders(message.id))}, not {sorted(_placeholders(message.string))}"
            )
    return problems


def check() -> list[str]:
    """What makes the committed engine catalogues out of date; empty when all is well."""
    problems = []
    wanted = {m.id for m in template() if m.id}
    for language in LANGUAGES:
        catalog = read(language)
        have = {m.id for m in catalog if m.id}
        name = po_path(language).relative_to(ROOT)
        problems += [f"{name}: missing {m!r}" for m in sorted(wanted - have)]
        problems += [f"{name}: no longer in the sources {m!r}" for m in sorted(have - wanted)]
        problems += [f"{name}: {p}" for p in problems_in(catalog)]
        mo = mo_path(language)
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            problems.append(f"{mo.relative_to(ROOT)} does not match {po_path(language).name}")
    return [f"{p}: run scripts/build_translations.py" for p in problems]
