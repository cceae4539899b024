"""PDF report figures, with hand-made DTOs (the builders never touch the database).

    python benchmarks/reports.py first    # in a fresh process: print seconds of import + build

Figures: a case file with 50 visits (warm, and as the first report of a
fresh process) and a summary of about 500 pages.
"""

from __future__ import annotations

import io
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Figure, median_of

from firstbatch_desk.domain.dtos.reports import (
    CaseFileData,
    ContactLine,
    CountLine,
    IdleEnterpriseLine,
    NeedLine,
    OfficerLine,
    ProfileLine,
    RecognitionLine,
    ReportHeader,
    SummaryData,
    VisitLine,
    VisitRegisterLine,
)
from firstbatch_desk.paths import resource_path

RESPONSIVE_TARGET_MS = 100.0  # the window answers at least ten times a second
CASE_WARM_TARGET_S = 0.150
CASE_FIRST_TARGET_S = 0.350
SUMMARY_TARGET_S = 10.0
SUMMARY_REGISTER_ROWS = 11_000  # about 500 A4 pages with two-line rows
DIVISIONS = ("南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市")
METHODS = ("上门", "电话", "座谈", "线上")
OFFICERS = ("王建国", "李晓梅", "陈志强", "周丽", "沈浩")
CATEGORIES = ("政策兑现/奖补", "保险补偿", "市场推广/用户对接", "检测认证", "融资", "其他")


def font_path() -> Path:
    return resource_path("fonts", "wqy-microhei.ttc")


def _header(title: str, reference: str) -> ReportHeader:
    return ReportHeader(
        "嘉兴市经济和信息化局", title, reference, datetime(2024, 10, 8, 9, 30), "王建国"
    )


def case_file_data(visits: int = 50, needs: int = 12) -> CaseFileData:
    return CaseFileData(
        header=_header("首批次新材料跟踪服务档案", "GZ-2024-0015"),
        enterprise_name="振石集团华美新材料有限公司",
        credit_code="91350100M000100Y43",
        profile=tuple(
            ProfileLine(label, value)
            for label, value in (
                ("所属区县", "桐乡市"),
                ("所属园区", "桐乡经济开发区"),
                ("法定代表人", "张毓强"),
                ("所属行业", "玻璃纤维及制品制造"),
                ("企业地址", "浙江省嘉兴市桐乡市梧桐街道文华南路 669 号"),
            )
        ),
        contacts=(ContactLine("张伟", "总经理", "13857300001", "zhangwei@example.com"),),
        case_numbers=("GZ-2024-0015",),
        officer_in_charge="王建国",
        recognitions=(
            RecognitionLine(
                "高阻燃高强度玻纤增强聚酯基复合材料",
                "HM-FR300",
                "浙江省首批次新材料认定",
                "国内首批次",
                2023,
                "浙经信材料〔2023〕197号",
                date(2023, 11, 20),
                date(2026, 11, 19),
                "有效",
                Decimal("100.00"),
                True,
            ),
        ),
        sales_and_application=(ProfileLine("首批次销售合同", "3 份，累计 860.00 万元"),),
        visits=tuple(
            VisitLine(
                date(2024, 1, 3) + timedelta(days=7 * i),
                METHODS[i % 4],
                f"{OFFICERS[i % 5]}、{OFFICERS[(i + 2) % 5]}",
                "张伟（总经理）、刘芳（销售部经理）",
                f"第 {i + 1} 次走访：了解首批次产品的生产和应用情况，企业反映下游用户验证周期长，"
                "希望协助对接整车企业；已宣传保险补偿政策。",
            )
            for i in range(visits)
        ),
        needs=tuple(
            NeedLine(
                f"SQ-2024-{i + 1:04d}",
                CATEGORIES[i % len(CATEGORIES)],
                "申请兑现省级首批次新材料奖励资金，希望明确拨付时间。",
                "市经信局材料处",
                date(2024, 3, 1) + timedelta(days=7 * i),
                "办理中",
                None,
                "",
            )
            for i in range(needs)
        ),
    )


