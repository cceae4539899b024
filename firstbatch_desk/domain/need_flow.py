"""The need closed loop (受理 → 交办 → 办理 → 反馈 → 办结 → 回访).

A need moves between :class:`NeedStatus` states only along
:data:`TRANSITIONS`; each move is kept as a :class:`TransitionRecord`
(who, when, note). Returns, extension requests and refusals, reopening and
giving up must be explained in a note.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType

from firstbatch_desk.domain.enums import LabelledEnum, NeedStatus
from firstbatch_desk.domain.errors import TransitionError, ValidationError
from firstbatch_desk.domain.messages import render


class NeedAction(LabelledEnum):
    """What an officer does to a need; each action moves it to another state."""

    ACCEPT = "ACCEPT"
    ASSIGN = "ASSIGN"
    START = "START"
    REQUEST_EXTENSION = "REQUEST_EXTENSION"
    APPROVE_EXTENSION = "APPROVE_EXTENSION"
    REJECT_EXTENSION = "REJECT_EXTENSION"
    ANSWER = "ANSWER"
    REOPEN = "REOPEN"
    CLOSE = "CLOSE"
    REVISIT = "REVISIT"
    RETURN = "RETURN"
    REASSIGN = "REASSIGN"
    MARK_UNRESOLVABLE = "MARK_UNRESOLVABLE"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "ACCEPT": ("受理", "Accept"),
            "ASSIGN": ("交办", "Assign"),
            "START": ("开始办理", "Start work"),
            "REQUEST_EXTENSION": ("申请延期", "Request extension"),
            "APPROVE_EXTENSION": ("同意延期", "Approve extension"),
            "REJECT_EXTENSION": ("不同意延期", "Reject extension"),
            "ANSWER": ("反馈答复", "Answer"),
            "REOPEN": ("重新办理", "Reopen"),
            "CLOSE": ("办结", "Close"),
            "REVISIT": ("回访", "Return visit"),
            "RETURN": ("退回", "Return"),
            "REASSIGN": ("改派", "Reassign"),
            "MARK_UNRESOLVABLE": ("无法解决(已说明)", "Mark as cannot be solved"),
        }


_S = NeedStatus
_A = NeedAction

# Main path first in each state, then the side exits; allowed_actions keeps
# this order, which is the order buttons are shown in.
TRANSITIONS: Mapping[NeedStatus, Mapping[NeedAction, NeedStatus]] = MappingProxyType(
    {
        status: MappingProxyType(moves)
        for status, moves in {
            _S.PENDING: {_A.ACCEPT: _S.ACCEPTED, _A.RETURN: _S.RETURNED},
            _S.ACCEPTED: {_A.ASSIGN: _S.ASSIGNED, _A.MARK_UNRESOLVABLE: _S.UNRESOLVABLE},
            _S.ASSIGNED: {_A.START: _S.IN_PROGRESS, _A.RETURN: _S.RETURNED},
            _S.IN_PROGRESS: {
                _A.REQUEST_EXTENSION: _S.EXTENSION_REQUESTED,
                _A.ANSWER: _S.ANSWERED,
                _A.RETURN: _S.RETURNED,
                _A.MARK_UNRESOLVABLE: _S.UNRESOLVABLE,
            },
            _S.EXTENSION_REQUESTED: {
                _A.APPROVE_EXTENSION: _S.IN_PROGRESS,
                _A.REJECT_EXTENSION: _S.IN_PROGRESS,
            },
            _S.ANSWERED: {
                _A.CLOSE: _S.CLOSED,
                _A.REOPEN: _S.IN_PROGRESS,
                _A.MARK_UNRESOLVABLE: _S.UNRESOLVABLE,
            },
            _S.CLOSED: {_A.REVISIT: _S.REVISITED},
            _S.RETURNED: {_A.REASSIGN: _S.ASSIGNED, _A.MARK_UNRESOLVABLE: _S.UNRESOLVABLE},
            _S.REVISITED: {},
            _S.UNRESOLVABLE: {},
        }.items()
    }
)
"""For each state, the actions allowed in it and the state each leads to."""

NOTE_REQUIRED: frozenset[NeedAction] = frozenset(
    {
        NeedAction.RETURN,
        NeedAction.MARK_UNRESOLVABLE,
        NeedAction.REQUEST_EXTENSION,
        NeedAction.REJECT_EXTENSION,
        NeedAction.REOPEN,
    }
)
"""Actions that must be explained in a non-blank note."""


class NeedTransitionError(TransitionError):
    """A move the workflow does not allow; names the actions that are allowed.

    ``params`` carry Chinese labels; ``message("en")`` uses English labels.
    """

    def __init__(self, status: NeedStatus, action: NeedAction) -> None:
        self.status = status
        self.action = action
        self.allowed = allowed_actions(status)
        super().__init__("need.transition", **self._params("zh"))

    def _params(self, lang: str) -> dict[str, str]:
        english = lang.startswith("en")
        labels = [allowed.label(lang) for allowed in self.allowed]
        none = "none" if english else "无"
        return {
            "state": self.status.label(lang),
            "action": self.action.label(lang),
            "allowed": (", " if english else "、").join(labels) or none,
        }

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, **self._params(lang))


class NoteRequiredError(ValidationError):
    """An action that must be explained was given a blank note."""

    def __init__(self, action: NeedAction) -> None:
        self.action = action
        super().__init__("need.note_required", field="note", action=action.label("zh"))

    def message(self, lang: str = "zh") -> str:
        return render(self.code, lang, action=self.action.label(lang))


@dataclass(frozen=True, slots=True)
class TransitionRecord:
    """One step of a need through its workflow (流转记录)."""

    action: NeedAction
    from_status: NeedStatus
    to_status: NeedStatus
    at: datetime
    by: str
    note: str


def allowed_actions(status: NeedStatus) -> tuple[NeedAction, ...]:
    """The actions allowed in ``status``, main path first."""
    return tuple(TRANSITIONS[status])


def is_final(status: NeedStatus) -> bool:
    """Whether no action is allowed in ``status`` any more."""
    return not TRANSITIONS[status]


def next_status(status: NeedStatus, action: NeedAction) -> NeedStatus:
    """The state ``action`` leads to from ``status``; TransitionError if not allowed."""
    try:
        return TRANSITIONS[status][action]
    except KeyError:
        raise NeedTransitionError(status, action) from None


def note_required(action: NeedAction) -> bool:
    """Whether ``action`` must be explained in a note."""
    return action in NOTE_REQUIRED


def apply_transition(
    status: NeedStatus,
    action: NeedAction,
    *,
    by: str,
    at: datetime,
    note: str = "",
) -> TransitionRecord:
    """Check a move and return its record, with ``at`` in UTC and texts stripped.

    Raises TransitionError for a move not allowed, ValidationError for a
    missing note or officer, and ValueError for a naive ``at``.
    """
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"transition time must be timezone-aware, got {at!r}")
    to_status = next_status(status, action)
    clean_note = (note or "").strip()
    if action in NOTE_REQUIRED and not clean_note:
        raise NoteRequiredError(action)
    clean_by = (by or "").strip()
    if not clean_by:
        raise ValidationError("field.required", field="by", label="经办人")
    return TransitionRecord(
        action=action,
        from_status=status,
        to_status=to_status,
        at=at.astimezone(UTC),
        by=clean_by,
        note=clean_note,
    )
