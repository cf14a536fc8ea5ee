"""Configure step: a configurable product's accepted choices are the line's options, priced by
its model, and they survive saving and reopening -- reopening the line reopens its choices."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from dealkit.desktop.quote_wizard.configured_options import configuration_from_options
from dealkit.desktop.quote_wizard.wizard import CONFIGURE
from dealkit.engine.configurator import price_of
from dealkit.engine.quotes.document import CustomerRef
from tests.desktop.quote_wizard import wizard_helpers
from tests.desktop.quote_wizard.wizard_helpers import CTRL, focused, key, type_into

wizard_bench = wizard_helpers.wizard_bench


def _dialog(qtbot, bench, before):
    launcher = bench.wizard.configure_step.launcher
    qtbot.waitUntil(lambda: launcher.dialog not in (None, before), timeout=60_000)
    dialog = launcher.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    bench.idle()
    return dialog


def test_configured_options_survive_save_and_reopen(qtbot, wizard_bench):
    wizard = wizard_bench.wizard
    doc = replace(wizard.draft.document, customer=CustomerRef("Atlantic Mutual Bank"))
    wizard.open_quote(doc, CONFIGURE)
    wizard_bench.idle()
    step = wizard.configure_step
    qtbot.waitUntil(lambda: "SRV-R7" in step.configurable, timeout=30_000)
    assert focused(qtbot) is step.sku_entry
    type_into(qtbot, "SRV-R7")
    key(qtbot, Qt.Key.Key_Return)  # adds the line and opens its configuration
    dialog = _dialog(qtbot, wizard_bench, None)
    dialog.complete("defaults")
    configuration = dialog.configuration()
    assert configuration is not None
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(wizard.draft.document.lines[0].options), timeout=10_000)
    wizard_bench.idle()
    line = wizard.draft.document.lines[0]
    assert configuration_from_options(line.options) == {
        name: str(value).lower() if isinstance(value, bool) else str(value)
        for name, value in configuration.items()
    }
    # The model prices in USD like this quote: the options add the model's prices to the line.
    model = dialog.model
    option_total = sum(pick.price for pick in line.options)
    assert option_total == price_of(model.problem, configuration)
    lp = wizard.pricer.line_price(line.id)
    assert lp is not None and lp.listed.options

    wizard_bench.activate()
    step.sku_entry.setFocus()
    key(qtbot, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: wizard.draft.document.number != "", timeout=30_000)
    wizard_bench.idle()
    number = wizard.draft.document.number
    saved_line = wizard.draft.document.lines[0]
    assert saved_line.options == line.options

    wizard.new_quote()
    wizard_bench.idle()
    wizard.load_quote(number, step=CONFIGURE)
    qtbot.waitUntil(lambda: wizard.draft.document.number == number, timeout=30_000)
    wizard_bench.idle()
    reopened = wizard.draft.document.lines[0]
    assert reopened.options == line.options
    step.configure_line(reopened.id)  # Enter on the line does this
    again = _dialog(qtbot, wizard_bench, dialog)
    assert again.choices() == configuration
