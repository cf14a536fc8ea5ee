"""Read and write the quote document as JSON (format ``dealkit-quote/1``, docs/quote-json.md).

Numbers are read exactly: JSON numbers with a point become ``Decimal`` (never ``float``), and
amounts may also be written as strings (``"1250.00"``), which is how Dealkit writes them.
Reading collects every problem, each naming the quote line (position, id and SKU) or "quote",
and the field, with the fix; a document with any problem is refused as a whole.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dealkit.engine.money import MoneyError, check_currency, out_of_range
from dealkit.engine.pricing.errors import PricingError, Problem, line_label
from dealkit.engine.pricing.inputs import OptionPick
from dealkit.engine.pricing.subscriptions import BillingFrequency
from dealkit.engine.quotes.document import (
    FORMAT,
    CustomerRef,
    GroupDoc,
    QuoteDocument,
    QuoteLineDoc,
    Status,
    Subscription,
)
from dealkit.engine.terms.selection import TermsSelection

MAX_VERSION = 9999  # versions of one quote; the store keeps an integer
_PAYMENT = re.compile(r"^net[- ]?(\d{1,3})$", re.IGNORECASE)
QUOTE_KEYS = {
    "format",
    "number",
    "version",
    "name",
    "status",
    "customer",
    "owner",
    "currency",
    "date",
    "expires_on",
    "payment_terms",
    "notes",
    "competitors",
    "discount",
    "partner",
    "groups",
    "lines",
    "terms",
}
LINE_KEYS = {"id", "sku", "quantity", "options", "discount", "group", "subscription", "notes"}


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, where: str, field: str, message: str) -> None:
        self.problems.append(Problem(where, field, message))

    def number(self, value: Any, where: str, field: str, example: str) -> Decimal | None:
        if isinstance(value, bool) or value is None:
            self.fail(where, field, f"{field} must be a number, e.g. {example}")
            return None
        if isinstance(value, float):  # cannot happen with parse_float=Decimal; kept for dicts
            self.fail(where, field, f'{field} {value!r} is a float: write it as "{value}"')
            return None
        try:
            result = Decimal(str(value)) if isinstance(value, int | str) else Decimal(value)
        except (InvalidOperation, TypeError, ValueError):
            self.fail(where, field, f"{field} {value!r} is not a number: write e.g. {example}")
            return None
        if not result.is_finite():
            self.fail(where, field, f"{field} {value!r} is not a finite number")
            return None
        if (why := out_of_range(result)) is not None:
            self.fail(where, field, f"{field} {value!r} {why}: write e.g. {example}")
            return None
        return result

    def day(self, value: Any, where: str, field: str) -> date | None:
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            self.fail(where, field, f"{field} {value!r} is not a date: write YYYY-MM-DD")
            return None

    def text(self, value: Any, where: str, field: str, default: str = "") -> str:
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(where, field, f"{field} must be text")
            return default
        return value


def load_quote_file(path: Path) -> QuoteDocument:
    """Read a quote JSON file; ``PricingError`` lists every problem (nothing is half-read)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise PricingError(
            [Problem(str(path), "file", f"cannot read the quote file: {error.strerror}")]
        ) from None
    except UnicodeDecodeError:
        raise PricingError(
            [Problem(str(path), "file", "the quote file is not UTF-8 text: save it as UTF-8")]
        ) from None
    return parse_quote(text, str(path))


def parse_quote(text: str, source: str = "quote") -> QuoteDocument:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise PricingError(
            [
                Problem(
                    f"{source} line {error.lineno} column {error.colno}",
                    "json",
                    f"not valid JSON ({error.msg}): check commas, quotes and brackets",
                )
            ]
        ) from None
    return quote_from_data(data)


