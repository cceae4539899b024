from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from firstbatch_desk.domain.enums import NeedStatus
from firstbatch_desk.domain.errors import TransitionError, ValidationError
from firstbatch_desk.domain.need_flow import (
    TRANSITIONS,
    NeedAction,
    TransitionRecord,
    allowed_actions,
    apply_transition,
    is_final,
    next_status,
)

S = NeedStatus
A = NeedAction
AT = datetime(2024, 9, 30, 8, 0, tzinfo=UTC)

EXPECTED = {
    (S.PENDING, A.ACCEPT): S.ACCEPTED,
    (S.PENDING, A.RETURN): S.RETURNED,
    (S.ACCEPTED, A.ASSIGN): S.ASSIGNED,
    (S.ACCEPTED, A.MARK_UNRESOLVABLE): S.UNRESOLVABLE,
    (S.ASSIGNED, A.START): S.IN_PROGRESS,
    (S.ASSIGNED, A.RETURN): S.RETURNED,
    (S.IN_PROGRESS, A.REQUEST_EXTENSION): S.EXTENSION_REQUESTED,
    (S.IN_PROGRESS, A.ANSWER): S.ANSWERED,
    (S.IN_PROGRESS, A.RETURN): S.RETURNED,
    (S.IN_PROGRESS, A.MARK_UNRESOLVABLE): S.UNRESOLVABLE,
    (S.EXTENSION_REQUESTED, A.APPROVE_EXTENSION): S.IN_PROGRESS,
    (S.EXTENSION_REQUESTED, A.REJECT_EXTENSION): S.IN_PROGRESS,
    (S.ANSWERED, A.CLOSE): S.CLOSED,
    (S.ANSWERED, A.REOPEN): S.IN_PROGRESS,
    (S.ANSWERED, A.MARK_UNRESOLVABLE): S.UNRESOLVABLE,
    (S.CLOSED, A.REVISIT): S.REVISITED,
    (S.RETURNED, A.REASSIGN): S.ASSIGNED,
    (S.RETURNED, A.MARK_UNRESOLVABLE): S.UNRESOLVABLE,
}
NOTE_ACTIONS = {A.RETURN, A.MARK_UNRESOLVABLE, A.REQUEST_EXTENSION, A.REJECT_EXTENSION, A.REOPEN}


def test_action_labels() -> None:
    assert A.ACCEPT.label() == "受理"
    assert A.REJECT_EXTENSION.label() == "不同意延期"
    assert A.MARK_UNRESOLVABLE.label() == "无法解决(已说明)"
    assert A.REASSIGN.label("en") == "Reassign"
    assert A.from_label("反馈答复") is A.ANSWER
    assert len(A) == 13


def test_transition_table_is_exactly_the_workflow() -> None:
    table = {
        (status, action): target
        for status, moves in TRANSITIONS.items()
        for action, target in moves.items()
    }
    assert table == EXPECTED
    assert set(TRANSITIONS) == set(S)


def test_transition_table_is_read_only() -> None:
    assert isinstance(TRANSITIONS, MappingProxyType)
    with pytest.raises(TypeError):
        TRANSITIONS[S.PENDING] = {}  # type: ignore[index]
    with pytest.raises(TypeError):
        TRANSITIONS[S.PENDING][A.CLOSE] = S.CLOSED  # type: ignore[index]


@pytest.mark.parametrize(("status", "action"), list(EXPECTED))
def test_each_allowed_transition(status: NeedStatus, action: NeedAction) -> None:
    assert next_status(status, action) is EXPECTED[status, action]
    assert action in allowed_actions(status)
    record = apply_transition(status, action, by="张三", at=AT, note="说明")
    assert record == TransitionRecord(action, status, EXPECTED[status, action], AT, "张三", "说明")


def test_allowed_actions_keep_the_main_path_first() -> None:
    assert allowed_actions(S.PENDING) == (A.ACCEPT, A.RETURN)
    assert allowed_actions(S.IN_PROGRESS) == (
        A.REQUEST_EXTENSION,
        A.ANSWER,
        A.RETURN,
        A.MARK_UNRESOLVABLE,
    )
    assert allowed_actions(S.ANSWERED) == (A.CLOSE, A.REOPEN, A.MARK_UNRESOLVABLE)


def test_final_states() -> None:
    assert {status for status in S if is_final(status)} == {S.REVISITED, S.UNRESOLVABLE}
    assert allowed_actions(S.REVISITED) == ()


