"""Subscription terms, co-term proration, MRR / ARR / TCV and billing, with worked numbers."""

from datetime import date
from decimal import Decimal as D

from dealkit.engine.pricing import BillingFrequency
from dealkit.engine.pricing.subscriptions import add_months, co_term, fixed_term
from tests.engine.pricing.support import line, repricer


def test_calendar_months_clamp_to_the_month_end():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 27), 14) == date(2028, 1, 27)
    assert fixed_term(date(2026, 11, 27), 12).end == date(2027, 11, 26)


def test_co_term_is_whole_months_plus_days_over_the_month():
    # 2026-11-27 to 2027-06-30: 7 whole months (to 2027-06-26), then 27-30 June = 4 days of a
    # 30-day month (27 June to 27 July) -> 7 + 4/30 months.
    term = co_term(date(2026, 11, 27), date(2027, 6, 30))
    assert (term.whole_months, term.extra_days) == (7, 4)
    assert term.months == D(7) + D(4) / D(30)
    exact = co_term(date(2026, 1, 1), date(2026, 12, 31))
    assert (exact.months, exact.extra_days) == (D(12), 0)


def test_fixed_term_mrr_arr_tcv_and_quarterly_billing(pricing_workspace):
    # 10 CloudOps units at 1,200.00 per unit per year for 36 months = 36,000.00;
    # MRR 1,000.00, ARR 12,000.00; billed quarterly: 12 invoices of 3,000.00.
    quote = repricer(pricing_workspace).price(
        [
            line("1", "SUB-CLOUDOPS", 10, term_months=36, billing=BillingFrequency.QUARTERLY),
            line("2", "SVC-PS-DAY", 2),
        ]
    )
    sub = quote.lines[0]
    assert sub.net == D("36000.00")
    assert (sub.mrr, sub.arr) == (D("1000.00"), D("12000.00"))
    assert sub.billing.periods == 12 and sub.billing.amount_per_period == D("3000.00")
    totals = quote.totals
    assert totals.one_time == D("3000.00")
    assert totals.recurring == D("36000.00")
    assert (totals.mrr, totals.arr, totals.tcv) == (D("1000.00"), D("12000.00"), D("39000.00"))


def test_co_termed_line_is_prorated(pricing_workspace):
    # 10 units x 1,200.00 a year x (7 + 4/30) / 12 years = 7,133.33
    quote = repricer(pricing_workspace).price(
        [line("1", "SUB-CLOUDOPS", 10, co_term_end=date(2027, 6, 30))]
    )
    sub = quote.lines[0]
    assert sub.list_total == D("7133.33")
    assert sub.net == D("7133.33")
    assert (sub.mrr, sub.arr) == (D("1000.00"), D("12000.00"))
    assert sub.billing.periods == 8  # 7 full months and a partial eighth
    why = sub.listed.term.describe()
    assert "7 months and 4 days" in why and "co-termed" in why


def test_a_subscription_starting_later(pricing_workspace):
    quote = repricer(pricing_workspace).price(
        [line("1", "SUB-CLOUDOPS", 1, term_months=12, start_date=date(2027, 1, 1))]
    )
    term = quote.lines[0].listed.term
    assert (term.start, term.end) == (date(2027, 1, 1), date(2027, 12, 31))
    assert quote.lines[0].net == D("1200.00")


def test_default_term_comes_from_the_product(pricing_workspace):
    quote = repricer(pricing_workspace).price([line("1", "SUB-CLOUDOPS", 1)])
    assert quote.lines[0].listed.term.months == 12