def summary_data(register_rows: int = SUMMARY_REGISTER_ROWS) -> SummaryData:
    by_division = tuple(CountLine(d, 300 + 41 * i) for i, d in enumerate(DIVISIONS))
    return SummaryData(
        header=_header("首批次新材料跟踪服务年度汇总", "2024年"),
        period_label="2024年",
        date_from=date(2024, 1, 1),
        date_to=date(2024, 12, 31),
        division="",
        visits_total=sum(c.count for c in by_division),
        enterprises_visited=1_480,
        by_division=by_division,
        by_scheme=(CountLine("省首批次认定", 470), CountLine("国家首批次目录", 210)),
        by_tier=(CountLine("国内首批次", 290), CountLine("省内首批次", 500)),
        by_need_category=tuple(CountLine(c, 40 + 9 * i) for i, c in enumerate(CATEGORIES)),
        by_officer=tuple(
            OfficerLine(f"{o}{i}", 90 - i, 40 - i // 2) for i, o in enumerate(OFFICERS * 8)
        ),
        needs_opened=690,
        needs_closed=520,
        needs_overdue=37,
        closure_rate=Decimal("75.4"),
        idle_days=180,
        idle_enterprises=tuple(
            IdleEnterpriseLine(f"嘉兴未访材料科技有限公司{i}", DIVISIONS[i % 7], None, None)
            for i in range(120)
        ),
        visit_register=tuple(
            VisitRegisterLine(
                date(2024, 1, 1) + timedelta(days=i % 365),
                f"嘉兴{['华美', '信汇', '巨石', '新凤鸣', '闻泰'][i % 5]}新材料有限公司{i % 997}",
                DIVISIONS[i % 7],
                METHODS[i % 4],
                OFFICERS[i % 5],
                "了解首批次产品应用进展，宣传保险补偿政策",
            )
            for i in range(register_rows)
        ),
    )


def first_build_seconds() -> float:
    """Import the builder and build one case file, as the first report of this process."""
    data = case_file_data()
    started = time.perf_counter()
    from firstbatch_desk.reports.case_file import build_case_file

    with tempfile.TemporaryDirectory() as folder:
        build_case_file(data, Path(folder) / "case.pdf", font_path=font_path())
    return time.perf_counter() - started


def _case_with_visits(data_dir: Path, wanted: int = 50) -> str:
    """The id of the case whose number of live visits is closest to ``wanted``."""
    import sqlite3

    with sqlite3.connect(f"file:{data_dir / 'firstbatch.sqlite3'}?mode=ro", uri=True) as raw:
        row = raw.execute(
            "SELECT case_id, count(*) AS n FROM visit_cases WHERE deleted_at IS NULL "
            "GROUP BY case_id ORDER BY abs(count(*) - ?) LIMIT 1",
            (wanted,),
        ).fetchone()
    return str(row[0])


def first_db_report_seconds(data_dir: str, case_id: str) -> float:
    """In a program that has its data open: gather and build the first case file."""
    import uuid

    from firstbatch_desk.app import open_context

    context = open_context(data_dir, readonly=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        context.services.reports.write_case_file(uuid.UUID(case_id), Path(folder) / "c.pdf")
    seconds = time.perf_counter() - started
    context.close()
    return seconds


def database_figures(data_dir: Path, runs: int) -> list[Figure]:
    """The same figures over the real data: gathering from the database included."""
    import uuid

    from firstbatch_desk.app import open_context

    case_id = _case_with_visits(data_dir)
    context = open_context(data_dir, readonly=True)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "case.pdf"
        warm = median_of(
            lambda: context.services.reports.write_case_file(uuid.UUID(case_id), target), runs
        )
        visits = len(context.services.reports.case_file_data(uuid.UUID(case_id)).visits)
    context.close()
    command = [sys.executable, str(Path(__file__).resolve()), "first-db", str(data_dir), case_id]
    firsts = [
        float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    return [
        Figure(
            f"case file from the database, {visits} visits (warm)", warm, CASE_WARM_TARGET_S, "s"
        ),
        Figure(
            f"case file from the database, {visits} visits (first of a process)",
            statistics.median(firsts),
            CASE_FIRST_TARGET_S,
            "s",
            note="data open; gather + import + font + build",
        ),
    ]


def responsiveness_during_summary() -> tuple[float, float]:
    """Build the big summary as the Reports page does (on the GUI thread, which handles
    its events at every progress step); return the (worst, 95th percentile) time the
    window would wait between two chances to handle events, in seconds."""
    from firstbatch_desk.reports.summary import build_summary

    summary = summary_data()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def progress(_done: int, _total: int) -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    build_summary(summary, io.BytesIO(), font_path=font_path(), progress=progress)
    gaps.sort()
    return gaps[-1], gaps[int(len(gaps) * 0.95)]


def report_figures(data_dir: Path, runs: int) -> list[Figure]:
    """Report figures: builders on hand-made DTOs, then the same over ``data_dir``."""
    from firstbatch_desk.reports.case_file import build_case_file
    from firstbatch_desk.reports.summary import build_summary

    font = font_path()
    case = case_file_data()
    warm = median_of(lambda: build_case_file(case, io.BytesIO(), font_path=font), runs)
    command = [sys.executable, str(Path(__file__).resolve()), "first"]
    subprocess.run(command, check=True, capture_output=True)  # warm the disk cache
    firsts = [
        float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for _ in range(runs)
    ]
    summary = summary_data()
    pages = build_summary(summary, io.BytesIO(), font_path=font)
    big = median_of(lambda: build_summary(summary, io.BytesIO(), font_path=font), min(runs, 3))
    return [
        Figure("case file, 50 visits (warm)", warm, CASE_WARM_TARGET_S, "s"),
        Figure(
            "case file, first report of a process",
            statistics.median(firsts),
            CASE_FIRST_TARGET_S,
            "s",
            note="import + font + build, timed inside a fresh process",
        ),
        Figure(
            f"summary, {pages} pages",
            big,
            SUMMARY_TARGET_S,
            "s",
            note=f"{pages} pages, {len(summary.visit_register)} register rows",
        ),
        *_responsiveness_figures(),
        *database_figures(data_dir, runs),
    ]


def _responsiveness_figures() -> list[Figure]:
    worst, p95 = responsiveness_during_summary()
    return [
        Figure(
            "wait between event handling, summary build (p95)",
            p95 * 1000,
            RESPONSIVE_TARGET_MS,
            "ms",
            note=f"worst {worst * 1000:.0f} ms",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:] == ["first"]:
        print(f"{first_build_seconds():.6f}")
    elif sys.argv[1:2] == ["first-db"]:
        print(f"{first_db_report_seconds(sys.argv[2], sys.argv[3]):.6f}")
    else:
        from harness import print_report

        print_report(
            report_figures(Path("."), int(sys.argv[1]) if sys.argv[1:] else 3), as_json=False
        )