def quote_from_data(data: Any) -> QuoteDocument:
    """Build a QuoteDocument from parsed JSON, or raise PricingError listing every problem."""
    r = _Reader()
    if not isinstance(data, dict):
        raise PricingError([Problem("quote", "json", "a quote is a JSON object { ... }")])
    for key in data:
        if key not in QUOTE_KEYS:
            r.fail("quote", key, f"unknown field {key!r}: see docs/quote-json.md for the fields")
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        r.fail("quote", "format", f"format {fmt!r} is not {FORMAT!r}")

    customer = _customer(r, data.get("customer"))
    currency = data.get("currency")
    try:
        check_currency(currency)
    except MoneyError as error:
        r.fail("quote", "currency", str(error))
    quote_day = r.day(data.get("date"), "quote", "date")
    if data.get("date") is None:
        r.fail("quote", "date", "the quote needs a date: write YYYY-MM-DD")
    expires = r.day(data.get("expires_on"), "quote", "expires_on")
    if expires and quote_day and expires < quote_day:
        r.fail(
            "quote",
            "expires_on",
            f"the quote expires ({expires}) before its date ({quote_day}): set a later expiry",
        )
    status = Status.DRAFT
    try:
        status = Status(data.get("status", "draft"))
    except ValueError:
        allowed = ", ".join(s.value for s in Status)
        r.fail("quote", "status", f"status {data.get('status')!r} is not one of {allowed}")
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_VERSION:
        shown = repr(version) if len(repr(version)) <= 20 else repr(version)[:20] + "…"
        r.fail(
            "quote", "version", f"version {shown} must be a whole number from 1 to {MAX_VERSION}"
        )
        version = 1
    payment_days = _payment_days(r, data.get("payment_terms", "net-30"))
    discount_percent, discount_amount = _discount(r, data.get("discount"), "quote")
    if discount_percent and discount_amount:
        r.fail("quote", "discount", "give the quote discount as percent or amount, not both")
    partner_name, partner_percent = _partner(r, data.get("partner"))
    groups = _groups(r, data.get("groups", []))
    raw_lines = data.get("lines")
    lines: list[QuoteLineDoc] = []
    if not isinstance(raw_lines, list) or not raw_lines:
        r.fail("quote", "lines", "the quote needs at least one line in lines: [ ... ]")
    else:
        group_names = {g.name for g in groups}
        seen: set[str] = set()
        for position, raw in enumerate(raw_lines, start=1):
            line = _line(r, raw, position, group_names)
            if line is None:
                continue
            if line.id in seen:
                r.fail(
                    line_label(position, line.id, line.sku),
                    "id",
                    f"line id {line.id!r} is used twice: give every line its own id",
                )
            seen.add(line.id)
            lines.append(line)
    terms = _terms(r, data.get("terms"))
    number = _bounded(r, r.text(data.get("number"), "quote", "number"), "number", 30)
    name = _bounded(r, r.text(data.get("name"), "quote", "name"), "name", 200)
    owner = r.text(data.get("owner"), "quote", "owner")
    notes = r.text(data.get("notes"), "quote", "notes")
    competitors = _competitors(r, data.get("competitors"))
    if r.problems:  # after every field is read, so a wrong type anywhere is reported
        raise PricingError(r.problems)
    return QuoteDocument(
        customer=customer,
        currency=currency,
        date=quote_day,
        lines=tuple(lines),
        number=number,
        version=version,
        name=name,
        status=status,
        owner=owner,
        expires_on=expires,
        payment_terms_days=payment_days,
        notes=notes,
        competitors=competitors,
        discount_percent=discount_percent,
        discount_amount=discount_amount,
        partner_name=partner_name,
        partner_percent=partner_percent,
        groups=tuple(groups),
        terms=terms,
    )


def _competitors(r: _Reader, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(c, str) and c.strip() for c in raw):
        r.fail(
            "quote",
            "competitors",
            'competitors must be a list of names, e.g. "competitors": ["Contoso Compute"]',
        )
        return ()
    return tuple(c.strip() for c in raw)


def _bounded(r: _Reader, text: str, field: str, limit: int) -> str:
    """``text`` when it fits the store's column, else a problem naming the field and the limit."""
    if len(text) > limit:
        r.fail("quote", field, f"{field} is {len(text)} characters long; keep it to {limit}")
    return text


