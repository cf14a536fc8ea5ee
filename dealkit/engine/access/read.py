"""What a user may pull: one SQL condition per synced table.

``readable(user, Quote)`` is a ``WHERE`` clause over the model's own columns (a correlated
``EXISTS`` on the parent for child rows), so the server filters in the database and the change
feed can page through it. ``EXISTS`` rather than ``IN (SELECT ...)``: the planner then walks the
feed's ``server_seq`` range and looks each parent up by key, instead of visiting every line of
every quote a rep owns to find the few that changed (SQLite chose the latter: 1.6 ms per pull at
1,000 quotes, growing with the rep's history). A
table without a rule raises ``NoAccessRule``: a new synced table must say who sees it before
it can flow anywhere (tests/engine/access checks every synced model has a rule).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, exists, false, or_, true

from dealkit.engine.access.principal import AuthenticatedUser
from dealkit.engine.store.models import (
    ApprovalDecision,
    CommissionDispute,
    CommissionDisputeMessage,
    CommissionPeriod,
    CommissionPlan,
    CommissionTransaction,
    ContentItem,
    ContentQuiz,
    ContentStatus,
    ContentVersion,
    ContentView,
    Customer,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    QuizAttempt,
    Quote,
    QuoteLine,
    Role,
    User,
    UserRole,
)


class NoAccessRule(LookupError):
    """A table has no read or write rule: add one in dealkit/engine/access before syncing it."""


ReadRule = Callable[[AuthenticatedUser], ColumnElement[bool]]


def _everyone(_user: AuthenticatedUser) -> ColumnElement[bool]:
    return true()


def _people(user: AuthenticatedUser) -> frozenset[str]:
    """The user and, for a manager, their team."""
    if user.has(Role.MANAGER):
        return user.team_ids | {user.id}
    return frozenset({user.id})


def _quotes(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.is_admin:
        return true()
    return Quote.owner_id.in_(sorted(_people(user)))


def _quote_lines(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.is_admin:
        return true()
    return exists().where(Quote.id == QuoteLine.quote_id, _quotes(user))


def _decisions(user: AuthenticatedUser) -> ColumnElement[bool]:
    """Approval decisions: whoever reads the quote (its owner, their manager, admins)."""
    if user.is_admin:
        return true()
    return exists().where(Quote.id == ApprovalDecision.quote_id, _quotes(user))


def _content(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.TRAINER):
        return true()  # trainers see drafts and archived items: they write them
    return or_(ContentItem.status == ContentStatus.PUBLISHED, ContentItem.owner_id == user.id)


def _content_versions(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.TRAINER):
        return true()
    return exists().where(ContentItem.id == ContentVersion.item_id, _content(user))


def _quizzes(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.TRAINER):
        return true()
    return exists().where(ContentItem.id == ContentQuiz.item_id, _content(user))


def _views(user: AuthenticatedUser) -> ColumnElement[bool]:
    """Who opened what: one's own; a manager's team; trainers see all (what is read)."""
    if user.has(Role.TRAINER):
        return true()
    return ContentView.user_id.in_(sorted(_people(user)))


def _attempts(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.TRAINER):
        return true()
    return QuizAttempt.user_id.in_(sorted(_people(user)))


def _transactions(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.COMP_ADMIN):
        return true()
    return CommissionTransaction.rep_id.in_(sorted(_people(user)))


def _periods(user: AuthenticatedUser) -> ColumnElement[bool]:
    """Statements: the participant's own rows (a manager's team too), all for comp admins."""
    if user.has(Role.COMP_ADMIN):
        return true()
    return or_(
        CommissionPeriod.user_id.in_(sorted(_people(user))),
        CommissionPeriod.participant == user.username,
    )


def _disputes(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.COMP_ADMIN):
        return true()
    return or_(
        CommissionDispute.user_id.in_(sorted(_people(user))),
        CommissionDispute.participant == user.username,
    )


def _dispute_messages(user: AuthenticatedUser) -> ColumnElement[bool]:
    if user.has(Role.COMP_ADMIN):
        return true()
    return exists().where(
        CommissionDispute.id == CommissionDisputeMessage.dispute_id, _disputes(user)
    )


# Table name -> rule. The directory of people, customers, the catalog, price books and plans
# flow to everyone (reps read them to quote and to estimate); the rest is scoped.
READ_RULES: dict[str, ReadRule] = {
    User.__tablename__: _everyone,
    UserRole.__tablename__: _everyone,
    Customer.__tablename__: _everyone,
    ProductFamily.__tablename__: _everyone,
    Product.__tablename__: _everyone,
    PriceBook.__tablename__: _everyone,
    PriceBookEntry.__tablename__: _everyone,
    CommissionPlan.__tablename__: _everyone,
    ContentItem.__tablename__: _content,
    ContentVersion.__tablename__: _content_versions,
    ContentQuiz.__tablename__: _quizzes,
    ContentView.__tablename__: _views,
    QuizAttempt.__tablename__: _attempts,
    Quote.__tablename__: _quotes,
    QuoteLine.__tablename__: _quote_lines,
    ApprovalDecision.__tablename__: _decisions,
    CommissionTransaction.__tablename__: _transactions,
    CommissionPeriod.__tablename__: _periods,
    CommissionDispute.__tablename__: _disputes,
    CommissionDisputeMessage.__tablename__: _dispute_messages,
}


def table_name(model: Any) -> str:
    """The table name of a model class, a Table, or a name."""
    if isinstance(model, str):
        return model
    name = getattr(model, "__tablename__", None) or getattr(model, "name", None)
    if not isinstance(name, str):
        raise TypeError(f"not a model or table: {model!r}")
    return name


def readable(user: AuthenticatedUser, model: Any) -> ColumnElement[bool]:
    """The ``WHERE`` clause of the rows of ``model`` that ``user`` may pull.

    ``model`` is a model class (``Quote``), its ``Table`` or its table name. Raises
    ``NoAccessRule`` for a table no rule covers (server-side tables such as credentials never
    flow: they have no rule on purpose).
    """
    name = table_name(model)
    rule = READ_RULES.get(name)
    if rule is None:
        raise NoAccessRule(f"no read rule for table {name!r} (see dealkit/engine/access/read.py)")
    return rule(user)


def nothing() -> ColumnElement[bool]:
    """A clause no row satisfies (for callers that prefer an empty result to an error)."""
    return false()
