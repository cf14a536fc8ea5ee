"""Flow 4: a comp admin publishes a new plan version on the server; after a sync the rep's
deal estimate (the engine's estimator, as the quote page runs it) follows the new version."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealkit.engine.commissions.estimator import DealFacts, QuoteLineInput
from dealkit.engine.commissions.store_source import deal_estimator
from dealkit.server.admin_import import import_plans
from tests.e2e.laptops import open_laptop
from tests.helpers.servers import running_server

PLAN = """code: ae-core
version: {version}
name: Account executives {version}
effective_from: {start}
effective_to: 2026-12-31
currency: USD
period: quarter
participants:
  - id: alex
    name: Alex
    role: rep
    quota: 100000.00
components:
  - id: base
    type: rate
    label: Base commission
    applies_to: rep
    rate: {rate}
"""
DEAL = [QuoteLineInput("SRV-R7", "SRV", Decimal(2), Decimal("10000.00"))]
FACTS = DealFacts("USD", close_on=date(2026, 11, 27))


def estimate(laptop):
    with laptop.workspace.store.session() as session:
        estimator = deal_estimator(session, "alex", date(2026, 11, 27))
        return estimator.estimate(DEAL, FACTS)


def test_the_reps_estimate_follows_a_new_plan_version_after_sync(sync_server, tmp_path):
    store = sync_server.store
    v1 = tmp_path / "ae-core-v1.yaml"
    v1.write_text(PLAN.format(version=1, start="2026-01-01", rate="10%"), encoding="utf-8")
    v2 = tmp_path / "ae-core-v2.yaml"
    v2.write_text(PLAN.format(version=2, start="2026-10-01", rate="12%"), encoding="utf-8")
    import_plans(store, [v1])
    with running_server(store) as url:
        alex = open_laptop(tmp_path / "alex", store, url, "alex")
        alex.sync()
        before = estimate(alex)
        import_plans(store, [v2])  # what `dealkit server import plans` does
        report = alex.sync()
        assert set(report.changed) == {"commission_plans"}
        after = estimate(alex)
    assert before.commission.amount == Decimal("1000.00")
    assert after.commission.amount == Decimal("1200.00")
    assert after.summary != before.summary
