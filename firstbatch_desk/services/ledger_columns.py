"""The columns of each exported ledger (台账): header, and how the values are written.

Every ledger starts with 序号; the columns below follow it, in the order the
queries of :mod:`firstbatch_desk.services.ledger_queries` return the values.
The recognition ledger keeps the wording of published lists (序号, 企业名称,
统一社会信用代码, 地区, 产品名称, 型号规格, 认定类型, 认定档次, 年度, 文号,
认定日期 …), so that the import reads an export back unchanged; its 认定档次
is the published wording of the tier when there is one, else the tier's label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.services.ledger_queries import (
    case_records,
    enterprise_records,
    need_records,
    recognition_records,
    visit_records,
)

SEQ_HEADER = "序号"


class CellKind(Enum):
    """How a column's values are written."""

    TEXT = "text"
    LONG_TEXT = "long_text"  # wrapped
    DATE = "date"  # a real Excel date, yyyy-mm-dd
    MONEY = "money"  # a number in 万元, two decimals shown
    COUNT = "count"  # an integer
    YES_NO = "yes_no"  # 是 / 否


@dataclass(frozen=True, slots=True)
class LedgerColumn:
    header: str
    kind: CellKind = CellKind.TEXT


Fetch = Callable[[Session, Sequence[str]], dict[str, tuple[Any, ...]]]


@dataclass(frozen=True, slots=True)
class Ledger:
    """A ledger's columns (after 序号) and the query that reads them by list key."""

    kind: LedgerKind
    columns: tuple[LedgerColumn, ...]
    fetch: Fetch


def _col(header: str, kind: CellKind = CellKind.TEXT) -> LedgerColumn:
    return LedgerColumn(header, kind)


LONG, DATE, MONEY, COUNT, YES_NO = (
    CellKind.LONG_TEXT,
    CellKind.DATE,
    CellKind.MONEY,
    CellKind.COUNT,
    CellKind.YES_NO,
)


ENTERPRISE_COLUMNS = (
    _col("企业名称"),
    _col("统一社会信用代码"),
    _col("曾用名"),
    _col("所在区县"),
    _col("开发区"),
    _col("地址"),
    _col("法定代表人"),
    _col("所属行业"),
    _col("规上企业", YES_NO),
    _col("专精特新", YES_NO),
    _col("高新技术企业", YES_NO),
    _col("联系人"),
    _col("职务"),
    _col("联系电话"),
    _col("电子邮箱"),
    _col("产品数", COUNT),
    _col("认定数", COUNT),
    _col("备注", LONG),
)


RECOGNITION_COLUMNS = (
    _col("企业名称"),
    _col("统一社会信用代码"),
    _col("地区"),
    _col("产品名称"),
    _col("型号规格"),
    _col("认定类型"),
    _col("认定档次"),
    _col("年度", COUNT),
    _col("文号"),
    _col("认定日期", DATE),
    _col("有效期至", DATE),
    _col("奖励金额（万元）", MONEY),
    _col("是否兑现", YES_NO),
)


CASE_COLUMNS = (
    _col("档案号"),
    _col("企业名称"),
    _col("统一社会信用代码"),
    _col("地区"),
    _col("产品名称"),
    _col("认定类型"),
    _col("认定档次"),
    _col("认定年度", COUNT),
    _col("负责人"),
    _col("状态"),
    _col("建档日期", DATE),
    _col("上次走访", DATE),
    _col("下次走访", DATE),
    _col("结案日期", DATE),
    _col("走访次数", COUNT),
    _col("未办结诉求", COUNT),
    _col("备注", LONG),
)


VISIT_COLUMNS = (
    _col("走访日期", DATE),
    _col("企业名称"),
    _col("地区"),
    _col("走访方式"),
    _col("走访人员"),
    _col("企业参加人员"),
    _col("涉及档案"),
    _col("生产情况", LONG),
    _col("销售情况", LONG),
    _col("推广应用进展", LONG),
    _col("新增下游用户", LONG),
    _col("新增用户数", COUNT),
    _col("政策宣传", LONG),
    _col("走访纪要", LONG),
    _col("合同金额（万元）", MONEY),
    _col("数量"),
    _col("下次走访日期", DATE),
    _col("已签字", YES_NO),
)


NEED_COLUMNS = (
    _col("诉求编号"),
    _col("企业名称"),
    _col("诉求类别"),
    _col("诉求事项"),
    _col("诉求内容", LONG),
    _col("来源渠道"),
    _col("紧急程度"),
    _col("状态"),
    _col("主办部门"),
    _col("协办部门"),
    _col("提出日期", DATE),
    _col("受理日期", DATE),
    _col("办理期限", DATE),
    _col("办结日期", DATE),
    _col("办理结果", LONG),
    _col("满意度"),
)


LEDGERS: dict[LedgerKind, Ledger] = {
    LedgerKind.ENTERPRISES: Ledger(LedgerKind.ENTERPRISES, ENTERPRISE_COLUMNS, enterprise_records),
    LedgerKind.RECOGNITIONS: Ledger(
        LedgerKind.RECOGNITIONS, RECOGNITION_COLUMNS, recognition_records
    ),
    LedgerKind.CASES: Ledger(LedgerKind.CASES, CASE_COLUMNS, case_records),
    LedgerKind.VISITS: Ledger(LedgerKind.VISITS, VISIT_COLUMNS, visit_records),
    LedgerKind.NEEDS: Ledger(LedgerKind.NEEDS, NEED_COLUMNS, need_records),
}
