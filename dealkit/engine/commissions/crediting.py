"""Crediting: who gets credit for a transaction, and how much, in the plan's currency.

* the owner (or each rep of a split deal) gets their split percentage of the line;
* an overlay gets full credit: the shares of every rep it covers, which add up to the whole
  line when it covers them all;
* a manager gets a roll-up credit equal to each credit of their team (and of sub-teams).

Credits are rounded to the plan currency's minor units: the first rounding point.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dealkit.engine.commissions.formatting import money, number
from dealkit.engine.commissions.plan import Plan
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import currency_quantum

HUNDRED = Decimal(100)


@dataclass(frozen=True, slots=True)
class Credit:
    """A participant's credit for one transaction."""

    participant: str
    txn: Txn
    amount: Decimal  # in the plan currency, rounded
    quantity: Decimal
    kind: str  # "owner" | "split" | "overlay" | "roll-up"
    via: str = ""  # for a roll-up: the rep whose credit rolled up
    count: int = 1  # more than 1 for a bucket of credits summed by the columnar path

    @property
    def key(self) -> tuple[int, str, str]:
        return (self.txn.seq, self.kind, self.via)

    def describe(self, currency: str) -> str:
        t = self.txn
        share = f" ({number(t.split_pct)}% split)" if t.split_pct != HUNDRED else ""
        how = {"owner": "", "split": "", "overlay": " as overlay", "roll-up": f" via {self.via}"}
        return (
            f"{t.ref} {t.sku} closed {t.closed_on}: {money(self.amount, currency)} credited"
            f"{share}{how[self.kind]}"
        )


class UnknownCurrency(ValueError):
    pass


def convert(plan: Plan, amount: Decimal, currency: str) -> Decimal:
    """Amount in the plan currency (not rounded); raises UnknownCurrency without a plan rate."""
    if currency == plan.currency:
        return amount
    rate = plan.exchange_rates.get(currency)
    if rate is None:
        raise UnknownCurrency(currency)
    return amount * rate


def managers_of(plan: Plan) -> dict[str, list[str]]:
    """For each participant, every manager above them (direct first), following teams."""
    direct: dict[str, list[str]] = {}
    for p in plan.participants.values():
        for member in sorted(p.team):
            direct.setdefault(member, []).append(p.id)
    out: dict[str, list[str]] = {}
    for pid in plan.participants:
        seen: list[str] = []
        todo = list(direct.get(pid, []))
        while todo:
            m = todo.pop(0)
            if m in seen or m == pid:
                continue
            seen.append(m)
            todo.extend(direct.get(m, []))
        out[pid] = seen
    return out


def credit_transactions(plan: Plan, txns: list[Txn]) -> tuple[dict[str, list[Credit]], list[str]]:
    """Credits per participant (sorted by close date), and warnings for unusable rows."""
    q = currency_quantum(plan.currency)
    uppers = managers_of(plan)
    overlays = [p for p in plan.participants.values() if p.overlay is not None]
    out: dict[str, list[Credit]] = {pid: [] for pid in plan.participants}
    warnings: list[str] = []
    for t in txns:
        rep = plan.participants.get(t.rep)
        if rep is None or not rep.active_on(t.closed_on):
            continue
        try:
            whole = convert(plan, t.amount, t.currency)
        except UnknownCurrency:
            warnings.append(
                f"{t.ref}: amount in {t.currency} has no plan exchange rate; left out "
                f"(add '{t.currency}: RATE' under exchange_rates)"
            )
            continue
        share = (whole * t.split_pct / HUNDRED).quantize(q, rounding=ROUND_HALF_UP)
        qty = t.quantity * t.split_pct / HUNDRED
        kind = "owner" if t.split_pct == HUNDRED else "split"
        out[rep.id].append(Credit(rep.id, t, share, qty, kind))
        for manager in uppers.get(rep.id, []):
            if plan.participants[manager].active_on(t.closed_on):
                out[manager].append(Credit(manager, t, share, qty, "roll-up", rep.id))
        for o in overlays:
            assert o.overlay is not None
            if (
                o.id != rep.id
                and (not o.overlay.reps or rep.id in o.overlay.reps)
                and o.overlay.match.matches(*t.facts())
                and o.active_on(t.closed_on)
            ):
                out[o.id].append(Credit(o.id, t, share, qty, "overlay"))
    for credits in out.values():
        credits.sort(key=lambda c: (c.txn.closed_on, c.txn.seq))
    return out, warnings
