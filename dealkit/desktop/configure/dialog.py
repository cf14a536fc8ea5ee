"""``ConfigureDialog``: configure one product under its rules, with every answer live.

Each variable is a combo box in its option group. After every edit the configurator recomputes
which values can still be chosen (milliseconds, see ``engine/configurator``): the others are
greyed, and hovering one shows why. "Why not?" lists the withheld values of a variable; picking one
explains it in the messages pane and offers "Make it possible", which applies the smallest change
of the rep's choices together with that value as one undoable edit. Alerts (non-blocking) and the
state of the configuration are listed under the form. Complete fills the open variables (defaults
first, or the cheapest). Every edit is a ``QUndoCommand`` on ``undo_stack``.

The lead wires this into the Quote page; for a large model pass a ``configurator`` prepared off the
GUI thread (``Configurator.prepare`` via the task runner): the demo's models prepare in ~0.1 s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.configure.commands import Choices, SetChoicesCommand
from dealkit.desktop.configure.option_model import OptionListModel
from dealkit.engine.configurator import ProductModel, Value
from dealkit.engine.money import Money, MoneyError

# The dialog's own look, on top of the application theme: white option cards on the window's
# grey, quiet captions, compact messages. Kept here so the dialog looks the same wherever it opens.
DIALOG_STYLE = """
QLabel#configureTitle { font-size: 15pt; font-weight: bold; color: #1f2933; }
QLabel#configureSku { color: #5f6d7c; padding-bottom: 3px; }
QLabel#configureHint { color: #5f6d7c; }
QLabel#configureTotal { font-weight: bold; color: #1f2933; }
QLabel#configureExplanation { color: #33414f; }
QScrollArea#configureScroll, QWidget#configureForm { background: transparent; }
QGroupBox {
    background: #ffffff;
    border: 1px solid #e1e6ec;
    border-radius: 8px;
    margin-top: 24px;
    padding-top: 4px;
}
QGroupBox::title {
    subcontrol-origin: margin;
    subcontrol-position: top left;
    left: 4px;
    top: 2px;
    color: #2d4a66;
}
QComboBox::drop-down {
    subcontrol-origin: padding;
    subcontrol-position: center right;
    width: 24px;
    border: none;
}
QComboBox::down-arrow {
    image: url(:/qt-project.org/styles/commonstyle/images/arrow-down-16.png);
    width: 10px;
    height: 10px;
}
QToolButton {
    background: #ffffff;
    border: 1px solid #cfd8e2;
    border-radius: 6px;
    padding: 5px 10px;
}
QToolButton:hover { background: #eef3f8; }
QToolButton:disabled { color: #9aa5b1; border-color: #e1e6ec; }
QToolButton::menu-indicator { image: none; width: 0; }
QListWidget#configureMessages {
    background: #ffffff;
    border: 1px solid #e1e6ec;
    border-radius: 6px;
    padding: 2px;
}
"""

if TYPE_CHECKING:  # the reasoning engine loads when a dialog opens, not when this is imported
    from dealkit.engine.configurator import Configurator, Explanation


class HistoryButton(QToolButton):
    """A short "Undo" or "Redo" button; the step it would undo or redo is its tooltip."""

    def __init__(self, text: str, action: QAction) -> None:
        super().__init__()
        self.setText(text)
        self.setEnabled(False)
        self.clicked.connect(action.trigger)

    def show_step(self, step: str) -> None:
        self.setToolTip(f"{self.text()}: {step}" if step else "")


class ConfigureDialog(QDialog):
    """Configure ``model`` starting from ``initial_choices``; ``configuration()`` when accepted."""

    choices_changed = Signal(dict)

    def __init__(
        self,
        parent: QWidget | None,
        model: ProductModel,
        initial_choices: Mapping[str, Value] | None = None,
        configurator: Configurator | None = None,
        notes: Sequence[str] = (),
        locale: str = "en_US",
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.problem = model.problem
        if configurator is None:
            from dealkit.engine.configurator import Configurator

            configurator = Configurator.prepare(model.problem)
        self.configurator = configurator
        self._choices: Choices = dict(initial_choices or {})
        self._notes = list(notes)  # shown above the live messages, e.g. choices left out
        self.locale = locale  # Babel locale of the window, for money
        self.problem.choice_indexes(self._choices)  # names a bad variable or value (ChoiceError)
        self._domains: dict[str, list[Value]] = {}
        self._pending: Explanation | None = None
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Configure %1").replace("%1", model.name or model.sku))
        self.resize(760, 720)
        self.combos: dict[str, QComboBox] = {}
        self.option_models: dict[str, OptionListModel] = {}
        self.why_buttons: dict[str, QToolButton] = {}
        self._build()
        self._refresh()

    # building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setStyleSheet(DIALOG_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        title = QLabel(self.model.name or self.model.sku)
        title.setObjectName("configureTitle")
        sku = QLabel(self.model.sku)
        sku.setObjectName("configureSku")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addWidget(sku, 0, Qt.AlignmentFlag.AlignBottom)
        heading.addStretch(1)
        layout.addLayout(heading)
        hint = QLabel(
            self.tr(
                "Greyed options are not possible with your choices: hover one to see why, "
                "or use Why not? to make it possible."
            )
        )
        hint.setObjectName("configureHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button = HistoryButton(self.tr("Undo"), self.undo_action)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self.undo_button.show_step)
        self.redo_button = HistoryButton(self.tr("Redo"), self.redo_action)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.redoTextChanged.connect(self.redo_button.show_step)
        actions.addWidget(self.undo_button)
        actions.addWidget(self.redo_button)
        actions.addSpacing(12)
        self.complete_button = QPushButton(self.tr("Complete"))
        self.complete_button.setToolTip(self.tr("Fill the open choices with their defaults"))
        self.complete_button.clicked.connect(lambda: self.complete("defaults"))
        self.cheapest_button = QPushButton(self.tr("Complete cheapest"))
        self.cheapest_button.setToolTip(self.tr("Fill the open choices at the least option price"))
        self.cheapest_button.clicked.connect(lambda: self.complete("cheapest"))
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(lambda: self.set_choices({}, self.tr("Clear choices")))
        for button in (self.complete_button, self.cheapest_button, self.clear_button):
            button.setAutoDefault(False)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addLayout(actions)

        form_host = QWidget()
        form_host.setObjectName("configureForm")
        form_layout = QVBoxLayout(form_host)
        form_layout.setContentsMargins(2, 2, 10, 2)
        form_layout.setSpacing(10)
        groups = self.model.groups or {v.name: [v.name] for v in self.problem.variables}
        for members in groups.values():
            first = self.problem.variables[self.problem.var(members[0])]
            many = len(members) > 1 or "." in first.name
            group_title = first.label.split(": ", 1)[0] if many else (first.label or first.name)
            box = QGroupBox(group_title)
            rows = QFormLayout(box)
            rows.setContentsMargins(12, 6, 12, 10)
            rows.setHorizontalSpacing(12)
            rows.setVerticalSpacing(6)
            rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name in members:
                variable = self.problem.variables[self.problem.var(name)]
                row_label = variable.label.split(": ", 1)[-1] if many else ""
                if row_label:
                    rows.addRow(row_label, self._variable_row(name))
                else:  # a group of one: the group's title is the label
                    rows.addRow(self._variable_row(name))
            form_layout.addWidget(box)
        form_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("configureScroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        layout.addWidget(scroll, 1)

        self.messages = QListWidget()
        self.messages.setObjectName("configureMessages")
        self.messages.setWordWrap(True)
        self.messages.setMaximumHeight(76)
        layout.addWidget(self.messages)
        explain_row = QHBoxLayout()
        self.explanation_label = QLabel()
        self.explanation_label.setObjectName("configureExplanation")
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.make_possible_button = QPushButton(self.tr("Make it possible"))
        self.make_possible_button.setAutoDefault(False)
        self.make_possible_button.setVisible(False)
        self.make_possible_button.clicked.connect(self.make_possible)
        explain_row.addWidget(self.explanation_label, 1)
        explain_row.addWidget(self.make_possible_button)
        layout.addLayout(explain_row)

        bottom = QHBoxLayout()
        self.total_label = QLabel()
        self.total_label.setObjectName("configureTotal")
        bottom.addWidget(self.total_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _variable_row(self, name: str) -> QWidget:
        variable = self.problem.variables[self.problem.var(name)]
        host = QWidget()
        row = QHBoxLayout(host)
        row.setContentsMargins(0, 0, 0, 0)
        combo = QComboBox()
        combo.setObjectName(f"choice:{name}")
        option_model = OptionListModel(
            variable, lambda value, n=name: self._reason(n, value), combo
        )
        combo.setModel(option_model)
        combo.activated.connect(lambda row_index, n=name: self._picked(n, row_index))
        why = QToolButton()
        why.setText(self.tr("Why not?"))
        why.setToolTip(self.tr("Explain a greyed-out option and make it possible"))
        why.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(why)
        menu.aboutToShow.connect(lambda n=name, m=menu: self._fill_why_menu(n, m))
        why.setMenu(menu)
        row.addWidget(combo, 1)
        row.addWidget(why)
        self.combos[name] = combo
        self.option_models[name] = option_model
        self.why_buttons[name] = why
        return host

    # state ----------------------------------------------------------------------------------

    def choices(self) -> Choices:
        return dict(self._choices)

    def domains(self) -> dict[str, list[Value]]:
        return {name: list(values) for name, values in self._domains.items()}

    def is_consistent(self) -> bool:
        return self.configurator.is_consistent(self._choices)

    def is_complete(self) -> bool:
        return self.is_consistent() and all(
            name in self._choices or len(values) == 1 for name, values in self._domains.items()
        )

    def configuration(self) -> Choices | None:
        """Every variable's value when the configuration is complete and valid, else None."""
        if not self.is_complete():
            return None
        return {name: self._choices.get(name, values[0]) for name, values in self._domains.items()}

    def withheld(self, name: str) -> list[Value]:
        variable = self.problem.variables[self.problem.var(name)]
        return [v for v in variable.values if v not in self._domains[name]]

    # edits (each one undoable) ----------------------------------------------------------------

    def set_choices(self, choices: Mapping[str, Value], text: str) -> None:
        if dict(choices) == self._choices:
            return
        self.undo_stack.push(SetChoicesCommand(self._apply, self._choices, dict(choices), text))

    def choose(self, name: str, value: Value | None) -> None:
        after = dict(self._choices)
        variable = self.problem.variables[self.problem.var(name)]
        if value is None:
            after.pop(name, None)
            text = self.tr("Clear %1").replace("%1", variable.label or name)
        else:
            variable.index(value)
            after[name] = value
            text = self.tr("Set %1").replace(
                "%1", f"{variable.label or name} = {variable.label_of(value)}"
            )
        self.set_choices(after, text)

    def complete(self, strategy: str = "defaults") -> None:
        from dealkit.engine.configurator import complete

        filled = complete(self.configurator, self._choices, strategy)
        if filled is None:
            self._show_message(self.tr("Cannot complete: the choices conflict."), "error")
            return
        self.set_choices(
            filled, self.tr("Complete") if strategy == "defaults" else self.tr("Complete cheapest")
        )

    def explain(self, name: str, value: Value) -> Explanation:
        """Show why ``name = value`` is withheld; "Make it possible" applies the smallest change."""
        explanation = self.configurator.explain(self._choices, name, value)
        self._pending = explanation
        self.explanation_label.setText(explanation.text)
        self.make_possible_button.setVisible(not explanation.allowed)
        self.make_possible_button.setEnabled(
            not explanation.allowed
            and (bool(explanation.change) or not explanation.choices)
            and self._can_make_possible(explanation)
        )
        return explanation

    def make_possible(self) -> None:
        explanation = self._pending
        if explanation is None or explanation.variable is None:
            return
        after = dict(self._choices)
        for change in explanation.change:
            after[change.variable] = change.new
        after[explanation.variable] = explanation.value
        variable = self.problem.variables[self.problem.var(explanation.variable)]
        self.set_choices(
            after,
            self.tr("Make %1 possible").replace(
                "%1", f"{variable.label or variable.name} = {variable.label_of(explanation.value)}"
            ),
        )

    # internals ------------------------------------------------------------------------------

    def _can_make_possible(self, explanation: Explanation) -> bool:
        after = dict(self._choices)
        for change in explanation.change:
            after[change.variable] = change.new
        after[explanation.variable] = explanation.value
        return self.configurator.is_consistent(after)

    def _apply(self, choices: Choices) -> None:
        self._choices = choices
        self._pending = None
        self.explanation_label.clear()
        self.make_possible_button.setVisible(False)
        self._refresh()
        self.choices_changed.emit(dict(choices))

    def _picked(self, name: str, row: int) -> None:
        value = self.option_models[name].value_at(row)
        if value is not None and not self.option_models[name].is_offered(value):
            return
        self.choose(name, value)

    def _reason(self, name: str, value: Value) -> str:
        return self.configurator.explain(self._choices, name, value).text

    def _fill_why_menu(self, name: str, menu: QMenu) -> None:
        menu.clear()
        variable = self.problem.variables[self.problem.var(name)]
        withheld = self.withheld(name)
        if not withheld:
            action = menu.addAction(self.tr("Every option is possible"))
            action.setEnabled(False)
            return
        for value in withheld:
            action = menu.addAction(variable.label_of(value))
            action.triggered.connect(lambda _=False, n=name, v=value: self.explain(n, v))

    def _refresh(self) -> None:
        answer = self.configurator.domains(self._choices)
        self._domains = answer.domains
        for name, combo in self.combos.items():
            offered = answer.domains[name]
            option_model = self.option_models[name]
            variable = option_model.variable
            if name not in self._choices and len(offered) == 1:
                unset = self.tr("(automatic: %1)").replace("%1", variable.label_of(offered[0]))
            else:
                unset = self.tr("(not chosen)")
            option_model.set_offered(set(offered), unset)
            combo.blockSignals(True)
            combo.setCurrentIndex(option_model.row_of(self._choices.get(name)))
            combo.blockSignals(False)
            self.why_buttons[name].setEnabled(len(offered) < len(variable.values))
        self.messages.clear()
        for note in self._notes:
            self._show_message(note, "alert")
        if not answer.consistent:
            conflict = self.configurator.explain_conflict(self._choices)
            self._show_message(
                conflict.text if conflict else self.tr("The choices conflict."), "error"
            )
        else:
            open_count = sum(
                1
                for n, values in answer.domains.items()
                if n not in self._choices and len(values) > 1
            )
            if open_count:
                self._show_message(
                    self.tr("%1 choices still open").replace("%1", str(open_count)), "info"
                )
            else:
                self._show_message(self.tr("The configuration is complete and valid."), "info")
        decided = {n: values[0] for n, values in answer.domains.items() if len(values) == 1}
        decided.update(self._choices)
        for alert in self.model.fired_alerts(decided):
            self._show_message(alert.message, "alert")
        self._show_total(decided)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.is_complete())

    def _show_total(self, decided: Mapping[str, Value]) -> None:
        """The option prices of what is decided so far, in the model's currency."""
        from dealkit.engine.configurator import price_of

        try:
            total = Money(price_of(self.problem, decided), self.model.currency)
        except MoneyError:  # the model names no (known) currency: no figure to show
            self.total_label.clear()
            return
        self.total_label.setText(
            self.tr("Option prices so far: %1").replace("%1", total.format(self.locale))
        )

    def _show_message(self, text: str, kind: str) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, kind)
        prefix = {"error": "⛔ ", "alert": "⚠ ", "info": ""}[kind]
        item.setText(prefix + text)
        self.messages.addItem(item)
