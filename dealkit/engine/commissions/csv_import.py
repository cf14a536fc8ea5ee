"""Transactions from a CSV file (deals from another system), checked row by row.

A bad row is never dropped silently: ``read_transactions_csv`` returns the good rows and a
report of rejected rows with the line and the reason, and the caller decides (the command line
processes the good rows only with ``--skip-bad``). Columns are documented in
docs/commission-plans.md.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from dealkit.engine.commissions.errors import CommissionError, RejectedRow
from dealkit.engine.commissions.plan import Plan
from dealkit.engine.commissions.transactions import Txn
from dealkit.engine.money import MoneyError, check_currency, minor_units, out_of_range

REQUIRED = ("ref", "rep", "sku", "family", "closed_on", "quantity", "amount", "currency")
OPTIONAL = (
    "split_percent",
    "segment",
    "industry",
    "region",
    "new_logo",
    "cancelled_on",
)


@dataclass
class CsvResult:
    txns: list[Txn]
    rejected: list[RejectedRow]

    def report(self) -> list[dict[str, object]]:
        return [{"line": r.line, "reason": r.reason} for r in self.rejected]


def read_transactions_csv(path: Path | str, plan: Plan | None = None) -> CsvResult:
    """Read and check every row; with a plan, also check reps and currencies against it."""
    path = Path(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as error:
        raise CommissionError(f"{path}: cannot read the file ({error.strerror})") from None
    with handle:
        reader = csv.reader(handle)
        try:
            header = [h.strip() for h in next(reader)]
        except UnicodeDecodeError:
            raise CommissionError(f"{path}: the file is not UTF-8 text; save it as UTF-8") from None
        except StopIteration:
            raise CommissionError(
                f"{path}: the file is empty; the first line must name the columns: "
                + ",".join(REQUIRED)
            ) from None
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise CommissionError(
                f"{path}:1: missing column(s) {', '.join(missing)}; the header needs "
                f"{','.join(REQUIRED)} (optional: {','.join(OPTIONAL)})"
            )
        unknown = [c for c in header if c not in REQUIRED + OPTIONAL]
        if unknown:
            raise CommissionError(
                f"{path}:1: unknown column(s) {', '.join(unknown)}; allowed: "
                f"{','.join(REQUIRED + OPTIONAL)}"
            )
        good: list[Txn] = []
        rejected: list[RejectedRow] = []
        for number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            try:
                good.append(
                    _row(dict(zip(header, row, strict=False)), len(row), len(header), number, plan)
                )
            except _Bad as bad:
                rejected.append(RejectedRow(str(path), number, str(bad)))
    good, split_rejects = _check_splits(good, str(path))
    rejected.extend(split_rejects)
    rejected.sort(key=lambda r: r.line)
    return CsvResult(good, rejected)


class _Bad(Exception):
    pass


def _decimal(row: dict[str, str], column: str) -> Decimal:
    raw = row.get(column, "").strip()
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise _Bad(f"{column} '{raw}' is not a number (write digits, e.g. 1250.00)") from None
    if not value.is_finite():
        raise _Bad(f"{column} '{raw}' is not a number")
    if (why := out_of_range(value)) is not None:
        raise _Bad(f"{column} '{raw}' {why}")
    return value


def _date(row: dict[str, str], column: str) -> date:
    raw = row.get(column, "").strip()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise _Bad(f"{column} '{raw}' is not a date (write YYYY-MM-DD)") from None


def _row(row: dict[str, str], cells: int, columns: int, number: int, plan: Plan | None) -> Txn:
    if cells != columns:
        raise _Bad(f"{cells} cells where the header has {columns} columns")
    for column in ("ref", "rep", "sku", "currency"):
        if not row[column].strip():
            raise _Bad(f"{column} is empty")
    currency = row["currency"].strip()
    try:
        check_currency(currency)
    except MoneyError:
        raise _Bad(f"currency '{currency}' is not an ISO 4217 code such as USD or THB") from None
    amount = _decimal(row, "amount")
    if -amount.as_tuple().exponent > minor_units(currency):  # type: ignore[operator]
        raise _Bad(
            f"amount {amount} has more decimals than {currency} allows ({minor_units(currency)})"
        )
    quantity = _decimal(row, "quantity")
    if quantity < 0:
        raise _Bad(f"quantity {quantity} is negative (write a return as a negative amount)")
    split = Decimal(100)
    if row.get("split_percent", "").strip():
        split = _decimal(row, "split_percent")
        if not 0 < split <= 100:
            raise _Bad(f"split_percent {split} must be above 0 and at most 100")
    closed = _date(row, "closed_on")
    cancelled = None
    if row.get("cancelled_on", "").strip():
        cancelled = _date(row, "cancelled_on")
        if cancelled < closed:
            raise _Bad(f"cancelled_on {cancelled} is before closed_on {closed}")
    new_logo = False
    raw_logo = row.get("new_logo", "").strip().lower()
    if raw_logo:
        if raw_logo not in ("true", "false", "yes", "no", "1", "0"):
            raise _Bad(f"new_logo '{raw_logo}' is not true or false")
        new_logo = raw_logo in ("true", "yes", "1")
    rep = row["rep"].strip()
    if plan is not None:
        if rep not in plan.participants:
            raise _Bad(
                f"rep '{rep}' is not a participant of plan '{plan.code}' (add them to the plan "
                f"or to --participants)"
            )
        if currency != plan.currency and currency not in plan.exchange_rates:
            raise _Bad(
                f"currency {currency} has no plan exchange rate (add '{currency}: RATE' under "
                f"exchange_rates in the plan)"
            )
    return Txn(
        seq=number,
        ref=row["ref"].strip(),
        rep=rep,
        sku=row["sku"].strip(),
        family=row["family"].strip(),
        closed_on=closed,
        quantity=quantity,
        amount=amount,
        currency=currency,
        split_pct=split,
        segment=row.get("segment", "").strip(),
        industry=row.get("industry", "").strip(),
        region=row.get("region", "").strip(),
        new_logo=new_logo,
        cancelled_on=cancelled,
        source_line=number,
    )


def _check_splits(txns: list[Txn], source: str) -> tuple[list[Txn], list[RejectedRow]]:
    """Rows of one deal line (same ref and SKU) must not share out more than 100%."""
    groups: dict[tuple[str, str], list[Txn]] = defaultdict(list)
    for t in txns:
        groups[(t.ref, t.sku)].append(t)
    bad: set[int] = set()
    rejected = []
    for (ref, sku), rows in groups.items():
        total = sum((t.split_pct for t in rows), Decimal(0))
        if total > 100:
            lines = ", ".join(str(t.source_line) for t in rows)
            for t in rows:
                bad.add(t.seq)
                rejected.append(
                    RejectedRow(
                        source,
                        t.source_line,
                        f"the splits of {ref} {sku} add up to {total}% (lines {lines}); "
                        f"they must not exceed 100%",
                    )
                )
    return [t for t in txns if t.seq not in bad], rejected
