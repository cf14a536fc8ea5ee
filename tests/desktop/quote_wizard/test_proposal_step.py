"""The Proposal step on the demo workspace: generate, preview every page, save, read it back."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt

from dealkit.desktop.quote_wizard.proposal_build import proposal_file_name
from dealkit.desktop.quote_wizard.proposal_step import ProposalStep
from tests.desktop.quote_wizard.steps_support import priced_draft, step_context, wait_tasks
from tests.helpers.pricing import atlantic_quote
from tests.helpers.proposal import bangkok_quote, pdf_pages

__all__ = ["step_context"]  # the fixture, imported for pytest

_THAI_MARK = re.compile(r"\s+([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])")


def flat(text: str) -> str:
    """Whitespace collapsed and Thai marks joined back (pypdf extracts raised marks apart)."""
    return _THAI_MARK.sub(r"\1", " ".join(text.split()))


def make_step(qtbot, context, data: dict) -> ProposalStep:
    draft = priced_draft(context.workspace, data)
    step = ProposalStep(context, draft)
    qtbot.addWidget(step)
    step.resize(1100, 760)
    step.show()
    return step


def generated(qtbot, step: ProposalStep, context) -> None:
    wait_tasks(qtbot, context, timeout=60_000)
    qtbot.waitUntil(lambda: step.is_current(), timeout=60_000)


def test_generated_proposal_is_previewed_saved_and_read_back(qtbot, step_context, tmp_path: Path):
    step = make_step(qtbot, step_context, atlantic_quote())
    with qtbot.waitSignal(step.generated, timeout=60_000) as signal:
        step.enter()  # no proposal yet: entering generates one
    generated(qtbot, step, step_context)
    assert step.preview.message() == ""
    assert step.save_button.isEnabled() and step.open_button.isEnabled()
    assert step.status.text().startswith(f"{step.preview.page_count()} page")

    out = tmp_path / "out" / "proposal.pdf"
    out.parent.mkdir()
    with qtbot.waitSignal(step.saved_to, timeout=30_000):
        step.save_to(out)
    pages = len(PdfReader(out).pages)
    assert signal.args == [pages]
    assert step.preview.page_count() == pages > 1
    assert step.status.text() == f"Saved to {out}"
    text = "\n".join(pdf_pages(out))
    assert "Atlantic Mutual Bank" in text
    assert "Configuration details" in text and "Option A" in text
    assert [p.name for p in out.parent.iterdir()] == ["proposal.pdf"]  # no temporary left
    assert step.is_saved_current()

    qtbot.keyClick(step.preview, Qt.Key.Key_PageDown)
    assert step.preview.current_page() == 1
    step.grab().save(str(tmp_path / "proposal-step.png"))


def test_options_leave_out_an_alternative_and_the_configuration(qtbot, step_context):
    step = make_step(qtbot, step_context, atlantic_quote())
    step.enter()
    generated(qtbot, step, step_context)
    boxes = step._option_boxes
    assert not boxes["Option B"].isEnabled()  # counted in the total: always shown
    boxes["Option A"].setChecked(False)
    step.configuration.setChecked(False)
    assert not step.is_current()
    assert "press Generate" in step.status.text()
    step.generate()
    generated(qtbot, step, step_context)
    text = "\n".join(pdf_pages(step.pdf))
    assert "Option B" in text
    assert "two spines" not in text  # Option A's description
    assert "Configuration details" not in text
    assert step.preview.page_count() == len(PdfReader(io.BytesIO(step.pdf)).pages)


def test_thai_proposal_reads_back_in_thai(qtbot, step_context, tmp_path: Path):
    step = make_step(qtbot, step_context, bangkok_quote())
    step.enter()  # the quote's terms are in Thai, so the proposal starts in Thai
    assert step.language.currentData() == "th"
    generated(qtbot, step, step_context)
    out = tmp_path / proposal_file_name(step.draft.document, "th")
    with qtbot.waitSignal(step.saved_to, timeout=30_000):
        step.save_to(out)
    text = flat("\n".join(pdf_pages(out)))
    assert "Bangkok Riverside Hospital" in text
    assert "ข้อเสนอ" in text and "ชำระเงินภายใน 30 วัน" in text
    assert step.preview.page_count() == len(PdfReader(out).pages)
    assert out.name == "Proposal Q-2026-0777 v2 Bangkok Riverside Hospital (th).pdf"


def test_a_change_to_the_quote_marks_the_proposal_stale(qtbot, step_context):
    step = make_step(qtbot, step_context, atlantic_quote())
    step.enter()
    generated(qtbot, step, step_context)
    doc = step.draft.document
    step.draft.apply(replace(doc, name="Atlantic Mutual Bank: phase 2"), "Rename")
    assert not step.is_current()
    assert "The quote changed" in step.status.text()
    step.draft.undo_stack.undo()
    assert step.is_current()
