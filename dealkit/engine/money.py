"""Money: a ``Decimal`` amount with an ISO 4217 currency.

Amounts keep full precision through arithmetic; they are rounded to the currency's minor units
(two for USD and THB, none for JPY, three for KWD) only where a caller asks, at the defined
rounding points of a calculation. Display goes through Babel so that each locale writes money
its own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import format_currency, get_currency_precision, get_currency_symbol, is_currency


class MoneyError(ValueError):
    """A money value or currency that cannot be used; the message says what to fix."""


@cache
def minor_units(currency: str) -> int:
    """Digits after the decimal point for ``currency`` (ISO 4217), e.g. 2 for USD, 0 for JPY."""
    return get_currency_precision(check_currency(currency))


@cache
def check_currency(code: str) -> str:
    """Return ``code`` if it is a known ISO 4217 currency, else raise ``MoneyError``."""
    if not isinstance(code, str) or len(code) != 3 or not code.isupper() or not is_currency(code):
        raise MoneyError(f"unknown currency {code!r}: use an ISO 4217 code such as USD, THB or JPY")
    return code


@cache
def currency_quantum(currency: str) -> Decimal:
    """The smallest amount of ``currency``: ``Decimal('0.01')`` for USD, ``Decimal('1')`` JPY."""
    return Decimal(1).scaleb(-minor_units(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Round half up to the currency's minor units: the one rounding rule of Dealkit."""
    return amount.quantize(currency_quantum(currency), ROUND_HALF_UP)


@cache
def _en_us_symbol(currency: str) -> str:
    return get_currency_symbol(currency, locale="en_US")


def money_text(amount: Decimal, currency: str) -> str:
    """The amount rounded to the currency, written as Babel writes it for en_US (``$1,250.00``,
    ``-$5.00``, ``¥5``, ``THB1,750,000.00``).

    Explanations (price waterfalls, commission traces) are written in English with several
    amounts per line and thousands of lines per run; this writes the same text as
    ``Money.format("en_US")`` without Babel's per-call locale work.
    """
    rounded = round_money(amount, currency)
    sign = "-" if rounded < 0 else ""
    return f"{sign}{_en_us_symbol(currency)}{abs(rounded):,.{minor_units(currency)}f}"


# The largest figures Dealkit accepts in a document or import: 12 digits before the point (a
# trillion) and 6 after. Beyond that a value is a typo (or hostile), and Decimal arithmetic on
# it would overflow the context instead of giving a message.
MAX_INTEGER_DIGITS = 12
MAX_FRACTION_DIGITS = 6


def out_of_range(value: Decimal) -> str | None:
    """Why ``value`` is too large or too finely divided to be a figure, or None if it is fine."""
    if value.is_zero():
        return None
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        return f"is too large: at most {MAX_INTEGER_DIGITS} digits before the decimal point"
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_FRACTION_DIGITS:
        return f"has more than {MAX_FRACTION_DIGITS} decimal places"
    return None


def to_decimal(value: Decimal | int | str) -> Decimal:
    """Convert an exact value (never a float) to ``Decimal``."""
    if isinstance(value, float):
        raise MoneyError(f"{value!r} is a float: write money as a string or Decimal, e.g. '19.99'")
    if isinstance(value, bool):
        raise MoneyError(f"{value!r} is not an amount")
    try:
        result = Decimal(value)
    except (InvalidOperation, TypeError):
        raise MoneyError(f"{value!r} is not an amount: write digits such as '1250.00'") from None
    if not result.is_finite():
        raise MoneyError(f"{value!r} is not a finite amount")
    return result


@dataclass(frozen=True, slots=True)
class Money:
    """An exact amount in one currency. Arithmetic across currencies is an error."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", to_decimal(self.amount))
        check_currency(self.currency)

    @classmethod
    def of(cls, amount: Decimal | int | str, currency: str) -> Money:
        return cls(to_decimal(amount), currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(Decimal(0), currency)

    # arithmetic -------------------------------------------------------------------------------

    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise MoneyError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount + other.amount, self.currency)

    def __radd__(self, other: object) -> Money:
        if other == 0:  # lets sum() start from 0
            return self
        return NotImplemented

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.amount - other.amount, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, Money | float):
            raise TypeError("multiply Money by a Decimal or int only")
        return Money(self.amount * Decimal(factor), self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount < other.amount

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.amount <= other.amount

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.amount > other.amount

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.amount >= other.amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    # rounding and display ---------------------------------------------------------------------

    def rounded(self) -> Money:
        """Round half up to the currency's minor units (a defined rounding point)."""
        return Money(round_money(self.amount, self.currency), self.currency)

    def format(self, locale: str = "en_US") -> str:
        """The amount as a person reads it in ``locale``, e.g. ``$1,250.00`` or ``฿1,250.00``."""
        return format_currency(self.amount, self.currency, locale=locale)

    def __str__(self) -> str:
        return f"{self.rounded().amount} {self.currency}"

    def to_json(self) -> dict[str, str]:
        return {"amount": str(self.amount), "currency": self.currency}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Money:
        return cls.of(data["amount"], data["currency"])
