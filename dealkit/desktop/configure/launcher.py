"""From the Quote page's "Configure product…" to an accepted configuration, never blocking.

The steps, each on the right thread:

1. read the configurable products and the selected quote's configured lines (worker);
2. the rep picks one in ``ProductPickerDialog`` (GUI);
3. the product's model is prepared -- loaded and compiled -- through the window's task runner,
   with its progress in the status bar (worker), unless ``PreparedModels`` already holds it for
   this product and model text, in which case the dialog opens at once;
4. ``ConfigureDialog`` opens, starting from the line's choices when the rep picked a line;
5. when the rep accepts a complete valid configuration, ``configured`` carries it to the page.

A model that cannot be used, and any failure of the background work, is shown in a message box
(the model's ``SKU.yaml:line`` and the fix), never as a traceback.
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from dealkit.desktop.configure.catalog import (
    ConfigurableProduct,
    ConfigureChoices,
    load_configure_choices,
)
from dealkit.desktop.configure.dialog import ConfigureDialog
from dealkit.desktop.configure.line_choices import choices_from_options
from dealkit.desktop.configure.preparation import (
    ModelProblem,
    PreparedModel,
    PreparedModels,
    PreparingTexts,
    cache_key,
    prepare_product_model,
)
from dealkit.desktop.configure.product_picker import Pick, ProductPickerDialog
from dealkit.desktop.context import DesktopContext
from dealkit.desktop.tasks import TaskFailure
from dealkit.engine.configurator import Value


@dataclass(frozen=True)
class ConfigureRequest:
    """Where a configuration is made: for which quote (id, label, currency), if any."""

    quote_id: str | None = None
    quote_label: str = ""
    quote_currency: str | None = None


@dataclass(frozen=True)
class AcceptedConfiguration:
    prepared: PreparedModel
    configuration: dict[str, Value]
    request: ConfigureRequest


class ConfigureLauncher(QObject):
    """Runs the steps above for one page; ``configured(AcceptedConfiguration)`` at the end."""

    configured = Signal(object)
    busy_changed = Signal(bool)  # a model is being prepared: one at a time
    dialog_opened = Signal(object)  # the ConfigureDialog, once it is shown
    problem_shown = Signal(str)  # the message of a model or task problem, once it is shown

    def __init__(self, context: DesktopContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.cache = PreparedModels()
        self.picker: ProductPickerDialog | None = None
        self.dialog: ConfigureDialog | None = None
        self.error_box: QMessageBox | None = None
        self._preparing: set[tuple[str, str]] = set()
        self._request = ConfigureRequest()
        self.last_preparation_seconds: float | None = None

    @property
    def busy(self) -> bool:
        return bool(self._preparing)

    # 1 and 2: what to configure ----------------------------------------------------------------

    def start(self, request: ConfigureRequest) -> None:
        """Read what can be configured (worker), then let the rep pick."""
        self._request = request
        workspace = self.context.workspace
        self.context.tasks.run(
            lambda: load_configure_choices(workspace, request.quote_id),
            self._show_picker,
            self._task_failed,
            label=self.tr("Finding configurable products…"),
            name="configure-choices",
        )

    def _show_picker(self, choices: ConfigureChoices) -> None:
        if not choices.products:
            self._show_problem(
                self.tr("Nothing to configure"),
                self.tr("This workspace has no configurable product with a product model."),
                self.tr(
                    "A sales engineer publishes product models; sync the catalog and try again."
                ),
            )
            return
        if self.picker is not None:
            self.picker.deleteLater()
        self.picker = ProductPickerDialog(choices, self.parent_widget)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        assert self.picker is not None
        pick = self.picker.pick()
        if pick is not None:
            self.configure(pick, self._request)

    # 3 and 4: prepare, then open ----------------------------------------------------------------

    def configure(self, pick: Pick, request: ConfigureRequest | None = None) -> None:
        """Open the dialog on ``pick`` (preparing its model first unless it is cached)."""
        if request is not None:
            self._request = request
        prepared = self.cache.get(pick.product)
        if prepared is not None:
            self._open_dialog(prepared, pick.options)
            return
        if self._preparing:
            return  # one preparation at a time: its dialog opens when it is ready
        key = cache_key(pick.product)
        self._preparing.add(key)
        self.busy_changed.emit(True)
        product = pick.product
        texts = PreparingTexts(
            reading=self.tr("Reading the model of %1…").replace("%1", product.name),
            compiling=self.tr("Compiling the rules of %1…").replace("%1", product.name),
            explaining=self.tr("Preparing explanations for %1…").replace("%1", product.name),
        )
        self.context.tasks.run(
            lambda report: prepare_product_model(product, texts, report),
            lambda result: self._prepared(key, result, pick.options),
            lambda failure: self._preparation_failed(key, product, failure),
            label=self.tr("Preparing %1…").replace("%1", product.name),
            name=f"configure-prepare-{product.sku}",
        )

    def _prepared(
        self,
        key: tuple[str, str],
        result: PreparedModel | ModelProblem,
        options: Mapping[str, Any],
    ) -> None:
        self._done_preparing(key)
        if isinstance(result, ModelProblem):
            self._show_problem(
                self.tr("Cannot configure %1").replace("%1", result.product.name),
                self.tr("The product model of %1 (%2) cannot be used.")
                .replace("%1", result.product.name)
                .replace("%2", result.product.sku),
                result.message,
                self.tr("Ask the sales engineer who maintains this model to correct it."),
            )
            return
        self.cache.put(result)
        # A prepared model is a few hundred thousand small objects that live as long as the
        # window. Left in the collector's generations, every full collection walks them again
        # -- ~100 ms with the GIL held, on whichever thread allocates, so the window stalls
        # while the next model prepares (bench/configure_open.py: GUI stall 0.9 s -> 0.1 s).
        # Freezing moves what is alive now out of the collector's reach.
        gc.freeze()
        self.last_preparation_seconds = result.seconds
        self._open_dialog(result, options)

    def _preparation_failed(
        self, key: tuple[str, str], product: ConfigurableProduct, failure: TaskFailure
    ) -> None:
        self._done_preparing(key)
        self._show_problem(
            self.tr("Cannot configure %1").replace("%1", product.name),
            self.tr("Preparing the product model of %1 (%2) failed.")
            .replace("%1", product.name)
            .replace("%2", product.sku),
            failure.message,
        )

    def _done_preparing(self, key: tuple[str, str]) -> None:
        self._preparing.discard(key)
        if not self._preparing:
            self.busy_changed.emit(False)

    def _open_dialog(self, prepared: PreparedModel, options: Mapping[str, Any]) -> None:
        line = choices_from_options(prepared.model.problem, options)
        notes = [
            self.tr("Not in the current model, left out: %1").replace("%1", dropped)
            for dropped in line.dropped
        ]
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ConfigureDialog(
            self.parent_widget.window(),
            prepared.model,
            line.choices,
            prepared.configurator,
            notes=notes,
            locale=self.context.babel_locale,
        )
        self.dialog.setObjectName("configureDialog")
        self.dialog.accepted.connect(lambda d=self.dialog, p=prepared: self._accepted(d, p))
        self.dialog.open()
        self.dialog_opened.emit(self.dialog)

    # 5: the result ------------------------------------------------------------------------------

    def _accepted(self, dialog: ConfigureDialog, prepared: PreparedModel) -> None:
        configuration = dialog.configuration()
        if configuration is None:  # OK is enabled only when complete; guard anyway
            return
        self.configured.emit(AcceptedConfiguration(prepared, configuration, self._request))

    # problems -----------------------------------------------------------------------------------

    def _task_failed(self, failure: TaskFailure) -> None:
        self._show_problem(
            self.tr("Cannot configure"),
            self.tr("The configurable products could not be read."),
            failure.message,
        )

    def _show_problem(self, title: str, text: str, details: str, hint: str = "") -> None:
        if self.error_box is not None:
            self.error_box.deleteLater()
        box = QMessageBox(self.parent_widget.window())
        box.setObjectName("configureProblem")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setInformativeText(details + (f"\n\n{hint}" if hint else ""))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        self.error_box = box
        box.open()
        self.problem_shown.emit(details)
