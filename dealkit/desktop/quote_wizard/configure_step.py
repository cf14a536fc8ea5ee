"""Step 2, Configure: what goes on the quote, in which group, configured how.

Type a SKU or part of a name (the completer offers the active, priced products), Tab to the
quantity, Enter adds the line and puts the cursor back for the next one. A configurable product
opens the Configure dialog (``configure/launcher.py``) as it is added, and Enter on its line
reopens it on the line's choices; the accepted choices are the line's options. Groups and
alternative groups (Option A / B / C, one of them counted) are made here, and selected lines
move between them. Delete removes the selected lines. Every change is one undoable edit.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.configure.catalog import ConfigurableProduct, load_configurable_products
from dealkit.desktop.configure.launcher import (
    AcceptedConfiguration,
    ConfigureLauncher,
    ConfigureRequest,
)
from dealkit.desktop.configure.product_picker import Pick
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard import line_edits
from dealkit.desktop.quote_wizard.configured_options import (
    configuration_from_options,
    currency_note,
    options_from_configuration,
)
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.draft_pricer import DraftPricer
from dealkit.desktop.quote_wizard.pricing_basis import PricingBasis
from dealkit.desktop.quote_wizard.step import WizardStep
from dealkit.engine.quotes.document import QuoteDocument

LINE_ROLE = Qt.ItemDataRole.UserRole + 1


class ConfigureStep(WizardStep):
    def __init__(
        self,
        context: DesktopContext,
        draft: QuoteDraft,
        parent: QWidget | None = None,
        pricer: DraftPricer | None = None,
    ) -> None:
        super().__init__(context, draft, parent)
        self.setObjectName("configureStep")
        self.pricer = pricer
        self.configurable: dict[str, ConfigurableProduct] = {}
        self._products_read = False
        self._configuring: str | None = None  # the line whose configuration is open
        self.note = ""
        self._stale = True

        self.sku_entry = QLineEdit()
        self.sku_entry.setObjectName("skuEntry")
        self.completion = QStringListModel(self)
        self.completer = QCompleter(self.completion, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.sku_entry.setCompleter(self.completer)
        self.sku_entry.returnPressed.connect(self.add_from_entry)
        self.quantity = QSpinBox()
        self.quantity.setObjectName("quantityEntry")
        self.quantity.setRange(1, 1_000_000)
        self.quantity.installEventFilter(self)
        self.group_entry = QComboBox()
        self.group_entry.setObjectName("groupEntry")
        self.group_entry.setEditable(True)
        self.group_entry.setMinimumWidth(90)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addLine")
        self.add_button.clicked.connect(self.add_from_entry)
        self.message = QLabel()
        self.message.setObjectName("configureMessage")
        self.message.setWordWrap(True)

        self.lines = QTreeWidget()
        self.lines.setObjectName("configureLines")
        self.lines.setColumnCount(5)
        self.lines.setRootIsDecorated(False)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.lines.installEventFilter(self)
        self.lines.itemActivated.connect(
            lambda item, _col: self.configure_line(item.data(0, LINE_ROLE))
        )

        self.new_group = QLineEdit()
        self.new_group.setObjectName("newGroupName")
        self.alternative_of = QLineEdit()
        self.alternative_of.setObjectName("alternativeSet")
        self.add_group_button = QPushButton()
        self.add_group_button.setObjectName("addGroup")
        self.add_group_button.clicked.connect(self.add_group)
        self.new_group.returnPressed.connect(self.add_group)
        self.move_to = QComboBox()
        self.move_to.setObjectName("moveToGroup")
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveLines")
        self.move_button.clicked.connect(self.move_selected)
        self.count_button = QPushButton()
        self.count_button.setObjectName("countAlternative")
        self.count_button.clicked.connect(self.count_selected_group)

        self.launcher = ConfigureLauncher(context, self)
        self.launcher.configured.connect(self._configured)

        self.entry_label = QLabel()
        self.entry_label.setProperty("role", "subheading")
        entry = QHBoxLayout()
        entry.addWidget(self.sku_entry, 3)
        self.quantity_label = QLabel()
        entry.addWidget(self.quantity_label)
        entry.addWidget(self.quantity)
        self.group_label = QLabel()
        entry.addWidget(self.group_label)
        entry.addWidget(self.group_entry, 1)
        entry.addWidget(self.add_button)
        groups = QHBoxLayout()
        self.groups_label = QLabel()
        groups.addWidget(self.groups_label)
        groups.addWidget(self.new_group, 1)
        groups.addWidget(self.alternative_of, 1)
        groups.addWidget(self.add_group_button)
        moves = QHBoxLayout()
        moves.addWidget(self.move_to, 1)
        moves.addWidget(self.move_button)
        moves.addWidget(self.count_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.entry_label)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.lines, 1)
        layout.addLayout(groups)
        layout.addLayout(moves)
        draft.changed.connect(self._show)
        if pricer is not None:
            pricer.basis_changed.connect(self._fill_completer)
        self.retranslate()
        self._show(draft.document)

    def title(self) -> str:
        return self.tr("Configure")

    def retranslate(self) -> None:
        self.entry_label.setText(self.tr("Add products"))
        self.sku_entry.setPlaceholderText(self.tr("SKU or product name, then Tab and quantity"))
        self.quantity_label.setText(self.tr("Qty"))
        self.group_label.setText(self.tr("Group"))
        self.add_button.setText(self.tr("Add line"))
        self.lines.setHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Product"),
                self.tr("Qty"),
                self.tr("Group"),
                self.tr("Configuration"),
            ]
        )
        self.groups_label.setText(self.tr("Groups"))
        self.new_group.setPlaceholderText(self.tr("New group name"))
        self.alternative_of.setPlaceholderText(self.tr("Alternative set (Option A/B/C), if any"))
        self.add_group_button.setText(self.tr("Add group"))
        self.move_button.setText(self.tr("Move selected lines"))
        self.count_button.setText(self.tr("Count this alternative"))
        self._show(self.draft.document)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._show(self.draft.document)

    def enter(self) -> None:
        if not self._products_read:
            self._products_read = True
            workspace = self.context.workspace
            self.context.tasks.run(
                lambda: load_configurable_products(workspace),
                self._products_loaded,
                label=self.tr("Reading configurable products…"),
                name="wizard-configurable",
                owner=self,
            )
        if self.pricer is not None and self.pricer.basis is not None:
            self._fill_completer(self.pricer.basis)
        self.sku_entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def validate(self) -> list[str]:
        if not self.draft.document.lines:
            return [self.tr("Add at least one product.")]
        return []

    # reading ----------------------------------------------------------------------------------

    def _products_loaded(self, products: list[ConfigurableProduct]) -> None:
        self.configurable = {p.sku: p for p in products}
        self._show(self.draft.document)

    def _fill_completer(self, basis: PricingBasis) -> None:
        items = sorted(basis.catalog.items.values(), key=lambda item: item.sku)
        self.completion.setStringList([f"{item.sku} — {item.name}" for item in items])

    # adding -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if watched is self.quantity and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.quantity.interpretText()
                self.add_from_entry()
                return True
            if watched is self.lines and event.key() == Qt.Key.Key_Delete:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

    def add_from_entry(self) -> None:
        """Add the product in the entry box, with the quantity and group shown."""
        text = self.sku_entry.text().strip()
        if not text:
            return
        sku = self._sku_of(text)
        if sku is None:
            self.message.setText(
                self.tr(
                    "No product %1 in this price book: type part of a SKU or a name and "
                    "pick one from the list."
                ).replace("%1", text)
            )
            return
        doc = self.draft.document
        group = self.group_entry.currentText().strip()
        item = self.pricer.basis.catalog.get(sku) if self._has_basis() else None
        term = item.default_term_months if item is not None and item.recurring else None
        if group:
            doc = line_edits.add_group(doc, group)
        new_doc, line = line_edits.add_line(doc, sku, Decimal(self.quantity.value()), group, term)
        self.draft.apply(new_doc, self.tr("Add %1").replace("%1", sku))
        self.message.setText(
            self.tr("Added %1 × %2 as %3.")
            .replace("%1", str(self.quantity.value()))
            .replace("%2", sku)
            .replace("%3", line.id)
        )
        self.sku_entry.clear()
        self.quantity.setValue(1)
        self.sku_entry.setFocus(Qt.FocusReason.OtherFocusReason)
        if sku in self.configurable:
            self.configure_line(line.id)

    def _has_basis(self) -> bool:
        return self.pricer is not None and self.pricer.basis is not None

    def _sku_of(self, text: str) -> str | None:
        """The SKU the rep means: an exact SKU, a completer row, or the only name match."""
        token = text.split(" — ")[0].strip()
        known: set[str] = set(self.configurable)
        names: dict[str, str] = {}
        if self._has_basis():
            assert self.pricer is not None and self.pricer.basis is not None
            for sku, item in self.pricer.basis.catalog.items.items():
                known.add(sku)
                names[sku] = item.name
        for sku in known:
            if sku.lower() == token.lower():
                return sku
        matches = [
            sku
            for sku in known
            if token.lower() in sku.lower() or token.lower() in names.get(sku, "").lower()
        ]
        return matches[0] if len(matches) == 1 else None

    # configuring ------------------------------------------------------------------------------

    def configure_line(self, line_id: str | None) -> None:
        """Open the Configure dialog on line ``line_id``'s choices (configurable products)."""
        if line_id is None:
            return
        doc = self.draft.document
        line = doc.line(line_id)
        product = self.configurable.get(line.sku)
        if product is None:
            return
        self._configuring = line_id
        label = f"{doc.number or self.tr('New quote')} · {line.id} {line.sku}"
        choices = configuration_from_options(line.options)
        self.launcher.configure(
            Pick(product, choices=choices), ConfigureRequest(None, label, doc.currency)
        )

    def _configured(self, accepted: AcceptedConfiguration) -> None:
        line_id = self._configuring
        doc = self.draft.document
        if line_id is None or line_id not in {line.id for line in doc.lines}:
            return
        model = accepted.prepared.model
        options = options_from_configuration(model, accepted.configuration, doc.currency)
        self.draft.apply(
            line_edits.set_options(doc, line_id, options),
            self.tr("Configure %1").replace("%1", line_id),
        )
        other = currency_note(model, doc.currency)
        self.note = (
            self.tr(
                "The model prices its options in %1, not %2: they are on the line at no "
                "charge; price them as separate lines."
            )
            .replace("%1", other)
            .replace("%2", doc.currency)
            if other
            else ""
        )
        self.message.setText(self.note or self.tr("%1 configured.").replace("%1", line_id))

    # groups -----------------------------------------------------------------------------------

    def add_group(self) -> None:
        name = self.new_group.text().strip()
        if not name:
            return
        alternative = self.alternative_of.text().strip() or None
        self.draft.apply(
            line_edits.add_group(self.draft.document, name, alternative),
            self.tr("Add group %1").replace("%1", name),
        )
        self.new_group.clear()

    def selected_ids(self) -> set[str]:
        return {item.data(0, LINE_ROLE) for item in self.lines.selectedItems()}

    def move_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            group = self.move_to.currentData() or ""
            self.draft.apply(
                line_edits.move_to_group(self.draft.document, ids, group),
                self.tr("Move to %1").replace("%1", group or self.tr("no group")),
            )

    def count_selected_group(self) -> None:
        group = self.move_to.currentData() or ""
        self.draft.apply(
            line_edits.select_alternative(self.draft.document, group),
            self.tr("Count %1").replace("%1", group),
        )

    def remove_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.draft.apply(
                line_edits.remove_lines(self.draft.document, ids),
                self.tr("Remove %n line(s)", "", len(ids)),
            )

    # showing ----------------------------------------------------------------------------------

    def _show(self, doc: QuoteDocument) -> None:
        if not self.isVisible():
            self._stale = True  # refreshed when shown: a hidden list of 1,000 lines costs
            return
        self._stale = False
        selected = self.selected_ids()
        current = self.lines.currentItem()
        current_id = current.data(0, LINE_ROLE) if current is not None else None
        self.lines.clear()
        for line in doc.lines:
            configured = ""
            if line.options:
                configured = "; ".join(p.label or p.sku for p in line.options[:3])
                if len(line.options) > 3:
                    configured += self.tr(" and %n more", "", len(line.options) - 3)
            elif line.sku in self.configurable:
                configured = self.tr("Not configured yet: Enter to configure")
            item = QTreeWidgetItem(
                [line.id, line.sku, f"{line.quantity.normalize():f}", line.group, configured]
            )
            item.setData(0, LINE_ROLE, line.id)
            self.lines.addTopLevelItem(item)
            if line.id in selected:
                item.setSelected(True)
            if line.id == current_id:
                self.lines.setCurrentItem(
                    item, 0, self.lines.selectionModel().SelectionFlag.NoUpdate
                )
        for column in range(4):
            self.lines.resizeColumnToContents(column)
        names = [g.name for g in doc.groups]
        for line in doc.lines:
            if line.group and line.group not in names:
                names.append(line.group)
        typed = self.group_entry.currentText()
        self.group_entry.clear()
        self.group_entry.addItems(["", *names])
        self.group_entry.setCurrentText(typed)
        self.move_to.clear()
        self.move_to.addItem(self.tr("(no group)"), "")
        for group in doc.groups:
            text = group.name
            if group.alternative:
                state = self.tr("counted") if group.selected else self.tr("not counted")
                text = f"{group.name} ({group.alternative}, {state})"
            self.move_to.addItem(text, group.name)
        for name in names:
            if name not in {g.name for g in doc.groups}:
                self.move_to.addItem(name, name)
