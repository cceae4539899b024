"""Enumerations of the domain, and the glossary of its words.

Each member's value is the stable code stored in the database (ASCII, never
shown); ``label()`` gives the words an officer reads, in Chinese by default
or in English.

Glossary (one English term per Chinese term, used everywhere in the code):

=================  ====================  ===========================================
English            Chinese               meaning
=================  ====================  ===========================================
Enterprise         企业                  a company looked after by the bureau
Product            产品                  a new-material product of an enterprise
Recognition        认定 / 入选目录        a product recognised under a Scheme
Scheme             首批次类别             which of the four first-batch schemes
Tier               认定档次               国际 / 国内 / 省内 / 市级 / 其他
Case               跟踪服务档案            follow-up of one recognised product
Visit              走访/服务记录           one visit, call or meeting
Need               问题诉求               something the enterprise needs
Transition         流转记录               one step of a need through its workflow
Officer            工作人员               a case officer of the bureau
Division           行政区划               county-level division (南湖区 …)
Zone               开发区                 development zone
Department         部门                   lead (主办) or supporting (协办) unit
Credit code        统一社会信用代码         GB 32100-2015 identifier
=================  ====================  ===========================================
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label."""

    _labels: dict[str, tuple[str, str]]

    def label(self, lang: str = "zh") -> str:
        zh, en = type(self)._label_table()[self.value]
        return en if lang.startswith("en") else zh

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        raise NotImplementedError

    @classmethod
    def from_label(cls, text: str) -> LabelledEnum:
        """The member whose code, Chinese or English label is ``text``."""
        wanted = text.strip()
        for member in cls:
            zh, en = cls._label_table()[member.value]
            if wanted in (member.value, zh) or wanted.lower() == en.lower():
                return member
        raise ValueError(f"{cls.__name__}: {text!r}")


def _table(**labels: tuple[str, str]) -> dict[str, tuple[str, str]]:
    return labels


class Scheme(LabelledEnum):
    """The four things all called 首批次; never mix them up."""

    NATIONAL_CATALOGUE = "NATIONAL_CATALOGUE"
    PROVINCIAL_CATALOGUE = "PROVINCIAL_CATALOGUE"
    PROVINCIAL_RECOGNITION = "PROVINCIAL_RECOGNITION"
    MUNICIPAL_RECOGNITION = "MUNICIPAL_RECOGNITION"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            NATIONAL_CATALOGUE=("国家首批次目录", "National catalogue"),
            PROVINCIAL_CATALOGUE=("省首批次目录", "Provincial catalogue"),
            PROVINCIAL_RECOGNITION=("省首批次认定", "Provincial recognition"),
            MUNICIPAL_RECOGNITION=("市级首批次认定", "Municipal recognition"),
        )


class Tier(LabelledEnum):
    """Recognition tier; the raw published wording is stored beside it."""

    INTERNATIONAL = "INTERNATIONAL"
    DOMESTIC = "DOMESTIC"
    PROVINCIAL = "PROVINCIAL"
    MUNICIPAL = "MUNICIPAL"
    OTHER = "OTHER"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            INTERNATIONAL=("国际首批次", "International first"),
            DOMESTIC=("国内首批次", "Domestic first"),
            PROVINCIAL=("省内首批次", "Provincial first"),
            MUNICIPAL=("市级首批次", "Municipal first"),
            OTHER=("其他", "Other"),
        )


class VisitMethod(LabelledEnum):
    ON_SITE = "ON_SITE"
    PHONE = "PHONE"
    MEETING = "MEETING"
    ONLINE = "ONLINE"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            ON_SITE=("上门", "On site"),
            PHONE=("电话", "Phone"),
            MEETING=("座谈", "Meeting"),
            ONLINE=("线上", "Online"),
        )


class CaseStatus(LabelledEnum):
    ACTIVE = "ACTIVE"
    PAUSED = "PAUSED"
    CLOSED = "CLOSED"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            ACTIVE=("跟踪中", "Active"),
            PAUSED=("暂停", "Paused"),
            CLOSED=("结案", "Closed"),
        )


