"""AuditService: the filtered list, the chain check against a tampered file, the export."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from firstbatch_desk.domain.dtos.audit import AuditAction, AuditFilter, AuditProblem
from firstbatch_desk.domain.dtos.exporting import ExportCancelled
from firstbatch_desk.domain.dtos.register import EnterpriseInput
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.services import audit as audit_module
from firstbatch_desk.services.audit import AuditCancelled
from firstbatch_desk.services.listing import SortOrder
from tests import factories


@pytest.fixture
def history(context: Any) -> dict[str, Any]:
    """An enterprise created, renamed, deleted and restored; a case and a visit."""
    services = context.services
    enterprise = factories.enterprise(services, name="审计测试新材料有限公司")
    services.enterprises.update_enterprise(
        enterprise.id,
        EnterpriseInput(
            name="审计测试新材料股份有限公司",
            credit_code=enterprise.credit_code or "",
            division_code=enterprise.division_code,
        ),
    )
    services.enterprises.delete_enterprise(enterprise.id)
    services.enterprises.restore_enterprise(enterprise.id)
    case = factories.recognised_case(services)
    factories.visit(services, case.row)
    return {"enterprise": enterprise, "case": case}


def _sql(context: Any, statement: str, *params: Any) -> None:
    """Change the database file behind the program's back, as a tamperer would."""
    with sqlite3.connect(context.paths.database) as raw:
        raw.execute(statement, params)


def test_the_list_filters_by_entity_record_actor_action_dates_and_text(
    context: Any, history: dict[str, Any]
) -> None:
    audit = context.services.audit
    everything = audit.list_entries(limit=1000)
    assert [e.seq for e in everything] == sorted((e.seq for e in everything), reverse=True)
    ident = history["enterprise"].id
    mine = audit.list_entries(AuditFilter(entity="enterprises", entity_id=str(ident)))
    assert [e.action for e in reversed(mine)] == [
        AuditAction.CREATE,
        AuditAction.UPDATE,
        AuditAction.DELETE,
        AuditAction.RESTORE,
    ]
    assert audit.list_entries(AuditFilter(entity_id=ident.hex)) == mine  # typed without dashes
    (renamed,) = audit.list_entries(AuditFilter(search="股份有限公司", entity="enterprises"))
    assert renamed.values_before() == {"name": "审计测试新材料有限公司"}
    assert renamed.values_after() == {"name": "审计测试新材料股份有限公司"}
    assert [c.name for c in renamed.changes()] == ["name"]
    deleted = audit.list_entries(AuditFilter(action=AuditAction.DELETE))
    assert [e.entity_id for e in deleted] == [str(ident)] * len(deleted)
    assert len(audit.list_entries(AuditFilter(actor="本机"), limit=1000)) == len(everything)
    assert audit.list_entries(AuditFilter(actor="别人")) == []
    today = date.today()
    assert len(audit.list_entries(AuditFilter(date_from=today, date_to=today), limit=1000)) == len(
        everything
    )
    assert audit.list_entries(AuditFilter(date_from=today + timedelta(days=1))) == []
    assert audit.list_entries(AuditFilter(date_to=today - timedelta(days=1))) == []
    assert len(audit.list_entries(limit=3)) == 3


def test_keys_and_rows_serve_the_big_list(context: Any, history: dict[str, Any]) -> None:
    audit = context.services.audit
    keys = audit.entry_keys()
    rows = {row.id.hex: row for row in audit.entry_rows(keys)}
    assert [rows[key].seq for key in keys] == sorted((r.seq for r in rows.values()), reverse=True)
    by_entity = audit.entry_keys(order=SortOrder("entity"))
    entities = [rows[key].entity for key in by_entity]
    assert entities == sorted(entities)
    assert list(audit.entry_keys(limit=2)) == list(keys[:2])
    assert "visits" in audit.entities() and "audit_entries" not in audit.entities()


def test_verify_passes_on_an_untouched_trail(context: Any, history: dict[str, Any]) -> None:
    verdict = context.services.audit.verify()
    count = len(context.services.audit.list_entries(limit=10_000))
    assert verdict.ok and verdict.checked == count
    assert verdict.message() == f"审计记录完整：{count} 条"
    assert verdict.head_hash == context.services.audit.get_entry(count).hash


