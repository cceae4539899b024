"""``firstbatch-desk import``: preview counts, exit 1 and nothing written on errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from firstbatch_desk.app import open_context
from firstbatch_desk.cli import main
from tests.importing_files import csv_list, provincial_list

Capture = Any


def _counts(data_dir: Path) -> dict[str, int]:
    context = open_context(data_dir)
    try:
        return context.services.info.database_info().counts
    finally:
        context.close()


def test_a_dry_run_prints_the_preview_and_writes_nothing(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    source = provincial_list(tmp_path / "名单.xlsx")
    args = ["import", str(source), "--dry-run", "--scheme", "省首批次认定", "--year", "2021"]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "表头在第 2 行" in out and "新增 3" in out and "未写入" in out
    assert _counts(data_dir)["enterprises"] == 0


def test_an_import_writes_everything_and_a_second_changes_nothing(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    source = csv_list(tmp_path / "名单.csv", encoding="gbk")
    args = ["import", str(source), "--scheme", "PROVINCIAL_RECOGNITION", "--year", "2021"]
    assert main([*args, "--doc-no", "浙经信材料〔2021〕197号", "--data-dir", str(data_dir)]) == 0
    assert "新增企业 3 家" in capsys.readouterr().out
    first = _counts(data_dir)
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    assert "无变化 3" in capsys.readouterr().out
    assert _counts(data_dir) == first


def test_errors_exit_1_write_nothing_and_can_be_saved(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    source = provincial_list(tmp_path / "名单.xlsx")
    report = tmp_path / "问题.xlsx"
    args = ["import", str(source), "--report", str(report), "--data-dir", str(data_dir)]
    assert main(args) == 1  # no scheme, no year
    captured = capsys.readouterr()
    assert "错误 3" in captured.out and "未写入" in captured.err
    assert _counts(data_dir)["enterprises"] == 0
    sheet = load_workbook(report).active
    assert sheet.cell(1, 1).value == "行号" and sheet.max_row == 4


def test_a_file_that_is_not_a_list_is_explained(
    data_dir: Path, tmp_path: Path, capsys: Capture
) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_text("不是表格", encoding="utf-8")
    assert main(["import", str(fake), "--data-dir", str(data_dir)]) == 1
    assert "名单.xlsx" in capsys.readouterr().err


def test_an_unknown_scheme_is_refused(data_dir: Path, tmp_path: Path, capsys: Capture) -> None:
    source = provincial_list(tmp_path / "名单.xlsx")
    assert main(["import", str(source), "--scheme", "县级", "--data-dir", str(data_dir)]) == 2
    assert "认定类型" in capsys.readouterr().err
