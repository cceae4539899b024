"""``firstbatch-desk report …`` as a user runs it: real PDFs read back, clear refusals."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from firstbatch_desk.cli import main
from firstbatch_desk.domain.dtos.followup import AttendeeInput
from firstbatch_desk.domain.dtos.register import ContactInput
from tests import factories


@pytest.fixture
def recorded(context: Any, data_dir: Path) -> dict[str, Any]:
    """One enterprise with a case and a visit of 2024-03-12, written through the services."""
    services = context.services
    enterprise = factories.enterprise(
        services,
        name="浙江报表测试新材料有限公司",
        contacts=(ContactInput("李娜", "总经理", "13812345678"),),
    )
    case = factories.recognised_case(services, enterprise.id)
    visit = factories.visit(
        services,
        case.row,
        officer_ids=(case.row.officer_id,),
        attendees=(AttendeeInput("李娜", "总经理"),),
    )
    context.close()
    return {"enterprise": enterprise, "case": case.row, "visit": visit.row, "dir": str(data_dir)}


def _text(path: Path) -> str:
    reader = PdfReader(path)
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def _listed_id(kind: str, data_dir: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["list", kind, "--data-dir", data_dir, "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    return row["id"]


@pytest.mark.parametrize("kind", ["case", "enterprise", "visit"])
def test_each_record_report_writes_a_readable_pdf(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    ident = _listed_id(f"{kind}s", recorded["dir"], capsys)
    target = tmp_path / f"{kind}.pdf"
    assert main(["report", kind, ident, "-o", str(target), "--data-dir", recorded["dir"]]) == 0
    out = capsys.readouterr().out
    pages = len(PdfReader(target).pages)
    assert f"已生成：{target}（共 {pages} 页）" in out
    text = _text(target)
    enterprise = recorded["enterprise"]
    assert enterprise.name in text
    assert enterprise.credit_code in text
    assert "第1页共" in text
    assert recorded["case"].case_no in text
    if kind != "visit":
        assert "李娜" in text and "13812345678" in text


def test_redacted_case_file_hides_names_and_phones(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "redacted.pdf"
    args = ["report", "case", str(recorded["case"].id), "-o", str(target), "--redact", "--photos"]
    assert main([*args, "--data-dir", recorded["dir"]]) == 0
    text = _text(target)
    assert recorded["enterprise"].name in text
    assert "李娜" not in text and "13812345678" not in text and "陈晓明" not in text
    assert "李*" in text and "138******78" in text


def test_summary_writes_the_counts_of_the_period(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "summary.pdf"
    args = ["report", "summary", "--from", "2024-01-01", "--to", "2024-03-31"]
    assert (
        main([*args, "--district", "南湖区", "-o", str(target), "--data-dir", recorded["dir"]]) == 0
    )
    assert str(target) in capsys.readouterr().out
    text = _text(target)
    assert "第1页共" in text
    assert "2024年第一季度" in text and "南湖区" in text
    assert recorded["enterprise"].name in text  # the visit register lists the visit


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["case", "not-an-id"], "不是有效的跟踪档案 id"),
        (["enterprise", "12345"], "不是有效的企业 id"),
        (["case", str(uuid.UUID(int=7))], "找不到跟踪档案"),
        (["visit", str(uuid.UUID(int=8))], "找不到走访记录"),
        (["summary", "--from", "2024-13-01", "--to", "2024-12-31"], "不是有效日期"),
        (["summary", "--from", "2024-12-31", "--to", "2024-01-01"], "不能早于"),
        (
            ["summary", "--from", "2024-01-01", "--to", "2024-12-31", "--district", "火星区"],
            "火星区",
        ),
    ],
)
def test_bad_input_exits_1_and_writes_nothing(
    recorded: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    assert main(["report", *args, "-o", str(target), "--data-dir", recorded["dir"]]) == 1
    assert message in capsys.readouterr().err
    assert list(target.parent.iterdir()) == []


def test_messages_in_english_and_a_missing_folder(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case_id = str(recorded["case"].id)
    missing = tmp_path / "nowhere" / "x.pdf"
    assert main(["report", "case", case_id, "-o", str(missing), "--data-dir", recorded["dir"]]) == 1
    assert "文件夹不存在" in capsys.readouterr().err
    assert not missing.parent.exists()

    args = ["--lang", "en", "report", "summary", "--from", "2024-02-30", "--to", "2024-03-01"]
    assert main([*args, "-o", str(tmp_path / "s.pdf"), "--data-dir", recorded["dir"]]) == 1
    assert "is not a valid date" in capsys.readouterr().err
    args = ["--lang", "en", "report", "enterprise", "x", "-o", str(tmp_path / "e.pdf")]
    assert main([*args, "--data-dir", recorded["dir"]]) == 1
    assert "is not a valid enterprise id" in capsys.readouterr().err
    assert not (tmp_path / "s.pdf").exists() and not (tmp_path / "e.pdf").exists()


def test_batch_writes_the_case_files_of_a_district(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "batch"
    args = ["report", "batch", "--district", "330402", "-o", str(folder)]
    assert main([*args, "--data-dir", recorded["dir"]]) == 0
    assert [p.name for p in folder.iterdir()] == [f"{recorded['case'].case_no}.pdf"]
    assert "1 份案卷" in capsys.readouterr().out


def test_report_help_names_every_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    helped = capsys.readouterr().out
    for kind in ("case", "enterprise", "visit", "summary", "batch"):
        assert kind in helped
    with pytest.raises(SystemExit):
        main(["report", "summary", "--help"])
    helped = capsys.readouterr().out
    assert "--data-dir" in helped and "--district" in helped
