"""Read a plan document (YAML) into a ``Plan``, with errors that name file:line and the fix.

The YAML is read by :mod:`dealkit.engine.yaml_source`, so every mapping keeps the line of each key
and numbers are exact: "0.15" is the decimal 0.15 and never passes through a float. The reader
walks it as :class:`_At` values (a value and the line it was written on), so that every check can
point at the line.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from dealkit.engine.commissions.errors import PlanError
from dealkit.engine.commissions.periods import PERIOD_KINDS
from dealkit.engine.commissions.plan import (
    ROLES,
    Assignment,
    Component,
    Draw,
    Match,
    Overlay,
    Participant,
    Plan,
    RateComponent,
    RateRule,
    SpifComponent,
    Threshold,
    Tier,
    TieredComponent,
    Window,
    WindowComponent,
)
from dealkit.engine.money import MoneyError, check_currency, out_of_range
from dealkit.engine.yaml_source import LineDict, LineList, YamlSourceError, parse_yaml, read_text

COMPONENT_TYPES = ("rate", "tiered", "window", "spif")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$", re.IGNORECASE)


def load_plan_file(path: Path | str) -> Plan:
    """Load a plan from a YAML file; errors name the file and line."""
    return load_plan_text(read_plan_text(path), str(path))


def load_plan_text(text: str, source: str = "<plan>") -> Plan:
    """Load a plan from YAML text; ``source`` names it in error messages."""
    return _Reader(source).plan(text)


def plan_header(text: str, source: str = "<plan>") -> dict[str, object]:
    """The top-level keys a store row needs (code, version, name, effective dates)."""
    plan = load_plan_text(text, source)
    return {
        "code": plan.code,
        "version": plan.version,
        "name": plan.name,
        "effective_from": plan.effective_from,
        "effective_to": plan.effective_to,
    }


def read_plan_text(path: Path | str) -> str:
    """The text of a plan, participants or quote file; an unreadable one is a PlanError."""
    try:
        return read_text(path)
    except YamlSourceError as error:
        raise PlanError(
            str(path), None, "", f"cannot read the file ({error.reason})", "check the path"
        ) from None


@dataclass(frozen=True, slots=True)
class _At:
    """A value of the document and the 1-based line it was written on."""

    value: Any
    line: int | None


def _shown(value: Any) -> str:
    """A scalar as its author would recognise it in a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    # errors -----------------------------------------------------------------------------------

    def fail(self, node: _At | None, path: str, problem: str, fix: str) -> PlanError:
        return PlanError(self.source, node.line if node is not None else None, path, problem, fix)

    def document(self, text: str, empty_problem: str, empty_fix: str) -> _At:
        """The document's top value; bad YAML and an empty document are PlanErrors."""
        try:
            root = parse_yaml(text, self.source)
        except YamlSourceError as error:
            if error.kind == "syntax":
                raise PlanError(
                    self.source,
                    error.line,
                    "",
                    f"not valid YAML ({error.problem})",
                    "check the indentation and the quoting on that line",
                ) from None
            raise PlanError(self.source, error.line, "", error.problem, error.fix) from None
        if root is None:
            raise PlanError(self.source, None, "", empty_problem, empty_fix)
        return _At(root, getattr(root, "line", 1))

    # node helpers -----------------------------------------------------------------------------

    def mapping(self, node: _At, path: str, allowed: tuple[str, ...]) -> dict[str, _At]:
        if not isinstance(node.value, LineDict):
            raise self.fail(
                node,
                path,
                "expected a mapping of keys to values",
                f"write 'key: value' lines; allowed keys: {', '.join(allowed)}",
            )
        mapping: LineDict = node.value
        out: dict[str, _At] = {}
        for key, value in mapping.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = (
                    f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(allowed)}"
                )
                at_key = _At(key, mapping.line_of(key))
                raise self.fail(at_key, _join(path, key), f"unknown key '{key}'", hint)
            out[key] = _At(value, _line_of(value, mapping.line_of(key)))
        return out

    def sequence(self, node: _At, path: str) -> list[_At]:
        if not isinstance(node.value, LineList):
            raise self.fail(node, path, "expected a list", "write one '- item' per line")
        items: LineList = node.value
        return [_At(item, _line_of(item, items.line_at(i))) for i, item in enumerate(items)]

    def required(self, m: dict[str, _At], key: str, parent: _At, path: str, fix: str) -> _At:
        if key not in m:
            raise self.fail(parent, _join(path, key), f"'{key}' is missing", fix)
        return m[key]

    def scalar(self, node: _At, path: str) -> str:
        """A single value as written, for checks that word their own message ("'x' is not a
        date"); a mapping or a list is refused here."""
        if isinstance(node.value, LineDict | LineList):
            raise self.fail(node, path, "expected a text value", "write a word or phrase")
        return _shown(node.value)

    def text(self, node: _At, path: str) -> str:
        """A scalar as text: words, or a number or date written where a word goes (a label)."""
        raw = self.scalar(node, path)
        if node.value is None or isinstance(node.value, bool | datetime) or raw == "":
            raise self.fail(
                node,
                path,
                f"expected a text value, not {raw or 'an empty one'}",
                "write a word or phrase; quote one that YAML reads otherwise, e.g. 'yes'",
            )
        return raw

    def is_null(self, node: _At) -> bool:
        return node.value is None

    def integer(self, node: _At, path: str) -> int:
        if isinstance(node.value, int) and not isinstance(node.value, bool) and node.value >= 0:
            return node.value
        raw = self.scalar(node, path)
        if not re.fullmatch(r"\d+", raw):
            raise self.fail(node, path, f"'{raw}' is not a whole number", "write digits, e.g. 90")
        return int(raw)

    def boolean(self, node: _At, path: str) -> bool:
        if isinstance(node.value, bool):
            return node.value
        raw = self.scalar(node, path).lower()
        if raw in ("true", "yes"):
            return True
        if raw in ("false", "no"):
            return False
        raise self.fail(node, path, f"'{raw}' is not true or false", "write true or false")

    def decimal(
        self,
        node: _At,
        path: str,
        what: str = "number",
        example: str = "250000.00",
        allow_negative: bool = False,
    ) -> Decimal:
        raw = self.scalar(node, path).replace("_", "")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise self.fail(
                node,
                path,
                f"'{raw}' is not a {what}",
                f"write digits with a decimal point, e.g. {example} (no commas or currency signs)",
            )
        if value < 0 and not allow_negative:
            raise self.fail(node, path, f"{what} {raw} is negative", "write a positive value")
        if (why := out_of_range(value)) is not None:
            raise self.fail(node, path, f"{what} {raw} {why}", f"write e.g. {example}")
        return value

    def percent(self, node: _At, path: str) -> Decimal:
        """A rate written with a percent sign ("15%", "2.5%"), returned as a fraction (0.15)."""
        raw = self.scalar(node, path).strip()
        if not raw.endswith("%"):
            raise self.fail(
                node,
                path,
                f"rate '{raw}' has no percent sign",
                f"write the rate as a percentage, e.g. '{raw}%'",
            )
        try:
            value = Decimal(raw[:-1].strip())
        except InvalidOperation:
            raise self.fail(
                node,
                path,
                f"'{raw}' is not a percentage",
                "write digits and a percent sign, e.g. 15% or 2.5%",
            ) from None
        if not value.is_finite() or value < 0 or value > 1000:
            raise self.fail(
                node, path, f"rate {raw} is out of range", "write a percentage between 0% and 1000%"
            )
        return value / 100

    def day(self, node: _At, path: str) -> date:
        if isinstance(node.value, date) and not isinstance(node.value, datetime):
            return node.value
        raw = self.scalar(node, path)
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(
                node,
                path,
                f"'{raw}' is not a date",
                "write the date as YYYY-MM-DD, e.g. 2026-01-01",
            ) from None

    def word_set(self, node: _At, path: str) -> frozenset[str]:
        """One value or a list of values."""
        if isinstance(node.value, LineList):
            items = self.sequence(node, path)
            return frozenset(self.text(n, f"{path}[{i}]") for i, n in enumerate(items))
        return frozenset([self.text(node, path)])

    # document ---------------------------------------------------------------------------------

    def plan(self, text: str) -> Plan:
        root = self.document(
            text, "the plan is empty", "start from the example in docs/commission-plans.md"
        )
        keys = (
            "code",
            "version",
            "name",
            "effective_from",
            "effective_to",
            "currency",
            "period",
            "exchange_rates",
            "clawback",
            "participants",
            "components",
        )
        m = self.mapping(root, "", keys)
        need = "see the example in docs/commission-plans.md"
        code = self.text(
            self.required(m, "code", root, "", f"add 'code: field-sales'; {need}"), "code"
        )
        if not _ID.match(code):
            raise self.fail(
                m["code"],
                "code",
                f"code '{code}' has spaces or symbols",
                "use letters, digits, '-' and '_' only",
            )
        version = self.integer(self.required(m, "version", root, "", "add 'version: 1'"), "version")
        name = self.text(self.required(m, "name", root, "", "add a 'name:' line"), "name")
        start = self.day(
            self.required(m, "effective_from", root, "", "add 'effective_from: YYYY-MM-DD'"),
            "effective_from",
        )
        end = None
        if "effective_to" in m and not self.is_null(m["effective_to"]):
            end = self.day(m["effective_to"], "effective_to")
            if end < start:
                raise self.fail(
                    m["effective_to"],
                    "effective_to",
                    f"effective_to {end} is before effective_from {start}",
                    "swap the dates or correct one of them",
                )
        currency_node = self.required(m, "currency", root, "", "add 'currency: USD'")
        currency = self.currency(currency_node, "currency")
        period = "quarter"
        if "period" in m:
            period = self.text(m["period"], "period")
            if period not in PERIOD_KINDS:
                raise self.fail(
                    m["period"],
                    "period",
                    f"period '{period}' is not supported",
                    "write 'period: quarter' or 'period: month'",
                )
        rates: dict[str, Decimal] = {}
        if "exchange_rates" in m:
            node = m["exchange_rates"]
            if not isinstance(node.value, LineDict):
                raise self.fail(
                    node,
                    "exchange_rates",
                    "expected currency: rate lines",
                    f"write e.g. 'THB: 0.028' (1 THB = 0.028 {currency})",
                )
            for key, value in self.mapping(node, "exchange_rates", tuple(node.value)).items():
                cur = self.currency(_At(key, node.value.line_of(key)), f"exchange_rates.{key}")
                rates[cur] = self.decimal(value, f"exchange_rates.{cur}", "rate", "0.028")
                if rates[cur] == 0:
                    raise self.fail(
                        value,
                        f"exchange_rates.{cur}",
                        "a rate of zero",
                        "write the plan rate, e.g. 0.028",
                    )
        clawback_days = None
        if "clawback" in m:
            cm = self.mapping(m["clawback"], "clawback", ("within_days",))
            clawback_days = self.integer(
                self.required(
                    cm, "within_days", m["clawback"], "clawback", "add 'within_days: 90'"
                ),
                "clawback.within_days",
            )
        participants = self.participants(
            self.required(m, "participants", root, "", f"add a 'participants:' list; {need}"),
            start,
            end,
        )
        components = self.components(
            self.required(m, "components", root, "", f"add a 'components:' list; {need}")
        )
        return Plan(
            code,
            version,
            name,
            start,
            end,
            currency,
            period,
            rates,
            clawback_days,
            participants,
            components,
            self.source,
        )

    def currency(self, node: _At, path: str) -> str:
        raw = self.text(node, path)
        try:
            return check_currency(raw)
        except MoneyError:
            raise self.fail(
                node,
                path,
                f"'{raw}' is not an ISO 4217 currency",
                "write a code such as USD or THB",
            ) from None

    # participants -----------------------------------------------------------------------------

    def participants(self, node: _At, start: date, end: date | None) -> dict[str, Participant]:
        out: dict[str, Participant] = {}
        nodes = self.sequence(node, "participants")
        for i, pnode in enumerate(nodes):
            path = f"participants[{i}]"
            keys = (
                "id",
                "name",
                "role",
                "quota",
                "from",
                "to",
                "assignments",
                "team",
                "overlay",
                "draw",
            )
            m = self.mapping(pnode, path, keys)
            pid = self.text(
                self.required(m, "id", pnode, path, "add 'id: alex' (a username)"), f"{path}.id"
            )
            if pid in out:
                raise self.fail(
                    m["id"],
                    f"{path}.id",
                    f"participant '{pid}' is listed twice",
                    "keep one entry per participant",
                )
            role = self.text(
                self.required(m, "role", pnode, path, "add 'role: rep'"), f"{path}.role"
            )
            if role not in ROLES:
                raise self.fail(
                    m["role"],
                    f"{path}.role",
                    f"role '{role}' is not known",
                    f"use one of {', '.join(ROLES)}",
                )
            assignments = self.assignments(m, pnode, path, start, end)
            team = self.word_set(m["team"], f"{path}.team") if "team" in m else frozenset()
            if team and role != "manager":
                raise self.fail(
                    m["team"],
                    f"{path}.team",
                    "only a manager has a team",
                    "set 'role: manager' or remove 'team'",
                )
            overlay = None
            if "overlay" in m:
                if role != "overlay":
                    raise self.fail(
                        m["overlay"],
                        f"{path}.overlay",
                        "only an overlay has this",
                        "set 'role: overlay' or remove 'overlay'",
                    )
                om = self.mapping(m["overlay"], f"{path}.overlay", ("match", "reps"))
                match = (
                    self.match(om["match"], f"{path}.overlay.match") if "match" in om else Match()
                )
                reps = (
                    self.word_set(om["reps"], f"{path}.overlay.reps")
                    if "reps" in om
                    else frozenset()
                )
                overlay = Overlay(match, reps)
            elif role == "overlay":
                raise self.fail(
                    pnode,
                    path,
                    f"overlay '{pid}' does not say what it covers",
                    "add 'overlay: {match: {family: NET}}'",
                )
            draw = None
            if "draw" in m:
                dm = self.mapping(m["draw"], f"{path}.draw", ("amount", "recoverable"))
                amount = self.decimal(
                    self.required(dm, "amount", m["draw"], f"{path}.draw", "add 'amount: 3000.00'"),
                    f"{path}.draw.amount",
                )
                recoverable = (
                    self.boolean(dm["recoverable"], f"{path}.draw.recoverable")
                    if "recoverable" in dm
                    else True
                )
                draw = Draw(amount, recoverable)
            name = self.text(m["name"], f"{path}.name") if "name" in m else pid
            out[pid] = Participant(pid, name, role, assignments, team, overlay, draw)
        for i, (pid, p) in enumerate(out.items()):
            for member in sorted(p.team):
                if member not in out:
                    raise self.fail(
                        nodes[i],
                        f"participants[{i}].team",
                        f"team member '{member}' of '{pid}' is not a participant",
                        f"add a participant with 'id: {member}' or remove it from the team",
                    )
            if p.overlay:
                for rep in sorted(p.overlay.reps):
                    if rep not in out:
                        raise self.fail(
                            nodes[i],
                            f"participants[{i}].overlay.reps",
                            f"rep '{rep}' is not a participant",
                            f"add a participant with 'id: {rep}'",
                        )
        return out

    def assignments(
        self, m: dict[str, _At], pnode: _At, path: str, start: date, end: date | None
    ) -> tuple[Assignment, ...]:
        if "assignments" in m:
            if "quota" in m or "from" in m or "to" in m:
                raise self.fail(
                    m["assignments"],
                    f"{path}.assignments",
                    "both 'assignments' and 'quota'/'from'/'to' are given",
                    "put quota and dates inside the assignments list only",
                )
            out = []
            for j, anode in enumerate(self.sequence(m["assignments"], f"{path}.assignments")):
                apath = f"{path}.assignments[{j}]"
                am = self.mapping(anode, apath, ("from", "to", "quota"))
                a_start = self.day(am["from"], f"{apath}.from") if "from" in am else start
                a_end = self.day(am["to"], f"{apath}.to") if "to" in am else None
                quota = self.decimal(
                    self.required(am, "quota", anode, apath, "add 'quota: 400000.00'"),
                    f"{apath}.quota",
                )
                out.append(Assignment(a_start, a_end, quota))
            out.sort(key=lambda a: a.start)
            for prev, nxt in itertools.pairwise(out):
                if prev.end is None or prev.end >= nxt.start:
                    raise self.fail(
                        m["assignments"],
                        f"{path}.assignments",
                        f"assignments from {prev.start} and {nxt.start} overlap",
                        "give the earlier one a 'to:' date before the later one's 'from:'",
                    )
            return tuple(out)
        quota_node = self.required(
            m, "quota", pnode, path, "add 'quota: 400000.00' (per period; 0 for none)"
        )
        quota = self.decimal(quota_node, f"{path}.quota")
        a_start = self.day(m["from"], f"{path}.from") if "from" in m else start
        a_end = self.day(m["to"], f"{path}.to") if "to" in m else end
        return (Assignment(a_start, a_end, quota),)

    # components -------------------------------------------------------------------------------

    def match(self, node: _At, path: str) -> Match:
        keys = ("sku", "family", "segment", "industry", "region", "new_logo")
        m = self.mapping(node, path, keys)
        return Match(
            skus=self.word_set(m["sku"], f"{path}.sku") if "sku" in m else frozenset(),
            families=self.word_set(m["family"], f"{path}.family") if "family" in m else frozenset(),
            segments=self.word_set(m["segment"], f"{path}.segment")
            if "segment" in m
            else frozenset(),
            industries=(
                self.word_set(m["industry"], f"{path}.industry") if "industry" in m else frozenset()
            ),
            regions=self.word_set(m["region"], f"{path}.region") if "region" in m else frozenset(),
            new_logo=self.boolean(m["new_logo"], f"{path}.new_logo") if "new_logo" in m else None,
        )

    def window(self, node: _At, path: str) -> Window:
        m = self.mapping(
            node, path, ("last_days_of_quarter", "first_days_of_quarter", "from", "to")
        )
        if "last_days_of_quarter" in m:
            return Window(
                last_days_of_quarter=self.integer(
                    m["last_days_of_quarter"], f"{path}.last_days_of_quarter"
                )
            )
        if "first_days_of_quarter" in m:
            return Window(
                first_days_of_quarter=self.integer(
                    m["first_days_of_quarter"], f"{path}.first_days_of_quarter"
                )
            )
        if "from" not in m and "to" not in m:
            raise self.fail(
                node,
                path,
                "the window is empty",
                "write 'last_days_of_quarter: 14', 'first_days_of_quarter: 14' "
                "or 'from:'/'to:' dates",
            )
        return Window(
            start=self.day(m["from"], f"{path}.from") if "from" in m else None,
            end=self.day(m["to"], f"{path}.to") if "to" in m else None,
        )

    def components(self, node: _At) -> tuple[Component, ...]:
        out: list[Component] = []
        seen: dict[str, int] = {}
        nodes = self.sequence(node, "components")
        common = ("id", "type", "label", "match", "applies_to", "threshold", "cap")
        extra = {
            "rate": ("rate", "per_unit", "overrides"),
            "tiered": ("method", "tiers"),
            "window": ("of", "window", "factor"),
            "spif": ("window", "goal", "reward"),
        }
        for i, cnode in enumerate(nodes):
            path = f"components[{i}]"
            if not isinstance(cnode.value, LineDict):
                raise self.fail(
                    cnode,
                    path,
                    "expected a component mapping",
                    "write 'id:', 'type:' and the type's fields",
                )
            if "type" not in cnode.value:
                raise self.fail(
                    cnode,
                    f"{path}.type",
                    "'type' is missing",
                    f"add 'type:' with one of {', '.join(COMPONENT_TYPES)}",
                )
            kind_node = _At(cnode.value["type"], cnode.value.line_of("type"))
            kind = self.text(kind_node, f"{path}.type")
            if kind not in COMPONENT_TYPES:
                raise self.fail(
                    kind_node,
                    f"{path}.type",
                    f"component type '{kind}' is unknown",
                    f"use one of {', '.join(COMPONENT_TYPES)}",
                )
            m = self.mapping(cnode, path, common + extra[kind])
            cid = self.text(self.required(m, "id", cnode, path, "add 'id: base'"), f"{path}.id")
            if not _ID.match(cid):
                raise self.fail(
                    m["id"],
                    f"{path}.id",
                    f"id '{cid}' has spaces or symbols",
                    "use letters, digits, '-' and '_' only",
                )
            if cid in seen:
                raise self.fail(
                    m["id"],
                    f"{path}.id",
                    f"component id '{cid}' is used twice",
                    "give each component its own id",
                )
            seen[cid] = i
            label = self.text(m["label"], f"{path}.label") if "label" in m else cid
            match = self.match(m["match"], f"{path}.match") if "match" in m else Match()
            applies = frozenset(ROLES)
            if "applies_to" in m:
                applies = self.word_set(m["applies_to"], f"{path}.applies_to")
                bad = sorted(applies - set(ROLES))
                if bad:
                    raise self.fail(
                        m["applies_to"],
                        f"{path}.applies_to",
                        f"role '{bad[0]}' is not known",
                        f"use {', '.join(ROLES)}",
                    )
            threshold = None
            if "threshold" in m:
                tm = self.mapping(
                    m["threshold"], f"{path}.threshold", ("attainment_pct", "attainment")
                )
                if "attainment_pct" in tm:
                    threshold = Threshold(
                        attainment_pct=self.decimal(
                            tm["attainment_pct"],
                            f"{path}.threshold.attainment_pct",
                            "percentage",
                            "50",
                        )
                    )
                elif "attainment" in tm:
                    threshold = Threshold(
                        attainment=self.decimal(tm["attainment"], f"{path}.threshold.attainment")
                    )
                else:
                    raise self.fail(
                        m["threshold"],
                        f"{path}.threshold",
                        "the gate is empty",
                        "write 'attainment_pct: 50' or 'attainment: 100000'",
                    )
            cap = self.decimal(m["cap"], f"{path}.cap") if "cap" in m else None
            base = (cid, label, match, applies, threshold, cap)
            out.append(getattr(self, f"_{kind}")(m, cnode, path, base))
        earning = sorted(c.id for c in out if isinstance(c, RateComponent | TieredComponent))
        for i, c in enumerate(out):
            if isinstance(c, WindowComponent) and c.of not in earning:
                of_node = _At(nodes[i].value["of"], nodes[i].value.line_of("of"))
                raise self.fail(
                    of_node,
                    f"components[{i}].of",
                    f"'{c.of}' is not a rate or tiered component of this plan",
                    f"use one of: {', '.join(earning)}",
                )
        return tuple(out)

    def _rate(self, m: dict[str, _At], node: _At, path: str, base: tuple) -> RateComponent:
        default = None
        if "rate" in m or "per_unit" in m:
            default = RateRule(
                Match(),
                self.percent(m["rate"], f"{path}.rate") if "rate" in m else None,
                self.decimal(m["per_unit"], f"{path}.per_unit") if "per_unit" in m else None,
            )
        overrides = []
        for j, onode in enumerate(
            self.sequence(m["overrides"], f"{path}.overrides") if "overrides" in m else []
        ):
            opath = f"{path}.overrides[{j}]"
            om = self.mapping(onode, opath, ("match", "rate", "per_unit", "label"))
            if "match" not in om:
                raise self.fail(
                    onode,
                    f"{opath}.match",
                    "an override needs a 'match'",
                    "add e.g. 'match: {sku: NET-SPINE-64}'",
                )
            if "rate" not in om and "per_unit" not in om:
                raise self.fail(
                    onode,
                    opath,
                    "the override sets no rate",
                    "add 'rate: 20%' or 'per_unit: 25.00'",
                )
            overrides.append(
                RateRule(
                    self.match(om["match"], f"{opath}.match"),
                    self.percent(om["rate"], f"{opath}.rate") if "rate" in om else None,
                    self.decimal(om["per_unit"], f"{opath}.per_unit") if "per_unit" in om else None,
                    self.text(om["label"], f"{opath}.label") if "label" in om else "",
                )
            )
        if default is None and not overrides:
            raise self.fail(
                node,
                f"{path}.rate",
                "the rate component sets no rate",
                "add 'rate: 15%' (or 'per_unit:', or 'overrides:')",
            )
        return RateComponent(*base, default, tuple(overrides))

    def _tiered(self, m: dict[str, _At], node: _At, path: str, base: tuple) -> TieredComponent:
        method = "marginal"
        if "method" in m:
            method = self.text(m["method"], f"{path}.method")
            if method not in ("marginal", "retroactive"):
                raise self.fail(
                    m["method"],
                    f"{path}.method",
                    f"method '{method}' is unknown",
                    "write 'method: marginal' or 'method: retroactive'",
                )
        tnodes = self.sequence(
            self.required(m, "tiers", node, path, "add a 'tiers:' list of {upto, rate}"),
            f"{path}.tiers",
        )
        if not tnodes:
            raise self.fail(m["tiers"], f"{path}.tiers", "no tiers", "add at least one tier")
        tiers = []
        for j, tnode in enumerate(tnodes):
            tpath = f"{path}.tiers[{j}]"
            tm = self.mapping(tnode, tpath, ("upto", "upto_pct", "rate"))
            rate = self.percent(
                self.required(tm, "rate", tnode, tpath, "add 'rate: 4%'"), f"{tpath}.rate"
            )
            upto = self.decimal(tm["upto"], f"{tpath}.upto") if "upto" in tm else None
            upto_pct = (
                self.decimal(tm["upto_pct"], f"{tpath}.upto_pct", "percentage", "100")
                if "upto_pct" in tm
                else None
            )
            if upto is not None and upto_pct is not None:
                raise self.fail(
                    tnode,
                    tpath,
                    "both 'upto' and 'upto_pct' are given",
                    "bound the tier by an amount or by a percentage of quota",
                )
            last = j == len(tnodes) - 1
            if last and (upto is not None or upto_pct is not None):
                raise self.fail(
                    tnode,
                    tpath,
                    "the last tier has an upper bound",
                    "remove 'upto' from the last tier so that it covers the rest",
                )
            if not last and upto is None and upto_pct is None:
                raise self.fail(
                    tnode,
                    tpath,
                    "only the last tier may be open-ended",
                    "add 'upto: AMOUNT' or 'upto_pct: PERCENT'",
                )
            tiers.append(Tier(rate, upto, upto_pct))
        kinds = {t.upto is not None for t in tiers[:-1]}
        if len(kinds) > 1:
            raise self.fail(
                m["tiers"],
                f"{path}.tiers",
                "tiers mix 'upto' and 'upto_pct'",
                "bound every tier the same way",
            )
        bounds = [t.upto if t.upto is not None else t.upto_pct for t in tiers[:-1]]
        for j in range(1, len(bounds)):
            if bounds[j] <= bounds[j - 1]:  # type: ignore[operator]
                raise self.fail(
                    tnodes[j],
                    f"{path}.tiers[{j}]",
                    f"bound {bounds[j]} is not above the previous bound {bounds[j - 1]}",
                    "list tiers from the lowest bound up",
                )
        return TieredComponent(*base, method, tuple(tiers))

    def _window(self, m: dict[str, _At], node: _At, path: str, base: tuple) -> WindowComponent:
        of = self.text(
            self.required(m, "of", node, path, "add 'of: base' (a component id)"), f"{path}.of"
        )
        window = self.window(
            self.required(m, "window", node, path, "add 'window: {last_days_of_quarter: 14}'"),
            f"{path}.window",
        )
        factor = self.decimal(
            self.required(m, "factor", node, path, "add 'factor: 1.5'"),
            f"{path}.factor",
            "factor",
            "1.5",
        )
        return WindowComponent(*base, of, window, factor)

    def _spif(self, m: dict[str, _At], node: _At, path: str, base: tuple) -> SpifComponent:
        window = self.window(m["window"], f"{path}.window") if "window" in m else None
        gnode = self.required(m, "goal", node, path, "add 'goal: {units: 5}'")
        gm = self.mapping(gnode, f"{path}.goal", ("units", "amount"))
        if ("units" in gm) == ("amount" in gm):
            raise self.fail(
                gnode,
                f"{path}.goal",
                "the goal needs units or an amount (one)",
                "write 'goal: {units: 5}' or 'goal: {amount: 50000}'",
            )
        units = (
            self.decimal(gm["units"], f"{path}.goal.units", "count", "5") if "units" in gm else None
        )
        amount = self.decimal(gm["amount"], f"{path}.goal.amount") if "amount" in gm else None
        rnode = self.required(
            m, "reward", node, path, "add 'reward: {cash: 1000.00}' or 'reward: {item: Trip}'"
        )
        rm = self.mapping(rnode, f"{path}.reward", ("cash", "item", "value"))
        cash = self.decimal(rm["cash"], f"{path}.reward.cash") if "cash" in rm else None
        item = self.text(rm["item"], f"{path}.reward.item") if "item" in rm else None
        value = self.decimal(rm["value"], f"{path}.reward.value") if "value" in rm else None
        if (cash is None) == (item is None):
            raise self.fail(
                rnode,
                f"{path}.reward",
                "the reward needs cash or an item (one)",
                "write 'cash: 1000.00' or 'item: Trip to Phuket'",
            )
        return SpifComponent(*base, window, units, amount, cash, item, value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _line_of(value: Any, written_on: int) -> int:
    """A mapping or list is where it starts; a scalar is on its key's (or item's) line."""
    return value.line if isinstance(value, LineDict | LineList) and value.line else written_on


def load_participants_file(path: Path | str, plan: Plan) -> Plan:
    """The plan with its participants replaced by those of a participants file.

    The file holds one ``participants:`` list in the plan's own format (see
    docs/commission-plans.md); errors name that file and its lines."""
    reader = _Reader(str(path))
    root = reader.document(read_plan_text(path), "the file is empty", "add a 'participants:' list")
    m = reader.mapping(root, "", ("participants",))
    node = reader.required(m, "participants", root, "", "add a 'participants:' list")
    people = reader.participants(node, plan.effective_from, plan.effective_to)
    return replace(plan, participants=people)
