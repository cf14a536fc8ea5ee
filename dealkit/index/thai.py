"""Thai word segmentation, done in Python before Tantivy sees the text.

Thai is written without spaces between words, and Tantivy's built-in tokenizers cut Thai words
apart at tone marks and vowel signs; no Python tokenizer can be plugged into Tantivy. So every
run of Thai characters is split into dictionary words here, and the words are joined with a
ZERO WIDTH SPACE (U+200B). The index's regex tokenizer (see ``analysis``) then treats U+200B as
a separator, while a stored text with U+200B still reads exactly like the original: removing the
U+200B characters gives the original text back, which is what snippets do.

Queries go through the same function, so a query and a document agree on where words end.

The segmenter is nlpo3 (a Rust port of PyThaiNLP's ``newmm`` maximal-matching segmenter) with
PyThaiNLP's word list; measured here it gives the same words as ``newmm`` about 8 times faster
(``bench/library.py`` prints both). If nlpo3 cannot be imported, PyThaiNLP's ``newmm`` is used.
Both work offline: the dictionary is a file inside the ``pythainlp`` package.
"""

from __future__ import annotations

import importlib.util
import operator
import re
import threading
from collections.abc import Callable
from pathlib import Path

ZWSP = "\u200b"
# The Thai Unicode block: letters, vowel signs, tone marks, Thai digits and signs.
THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")
# Invisible break hints that may already be in a text; they are replaced by our own breaks.
_INVISIBLE_BREAKS = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")

_lock = threading.Lock()
_segment_run: Callable[[str], list[str]] | None = None
SEGMENTER_NAME = ""


def dictionary_path() -> Path:
    """PyThaiNLP's Thai word list, found without importing PyThaiNLP (which takes ~50 ms)."""
    spec = importlib.util.find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "Thai search needs the 'pythainlp' package (its word list); "
            "install it with: pip install pythainlp"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "corpus" / "words_th.txt"
    if not path.is_file():
        raise RuntimeError(f"Thai word list not found at {path}; reinstall pythainlp")
    return path


def _load() -> Callable[[str], list[str]]:
    global _segment_run, SEGMENTER_NAME
    with _lock:
        if _segment_run is not None:
            return _segment_run
        try:
            import nlpo3

            nlpo3.load_dict(str(dictionary_path()), "dealkit-th")
            # The Rust function itself where nlpo3 exposes it: ``nlpo3.segment`` only checks
            # its argument and calls it, and a build calls this once per Thai run (about
            # 80,000 times per 5,000 items).
            rust_segment = getattr(nlpo3, "rust_segment", None)
            if rust_segment is None:

                def run(text: str) -> list[str]:
                    return nlpo3.segment(text, "dealkit-th")
            else:

                def run(text: str) -> list[str]:
                    return rust_segment(text, "dealkit-th", False, False)

            SEGMENTER_NAME = "nlpo3"
        except ImportError:
            from pythainlp.tokenize import word_tokenize

            def run(text: str) -> list[str]:
                return word_tokenize(text, engine="newmm", keep_whitespace=False)

            SEGMENTER_NAME = "pythainlp-newmm"
        _segment_run = run
        return run


def segmenter_name() -> str:
    """Which segmenter is in use (recorded with the index: a change means a rebuild)."""
    _load()
    return SEGMENTER_NAME


def has_thai(text: str) -> bool:
    return THAI_RUN.search(text) is not None


def thai_words(run: str) -> list[str]:
    """The dictionary words of one run of Thai characters."""
    return [word for word in _load()(run) if word.strip()]


def segment(text: str) -> str:
    """``text`` with U+200B between adjacent Thai words; all other characters are unchanged."""
    # Break hints already in the text would survive as separators we cannot tell from ours.
    text = _INVISIBLE_BREAKS.sub("", text)
    if not has_thai(text):
        return text
    run = _segment_run or _load()
    # A Thai run holds no white space, so the segmenter returns no blank words to drop here
    # (``thai_words`` drops them for runs from elsewhere).
    return THAI_RUN.sub(lambda match: ZWSP.join(run(match.group(0))), text)


def unsegment(text: str) -> str:
    """Undo ``segment``: the text as a person wrote it."""
    return text.replace(ZWSP, "")


GRAM_BREAK = "|"  # between runs, so that a phrase of letter pairs cannot span two runs


def letter_pairs(text: str) -> str:
    """The Thai runs of ``text`` as overlapping pairs of characters, space-separated.

    A dictionary segmenter keeps a compound it knows as one word ("จัดซื้อจัดจ้าง") and
    sometimes cuts a run differently from how a reader would ("ลูกค้าขาย" as "ลูก|ค้าขาย"), so
    a Thai query word can miss an item that contains it. Matching the query's pairs as a phrase
    over these pairs finds the word anywhere, like a substring search, at a lower score.
    """
    runs = THAI_RUN.findall(_INVISIBLE_BREAKS.sub("", text))
    return f" {GRAM_BREAK} ".join(" ".join(pairs(run)) for run in runs)


def pairs(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return list(map(operator.add, run, run[1:]))
