"""A real PostgreSQL server for the hub, and laptops as real SQLite data directories.

The server comes from ``FIRSTBATCH_TEST_PG_URL`` (an account that may create
databases; ``.ci/run`` starts Debian's server and sets it), else a private
server is started with ``initdb``/``pg_ctl`` when they are on this machine and
we are not root. Without either, the hub tests are skipped, except under CI,
where they must run.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

PG_ENV = "FIRSTBATCH_TEST_PG_URL"


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of a PostgreSQL server account that may create databases."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None or os.geteuid() == 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI needs a PostgreSQL server: set {PG_ENV} (see .ci/run)")
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} or install PostgreSQL")
    root = tmp_path_factory.mktemp("pg")
    data = root / "data"
    subprocess.run(
        [initdb, "-D", str(data), "-U", "fbd", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    port = _free_port()
    subprocess.run(
        [
            pg_ctl,
            "-D",
            str(data),
            "-l",
            str(root / "log"),
            "-w",
            "start",
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://fbd@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)


@pytest.fixture(scope="session")
def hub_template(pg_server: str) -> str:
    """A database migrated to the newest schema once, copied for every test's hub."""
    from firstbatch_desk.db.migrate import upgrade

    name = f"fbd_template_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(make_url(pg_server).set(database=name))
    upgrade(engine)
    engine.dispose()
    admin.dispose()
    return name


@pytest.fixture
def new_hub_database(pg_server: str, hub_template: str) -> Iterator[Callable[[], str]]:
    """Make empty hub databases (the newest schema, no id or key yet); dropped afterwards."""
    made: list[str] = []
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")

    def make() -> str:
        name = f"fbd_hub_{uuid.uuid4().hex[:10]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{hub_template}"'))
        made.append(name)
        return make_url(pg_server).set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as connection:
        for name in made:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def hub_url(new_hub_database: Callable[[], str]) -> str:
    """A ready hub (``hub init`` done) in a fresh database."""
    from firstbatch_desk.services.sync_hub import hub_engine, init_hub

    url = new_hub_database()
    engine = hub_engine(url)
    init_hub(engine)
    engine.dispose()
    return url


@pytest.fixture
def laptops(template_dir: Path, tmp_path: Path) -> Iterator[Callable[[str], object]]:
    """Open laptops by name: each its own data directory and installation id."""
    from firstbatch_desk.app import open_context
    from firstbatch_desk.paths import AppPaths
    from firstbatch_desk.settings import Settings

    opened: list[object] = []

    def make(name: str) -> object:
        target = tmp_path / name
        shutil.copytree(template_dir, target)
        paths = AppPaths.resolve(target)
        settings = Settings.load(paths.settings_file)
        settings.installation_id = uuid.uuid4().hex
        settings.officer_name = name
        settings.save(paths.settings_file)
        context = open_context(target)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()  # type: ignore[attr-defined]