def _customer(r: _Reader, raw: Any) -> CustomerRef:
    if isinstance(raw, str) and raw:
        return CustomerRef(raw)
    if not isinstance(raw, dict) or not (raw.get("name") or raw.get("id")):
        r.fail("quote", "customer", 'the quote needs a customer: {"name": "Atlantic Mutual Bank"}')
        return CustomerRef("")
    return CustomerRef(
        name=r.text(raw.get("name"), "quote", "customer.name"),
        id=r.text(raw.get("id"), "quote", "customer.id") or None,
        segment=r.text(raw.get("segment"), "quote", "customer.segment") or None,
        region=r.text(raw.get("region"), "quote", "customer.region") or None,
    )


def _payment_days(r: _Reader, raw: Any) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= 365:
        return raw
    if isinstance(raw, str):
        if raw.lower() in ("prepaid", "due-on-receipt", "due on receipt"):
            return 0
        match = _PAYMENT.match(raw.strip())
        if match:
            return int(match.group(1))
    r.fail(
        "quote",
        "payment_terms",
        f"payment terms {raw!r} are not understood: write net-30, net-60 or prepaid",
    )
    return 30


def _discount(r: _Reader, raw: Any, where: str) -> tuple[Decimal, Decimal]:
    zero = Decimal(0)
    if raw is None:
        return zero, zero
    if not isinstance(raw, dict):
        r.fail(where, "discount", 'discount is an object: {"percent": "5"} or {"amount": "100"}')
        return zero, zero
    for key in raw:
        if key not in ("percent", "amount"):
            r.fail(where, f"discount.{key}", "a discount has percent and/or amount only")
    percent = zero
    amount = zero
    if "percent" in raw:
        percent = r.number(raw["percent"], where, "discount.percent", '"5"') or zero
        if not zero <= percent <= 100:
            r.fail(
                where,
                "discount.percent",
                f"discount {percent}% is outside 0-100%: enter a percent between 0 and 100",
            )
    if "amount" in raw:
        amount = r.number(raw["amount"], where, "discount.amount", '"250.00"') or zero
        if amount < 0:
            r.fail(where, "discount.amount", f"discount amount {amount} is negative")
    return percent, amount


def _partner(r: _Reader, raw: Any) -> tuple[str, Decimal]:
    if raw is None:
        return "", Decimal(0)
    if not isinstance(raw, dict):
        r.fail("quote", "partner", 'partner is {"name": "...", "discount_percent": "10"}')
        return "", Decimal(0)
    percent = r.number(
        raw.get("discount_percent", 0), "quote", "partner.discount_percent", '"10"'
    ) or Decimal(0)
    if not 0 <= percent <= 100:
        r.fail("quote", "partner.discount_percent", f"partner discount {percent}% is not 0-100%")
    return r.text(raw.get("name"), "quote", "partner.name"), percent


def _groups(r: _Reader, raw: Any) -> list[GroupDoc]:
    if not isinstance(raw, list):
        r.fail("quote", "groups", 'groups is a list: [{"name": "Core"}, ...]')
        return []
    groups = []
    names: set[str] = set()
    for index, item in enumerate(raw, start=1):
        field = f"groups[{index}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"]:
            r.fail("quote", field, 'each group needs a name: {"name": "Option A"}')
            continue
        if item["name"] in names:
            r.fail("quote", field, f"group {item['name']!r} is declared twice")
        names.add(item["name"])
        groups.append(
            GroupDoc(
                name=item["name"],
                alternative=item.get("alternative") or None,
                selected=bool(item.get("selected", False)),
                description=r.text(item.get("description"), "quote", f"{field}.description"),
            )
        )
    return groups


