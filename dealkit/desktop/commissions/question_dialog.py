""" "Question this line…": the rep says what is wrong with a statement line, and may attach a file.

The dialog only collects the question (reason, message, optional file); the page sends it
through the task runner, where the file is read, kept as a workspace blob and the dispute is
written to the store. Sending stays disabled until the message says something, and a file that
cannot be attached is refused here with the reason, before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.commissions import labels

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024  # a scanned order or a screenshot, not a video


@dataclass(frozen=True)
class Question:
    reason: str
    message: str
    attachment: Path | None


class QuestionDialog(QDialog):
    """Asks for the reason, the message and an optional attachment for one statement line."""

    def __init__(self, line_text: str, amount_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.setWindowTitle(self.tr("Question this line"))
        self.setMinimumWidth(520)
        self.attachment: Path | None = None

        self.intro = intro = QLabel(
            self.tr("You are questioning “%1” (%2). Your comp admin sees the line as it is now.")
            .replace("%1", line_text)
            .replace("%2", amount_text)
        )
        intro.setWordWrap(True)
        self.reason_box = QComboBox()
        self.reason_box.setObjectName("reasonBox")
        for code, name in labels.reason_names().items():
            self.reason_box.addItem(name, code)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setObjectName("messageEdit")
        self.message_edit.setPlaceholderText(
            self.tr("What is wrong, and what did you expect? Name the deal if you can.")
        )
        self.message_edit.setMinimumHeight(110)
        self.attach_button = QPushButton(self.tr("Attach a file…"))
        self.attach_button.setObjectName("attachButton")
        self.attach_button.clicked.connect(self._choose_file)
        self.attachment_label = QLabel(self.tr("No file attached"))
        self.attachment_label.setProperty("role", "muted")
        self.attachment_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #9b2c2c;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.attachment_label, 1)

        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason_box)
        form.addRow(self.tr("Message"), self.message_edit)
        form.addRow(self.tr("Attachment"), attach_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send question"))
        self.send_button.setEnabled(False)
        self.send_button.setStyleSheet(  # the theme styles the default button for enabled only
            "QPushButton:disabled { background: #a9bfd6; border-color: #a9bfd6; color: #f4f6f9; }"
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.message_edit.textChanged.connect(self._update_send)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def question(self) -> Question:
        return Question(
            str(self.reason_box.currentData()),
            self.message_edit.toPlainText().strip(),
            self.attachment,
        )

    def set_attachment(self, path: Path | None) -> bool:
        """Attach ``path`` (None: remove); refuses a missing or too large file, saying why."""
        self.error_label.hide()
        if path is None:
            self.attachment = None
            self.attachment_label.setText(self.tr("No file attached"))
            return True
        try:
            size = path.stat().st_size
        except OSError as error:
            return self._refuse(
                self.tr("%1 cannot be read (%2); choose another file.")
                .replace("%1", str(path))
                .replace("%2", error.strerror or str(error))
            )
        if not path.is_file():
            return self._refuse(
                self.tr("%1 is not a file; choose a file.").replace("%1", str(path))
            )
        if size > MAX_ATTACHMENT_BYTES:
            return self._refuse(
                self.tr("%1 is larger than 25 MB; attach a smaller file or a part of it.").replace(
                    "%1", path.name
                )
            )
        self.attachment = path
        self.attachment_label.setText(path.name)
        self.attachment_label.setToolTip(str(path))
        return True

    def _refuse(self, text: str) -> bool:
        self.error_label.setText(text)
        self.error_label.show()
        return False

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if name:
            self.set_attachment(Path(name))

    def _update_send(self) -> None:
        self.send_button.setEnabled(bool(self.message_edit.toPlainText().strip()))
