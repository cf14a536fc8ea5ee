"""The sign-in dialog: server address, username, password; errors said plainly in the dialog.

The request runs off the GUI thread (``TaskRunner``); a wrong password, an unreachable server or
an address that is not a Dealkit server is shown under the fields, the password is cleared and
the person can try again. In the "expired" mode the dialog opens by itself after the server
refused the saved sign-in, says that nothing on this computer was lost, and offers to keep
working offline.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import Retranslating
from dealkit.desktop.session import SessionState
from dealkit.desktop.settings import SERVER_ADDRESS
from dealkit.engine.auth.token_store import SavedSession


@dataclass(frozen=True)
class _Outcome:
    session: SavedSession | None
    problem: str | None


def _attempt(address: str, username: str, password: str) -> _Outcome:
    """Runs on a worker thread: the sign-in, with expected refusals as a message."""
    from dealkit.engine.auth.client import SignInError, sign_in

    try:
        return _Outcome(sign_in(address, username, password), None)
    except SignInError as error:
        return _Outcome(None, str(error))


class SignInDialog(Retranslating, QDialog):
    """``expired=True``: the saved sign-in stopped working; say so and pre-fill the fields."""

    def __init__(
        self,
        context: DesktopContext,
        session: SessionState,
        parent: QWidget | None = None,
        *,
        expired: bool = False,
        reason: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.session = session
        self.expired = expired
        self.reason = reason
        self.busy = False
        self.setObjectName("signInDialog")
        self.heading = QLabel()
        self.heading.setProperty("role", "subheading")
        self.intro = QLabel()
        self.intro.setObjectName("signInIntro")
        self.intro.setProperty("role", "muted")
        self.intro.setWordWrap(True)
        self.server_edit = QLineEdit()
        self.server_edit.setObjectName("serverAddress")
        self.server_edit.setPlaceholderText("https://dealkit.example.com")
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("username")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.server_label, self.user_label, self.password_label = QLabel(), QLabel(), QLabel()
        self.server_label.setBuddy(self.server_edit)
        self.user_label.setBuddy(self.user_edit)
        self.password_label.setBuddy(self.password_edit)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel#signInMessage { color: #9b2c2c; }")
        self.message.hide()
        self.buttons = QDialogButtonBox()
        self.sign_in_button: QPushButton = self.buttons.addButton(
            "", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sign_in_button.setObjectName("signInButton")
        self.sign_in_button.setDefault(True)
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.server_label, self.server_edit)
        form.addRow(self.user_label, self.user_edit)
        form.addRow(self.password_label, self.password_edit)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 20, 24, 16)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self._prefill()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        if self.expired:
            self.heading.setText(self.tr("Your session has ended"))
            self.intro.setText(
                self.tr(
                    "Sign in again to keep syncing. Nothing on this computer was lost: your "
                    "quotes and unsent changes are kept and go up after you sign in."
                )
            )
            self.cancel_button.setText(self.tr("Keep working offline"))
        else:
            self.heading.setText(self.tr("Sign in to your team's Dealkit server"))
            self.intro.setText(
                self.tr(
                    "Signing in syncs your quotes, approvals, statements and the library with "
                    "your team. You can work offline without it."
                )
            )
            self.cancel_button.setText(self.tr("Cancel"))
        self.server_label.setText(self.tr("&Server address:"))
        self.user_label.setText(self.tr("&Username:"))
        self.password_label.setText(self.tr("&Password:"))
        self.sign_in_button.setText(self.tr("Signing in…") if self.busy else self.tr("Sign in"))

    def _prefill(self) -> None:
        last = self.session.last
        address = self.context.settings.get(SERVER_ADDRESS) or (last.server if last else "")
        self.server_edit.setText(address)
        if last is not None:
            self.user_edit.setText(last.username)
        first_empty = next(
            (e for e in (self.server_edit, self.user_edit) if not e.text()), self.password_edit
        )
        first_empty.setFocus()

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.server_edit, self.user_edit, self.password_edit, self.sign_in_button):
            widget.setEnabled(not busy)
        self.retranslate()

    def submit(self) -> None:
        """Check the fields, then sign in off the GUI thread."""
        if self.busy:
            return
        address, username = self.server_edit.text().strip(), self.user_edit.text().strip()
        password = self.password_edit.text()
        missing = [
            (self.server_edit, self.tr("Enter the server address your admin gave you.")),
            (self.user_edit, self.tr("Enter your username.")),
            (self.password_edit, self.tr("Enter your password.")),
        ]
        for edit, text in missing:
            if not edit.text().strip():
                self.show_problem(text)
                edit.setFocus()
                return
        self.message.hide()
        self._set_busy(True)
        self.context.tasks.run(
            lambda: _attempt(address, username, password),
            self._finished,
            label=self.tr("Signing in…"),
        )

    def _finished(self, outcome: _Outcome) -> None:
        self._set_busy(False)
        if not self.isVisible():  # closed meanwhile: the new token expires on its own
            return
        if outcome.session is None:
            self.show_problem(outcome.problem or self.tr("Sign-in failed."))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.context.settings.set(SERVER_ADDRESS, outcome.session.server)
        self.session.remember(outcome.session)
        self.accept()
