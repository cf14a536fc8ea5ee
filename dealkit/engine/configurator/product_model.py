"""The YAML product model: option groups, attributes, rules and messages -> ``ProductModel``.

See docs/product-models.md for the format with a worked example. Loading validates everything a
sales engineer can get wrong and names the file, the line and the fix. With ``collect=True`` the
loader keeps going after an error and returns all of them (``dealkit rules check`` uses this).
"""

from __future__ import annotations

import csv
import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from dealkit.engine.configurator.errors import Location, ModelError, model_error_from_yaml
from dealkit.engine.configurator.expressions import (
    Compiled,
    ExpressionError,
    ManyGroup,
    Names,
    OneGroup,
    compile_expression,
)
from dealkit.engine.configurator.problem import Problem, Rule, Table, Value, Variable
from dealkit.engine.configurator.table_format import load_table_model
from dealkit.engine.yaml_source import LineDict, LineList, YamlSourceError, read_yaml

FORMAT = "dealkit-product-model/1"
IDENT = re.compile(r"^[a-z_][a-z0-9_]*$")
MAX_COMBINATIONS = 400_000
RULE_KINDS = ("constraint", "requires", "excludes", "table", "select", "alert")


@dataclass(slots=True)
class Alert:
    """A non-blocking message shown to the rep when its condition holds."""

    name: str
    message: str
    condition: Compiled
    where: Location


@dataclass(slots=True)
class ProductModel:
    """A loaded model: the finite-domain problem plus what the rep and the linter need."""

    problem: Problem
    sku: str = ""
    name: str = ""
    currency: str = ""
    alerts: list[Alert] = field(default_factory=list)
    value_where: dict[tuple[str, Value], Location] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)  # group → variable names
    errors: list[ModelError] = field(default_factory=list)

    def fired_alerts(self, decided: dict[str, Value]) -> list[Alert]:
        """Alerts whose condition holds, among those whose variables are all decided."""
        env: list[Any] = [None] * len(self.problem.variables)
        for name, value in decided.items():
            env[self.problem.var(name)] = value
        fired = []
        for alert in self.alerts:
            if all(env[v] is not None for v in alert.condition.scope) and alert.condition.fn(env):
                fired.append(alert)
        return fired


def load_model(path: Path, collect: bool = False) -> ProductModel:
    """Load a YAML product model, or a table model (.json / .json.gz), by its file name."""
    name = path.name.lower()
    if not path.is_file():
        what = "a folder, not a file" if path.is_dir() else "no such file"
        raise ModelError(str(path), what, "give the path of a model file (.yaml, .json, .json.gz)")
    if name.endswith((".json", ".json.gz", ".gz")):
        problem = load_table_model(path)
        return ProductModel(problem, name=problem.name)
    return _YamlModel(path, collect).load()


