"""The pieces behind the Quote page's configure action that need no window: stored line
choices read back against the model, a configuration summarized with its prices, and a broken
model text turned into a message that names ``SKU.yaml:line``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from dealkit.desktop.configure.catalog import ConfigurableProduct
from dealkit.desktop.configure.line_choices import choices_from_options
from dealkit.desktop.configure.preparation import (
    ModelProblem,
    PreparedModel,
    PreparedModels,
    PreparingTexts,
    prepare_product_model,
)
from dealkit.desktop.configure.summary import summarize
from dealkit.engine.configurator import complete, load_model, price_of
from dealkit.engine.money import Money
from tests.helpers.configurator import DEMO_MODELS

TEXTS = PreparingTexts("reading", "compiling", "explaining")


@pytest.fixture(scope="module")
def rack():
    return load_model(DEMO_MODELS / "rack-server.yaml")


def _product(text: str, sku: str = "SRV-R7") -> ConfigurableProduct:
    return ConfigurableProduct("p-1", sku, "Northwind R7 Rack Server", text)


def test_line_options_are_typed_as_the_models_values_and_unknowns_are_named(rack) -> None:
    read = choices_from_options(
        rack.problem,
        {
            "chassis": "1u-10sff",
            "ram_gb": "128",  # text for an int attribute
            "psu_count": 2,
            "drives.ssd_1_92tb": 4,
            "cpu": "pentium",  # not an option
            "gpu": "a100",  # not a variable
            "support": None,
        },
    )
    assert read.choices == {
        "chassis": "1u-10sff",
        "ram_gb": 128,
        "psu_count": 2,
        "drives.ssd_1_92tb": 4,
    }
    assert read.dropped == ["cpu = pentium", "gpu = a100", "support = None"]


def test_summary_lists_taken_options_with_prices_and_the_exact_total(rack) -> None:
    from dealkit.engine.configurator import Configurator

    configurator = Configurator.prepare(rack.problem, explanations=False)
    configuration = complete(configurator, {"cpu": "gold-6448y", "psu_count": 2})
    summary = summarize(rack, configuration, "USD")
    assert summary.currency_matches and summary.sku == "SRV-R7"
    by_name = {line.variable: line for line in summary.lines}
    assert by_name["cpu"].price == Money(Decimal("3250.00"), "USD")
    assert by_name["cpu"].group == "Processor" and by_name["cpu"].option == ""
    assert by_name["drives.ssd_1_92tb"].group == "Drives"
    assert by_name["drives.ssd_1_92tb"].option == '1.92 TB SATA SSD, 2.5"'
    assert by_name["cpu_count"].price is None  # the model gives no price
    assert all(configuration[name] != 0 for name in by_name if "." in name)
    assert summary.total == Money(price_of(rack.problem, configuration), "USD")
    assert sum((line.price for line in summary.lines if line.price), Money.zero("USD")) == (
        summary.total
    )
    assert not summarize(rack, configuration, "THB").currency_matches
    assert summarize(rack, configuration).quote_currency is None


def test_preparing_a_stored_model_reports_its_steps_and_is_cached_by_text() -> None:
    text = (DEMO_MODELS / "rack-server.yaml").read_text(encoding="utf-8")
    reports: list[tuple[int, int, str]] = []
    prepared = prepare_product_model(_product(text), TEXTS, lambda *r: reports.append(r))
    assert isinstance(prepared, PreparedModel)
    assert prepared.model.sku == "SRV-R7" and prepared.configurator.satisfiable
    assert [r[2] for r in reports] == ["reading", "compiling", "explaining", "explaining"]
    assert reports[-1][:2] == (3, 3)
    cache = PreparedModels()
    cache.put(prepared)
    assert cache.get(_product(text)) is prepared
    assert cache.get(_product(text + "\n# edited\n")) is None  # a new text is prepared afresh


def test_a_yaml_syntax_error_names_the_sku_file_and_line() -> None:
    text = "format: dealkit-product-model/1\nsku: SRV-R7\ngroups:\n  chassis: [unclosed\n"
    problem = prepare_product_model(_product(text), TEXTS)
    assert isinstance(problem, ModelProblem)
    assert problem.message.startswith("SRV-R7.yaml:")
    assert "invalid YAML" in problem.message and "fix:" in problem.message
    assert "dealkit-model-" not in problem.message  # the temporary folder is never shown


def test_the_documented_line_options_example_opens_as_written(rack) -> None:
    """docs/desktop.md's worked example of ``QuoteLine.options`` is valid for the demo model."""
    import json
    import re
    from pathlib import Path

    from dealkit.engine.configurator import Configurator

    doc = (Path(__file__).parents[3] / "docs/desktop.md").read_text(encoding="utf-8")
    section = doc.split("### Stored choices on a quote line", 1)[1]
    example = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
    read = choices_from_options(rack.problem, example)
    assert read.dropped == [] and read.choices == example
    configurator = Configurator.prepare(rack.problem, explanations=False)
    assert configurator.is_consistent(read.choices)
