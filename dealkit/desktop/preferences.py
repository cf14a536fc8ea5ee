"""The Preferences dialog: the interface language (English or Thai), applied live on OK."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import LANGUAGES, language_name
from dealkit.desktop.settings import LANGUAGE


class PreferencesDialog(QDialog):
    def __init__(self, context: DesktopContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("preferencesDialog")
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code in LANGUAGES:
            self.language_box.addItem(language_name(code), code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language_box)
        self.note = QLabel()
        self.note.setProperty("role", "muted")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.setContentsMargins(24, 20, 24, 16)
        form.setVerticalSpacing(12)
        form.addRow(self.language_label, self.language_box)
        form.addRow(self.note)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        self.reset()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("Interface &language:"))
        self.note.setText(self.tr("The window switches language as soon as you press OK."))
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reset(self) -> None:
        """Show the language in use (the dialog is reused between openings)."""
        self.language_box.setCurrentIndex(LANGUAGES.index(self.context.languages.language))

    def chosen_language(self) -> str:
        return str(self.language_box.currentData())

    def accept(self) -> None:
        language = self.chosen_language()
        self.context.settings.set(LANGUAGE, language)
        self.context.languages.set_language(language)
        super().accept()