class _YamlModel:
    def __init__(self, path: Path, collect: bool) -> None:
        self.path = path
        self.file = str(path)
        self.collect = collect
        self.errors: list[ModelError] = []
        self.variables: list[Variable] = []
        self.names = Names()
        self.value_where: dict[tuple[str, Value], Location] = {}
        self.groups: dict[str, list[str]] = {}
        self.rules: list[Rule] = []
        self.alerts: list[Alert] = []

    def at(self, line: int) -> Location:
        return Location(self.file, line)

    def error(self, line: int, problem: str, fix: str) -> None:
        error = ModelError(self.at(line), problem, fix)
        if not self.collect:
            raise error
        self.errors.append(error)

    def load(self) -> ProductModel:
        try:
            doc = read_yaml(self.path)
        except YamlSourceError as error:
            raise model_error_from_yaml(error) from None
        if not isinstance(doc, LineDict):
            raise ModelError(
                self.at(1),
                "the model is not a mapping",
                f"start with 'format: {FORMAT}' and 'groups:'",
            )
        if doc.get("format") != FORMAT:
            self.error(
                doc.line_of("format"),
                f"format is {doc.get('format')!r}",
                f"write 'format: {FORMAT}' at the top",
            )
        for key in doc:
            if key not in (
                "format",
                "sku",
                "name",
                "currency",
                "groups",
                "attributes",
                "rules",
                "description",
            ):
                self.error(
                    doc.line_of(key),
                    f"unknown top-level key {key!r}",
                    "use format, sku, name, currency, groups, attributes, rules",
                )
        groups = doc.get("groups") or LineDict()
        attributes = doc.get("attributes") or LineDict()
        for section, items in (("groups", groups), ("attributes", attributes)):
            if not isinstance(items, LineDict):
                self.error(
                    doc.line_of(section),
                    f"{section} is not a mapping",
                    f"write {section}: followed by indented names",
                )
                continue
            for gname, spec in items.items():
                line = items.line_of(gname)
                if not IDENT.match(gname):
                    self.error(
                        line,
                        f"name {gname!r} is not lower_snake_case",
                        "use letters, digits and _ only, starting with a letter",
                    )
                    continue
                if gname in self.names.known():
                    self.error(line, f"{gname!r} is declared twice", "rename one of them")
                    continue
                if not isinstance(spec, LineDict):
                    self.error(line, f"{gname} has no settings", "give it kind: and options:")
                    continue
                try:
                    if section == "groups":
                        self.group(gname, spec, line)
                    else:
                        self.attribute(gname, spec, line)
                except ModelError as error:
                    if not self.collect:
                        raise
                    self.errors.append(error)
        problem = Problem(
            str(doc.get("name", self.path.stem)),
            self.variables,
            [],
            source=self.file,
            currency=str(doc.get("currency", "")),
        )
        rules = doc.get("rules") or LineList()
        if not isinstance(rules, list):
            self.error(
                doc.line_of("rules"), "rules is not a list", "write each rule as '- name: ...'"
            )
            rules = []
        seen: set[str] = set()
        for n, spec in enumerate(rules):
            line = rules.item_lines[n] if isinstance(rules, LineList) else 0
            try:
                self.rule(spec, line, seen, problem)
            except ModelError as error:
                if not self.collect:
                    raise
                self.errors.append(error)
        problem.rules = self.rules
        return ProductModel(
            problem,
            sku=str(doc.get("sku", "")),
            name=problem.name,
            currency=problem.currency,
            alerts=self.alerts,
            value_where=self.value_where,
            groups=self.groups,
            errors=self.errors,
        )

    # declarations ---------------------------------------------------------------------------

    def price(self, spec: LineDict, key: str = "price") -> Decimal:
        raw = spec.get(key, 0)
        if isinstance(raw, bool) or not isinstance(raw, int | str | Decimal):
            raise ModelError(
                self.at(spec.line_of(key)),
                f"{key} {raw!r} is not an amount",
                'write it as a quoted decimal, e.g. price: "1250.00"',
            )
        try:
            return Decimal(str(raw))
        except ArithmeticError:
            raise ModelError(
                self.at(spec.line_of(key)),
                f"{key} {raw!r} is not an amount",
                'write it as a quoted decimal, e.g. price: "1250.00"',
            ) from None

    def group(self, gname: str, spec: LineDict, where: int) -> None:
        kind = spec.get("kind", "one")
        options = spec.get("options")
        if not isinstance(options, LineDict) or not options:
            raise ModelError(
                self.at(spec.line),
                f"group {gname} has no options",
                "add options: with at least one option id",
            )
        label = str(spec.get("label", gname))
        if kind == "one":
            values: list[Value] = []
            labels, prices, attrs = [], [], []
            for oid, ospec in options.items():
                ospec = ospec if isinstance(ospec, LineDict) else LineDict()
                values.append(str(oid))
                labels.append(str(ospec.get("label", oid)))
                prices.append(self.price(ospec))
                attrs.append(dict(ospec.get("attrs") or {}))
                self.value_where[(gname, str(oid))] = self.at(options.line_of(oid))
            if spec.get("optional"):
                values.append("none")
                labels.append(str(spec.get("none_label", "None")))
                prices.append(Decimal(0))
                attrs.append({})
                self.value_where[(gname, "none")] = self.at(spec.line_of("optional"))
            default = spec.get("default")
            if default is not None and str(default) not in values:
                raise ModelError(
                    self.at(spec.line_of("default")),
                    f"default {default!r} is not an option of {gname}",
                    f"use one of {values}",
                )
            self.names.ones[gname] = OneGroup(len(self.variables), tuple(values), attrs)
            self.variables.append(
                Variable(
                    gname,
                    tuple(values),
                    label,
                    tuple(labels),
                    str(default) if default is not None else None,
                    tuple(prices),
                    self.at(where),
                )
            )
            self.groups[gname] = [gname]
        elif kind == "many":
            many = ManyGroup([])
            members = []
            for oid, ospec in options.items():
                ospec = ospec if isinstance(ospec, LineDict) else LineDict()
                line = options.line_of(oid)
                if not IDENT.match(str(oid)):
                    raise ModelError(
                        self.at(line),
                        f"option id {oid!r} of a many-group is not lower_snake_case",
                        "rules refer to it as group.option: use letters, digits and _",
                    )
                max_qty = ospec.get("max_qty", 1)
                if (
                    not isinstance(max_qty, int)
                    or isinstance(max_qty, bool)
                    or not 1 <= max_qty <= 64
                ):
                    raise ModelError(
                        self.at(ospec.line_of("max_qty")),
                        f"max_qty {max_qty!r} of {gname}.{oid} is out of range",
                        "use a whole number from 1 to 64",
                    )
                unit = self.price(ospec)
                name = f"{gname}.{oid}"
                default = ospec.get("default_qty")
                if default is not None and default not in range(max_qty + 1):
                    raise ModelError(
                        self.at(ospec.line_of("default_qty")),
                        f"default_qty {default!r} is outside 0..{max_qty}",
                        "use a quantity the option allows",
                    )
                qtys = tuple(range(max_qty + 1))
                self.variables.append(
                    Variable(
                        name,
                        qtys,
                        f"{label}: {ospec.get('label', oid)}",
                        tuple("none" if q == 0 else f"{q} ×" for q in qtys),
                        default if default is not None else 0,
                        tuple(unit * q for q in qtys),
                        self.at(line),
                    )
                )
                for q in qtys:
                    self.value_where[(name, q)] = self.at(line)
                many.options.append(
                    (str(oid), len(self.variables) - 1, dict(ospec.get("attrs") or {}))
                )
                members.append(name)
            self.names.manys[gname] = many
            self.groups[gname] = members
            low, high = spec.get("min", 0), spec.get("max", len(members))
            if not (isinstance(low, int) and isinstance(high, int) and 0 <= low <= high):
                raise ModelError(
                    self.at(spec.line),
                    f"min/max of {gname} are {low!r}/{high!r}",
                    "use whole numbers with 0 <= min <= max",
                )
            if low > 0 or high < len(members):
                text = f"{low} <= count({gname}) and count({gname}) <= {high}"
                self.add_rule(
                    f"{gname}-count",
                    text,
                    f"Pick {low} to {high} kinds of {label}.",
                    spec.line,
                    "constraint",
                )
        else:
            raise ModelError(
                self.at(spec.line_of("kind")),
                f"unknown group kind {kind!r}",
                "use kind: one (pick one option) or kind: many (quantities)",
            )

    def attribute(self, name: str, spec: LineDict, where: int) -> None:
        kind = spec.get("kind")
        line = spec.line
        label = str(spec.get("label", name))
        if kind == "int":
            if "values" in spec:
                values = tuple(spec["values"])
            else:
                low, high, step = spec.get("min"), spec.get("max"), spec.get("step", 1)
                if (
                    not all(
                        isinstance(x, int) and not isinstance(x, bool) for x in (low, high, step)
                    )
                    or step < 1
                    or low > high
                ):
                    raise ModelError(
                        self.at(line),
                        f"int attribute {name} needs min <= max and step >= 1",
                        "write min: 16, max: 1024, step: 16",
                    )
                values = tuple(range(low, high + 1, step))
            if len(values) > 256:
                raise ModelError(
                    self.at(line),
                    f"{name} has {len(values)} values",
                    "keep a bounded integer to 256 values: raise the step or list the values",
                )
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in values):
                raise ModelError(
                    self.at(line),
                    f"values of {name} are not all whole numbers",
                    "list whole numbers, e.g. values: [32, 64, 128]",
                )
            self.names.scalars[name] = len(self.variables)
        elif kind == "bool":
            values = (False, True)
            self.names.scalars[name] = len(self.variables)
        elif kind == "enum":
            raw = spec.get("values")
            if not isinstance(raw, list) or not raw:
                raise ModelError(
                    self.at(line), f"enum {name} has no values", "write values: [a, b, c]"
                )
            values = tuple(str(x) for x in raw)
            self.names.ones[name] = OneGroup(len(self.variables), values, [{} for _ in values])
        else:
            raise ModelError(
                self.at(spec.line_of("kind")),
                f"unknown attribute kind {kind!r}",
                "use kind: int, bool or enum",
            )
        default = spec.get("default")
        if default is not None:
            typed = str(default) if kind == "enum" else default
            if typed not in values or (kind == "int" and isinstance(typed, bool)):
                raise ModelError(
                    self.at(spec.line_of("default")),
                    f"default {default!r} is not a value of {name}",
                    f"use one of {list(values)[:10]}",
                )
            default = typed
        prices = ()
        if "price_per_unit" in spec and kind == "int":
            unit = self.price(spec, "price_per_unit")
            prices = tuple(unit * v for v in values)
        self.variables.append(Variable(name, values, label, (), default, prices, self.at(where)))
        for value in values:
            self.value_where[(name, value)] = self.at(where)
        self.groups[name] = [name]

    # rules ----------------------------------------------------------------------------------

    def rule(self, spec: Any, line: int, seen: set[str], problem: Problem) -> None:
        if not isinstance(spec, LineDict):
            raise ModelError(
                self.at(line),
                "a rule is not a mapping",
                "write '- name: ...' followed by one of " + ", ".join(RULE_KINDS),
            )
        name = str(spec.get("name", f"rule-{line}"))
        if name in seen:
            raise ModelError(
                self.at(spec.line_of("name")),
                f"rule name {name!r} is used twice",
                "give every rule its own name",
            )
        seen.add(name)
        kinds = [k for k in RULE_KINDS if k in spec]
        if len(kinds) != 1:
            raise ModelError(
                self.at(spec.line),
                f"rule {name} has {kinds or 'no'} kind keys",
                f"give exactly one of {', '.join(RULE_KINDS)}",
            )
        kind = kinds[0]
        message = str(spec.get("message", ""))
        kline = spec.line_of(kind)
        if kind == "constraint":
            self.add_rule(name, spec[kind], message, kline, kind)
        elif kind == "requires":
            if "then" not in spec:
                raise ModelError(
                    self.at(kline),
                    f"rule {name}: requires without then",
                    "write requires: <condition> and then: <what it needs>",
                )
            self.add_rule(name, f"({spec[kind]}) -> ({spec['then']})", message, kline, kind)
        elif kind == "excludes":
            items = spec[kind]
            if not isinstance(items, list) or len(items) < 2:
                raise ModelError(
                    self.at(kline),
                    f"rule {name}: excludes needs two or more conditions",
                    'write excludes: [a == "x", b == "y"]',
                )
            text = "not (" + " and ".join(f"({c})" for c in items) + ")"
            self.add_rule(name, text, message, kline, kind)
        elif kind == "select":
            target = spec[kind]
            if not isinstance(target, LineDict) or len(target) != 1:
                raise ModelError(
                    self.at(kline),
                    f"rule {name}: select needs one target",
                    "write select: {rails: sliding_rails} or {accessories.rail_kit: 1}",
                )
            ((var, value),) = target.items()
            when = spec.get("when")
            if when is None:
                raise ModelError(
                    self.at(kline),
                    f"rule {name}: select without when",
                    "write when: <condition under which it is added>",
                )
            if "." in var:
                goal = f"{var} >= {value}"
            elif var in self.names.ones:
                goal = f"{var} == {str(value)!r}"
            else:
                goal = f"{var} == {value!r}"
            self.add_rule(name, f"({when}) -> ({goal})", message, kline, kind)
        elif kind == "table":
            self.table_rule(name, spec[kind], message, kline, problem)
        elif kind == "alert":
            if "when" not in spec:
                raise ModelError(
                    self.at(kline),
                    f"rule {name}: alert without when",
                    "write when: <condition under which the rep sees the alert>",
                )
            compiled = self.compile(name, spec["when"], kline)
            self.alerts.append(Alert(name, str(spec[kind]), compiled, self.at(kline)))

    def compile(self, name: str, text: Any, line: int) -> Compiled:
        try:
            return compile_expression(str(text), self.names)
        except ExpressionError as error:
            raise ModelError(self.at(line), f"rule {name}: {error.problem}", error.fix) from None

    def add_rule(self, name: str, text: Any, message: str, line: int, kind: str) -> None:
        compiled = self.compile(name, text, line)
        scope = sorted(compiled.scope)
        domains = [self.variables[v].values for v in scope]
        combos = 1
        for d in domains:
            combos *= len(d)
        if combos > MAX_COMBINATIONS:
            raise ModelError(
                self.at(line),
                f"rule {name} ranges over {combos:,} combinations of {len(scope)} variables",
                "split it into smaller rules or give the quantities lower max_qty",
            )
        env: list[Any] = [None] * len(self.variables)
        rows = []
        for combo in itertools.product(*[range(len(d)) for d in domains]):
            for v, i in zip(scope, combo, strict=True):
                env[v] = self.variables[v].values[i]
            try:
                if compiled.fn(env):
                    rows.append(combo)
            except TypeError as error:
                raise ModelError(
                    self.at(line),
                    f"rule {name} mixes kinds of values ({error})",
                    "compare numbers with numbers and text with text",
                ) from None
        self.rules.append(
            Rule(name, message, (Table(tuple(scope), tuple(rows)),), self.at(line), kind)
        )

    def table_rule(self, name: str, spec: Any, message: str, line: int, problem: Problem) -> None:
        if not isinstance(spec, LineDict) or "scope" not in spec:
            raise ModelError(
                self.at(line),
                f"rule {name}: table needs scope",
                "write table: {scope: [cpu, chassis], allowed: [[...]]} or file:",
            )
        scope_names = [str(s) for s in spec["scope"]]
        scope = []
        for s in scope_names:
            if s not in problem.by_name:
                raise ModelError(
                    self.at(spec.line_of("scope")),
                    f"rule {name}: unknown variable {s!r} in scope",
                    f"use one of {sorted(problem.by_name)}",
                )
            scope.append(problem.by_name[s])
        if "file" in spec:
            rows_text, where = self.read_rows(spec, scope_names)
        else:
            allowed = spec.get("allowed")
            if not isinstance(allowed, LineList):
                raise ModelError(
                    self.at(spec.line),
                    f"rule {name}: table has no allowed rows",
                    "add allowed: [[...], ...] or file: combos.csv",
                )
            rows_text = [list(r) for r in allowed]
            where = [self.at(n) for n in allowed.item_lines]
        rows: set[tuple[int, ...]] = set()
        for row, at in zip(rows_text, where, strict=True):
            if len(row) != len(scope):
                raise ModelError(
                    at,
                    f"rule {name}: row {row} has {len(row)} values for "
                    f"{len(scope)} scope variables",
                    "give one value per variable",
                )
            options = []
            for v, cell in zip(scope, row, strict=True):
                variable = self.variables[v]
                if cell is None or cell == "*":
                    options.append(range(len(variable.values)))
                    continue
                match = [i for i, x in enumerate(variable.values) if str(x) == str(cell)]
                if not match:
                    raise ModelError(
                        at,
                        f"rule {name}: {cell!r} is not a value of {variable.name}",
                        f"use one of {list(variable.values)[:10]}",
                    )
                options.append(match)
            rows.update(itertools.product(*options))
        self.rules.append(
            Rule(name, message, (Table(tuple(scope), tuple(sorted(rows))),), self.at(line), "table")
        )

    def read_rows(self, spec: LineDict, scope: list[str]) -> tuple[list[list[Any]], list[Location]]:
        """Rows from a CSV (header = scope names) or JSON list exported by a PLM/ERP system."""
        path = (self.path.parent / str(spec["file"])).resolve()
        if not path.is_file():
            raise ModelError(
                self.at(spec.line_of("file")),
                f"table file {spec['file']} not found",
                f"put it next to the model (looked for {path})",
            )
        if path.suffix.lower() == ".csv":
            with path.open(newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                header = [h.strip() for h in next(reader, [])]
                if header != scope:
                    raise ModelError(
                        Location(str(path), 1),
                        f"header {header} differs from the scope {scope}",
                        "make the first line the scope names",
                    )
                rows, where = [], []
                for row in reader:
                    if row:
                        rows.append([c.strip() for c in row])
                        where.append(Location(str(path), reader.line_num))
                return rows, where
        from dealkit.engine.configurator.table_format import read_json_document

        data = read_json_document(path)
        if not isinstance(data, list):
            raise ModelError(
                str(path),
                "a table JSON file must be a list of rows",
                'write [["gold_6430", "r7_2u"], ...]',
            )
        return data, [Location(str(path))] * len(data)
