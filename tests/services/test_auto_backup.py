"""When an automatic backup is due (daily; on exit), on real SQLite files."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from firstbatch_desk.domain.backup_rotation import BEFORE_RESTORE
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.auto_backup import (
    DAILY,
    ON_EXIT,
    backup_due,
    newest_of_today,
    take_automatic_backup,
    unchanged_since,
)
from firstbatch_desk.services.backups import list_backups, take_backup
from tests import factories

MORNING = datetime(2025, 5, 6, 9, 0).astimezone()


@pytest.fixture
def paths(context: Any) -> AppPaths:
    return context.paths


def reasons(paths: AppPaths) -> list[str]:
    return [info.reason for info in list_backups(paths)]


def test_the_first_automatic_backup_is_taken_and_verified(context: Any, paths: AppPaths) -> None:
    factories.enterprise(context.services, name="嘉兴新材料")
    info = take_automatic_backup(paths, DAILY, now=MORNING)
    assert info is not None and info.verified and info.reason == "daily"
    assert info.path.name == "firstbatch-20250506-090000-daily.sqlite3"
    assert info.live_counts["enterprises"] == 1
    assert unchanged_since(paths, info)


def test_a_daily_backup_is_taken_once_a_day(context: Any, paths: AppPaths) -> None:
    assert take_automatic_backup(paths, DAILY, now=MORNING) is not None
    factories.enterprise(context.services)  # a change does not make a second daily backup
    assert take_automatic_backup(paths, DAILY, now=MORNING + timedelta(hours=1)) is None
    assert take_automatic_backup(paths, DAILY, now=MORNING + timedelta(days=1)) is not None
    assert reasons(paths) == ["daily", "daily"]


def test_an_exit_backup_is_skipped_only_when_today_has_one_and_nothing_changed(
    context: Any, paths: AppPaths
) -> None:
    first = take_automatic_backup(paths, ON_EXIT, now=MORNING)
    assert first is not None
    assert not backup_due(paths, ON_EXIT, now=MORNING + timedelta(hours=2))
    factories.enterprise(context.services, name="下午新增的企业")
    later = MORNING + timedelta(hours=3)
    assert backup_due(paths, ON_EXIT, now=later)
    second = take_automatic_backup(paths, ON_EXIT, now=later)
    assert second is not None and second.live_counts["enterprises"] == 1
    # rotation keeps the newest backup of the day; the morning's is gone
    assert [info.path for info in list_backups(paths)] == [second.path]
    assert not first.path.exists()
    # a new day takes one even without a change
    assert backup_due(paths, ON_EXIT, now=MORNING + timedelta(days=1))


def test_an_edit_that_keeps_the_counts_is_still_a_change(context: Any, paths: AppPaths) -> None:
    from firstbatch_desk.domain.dtos.register import EnterpriseInput

    row = factories.enterprise(context.services, name="改名前")
    info = take_automatic_backup(paths, ON_EXIT, now=MORNING)
    assert info is not None and unchanged_since(paths, info)
    detail = context.services.enterprises.get_enterprise(row.id)
    context.services.enterprises.update_enterprise(
        row.id,
        EnterpriseInput(name="改名后", credit_code=detail.credit_code, division_code="330402"),
    )
    assert not unchanged_since(paths, info)
    assert backup_due(paths, ON_EXIT, now=MORNING + timedelta(hours=1))


def test_copies_kept_before_a_restore_are_not_today_s_backup(context: Any, paths: AppPaths) -> None:
    take_backup(paths, BEFORE_RESTORE, now=MORNING)
    assert newest_of_today(paths, MORNING) is None
    assert backup_due(paths, DAILY, now=MORNING)
    assert backup_due(paths, ON_EXIT, now=MORNING)


def test_a_backup_without_its_record_counts_as_a_change(context: Any, paths: AppPaths) -> None:
    info = take_automatic_backup(paths, DAILY, now=MORNING)
    assert info is not None
    info.path.with_suffix(".json").unlink()  # unverified now: listed, but not trusted
    assert newest_of_today(paths, MORNING) is None
    assert backup_due(paths, ON_EXIT, now=MORNING)


def test_only_automatic_reasons_are_accepted(paths: AppPaths) -> None:
    with pytest.raises(ValueError):
        backup_due(paths, "manual")
