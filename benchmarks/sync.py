"""Sync figures against a local PostgreSQL hub (#8).

    FIRSTBATCH_BENCH_PG_URL=postgresql+psycopg://user:pw@localhost/postgres \\
        python benchmarks/sync.py --data-dir DIR

* 10,000 changed records synced both ways (≤ 5 s): a laptop with 10,000 new
  records pushes them and pulls the merged rows back; a second laptop pulls them;
  then both change 5,000 records each and sync.
* The first full pull of DIR's data (the 200,000-visit set, ≤ 60 s): DIR is
  copied (SQLite backup API; DIR itself is not changed), pushed to a fresh hub,
  and a new laptop pulls everything, with progress.

The URL names a server account that may create databases; each run makes its
own databases and drops them afterwards.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Figure, print_report

DEFAULT_URL = "postgresql+psycopg://fbd:fbd@localhost/postgres"
SMALL_VISITS = 1130  # about 10,000 records with their notes, links, needs …


def _server() -> str:
    return os.environ.get("FIRSTBATCH_BENCH_PG_URL", DEFAULT_URL)


class Hubs:
    """Fresh hub databases on the server, dropped at the end."""

    def __init__(self) -> None:
        from sqlalchemy import create_engine

        self.admin = create_engine(_server(), isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def new(self) -> str:
        from sqlalchemy import text
        from sqlalchemy.engine import make_url

        name = f"fbd_bench_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        self.made.append(name)
        return make_url(_server()).set(database=name).render_as_string(hide_password=False)

    def close(self) -> None:
        from sqlalchemy import text

        with self.admin.connect() as connection:
            for name in self.made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def _laptop(directory: Path, *, visits: int = 0):
    from firstbatch_desk.app import open_context
    from firstbatch_desk.paths import resource_path
    from firstbatch_desk.services.demo import DemoGenerator

    context = open_context(directory)
    if visits:
        DemoGenerator(
            context.engine, words_dir=resource_path("demo"), origin=context.config.installation
        ).generate(visits=visits)
    return context


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _change(context, table_name: str, column: str, count: int, value: str) -> None:
    """Change ``column`` of ``count`` rows through the ORM (stamped, bases kept)."""
    from sqlalchemy import select

    from firstbatch_desk.db.models import SYNCED_MODELS

    model = next(m for m in SYNCED_MODELS if m.__tablename__ == table_name)
    with context.session_factory.begin() as session:
        for row in session.scalars(select(model).order_by(model.id).limit(count)):
            setattr(row, column, f"{value}{row.id.hex[:6]}")


def ten_thousand(scratch: Path, hubs: Hubs) -> list[Figure]:
    url = hubs.new()
    maker = _laptop(scratch / "maker", visits=SMALL_VISITS)
    other = _laptop(scratch / "other")
    maker.services.sync.init_hub(url)
    pending = maker.services.sync.status().pending
    up_and_back = _timed(lambda: maker.services.sync.sync(url))
    first_pull = _timed(lambda: other.services.sync.sync(url))
    _change(maker, "visit_notes", "summary", 5000, "甲改")
    _change(other, "visit_attendees", "title", 5000, "乙改")
    both = _timed(lambda: maker.services.sync.sync(url))
    both += _timed(lambda: other.services.sync.sync(url))
    note = f"{pending:,} records"
    maker.close()
    other.close()
    return [
        Figure("sync: push 10,000 new records and pull them back", up_and_back, 5, "s", note),
        Figure("sync: another laptop pulls the 10,000", first_pull, 5, "s", note),
        Figure("sync: two laptops change 5,000 each, both sync", both, 5, "s"),
    ]


def _copy(source: Path, target_dir: Path) -> None:
    target_dir.mkdir(parents=True)
    (target_dir / "config").mkdir()
    with sqlite3.connect(source) as origin, sqlite3.connect(target_dir / source.name) as copy:
        origin.backup(copy)


def _never_synced(context) -> None:
    """Make the (migrated) copy look as if it had never synced: DIR may have."""
    from sqlalchemy import text

    from firstbatch_desk.db.sync_codec import codecs

    with context.engine.begin() as connection:
        connection.execute(text("DELETE FROM app_meta WHERE key LIKE 'sync.%'"))
        connection.execute(text("DELETE FROM sync_base"))
        for codec in codecs():
            connection.execute(text(f'UPDATE "{codec.name}" SET rev = 1 WHERE rev = 0'))


def full_pull(data_dir: Path, scratch: Path, hubs: Hubs) -> list[Figure]:
    url = hubs.new()
    _copy(data_dir / "firstbatch.sqlite3", scratch / "office")
    office = _laptop(scratch / "office")
    _never_synced(office)
    office.services.sync.init_hub(url)
    pushed = _timed(lambda: office.services.sync.sync(url))
    office.close()
    newcomer = _laptop(scratch / "newcomer")
    reports: list[int] = []
    report = None

    def pull() -> None:
        nonlocal report
        report = newcomer.services.sync.sync(url, lambda phase, done, total: reports.append(done))

    seconds = _timed(pull)
    newcomer.close()
    rows = report.pulled if report else 0
    return [
        Figure(
            "sync: load the hub from the data set (push and pull back)",
            pushed,
            600,
            "s",
            "information: setting up the next figure",
        ),
        Figure(
            "sync: first full pull of the data set",
            seconds,
            60,
            "s",
            f"{rows:,} rows, {len(reports)} progress reports",
        ),
    ]


def sync_figures(data_dir: Path, _runs: int) -> list[Figure]:
    hubs = Hubs()
    try:
        with tempfile.TemporaryDirectory() as scratch:
            figures = ten_thousand(Path(scratch), hubs)
            figures += full_pull(data_dir, Path(scratch), hubs)
    finally:
        hubs.close()
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = sync_figures(args.data_dir, 1)
    print_report(figures, as_json=args.json)
    return 0 if all(f.hit for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
