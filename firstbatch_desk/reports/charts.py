"""Charts of the summary, drawn with ``reportlab.graphics`` in the report font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from firstbatch_desk.domain.dtos.reports import CountLine

PALETTE = [
    colors.HexColor(code)
    for code in (
        "#2F5597",
        "#C55A11",
        "#548235",
        "#BF9000",
        "#7030A0",
        "#2E75B6",
        "#A5A5A5",
        "#843C0C",
        "#70AD47",
        "#FFC000",
        "#4472C4",
        "#ED7D31",
    )
]


def bar_chart(lines: Sequence[CountLine], title: str, font: str, width: float) -> Drawing:
    """Vertical bars, one per line, with the count above each bar."""
    height = 72 * mm
    drawing = Drawing(width, height)
    drawing.add(
        String(width / 2, height - 12, title, fontName=font, fontSize=10.5, textAnchor="middle")
    )
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 34
    chart.width, chart.height = width - 56, height - 64
    values = [line.count for line in lines] or [0]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [line.label for line in lines] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "n"
    chart.categoryAxis.labels.dy = -3
    if len(lines) > 8:
        chart.categoryAxis.labels.angle = 30
        chart.categoryAxis.labels.boxAnchor = "ne"
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max(values)
    chart.valueAxis.valueMax = max(top * 1.15, 5)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#D9D9D9")
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def pie_chart(lines: Sequence[CountLine], title: str, font: str, width: float) -> Drawing:
    """A pie of the non-zero lines with a legend "label  count（percent）"."""
    shown = [line for line in lines if line.count > 0]
    total = sum(line.count for line in shown)
    rows = max(len(shown), 1)
    height = max(72 * mm, 30 + rows * 14)
    drawing = Drawing(width, height)
    drawing.add(
        String(width / 2, height - 12, title, fontName=font, fontSize=10.5, textAnchor="middle")
    )
    if not shown:
        drawing.add(
            String(
                width / 2, height / 2, "（无数据）", fontName=font, fontSize=10, textAnchor="middle"
            )
        )
        return drawing
    size = min(height - 40, width * 0.42)
    pie = Pie()
    pie.x, pie.y = 20, (height - 20 - size) / 2
    pie.width = pie.height = size
    pie.data = [line.count for line in shown]
    pie.labels = None
    pie.sideLabels = False
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.6
    for index in range(len(shown)):
        pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
    drawing.add(pie)
    legend = Legend()
    legend.x, legend.y = 40 + size, height - 28
    legend.alignment = "right"
    legend.fontName = font
    legend.fontSize = 8.5
    legend.boxAnchor = "nw"
    legend.columnMaximum = 14
    legend.dx = legend.dy = 7
    legend.deltay = 13
    legend.colorNamePairs = [
        (
            PALETTE[i % len(PALETTE)],
            f"{line.label}  {line.count}（{100 * line.count / total:.1f}%）",
        )
        for i, line in enumerate(shown)
    ]
    drawing.add(legend)
    return drawing
