"""Text of an imported file, page by page (PDF), slide by slide (PPTX) or as one page.

Each format goes through a well-kept library: pypdfium2 for PDF (the fastest measured here, and
permissively licensed), python-docx, python-pptx, and the standard library's ``html.parser``.
Files are opened from their path, never read whole into memory here. A file whose text cannot
be read (encrypted, corrupt, a format we do not know) is not an error: the result says why, and
the item is kept, findable by its title and metadata.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from dealkit.engine.content import thai_text

# Body text beyond this many characters is not kept (a text dump of hundreds of MB would make
# the store and the index slow for little search value); the result says it was cut.
MAX_CHARS = 4_000_000
READ_CHUNK = 1 << 16

MEDIA_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".md": "text/markdown; charset=utf-8",
    ".markdown": "text/markdown; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".text": "text/plain; charset=utf-8",
}
SUPPORTED = tuple(MEDIA_TYPES)


@dataclass
class Extraction:
    """What was read from a file. ``problem`` is set when no text could be read at all."""

    media_type: str
    pages: list[str] = field(default_factory=list)
    title: str = ""  # the document's own title (PDF metadata, DOCX/PPTX core properties, <title>)
    problem: str | None = None  # "text could not be extracted: ..." when ``pages`` is empty
    broken_pages: dict[int, str] = field(default_factory=dict)  # 1-based page -> why
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None


def _failed(media_type: str, reason: str) -> Extraction:
    return Extraction(media_type, problem=f"text could not be extracted: {reason}")


def _finish(extraction: Extraction) -> Extraction:
    """Repair Thai on every page, flag pages that stay broken, cap the total size."""
    pages, total = [], 0
    for number, raw in enumerate(extraction.pages, start=1):
        page = thai_text.repair(raw.replace("\r\n", "\n").replace("\r", "\n"))
        if page.broken:
            extraction.broken_pages[number] = page.broken
        text = page.text.strip()
        if total + len(text) > MAX_CHARS:
            pages.append(text[: max(0, MAX_CHARS - total)])
            extraction.truncated = True
            break
        pages.append(text)
        total += len(text)
    extraction.pages = pages
    return extraction


def extract(path: Path) -> Extraction:
    """The text of the file at ``path``, by its extension (see ``SUPPORTED``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    media_type = MEDIA_TYPES.get(suffix)
    if media_type is None:
        known = ", ".join(s.lstrip(".") for s in SUPPORTED)
        return _failed(
            "application/octet-stream",
            f"{path.name}: unknown format {suffix or '(no extension)'!r}; Dealkit reads {known}",
        )
    reader = {
        "application/pdf": _pdf,
        MEDIA_TYPES[".docx"]: _docx,
        MEDIA_TYPES[".pptx"]: _pptx,
        MEDIA_TYPES[".html"]: _html,
    }.get(media_type, _text)
    try:
        extraction = reader(path, media_type)
    except OSError as error:
        return _failed(media_type, f"{path.name}: cannot read the file ({error.strerror})")
    return extraction if not extraction.ok else _finish(extraction)


def _pdf(path: Path, media_type: str) -> Extraction:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as error:
        message = str(error)
        if "password" in message.lower():
            return _failed(media_type, f"{path.name} is encrypted (password protected)")
        return _failed(media_type, f"{path.name} is not a readable PDF ({message})")
    try:
        title = (pdf.get_metadata_value("Title") or "").strip()
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                pages.append(textpage.get_text_bounded())
            finally:
                textpage.close()
                page.close()
    except pypdfium2.PdfiumError as error:
        return _failed(media_type, f"{path.name} is damaged ({error})")
    finally:
        pdf.close()
    return Extraction(media_type, pages, title)


def _office_problem(path: Path, kind: str, error: Exception) -> str:
    """Why an Office file could not be opened, in words a trainer can act on."""
    if "package not found" in str(error).lower() or "zip" in str(error).lower():
        renamed = f"another format renamed .{kind.lower()}"
        return (
            f"{path.name} is not a {kind} file (damaged, or {renamed}); "
            f"open it in its application and save it again as {kind}"
        )
    return f"{path.name} is a damaged {kind} file ({error}); save it again as {kind}"


def _docx(path: Path, media_type: str) -> Extraction:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        return _failed(media_type, _office_problem(path, "DOCX", error))
    parts: list[str] = []
    # Paragraphs and tables in document order: the body's children, read as what they are.
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                parts.append(" | ".join(c for c in cells if c))
        else:
            parts.append(block.text)
    title = (document.core_properties.title or "").strip()
    return Extraction(media_type, ["\n".join(p for p in parts if p.strip())], title)


def _pptx(path: Path, media_type: str) -> Extraction:
    import zipfile

    import pptx
    from pptx.exc import PackageNotFoundError

    try:
        deck = pptx.Presentation(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        return _failed(media_type, _office_problem(path, "PPTX", error))
    slides = []
    for slide in deck.slides:
        texts: list[str] = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            elif getattr(shape, "has_table", False) and shape.has_table:
                for row in shape.table.rows:
                    texts.append(" | ".join(cell.text for cell in row.cells if cell.text))
        if slide.has_notes_slide:
            texts.append(slide.notes_slide.notes_text_frame.text)
        slides.append("\n".join(t for t in texts if t.strip()))
    title = (deck.core_properties.title or "").strip()
    return Extraction(media_type, slides, title)


def _read_text(path: Path) -> tuple[str, bool]:
    """The file decoded as UTF-8 (bad bytes replaced), streamed, up to MAX_CHARS."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
    parts, total = [], 0
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            text = decoder.decode(chunk)
            parts.append(text)
            total += len(text)
            if total > MAX_CHARS:
                return "".join(parts)[:MAX_CHARS], True
        parts.append(decoder.decode(b"", final=True))
    return "".join(parts), False


def _text(path: Path, media_type: str) -> Extraction:
    text, truncated = _read_text(path)
    title = ""
    if media_type.startswith("text/markdown"):
        for line in text.splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
    return Extraction(media_type, [text], title, truncated=truncated)


class _HtmlText(HTMLParser):
    """Visible text of an HTML page: scripts and styles left out, blocks on their own lines."""

    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "td"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def _html(path: Path, media_type: str) -> Extraction:
    text, truncated = _read_text(path)
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    body = "\n".join(line for line in lines if line)
    title = " ".join("".join(parser.title).split())
    return Extraction(media_type, [body], title, truncated=truncated)
