"""The Terms step of the Quote wizard: pick, swap and edit the quote's clauses.

The clause library (``engine/terms``) offers the clauses for the quote's products, the
customer's region and the terms' language: standard clauses come ticked (untick one to take it
out), optional clauses can be ticked in, and a standard clause with pre-approved alternatives
can be swapped for one of them. Any clause's wording can be edited in place. Taking a standard
clause out, or editing a wording, is a non-standard term: it needs approval, and it shows as a
redline against the library text (deleted words struck through in red, inserted words
underlined in green), here and in the Review step.

Every change is one ``draft.apply(...)`` with a new ``TermsSelection``, so Undo takes it back.
The region and product families are read from the store on a worker when the step is entered;
assembling the clauses is quick and runs on the GUI thread.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.quote_wizard.basis_step import TermsBasisStep
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.quote_wizard.terms_redline import (
    non_standard_html,
    removed_html,
    segments_html,
)
from dealkit.engine.pricing.errors import PricingError
from dealkit.engine.terms import (
    AssembledTerms,
    Clause,
    ClauseKind,
    ClauseLibrary,
    QuoteClause,
    TermsSelection,
    assemble,
    standard_library,
)

CLAUSE_ROLE = Qt.ItemDataRole.UserRole + 1
LANGUAGES = (("en", "English"), ("th", "Thai · ไทย"))


class TermsStep(TermsBasisStep):
    """Clause picker with in-place editing and redlines (see the module docstring)."""

    def __init__(
        self,
        context: DesktopContext,
        draft: QuoteDraft,
        parent: QWidget | None = None,
        library: ClauseLibrary | None = None,
    ) -> None:
        super().__init__(context, draft, parent)
        self.setObjectName("termsStep")
        self.context = context
        self.draft = draft
        self.library = library or standard_library()
        self.assembled: AssembledTerms | None = None
        self.problems: list[str] = []
        self._filling = False
        self._current_id: str | None = None

        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("role", "muted")
        self.language_label = QLabel()
        self.language = QComboBox()
        self.language.setObjectName("termsLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_label.setBuddy(self.language)
        self.language.activated.connect(self._language_chosen)
        self.scope = QLabel()
        self.scope.setObjectName("termsScope")
        self.scope.setProperty("role", "muted")

        self.tree = QTreeWidget()
        self.tree.setObjectName("clauseTree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.currentItemChanged.connect(lambda current, _old: self._show_clause(current))

        self.clause_title = QLabel()
        self.clause_title.setObjectName("clauseTitle")
        self.clause_title.setProperty("role", "subheading")
        self.wording_label = QLabel()
        self.wording = QComboBox()
        self.wording.setObjectName("clauseWording")
        self.wording_label.setBuddy(self.wording)
        self.wording.activated.connect(self._wording_chosen)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("clauseEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.textChanged.connect(self._editor_changed)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyClauseEdit")
        self.apply_button.clicked.connect(self.apply_edit)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreClause")
        self.restore_button.clicked.connect(self.restore_library_text)
        self.redline_label = QLabel()
        self.redline_label.setProperty("role", "subheading")
        self.redline = QTextBrowser()
        self.redline.setObjectName("clauseRedline")
        self.redline.setOpenLinks(False)

        self.non_standard_label = QLabel()
        self.non_standard_label.setProperty("role", "subheading")
        self.non_standard = QTextBrowser()
        self.non_standard.setObjectName("nonStandardTerms")
        self.non_standard.setOpenLinks(False)
        # The boxes give way down to a few lines each, so the wizard (whose steps share one
        # stack, as tall as its tallest step) fits 1280×800 in Thai, whose lines are taller.
        for box, lines in ((self.editor, 3), (self.redline, 2), (self.non_standard, 2)):
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 16)
        self.status = QLabel()
        self.status.setObjectName("termsStatus")
        self.status.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addSpacing(16)
        top.addWidget(self.scope, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        wording_row = QHBoxLayout()
        wording_row.addWidget(self.wording_label)
        wording_row.addWidget(self.wording, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.clause_title)
        right_layout.addLayout(wording_row)
        right_layout.addWidget(self.editor, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.redline_label)
        right_layout.addWidget(self.redline, 1)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        upper.addWidget(self.tree)
        upper.addWidget(right)
        upper.setStretchFactor(0, 2)
        upper.setStretchFactor(1, 3)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.non_standard_label)
        lower_layout.addWidget(self.non_standard, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.setChildrenCollapsible(False)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        layout.addWidget(self.status)

        # hidden (another step is current), the clauses are assembled again only when shown
        draft.priced_changed.connect(lambda _priced: self.when_shown("refresh", self.refresh))
        self.retranslate()

    # the step contract ---------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Terms")

    def enter(self) -> None:
        """Read the customer's region and product families if not read yet, then show."""
        doc = self.draft.document
        if self.basis is not None and self.basis.covers(doc):
            self.refresh()
            return
        self._load_basis()

    def validate(self) -> list[str]:
        """Terms that cannot be assembled block Next (an unknown clause, a wrong language)."""
        if self.basis is None:
            return [self.tr("The clause library is still loading.")]
        return list(self.problems)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Terms and conditions"))
        self.intro.setText(
            self.tr(
                "Standard clauses are ticked. Untick one to take it out, tick an optional clause "
                "to add it, or pick a pre-approved wording. Taking a standard clause out or "
                "editing a wording is a non-standard term: it needs approval and shows as a "
                "redline."
            )
        )
        self.language_label.setText(self.tr("Terms &language:"))
        self.tree.setHeaderLabels([self.tr("Clause"), self.tr("In this quote")])
        self.wording_label.setText(self.tr("&Wording:"))
        self.apply_button.setText(self.tr("&Apply edit"))
        self.apply_button.setToolTip(self.tr("Use the text above in this quote (Ctrl+Return)"))
        self.apply_button.setShortcut("Ctrl+Return")
        self.restore_button.setText(self.tr("&Restore library text"))
        self.redline_label.setText(self.tr("Changes against the library text"))
        self.non_standard_label.setText(self.tr("Non-standard terms (need approval)"))
        self.when_shown("refresh", self.refresh)

    # what the rep does ---------------------------------------------------------------------------

    def set_included(self, clause_id: str, included: bool) -> None:
        """Tick or untick a clause: a standard one is removed or restored, an optional one
        added or dropped."""
        clause = self.library.get(clause_id)
        if clause is None:
            return
        terms = self.draft.document.terms
        if clause.kind is ClauseKind.OPTIONAL:
            add = tuple(c for c in terms.add if c != clause_id)
            edit = dict(terms.edit)
            if included:
                add += (clause_id,)
                text = self.tr("Add clause %1")
            else:
                edit.pop(clause_id, None)
                text = self.tr("Drop clause %1")
            self._apply(replace(terms, add=add, edit=edit), text.replace("%1", clause.title))
        else:
            remove = tuple(c for c in terms.remove if c != clause_id)
            if not included:
                remove += (clause_id,)
                text = self.tr("Take out clause %1")
            else:
                text = self.tr("Restore clause %1")
            self._apply(replace(terms, remove=remove), text.replace("%1", clause.title))

    def choose_wording(self, standard_id: str, alternative_id: str | None) -> None:
        """Use a pre-approved alternative of a standard clause (None: the standard wording)."""
        terms = self.draft.document.terms
        choose = dict(terms.choose)
        edit = dict(terms.edit)
        previous = choose.pop(standard_id, None)
        edit.pop(standard_id, None)
        if previous:
            edit.pop(previous, None)
        if alternative_id:
            choose[standard_id] = alternative_id
        clause = self.library.get(alternative_id or standard_id)
        name = clause.title if clause else standard_id
        self._apply(
            replace(terms, choose=choose, edit=edit),
            self.tr("Use wording %1").replace("%1", name),
        )

    def apply_edit(self) -> None:
        """Use the editor's text for the selected clause (non-standard unless it is unchanged)."""
        item = self._quote_clause(self._current_id)
        if item is None:
            return
        text = " ".join(self.editor.toPlainText().split())
        terms = self.draft.document.terms
        edit = dict(terms.edit)
        edit.pop(item.replaces or "", None)
        if text and text != item.clause.text:
            edit[item.clause.id] = text
            description = self.tr("Edit clause %1")
        else:
            edit.pop(item.clause.id, None)
            description = self.tr("Restore clause %1")
        self._apply(replace(terms, edit=edit), description.replace("%1", item.clause.title))

    def restore_library_text(self) -> None:
        item = self._quote_clause(self._current_id)
        if item is None:
            return
        terms = self.draft.document.terms
        edit = dict(terms.edit)
        edit.pop(item.clause.id, None)
        edit.pop(item.replaces or "", None)
        self._apply(
            replace(terms, edit=edit),
            self.tr("Restore clause %1").replace("%1", item.clause.title),
        )

    def select_clause(self, clause_id: str) -> None:
        """Make ``clause_id`` (a standard, optional or chosen alternative id) the current row."""
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            for row in range(section.childCount()):
                item = section.child(row)
                if clause_id in self._ids_of(item):
                    self.tree.setCurrentItem(item)
                    return

    # showing -------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Assemble the draft's terms and show them (keeps the current clause selected)."""
        if not hasattr(self, "status"):
            return
        doc = self.draft.document
        language = doc.terms.language
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        if self.basis is None:
            self.tree.clear()
            self.status.setText(self.tr("Reading the clause library…") if self._loading else "")
            self._show_clause(None)
            return
        region = doc.terms.region or self.basis.region
        products = self.basis.products(doc, self.draft.priced)
        self.scope.setText(
            self.tr("Clauses for region %1 and products %2")
            .replace("%1", self._region_name(region))
            .replace("%2", ", ".join(sorted({sku for sku, _ in products})) or "—")
        )
        try:
            self.assembled = assemble(self.library, doc.terms, products, self.basis.region)
            self.problems = []
        except PricingError as error:
            self.assembled = None
            self.problems = [str(problem) for problem in error.problems]
        applicable = self.library.applicable(language, region, products)
        self._fill_tree(applicable)
        self._show_non_standard()
        if self.problems:
            self.status.setText(
                self.tr("These terms cannot be used as they are: %1").replace(
                    "%1", "; ".join(self.problems)
                )
            )
            self.status.setStyleSheet("color:#b3261e")
        else:
            count = len(self.assembled.non_standard) if self.assembled else 0
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("%n non-standard term(s): the Review step asks for approval.", "", count)
                if count
                else self.tr("All terms are standard.")
            )

    def _region_name(self, region: str | None) -> str:
        names = {
            "north_america": self.tr("North America"),
            "apac": self.tr("Asia Pacific"),
            "emea": self.tr("Europe, Middle East and Africa"),
            "latam": self.tr("Latin America"),
        }
        if not region:
            return self.tr("(any)")
        return names.get(region, region.replace("_", " "))

    def redline_html(self) -> str:
        return self.redline.toHtml()

    def non_standard_html(self) -> str:
        return self.non_standard.toHtml()

    def clause_rows(self) -> list[tuple[str, bool, str]]:
        """(title, ticked, status) of every clause row, for tests and accessibility."""
        rows = []
        for index in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(index)
            for row in range(section.childCount()):
                item = section.child(row)
                rows.append(
                    (
                        item.text(0),
                        item.checkState(0) == Qt.CheckState.Checked,
                        item.text(1),
                    )
                )
        return rows

    # inside --------------------------------------------------------------------------------------

    def _basis_label(self) -> str:
        return self.tr("Reading the clause library…")

    def _basis_failure_text(self, message: str) -> str:
        return self.tr("Could not read the customer and products: %1").replace("%1", message)

    def _show_basis_failure(self, text: str) -> None:
        self.status.setText(text)

    def _basis_ready(self) -> None:
        self.refresh()
        if self.tree.currentItem() is None:
            self._select_first()

    def _apply(self, terms: TermsSelection, description: str) -> None:
        doc = self.draft.document
        self.draft.apply(replace(doc, terms=terms), description)

    def _language_chosen(self, index: int) -> None:
        language = self.language.itemData(index)
        terms = self.draft.document.terms
        if language == terms.language:
            return
        # Clause ids are per language: the rep's changes do not carry over.
        self._apply(
            TermsSelection(language=language, region=terms.region),
            self.tr("Terms in %1").replace("%1", self.language.itemText(index)),
        )

    def _fill_tree(self, applicable: list[Clause]) -> None:
        current = self._current_id
        terms = self.draft.document.terms
        in_quote = (
            {item.clause.id: item for item in self.assembled.clauses} if self.assembled else {}
        )
        by_standard = {item.replaces: item for item in in_quote.values() if item.replaces}
        self._filling = True
        self.tree.clear()
        standard = QTreeWidgetItem([self.tr("Standard clauses"), ""])
        optional = QTreeWidgetItem([self.tr("Optional clauses"), ""])
        for section in (standard, optional):
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
        for clause in applicable:
            if clause.kind is ClauseKind.ALTERNATIVE:
                continue
            quoted = in_quote.get(clause.id) or by_standard.get(clause.id)
            item = QTreeWidgetItem([clause.title, self._status_text(clause, quoted, terms)])
            item.setData(0, CLAUSE_ROLE, clause.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(
                0, Qt.CheckState.Checked if quoted is not None else Qt.CheckState.Unchecked
            )
            if (quoted is not None and quoted.status == "edited") or clause.id in terms.remove:
                item.setForeground(1, Qt.GlobalColor.darkRed)
            item.setToolTip(0, clause.text)
            (standard if clause.kind is ClauseKind.STANDARD else optional).addChild(item)
        self.tree.addTopLevelItem(standard)
        if optional.childCount():
            self.tree.addTopLevelItem(optional)
        self.tree.expandAll()
        self._filling = False
        if current is not None:
            self.select_clause(current)
        if self.tree.currentItem() is None:
            self._show_clause(None)

    def _status_text(
        self, clause: Clause, quoted: QuoteClause | None, terms: TermsSelection
    ) -> str:
        if quoted is None:
            if clause.id in terms.remove:
                return self.tr("Taken out · needs approval")
            return self.tr("Not included")
        if quoted.status == "edited":
            return self.tr("Edited · needs approval")
        if quoted.status == "alternative":
            return self.tr("Alternative: %1").replace("%1", quoted.clause.title)
        if quoted.status == "optional":
            return self.tr("Added")
        return self.tr("Standard")

    def _select_first(self) -> None:
        if self.tree.topLevelItemCount() and self.tree.topLevelItem(0).childCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0))

    def _ids_of(self, item: QTreeWidgetItem) -> set[str]:
        clause_id = item.data(0, CLAUSE_ROLE)
        if not clause_id:
            return set()
        ids = {clause_id}
        chosen = self.draft.document.terms.choose.get(clause_id)
        if chosen:
            ids.add(chosen)
        return ids

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        clause_id = item.data(0, CLAUSE_ROLE)
        if clause_id:
            self._current_id = clause_id
            self.set_included(clause_id, item.checkState(0) == Qt.CheckState.Checked)

    def _quote_clause(self, clause_id: str | None) -> QuoteClause | None:
        if clause_id is None or self.assembled is None:
            return None
        for item in self.assembled.clauses:
            if clause_id in (item.clause.id, item.replaces):
                return item
        return None

    def _show_clause(self, item: QTreeWidgetItem | None) -> None:
        clause_id = item.data(0, CLAUSE_ROLE) if item is not None else None
        clause = self.library.get(clause_id) if clause_id else None
        self._filling = True
        self.wording.clear()
        if clause is None:
            self._current_id = None
            self.clause_title.setText(self.tr("Select a clause to read or edit it."))
            self.editor.setPlainText("")
            self.redline.setHtml("")
            for widget in (self.wording, self.editor, self.apply_button, self.restore_button):
                widget.setEnabled(False)
            self._filling = False
            return
        self._current_id = clause.id
        quoted = self._quote_clause(clause.id)
        self.clause_title.setText(clause.title)
        self.wording.addItem(self.tr("Standard wording"), None)
        alternatives = [
            c
            for c in self.library.clauses.values()
            if c.kind is ClauseKind.ALTERNATIVE
            and c.alternative_to == clause.id
            and c.language == clause.language
        ]
        for alternative in sorted(alternatives, key=lambda c: (c.order, c.id)):
            self.wording.addItem(alternative.title, alternative.id)
        chosen = self.draft.document.terms.choose.get(clause.id)
        self.wording.setCurrentIndex(max(0, self.wording.findData(chosen)) if chosen else 0)
        self.wording.setEnabled(bool(alternatives) and quoted is not None)
        self.editor.setEnabled(quoted is not None)
        self.editor.setPlainText(quoted.text if quoted is not None else clause.text)
        self.restore_button.setEnabled(quoted is not None and quoted.status == "edited")
        self.apply_button.setEnabled(False)
        if quoted is None:
            self.redline.setHtml(
                removed_html(clause.text)
                if clause.id in self.draft.document.terms.remove
                else self.tr("Not in this quote. Tick it to add it.")
            )
        elif quoted.redline:
            self.redline.setHtml(segments_html(quoted.redline))
        else:
            self.redline.setHtml(self.tr("Same as the library text."))
        self._filling = False

    def _editor_changed(self) -> None:
        if self._filling:
            return
        quoted = self._quote_clause(self._current_id)
        self.apply_button.setEnabled(
            quoted is not None
            and " ".join(self.editor.toPlainText().split()) != " ".join(quoted.text.split())
        )

    def _wording_chosen(self, index: int) -> None:
        if self._current_id is not None:
            self.choose_wording(self._current_id, self.wording.itemData(index))

    def _show_non_standard(self) -> None:
        if self.assembled is None or not self.assembled.non_standard:
            none = self.tr("None: every clause is as the library has it.")
            self.non_standard.setHtml(f'<p style="color:#5f6b7a">{none}</p>')
            return
        self.non_standard.setHtml(
            non_standard_html(self.assembled, self.tr("taken out"), self.tr("edited"))
        )
