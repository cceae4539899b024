"""Crash safety (DESIGN.md, Reliability and security): a write happens whole or not at all.

A subprocess that is writing a large batch (demo data, an import) is killed with
SIGKILL at random moments; each time the database must pass SQLite's integrity
check, hold the whole batch or none of it, and open normally afterwards. A write
that runs out of room (a file-size limit set on the process, or SQLite's page
limit, which fails exactly as a full disk does) is refused with a clear message and
leaves the database as it was.

The kill moments come from a seeded generator and are spread over the time a
reference run of the same command spent writing, measured on the same machine.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from firstbatch_desk.app import AppContext, open_context
from firstbatch_desk.domain.dtos.importing import ImportOptions
from firstbatch_desk.domain.enums import Scheme
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.paths import AppPaths
from tests.importing_files import big_list

ROOT = Path(__file__).resolve().parent.parent
KILLS = 20
MAX_RUNS = 45  # runs that ended on their own before the kill do not count
SEED = 20260707
DEMO_SCALE = 1000
IMPORT_ROWS = 2_000
SCHEME = "PROVINCIAL_RECOGNITION"
DISK_FULL_ZH = "磁盘空间不足，本次修改未保存。"
FTS_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")

posix_only = pytest.mark.skipif(
    sys.platform == "win32", reason="SIGKILL and RLIMIT_FSIZE are POSIX"
)

Counts = dict[str, int]


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "firstbatch_desk", *args]


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("FIRSTBATCH_DESK_HOME", None)
    return env


def table_counts(database: Path) -> Counts:
    """Rows in every table (full-text shadow tables aside); {} for a file without tables."""
    with closing(sqlite3.connect(database)) as raw:
        names = [
            row[0]
            for row in raw.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in sorted(names)
            if not (name.startswith("fts_") and name.endswith(FTS_SHADOWS))
        }


def integrity(database: Path) -> list[str]:
    """``PRAGMA integrity_check`` as the next program to open the file would see it."""
    with closing(sqlite3.connect(database)) as raw:
        return [str(row[0]) for row in raw.execute("PRAGMA integrity_check")]


def uncommitted_wal_frames(database: Path) -> int:
    """Pages of an unfinished transaction in the write-ahead log (SQLite's WAL format).

    More than zero after a kill means the process died while it was writing the
    batch: the transaction had spilled pages to the log but not committed them.
    """
    wal = database.with_name(database.name + "-wal")
    if not wal.exists() or wal.stat().st_size < 32:
        return 0
    data = wal.read_bytes()
    page_size = struct.unpack(">I", data[8:12])[0]
    salts = data[16:24]
    frame, offset, last_commit, valid = 24 + page_size, 32, 0, 0
    while offset + frame <= len(data) and data[offset + 8 : offset + 16] == salts:
        valid += 1
        if struct.unpack(">I", data[offset + 4 : offset + 8])[0]:
            last_commit = valid
        offset += frame
    return valid - last_commit


Anchor = Callable[["subprocess.Popen[str]"], None]


def after_line(prefix: str) -> Anchor:
    """Wait until the command prints a line starting with ``prefix``."""

    def wait(process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith(prefix):
                return

    return wait


def after_file(path: Path) -> Anchor:
    """Wait until the command has created ``path``."""

    def wait(process: subprocess.Popen[str]) -> None:
        while not path.exists() and process.poll() is None:
            time.sleep(0.001)

    return wait


def run_command(
    command: list[str], anchor: Anchor, log: Path, kill_after: float | None = None
) -> bool:
    """Run ``command``; ``kill_after`` seconds after ``anchor`` send SIGKILL.

    Returns whether SIGKILL ended the process (False: it had finished by then).
    """
    with log.open("w") as errors:
        process = subprocess.Popen(
            command, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=errors, text=True
        )
        try:
            anchor(process)
            if kill_after is not None:
                time.sleep(kill_after)
                process.send_signal(signal.SIGKILL)
            process.communicate()
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return process.returncode == -signal.SIGKILL


def writing_time(command: list[str], anchor: Anchor, database: Path, log: Path) -> float:
    """Seconds from ``anchor`` until a reference run has committed its batch.

    The command closes the database right after committing, and closing the last
    connection folds the write-ahead log into the file and deletes it; that moment
    ends the batch. Kills later than that would only hit the interpreter's exit.
    """
    with log.open("w") as errors:
        process = subprocess.Popen(
            command, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=errors, text=True
        )
        anchor(process)
        anchored = time.perf_counter()
        wal = database.with_name(database.name + "-wal")
        seen, done = False, 0.0
        while process.poll() is None and not done:
            if wal.exists():
                seen = True
            elif seen:
                done = time.perf_counter() - anchored
            time.sleep(0.001)
        process.communicate()
    assert process.returncode == 0, log.read_text(encoding="utf-8")
    return done or time.perf_counter() - anchored


@dataclass
class Kills:
    """What the kills found (printed at the end; shown by ``pytest -s``)."""

    states: Counter[str]
    mid_write: int = 0
    runs: int = 0


def kill_repeatedly(
    tmp_path: Path,
    command: Callable[[Path], list[str]],
    anchor: Callable[[Path], Anchor],
    span: float,
    check: Callable[[Path, Kills], None],
    prepare: Callable[[Path], object] = lambda _d: None,
) -> Kills:
    """Run ``command`` on fresh data directories, each killed at a random moment up to
    ``span`` seconds after its anchor, until KILLS kills have landed; ``check`` each.

    Two runs go at a time when the machine has the processors for it.
    """
    rng = random.Random(SEED)
    kills = Kills(Counter())
    workers = 2 if (os.cpu_count() or 1) >= 2 else 1

    def one(number: int, delay: float) -> tuple[Path, bool]:
        data_dir = tmp_path / f"run{number}"
        prepare(data_dir)
        log = tmp_path / f"run{number}.log"
        return data_dir, run_command(command(data_dir), anchor(data_dir), log, delay)

    with ThreadPoolExecutor(workers) as pool:
        while sum(kills.states.values()) < KILLS:
            landed = sum(kills.states.values())
            assert kills.runs < MAX_RUNS, f"only {landed} of {kills.runs} kills landed: {kills}"
            wanted = min(workers, KILLS - landed)
            numbers = range(kills.runs, kills.runs + wanted)
            kills.runs += wanted
            runs = [pool.submit(one, n, rng.uniform(0.0, span * 1.05)) for n in numbers]
            for run in runs:
                data_dir, killed = run.result()
                if killed:
                    check(data_dir, kills)
                shutil.rmtree(data_dir, ignore_errors=True)
    print(f"\n{kills.runs} runs, {KILLS} killed: {dict(kills.states)}; mid-write {kills.mid_write}")
    return kills


def _starts_normally(data_dir: Path) -> Counts:
    """The program opens the data directory after the kill; the counts it then sees."""
    context = open_context(data_dir)
    context.close()
    return table_counts(AppPaths.resolve(data_dir).database)


@pytest.fixture(scope="module")
def created_counts(template_dir: Path) -> Counts:
    """A new data directory as the program creates it (schema and reference data)."""
    return table_counts(AppPaths.resolve(template_dir).database)


@posix_only
def test_killing_demo_generation_leaves_all_of_it_or_none(
    tmp_path: Path, created_counts: Counts
) -> None:
    def command(data_dir: Path) -> list[str]:
        return _cli("demo", "--scale", str(DEMO_SCALE), "--data-dir", str(data_dir))

    # The clock starts when the command makes the data directory (its first write).
    reference_dir = tmp_path / "reference"
    database = AppPaths.resolve(reference_dir).database
    log = tmp_path / "reference.log"
    span = writing_time(command(reference_dir), after_file(reference_dir), database, log)
    full = table_counts(database)
    batch = sorted(t for t in full if full[t] != created_counts.get(t))
    assert {"enterprises", "visits", "needs"} <= set(batch)

    def check(data_dir: Path, kills: Kills) -> None:
        database = AppPaths.resolve(data_dir).database
        if not database.exists():
            kills.states["no database yet"] += 1
            return
        kills.mid_write += uncommitted_wal_frames(database) > 0
        assert integrity(database) == ["ok"]
        counts = table_counts(database)
        held = {t: counts.get(t, 0) for t in batch}
        assert held in ({t: 0 for t in batch}, {t: full[t] for t in batch}), (
            f"part of the demo data survived the kill: {held}"
        )
        whole = held["enterprises"] > 0
        kills.states["whole batch" if whole else "none of it"] += 1
        after = _starts_normally(data_dir)
        assert after == (full if whole else created_counts), "the next start found odd data"

    kills = kill_repeatedly(tmp_path, command, after_file, span, check)
    assert kills.mid_write > 0, "no kill landed while the demo data was being written"


def test_a_start_killed_after_the_schema_is_finished_on_the_next_start(
    tmp_path: Path, created_counts: Counts
) -> None:
    """The schema is committed before the reference data; a kill in between is mended."""
    from firstbatch_desk.db.migrate import open_database

    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    open_database(paths.database, paths.backup_dir).engine.dispose()  # schema, nothing else
    assert table_counts(paths.database)["divisions"] == 0
    assert _starts_normally(paths.data_dir) == created_counts


def test_a_creation_killed_before_the_first_page_leaves_nothing_in_the_way(
    tmp_path: Path, created_counts: Counts
) -> None:
    """A new file is made aside and renamed, so a kill leaves no empty database file."""
    paths = AppPaths.resolve(tmp_path / "data")
    paths.ensure()
    leftover = paths.database.with_name(paths.database.name + ".new")
    leftover.write_bytes(b"")  # what a kill before SQLite's first write leaves
    assert _starts_normally(paths.data_dir) == created_counts
    assert not leftover.exists()


@pytest.fixture(scope="module")
def import_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_list(tmp_path_factory.mktemp("lists") / "大名单.xlsx", IMPORT_ROWS)


@posix_only
def test_killing_an_import_leaves_all_of_it_or_none(
    tmp_path: Path, template_dir: Path, import_list: Path, created_counts: Counts
) -> None:
    def command(data_dir: Path) -> list[str]:
        return _cli("import", str(import_list), "--scheme", SCHEME, "--data-dir", str(data_dir))

    def prepare(data_dir: Path) -> None:
        shutil.copytree(template_dir, data_dir)

    # The command prints its preview, then writes the whole list in one transaction.
    preview = after_line("预览")
    reference_dir = tmp_path / "reference"
    prepare(reference_dir)
    database = AppPaths.resolve(reference_dir).database
    span = writing_time(command(reference_dir), preview, database, tmp_path / "reference.log")
    full = table_counts(database)
    assert full["enterprises"] == IMPORT_ROWS and full["recognitions"] == IMPORT_ROWS

    def check(data_dir: Path, kills: Kills) -> None:
        database = AppPaths.resolve(data_dir).database
        kills.mid_write += uncommitted_wal_frames(database) > 0
        assert integrity(database) == ["ok"]
        counts = table_counts(database)
        assert counts["enterprises"] in (0, IMPORT_ROWS)
        assert counts in (created_counts, full), "part of the list survived the kill"
        whole = counts["enterprises"] == IMPORT_ROWS
        kills.states["whole list" if whole else "none of it"] += 1
        assert _starts_normally(data_dir) == counts

    kills = kill_repeatedly(tmp_path, command, lambda _d: preview, span, check, prepare)
    assert kills.mid_write > 0, "no kill landed while the list was being written"


def _dump(database: Path) -> list[str]:
    with closing(sqlite3.connect(database)) as raw:
        return list(raw.iterdump())


@pytest.fixture
def small_list(tmp_path: Path) -> Path:
    return big_list(tmp_path / "名单.xlsx", 600)


# The program under a file-size limit: Python ignores SIGXFSZ, so a write past the
# limit fails with EFBIG (as a quota or FAT32's 4 GB do) instead of killing it.
SIZE_LIMITED = """
import resource, runpy, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv.pop(1))
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
runpy.run_module("firstbatch_desk", run_name="__main__", alter_sys=True)
"""


@posix_only
def test_an_import_that_runs_out_of_room_changes_nothing_and_says_so(
    data_dir: Path, small_list: Path
) -> None:
    """The operating system refuses the writes (a file-size limit on the process)."""
    database = AppPaths.resolve(data_dir).database
    before = _dump(database)
    limit = database.stat().st_size + 256 * 1024  # the log of the import needs more
    arguments = ["import", str(small_list), "--scheme", SCHEME, "--data-dir", str(data_dir)]
    result = subprocess.run(
        [sys.executable, "-c", SIZE_LIMITED, str(limit), *arguments],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [DISK_FULL_ZH]
    assert "已导入" not in result.stdout
    assert integrity(database) == ["ok"]
    assert _dump(database) == before
    assert _starts_normally(data_dir)["enterprises"] == 0


@pytest.fixture
def full_disk_context(data_dir: Path) -> Iterator[AppContext]:
    """The program's context on a database that cannot grow by more than a few pages."""
    from sqlalchemy import event

    context = open_context(data_dir)
    with closing(sqlite3.connect(context.paths.database)) as raw:
        pages = raw.execute("PRAGMA page_count").fetchone()[0]

    def no_room(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages + 8}")

    context.engine.dispose()
    event.listen(context.engine, "connect", no_room)
    yield context
    context.close()


def test_a_full_disk_during_an_import_changes_nothing_and_says_so(
    full_disk_context: AppContext, small_list: Path
) -> None:
    """SQLite reports SQLITE_FULL, as it does when the disk has no free space left."""
    database = full_disk_context.paths.database
    before = _dump(database)
    imports = full_disk_context.services.imports
    table = imports.read(small_list)
    with pytest.raises(StorageError) as caught:
        imports.commit(table, ImportOptions(scheme=Scheme.PROVINCIAL_RECOGNITION))
    assert caught.value.code == "storage.disk_full"
    assert caught.value.message() == DISK_FULL_ZH
    assert integrity(database) == ["ok"]
    assert _dump(database) == before
