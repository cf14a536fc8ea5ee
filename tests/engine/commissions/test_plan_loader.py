"""The plan format: the demo plan loads; mistakes are reported with file:line and a fix."""

import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealkit.engine.commissions import PlanError, load_plan_file, load_plan_text, plan_header
from dealkit.engine.commissions.formatting import money
from dealkit.engine.commissions.plan import RateComponent, SpifComponent, TieredComponent
from dealkit.engine.money import Money
from tests.helpers.commissions import DEMO_PLAN

GOOD = """\
code: test
version: 1
name: Test plan
effective_from: 2026-01-01
currency: USD
participants:
  - id: alex
    role: rep
    quota: 100000
components:
  - id: base
    type: rate
    rate: 10%
"""


def error_for(text: str) -> PlanError:
    with pytest.raises(PlanError) as info:
        load_plan_text(textwrap.dedent(text), "plan.yaml")
    return info.value


def test_demo_plan_has_the_fixed_facts():
    plan = load_plan_file(DEMO_PLAN)
    header = (plan.code, plan.version, plan.currency, plan.period)
    assert header == ("field-sales", 1, "USD", "quarter")
    assert set(plan.participants) == {"alex", "nok", "priya", "tom", "dana"}
    assert plan.participants["dana"].team == {"alex", "nok", "priya", "tom"}
    base = plan.component("base")
    assert isinstance(base, RateComponent)
    assert base.default is not None and base.default.rate == Decimal("0.15")
    rates = {next(iter(o.match.skus)): o.rate for o in base.overrides}
    assert rates == {"NET-SPINE-64": Decimal("0.20"), "SVC-PS-DAY": Decimal("0.08")}
    spif = plan.component("secure-edge-spif")
    assert isinstance(spif, SpifComponent)
    assert spif.goal_units == 5 and spif.reward_item == "Trip to Phuket"
    assert isinstance(plan.component("overachievement"), TieredComponent)
    assert plan.component("end-of-quarter").window.last_days_of_quarter == 14
    assert plan.component("public-sector").match.segments == {"public_sector"}


def test_plan_header_gives_the_store_row_fields():
    header = plan_header(DEMO_PLAN.read_text(encoding="utf-8"))
    assert header["code"] == "field-sales"
    assert str(header["effective_from"]) == "2026-01-01"
    assert str(header["effective_to"]) == "2026-12-31"


def test_a_rate_without_percent_sign_names_line_and_fix():
    error = error_for(GOOD.replace("rate: 10%", "rate: 0.10"))
    assert error.line == 13
    assert str(error).startswith("plan.yaml:13: components[0].rate: rate '0.10' has no percent")
    assert "Fix: write the rate as a percentage" in str(error)


def test_an_unknown_key_suggests_the_near_one():
    error = error_for(GOOD.replace("    quota: 100000", "    qouta: 100000"))
    assert error.line == 9
    assert "unknown key 'qouta'" in str(error) and "did you mean 'quota'?" in str(error)


def test_missing_required_field():
    error = error_for(GOOD.replace("currency: USD\n", ""))
    assert "'currency' is missing" in str(error) and "add 'currency: USD'" in str(error)


def test_bad_yaml_reports_the_line():
    error = error_for(GOOD + "  - id: [unclosed\n")
    assert error.line is not None and error.line >= 14
    assert "not valid YAML" in str(error)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("effective_to: 2025-01-01\n", "is before effective_from"),
        ("period: week\n", "period 'week' is not supported"),
    ],
)
def test_header_checks(snippet, expected):
    assert expected in str(error_for(GOOD.replace("currency: USD\n", "currency: USD\n" + snippet)))


def test_tiers_must_rise_and_end_open():
    text = GOOD.replace(
        "    type: rate\n    rate: 10%\n",
        "    type: tiered\n    tiers:\n      - {upto: 200000, rate: 4%}\n"
        "      - {upto: 100000, rate: 6%}\n      - {rate: 8%}\n",
    )
    error = error_for(text)
    assert error.line == 15 and "is not above the previous bound" in str(error)
    text = GOOD.replace(
        "    type: rate\n    rate: 10%\n",
        "    type: tiered\n    tiers:\n      - {upto: 200000, rate: 4%}\n",
    )
    assert "the last tier has an upper bound" in str(error_for(text))


def test_window_must_point_at_an_earning_component():
    window = "    window: {last_days_of_quarter: 14}\n    factor: 1.5\n"
    text = GOOD + "  - id: eoq\n    type: window\n    of: bsae\n" + window
    error = error_for(text)
    assert error.line == 16 and "'bsae' is not a rate or tiered component" in str(error)
    assert "use one of: base" in str(error)


def test_team_member_must_be_a_participant():
    dana = "  - id: dana\n    role: manager\n    quota: 0\n    team: [alex, bob]\n"
    text = GOOD.replace("components:", dana + "components:")
    assert "team member 'bob' of 'dana' is not a participant" in str(error_for(text))


def test_unreadable_file_is_named(tmp_path: Path):
    with pytest.raises(PlanError, match=r"missing\.yaml: cannot read the file"):
        load_plan_file(tmp_path / "missing.yaml")


def test_money_never_passes_through_float():
    plan = load_plan_text(GOOD.replace("quota: 100000", "quota: 100000.10"), "p.yaml")
    assert plan.participants["alex"].assignments[0].quota == Decimal("100000.10")


@given(st.integers(-(10**12), 10**12), st.sampled_from(["USD", "THB", "JPY", "KWD"]))
def test_trace_money_is_written_as_babel_writes_it(cents, currency):
    amount = Decimal(cents).scaleb(-3)
    rounded = Money(amount, currency).rounded()
    if not rounded.amount:  # traces never say "-$0.00"
        rounded = Money(abs(rounded.amount), currency)
    assert money(amount, currency) == rounded.format("en_US")
