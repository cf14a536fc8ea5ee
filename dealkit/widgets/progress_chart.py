"""A painted "burn-up" chart: a running total over a date range against a target and a pace line.

Used for attainment against quota, but it knows nothing of commissions: it draws a cumulative
step line (with a soft fill), a horizontal target line, a dashed straight line from zero at the
start to the target at the end (where an even pace would be), and a marker for today. Values are
exact ``Decimal`` figures; they become pixels only here. Text (legend, axis labels) comes from
the caller, already translated and formatted (``set_value_formatter``, ``set_date_formatter``).

Why painted by hand rather than QtCharts: QtCharts lives in PySide6-Addons (about 200 MB more to
install and to freeze into the desktop build) for one small chart; QPainter draws this one in a
few hundred lines, crisp at any DPI, and styled like the rest of the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


@dataclass(frozen=True)
class ChartPoint:
    """The running total reached on a day (a step: it holds until the next point)."""

    day: date
    value: Decimal


def nice_step(span: Decimal, ticks: int = 4) -> Decimal:
    """A round grid step (1, 2, 2.5 or 5 times a power of ten) giving about ``ticks`` lines."""
    if span <= 0:
        return Decimal(1)
    raw = span / ticks
    power = Decimal(10) ** (raw.adjusted())
    for factor in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        if raw <= factor * power:
            return factor * power
    return 10 * power


class ProgressChart(QWidget):
    """A running total against a target over a date range; hover shows the total on a day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.actual_color = QColor("#2f8f83")
        self.target_color = QColor("#c2571a")
        self.pace_color = QColor("#7b8794")
        self.grid_color = QColor("#e6eaf0")
        self.text_color = QColor("#5f6d7c")
        self._start: date | None = None
        self._end: date | None = None
        self._today: date | None = None
        self._points: list[ChartPoint] = []
        self._target = Decimal(0)
        self._value_text: Callable[[Decimal], str] = lambda v: f"{v:,.0f}"
        self._date_text: Callable[[date], str] = lambda d: d.isoformat()
        self._legend = ("", "", "")
        self._empty_text = ""

    # data -------------------------------------------------------------------------------------

    def set_data(
        self,
        start: date,
        end: date,
        points: Sequence[ChartPoint],
        target: Decimal,
        today: date | None = None,
    ) -> None:
        """``points`` are running totals in date order; ``today`` ends the line (default: the
        last point) and draws the marker."""
        if end < start:
            raise ValueError(f"the chart's range ends ({end}) before it starts ({start})")
        self._start, self._end = start, end
        self._points = sorted(points, key=lambda p: p.day)
        self._target = Decimal(target)
        self._today = today
        self.update()

    def clear(self) -> None:
        self._start = self._end = self._today = None
        self._points = []
        self._target = Decimal(0)
        self.update()

    def set_value_formatter(self, formatter: Callable[[Decimal], str]) -> None:
        self._value_text = formatter
        self.update()

    def set_date_formatter(self, formatter: Callable[[date], str]) -> None:
        self._date_text = formatter
        self.update()

    def set_legend(self, actual: str, target: str, pace: str) -> None:
        self._legend = (actual, target, pace)
        self.update()

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    @property
    def target(self) -> Decimal:
        return self._target

    def value_on(self, day: date) -> Decimal:
        """The running total on ``day`` (the last point on or before it)."""
        value = Decimal(0)
        for point in self._points:
            if point.day > day:
                break
            value = point.value
        return value

    @property
    def last_day(self) -> date | None:
        if self._today is not None:
            return self._today
        return self._points[-1].day if self._points else self._start

    # geometry (public so tests and tooltips agree with the painting) --------------------------

    def sizeHint(self) -> QSize:
        return QSize(560, 260)

    def _top(self) -> Decimal:
        highest = max([self._target, *(p.value for p in self._points)], default=Decimal(0))
        if highest <= 0:
            return Decimal(1)
        step = nice_step(highest * Decimal("1.08"))
        return (highest * Decimal("1.08") / step).to_integral_value(rounding=ROUND_CEILING) * step

    def plot_rect(self) -> QRectF:
        metrics = QFontMetricsF(self.font())
        labels = [self._value_text(v) for v in self._ticks()]
        left = max((metrics.horizontalAdvance(t) for t in labels), default=0.0) + 14
        top = metrics.height() * 2 + 10  # the legend row
        bottom = metrics.height() + 12  # the date labels
        right = 16
        return QRectF(
            left,
            top,
            max(10.0, self.width() - left - right),
            max(10.0, self.height() - top - bottom),
        )

    def _ticks(self) -> list[Decimal]:
        top = self._top()
        step = nice_step(top)
        out, value = [], Decimal(0)
        while value <= top:
            out.append(value)
            value += step
        return out

    def x_for(self, day: date) -> float:
        rect = self.plot_rect()
        if self._start is None or self._end is None:
            return rect.left()
        span = max(1, (self._end - self._start).days + 1)
        offset = min(max((day - self._start).days, 0), span)
        return rect.left() + rect.width() * offset / span

    def end_of_day_x(self, day: date) -> float:
        """Where ``day`` ends on the x axis (a running total holds through its whole day)."""
        if self._start is None or self._end is None:
            return self.plot_rect().left()
        span = max(1, (self._end - self._start).days + 1)
        return min(self.x_for(day) + self.plot_rect().width() / span, self.plot_rect().right())

    def y_for(self, value: Decimal) -> float:
        rect = self.plot_rect()
        share = float(value / self._top())
        return rect.bottom() - rect.height() * min(max(share, 0.0), 1.0)

    def day_at(self, x: float) -> date | None:
        if self._start is None or self._end is None:
            return None
        rect = self.plot_rect()
        if not rect.left() <= x <= rect.right():
            return None
        span = (self._end - self._start).days + 1
        offset = int((x - rect.left()) / rect.width() * span)
        return self._start.fromordinal(self._start.toordinal() + min(offset, span - 1))

    # painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        try:
            if self._start is None or self._end is None:
                painter.setPen(self.text_color)
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
                return
            rect = self.plot_rect()
            self._paint_legend(painter)
            self._paint_grid(painter, rect)
            self._paint_future(painter, rect)
            self._paint_pace_and_target(painter, rect)
            self._paint_actual(painter, rect)
            self._paint_dates(painter, rect)
        finally:
            painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        metrics = QFontMetricsF(self.font())
        x, y = 4.0, metrics.height() * 0.5 + 2
        entries = zip(
            self._legend,
            (self.actual_color, self.target_color, self.pace_color),
            (Qt.PenStyle.SolidLine, Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine),
            strict=True,
        )
        for text, color, style in entries:
            if not text:
                continue
            painter.setPen(QPen(color, 3 if style == Qt.PenStyle.SolidLine else 2, style))
            middle = y + metrics.height() / 2
            painter.drawLine(QPointF(x, middle), QPointF(x + 22, middle))
            painter.setPen(self.text_color)
            painter.drawText(QPointF(x + 28, y + metrics.ascent()), text)
            x += 28 + metrics.horizontalAdvance(text) + 22

    def _paint_grid(self, painter: QPainter, rect: QRectF) -> None:
        metrics = QFontMetricsF(self.font())
        for value in self._ticks():
            y = self.y_for(value)
            painter.setPen(QPen(self.grid_color, 1))
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            painter.setPen(self.text_color)
            text = self._value_text(value)
            painter.drawText(
                QPointF(
                    rect.left() - 8 - metrics.horizontalAdvance(text),
                    y + metrics.ascent() / 2 - 1,
                ),
                text,
            )

    def _paint_future(self, painter: QPainter, rect: QRectF) -> None:
        """The part of the range still to come, lightly shaded, with today's marker."""
        last = self.last_day
        if last is None or self._end is None or last >= self._end:
            return
        x = self.end_of_day_x(last)
        painter.fillRect(QRectF(x, rect.top(), rect.right() - x, rect.height()), QColor("#f6f8fb"))
        painter.setPen(QPen(self.text_color, 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def _paint_pace_and_target(self, painter: QPainter, rect: QRectF) -> None:
        if self._target <= 0 or self._end is None or self._start is None:
            return
        painter.setPen(QPen(self.pace_color, 1.6, Qt.PenStyle.DashLine))
        end_x = self.end_of_day_x(self._end)
        painter.drawLine(
            QPointF(rect.left(), rect.bottom()), QPointF(end_x, self.y_for(self._target))
        )
        y = self.y_for(self._target)
        painter.setPen(QPen(self.target_color, 2))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
        # The target's figure sits at the left end, where the running total starts low and the
        # even-pace line is far below, so that neither ever covers it.
        painter.setPen(self.target_color)
        painter.drawText(QPointF(rect.left() + 6, y - 5), self._value_text(self._target))

    def _paint_actual(self, painter: QPainter, rect: QRectF) -> None:
        last = self.last_day
        if last is None or self._start is None:
            return
        path = QPainterPath(QPointF(rect.left(), rect.bottom()))
        current = Decimal(0)
        for point in self._points:
            if point.day > last:
                break
            x = self.x_for(point.day)
            path.lineTo(x, self.y_for(current))
            current = point.value
            path.lineTo(x, self.y_for(current))
        end_x = self.end_of_day_x(last)
        path.lineTo(end_x, self.y_for(current))
        fill = QPainterPath(path)
        fill.lineTo(end_x, rect.bottom())
        fill.closeSubpath()
        soft = QColor(self.actual_color)
        soft.setAlpha(40)
        painter.fillPath(fill, soft)
        painter.setPen(QPen(self.actual_color, 2.6))
        painter.drawPath(path)
        dot = QPointF(end_x, self.y_for(current))
        painter.setBrush(self.actual_color)
        painter.drawEllipse(dot, 4.5, 4.5)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        metrics = QFontMetricsF(self.font())
        label = self._value_text(current)
        width = metrics.horizontalAdvance(label)
        x = dot.x() + 8 if dot.x() + 8 + width < rect.right() else dot.x() - 8 - width
        y = dot.y() - 8 if dot.y() - 8 - metrics.height() > rect.top() else dot.y() + 18
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.actual_color.darker(130))
        painter.drawText(QPointF(x, y), label)
        font.setBold(False)
        painter.setFont(font)

    def _paint_dates(self, painter: QPainter, rect: QRectF) -> None:
        if self._start is None or self._end is None:
            return
        metrics = QFontMetricsF(self.font())
        painter.setPen(self.text_color)
        y = rect.bottom() + metrics.height() + 4
        days = [self._start]
        month = self._start.replace(day=1)
        while True:  # the first day of each month inside the range
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
            if month > self._end:
                break
            days.append(month)
        placed: list[tuple[float, float]] = []
        for day in [*days, self._end]:
            text = self._date_text(day)
            width = metrics.horizontalAdvance(text)
            x = self.x_for(day) if day != self._end else rect.right() - width
            x = min(max(x, rect.left()), rect.right() - width)
            if any(not (x + width + 8 < a or x > b + 8) for a, b in placed):
                continue
            placed.append((x, x + width))
            painter.drawText(QPointF(x, y), text)

    # hover ------------------------------------------------------------------------------------

    def tooltip_at(self, x: float) -> str:
        """What hovering at ``x`` says: the day and the running total then."""
        day = self.day_at(x)
        last = self.last_day
        if day is None or last is None or day > last:
            return ""
        return f"{self._date_text(day)}: {self._value_text(self.value_on(day))}"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        text = self.tooltip_at(event.position().x())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)

    def event(self, event: object) -> bool:
        if isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
