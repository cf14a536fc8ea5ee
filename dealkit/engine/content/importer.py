"""Import files into the library: store the file, extract its text, create a ``ContentItem``.

The file goes to the workspace's blob store (streamed, content-addressed), its text to the
item's body, page by page (see ``pages``). A file whose text cannot be read is still imported,
with a summary saying "text could not be extracted: why", so it stays findable by its title and
metadata and a trainer sees what to fix. Indexing is the caller's step (the engine does not
know the index): ``LibraryIndex.ensure_built()`` picks up the new rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from dealkit.engine.content.extract import SUPPORTED, Extraction, extract
from dealkit.engine.content.pages import join_pages, split_pages
from dealkit.engine.store.models import ContentItem, ContentKind, ContentStatus, User
from dealkit.engine.workspace import Workspace

# Words trainers use for a kind, beyond the kinds' own names.
KIND_ALIASES = {
    "datasheet": ContentKind.COLLATERAL,
    "brochure": ContentKind.COLLATERAL,
    "case_study": ContentKind.CUSTOMER_STORY,
    "case-study": ContentKind.CUSTOMER_STORY,
    "story": ContentKind.CUSTOMER_STORY,
    "customer-story": ContentKind.CUSTOMER_STORY,
    "market-note": ContentKind.MARKET_NOTE,
    "competitor": ContentKind.BATTLECARD,
}
LANGUAGES = ("en", "th")
_THAI = re.compile(r"[\u0e01-\u0e5b]")
_LETTER = re.compile(r"[^\W\d_]")


class ContentImportError(ValueError):
    """A user mistake in what to import (a path that does not exist, an unknown kind)."""


def parse_kind(value: str) -> ContentKind:
    key = value.strip().lower()
    if key in ContentKind._value2member_map_:
        return ContentKind(key)
    if key in KIND_ALIASES:
        return KIND_ALIASES[key]
    names = ", ".join([*ContentKind._value2member_map_, *KIND_ALIASES])
    raise ContentImportError(f"unknown content type {value!r}; use one of {names}")


def guess_language(text: str) -> str:
    """ "th" when at least a fifth of the letters are Thai, else "en"."""
    sample = text[:20_000]
    letters = len(_LETTER.findall(sample))
    return "th" if letters and len(_THAI.findall(sample)) * 5 >= letters else "en"


@dataclass
class ImportOptions:
    kind: ContentKind = ContentKind.COLLATERAL
    products: list[str] = field(default_factory=list)
    competitors: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    language: str | None = None  # None: guessed from the text
    title: str | None = None  # None: the document's own title, else the file name
    publish: bool = False  # else a draft, hidden from searches until published
    today: date | None = None  # the published date when publishing (default: local today)


@dataclass
class ImportResult:
    item_id: str
    path: str
    title: str
    kind: str
    language: str
    status: str
    media_type: str
    file_hash: str
    pages: int
    characters: int
    problem: str | None
    broken_pages: dict[int, str]
    truncated: bool
    # Set when the file's bytes were already in the library: nothing was created, and this is
    # the item that holds them.
    duplicate_of: str | None = None

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["broken_pages"] = {str(k): v for k, v in self.broken_pages.items()}
        return data


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files to import: each file named, and the files in each folder named (recursively,
    hidden files and folders skipped, sorted). A path that does not exist is refused."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in relative):
                    found.append(child)
        else:
            raise ContentImportError(f"{path}: no such file or folder; check the path")
    return found


def _title(path: Path, extraction: Extraction, options: ImportOptions) -> str:
    title = options.title or extraction.title or path.stem.replace("_", " ").replace("-", " ")
    return title.strip()[:300]


def _summary(extraction: Extraction, path: Path) -> str:
    if extraction.problem:
        return extraction.problem
    notes = []
    if extraction.broken_pages:
        pages = ", ".join(str(p) for p in sorted(extraction.broken_pages))
        notes.append(f"Text of page(s) {pages} may be garbled in {path.name}.")
    if extraction.truncated:
        notes.append("Only the first part of the text was kept (the file is very large).")
    return " ".join(notes)


def import_file(
    workspace: Workspace, path: Path, options: ImportOptions, owner_id: str | None = None
) -> ImportResult:
    """Import one file (see the module docstring); returns what was created."""
    path = Path(path)
    file_hash = workspace.put_blob_file(path)
    with workspace.store.session() as session:
        existing = session.scalars(
            select(ContentItem).where(
                ContentItem.file_hash == file_hash, ContentItem.deleted.is_(False)
            )
        ).first()
        if existing is not None:
            # The same bytes are already in the library: importing a folder twice must not
            # double every item. Editing the existing item is the way to change its metadata.
            return ImportResult(
                item_id=existing.id,
                path=str(path),
                title=existing.title,
                kind=existing.kind.value,
                language=existing.language,
                status=existing.status.value,
                media_type=existing.media_type or "",
                file_hash=file_hash,
                pages=len(split_pages(existing.body)) if existing.body else 0,
                characters=len(existing.body or ""),
                problem=None,
                broken_pages={},
                truncated=False,
                duplicate_of=existing.id,
            )
    extraction = extract(path)
    body = join_pages(extraction.pages)
    title = _title(path, extraction, options)
    language = options.language or guess_language(f"{title}\n{body}")
    today = options.today or datetime.now().astimezone().date()
    status = ContentStatus.PUBLISHED if options.publish else ContentStatus.DRAFT
    item = ContentItem(
        title=title,
        kind=options.kind,
        language=language,
        summary=_summary(extraction, path),
        body=body,
        file_name=path.name,
        file_hash=file_hash,
        media_type=extraction.media_type,
        products=list(options.products),
        competitors=list(options.competitors),
        industries=list(options.industries),
        regions=list(options.regions),
        owner_id=owner_id,
        version=1,
        status=status,
        published_on=today if options.publish else None,
    )
    with workspace.store.session() as session, session.begin():
        if owner_id is not None and session.get(User, owner_id) is None:
            item.owner_id = None  # the workspace's user is not in this store (yet)
        session.add(item)
        session.flush()
        item_id = item.id
    return ImportResult(
        item_id=item_id,
        path=str(path),
        title=title,
        kind=options.kind.value,
        language=language,
        status=status.value,
        media_type=extraction.media_type,
        file_hash=file_hash,
        pages=len(extraction.pages),
        characters=len(body),
        problem=extraction.problem,
        broken_pages=extraction.broken_pages,
        truncated=extraction.truncated,
    )


def import_files(
    workspace: Workspace,
    paths: Iterable[Path],
    options: ImportOptions,
    progress: Callable[[int, int], None] | None = None,
) -> list[ImportResult]:
    """Import every file of ``paths`` (folders expanded), owned by the workspace's user."""
    files = collect_files(paths)
    owner_id = workspace.info("current_user_id")
    results = []
    for done, path in enumerate(files, start=1):
        results.append(import_file(workspace, path, options, owner_id))
        if progress:
            progress(done, len(files))
    return results


__all__ = [
    "SUPPORTED",
    "ContentImportError",
    "ImportOptions",
    "ImportResult",
    "collect_files",
    "guess_language",
    "import_file",
    "import_files",
    "parse_kind",
]
