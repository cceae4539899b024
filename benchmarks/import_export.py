"""Import and export figures (information: the issue sets no targets).

    python benchmarks/import_export.py --data-dir DIR

A 10,000-row published list (built here) is read, planned and committed into a
fresh scratch data directory, and planned again (the second import: nothing to
do); the 200,000 visits of DIR are exported as a ledger (DIR is opened read-only).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the list builder of the tests

from harness import Figure, print_report

from tests.importing_files import big_list

ROWS = 10_000


def import_export(data_dir: Path, _runs: int) -> list[Figure]:
    from firstbatch_desk.app import open_context
    from firstbatch_desk.domain.dtos.exporting import LedgerKind
    from firstbatch_desk.domain.dtos.importing import ImportOptions
    from firstbatch_desk.domain.enums import Scheme

    figures = []
    with tempfile.TemporaryDirectory() as scratch:
        source = big_list(Path(scratch) / "list.xlsx", ROWS)
        context = open_context(Path(scratch) / "data")
        imports = context.services.imports
        options = ImportOptions(scheme=Scheme.PROVINCIAL_RECOGNITION)
        started = time.perf_counter()
        table = imports.read(source)
        read = time.perf_counter()
        imports.plan(table, options)
        planned = time.perf_counter()
        imports.commit(table, options)
        committed = time.perf_counter()
        again = imports.plan(table, options)
        replanned = time.perf_counter()
        context.close()
        assert again.can_commit and len(again.lines) == ROWS
        note = "information: 10,000 rows, 30,000 records created"
        figures += [
            Figure("import: read a 10,000-row .xlsx", read - started, 10, "s", note),
            Figure("import: plan (the dry run)", planned - read, 10, "s", note),
            Figure("import: commit in one transaction", committed - planned, 60, "s", note),
            Figure("import: plan the same file again", replanned - committed, 10, "s", note),
        ]
        context = open_context(data_dir, readonly=True)
        try:
            started = time.perf_counter()
            rows = context.services.exports.export_ledger(
                LedgerKind.VISITS, Path(scratch) / "visits.xlsx"
            )
            figures.append(
                Figure(
                    "export: the visit ledger",
                    time.perf_counter() - started,
                    300,
                    "s",
                    f"information: {rows:,} rows",
                )
            )
        finally:
            context.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    args = parser.parse_args()
    print_report(import_export(args.data_dir, 1), as_json=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
