"""Prepare a product's model for the Configure dialog: read its text, compile its rules, cache it.

Preparing means loading the YAML model stored in ``Product.model_source`` and compiling its
decision diagram (``Configurator.prepare``), which can take seconds for a large model, so
``prepare_product_model`` is written to run on a worker thread and reports its steps. A model
that cannot be used (bad YAML, an unknown name, rules that leave no valid configuration) is not
an internal error: it comes back as a ``ModelProblem`` whose message names the model and line
and says how to fix it, for the window to show in a message box.

The loader reads files, so the text is written to a private temporary file named after the SKU;
every mention of that temporary path in a message is replaced by ``<SKU>.yaml``, the name a sales
engineer knows the model by, so a message reads ``SRV-R7.yaml:14: ...``.

``PreparedModels`` caches prepared configurators per product id and model text (a hash of it),
so opening the same product again is instant and an edited model is prepared afresh.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dealkit.desktop.configure.catalog import ConfigurableProduct
from dealkit.engine.configurator import ChoiceError, ModelError, ProductModel, load_model

if TYPE_CHECKING:  # the reasoning engine loads with the first preparation, not at start-up
    from dealkit.engine.configurator import Configurator

Report = Callable[[int, int, str], None]


@dataclass(frozen=True)
class PreparingTexts:
    """The progress texts, translated on the GUI thread before the worker starts."""

    reading: str
    compiling: str
    explaining: str


@dataclass(frozen=True)
class PreparedModel:
    """A model ready for the dialog; its configurator is then used on the GUI thread only."""

    product: ConfigurableProduct
    model: ProductModel
    configurator: Configurator
    seconds: float


@dataclass(frozen=True)
class ModelProblem:
    """Why a product's model cannot be configured, in words for the rep and the model's author."""

    product: ConfigurableProduct
    message: str


def cache_key(product: ConfigurableProduct) -> tuple[str, str]:
    """Product id and a hash of the model text: an edited model is a different entry."""
    return product.id, hashlib.sha256(product.model_source.encode("utf-8")).hexdigest()


def model_file_name(product: ConfigurableProduct) -> str:
    """The name messages give the stored model: the SKU as a file name (``SRV-R7.yaml``)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in product.sku)
    return f"{safe or 'product'}.yaml"


def prepare_product_model(
    product: ConfigurableProduct, texts: PreparingTexts, report: Report | None = None
) -> PreparedModel | ModelProblem:
    """Load and compile ``product``'s model (worker thread); a bad model is a ``ModelProblem``."""
    import time

    started = time.perf_counter()
    say = report or (lambda _done, _total, _text: None)
    name = model_file_name(product)
    with tempfile.TemporaryDirectory(prefix="dealkit-model-") as folder:
        path = Path(folder) / name

        def named(text: str) -> str:
            return text.replace(str(path), name).replace(folder, ".")

        say(0, 3, texts.reading)
        path.write_text(product.model_source, encoding="utf-8")
        try:
            model = load_model(path)
        except (ModelError, ChoiceError) as error:
            return ModelProblem(product, named(str(error)))
        say(1, 3, texts.compiling)
        from dealkit.engine.configurator import Configurator

        configurator = Configurator.prepare(model.problem, explanations=False)
        if not configurator.satisfiable:
            rules = configurator.model_conflict()
            listed = "; ".join(
                f"{named(str(rule.where)) if rule.where else name}: {rule.name}" for rule in rules
            )
            return ModelProblem(
                product,
                f"{name}: the rules leave no valid configuration ({listed or 'every rule'}); "
                "fix: correct or remove one of these rules",
            )
        say(2, 3, texts.explaining)
        configurator.sat  # noqa: B018 - load the explanation solver now, off the GUI thread
        say(3, 3, texts.explaining)
    return PreparedModel(product, model, configurator, time.perf_counter() - started)


class PreparedModels:
    """Prepared configurators by (product id, model text hash), kept for the window's life."""

    def __init__(self) -> None:
        self._prepared: dict[tuple[str, str], PreparedModel] = {}

    def get(self, product: ConfigurableProduct) -> PreparedModel | None:
        return self._prepared.get(cache_key(product))

    def put(self, prepared: PreparedModel) -> None:
        self._prepared[cache_key(prepared.product)] = prepared

    def __len__(self) -> int:
        return len(self._prepared)
