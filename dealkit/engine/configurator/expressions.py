"""Rule expressions: booleans and linear integer arithmetic over a model's names.

Grammar (Python's own expression syntax, parsed with ``ast`` and only these forms allowed):
``and or not``, ``A -> B`` (implication, lowest precedence), comparisons ``== != < <= > >=``,
``in [..]``, ``+ - *``, numbers, "strings", ``true``/``false``, names of choices and attributes,
``group.attr`` (the attribute of the option chosen in a single-choice group), ``group.option``
(the quantity of one option of a multiple-choice group), and over a multiple-choice group
``sum(group.attr * group.qty)``, ``count(group)`` (options picked) and ``total(group)``
(quantity of all options).

An expression compiles to a closure over the values of the variables it reads; the model loader
enumerates those variables' combinations into an allowed-rows table, so every rule ends up in
the one finite-domain form the engine reasons on.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

Env = list[Any]
Fn = Callable[[Env], Any]


class ExpressionError(ValueError):
    """Bad expression; ``fix`` tells the author what to write instead."""

    def __init__(self, problem: str, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(problem)


@dataclass(slots=True)
class OneGroup:
    var: int
    values: tuple[Any, ...]
    attrs: list[dict[str, Any]]  # per value index


@dataclass(slots=True)
class ManyGroup:
    options: list[tuple[str, int, dict[str, Any]]]  # (option id, qty variable, attrs)


@dataclass(slots=True)
class Names:
    """What names an expression may use: scalars, single- and multiple-choice groups."""

    scalars: dict[str, int] = field(default_factory=dict)
    ones: dict[str, OneGroup] = field(default_factory=dict)
    manys: dict[str, ManyGroup] = field(default_factory=dict)

    def known(self) -> list[str]:
        return sorted([*self.scalars, *self.ones, *self.manys])


@dataclass(slots=True)
class Compiled:
    text: str
    scope: frozenset[int]
    fn: Fn


def split_implication(text: str) -> list[str]:
    """Split at top-level ``->`` (outside brackets and quotes); right-associative."""
    parts, depth, quote, start, n = [], 0, "", 0, 0
    while n < len(text):
        ch = text[n]
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "-" and text[n + 1 : n + 2] == ">" and depth == 0:
            parts.append(text[start:n])
            start = n + 2
            n += 1
        n += 1
    parts.append(text[start:])
    return parts


def compile_expression(text: str, names: Names) -> Compiled:
    pieces = split_implication(str(text))
    if any(not p.strip() for p in pieces):
        raise ExpressionError(
            f"'->' needs a condition on both sides in {text!r}",
            'write A -> B, e.g. cpu == "gold-6430" -> ram_gb >= 64',
        )
    compiled = [_compile_piece(p.strip(), names) for p in pieces]
    while len(compiled) > 1:
        right = compiled.pop()
        left = compiled.pop()
        lf, rf = left.fn, right.fn
        compiled.append(
            Compiled(
                f"{left.text} -> {right.text}",
                left.scope | right.scope,
                lambda env, lf=lf, rf=rf: (not lf(env)) or bool(rf(env)),
            )
        )
    result = compiled[0]
    return Compiled(str(text), result.scope, result.fn)


def _compile_piece(text: str, names: Names) -> Compiled:
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as error:
        raise ExpressionError(
            f"cannot read {text!r}: {error.msg}",
            'write e.g. ram_gb >= 64 and chassis.form == "rack"',
        ) from None
    builder = _Builder(text, names)
    fn = builder.build(tree.body)
    return Compiled(text, frozenset(builder.scope), fn)


class _Builder:
    def __init__(self, text: str, names: Names) -> None:
        self.text = text
        self.names = names
        self.scope: set[int] = set()
        self.group_item: tuple[str, int] | None = None  # inside sum(): (group, option number)

    def fail(self, node: ast.AST, problem: str, fix: str) -> ExpressionError:
        piece = ast.get_source_segment(self.text, node) or self.text
        return ExpressionError(f"{problem} in {piece!r}", fix)

    def build(self, node: ast.AST) -> Fn:
        method = getattr(self, f"_{type(node).__name__}", None)
        if method is None:
            raise self.fail(
                node,
                f"{type(node).__name__} is not allowed",
                "use and/or/not, comparisons, + - *, sum(), count(), total()",
            )
        return method(node)

    def _Constant(self, node: ast.Constant) -> Fn:
        value = node.value
        if isinstance(value, float):
            value = Decimal(ast.get_source_segment(self.text, node) or repr(value))
        elif not isinstance(value, str | int | bool):
            raise self.fail(node, "unsupported literal", 'use numbers or "text"')
        return lambda env, value=value: value

    def _Name(self, node: ast.Name) -> Fn:
        name = node.id
        if name in ("true", "True"):
            return lambda env: True
        if name in ("false", "False"):
            return lambda env: False
        if name in self.names.scalars:
            v = self.names.scalars[name]
            self.scope.add(v)
            return lambda env, v=v: env[v]
        if name in self.names.ones:
            v = self.names.ones[name].var
            self.scope.add(v)
            return lambda env, v=v: env[v]
        if name in self.names.manys:
            raise self.fail(
                node,
                f"{name} is a multiple-choice group",
                f"use count({name}), total({name}) or {name}.<option>",
            )
        raise self.fail(
            node,
            f"unknown name {name!r}",
            f"use one of {', '.join(self.names.known()) or '(no names declared)'}",
        )

    def _Attribute(self, node: ast.Attribute) -> Fn:
        if not isinstance(node.value, ast.Name):
            raise self.fail(node, "only group.attribute is allowed", "write e.g. chassis.max_tb")
        group, attr = node.value.id, node.attr
        if group in self.names.ones:
            one = self.names.ones[group]
            if not any(attr in a for a in one.attrs):
                have = sorted({k for a in one.attrs for k in a})
                raise self.fail(
                    node,
                    f"no option of {group} has attribute {attr!r}",
                    f"add attrs: {{{attr}: ...}} to its options, or use one of {have}",
                )
            self.scope.add(one.var)
            table = [a.get(attr, 0) for a in one.attrs]
            return lambda env, v=one.var, table=table, values=one.values: table[
                values.index(env[v])
            ]
        if group in self.names.manys:
            many = self.names.manys[group]
            if self.group_item is not None and self.group_item[0] == group:
                k = self.group_item[1]
                option_id, qty_var, attrs = many.options[k]
                if attr == "qty":
                    self.scope.add(qty_var)
                    return lambda env, v=qty_var: env[v]
                if not any(attr in a for _, _, a in many.options):
                    raise self.fail(
                        node,
                        f"no option of {group} has attribute {attr!r}",
                        f"add attrs: {{{attr}: ...}} to the options of {group}",
                    )
                value = attrs.get(attr, 0)
                return lambda env, value=value: value
            for option_id, qty_var, _ in many.options:
                if option_id == attr:
                    self.scope.add(qty_var)
                    return lambda env, v=qty_var: env[v]
            raise self.fail(
                node,
                f"{group} has no option {attr!r}",
                f"use one of {[o for o, _, _ in many.options]}, or "
                f"sum({group}.<attr> * {group}.qty) for an attribute",
            )
        raise self.fail(
            node, f"unknown group {group!r}", f"use one of {', '.join(self.names.known())}"
        )

    def _Call(self, node: ast.Call) -> Fn:
        if not isinstance(node.func, ast.Name) or node.keywords or len(node.args) != 1:
            raise self.fail(node, "unknown function call", "use sum(...), count(g) or total(g)")
        func = node.func.id
        arg = node.args[0]
        if func in ("count", "total"):
            if not isinstance(arg, ast.Name) or arg.id not in self.names.manys:
                raise self.fail(
                    node,
                    f"{func}() takes a multiple-choice group",
                    f"write {func}(<group>) with one of {sorted(self.names.manys)}",
                )
            qty_vars = [q for _, q, _ in self.names.manys[arg.id].options]
            self.scope.update(qty_vars)
            if func == "count":
                return lambda env, qs=qty_vars: sum(1 for q in qs if env[q])
            return lambda env, qs=qty_vars: sum(env[q] for q in qs)
        if func != "sum":
            raise self.fail(node, f"unknown function {func}()", "use sum, count or total")
        groups = {
            n.value.id
            for n in ast.walk(arg)
            if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name)
            and n.value.id in self.names.manys
        }
        if len(groups) != 1:
            raise self.fail(
                node,
                "sum() must range over exactly one multiple-choice group",
                "write e.g. sum(drives.capacity_tb * drives.qty)",
            )
        group = groups.pop()
        terms: list[Fn] = []
        outer = self.group_item
        for k in range(len(self.names.manys[group].options)):
            self.group_item = (group, k)
            terms.append(self.build(arg))
        self.group_item = outer
        return lambda env, terms=terms: sum(t(env) for t in terms)

    def _BoolOp(self, node: ast.BoolOp) -> Fn:
        parts = [self.build(v) for v in node.values]
        if isinstance(node.op, ast.And):
            return lambda env, parts=parts: all(p(env) for p in parts)
        return lambda env, parts=parts: any(p(env) for p in parts)

    def _UnaryOp(self, node: ast.UnaryOp) -> Fn:
        inner = self.build(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda env: not inner(env)
        if isinstance(node.op, ast.USub):
            return lambda env: -inner(env)
        raise self.fail(node, "unsupported unary operator", "use not or -")

    def _BinOp(self, node: ast.BinOp) -> Fn:
        left, right = self.build(node.left), self.build(node.right)
        if isinstance(node.op, ast.Add):
            return lambda env: left(env) + right(env)
        if isinstance(node.op, ast.Sub):
            return lambda env: left(env) - right(env)
        if isinstance(node.op, ast.Mult):
            return lambda env: left(env) * right(env)
        raise self.fail(
            node,
            "only + - * are allowed (linear arithmetic)",
            "rewrite without division, e.g. 2 * a <= b instead of a <= b / 2",
        )

    def _Compare(self, node: ast.Compare) -> Fn:
        ops = {
            ast.Eq: lambda a, b: a == b,
            ast.NotEq: lambda a, b: a != b,
            ast.Lt: lambda a, b: a < b,
            ast.LtE: lambda a, b: a <= b,
            ast.Gt: lambda a, b: a > b,
            ast.GtE: lambda a, b: a >= b,
            ast.In: lambda a, b: a in b,
            ast.NotIn: lambda a, b: a not in b,
        }
        fns = [self.build(node.left)]
        tests = []
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            if type(op) not in ops:
                raise self.fail(node, "unsupported comparison", "use == != < <= > >= in")
            tests.append(ops[type(op)])
            if isinstance(op, ast.In | ast.NotIn):
                if not isinstance(comparator, ast.List | ast.Tuple | ast.Set):
                    raise self.fail(node, "'in' needs a list", 'write x in ["a", "b"]')
                items = [self.build(e) for e in comparator.elts]
                fns.append(lambda env, items=items: {i(env) for i in items})
            else:
                fns.append(self.build(comparator))

        def compare(env: Env) -> bool:
            values = [f(env) for f in fns]
            return all(t(values[n], values[n + 1]) for n, t in enumerate(tests))

        self._check_literals(node)
        return compare

    def _check_literals(self, node: ast.Compare) -> None:
        """``chassis == "2u-typo"`` would silently never hold: name the valid values instead."""
        sides = [node.left, *node.comparators]
        for n, side in enumerate(sides):
            group = side.id if isinstance(side, ast.Name) else None
            if group not in self.names.ones:
                continue
            values = {str(v) for v in self.names.ones[group].values}
            others = [s for m, s in enumerate(sides) if m != n]
            for other in others:
                elements = (
                    other.elts if isinstance(other, ast.List | ast.Tuple | ast.Set) else [other]
                )
                for e in elements:
                    if isinstance(e, ast.Constant) and not isinstance(e.value, str):
                        raise self.fail(
                            e,
                            f"{group} is a choice of text options, compared with {e.value!r}",
                            f'quote the option, e.g. {group} == "{sorted(values)[0]}"',
                        )
                    if (
                        isinstance(e, ast.Constant)
                        and isinstance(e.value, str)
                        and (e.value not in values)
                    ):
                        raise self.fail(
                            e, f"{group} has no option {e.value!r}", f"use one of {sorted(values)}"
                        )
