"""A sync cut off (network dropped, process killed) goes on next time: no duplicates, no loss."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from firstbatch_desk.domain.errors import SyncError
from firstbatch_desk.services import sync as sync_module
from tests import factories
from tests.sync.helpers import content


def _drop_connections(url: str) -> None:
    """What a dropped network does to the hub's side: every session of it is cut."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    engine.dispose()


def test_a_pull_cut_off_by_the_network_goes_on_where_it_stopped(
    hub_url, laptops, monkeypatch
) -> None:
    a, b = laptops("a"), laptops("b")
    for n in range(60):
        factories.enterprise(a.services, name=f"嘉兴断网测试材料有限公司{n:02d}")
    a.services.sync.sync(hub_url)
    monkeypatch.setattr(sync_module, "PULL_CHUNK", 25)
    pulled: list[int] = []

    def cut_after_two_chunks(phase: str, done: int, total: int) -> None:
        if phase == "pull" and done:
            pulled.append(done)
            if len(pulled) == 2:
                _drop_connections(hub_url)

    with pytest.raises(SyncError, match="中断"):
        b.services.sync.sync(hub_url, cut_after_two_chunks)
    state = b.services.sync.state()
    assert state.cursor is not None and state.pulled_rev == 0  # part taken, place kept
    resumed: list[int] = []
    b.services.sync.sync(hub_url, lambda phase, done, total: resumed.append(total))
    a.services.sync.sync(hub_url)
    assert content(a) == content(b)
    assert b.services.sync.state().cursor is None


def _cli(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "firstbatch_desk", "--data-dir", str(data_dir), *args]


def _kill_at_random(data_dir: Path, url: str, rng: random.Random, rounds: int) -> int:
    """Start ``sync`` and SIGKILL it at a random moment, ``rounds`` times; return the kills."""
    kills = 0
    for _ in range(rounds):
        process = subprocess.Popen(
            _cli(data_dir, "sync", "--url", url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.7, 1.8))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait()
    return kills


def test_a_sync_killed_at_random_moments_resumes_without_duplicates(
    hub_url, laptops, tmp_path: Path
) -> None:
    source = tmp_path / "source"
    subprocess.run(_cli(source, "demo", "--scale", "1500"), check=True, capture_output=True)
    target = laptops("target")
    target_dir = target.paths.data_dir
    target.close()
    rng = random.Random(8)
    kills = _kill_at_random(source, hub_url, rng, 4)  # pushing
    kills += _kill_at_random(target_dir, hub_url, rng, 4)  # pulling (and pushing)
    for directory in (source, target_dir, source):
        finished = subprocess.run(
            _cli(directory, "sync", "--url", hub_url), capture_output=True, text=True
        )
        assert finished.returncode == 0, finished.stderr
    check = subprocess.run(_cli(target_dir, "check"), capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert _content_of(target_dir) == _content_of(source)
    assert kills >= 2  # (a run that finished before its kill still counts as a restart)


def _content_of(directory: Path) -> dict:
    from firstbatch_desk.app import open_context

    context = open_context(directory)
    try:
        return content(context)
    finally:
        context.close()
