"""定期汇总: figures, tables and charts of a period, with the register of its visits.

``closure_rate`` is a percentage, printed as given (``Decimal("85.71")`` → "85.71%").
The register may hold tens of thousands of rows: it is cut into 200-row
tables, ``progress`` is called as tables are laid out, and ``cancelled`` is
polled; a cancelled build raises :class:`ReportCancelled` and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from firstbatch_desk.domain.dtos.reports import CountLine, SummaryData
from firstbatch_desk.reports.charts import bar_chart, pie_chart
from firstbatch_desk.reports.errors import ReportCancelled
from firstbatch_desk.reports.fonts import register_font
from firstbatch_desk.reports.layout import (
    CONTENT_WIDTH,
    GRID_GREY,
    Cancelled,
    Progress,
    Styles,
    data_tables,
    fmt_date,
    grid_style,
    make_styles,
    markup,
    render,
    section,
)
from firstbatch_desk.reports.output import write_output

REGISTER_COLUMNS = ("日期", "企业", "区县", "方式", "走访人员", "摘要")
KEY_FIGURES = ("走访次数", "走访企业数", "新增诉求", "办结诉求", "逾期诉求", "办结率")


def build_summary(
    data: SummaryData,
    out: Path | BinaryIO,
    *,
    font_path: Path,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """Write the summary PDF to ``out``; returns the page count.

    ``progress(done, total)`` counts laid-out tables and charts (the last call is
    ``(total, total)`` once the file is written). Raises ``ReportCancelled``
    as soon as ``cancelled()`` says so; the target is then left untouched.
    """
    font = register_font(font_path)
    styles = make_styles(font)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise ReportCancelled()

    check()
    story, total = _with_milestones(_story(data, styles, cancelled))
    total += 1  # writing the file
    done = 0
    if progress is not None:
        progress(0, total)

    def after(flowable: Flowable) -> None:
        nonlocal done
        check()
        if isinstance(flowable, _Milestone):
            done += 1
            if progress is not None:
                progress(done, total)

    pdf, pages = render(story, data.header, font, after_flowable=after)
    check()
    write_output(pdf, out)
    if progress is not None:
        progress(total, total)
    return pages


class _Milestone(Flowable):
    """Takes no room; laid out right after the flowable it follows, so progress can count."""

    def wrap(self, _available_width: float, _available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def _with_milestones(story: list[Flowable]) -> tuple[list[Flowable], int]:
    """A milestone after each flowable not kept with its next one (headings keep theirs)."""
    marked: list[Flowable] = []
    count = 0
    for flowable in story:
        marked.append(flowable)
        if not flowable.getKeepWithNext():
            marked.append(_Milestone())
            count += 1
    return marked, count


def closure_text(rate: Decimal) -> str:
    """The closure rate as the DTO holds it (a percentage, already rounded by the service)."""
    return f"{rate:f}%"


def _story(data: SummaryData, styles: Styles, cancelled: Cancelled | None) -> list[Flowable]:
    scope = data.division or "全市"
    period = f"{data.period_label}（{fmt_date(data.date_from)} 至 {fmt_date(data.date_to)}）"
    story: list[Flowable] = [
        Paragraph(markup(data.header.title), styles.title),
        Paragraph(markup(f"统计期间：{period}　统计范围：{scope}"), styles.subtitle),
        *section("一、主要指标", styles),
        _key_figures(data, styles),
        *section("二、分区县走访情况", styles),
        *_counts(data.by_division, "区县", "走访次数", styles),
        Spacer(1, 3 * mm),
        bar_chart(data.by_division, "各区县走访次数", styles.font, CONTENT_WIDTH),
        *section("三、按认定类别统计", styles),
        *_counts(data.by_scheme, "认定类别", "数量", styles),
        *section("四、按认定档次统计", styles),
        *_counts(data.by_tier, "档次", "数量", styles),
        CondPageBreak(90 * mm),
        *section("五、问题诉求分类", styles),
        *_counts(data.by_need_category, "诉求类别", "诉求数", styles),
        Spacer(1, 3 * mm),
        pie_chart(data.by_need_category, "问题诉求类别分布", styles.font, CONTENT_WIDTH),
        *section("六、走访人员统计", styles),
        *data_tables(
            ("走访人员", "走访次数", "走访企业数"),
            ((o.officer, str(o.visits), str(o.enterprises)) for o in data.by_officer),
            (0.5, 0.25, 0.25),
            styles,
            align={1: "RIGHT", 2: "RIGHT"},
            cancelled=cancelled,
        ),
        *section(
            f"七、超过 {data.idle_days} 天未走访的企业（{len(data.idle_enterprises)} 家）", styles
        ),
        *data_tables(
            ("企业", "区县", "最近走访", "未走访天数"),
            (
                (
                    e.enterprise,
                    e.division,
                    fmt_date(e.last_visit, "从未走访"),
                    "—" if e.days is None else str(e.days),
                )
                for e in data.idle_enterprises
            ),
            (0.5, 0.16, 0.17, 0.17),
            styles,
            align={2: "CENTER", 3: "RIGHT"},
            cancelled=cancelled,
        ),
    ]
    if data.visit_register:
        story += [
            PageBreak(),
            *section(f"附录：走访登记（共 {len(data.visit_register)} 次）", styles),
            *data_tables(
                REGISTER_COLUMNS,
                (
                    (
                        fmt_date(v.visit_date),
                        v.enterprise,
                        v.division,
                        v.method,
                        v.officers,
                        v.headline,
                    )
                    for v in data.visit_register
                ),
                (0.11, 0.27, 0.09, 0.07, 0.14, 0.32),
                styles,
                align={0: "CENTER", 3: "CENTER"},
                cancelled=cancelled,
            ),
        ]
    return story


def _key_figures(data: SummaryData, styles: Styles) -> Table:
    values = (
        data.visits_total,
        data.enterprises_visited,
        data.needs_opened,
        data.needs_closed,
        data.needs_overdue,
    )
    figures = [*(str(v) for v in values), closure_text(data.closure_rate)]
    half = len(KEY_FIGURES) // 2
    rows = [
        [KEY_FIGURES[i], figures[i], KEY_FIGURES[i + half], figures[i + half]] for i in range(half)
    ]
    width = CONTENT_WIDTH / 4
    table = Table(rows, colWidths=[width] * 4)
    commands = grid_style(styles.font, header=False, size=10.5)
    commands += [
        ("BACKGROUND", (0, 0), (0, -1), GRID_GREY),
        ("BACKGROUND", (2, 0), (2, -1), GRID_GREY),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("ALIGN", (3, 0), (3, -1), "RIGHT"),
    ]
    table.setStyle(TableStyle(commands))
    return table


def _counts(lines: Sequence[CountLine], label: str, unit: str, styles: Styles) -> list[Flowable]:
    total = sum(line.count for line in lines)
    rows = [
        (line.label, str(line.count), f"{100 * line.count / total:.1f}%" if total else "—")
        for line in lines
    ]
    if lines:
        rows.append(("合计", str(total), "100.0%" if total else "—"))
    return data_tables(
        (label, unit, "占比"), rows, (0.5, 0.25, 0.25), styles, align={1: "RIGHT", 2: "RIGHT"}
    )