def test_verify_names_an_entry_whose_content_was_changed(
    context: Any, history: dict[str, Any]
) -> None:
    _sql(context, "UPDATE audit_entries SET after = replace(after, '股份', '集团') WHERE seq = 2")
    verdict = context.services.audit.verify()
    assert not verdict.ok
    assert (verdict.broken_seq, verdict.problem) == (2, AuditProblem.CONTENT_CHANGED)
    assert verdict.checked == 1
    assert verdict.message() == "审计记录第 2 条被改动过：它的哈希与内容不符。"
    assert "entry 2" in verdict.message("en")


def test_verify_names_a_removed_entry(context: Any, history: dict[str, Any]) -> None:
    _sql(context, "DELETE FROM audit_entries WHERE seq = 4")
    verdict = context.services.audit.verify()
    assert (verdict.broken_seq, verdict.problem) == (4, AuditProblem.ENTRY_MISSING)
    assert "第 4 条缺失" in verdict.message() and "第 5 条" in verdict.message()


def test_verify_names_a_broken_link(context: Any, history: dict[str, Any]) -> None:
    _sql(context, "UPDATE audit_entries SET prev_hash = ? WHERE seq = 3", "f" * 64)
    verdict = context.services.audit.verify()
    assert (verdict.broken_seq, verdict.problem) == (3, AuditProblem.LINK_BROKEN)
    assert verdict.found == "f" * 64
    assert verdict.expected == context.services.audit.get_entry(2).hash


def test_verify_names_the_first_of_several_breaks(context: Any, history: dict[str, Any]) -> None:
    _sql(context, "UPDATE audit_entries SET actor = '别人' WHERE seq IN (5, 7)")
    _sql(context, "UPDATE audit_entries SET at = 'not a time' WHERE seq = 6")
    verdict = context.services.audit.verify()
    assert (verdict.broken_seq, verdict.problem) == (5, AuditProblem.CONTENT_CHANGED)
    _sql(context, "UPDATE audit_entries SET actor = '本机用户' WHERE seq = 5")
    verdict = context.services.audit.verify()  # an unreadable time is a change, not a crash
    assert (verdict.broken_seq, verdict.problem) == (6, AuditProblem.CONTENT_CHANGED)


def test_verify_reports_progress_and_can_be_cancelled(
    context: Any, history: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(audit_module, "VERIFY_STEP", 1)
    seen: list[tuple[int, int]] = []
    context.services.audit.verify(progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 1 and seen[-1][0] == seen[-1][1]
    with pytest.raises(AuditCancelled) as caught:
        context.services.audit.verify(cancelled=lambda: True)
    assert "取消" in str(caught.value)


def test_export_writes_every_entry_with_its_hashes(
    context: Any, history: dict[str, Any], tmp_path: Path
) -> None:
    audit = context.services.audit
    target = tmp_path / "审计.xlsx"
    count = audit.export(target)
    entries = list(reversed(audit.list_entries(limit=10_000)))
    assert count == len(entries)
    (sheet,) = load_workbook(target).worksheets
    rows = list(sheet.iter_rows(values_only=True))
    headers = rows[0]
    assert headers[:3] == ("序号", "编号", "时间（UTC）") and headers[-1] == "哈希"
    assert [r[1] for r in rows[1:]] == [e.seq for e in entries]
    assert [r[-1] for r in rows[1:]] == [e.hash for e in entries]
    assert rows[1][4] == "新增" and rows[1][5] == "企业" and rows[1][6] == "enterprises"
    enterprises = AuditFilter(entity="enterprises")
    only = audit.export(tmp_path / "企业.xlsx", enterprises)
    assert only == len(audit.list_entries(enterprises)) == 5  # 4 of one, 1 of the case's


def test_export_refuses_a_bad_target_and_writes_nothing(context: Any, tmp_path: Path) -> None:
    factories.enterprise(context.services)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValidationError) as caught:
        context.services.audit.export(folder / "审计.csv")
    assert caught.value.code == "export.not_xlsx"
    assert list(folder.iterdir()) == []


def test_a_cancelled_export_leaves_no_file(
    context: Any, history: dict[str, Any], tmp_path: Path
) -> None:
    target = tmp_path / "审计.xlsx"
    with pytest.raises(ExportCancelled):
        context.services.audit.export(target, cancelled=lambda: True)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