@pytest.mark.parametrize(
    ("status", "action"),
    [(status, action) for status in S for action in A if (status, action) not in EXPECTED],
)
def test_illegal_moves_raise(status: NeedStatus, action: NeedAction) -> None:
    with pytest.raises(TransitionError) as caught:
        next_status(status, action)
    assert caught.value.code == "need.transition"
    assert caught.value.params["state"] == status.label()
    assert caught.value.params["action"] == action.label()
    with pytest.raises(TransitionError):
        apply_transition(status, action, by="张三", at=AT, note="说明")


def test_illegal_move_message_names_the_allowed_actions() -> None:
    with pytest.raises(TransitionError) as caught:
        next_status(S.ASSIGNED, A.CLOSE)
    assert str(caught.value) == "问题诉求处于“已交办”，不能执行“办结”。可以：开始办理、退回。"
    english = caught.value.message("en")
    assert english == (
        "A need in state \u201cAssigned\u201d cannot be \u201cClose\u201d. "
        "Allowed: Start work, Return."
    )


def test_illegal_move_from_a_final_state_says_nothing_is_allowed() -> None:
    with pytest.raises(TransitionError) as caught:
        next_status(S.REVISITED, A.REOPEN)
    assert caught.value.params["allowed"] == "无"
    assert str(caught.value).endswith("可以：无。")
    assert caught.value.message("en").endswith("Allowed: none.")


@pytest.mark.parametrize(("status", "action"), [key for key in EXPECTED if key[1] in NOTE_ACTIONS])
@pytest.mark.parametrize("note", ["", "   ", "\u3000\n"])
def test_notes_required(status: NeedStatus, action: NeedAction, note: str) -> None:
    with pytest.raises(ValidationError) as caught:
        apply_transition(status, action, by="张三", at=AT, note=note)
    assert caught.value.code == "need.note_required"
    assert caught.value.field == "note"
    assert str(caught.value) == f"“{action.label()}”需要填写说明。"
    assert caught.value.message("en") == f"\u201c{action.label('en')}\u201d needs a note."


@pytest.mark.parametrize(
    ("status", "action"), [key for key in EXPECTED if key[1] not in NOTE_ACTIONS]
)
def test_other_actions_need_no_note(status: NeedStatus, action: NeedAction) -> None:
    assert apply_transition(status, action, by="张三", at=AT).note == ""


def test_note_and_officer_are_stripped() -> None:
    record = apply_transition(S.PENDING, A.RETURN, by=" 李四 ", at=AT, note=" 不属本局职责 \n")
    assert (record.by, record.note) == ("李四", "不属本局职责")


@pytest.mark.parametrize("by", ["", "  "])
def test_officer_required(by: str) -> None:
    with pytest.raises(ValidationError) as caught:
        apply_transition(S.PENDING, A.ACCEPT, by=by, at=AT)
    assert caught.value.code == "field.required"
    assert caught.value.field == "by"
    assert str(caught.value) == "“经办人”不能为空。"


def test_time_must_be_aware_and_is_stored_in_utc() -> None:
    with pytest.raises(ValueError):
        apply_transition(S.PENDING, A.ACCEPT, by="张三", at=datetime(2024, 9, 30, 8, 0))
    beijing = timezone(timedelta(hours=8))
    record = apply_transition(
        S.PENDING, A.ACCEPT, by="张三", at=datetime(2024, 9, 30, 16, 0, tzinfo=beijing)
    )
    assert record.at == AT
    assert record.at.utcoffset() == timedelta(0)
    assert record.at.tzinfo is UTC


@given(st.lists(st.sampled_from(list(A)), max_size=60), st.data())
def test_random_action_sequences_from_pending(
    actions: list[NeedAction], data: st.DataObject
) -> None:
    status = S.PENDING
    records: list[TransitionRecord] = []
    at = AT
    for action in actions:
        allowed = allowed_actions(status)
        if is_final(status):
            assert allowed == ()
        if action not in allowed:
            with pytest.raises(TransitionError):
                apply_transition(status, action, by="张三", at=at, note="说明")
            # steer back onto the workflow so sequences get long
            if not allowed:
                break
            action = data.draw(st.sampled_from(allowed))
        at += timedelta(minutes=1)
        record = apply_transition(status, action, by="张三", at=at, note="说明")
        assert isinstance(record.to_status, NeedStatus)
        records.append(record)
        status = record.to_status
    assert records == [] or records[0].from_status is S.PENDING
    for before, after in itertools.pairwise(records):
        assert before.to_status is after.from_status
        assert before.at < after.at
    for record in records:
        assert EXPECTED[record.from_status, record.action] is record.to_status
        assert not is_final(record.from_status)