def _line(r: _Reader, raw: Any, position: int, groups: set[str]) -> QuoteLineDoc | None:
    if not isinstance(raw, dict):
        r.fail(f"line {position}", "line", "each line is an object with sku and quantity")
        return None
    sku = raw.get("sku") if isinstance(raw.get("sku"), str) else ""
    line_id = str(raw.get("id") or position)
    where = line_label(position, line_id, sku)
    for key in raw:
        if key not in LINE_KEYS:
            r.fail(where, key, f"unknown field {key!r}: see docs/quote-json.md for line fields")
    if not sku:
        r.fail(where, "sku", 'the line needs a product: "sku": "SRV-R7"')
    quantity = r.number(raw.get("quantity"), where, "quantity", "4")
    if quantity is not None and quantity <= 0:
        r.fail(
            where,
            "quantity",
            f"quantity {quantity} is not above 0: enter a positive quantity or remove the line",
        )
    percent, amount = _discount(r, raw.get("discount"), where)
    group = r.text(raw.get("group"), where, "group")
    if group and groups and group not in groups:
        r.fail(where, "group", f"group {group!r} is not declared in groups: add it or fix it")
    options = _options(r, raw.get("options", []), where)
    subscription = _subscription(r, raw.get("subscription"), where)
    return QuoteLineDoc(
        id=line_id,
        sku=sku,
        quantity=quantity if quantity is not None else Decimal(0),
        options=options,
        discount_percent=percent,
        discount_amount=amount,
        group=group,
        subscription=subscription,
        notes=r.text(raw.get("notes"), where, "notes"),
    )


def _options(r: _Reader, raw: Any, where: str) -> tuple[OptionPick, ...]:
    if not isinstance(raw, list):
        r.fail(where, "options", 'options is a list: [{"sku": "ACC-RAM-64", "quantity": 4}]')
        return ()
    picks = []
    for index, item in enumerate(raw, start=1):
        field = f"options[{index}]"
        if not isinstance(item, dict):
            r.fail(where, field, 'an option is {"sku": ..., "quantity": ...}')
            continue
        code = item.get("sku") or item.get("code")
        if not isinstance(code, str) or not code:
            r.fail(where, f"{field}.sku", "an option needs sku (catalog) or code (configured)")
            continue
        quantity = r.number(item.get("quantity", 1), where, f"{field}.quantity", "2")
        price = cost = None
        if "price" in item:
            price = r.number(item["price"], where, f"{field}.price", '"2150.00"')
        if "cost" in item:
            cost = r.number(item["cost"], where, f"{field}.cost", '"1300.00"')
        picks.append(
            OptionPick(
                code,
                quantity if quantity is not None else Decimal(1),
                price,
                cost,
                r.text(item.get("label"), where, f"{field}.label"),
            )
        )
    return tuple(picks)


def _subscription(r: _Reader, raw: Any, where: str) -> Subscription | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        r.fail(where, "subscription", 'subscription is {"term_months": 12, ...}')
        return None
    term = raw.get("term_months")
    if term is not None and (isinstance(term, bool) or not isinstance(term, int) or term <= 0):
        r.fail(
            where,
            "subscription.term_months",
            f"term {term!r} must be whole months above 0, e.g. 12 or 36",
        )
        term = None
    billing = None
    if raw.get("billing") is not None:
        try:
            billing = BillingFrequency(raw["billing"])
        except ValueError:
            allowed = ", ".join(b.value for b in BillingFrequency)
            r.fail(where, "subscription.billing", f"billing {raw['billing']!r} is not {allowed}")
    return Subscription(
        term_months=term,
        start=r.day(raw.get("start"), where, "subscription.start"),
        co_term_end=r.day(raw.get("co_term_end"), where, "subscription.co_term_end"),
        billing=billing,
    )


