"""Plain words for an approver route: role names a person reads, and where each step stands.

Dealkit keeps no per-step decisions yet (deciding from the window comes with sync), so a step's
state follows from the quote's status: a quote in review waits on its first step, and later
steps wait on the one before; an approved (or sent, won) quote has passed every step.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from dealkit.engine.store.models import QuoteStatus


class StepState(Enum):
    WAITING = "waiting"  # the approvers of this step are asked now
    QUEUED = "queued"  # asked once the step before is approved
    APPROVED = "approved"
    NOT_SUBMITTED = "not_submitted"
    CLOSED = "closed"  # lost or expired: nobody will be asked


def role_label(role: str) -> str:
    """The name of an approver role as people say it; an unknown role shows as written."""
    labels = {
        "manager": QCoreApplication.translate("ApprovalRoute", "Sales manager"),
        "vp_sales": QCoreApplication.translate("ApprovalRoute", "VP of sales"),
        "finance": QCoreApplication.translate("ApprovalRoute", "Finance"),
        "legal": QCoreApplication.translate("ApprovalRoute", "Legal"),
        "deal_desk": QCoreApplication.translate("ApprovalRoute", "Deal desk"),
    }
    return labels.get(role, role.replace("_", " "))


def step_roles(step: tuple[str, ...]) -> str:
    """ "Finance + Legal, in parallel" for a step of several roles, else the one role."""
    names = " + ".join(role_label(role) for role in step)
    if len(step) > 1:
        return QCoreApplication.translate("ApprovalRoute", "%1, in parallel").replace("%1", names)
    return names


def step_states(status: QuoteStatus | str, steps: int) -> list[StepState]:
    """Where each of ``steps`` route steps stands for a quote in ``status``."""
    status = QuoteStatus(status)
    if status in (QuoteStatus.APPROVED, QuoteStatus.SENT, QuoteStatus.WON):
        return [StepState.APPROVED] * steps
    if status is QuoteStatus.IN_REVIEW:
        return [StepState.WAITING] + [StepState.QUEUED] * (steps - 1) if steps else []
    if status is QuoteStatus.DRAFT:
        return [StepState.NOT_SUBMITTED] * steps
    return [StepState.CLOSED] * steps


def state_label(state: StepState, position: int) -> str:
    """``position`` is the 1-based step number (a queued step names the step it waits for)."""
    match state:
        case StepState.WAITING:
            return QCoreApplication.translate("ApprovalRoute", "Waiting for a decision")
        case StepState.QUEUED:
            return QCoreApplication.translate("ApprovalRoute", "Asked after step %1").replace(
                "%1", str(position - 1)
            )
        case StepState.APPROVED:
            return QCoreApplication.translate("ApprovalRoute", "Approved")
        case StepState.NOT_SUBMITTED:
            return QCoreApplication.translate("ApprovalRoute", "Not submitted yet")
        case StepState.CLOSED:
            return QCoreApplication.translate("ApprovalRoute", "Closed, nobody is asked")
