"""The Configure dialog as a rep uses it: real widgets, the demo rack server model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dealkit.desktop.configure import ConfigureDialog
from dealkit.engine.configurator import ChoiceError, load_model
from tests.helpers.configurator import DEMO_MODELS


@pytest.fixture(scope="module")
def rack():
    return load_model(DEMO_MODELS / "rack-server.yaml")


@pytest.fixture
def dialog(qtbot, rack):
    widget = ConfigureDialog(None, rack, {"chassis": "1u-10sff"})
    qtbot.addWidget(widget)
    return widget


def test_withheld_options_are_greyed_with_the_reason(dialog) -> None:
    options = dialog.option_models["cpu"]
    platinum = options.index(options.row_of("platinum-8480"))
    silver = options.index(options.row_of("silver-4410y"))
    assert not options.flags(platinum) & Qt.ItemFlag.ItemIsEnabled
    assert options.flags(silver) & Qt.ItemFlag.ItemIsEnabled
    tooltip = options.data(platinum, Qt.ItemDataRole.ToolTipRole)
    assert "cannot cool the 270 W and 350 W processors" in tooltip
    assert 'Smallest change: set Chassis to 2U, 12 × 3.5" drive bays' in tooltip
    assert dialog.withheld("cpu") == ["gold-6430", "platinum-8480"]


def test_keyboard_choice_skips_greyed_options_and_is_undoable(qtbot, dialog) -> None:
    combo = dialog.combos["cpu"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # (not chosen) -> silver
    assert dialog.choices()["cpu"] == "silver-4410y"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # gold-6430 is greyed: lands on gold-6448y
    assert dialog.choices()["cpu"] == "gold-6448y"
    assert dialog.undo_stack.count() == 2
    dialog.undo_action.trigger()
    assert dialog.choices()["cpu"] == "silver-4410y"
    assert combo.currentText().startswith("Silver 4410Y")
    dialog.redo_action.trigger()
    assert dialog.choices()["cpu"] == "gold-6448y"


def test_why_not_and_make_it_possible(qtbot, dialog) -> None:
    menu = dialog.why_buttons["cpu"].menu()
    menu.aboutToShow.emit()
    labels = [action.text() for action in menu.actions()]
    assert labels == ["Gold 6430, 32 cores, 270 W", "Platinum 8480+, 56 cores, 350 W"]
    menu.actions()[1].trigger()
    assert "cpu-fits-chassis" in dialog.explanation_label.text()
    assert dialog.make_possible_button.isEnabled()
    qtbot.mouseClick(dialog.make_possible_button, Qt.MouseButton.LeftButton)
    assert dialog.choices() == {"chassis": "2u-12lff", "cpu": "platinum-8480"}
    assert dialog.is_consistent()
    assert dialog.undo_stack.undoText().startswith("Make Processor = Platinum")
    dialog.undo_action.trigger()
    assert dialog.choices() == {"chassis": "1u-10sff"}


def test_complete_alerts_and_ok(qtbot, dialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.choose("psu_count", 1)
    texts = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert any("single power supply has no redundancy" in t for t in texts)
    qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    configuration = dialog.configuration()
    assert configuration is not None and ok.isEnabled()
    assert configuration["chassis"] == "1u-10sff" and configuration["psu_count"] == 1
    assert configuration["accessories.rail_kit"] == 1  # added by the selection rule
    assert dialog.combos["accessories.rail_kit"].currentText() == "1 ×"
    dialog.undo_action.trigger()
    assert not ok.isEnabled()


def test_inconsistent_initial_choices_are_explained(qtbot, rack) -> None:
    widget = ConfigureDialog(None, rack, {"chassis": "tower-8lff", "accessories.rail_kit": 1})
    qtbot.addWidget(widget)
    first = widget.messages.item(0).text()
    assert "tower" in first.lower() and "no-rails-on-tower" in first
    with pytest.raises(ChoiceError, match="cpu has no value 'pentium'"):
        ConfigureDialog(None, rack, {"cpu": "pentium"})
