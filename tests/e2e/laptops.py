"""Laptops for the end-to-end flows: a workspace signed in as one person, syncing with a real
server the way the desktop and ``dealkit sync`` do (``SyncClient`` over HTTP)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from dealkit.engine.access import AuthenticatedUser, load_principal
from dealkit.engine.approvals.decisions import RefusedDecision, settle_refused
from dealkit.engine.store.database import Store
from dealkit.engine.store.models import Quote, User
from dealkit.engine.sync.client import SyncClient, SyncReport
from dealkit.engine.workspace import Workspace
from tests.helpers.sync import token_for

CURRENT_USER_KEY = "current_user_id"


@dataclass
class Laptop:
    """One person's workspace, signed in to ``url``."""

    username: str
    workspace: Workspace
    url: str
    token: str
    refused: list[RefusedDecision] | None = None

    def sync(self) -> SyncReport:
        client = SyncClient(self.workspace, self.url, self.token)
        try:
            report = client.sync()
        finally:
            client.transport.close()
        with self.workspace.store.session() as session, session.begin():
            self.refused = settle_refused(session)
            user = session.scalars(select(User).where(User.username == self.username)).one()
        self.workspace.set_info(CURRENT_USER_KEY, user.id)
        return report

    def principal(self) -> AuthenticatedUser:
        with self.workspace.store.session() as session:
            user = session.scalars(select(User).where(User.username == self.username)).one()
            return load_principal(session, user)

    def quote(self, number: str) -> Quote:
        with self.workspace.store.session() as session:
            return session.scalars(
                select(Quote).where(Quote.number == number).order_by(Quote.version.desc())
            ).first()


def open_laptop(root: Path, store: Store, url: str, username: str) -> Laptop:
    return Laptop(username, Workspace.open(root), url, token_for(store, username))
