"""The worklist (工作台): what an officer should act on now, section by section."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from firstbatch_desk.domain.enums import LabelledEnum


class WorkSection(LabelledEnum):
    """A section of the worklist; what each one holds is defined in ``services.worklist``."""

    DUE_THIS_WEEK = "DUE_THIS_WEEK"
    OVERDUE = "OVERDUE"
    NEVER_VISITED = "NEVER_VISITED"
    NEEDS_DUE = "NEEDS_DUE"
    EXPIRING = "EXPIRING"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "DUE_THIS_WEEK": ("本周到期", "Due this week"),
            "OVERDUE": ("已逾期", "Overdue"),
            "NEVER_VISITED": ("认定后未走访", "Not visited since recognition"),
            "NEEDS_DUE": ("诉求临期或逾期", "Needs due soon or overdue"),
            "EXPIRING": ("认定即将到期", "Recognitions expiring soon"),
        }


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One row of a section: something to open and act on.

    ``case_id`` is the case to open (ready to record a visit); for a need or a
    recognition it is the related case, if there is one.
    """

    section: WorkSection
    case_id: uuid.UUID | None
    enterprise_id: uuid.UUID
    enterprise_name: str
    subject: str  # product name / need title / recognised product and scheme
    reference: str  # case number / need number / document number
    due_on: date | None  # next due / effective need due (extension included) / valid until
    days_late: int  # calendar days past ``due_on``; 0 when not late
    officer_name: str
    need_id: uuid.UUID | None = None
    recognition_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class WorkList:
    """The worklist of one day: full counts, and the first rows of each section."""

    today: date
    counts: Mapping[WorkSection, int]
    items: Mapping[WorkSection, tuple[WorkItem, ...]]  # most urgent first, at most ``limit``

    @property
    def total(self) -> int:
        """The sum of the section counts.

        Not a count of distinct cases: a never-visited case that is also due
        this week or overdue is counted in both sections (DUE_THIS_WEEK and
        OVERDUE never overlap).
        """
        return sum(self.counts.values())


def needing_action(counts: Mapping[WorkSection, int]) -> int:
    """The number the navigation shows: due, overdue, needs and expiring recognitions.

    Never-visited cases are left out: each is also due this week or overdue when its
    first visit is due, and would otherwise be counted twice.
    """
    return sum(n for section, n in counts.items() if section is not WorkSection.NEVER_VISITED)
