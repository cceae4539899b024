"""Hand-made report DTOs (no database): realistic Chinese text, deterministic values."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from firstbatch_desk.domain.dtos.reports import (
    AttachmentLine,
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
    VisitSheetData,
)

BUREAU = "嘉兴市经济和信息化局"
ENTERPRISE = "振石集团华美新材料有限公司"
CREDIT_CODE = "91350100M000100Y43"
CASE_NO = "GZ-2024-0015"
PRINTED_AT = datetime(2024, 10, 8, 9, 30)
METHODS = ("上门", "电话", "座谈", "线上")
OFFICERS = ("王建国", "李晓梅", "陈志强", "周丽", "沈浩")
DIVISIONS = ("南湖区", "秀洲区", "嘉善县", "海盐县", "海宁市", "平湖市", "桐乡市")
CATEGORIES = ("政策兑现/奖补", "保险补偿", "市场推广/用户对接", "检测认证", "融资", "其他")
STATUSES = ("已受理", "办理中", "已办结", "已回访")


def header(title: str, reference: str = CASE_NO) -> ReportHeader:
    return ReportHeader(BUREAU, title, reference, PRINTED_AT, printed_by="王建国")


def visit_line(i: int) -> VisitLine:
    day = date(2024, 1, 3) + timedelta(days=3 * i)
    return VisitLine(
        visit_date=day,
        method=METHODS[i % 4],
        officers=f"{OFFICERS[i % 5]}、{OFFICERS[(i + 2) % 5]}",
        attendees="张伟（总经理）、刘芳（销售部经理）",
        summary=(
            f"第 {i + 1} 次走访：了解高阻燃高强度玻纤增强聚酯基复合材料的生产和首批次应用情况，"
            "企业反映下游用户验证周期长，希望协助对接整车企业；已宣传保险补偿政策。"
        ),
        contract_value=Decimal("120.50") if i % 3 == 0 else None,
        new_users="浙江某新能源汽车有限公司" if i % 3 == 0 else "",
        application_progress="已完成第二轮台架试验，预计第四季度批量供货。",
    )


def need_line(i: int) -> NeedLine:
    return NeedLine(
        need_no=f"SQ-2024-{i + 1:04d}",
        category=CATEGORIES[i % len(CATEGORIES)],
        content="申请兑现 2023 年省级首批次新材料奖励资金，希望明确拨付时间。",
        lead_department="市经信局材料处",
        deadline=date(2024, 3, 1) + timedelta(days=7 * i),
        status=STATUSES[i % 4],
        closed_on=date(2024, 3, 5) + timedelta(days=7 * i) if i % 4 >= 2 else None,
        satisfaction="满意" if i % 4 == 3 else "",
    )


def case_file(
    visits: int = 6,
    needs: int = 4,
    *,
    attachments: tuple[AttachmentLine, ...] = (),
    embed_photos: bool = False,
    redacted: bool = False,
) -> CaseFileData:
    return CaseFileData(
        header=header("首批次新材料跟踪服务档案"),
        enterprise_name=ENTERPRISE,
        credit_code=CREDIT_CODE,
        profile=(
            ProfileLine("所属区县", "桐乡市"),
            ProfileLine("所属园区", "桐乡经济开发区"),
            ProfileLine("法定代表人", "张毓强"),
            ProfileLine("所属行业", "玻璃纤维及制品制造"),
            ProfileLine("企业标识", "规上、专精特新、高新技术企业"),
            ProfileLine("企业地址", "浙江省嘉兴市桐乡市梧桐街道文华南路 669 号"),
        ),
        contacts=(
            ContactLine("张伟", "总经理", "13857300001", "zhangwei@example.com"),
            ContactLine("刘芳", "销售部经理", "0573-88880001", "liufang@example.com"),
        ),
        case_numbers=(CASE_NO, "GZ-2024-0016"),
        officer_in_charge="王建国",
        recognitions=(
            RecognitionLine(
                product="高阻燃高强度玻纤增强聚酯基复合材料",
                model_spec="HM-FR300",
                scheme="浙江省首批次新材料认定",
                tier="国内首批次",
                year=2023,
                document_no="浙经信材料〔2023〕197号",
                recognised_on=date(2023, 11, 20),
                valid_until=date(2026, 11, 19),
                validity="有效",
                reward=Decimal("100.00"),
                reward_paid=True,
            ),
            RecognitionLine(
                product="耐老化低毛羽通用型玻璃纤维直接纱386H",
                model_spec="",
                scheme="重点新材料首批次应用示范指导目录",
                tier="其他",
                year=2021,
                document_no="工信部原函〔2021〕5号",
                recognised_on=date(2021, 12, 1),
                valid_until=date(2024, 11, 30),
                validity="即将到期",
                reward=None,
                reward_paid=False,
            ),
        ),
        sales_and_application=(
            ProfileLine("首批次销售合同", "3 份，累计 860.00 万元"),
            ProfileLine("下游用户", "浙江某新能源汽车有限公司、江苏某轨道交通装备有限公司"),
            ProfileLine("保险补偿", "已投保，保费 25.80 万元"),
        ),
        visits=tuple(visit_line(i) for i in range(visits)),
        needs=tuple(need_line(i) for i in range(needs)),
        attachments=attachments,
        embed_photos=embed_photos,
        redacted=redacted,
    )


def visit_sheet(needs: int = 2) -> VisitSheetData:
    return VisitSheetData(
        header=header("走访记录表", "ZF-2024-0107"),
        enterprise_name=ENTERPRISE,
        credit_code=CREDIT_CODE,
        address="浙江省嘉兴市桐乡市梧桐街道文华南路 669 号",
        visit=visit_line(0),
        case_numbers=(CASE_NO,),
        production_status="生产正常，三条产线满负荷运行，月产能约 1,200 吨。",
        sales_status="前三季度销售收入同比增长 18%，新材料产品占比 35%。",
        policies_explained="首批次保险补偿政策、省级首批次奖励兑现流程、专精特新企业培育政策。",
        next_visit_on=date(2024, 4, 15),
        needs=tuple(need_line(i) for i in range(needs)),
    )


def register_line(i: int) -> VisitRegisterLine:
    return VisitRegisterLine(
        visit_date=date(2024, 1, 1) + timedelta(days=i % 90),
        enterprise=f"嘉兴{['华美', '信汇', '巨石', '新凤鸣', '闻泰'][i % 5]}新材料有限公司{i % 97}",
        division=DIVISIONS[i % 7],
        method=METHODS[i % 4],
        officers=OFFICERS[i % 5],
        headline="了解首批次产品应用进展，宣传保险补偿政策",
    )


def summary(register: int = 40, idle: int = 5) -> SummaryData:
    by_division = tuple(CountLine(d, 10 + 7 * i) for i, d in enumerate(DIVISIONS))
    return SummaryData(
        header=header("首批次新材料跟踪服务季度汇总", "2024年第一季度"),
        period_label="2024年第一季度",
        date_from=date(2024, 1, 1),
        date_to=date(2024, 3, 31),
        division="",
        visits_total=sum(c.count for c in by_division),
        enterprises_visited=83,
        by_division=by_division,
        by_scheme=(
            CountLine("国家首批次目录", 21),
            CountLine("省首批次目录", 34),
            CountLine("省首批次认定", 47),
            CountLine("市级首批次认定", 12),
        ),
        by_tier=(
            CountLine("国际首批次", 3),
            CountLine("国内首批次", 29),
            CountLine("省内首批次", 50),
            CountLine("市级首批次", 12),
        ),
        by_need_category=tuple(CountLine(c, 4 + 3 * i) for i, c in enumerate(CATEGORIES)),
        by_officer=tuple(OfficerLine(o, 40 - 5 * i, 20 - 2 * i) for i, o in enumerate(OFFICERS)),
        needs_opened=69,
        needs_closed=52,
        needs_overdue=7,
        closure_rate=Decimal("75.36"),
        idle_days=180,
        idle_enterprises=tuple(
            IdleEnterpriseLine(
                f"嘉兴未访材料科技有限公司{i}",
                DIVISIONS[i % 7],
                date(2023, 6, 1) + timedelta(days=i) if i % 3 else None,
                304 - i if i % 3 else None,
            )
            for i in range(idle)
        ),
        visit_register=tuple(register_line(i) for i in range(register)),
    )
