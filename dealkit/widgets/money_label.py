"""A label that shows a ``Money`` amount the way the reader's locale writes it, right-aligned.

Money is formatted by Babel (``Money.format``), never by hand, so ``฿1,250.00`` and ``$1,250.00``
come out right for each locale; the amount itself stays an exact ``Decimal``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from dealkit.engine.money import Money


class MoneyLabel(QLabel):
    def __init__(
        self, money: Money | None = None, locale: str = "en_US", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._money = money
        self._locale = locale
        self._placeholder = "—"
        self._refresh()

    @property
    def money(self) -> Money | None:
        return self._money

    def set_money(self, money: Money | None) -> None:
        self._money = money
        self._refresh()

    def set_locale(self, locale: str) -> None:
        self._locale = locale
        self._refresh()

    def set_placeholder(self, text: str) -> None:
        """What shows while there is no amount (default: an em dash)."""
        self._placeholder = text
        self._refresh()

    def _refresh(self) -> None:
        if self._money is None:
            self.setText(self._placeholder)
            self.setToolTip("")
        else:
            self.setText(self._money.format(self._locale))
            self.setToolTip(str(self._money))  # the exact amount and ISO code
