"""What the Terms, Review and Proposal step tests share: a real desktop context over the demo
workspace, and a draft of a demo quote priced by the engine (as the Price step publishes it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dealkit.desktop.context import DesktopContext
from dealkit.desktop.i18n import LanguageManager
from dealkit.desktop.library_service import LibraryService
from dealkit.desktop.quote_wizard.draft import QuoteDraft
from dealkit.desktop.settings import AppSettings
from dealkit.desktop.tasks import TaskRunner
from dealkit.engine.pricing.rules import PriceRules
from dealkit.engine.quotes import quote_from_data
from dealkit.engine.quotes.document import QuoteDocument
from dealkit.engine.quotes.pricing import load_quote_catalog, price_document
from dealkit.engine.workspace import Workspace


@pytest.fixture
def step_context(demo_workspace: Workspace, tmp_path: Path) -> Iterator[DesktopContext]:
    tasks = TaskRunner()
    context = DesktopContext(
        demo_workspace,
        tasks,
        LanguageManager(),
        AppSettings.in_file(str(tmp_path / "settings" / "dealkit.ini")),
        LibraryService(demo_workspace, tasks),
    )
    yield context
    tasks.wait_for_done()


def price(workspace: Workspace, doc: QuoteDocument) -> Any:
    with workspace.store.session() as session:
        catalog, facts = load_quote_catalog(session, doc)
    return price_document(doc, catalog, PriceRules(), facts)[1]


def priced_draft(workspace: Workspace, data: dict) -> QuoteDraft:
    """A draft of ``data`` (quote JSON), priced, that re-prices itself after every edit."""
    draft = QuoteDraft(quote_from_data(data))
    draft.set_priced(price(workspace, draft.document))
    draft.changed.connect(lambda doc: draft.set_priced(price(workspace, doc)))
    return draft


def wait_tasks(qtbot: Any, context: DesktopContext, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not context.tasks.busy, timeout=timeout)
