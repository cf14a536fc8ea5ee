"""Synced tables and their rows as JSON: the same conversion on the server and the laptop.

Every model with the sync metadata (``SyncMixin``) is a synced table, in the order of their
foreign keys. A row travels as its column values: decimals as strings, dates and times as ISO
8601, enums as their value. Reading a value back checks its type and raises ``FieldError``
naming the table and the field, so the server refuses bad input with a reason.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, Enum, Integer, String, Table, Text

from dealkit.engine.store.models import Base, SyncMixin
from dealkit.engine.store.types import ExactDecimal, UtcDateTime

SYNC_COLUMNS = ("id", "created_at", "updated_at", "server_seq", "deleted")


class FieldError(ValueError):
    """A pushed value that does not fit its column."""


@cache
def synced_tables() -> dict[str, Table]:
    """Table name -> Table, for every model carrying sync metadata, parents before children."""
    synced = {
        mapper.class_.__tablename__
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncMixin)
    }
    return {t.name: t for t in Base.metadata.sorted_tables if t.name in synced}


def table_order() -> dict[str, int]:
    return {name: i for i, name in enumerate(synced_tables())}


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value  # JSON columns: lists and dicts as they are


def row_to_json(table: Table, row: Mapping[str, Any]) -> dict[str, Any]:
    """A row's columns (bar the sync metadata kept beside it) as JSON values."""
    return {
        c.name: _to_json(row[c.name])
        for c in table.columns
        if c.name not in ("id", "server_seq", "deleted")
    }


def _converter(column_type: Any) -> Callable[[Any], Any]:
    if isinstance(column_type, ExactDecimal):

        def decimal_value(value: Any) -> Decimal:
            if isinstance(value, bool | float) or not isinstance(value, str | int):
                raise FieldError('give a decimal as a string, e.g. "12.50"')
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                raise FieldError(f"{value!r} is not a decimal number") from None
            if not number.is_finite() or abs(number) >= Decimal(10) ** 18:
                raise FieldError(f"{value!r} is not a usable amount")
            return number

        return decimal_value
    if isinstance(column_type, UtcDateTime):

        def datetime_value(value: Any) -> datetime:
            try:
                moment = datetime.fromisoformat(str(value))
            except ValueError:
                raise FieldError(f"{value!r} is not an ISO 8601 time") from None
            if moment.tzinfo is None:
                raise FieldError(f"{value!r} has no time zone: add one, e.g. +00:00")
            return moment

        return datetime_value
    if isinstance(column_type, Date):

        def date_value(value: Any) -> date:
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise FieldError(f"{value!r} is not a date (YYYY-MM-DD)") from None

        return date_value
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        enum_class = column_type.enum_class

        def enum_value(value: Any) -> Any:
            try:
                return enum_class(value)
            except ValueError:
                allowed = ", ".join(m.value for m in enum_class)
                raise FieldError(f"{value!r} is not one of {allowed}") from None

        return enum_value
    if isinstance(column_type, Boolean):

        def bool_value(value: Any) -> bool:
            if not isinstance(value, bool):
                raise FieldError(f"{value!r} is not true or false")
            return value

        return bool_value
    if isinstance(column_type, Integer | BigInteger):

        def int_value(value: Any) -> int:
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**62:
                raise FieldError(f"{value!r} is not a whole number")
            return value

        return int_value
    if isinstance(column_type, String | Text):
        length = getattr(column_type, "length", None)

        def text_value(value: Any) -> str:
            if not isinstance(value, str):
                raise FieldError(f"{value!r} is not text")
            if length is not None and len(value) > length:
                raise FieldError(f"is longer than {length} characters")
            return value

        return text_value
    if isinstance(column_type, JSON):
        return lambda value: value
    return lambda value: value


@cache
def _converters(table_name: str) -> dict[str, tuple[Callable[[Any], Any], bool]]:
    table = synced_tables()[table_name]
    return {c.name: (_converter(c.type), bool(c.nullable)) for c in table.columns}


def row_from_json(
    table_name: str, fields: Mapping[str, Any], *, partial: bool = False
) -> dict[str, Any]:
    """Column values from JSON fields; ``FieldError`` names the first field that does not fit.

    Unknown fields are refused (a typo must not be dropped silently); with ``partial`` the
    missing columns are left out, else they must all be there (bar defaults the model fills).
    """
    if table_name not in synced_tables():
        raise FieldError(f"{table_name!r} is not a synced table")
    converters = _converters(table_name)
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in converters or name in ("server_seq",):
            raise FieldError(f"{table_name}.{name} is not a field that can be set")
        convert, nullable = converters[name]
        if value is None:
            if not nullable:
                raise FieldError(f"{table_name}.{name} cannot be empty")
            values[name] = None
            continue
        try:
            values[name] = convert(value)
        except FieldError as error:
            raise FieldError(f"{table_name}.{name}: {error}") from None
    return values


def id_seq_digest(pairs: Iterable[tuple[str, int]]) -> str:
    """The check hash: sha256 of ``id:seq`` lines sorted by id."""
    digest = hashlib.sha256()
    for row_id, seq in sorted(pairs):
        digest.update(f"{row_id}:{seq}\n".encode())
    return digest.hexdigest()


def model_to_json(obj: Any) -> dict[str, Any]:
    """A synced model instance's columns as pushed fields (``row_to_json`` of the instance)."""
    table = obj.__table__
    return row_to_json(table, {c.name: getattr(obj, c.key) for c in table.columns})
