"""Export the recognitions ledger, import it back: nothing changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.dtos.importing import ImportOptions, LineAction
from firstbatch_desk.domain.enums import Scheme
from tests.importing_files import provincial_list


def test_an_exported_ledger_imports_back_unchanged(context: Any, tmp_path: Path) -> None:
    services = context.services
    options = ImportOptions(
        scheme=Scheme.PROVINCIAL_RECOGNITION, year=2021, document_no="浙经信材料〔2021〕197号"
    )
    source = provincial_list(tmp_path / "名单.xlsx")
    services.imports.commit(services.imports.read(source), options)
    before = services.info.database_info().counts
    ledger = tmp_path / "台账.xlsx"
    assert services.exports.export_ledger(LedgerKind.RECOGNITIONS, ledger) == 3

    table = services.imports.read(ledger)
    plan = services.imports.plan(table, ImportOptions())  # scheme and year are in the ledger
    assert [line.action for line in plan.lines] == [LineAction.UNCHANGED] * 3, [
        line.reasons for line in plan.lines
    ]
    services.imports.commit(table, ImportOptions())
    assert services.info.database_info().counts == before


def test_a_cancelled_commit_writes_nothing(context: Any, tmp_path: Path) -> None:
    import pytest

    from firstbatch_desk.domain.errors import ValidationError
    from tests.importing_files import big_list

    imports = context.services.imports
    table = imports.read(big_list(tmp_path / "名单.xlsx", 1200))
    options = ImportOptions(scheme=Scheme.PROVINCIAL_RECOGNITION)
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2  # after the plan's checks, midway through writing

    with pytest.raises(ValidationError) as stopped:
        imports.commit(table, options, cancelled=cancelled)
    assert stopped.value.code == "import.cancelled"
    assert context.services.info.database_info().counts["enterprises"] == 0
