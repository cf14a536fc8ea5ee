"""The Proposal step of the Quote wizard: generate the branded PDF, preview its pages, save it.

The rep picks the proposal's language (English or Thai, whatever the window's language), which
alternative options the customer sees (the option counted in the total always shows) and whether
configured products list their components. Generate lays the proposal out on a worker
(``proposal_build.py``, the engine's layout, from the price the Price step published) and the
pages show in the ``PdfPreview``. "Save as…" writes the file atomically (an earlier file of that
name stays whole until the new one is complete); "Open in viewer" hands the PDF to the system's
PDF viewer.

The step generates on entering when it has no current proposal, and says so when the quote
changed after the proposal on show was made.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.proposal_build import (
    ProposalOptions,
    alternative_options,
    build_proposal_pdf,
    proposal_file_name,
    write_atomically,
)
from dealkit.desktop.quote_wizard.step import WizardStep
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.pricing.errors import PricingError
from dealkit.widgets.pdf_preview import PdfPreview

LANGUAGES = (("en", "English"), ("th", "Thai · ไทย"))


class ProposalStep(WizardStep):
    """Options, Generate, the pages previewed, Save as… and Open in viewer."""

    generated = Signal(int)  # page count of the proposal just generated
    saved_to = Signal(str)  # path of the file just written

    def __init__(
        self, context: DesktopContext, draft: QuoteDraft, parent: QWidget | None = None
    ) -> None:
        super().__init__(context, draft, parent)
        self.setObjectName("proposalStep")
        self.context = context
        self.draft = draft
        self.pdf: bytes | None = None
        self.pdf_options: ProposalOptions | None = None
        self.pdf_document: object | None = None  # the document the PDF on show was made from
        self.saved_path: Path | None = None
        self._generating = False
        self._again = False
        self._option_boxes: dict[str, QCheckBox] = {}

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("proposalLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.language.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.configuration = QCheckBox()
        self.configuration.setObjectName("proposalConfiguration")
        self.configuration.setChecked(True)
        self.configuration.toggled.connect(lambda _on: self._options_changed())
        self.alternatives = QGroupBox()
        self.alternatives.setObjectName("proposalAlternatives")
        self.alternatives_layout = QVBoxLayout(self.alternatives)
        self.no_alternatives = QLabel()
        self.no_alternatives.setProperty("role", "muted")
        self.no_alternatives.setWordWrap(True)
        self.alternatives_layout.addWidget(self.no_alternatives)

        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generateProposal")
        self.generate_button.setProperty("role", "primary")
        self.generate_button.clicked.connect(self.generate)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveProposal")
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openProposal")
        self.open_button.clicked.connect(self.open_in_viewer)
        self.status = QLabel()
        self.status.setObjectName("proposalStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.preview = PdfPreview()
        self.preview.setObjectName("proposalPreview")

        form = QFormLayout()
        form.addRow(self.language_label, self.language)
        options = QWidget()
        options.setMaximumWidth(320)
        side = QVBoxLayout(options)
        side.setContentsMargins(0, 0, 0, 0)
        side.addLayout(form)
        side.addWidget(self.alternatives)
        side.addWidget(self.configuration)
        side.addSpacing(8)
        side.addWidget(self.generate_button)
        side.addWidget(self.save_button)
        side.addWidget(self.open_button)
        side.addSpacing(8)
        side.addWidget(self.status)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addWidget(options)
        columns.addSpacing(12)
        columns.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(columns, 1)

        # hidden (another step is current), the options follow the quote only when shown
        draft.changed.connect(lambda _doc: self.when_shown("quote", self._quote_changed))
        draft.priced_changed.connect(lambda _priced: self.when_shown("quote", self._quote_changed))
        self.retranslate()
        self._fill_alternatives()
        self._update_buttons()

    # the step contract ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Proposal")

    def enter(self) -> None:
        """Show the options for this quote and generate if there is no current proposal."""
        self._fill_alternatives()
        if self.pdf_options is None:
            self.language.setCurrentIndex(
                max(0, self.language.findData(self.draft.document.terms.language))
            )
        if not self.is_current() and self.draft.priced is not None:
            self.generate()
        elif self.draft.priced is None:
            self.preview.clear(self.tr("The quote has no price yet: go back to the Price step."))
        self._update_buttons()

    def validate(self) -> list[str]:
        if self.draft.priced is None:
            return [self.tr("The quote has no price yet: go back to the Price step.")]
        return []

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Proposal"))
        self.language_label.setText(self.tr("Proposal &language:"))
        self.language.setToolTip(
            self.tr("The language the customer reads, whatever the window's language")
        )
        self.configuration.setText(self.tr("Include &configuration details"))
        self.configuration.setToolTip(
            self.tr("List the components of each configured product, with their prices")
        )
        self.alternatives.setTitle(self.tr("Alternatives to show"))
        self.no_alternatives.setText(self.tr("This quote has no alternative options."))
        self.generate_button.setText(self.tr("&Generate"))
        self.save_button.setText(self.tr("&Save as…"))
        self.open_button.setText(self.tr("&Open in viewer"))
        self.preview.retranslate()
        for name, box in self._option_boxes.items():
            self._label_option(name, box)
        if self.pdf is None and not self._generating:
            self.preview.clear(self.tr("Press Generate to preview the proposal."))

    # what the rep does ---------------------------------------------------------------------------

    def options(self) -> ProposalOptions:
        left_out = frozenset(
            name
            for name, box in self._option_boxes.items()
            if box.isEnabled() and not box.isChecked()
        )
        return ProposalOptions(
            self.language.currentData() or "en", left_out, self.configuration.isChecked()
        )

    def is_current(self) -> bool:
        """True when the proposal on show matches the quote and the options."""
        return (
            self.pdf is not None
            and self.pdf_document == self.draft.document
            and self.pdf_options == self.options()
        )

    def generate(self) -> None:
        """Lay the proposal out on a worker; the preview shows it when it is ready."""
        doc, priced = self.draft.document, self.draft.priced
        if priced is None:
            self.status.setText(self.tr("The quote has no price yet: go back to the Price step."))
            return
        if self._generating:
            self._again = True  # generate once more with what the rep has changed meanwhile
            return
        self._generating = True
        options = self.options()
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Generating the proposal…"))
        self._update_buttons()
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: build_proposal_pdf(workspace, doc, priced, options),
            lambda data: self._generated(data, doc, options),
            self._failed,
            label=self.tr("Generating the proposal…"),
            name="proposal-pdf",
            owner=self,
        )

    def save_as(self) -> None:
        """Ask where, then write the proposal there."""
        if self.pdf is None:
            return
        folder = self.saved_path.parent if self.saved_path else Path.home()
        name = proposal_file_name(self.draft.document, self.options().language)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save proposal"), str(folder / name), self.tr("PDF documents (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            self.save_to(Path(path))

    def save_to(self, path: Path) -> None:
        """Write the proposal on show to ``path`` (worker; atomically)."""
        data = self.pdf
        if data is None:
            return
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saving…"))
        self.context.tasks.run(
            lambda: write_atomically(path, data),
            lambda _result: self._saved(path),
            lambda failure: self._save_failed(path, failure),
            label=self.tr("Saving the proposal…"),
            name="proposal-save",
            owner=self,
        )

    def open_in_viewer(self) -> bool:
        """Open the proposal in the system's PDF viewer (the saved file, else a temporary copy)."""
        if self.pdf is None:
            return False
        path = self.saved_path if self.is_saved_current() else None
        if path is None:
            try:
                path = self.viewer_copy()
            except OSError as error:
                self._show_error(
                    self.tr("Could not write a copy for the viewer: %1").replace("%1", str(error))
                )
                return False
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        if not opened:
            self._show_error(
                self.tr("No PDF viewer opened %1. Save the proposal and open it yourself.").replace(
                    "%1", str(path)
                )
            )
        return opened

    def viewer_copy(self) -> Path:
        """A copy of the proposal in the temporary folder, named as the customer would see it."""
        folder = Path(tempfile.gettempdir()) / "dealkit-proposals"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / proposal_file_name(self.draft.document, self.options().language)
        write_atomically(path, self.pdf or b"")
        return path

    def is_saved_current(self) -> bool:
        return self.saved_path is not None and self._saved_pdf is self.pdf

    # inside --------------------------------------------------------------------------------------

    _saved_pdf: bytes | None = None

    def _label_option(self, name: str, box: QCheckBox) -> None:
        if not box.isEnabled():
            box.setText(self.tr("%1 (counted in the total)").replace("%1", name))
            box.setToolTip(self.tr("The option counted in the total is always shown"))
        else:
            box.setText(name)
            box.setToolTip(self.tr("Show this option to the customer beside the others"))

    def _fill_alternatives(self) -> None:
        priced = self.draft.priced
        found = alternative_options(priced) if priced is not None else []
        names = [name for _set, name, _counted in found]
        if names == list(self._option_boxes) and all(
            self._option_boxes[name].isEnabled() != counted for _s, name, counted in found
        ):
            return
        kept = {name: box.isChecked() for name, box in self._option_boxes.items()}
        for box in self._option_boxes.values():
            self.alternatives_layout.removeWidget(box)
            box.deleteLater()
        self._option_boxes = {}
        for _set, name, counted in found:
            box = QCheckBox()
            box.setChecked(True if counted else kept.get(name, True))
            box.setEnabled(not counted)
            self._label_option(name, box)
            box.toggled.connect(lambda _on: self._options_changed())
            self.alternatives_layout.addWidget(box)
            self._option_boxes[name] = box
        self.no_alternatives.setVisible(not found)

    def _generated(self, data: bytes, doc: object, options: ProposalOptions) -> None:
        self._generating = False
        self.pdf, self.pdf_document, self.pdf_options = data, doc, options
        page = self.preview.current_page() if self.preview.page_count() else 0
        name = proposal_file_name(self.draft.document, options.language)
        if self.preview.show_bytes(data, page=page, name=name):
            pages = self.preview.page_count()
            self.status.setText(
                self.tr("%n page(s) generated. Save it or open it in your PDF viewer.", "", pages)
            )
            self.generated.emit(pages)
        else:
            self._show_error(self.preview.message())
        self._update_buttons()
        if self._again:
            self._again = False
            if not self.is_current():
                self.generate()

    def _failed(self, failure: TaskFailure) -> None:
        self._generating = False
        self._again = False
        error = failure.error
        if isinstance(error, PricingError):
            message = "; ".join(str(p) for p in error.problems)
        else:
            message = failure.message
        self._show_error(self.tr("The proposal could not be generated: %1").replace("%1", message))
        self._update_buttons()

    def _saved(self, path: Path) -> None:
        self.saved_path = path
        self._saved_pdf = self.pdf
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))
        self.saved_to.emit(str(path))

    def _save_failed(self, path: Path, failure: TaskFailure) -> None:
        self._show_error(
            self.tr("Could not save %1: %2. Pick another folder or file name.")
            .replace("%1", str(path))
            .replace("%2", failure.message)
        )

    def _show_error(self, text: str) -> None:
        self.status.setStyleSheet("color:#b3261e")
        self.status.setText(text)

    def _options_changed(self) -> None:
        self._update_buttons()
        if self.pdf is not None and not self.is_current():
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Options changed: press Generate to update the preview."))

    def _quote_changed(self) -> None:
        self._fill_alternatives()
        self._update_buttons()
        if self.pdf is not None and not self.is_current():
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("The quote changed since this proposal was made: press Generate.")
            )

    def _update_buttons(self) -> None:
        has_pdf = self.pdf is not None
        self.generate_button.setEnabled(self.draft.priced is not None and not self._generating)
        self.save_button.setEnabled(has_pdf and not self._generating)
        self.open_button.setEnabled(has_pdf and not self._generating)
