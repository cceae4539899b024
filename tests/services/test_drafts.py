"""Drafts: kept whole, replaced, found by what they are about, dropped with their record."""

from __future__ import annotations

from typing import Any

import pytest

from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.services.drafts import MAX_PAYLOAD_CHARS
from tests import factories


def test_a_draft_is_kept_replaced_found_and_discarded(context: Any) -> None:
    drafts = context.services.drafts
    drafts.save_draft("visit-new:a", "visit_new", {"summary": "一"}, subject_id="e1", title="甲")
    drafts.save_draft("visit-new:b", "visit_new", {"summary": "二"}, subject_id="e2", title="乙")
    drafts.save_draft("visit-new:a", "visit_new", {"summary": "一改"}, subject_id="e1", title="甲")
    assert drafts.get_draft("visit-new:a").payload == {"summary": "一改"}
    assert [d.key for d in drafts.find_drafts("visit_new", "e1")] == ["visit-new:a"]
    # newest first: "a" was written last
    assert [d.key for d in drafts.find_drafts("visit_new")] == ["visit-new:a", "visit-new:b"]
    assert drafts.find_drafts("visit_edit") == []
    drafts.discard_draft("visit-new:a")
    assert drafts.get_draft("visit-new:a") is None
    drafts.discard_draft("visit-new:a")  # twice is fine


def test_emoji_and_rare_characters_survive(context: Any) -> None:
    drafts = context.services.drafts
    text = "企业😀𠀀\u202e反向\n第二行"
    drafts.save_draft("k", "visit_new", {"summary": text})
    assert drafts.get_draft("k").payload["summary"] == text


def test_a_huge_draft_is_refused_with_a_message_and_the_old_one_kept(context: Any) -> None:
    drafts = context.services.drafts
    drafts.save_draft("k", "visit_new", {"summary": "短"})
    with pytest.raises(ValidationError) as refused:
        drafts.save_draft("k", "visit_new", {"summary": "长" * (MAX_PAYLOAD_CHARS + 1)})
    assert "草稿太大" in refused.value.message("zh")
    assert drafts.get_draft("k").payload == {"summary": "短"}


def test_saving_the_visit_drops_its_draft_in_the_same_step(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    services.drafts.save_draft("visit-new:x", "visit_new", {"summary": "草稿"})
    factories.visit(services, case.row)  # another save does not touch it
    assert services.drafts.get_draft("visit-new:x") is not None
    from firstbatch_desk.domain.dtos.followup import VisitInput
    from firstbatch_desk.domain.enums import VisitMethod

    data = VisitInput(case.row.enterprise_id, (case.row.id,), "2024-05-06", VisitMethod.PHONE)
    services.visits.record_visit(data, draft_key="visit-new:x")
    assert services.drafts.get_draft("visit-new:x") is None
