"""Migrations: empty → head equals the models; linear chain; upgrades copy the file aside;
newer schemas and foreign files are refused and left untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from firstbatch_desk.db import migrate
from firstbatch_desk.db.engine import sqlite_engine
from firstbatch_desk.db.migrate import alembic_config, include_object, open_database
from firstbatch_desk.db.models import Base
from firstbatch_desk.domain.errors import StorageError


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_database_upgraded_to_head_matches_the_models(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "db.sqlite3", tmp_path / "backups")
    try:
        with opened.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"include_object": include_object, "compare_type": True},
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        opened.engine.dispose()
    assert opened.created
    assert diff == []


def test_revision_chain_is_linear() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    for revision in revisions:
        down = revision.down_revision
        assert down is None or isinstance(down, str), f"{revision.revision} merges branches"
    assert [r.revision for r in revisions][-1] == script.get_bases()[0]


def test_full_text_index_exists_after_migration(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "db.sqlite3", tmp_path / "backups")
    opened.engine.dispose()
    with sqlite3.connect(tmp_path / "db.sqlite3") as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
    for table in ("enterprises", "products", "cases", "visits", "needs"):
        assert f"fts_{table}" in names


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path, tmp_path / "backups").engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _digest(path)
    with pytest.raises(StorageError) as caught:
        open_database(path, tmp_path / "backups")
    assert caught.value.code == "storage.newer_schema"
    assert "9999_from_the_future" in str(caught.value)
    assert "更新版本" in str(caught.value)
    assert _digest(path) == before


@pytest.mark.parametrize(
    "content",
    [b"", b"this is a spreadsheet, not a database\n", b"PK\x03\x04" + b"\x00" * 2000],
    ids=["empty", "text", "zip"],
)
def test_non_sqlite_file_is_refused_and_left_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(content)
    with pytest.raises(StorageError) as caught:
        open_database(path, tmp_path / "backups")
    assert caught.value.code == "storage.not_sqlite"
    assert path.read_bytes() == content


def test_other_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = _digest(path)
    with pytest.raises(StorageError) as caught:
        open_database(path, tmp_path / "backups")
    assert caught.value.code == "storage.not_sqlite"
    assert _digest(path) == before


def test_damaged_database_is_reported_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path, tmp_path / "backups").engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA journal_mode=DELETE")
    data = bytearray(path.read_bytes())
    page = 4096
    assert len(data) > 6 * page
    for offset in range(2 * page, len(data), page):  # scribble over every page but the first
        data[offset + 8 : offset + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StorageError) as caught:
        open_database(path, tmp_path / "backups")
    assert caught.value.code in {"storage.damaged", "storage.not_sqlite"}
    assert "损坏" in str(caught.value)
    assert _digest(path) == before


def test_upgrade_copies_the_database_aside_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "db.sqlite3"
    open_database(path, tmp_path / "backups").engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("INSERT INTO app_meta (key, value) VALUES ('marker', 'before upgrade')")

    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations)
    head = migrate.head_revision()
    (migrations / "versions" / "0002_test_only.py").write_text(
        f'''"""test-only second revision"""
import sqlalchemy as sa
from alembic import op

revision = "0002_test_only"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("test_only", sa.Column("id", sa.Integer, primary_key=True))


def downgrade() -> None:
    op.drop_table("test_only")
''',
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)
    opened = open_database(path, tmp_path / "backups")
    opened.engine.dispose()

    assert opened.upgraded_from == head
    assert opened.backup is not None and opened.backup.exists()
    with sqlite3.connect(opened.backup) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head
        assert raw.execute("SELECT value FROM app_meta WHERE key='marker'").fetchone()[0] == (
            "before upgrade"
        )
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            "0002_test_only"
        )
        assert raw.execute("SELECT value FROM app_meta WHERE key='marker'").fetchone()[0] == (
            "before upgrade"
        )


def test_engine_pragmas(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "db.sqlite3")
    try:
        with engine.connect() as connection:
            pragma = connection.exec_driver_sql
            assert pragma("PRAGMA foreign_keys").scalar() == 1
            assert pragma("PRAGMA journal_mode").scalar() == "wal"
            assert pragma("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert pragma("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        engine.dispose()


def test_fast_revision_reading_agrees_with_alembic() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
    assert migrate.revision_chain() == {
        r.revision: r.down_revision for r in script.walk_revisions()
    }
