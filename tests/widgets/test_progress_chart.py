"""The painted progress chart: where it draws the target and the running total, what hovering
says, round grid steps, and the empty state."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtGui import QColor

from dealkit.widgets.progress_chart import ChartPoint, ProgressChart, nice_step

START, END = date(2026, 10, 1), date(2026, 12, 31)
POINTS = [
    ChartPoint(date(2026, 10, 10), Decimal("100000")),
    ChartPoint(date(2026, 11, 3), Decimal("250000")),
]


def near(color: QColor, wanted: QColor, tolerance: int = 60) -> bool:
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(color.getRgb()[:3], wanted.getRgb()[:3], strict=True)
    )


@pytest.fixture
def chart(qtbot):
    widget = ProgressChart()
    widget.resize(640, 300)
    qtbot.addWidget(widget)
    widget.set_value_formatter(lambda v: f"${v / 1000:,.0f}K")
    widget.set_legend("Attainment", "Quota", "Even pace")
    widget.set_data(START, END, POINTS, Decimal("450000"), today=date(2026, 11, 27))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixel(widget: ProgressChart, x: float, y: float) -> QColor:
    image = widget.grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(int(x * ratio), int(y * ratio))


def test_the_target_and_the_running_total_are_drawn_where_they_belong(chart):
    target_y = chart.y_for(Decimal("450000"))
    assert near(pixel(chart, chart.x_for(date(2026, 10, 20)), target_y), chart.target_color)
    # the step holds 250K from Nov 3 to today, then stops: nothing drawn after today at 250K
    level = chart.y_for(Decimal("250000"))
    assert near(pixel(chart, chart.x_for(date(2026, 11, 15)), level), chart.actual_color)
    assert not near(pixel(chart, chart.x_for(date(2026, 12, 20)), level), chart.actual_color)
    assert chart.y_for(Decimal(0)) > level > target_y  # higher values are higher up
    assert chart.value_on(date(2026, 10, 9)) == 0
    assert chart.value_on(date(2026, 10, 10)) == Decimal("100000")
    assert chart.value_on(date(2026, 12, 31)) == Decimal("250000")


def test_hovering_names_the_day_and_the_total_then(chart):
    x = chart.x_for(date(2026, 11, 3)) + 1
    assert chart.tooltip_at(x) == "2026-11-03: $250K"
    assert chart.tooltip_at(chart.x_for(date(2026, 12, 20))) == ""  # after today: unknown yet
    assert chart.tooltip_at(-5) == ""


def test_grid_steps_are_round_numbers():
    assert nice_step(Decimal("486000")) == Decimal(200000)
    assert nice_step(Decimal("40")) == Decimal(10)
    assert nice_step(Decimal("9")) == Decimal("2.5")
    assert nice_step(Decimal(0)) == Decimal(1)


def test_a_chart_without_data_says_so_and_a_backwards_range_is_refused(qtbot):
    widget = ProgressChart()
    qtbot.addWidget(widget)
    widget.resize(400, 200)
    widget.set_empty_text("No figures yet")
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()  # paints the empty state without error
    assert widget.last_day is None
    with pytest.raises(ValueError, match=r"ends .* before it starts"):
        widget.set_data(END, START, [], Decimal(1))
