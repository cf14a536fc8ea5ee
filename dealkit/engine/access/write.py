"""Whether a user may make a pushed change: ``check_write`` answers None or the reason why not.

A mutation is judged on the row as the server holds it (``old``, None for an insert) and the
fields the client sets (``new``; a delete is ``{"deleted": True}``). The reasons are plain
sentences the desktop shows next to the rejected change. Rules:

- admins may write anything;
- people and roles: admins only (``dealkit server user add``);
- catalog and price books: admins only (``dealkit server import catalog``); everyone reads them;
- customers: reps, sales engineers and managers create and edit them; deleting is an admin's;
- quotes and their lines: the owner writes their own; nobody approves their own quote; a
  manager approves or sends back (status ``approved`` / ``draft``) a team member's quote that is
  waiting for approval, and changes nothing else of it;
- content: trainers; commission plans, transactions and finalized periods: comp admins;
- disputes: the participant raises one about their own statement; only a comp admin changes
  its status or resolution; messages are appended (never edited) by those who can read the
  dispute, in their own name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from dealkit.engine.access.principal import AuthenticatedUser
from dealkit.engine.access.read import NoAccessRule, table_name
from dealkit.engine.store.models import (
    ApprovalDecision,
    CommissionDispute,
    CommissionDisputeMessage,
    CommissionPeriod,
    CommissionPlan,
    CommissionTransaction,
    ContentItem,
    ContentQuiz,
    ContentVersion,
    ContentView,
    Customer,
    DecisionKind,
    DisputeStatus,
    PriceBook,
    PriceBookEntry,
    Product,
    ProductFamily,
    QuizAttempt,
    Quote,
    QuoteLine,
    QuoteStatus,
    Role,
    User,
    UserRole,
)

# Bookkeeping every write may touch; not a change of substance.
META_FIELDS = frozenset({"id", "created_at", "updated_at", "server_seq"})

Row = Mapping[str, Any] | object | None
WriteRule = Callable[[AuthenticatedUser, Row, Mapping[str, Any], Session | None], str | None]


def field(row: Row, name: str, default: Any = None) -> Any:
    """A column value of a row given as a mapping or as a model instance."""
    if row is None:
        return default
    if isinstance(row, Mapping):
        return row.get(name, default)
    return getattr(row, name, default)


def _value(old: Row, new: Mapping[str, Any], name: str) -> Any:
    """The value after the change: the new field if set, else the stored one."""
    return new[name] if name in new else field(old, name)


def _is_delete(new: Mapping[str, Any]) -> bool:
    return bool(new.get("deleted"))


def _substance(new: Mapping[str, Any]) -> set[str]:
    return set(new) - META_FIELDS


def _status(value: Any) -> str | None:
    return None if value is None else str(getattr(value, "value", value))


def _only(*roles: Role, what: str) -> WriteRule:
    names = " or ".join(r.value.replace("_", " ") + "s" for r in roles)

    def rule(
        user: AuthenticatedUser, _old: Row, _new: Mapping[str, Any], _s: Session | None
    ) -> str | None:
        if user.has(*roles):
            return None
        return f"{what} are written by {names} only"

    return rule


def _admin_only(what: str) -> WriteRule:
    def rule(
        user: AuthenticatedUser, _old: Row, _new: Mapping[str, Any], _s: Session | None
    ) -> str | None:
        return None if user.is_admin else f"{what}; you can read them but not change them"

    return rule


def _customers(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], _s: Session | None
) -> str | None:
    if _is_delete(new) and not user.is_admin:
        return "customers are deleted by an admin only (they may be on other people's quotes)"
    if user.has(Role.REP, Role.SALES_ENGINEER, Role.MANAGER):
        return None
    return "customers are written by reps, sales engineers and managers only"


def _quote_write(user: AuthenticatedUser, old: Row, new: Mapping[str, Any]) -> str | None:
    number = _value(old, new, "number") or "this quote"
    if old is None:
        if not user.has(Role.REP, Role.SALES_ENGINEER, Role.MANAGER):
            return "quotes are created by reps, sales engineers and managers only"
        if new.get("owner_id") != user.id:
            return f"{number}: a new quote's owner_id must be you (the one who creates it)"
        if _status(new.get("status")) == QuoteStatus.APPROVED.value:
            return f"{number}: a quote cannot be created approved; submit it for approval"
        return None
    owner = field(old, "owner_id")
    if "owner_id" in new and new["owner_id"] != owner:
        return f"{number}: the owner of a quote does not change; ask an admin to reassign it"
    before, after = _status(field(old, "status")), _status(new.get("status"))
    approving = after == QuoteStatus.APPROVED.value and before != QuoteStatus.APPROVED.value
    if owner == user.id:
        if approving:
            return f"{number}: you cannot approve your own quote; your manager approves it"
        return None
    if owner in user.team_ids and user.has(Role.MANAGER):
        others = _substance(new) - {"status"}
        if others:
            return (
                f"{number}: a manager approves or sends back a team member's quote and changes "
                f"nothing else ({', '.join(sorted(others))} belong to its owner)"
            )
        if before != QuoteStatus.IN_REVIEW.value:
            return f"{number}: the quote is not waiting for approval (its status is {before})"
        if after not in (QuoteStatus.APPROVED.value, QuoteStatus.DRAFT.value):
            return f"{number}: a manager sets the status to approved or draft (sent back) only"
        return None
    return f"{number}: the quote belongs to someone else; only its owner changes it"


def _quotes(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], _s: Session | None
) -> str | None:
    return None if user.is_admin else _quote_write(user, old, new)


def _quote_lines(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], session: Session | None
) -> str | None:
    if user.is_admin:
        return None
    if old is not None and "quote_id" in new and new["quote_id"] != field(old, "quote_id"):
        return "a quote line does not move to another quote; delete it and add a new one"
    quote_id = _value(old, new, "quote_id")
    if session is None:
        raise ValueError("check_write needs the session to judge a quote line (its quote)")
    quote = session.get(Quote, quote_id) if quote_id else None
    if quote is None or quote.deleted:
        return f"the quote {quote_id} of this line does not exist; push the quote first"
    if quote.owner_id != user.id:
        return f"{quote.number}: the quote belongs to someone else; only its owner changes it"
    return None


def _approval_decisions(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], session: Session | None
) -> str | None:
    """A decision is the quote's status move (approved, or sent back to draft) on the record:
    the quote rule judges the move; on top, nobody decides on their own quote."""
    if old is not None and not user.is_admin:
        return "approval decisions are a record; they are never changed (decide again instead)"
    if new.get("approver_id") != user.id:
        return "a decision is recorded in your own name (approver_id must be you)"
    if session is None:
        raise ValueError("check_write needs the session to judge a decision (its quote)")
    quote = session.get(Quote, new.get("quote_id")) if new.get("quote_id") else None
    if quote is None or quote.deleted:
        return f"the quote {new.get('quote_id')} of this decision does not exist"
    if quote.owner_id == user.id:
        return f"{quote.number}: you cannot decide on your own quote; your manager does"
    approve = _status(new.get("decision")) == DecisionKind.APPROVE.value
    target = QuoteStatus.APPROVED if approve else QuoteStatus.DRAFT
    return _quotes(user, quote, {"status": target.value}, session)


def _disputes(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], _s: Session | None
) -> str | None:
    if user.has(Role.COMP_ADMIN):
        return None
    if old is None:
        own = new.get("user_id") == user.id or (
            new.get("user_id") is None and new.get("participant") == user.username
        )
        if not own:
            return "you can question your own statement lines only (user_id must be you)"
        if _status(new.get("status", DisputeStatus.OPEN)) != DisputeStatus.OPEN.value:
            return "a new dispute is open; only a comp admin reviews or resolves it"
        if new.get("resolution") is not None:
            return "a new dispute has no resolution; only a comp admin resolves it"
        return None
    return "only a comp admin changes a dispute; add a message to it to say more"


def _dispute_messages(
    user: AuthenticatedUser, old: Row, new: Mapping[str, Any], session: Session | None
) -> str | None:
    if old is not None and not user.is_admin:
        return "dispute messages are never edited; add another message instead"
    if user.is_admin:
        return None
    if new.get("author") != user.username:
        return "a dispute message is written in your own name (author must be your username)"
    if user.has(Role.COMP_ADMIN):
        return None
    if session is None:
        raise ValueError("check_write needs the session to judge a dispute message (its dispute)")
    dispute = session.get(CommissionDispute, new.get("dispute_id"))
    if dispute is None or dispute.deleted:
        return f"the dispute {new.get('dispute_id')} does not exist; push the dispute first"
    people = user.team_ids | {user.id} if user.has(Role.MANAGER) else {user.id}
    if dispute.user_id in people or dispute.participant == user.username:
        return None
    return "this dispute is about someone else's statement; you cannot add to it"


def _own_appends(what: str) -> WriteRule:
    """Rows a user appends for themselves (views, quiz attempts): never edited, never for others."""

    def rule(
        user: AuthenticatedUser, old: Row, new: Mapping[str, Any], _s: Session | None
    ) -> str | None:
        if user.is_admin:
            return None
        if old is not None:
            return f"{what} are a record of what happened; they are never changed"
        if new.get("user_id") != user.id:
            return f"{what} are recorded for yourself only (user_id must be you)"
        return None

    return rule


WRITE_RULES: dict[str, WriteRule] = {
    User.__tablename__: _admin_only("people are managed by an admin (dealkit server user add)"),
    UserRole.__tablename__: _admin_only("roles are given by an admin (dealkit server user add)"),
    Customer.__tablename__: _customers,
    ProductFamily.__tablename__: _admin_only("the catalog is written on the server by an admin"),
    Product.__tablename__: _admin_only("the catalog is written on the server by an admin"),
    PriceBook.__tablename__: _admin_only("price books are written on the server by an admin"),
    PriceBookEntry.__tablename__: _admin_only("price books are written on the server by an admin"),
    Quote.__tablename__: _quotes,
    QuoteLine.__tablename__: _quote_lines,
    ApprovalDecision.__tablename__: _approval_decisions,
    ContentItem.__tablename__: _only(Role.TRAINER, what="library content items"),
    ContentVersion.__tablename__: _only(Role.TRAINER, what="library item versions"),
    ContentQuiz.__tablename__: _only(Role.TRAINER, what="quizzes"),
    ContentView.__tablename__: _own_appends("library views"),
    QuizAttempt.__tablename__: _own_appends("quiz attempts"),
    CommissionPlan.__tablename__: _only(Role.COMP_ADMIN, what="commission plans"),
    CommissionTransaction.__tablename__: _only(Role.COMP_ADMIN, what="commission transactions"),
    CommissionPeriod.__tablename__: _only(Role.COMP_ADMIN, what="finalized statements"),
    CommissionDispute.__tablename__: _disputes,
    CommissionDisputeMessage.__tablename__: _dispute_messages,
}


def check_write(
    user: AuthenticatedUser,
    table: Any,
    old: Row,
    new: Mapping[str, Any],
    *,
    session: Session | None = None,
) -> str | None:
    """None when ``user`` may apply ``new`` to ``old`` (None: an insert) in ``table``, else why not.

    ``table`` is a model class, a Table or a table name; ``old`` a mapping of column values or a
    model instance. ``session`` is needed for child rows (quote lines, dispute messages), whose
    right follows their parent. Raises ``NoAccessRule`` for a table no rule covers.
    """
    name = table_name(table)
    rule = WRITE_RULES.get(name)
    if rule is None:
        raise NoAccessRule(f"no write rule for table {name!r} (see dealkit/engine/access/write.py)")
    return rule(user, old, new, session)
