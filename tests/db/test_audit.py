"""The audit hook: every ORM write leaves hash-chained entries in its own transaction."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from firstbatch_desk.db import audit
from firstbatch_desk.db.audit import REDACTED, _plan_of, entry_hash
from firstbatch_desk.db.models import Enterprise, Officer
from firstbatch_desk.domain.dtos.audit import GENESIS_HASH
from firstbatch_desk.domain.dtos.followup import NeedInput, TransitionInput
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from firstbatch_desk.domain.enums import NeedCategory
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.need_flow import NeedAction
from firstbatch_desk.paths import resource_path
from firstbatch_desk.services.demo import DemoGenerator
from tests import factories

OLD_NAME, NEW_NAME = "旧名称新材料有限公司", "新名称新材料有限公司"


def _entries(context: Any, after: int = 0) -> list[dict[str, Any]]:
    """The audit entries after seq ``after``, read straight from the file."""
    with sqlite3.connect(context.paths.database) as raw:
        raw.row_factory = sqlite3.Row
        rows = raw.execute("SELECT * FROM audit_entries WHERE seq > ? ORDER BY seq", (after,))
        found = [dict(row) for row in rows]
    for row in found:
        row["before"] = None if row["before"] is None else json.loads(row["before"])
        row["after"] = None if row["after"] is None else json.loads(row["after"])
    return found


def _last_seq(context: Any) -> int:
    with sqlite3.connect(context.paths.database) as raw:
        return raw.execute("SELECT coalesce(max(seq), 0) FROM audit_entries").fetchone()[0]


def _of(entries: list[dict[str, Any]], entity: str) -> list[dict[str, Any]]:
    return [e for e in entries if e["entity"] == entity]


def test_creating_an_enterprise_records_who_when_and_its_values(context: Any) -> None:
    detail = factories.enterprise(context.services, name="嘉兴审计新材料有限公司", notes="首次建档")
    (entry,) = _of(_entries(context), "enterprises")
    assert entry["action"] == "create"
    assert entry["actor"] == "本机用户"
    assert entry["entity_id"] == str(detail.id)
    assert entry["before"] is None
    after = entry["after"]
    assert after["name"] == "嘉兴审计新材料有限公司"
    assert after["notes"] == "首次建档"  # a deferred column
    assert after["credit_code"] == detail.credit_code
    assert after["id"] == str(detail.id)
    assert after["deleted_at"] is None
    for bookkeeping in ("updated_at", "rev", "updated_by", "origin"):
        assert bookkeeping not in after


def test_an_update_records_only_the_changed_columns_before_and_after(context: Any) -> None:
    services = context.services
    detail = factories.enterprise(services, name=OLD_NAME, notes="旧备注")
    seq = _last_seq(context)
    data = EnterpriseInput(
        name=NEW_NAME,
        credit_code=detail.credit_code or "",
        division_code=detail.division_code,
        notes="新备注",
        above_scale=True,
    )
    services.enterprises.update_enterprise(detail.id, data)
    (entry,) = _of(_entries(context, seq), "enterprises")
    assert entry["action"] == "update"
    assert entry["before"] == {
        "name": "旧名称新材料有限公司",
        "notes": "旧备注",
        "above_scale": False,
    }
    assert entry["after"] == {
        "name": "新名称新材料有限公司",
        "notes": "新备注",
        "above_scale": True,
    }
    # Saving the same values again changes nothing, so it records nothing.
    seq = _last_seq(context)
    services.enterprises.update_enterprise(detail.id, data)
    assert _of(_entries(context, seq), "enterprises") == []


def test_delete_and_restore_are_recorded_as_such(context: Any) -> None:
    services = context.services
    detail = factories.enterprise(services)
    seq = _last_seq(context)
    when = services.enterprises.delete_enterprise(detail.id)
    (deleted,) = _of(_entries(context, seq), "enterprises")
    assert deleted["action"] == "delete"
    assert deleted["before"] == {"deleted_at": None}
    assert deleted["after"]["deleted_at"].startswith(when.strftime("%Y-%m-%dT%H:%M:%S"))
    seq = _last_seq(context)
    services.enterprises.restore_enterprise(detail.id)
    (restored,) = _of(_entries(context, seq), "enterprises")
    assert restored["action"] == "restore"
    assert restored["before"] == deleted["after"]
    assert restored["after"] == {"deleted_at": None}


def test_recording_a_visit_records_the_visit_its_links_and_the_case(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    seq = _last_seq(context)
    visit = factories.visit(services, case.row, summary="企业反映融资难。")
    entries = _entries(context, seq)
    (created,) = _of(entries, "visits")
    assert created["action"] == "create" and created["entity_id"] == str(visit.row.id)
    assert created["after"]["visit_date"] == "2024-03-12"
    assert created["after"]["method"] == "ON_SITE"  # an enum as its stored code
    (note,) = _of(entries, "visit_notes")
    assert note["after"]["summary"] == "企业反映融资难。"
    assert [e["after"]["case_id"] for e in _of(entries, "visit_cases")] == [str(case.row.id)]
    changes = [e for e in _of(entries, "cases") if e["action"] == "update"]
    assert changes and changes[-1]["after"]["last_visit_on"] == "2024-03-12"
    assert changes[-1]["before"]["last_visit_on"] is None
    assert {e["actor"] for e in entries} == {"本机用户"}


def test_a_need_transition_records_the_step_and_the_status_change(context: Any) -> None:
    services = context.services
    case = factories.recognised_case(services)
    need = services.needs.raise_need(
        NeedInput(
            case.row.enterprise_id,
            NeedCategory.FINANCING,
            "流动资金贷款对接",
            "企业希望对接银行。",
            case_id=case.row.id,
            raised_on=date(2025, 9, 26),
        )
    )
    seq = _last_seq(context)
    services.needs.transition(need.row.id, TransitionInput(NeedAction.ACCEPT, on="2025-09-26"))
    entries = _entries(context, seq)
    (step,) = _of(entries, "need_transitions")
    assert step["action"] == "create"
    assert step["after"]["action"] == "ACCEPT"
    assert step["after"]["from_status"] == "PENDING"
    assert step["after"]["need_id"] == str(need.row.id)
    (changed,) = _of(entries, "needs")
    assert changed["action"] == "update"
    assert changed["before"]["status"] == "PENDING"
    assert changed["after"]["status"] == step["after"]["to_status"]
    assert changed["after"]["accepted_on"] == "2025-09-26"


def test_a_failed_save_leaves_no_entry(context: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The visit row is flushed (and audited) before a need in it is refused: the
    refusal rolls back the visit and its audit entries together."""
    services = context.services
    case = factories.recognised_case(services)
    other = factories.recognised_case(services)
    seq = _last_seq(context)
    written: list[str] = []
    append = audit.append_entries

    def spy(connection: Any, drafts: Any) -> int:
        written.extend(draft.entity for draft in drafts)
        return append(connection, drafts)

    monkeypatch.setattr(audit, "append_entries", spy)
    need = NeedInput(case.row.enterprise_id, NeedCategory.FINANCING, "贷款", case_id=other.row.id)
    with pytest.raises(ValidationError) as caught:
        factories.visit(services, case.row, new_needs=(need,))
    assert caught.value.code == "visit.need_case_not_covered"
    assert "visits" in written  # written in the transaction, then rolled back with it
    assert _entries(context, seq) == []
    assert services.visits.list_visits() == []


