"""Commission plans shipped with the demo: every ``plans/*.yaml`` file, stored whole.

The commissions engine owns the plan format, so it reads the plan here: a broken plan stops the
demo with file:line and the fix rather than failing a later calculation. The demo keeps the
header fields the ``commission_plans`` table indexes (code, version, name, effective dates) and
the full text as the plan's source, so that the engine parses exactly what the file says.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dealkit.engine.commissions.errors import PlanError
from dealkit.engine.commissions.plan_loader import load_plan_text
from dealkit.engine.demo.errors import DemoDataError


@dataclass(frozen=True)
class PlanSource:
    path: Path
    code: str
    version: int
    name: str
    effective_from: date
    effective_to: date | None
    text: str


def parse_plan(path: Path) -> PlanSource:
    text = path.read_text(encoding="utf-8")
    try:
        plan = load_plan_text(text, str(path))
    except PlanError as error:
        problem = f"{error.field}: {error.problem}" if error.field else error.problem
        raise DemoDataError(path, problem, error.fix, error.line) from None
    return PlanSource(
        path=path,
        code=plan.code,
        version=plan.version,
        name=plan.name,
        effective_from=plan.effective_from,
        effective_to=plan.effective_to,
        text=text,
    )


def parse_plans(folder: Path) -> list[PlanSource]:
    plans = [parse_plan(path) for path in sorted(folder.glob("*.yaml"))]
    seen: dict[tuple[str, int], Path] = {}
    for plan in plans:
        key = (plan.code, plan.version)
        if key in seen:
            raise DemoDataError(
                plan.path,
                f"plan {plan.code} version {plan.version} is also defined in {seen[key].name}",
                "give each plan version its own 'version' number",
            )
        seen[key] = plan.path
    return plans
