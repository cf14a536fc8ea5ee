"""``dealkit configure``: the configurator's answers for a model and some choices, headless."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from dealkit.cli.output import UserError, emit


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "configure",
        parents=[common],
        help="show selectable values, explanations and completions for a product model",
        description="Load a product model (YAML, or table JSON / JSON.gz), apply --set choices, "
        "and print consistency, the selectable values of every variable, an explanation and a "
        "completion.",
    )
    parser.add_argument("--model", type=Path, required=True, metavar="FILE")
    parser.add_argument(
        "--set",
        dest="choices",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="a choice (repeat for several)",
    )
    parser.add_argument("--explain", metavar="VAR=VALUE", help="why this value is withheld")
    parser.add_argument(
        "--complete",
        nargs="?",
        const="defaults",
        choices=["defaults", "cheapest"],
        help="fill the open variables (defaults first, or cheapest)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    # Imported here: numpy, CUDD and the SAT solver are not needed to start the window.
    from dealkit.engine.configurator import ChoiceError, ModelError

    try:
        return _run(args)
    except (ModelError, ChoiceError) as error:
        raise UserError(str(error)) from None


def _run(args: argparse.Namespace) -> int:
    from dealkit.engine.configurator import Configurator, complete, load_model, price_of

    started = time.perf_counter()
    model = load_model(args.model)
    problem = model.problem
    choices = problem.parse_choices(args.choices)
    target = problem.parse_choices([args.explain]) if args.explain else None
    configurator = Configurator.prepare(problem, explanations=False)
    prepared = time.perf_counter() - started
    result: dict[str, Any] = {
        "model": model.name or problem.name,
        "sku": model.sku or None,
        "choices": choices,
        "preparation_seconds": round(prepared, 3),
    }
    if not configurator.satisfiable:
        rules = configurator.model_conflict()
        result["consistent"] = False
        result["model_conflict"] = [
            {"name": r.name, "message": r.message, "where": str(r.where)} for r in rules
        ]
        emit(
            args,
            result,
            lambda d: (
                "The model has no valid configuration; these rules "
                "conflict:\n"
                + "\n".join(
                    f"  {r['where']}: {r['name']} {r['message']}" for r in d["model_conflict"]
                )
            ),
        )
        return 1
    answer = configurator.domains(choices)
    result["consistent"] = answer.consistent
    result["domains"] = answer.domains
    if not answer.consistent:
        result["conflict"] = configurator.explain_conflict(choices)
    decided = {name: values[0] for name, values in answer.domains.items() if len(values) == 1}
    decided.update(choices)
    result["alerts"] = [
        {"name": a.name, "message": a.message, "where": str(a.where)}
        for a in model.fired_alerts(decided)
    ]
    if target:
        ((name, value),) = target.items()
        result["explanation"] = configurator.explain(choices, name, value)
    if args.complete:
        completion = complete(configurator, choices, args.complete)
        result["completion"] = completion
        if completion is not None and problem.currency:
            result["completion_options_price"] = {
                "amount": str(price_of(problem, completion)),
                "currency": problem.currency,
            }
    emit(args, result, _text)
    return 0 if answer.consistent else 1


def _text(data: dict[str, Any]) -> str:
    lines = [f"{data['model']}: {'consistent' if data['consistent'] else 'NOT consistent'}"]
    if data.get("conflict"):
        lines.append(f"  conflict: {data['conflict'].text}")
    for name, values in data["domains"].items():
        mark = "*" if name in data["choices"] else " "
        lines.append(f" {mark}{name}: {', '.join(map(str, values)) or '(none)'}")
    for alert in data["alerts"]:
        lines.append(f"  alert: {alert['message']}")
    if "explanation" in data:
        lines.append(f"why: {data['explanation'].text}")
    if "completion" in data:
        completion = data["completion"]
        lines.append(
            "completion: "
            + (
                ", ".join(f"{k}={v}" for k, v in completion.items())
                if completion
                else "(none: the choices conflict)"
            )
        )
    return "\n".join(lines)
