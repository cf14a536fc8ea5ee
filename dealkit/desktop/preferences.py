"""The Preferences dialog: the interface language (English or Thai), applied live on OK, and
the address of the team's Dealkit server (sign-in and sync)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import LANGUAGES, Retranslating, language_name
from dealkit.desktop.settings import LANGUAGE, SERVER_ADDRESS


class PreferencesDialog(Retranslating, QDialog):
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
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverAddressPreference")
        self.server_edit.setPlaceholderText("https://dealkit.example.com")
        self.server_label = QLabel()
        self.server_label.setBuddy(self.server_edit)
        self.server_note = QLabel()
        self.server_note.setObjectName("serverAddressNote")
        self.server_note.setProperty("role", "muted")
        self.server_note.setWordWrap(True)
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
        form.addRow(self.server_label, self.server_edit)
        form.addRow(self.server_note)
        form.addRow(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        self.reset()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        self.language_label.setText(self.tr("Interface &language:"))
        self.note.setText(self.tr("The window switches language as soon as you press OK."))
        self.server_label.setText(self.tr("&Server address:"))
        self.server_note.setText(
            self.tr("Your team's Dealkit server, for signing in and syncing (File › Sign in).")
        )
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def reset(self) -> None:
        """Show the language in use (the dialog is reused between openings)."""
        self.retranslate()  # and forget a message about a bad address from the last opening
        self.language_box.setCurrentIndex(LANGUAGES.index(self.context.languages.language))
        self.server_edit.setText(self.context.settings.get(SERVER_ADDRESS))

    def chosen_language(self) -> str:
        return str(self.language_box.currentData())

    def accept(self) -> None:
        from dealkit.engine.auth.client import SignInError, normalize_server

        address = self.server_edit.text().strip()
        if address:
            try:
                address = normalize_server(address)
            except SignInError as error:
                self.server_note.setText(str(error))
                self.server_edit.setFocus()
                return
        self.context.settings.set(SERVER_ADDRESS, address)
        language = self.chosen_language()
        self.context.settings.set(LANGUAGE, language)
        self.context.languages.set_language(language)
        super().accept()
