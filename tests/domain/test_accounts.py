"""Roles, the permission table, password rules and the five-minute lockout (time passed in)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from firstbatch_desk.domain.accounts import (
    LOCKOUT,
    MAX_FAILED_ATTEMPTS,
    PERMISSIONS,
    Lockout,
    PasswordCost,
    Permission,
    Role,
    Scope,
    allows,
    check_password,
    check_username,
    local_clock,
    lowest_role_with,
    normalize_username,
)
from firstbatch_desk.domain.errors import ValidationError

NOON = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)  # 12:00 in Jiaxing


def test_roles_have_the_bureau_s_words() -> None:
    assert Role.OFFICER.label() == "科员/经办人"
    assert Role.SUPERVISOR.label() == "科长/负责人"
    assert Role.ADMIN.label() == "管理员"
    assert Role.SUPERVISOR.label("en") == "Supervisor"
    assert Role.from_label("管理员") is Role.ADMIN


def test_an_officer_edits_only_their_own_cases_visits_and_needs() -> None:
    for permission in (Permission.EDIT_CASE, Permission.EDIT_VISIT, Permission.EDIT_NEED):
        assert allows(Role.OFFICER, permission, own=True)
        assert not allows(Role.OFFICER, permission, own=False)
    for permission in (
        Permission.ASSIGN_CASE,
        Permission.CLOSE_NEED,
        Permission.EDIT_REGISTER,
        Permission.IMPORT,
        Permission.MANAGE_ACCOUNTS,
        Permission.MANAGE_REFERENCE,
        Permission.MANAGE_SETTINGS,
    ):
        assert not allows(Role.OFFICER, permission, own=True), permission


def test_a_supervisor_edits_everything_closes_and_assigns_but_does_not_administer() -> None:
    for permission in (
        Permission.EDIT_CASE,
        Permission.EDIT_VISIT,
        Permission.EDIT_NEED,
        Permission.ASSIGN_CASE,
        Permission.CLOSE_NEED,
        Permission.EDIT_REGISTER,
        Permission.IMPORT,
    ):
        assert allows(Role.SUPERVISOR, permission, own=False), permission
    for permission in (
        Permission.MANAGE_ACCOUNTS,
        Permission.MANAGE_REFERENCE,
        Permission.MANAGE_SETTINGS,
    ):
        assert not allows(Role.SUPERVISOR, permission, own=True), permission


def test_each_role_includes_the_one_before_it() -> None:
    officer, supervisor, admin = (PERMISSIONS[r] for r in Role)
    assert set(officer) <= set(supervisor) <= set(admin)
    assert all(scope is Scope.ANY for scope in admin.values())
    assert set(admin) == set(Permission)


def test_the_lowest_role_is_named_in_refusals() -> None:
    assert lowest_role_with(Permission.CLOSE_NEED) is Role.SUPERVISOR
    assert lowest_role_with(Permission.EDIT_VISIT) is Role.SUPERVISOR
    assert lowest_role_with(Permission.MANAGE_ACCOUNTS) is Role.ADMIN
    assert Permission.CLOSE_NEED.label() == "办结问题诉求或标记为无法解决"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short1", "password.too_short"),
        ("1234567", "password.too_short"),
        ("12345678", "password.all_digits"),
        ("１２３４５６７８９", "password.all_digits"),  # full-width digits are digits too
        ("chenxm01", "password.is_username"),
        ("ChenXM01", "password.is_username"),
        ("x" * 257, "field.too_long"),
    ],
)
def test_weak_passwords_are_refused_with_the_rule_they_break(password: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_password(password, "chenxm01")
    assert caught.value.code == code
    assert caught.value.field == "password"


def test_the_messages_say_the_rule() -> None:
    with pytest.raises(ValidationError) as caught:
        check_password("abc", "chen")
    assert "至少要 8 个字符" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        check_password("20260302", "chen")
    assert "不能全是数字" in str(caught.value)


@pytest.mark.parametrize("password", ["demo1234", "走访记录很重要啊", "correct horse", "a" * 256])
def test_good_passwords_pass(password: str) -> None:
    check_password(password, "chenxm")


def test_usernames_are_folded_and_checked() -> None:
    assert normalize_username("  ChenXM ") == "chenxm"
    assert normalize_username("ＣＨＥＮ") == "chen"  # full-width, as a Chinese keyboard types
    assert check_username("陈晓明") == "陈晓明"
    assert check_username("chen.xm-01@jx") == "chen.xm-01@jx"
    for bad in ("", "   ", "a", "chen xm", "chen;drop", "x" * 33):
        with pytest.raises(ValidationError) as caught:
            check_username(bad)
        assert caught.value.field == "username"


def test_five_wrong_passwords_lock_for_five_minutes() -> None:
    lock = Lockout()
    for attempt in range(1, MAX_FAILED_ATTEMPTS):
        lock = lock.after_failure(NOON + timedelta(seconds=attempt))
        assert not lock.is_locked(NOON + timedelta(seconds=attempt))
        assert lock.tries_left() == MAX_FAILED_ATTEMPTS - attempt
    fifth = NOON + timedelta(seconds=10)
    lock = lock.after_failure(fifth)
    assert lock.locked_until == fifth + LOCKOUT == fifth + timedelta(minutes=5)
    assert lock.is_locked(fifth + timedelta(minutes=4, seconds=59))
    assert not lock.is_locked(fifth + timedelta(minutes=5))
    assert lock.tries_left() == 0


def test_after_a_lock_runs_out_the_count_starts_again() -> None:
    lock = Lockout(MAX_FAILED_ATTEMPTS, NOON)
    again = lock.after_failure(NOON + timedelta(seconds=1))
    assert again == Lockout(1, None)
    assert Lockout.after_success() == Lockout(0, None)


def test_the_lock_end_is_shown_on_the_wall_clock_rounded_up() -> None:
    moment = datetime(2026, 3, 2, 6, 35, 0, tzinfo=UTC)
    assert local_clock(moment) == moment.astimezone().strftime("%H:%M")
    later = moment + timedelta(seconds=1)
    assert local_clock(later) == (moment + timedelta(minutes=1)).astimezone().strftime("%H:%M")


def test_password_cost_is_raised_to_what_argon2_accepts() -> None:
    assert PasswordCost(0, 1, 0).checked() == PasswordCost(1, 8, 1)
    assert PasswordCost().checked() == PasswordCost(3, 65536, 4)