class NeedStatus(LabelledEnum):
    """States of the need closed loop (受理 → 交办 → 办理 → 反馈 → 办结)."""

    PENDING = "PENDING"
    ACCEPTED = "ACCEPTED"
    ASSIGNED = "ASSIGNED"
    IN_PROGRESS = "IN_PROGRESS"
    EXTENSION_REQUESTED = "EXTENSION_REQUESTED"
    ANSWERED = "ANSWERED"
    CLOSED = "CLOSED"
    REVISITED = "REVISITED"
    RETURNED = "RETURNED"
    UNRESOLVABLE = "UNRESOLVABLE"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            PENDING=("待受理", "Pending"),
            ACCEPTED=("已受理", "Accepted"),
            ASSIGNED=("已交办", "Assigned"),
            IN_PROGRESS=("办理中", "In progress"),
            EXTENSION_REQUESTED=("申请延期", "Extension requested"),
            ANSWERED=("已反馈", "Answered"),
            CLOSED=("已办结", "Closed"),
            REVISITED=("已回访", "Return visit done"),
            RETURNED=("退回/改派", "Returned / reassigned"),
            UNRESOLVABLE=("无法解决(已说明)", "Cannot be solved (explained)"),
        )

    @property
    def is_open(self) -> bool:
        return self not in (NeedStatus.CLOSED, NeedStatus.REVISITED, NeedStatus.UNRESOLVABLE)

    @property
    def awaits_answer(self) -> bool:
        """Whether the enterprise still waits for an answer, so the deadline runs.

        Once answered (已反馈) the deadline has been met; closing and the return
        visit follow without one.
        """
        return self.is_open and self is not NeedStatus.ANSWERED


class NeedCategory(LabelledEnum):
    POLICY_FUNDING = "POLICY_FUNDING"
    INSURANCE = "INSURANCE"
    MARKET = "MARKET"
    TESTING = "TESTING"
    IP = "IP"
    FINANCING = "FINANCING"
    LAND = "LAND"
    TALENT = "TALENT"
    APPROVAL = "APPROVAL"
    TECHNOLOGY = "TECHNOLOGY"
    OTHER = "OTHER"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            POLICY_FUNDING=("政策兑现/奖补", "Policy & subsidies"),
            INSURANCE=("保险补偿", "Insurance compensation"),
            MARKET=("市场推广/用户对接", "Market & users"),
            TESTING=("检测认证", "Testing & certification"),
            IP=("知识产权", "Intellectual property"),
            FINANCING=("融资", "Financing"),
            LAND=("用地/厂房", "Land & buildings"),
            TALENT=("用工/人才", "Labour & talent"),
            APPROVAL=("审批/能评环评", "Approvals & assessments"),
            TECHNOLOGY=("技术攻关/产学研", "Technology & research"),
            OTHER=("其他", "Other"),
        )


class Urgency(LabelledEnum):
    NORMAL = "NORMAL"
    URGENT = "URGENT"
    CRITICAL = "CRITICAL"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            NORMAL=("一般", "Normal"),
            URGENT=("紧急", "Urgent"),
            CRITICAL=("特急", "Critical"),
        )


class Complexity(LabelledEnum):
    """Simple needs are answered in 1 working day, complex ones in 3."""

    SIMPLE = "SIMPLE"
    COMPLEX = "COMPLEX"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(SIMPLE=("简单", "Simple"), COMPLEX=("复杂", "Complex"))


class Satisfaction(LabelledEnum):
    SATISFIED = "SATISFIED"
    BASICALLY_SATISFIED = "BASICALLY_SATISFIED"
    DISSATISFIED = "DISSATISFIED"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            SATISFIED=("满意", "Satisfied"),
            BASICALLY_SATISFIED=("基本满意", "Basically satisfied"),
            DISSATISFIED=("不满意", "Dissatisfied"),
        )


class NeedChannel(LabelledEnum):
    """How a need reached the bureau."""

    VISIT = "VISIT"
    PHONE = "PHONE"
    PLATFORM = "PLATFORM"
    LETTER = "LETTER"
    OTHER = "OTHER"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            VISIT=("走访", "Visit"),
            PHONE=("电话", "Phone"),
            PLATFORM=("企呼我应平台", "Service platform"),
            LETTER=("来函", "Letter"),
            OTHER=("其他", "Other"),
        )


class AttachmentOwner(LabelledEnum):
    VISIT = "VISIT"
    NEED = "NEED"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(VISIT=("走访记录", "Visit"), NEED=("问题诉求", "Need"))


# A tier must fit its scheme: 市级 only with the municipal scheme, and the
# municipal scheme only with 市级 or 其他.
ALLOWED_TIERS: dict[Scheme, frozenset[Tier]] = {
    Scheme.NATIONAL_CATALOGUE: frozenset({Tier.INTERNATIONAL, Tier.DOMESTIC, Tier.OTHER}),
    Scheme.PROVINCIAL_CATALOGUE: frozenset(
        {Tier.INTERNATIONAL, Tier.DOMESTIC, Tier.PROVINCIAL, Tier.OTHER}
    ),
    Scheme.PROVINCIAL_RECOGNITION: frozenset(
        {Tier.INTERNATIONAL, Tier.DOMESTIC, Tier.PROVINCIAL, Tier.OTHER}
    ),
    Scheme.MUNICIPAL_RECOGNITION: frozenset({Tier.MUNICIPAL, Tier.OTHER}),
}
