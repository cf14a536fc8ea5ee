"""Work out, on a worker thread, why each quote in the approvals queue needs approval.

The answer is the engine's (``dealkit.engine.approvals.saved.check_saved_quote``, the same
function ``dealkit approvals check --number`` calls): the desktop never re-implements a rule.
One session serves the whole queue; a quote that cannot be checked comes back with its problem
as text rather than failing the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dealkit.desktop.quote_rows import QuoteRow
from dealkit.engine.workspace import Workspace

if TYPE_CHECKING:
    from dealkit.engine.approvals.saved import SavedQuoteCheck


def check_queue(workspace: Workspace, rows: Sequence[QuoteRow]) -> dict[str, SavedQuoteCheck]:
    """The approvals check of each row, keyed by the row's quote id (runs off the GUI thread)."""
    from dealkit.engine.approvals.saved import SavedQuoteCheck, check_saved_quote

    checks: dict[str, SavedQuoteCheck] = {}
    with workspace.store.session() as session:
        for row in rows:
            try:
                checks[row.id] = check_saved_quote(session, row.number, row.version)
            except KeyError as error:  # deleted since the queue was read
                checks[row.id] = SavedQuoteCheck(
                    row.number, row.version, row.status.value, None, str(error.args[0])
                )
    return checks
