"""The Commissions page's background work: raise a question on a line, write a statement PDF.

Both run on the task runner's threads (they read files, write the store and render PDFs), open
their own sessions, and return plain values for the page to show. Failures a rep can cause (an
attachment that cannot be read, a folder that cannot be written) raise ``ActionError`` with a
message that names the file and the way out.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dealkit.desktop.commission_summary import ComponentLine
from dealkit.engine.workspace import Workspace


class ActionError(Exception):
    pass


def raise_question(
    workspace: Workspace,
    *,
    participant: str,
    plan_code: str,
    period: str,
    line: ComponentLine,
    reason: str,
    message: str,
    attachment: Path | None = None,
) -> str:
    """Keep the question (and its attachment, as a workspace blob) in the store; its id."""
    from dealkit.engine.commissions.disputes import DisputeBook

    if line.source is None:
        raise ActionError(f"the line '{line.name}' cannot be questioned: it has no source line")
    attached = None
    if attachment is not None:
        try:
            attached = (attachment.name, attachment.read_bytes())
        except OSError as error:
            raise ActionError(
                f"{attachment} cannot be read ({error.strerror or error}); attach another file"
            ) from None
    dispute = DisputeBook.for_workspace(workspace).raise_dispute(
        participant=participant,
        plan_code=plan_code,
        period=period,
        line=line.source,
        reason=reason,
        message=message,
        attachment=attached,
    )
    return dispute.id


@dataclass(frozen=True)
class SavedStatement:
    path: Path
    size: int
    period: str


def write_statement_pdf(
    workspace: Workspace, participant: str, period: str, as_of: date, target: Path
) -> SavedStatement:
    """Render the rep's statement for ``period`` (with the questions raised on it) to ``target``.

    The file is written next to the target first and moved into place, so an existing statement
    is never left half-written."""
    from dealkit.engine.commissions.disputes import DisputeBook
    from dealkit.engine.commissions.statement import render_statement_pdf
    from dealkit.engine.commissions.store_source import statement_data

    with workspace.store.session() as session:
        data = statement_data(session, participant, period, as_of)
    questions = [
        d.summary() for d in DisputeBook.for_workspace(workspace).all(participant, period=period)
    ]
    pdf = render_statement_pdf(data.result, data.plan_name, data.details, questions)
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    partial = target.with_name(target.name + ".part")
    try:
        partial.write_bytes(pdf)
        os.replace(partial, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise ActionError(
            f"{target} cannot be written ({error.strerror or error}); choose another folder"
        ) from None
    return SavedStatement(target, len(pdf), data.result.period)