def _terms(r: _Reader, raw: Any) -> TermsSelection:
    if raw is None:
        return TermsSelection()
    if not isinstance(raw, dict):
        r.fail("quote", "terms", 'terms is {"language": "en", "add": [...], ...}')
        return TermsSelection()

    def ids(key: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            r.fail("quote", f"terms.{key}", f"terms.{key} is a list of clause ids")
            return ()
        return tuple(value)

    def mapping(key: str) -> dict[str, str]:
        value = raw.get(key, {})
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            r.fail("quote", f"terms.{key}", f"terms.{key} maps clause ids to text")
            return {}
        return dict(value)

    return TermsSelection(
        language=r.text(raw.get("language"), "quote", "terms.language", "en"),
        region=raw.get("region") or None,
        add=ids("add"),
        remove=ids("remove"),
        choose=mapping("choose"),
        edit=mapping("edit"),
    )


# writing --------------------------------------------------------------------------------------


def quote_to_data(doc: QuoteDocument) -> dict[str, Any]:
    """The document as JSON-ready data (amounts as strings); ``quote_from_data`` reads it back."""
    data: dict[str, Any] = {"format": FORMAT}
    if doc.number:
        data["number"] = doc.number
    data["version"] = doc.version
    if doc.name:
        data["name"] = doc.name
    data["status"] = doc.status.value
    customer: dict[str, Any] = {"name": doc.customer.name}
    for key in ("id", "segment", "region"):
        if getattr(doc.customer, key):
            customer[key] = getattr(doc.customer, key)
    data["customer"] = customer
    if doc.owner:
        data["owner"] = doc.owner
    data["currency"] = doc.currency
    data["date"] = doc.date.isoformat()
    if doc.expires_on:
        data["expires_on"] = doc.expires_on.isoformat()
    data["payment_terms"] = f"net-{doc.payment_terms_days}" if doc.payment_terms_days else "prepaid"
    if doc.notes:
        data["notes"] = doc.notes
    if doc.competitors:
        data["competitors"] = list(doc.competitors)
    discount = _discount_data(doc.discount_percent, doc.discount_amount)
    if discount:
        data["discount"] = discount
    if doc.partner_name or doc.partner_percent:
        data["partner"] = {"name": doc.partner_name, "discount_percent": str(doc.partner_percent)}
    if doc.groups:
        data["groups"] = [_group_data(g) for g in doc.groups]
    data["lines"] = [line_to_data(line) for line in doc.lines]
    data["terms"] = doc.terms.to_json()
    return data


def dump_quote(doc: QuoteDocument) -> str:
    return json.dumps(quote_to_data(doc), ensure_ascii=False, indent=2) + "\n"


def _discount_data(percent: Decimal, amount: Decimal) -> dict[str, str]:
    data = {}
    if percent:
        data["percent"] = str(percent)
    if amount:
        data["amount"] = str(amount)
    return data


def _group_data(group: GroupDoc) -> dict[str, Any]:
    data: dict[str, Any] = {"name": group.name}
    if group.alternative:
        data["alternative"] = group.alternative
        data["selected"] = group.selected
    if group.description:
        data["description"] = group.description
    return data


def line_to_data(line: QuoteLineDoc) -> dict[str, Any]:
    data: dict[str, Any] = {"id": line.id, "sku": line.sku, "quantity": str(line.quantity)}
    if line.group:
        data["group"] = line.group
    if line.options:
        options = []
        for pick in line.options:
            option: dict[str, Any] = {"sku": pick.sku, "quantity": str(pick.quantity)}
            if pick.price is not None:
                option["price"] = str(pick.price)
            if pick.cost is not None:
                option["cost"] = str(pick.cost)
            if pick.label:
                option["label"] = pick.label
            options.append(option)
        data["options"] = options
    discount = _discount_data(line.discount_percent, line.discount_amount)
    if discount:
        data["discount"] = discount
    if line.subscription is not None:
        sub = line.subscription
        sub_data: dict[str, Any] = {}
        if sub.term_months is not None:
            sub_data["term_months"] = sub.term_months
        if sub.start:
            sub_data["start"] = sub.start.isoformat()
        if sub.co_term_end:
            sub_data["co_term_end"] = sub.co_term_end.isoformat()
        if sub.billing:
            sub_data["billing"] = sub.billing.value
        data["subscription"] = sub_data
    if line.notes:
        data["notes"] = line.notes
    return data