def test_the_entries_form_a_hash_chain_without_gaps(context: Any) -> None:
    """Recomputed from the raw rows of the file: each hash covers the entry and the
    hash before it; changing any byte of the content changes the hash."""
    case = factories.recognised_case(context.services)
    factories.visit(context.services, case.row)
    with sqlite3.connect(context.paths.database) as raw:
        rows = raw.execute(
            "SELECT seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash "
            "FROM audit_entries ORDER BY seq"
        ).fetchall()
    assert len(rows) > 8
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    previous = GENESIS_HASH
    for row in rows:
        at = datetime.fromisoformat(row[1]).replace(tzinfo=UTC)
        content = (row[0], at, *row[2:8])
        assert row[8] == previous
        assert entry_hash(*content, previous) == row[9]
        changed = (*content[:7], (row[7] or "") + " ")
        assert entry_hash(*changed, previous) != row[9]
        previous = row[9]


def test_a_hard_delete_records_the_values_it_removed(context: Any) -> None:
    context.services.reference.add_officer(OfficerInput("王临时"))
    seq = _last_seq(context)
    with context.session_factory.begin() as session:
        officer = session.scalars(select(Officer).where(Officer.name == "王临时")).one()
        session.delete(officer)
    (entry,) = _entries(context, seq)
    assert entry["action"] == "delete" and entry["entity"] == "officers"
    assert entry["before"]["name"] == "王临时" and entry["after"] is None


def test_drafts_and_bookkeeping_are_not_audited(context: Any) -> None:
    seq = _last_seq(context)
    context.services.drafts.save_draft("visit-new:x", "visit_new", {"summary": "草稿"})
    assert _entries(context, seq) == []
    plan = _plan_of(Enterprise)
    assert plan is not None and "updated_at" not in plan.columns and "rev" not in plan.columns
    redacting = replace(plan, redact=frozenset({"password_hash"}))
    assert redacting.value("password_hash", "$argon2id$v=19$…") == REDACTED
    assert redacting.value("name", "某公司") == "某公司"


def test_demo_data_leaves_one_batch_entry(tmp_path: Path) -> None:
    from firstbatch_desk.app import open_context

    context = open_context(tmp_path / "demo")
    try:
        counts = DemoGenerator(
            context.engine, words_dir=resource_path("demo"), origin="test", seed=7
        ).generate(30)
        rows = sum(n for table, n in counts.items() if table != "search_documents")
        (entry,) = _entries(context)
        assert entry["action"] == "batch" and entry["entity"] == "demo"
        assert entry["after"]["summary"] == f"demo data: {rows} rows"
        assert entry["after"]["rows"]["visits"] == 30
        assert entry["prev_hash"] == GENESIS_HASH
        assert context.services.audit.verify().ok
    finally:
        context.close()
