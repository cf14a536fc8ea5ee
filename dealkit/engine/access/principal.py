"""Who is asking: the signed-in user as the access policy sees them.

The server builds one per request from a bearer token (``dealkit.server.auth``); the engine's
policy (``readable``, ``check_write``) takes it and nothing else, so the same rules can run in
tests, in the sync code and in admin commands without HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealkit.engine.store.models import Role, User, UserRole


@dataclass(frozen=True)
class AuthenticatedUser:
    """A user with their roles and team (the ids of the users whose manager they are)."""

    id: str
    username: str
    roles: frozenset[Role]
    team_ids: frozenset[str] = frozenset()

    def has(self, *roles: Role) -> bool:
        """True when the user holds any of ``roles`` (admins hold every role)."""
        return Role.ADMIN in self.roles or any(role in self.roles for role in roles)

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.roles


def load_principal(session: Session, user: User) -> AuthenticatedUser:
    """The ``AuthenticatedUser`` for a stored user: live roles and direct reports."""
    roles = session.scalars(
        select(UserRole.role).where(UserRole.user_id == user.id, UserRole.deleted.is_(False))
    ).all()
    team = session.scalars(
        select(User.id).where(User.manager_id == user.id, User.deleted.is_(False))
    ).all()
    return AuthenticatedUser(
        id=user.id, username=user.username, roles=frozenset(roles), team_ids=frozenset(team)
    )
