"""``firstbatch-desk export …`` as a user runs it: a real workbook, the count, clear refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from firstbatch_desk.cli import main
from tests import factories


@pytest.fixture
def recorded(context: Any, data_dir: Path) -> dict[str, Any]:
    """Two enterprises, each with a recognised product under a case and one visit."""
    services = context.services
    names = ("浙江导出测试新材料有限公司", "嘉兴另一家化工有限公司")
    for name in names:
        enterprise = factories.enterprise(services, name=name)
        case = factories.recognised_case(services, enterprise.id)
        factories.visit(services, case.row, officer_ids=(case.row.officer_id,))
    context.close()
    return {"dir": str(data_dir), "names": names}


def _rows(path: Path) -> list[tuple[Any, ...]]:
    (sheet,) = load_workbook(path).worksheets
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize(
    ("kind", "header"),
    [
        ("enterprises", "企业名称"),
        ("recognitions", "认定档次"),
        ("cases", "档案号"),
        ("visits", "走访纪要"),
        ("needs", "诉求编号"),
    ],
)
def test_export_writes_the_ledger_and_prints_the_count(
    recorded: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    header: str,
) -> None:
    target = tmp_path / f"{kind}.xlsx"
    database = Path(recorded["dir"]) / "firstbatch.sqlite3"
    before = database.read_bytes()
    assert main(["export", kind, "-o", str(target), "--data-dir", recorded["dir"]]) == 0
    assert database.read_bytes() == before  # opened read-only
    rows = _rows(target)
    count = 0 if kind == "needs" else 2
    assert f"已导出 {count} 条记录到 {target}" in capsys.readouterr().out
    assert rows[0][0] == "序号" and header in rows[0]
    assert len(rows) == count + 1
    if kind != "needs":
        assert {r[rows[0].index("企业名称")] for r in rows[1:]} == set(recorded["names"])


def test_search_exports_only_what_the_list_finds(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "visits.xlsx"
    args = ["--data-dir", recorded["dir"], "--lang", "en", "--search", "另一家"]
    assert main(["export", "visits", "-o", str(target), *args]) == 0
    assert f"Exported 1 rows to {target}" in capsys.readouterr().out
    (_, row) = _rows(target)
    assert row[2] == "嘉兴另一家化工有限公司"
    assert row[1].date().isoformat() == "2024-03-12"


def test_a_missing_folder_gives_the_message_and_no_file(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "nowhere" / "visits.xlsx"
    assert main(["export", "visits", "-o", str(target), "--data-dir", recorded["dir"]]) == 1
    assert f"无法导出到“{target}”：所在文件夹不存在。" in capsys.readouterr().err
    assert not target.parent.exists()


def test_a_bad_name_is_refused_in_english_too(
    recorded: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "visits.csv"
    target.write_text("kept")
    args = ["export", "visits", "-o", str(target), "--data-dir", recorded["dir"], "--lang", "en"]
    assert main(args) == 1
    assert "must end in .xlsx" in capsys.readouterr().err
    assert target.read_text() == "kept"


def test_an_unknown_ledger_is_a_usage_error(recorded: dict[str, Any], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["export", "products", "-o", str(tmp_path / "x.xlsx")])
    assert caught.value.code == 2
