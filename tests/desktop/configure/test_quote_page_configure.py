"""Configure product… on the Quote page, as a rep uses it: the real window over the demo.

Every step goes through real widgets and the real task runner: the picker lists what the
workspace can configure, the model is prepared on a worker (the status bar says so) and cached,
the dialog greys out what the rules forbid, and the accepted configuration is summarized with
the model's option prices in the quote's currency.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from sqlalchemy import select

from dealkit.desktop.configure import ConfigureDialog
from dealkit.desktop.configure.product_picker import ProductPickerDialog
from dealkit.engine.configurator import price_of
from dealkit.engine.money import Money
from dealkit.engine.store.models import Product, Quote, QuoteLine
from tests.helpers.desktop import wait_idle

RACK = "Northwind R7 Rack Server"


def _quote_page(qtbot, make_window, workspace, language="en"):
    window = make_window(workspace, language=language)
    window.show_page("quote")
    wait_idle(qtbot, window)
    return window, window.pages["quote"]


def _open_picker(qtbot, page) -> ProductPickerDialog:
    before = page.configurator.picker
    window = page.window()
    window.activateWindow()  # as the window system does when a dialog closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    page.table.setFocus()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: page.configurator.picker not in (None, before), timeout=10_000)
    picker = page.configurator.picker
    qtbot.waitUntil(picker.isVisible, timeout=10_000)
    return picker


def _pick(qtbot, page, picker: ProductPickerDialog, sku: str, line: bool = False):
    match = [p for p in picker.picks() if p.product.sku == sku and (p.line is not None) == line]
    picker.select(match[0])
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)


def _open_dialog(qtbot, window, page, sku: str = "SRV-R7") -> ConfigureDialog:
    before = page.configurator.dialog
    picker = _open_picker(qtbot, page)
    _pick(qtbot, page, picker, sku)
    qtbot.waitUntil(lambda: page.configurator.dialog not in (None, before), timeout=60_000)
    dialog = page.configurator.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)
    wait_idle(qtbot, window)
    return dialog


def _select_quote(qtbot, window, page, number: str) -> None:
    page.show_quote(number)
    wait_idle(qtbot, window)
    assert page.detail.quote is not None and page.detail.quote.number == number


def _accept(qtbot, dialog: ConfigureDialog) -> None:
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_the_action_lists_the_demos_configurable_products(qtbot, make_window, demo_workspace):
    _window, page = _quote_page(qtbot, make_window, demo_workspace)
    assert page.configure_action.isEnabled()
    assert page.configure_button.text() == "Configure product…"
    assert page.configure_action.shortcut().toString() == "Ctrl+Shift+C"
    picker = _open_picker(qtbot, page)
    with demo_workspace.store.session() as session:
        expected = sorted(
            session.scalars(select(Product.sku).where(Product.configurable.is_(True)))
        )
    assert expected == ["SRV-R7", "SUB-CLOUDOPS"]
    assert [p.product.sku for p in picker.picks() if p.line is None] == expected
    texts = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert f"{RACK} (SRV-R7): new configuration" in texts
    assert picker.list.currentRow() == 0  # Enter picks at once
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    assert not picker.isVisible() and page.configurator.dialog is None

    # The toolbar button is in the Tab chain and opens the picker from the keyboard too.
    assert page.configure_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    page.window().activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page.window(), timeout=5_000)
    page.configure_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.configure_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.configurator.picker is not picker, timeout=10_000)
    qtbot.waitUntil(page.configurator.picker.isVisible, timeout=10_000)
    page.configurator.picker.reject()


def test_the_shortcut_works_from_anywhere_while_the_quote_page_shows(
    qtbot, make_window, demo_workspace
):
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    triggered: list[bool] = []
    page.configure_action.triggered.connect(lambda *_: triggered.append(True))
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_C, keys)
    assert triggered == [True]
    qtbot.waitUntil(lambda: page.configurator.picker is not None, timeout=10_000)
    qtbot.waitUntil(page.configurator.picker.isVisible, timeout=10_000)
    page.configurator.picker.reject()
    window.show_page("library")
    wait_idle(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5_000)
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_C, keys)
    assert triggered == [True]  # not on another page


def test_opening_prepares_in_the_background_then_a_second_open_is_instant(
    qtbot, make_window, demo_workspace
):
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    statuses: list[str] = []
    window.context.tasks.status.connect(statuses.append)
    picker = _open_picker(qtbot, page)
    _pick(qtbot, page, picker, "SRV-R7")
    # The model is being prepared on a worker: the GUI answers, the dialog is not there yet.
    assert page.configurator.busy and page.configurator.dialog is None
    assert not page.configure_action.isEnabled()  # one preparation at a time
    assert window.task_label.text() == f"Preparing {RACK}…"
    assert f"Preparing {RACK}…" in window.context.tasks.running()
    qtbot.waitUntil(lambda: page.configurator.dialog is not None, timeout=60_000)
    first = page.configurator.dialog
    assert first.isVisible() and first.model.sku == "SRV-R7"
    assert first.windowTitle() == f"Configure {RACK}"
    assert f"Compiling the rules of {RACK}…" in statuses
    assert page.configurator.last_preparation_seconds is not None
    assert len(page.configurator.cache) == 1
    assert page.configure_action.isEnabled()
    first.reject()

    # Again: the prepared configurator is reused, the dialog opens without any background task.
    picker = _open_picker(qtbot, page)
    wait_idle(qtbot, window)
    _pick(qtbot, page, picker, "SRV-R7")
    assert not window.context.tasks.busy
    second = page.configurator.dialog
    assert second is not first and second.isVisible()
    assert second.configurator is first.configurator
    assert window.context.tasks.failures == []


def test_choices_grey_out_what_the_rules_forbid_with_undo_redo_and_complete(
    qtbot, make_window, demo_workspace
):
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    dialog = _open_dialog(qtbot, window, page)
    combo = dialog.combos["chassis"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # (not chosen) -> 1U chassis
    assert dialog.choices() == {"chassis": "1u-10sff"}
    options = dialog.option_models["cpu"]
    platinum = options.index(options.row_of("platinum-8480"))
    assert not options.flags(platinum) & Qt.ItemFlag.ItemIsEnabled
    reason = options.data(platinum, Qt.ItemDataRole.ToolTipRole)
    assert "cannot cool the 270 W and 350 W processors" in reason
    assert "cpu-fits-chassis" in reason

    dialog.undo_action.trigger()
    assert dialog.choices() == {}
    assert options.flags(platinum) & Qt.ItemFlag.ItemIsEnabled
    dialog.redo_action.trigger()
    assert dialog.choices() == {"chassis": "1u-10sff"}
    assert not options.flags(platinum) & Qt.ItemFlag.ItemIsEnabled

    qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)
    configuration = dialog.configuration()
    assert configuration is not None
    assert set(configuration) == {v.name for v in dialog.problem.variables}
    for name, combo in dialog.combos.items():  # every group shows a value, none "(not chosen)"
        assert combo.currentText() != "(not chosen)", name
    assert dialog.is_complete()


def test_accepting_shows_the_options_and_their_prices_in_the_quotes_currency(
    qtbot, make_window, demo_workspace
):
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    _select_quote(qtbot, window, page, "Q-2025-0006")  # a USD quote
    dialog = _open_dialog(qtbot, window, page)
    dialog.choose("cpu", "gold-6448y")
    dialog.choose("ram_gb", 256)
    dialog.complete("defaults")
    configuration = dialog.configuration()
    _accept(qtbot, dialog)

    view = page.summary_view
    assert page.detail_tabs.currentWidget() is view and page.has_summary
    assert page.detail_tabs.tabBar().isVisible()  # Lines, Configuration and Commission
    assert view.title.text() == f"{RACK} (SRV-R7)"
    assert "Q-2025-0006 v1" in view.context_label.text()
    assert "Not saved" in view.context_label.text()
    rows = {
        view.options.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): view.options.topLevelItem(i)
        for i in range(view.options.topLevelItemCount())
    }
    assert rows["cpu"].text(1) == "Gold 6448Y, 32 cores, 225 W"
    assert rows["cpu"].text(2) == "$3,250.00"
    assert rows["ram_gb"].text(2) == Money(Decimal("1049.60"), "USD").format("en_US")
    assert "drives.hdd_16tb" not in rows  # options not taken are left out
    assert rows["drives.ssd_1_92tb"].text(0) == "Drives"
    quantity = configuration["drives.ssd_1_92tb"]
    assert rows["drives.ssd_1_92tb"].text(1) == f'{quantity} × 1.92 TB SATA SSD, 2.5"'
    total = price_of(dialog.problem, configuration)
    assert view.summary.total == Money(total, "USD")
    assert view.total_label.text() == f"Options total: {Money(total, 'USD').format('en_US')}"
    assert "quote's currency, USD" in view.currency_note.text()

    # Thai: the same figures in Thai formatting, the labels translated.
    window.context.languages.set_language("th")
    qtbot.waitUntil(lambda: page.detail_tabs.tabText(1) == "การกำหนดค่า", timeout=5_000)
    assert view.total_label.text() == f"รวมราคาตัวเลือก: {Money(total, 'USD').format('th_TH')}"
    assert view.options.headerItem().text(2) == "ราคา"
    window.context.languages.set_language("en")
    qtbot.waitUntil(lambda: page.detail_tabs.tabText(1) == "Configuration", timeout=5_000)

    # Edit configuration… reopens the dialog on the accepted choices, at once (cached).
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert page.configurator.dialog is not dialog
    assert page.configurator.dialog.choices() == configuration
    page.configurator.dialog.reject()
    qtbot.mouseClick(view.close_button, Qt.MouseButton.LeftButton)
    assert not page.has_summary and page.detail_tabs.currentWidget() is page.detail
    assert page.detail_tabs.indexOf(view) < 0  # Lines, Commission and Versions stay
    assert page.detail_tabs.count() == 3


def test_a_thb_quote_says_the_model_prices_are_in_usd(qtbot, make_window, demo_workspace):
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    _select_quote(qtbot, window, page, "Q-2025-0011")  # a THB quote
    dialog = _open_dialog(qtbot, window, page)
    dialog.complete("cheapest")
    _accept(qtbot, dialog)
    view = page.summary_view
    assert view.summary.quote_currency == "THB" and view.summary.currency == "USD"
    note = view.currency_note.text()
    assert "Option prices are in USD" in note and "this quote is in THB" in note
    prices = [view.options.topLevelItem(i).text(2) for i in range(view.options.topLevelItemCount())]
    assert all(p == "" or p.startswith("$") for p in prices)  # USD as USD, never as baht
    assert "฿" not in view.total_label.text()


def test_a_configured_line_of_the_selected_quote_is_the_starting_point(
    qtbot, make_window, demo_workspace
):
    with demo_workspace.store.session() as session, session.begin():
        line = session.scalars(
            select(QuoteLine)
            .join(Quote)
            .join(Product)
            .where(Product.sku == "SRV-R7", Quote.number == "Q-2025-0006")
        ).one()
        line.options = {
            "chassis": "2u-24sff",
            "cpu": "platinum-8480",
            "ram_gb": "512",  # typed as text in a hand-written document: read as 512
            "gpu": "a100",  # not in the model (any more)
        }
        position = line.position
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    _select_quote(qtbot, window, page, "Q-2025-0006")
    picker = _open_picker(qtbot, page)
    first = picker.picks()[0]
    assert first.line is not None and first.line.position == position
    assert picker.list.item(0).text() == (
        f"Continue Q-2025-0006 v1, line {position}: {RACK} (4 choices)"
    )
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)  # the line is the current entry
    qtbot.waitUntil(lambda: page.configurator.dialog is not None, timeout=60_000)
    dialog = page.configurator.dialog
    assert dialog.choices() == {"chassis": "2u-24sff", "cpu": "platinum-8480", "ram_gb": 512}
    assert dialog.combos["cpu"].currentText().startswith("Platinum 8480+")
    messages = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    assert "⚠ Not in the current model, left out: gpu = a100" in messages


def test_a_broken_model_shows_where_and_how_to_fix_it(qtbot, make_window, demo_workspace):
    with demo_workspace.store.session() as session, session.begin():
        product = session.scalars(select(Product).where(Product.sku == "SRV-R7")).one()
        lines = product.model_source.splitlines()
        bad = next(n for n, text in enumerate(lines) if text.strip().startswith("constraint:"))
        lines[bad] = lines[bad].split("constraint:")[0] + "constraint: cpu_count <= chassis.nope"
        product.model_source = "\n".join(lines) + "\n"
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    picker = _open_picker(qtbot, page)
    _pick(qtbot, page, picker, "SRV-R7")
    qtbot.waitUntil(lambda: page.configurator.error_box is not None, timeout=60_000)
    box = page.configurator.error_box
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert box.text() == f"The product model of {RACK} (SRV-R7) cannot be used."
    details = box.informativeText()
    assert details.startswith(f"SRV-R7.yaml:{bad + 1}: ")
    assert "nope" in details and "fix:" in details
    assert "/tmp" not in details and "Traceback" not in details
    assert page.configurator.dialog is None and len(page.configurator.cache) == 0
    assert window.context.tasks.failures == []  # a bad model is the author's, not a crash
    box.close()

    # The other configurable product still opens.
    dialog = _open_dialog(qtbot, window, page, "SUB-CLOUDOPS")
    assert dialog.model.sku == "SUB-CLOUDOPS"


def test_a_model_without_any_valid_configuration_names_the_conflicting_rules(
    qtbot, make_window, demo_workspace
):
    with demo_workspace.store.session() as session, session.begin():
        product = session.scalars(select(Product).where(Product.sku == "SUB-CLOUDOPS")).one()
        product.model_source += (
            "\n  - name: impossible-seats\n    constraint: seats < 0\n"
            "    message: No seat count is ever allowed.\n"
        )
    window, page = _quote_page(qtbot, make_window, demo_workspace)
    picker = _open_picker(qtbot, page)
    _pick(qtbot, page, picker, "SUB-CLOUDOPS")
    qtbot.waitUntil(lambda: page.configurator.error_box is not None, timeout=60_000)
    details = page.configurator.error_box.informativeText()
    assert details.startswith("SUB-CLOUDOPS.yaml: the rules leave no valid configuration")
    assert "impossible-seats" in details and "fix:" in details
    assert window.context.tasks.failures == [] and page.configurator.dialog is None
