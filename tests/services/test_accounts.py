"""Accounts: the first administrator, logging in, the lockout, passwords, managing accounts.

Argon2 runs with the lowest cost here (``FAST``); the cost in use is a setting.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from firstbatch_desk.domain.accounts import AccountInput, PasswordCost, Role
from firstbatch_desk.domain.dtos.reference import OfficerInput
from firstbatch_desk.domain.errors import (
    AuthenticationError,
    DuplicateError,
    PermissionDeniedError,
    ValidationError,
)
from firstbatch_desk.services import Actor, Services

FAST = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)
NOON = datetime(2026, 3, 2, 4, 0, tzinfo=UTC)


def services_as(
    context: Any,
    role: Role = Role.ADMIN,
    officer_id: uuid.UUID | None = None,
    *,
    account_id: uuid.UUID | None = None,
    cost: PasswordCost = FAST,
) -> Services:
    """The services acting in ``role`` (as ``officer_id``), hashing passwords cheaply."""
    actor = Actor(f"测试{role.label()}", officer_id, role, account_id)
    config = replace(context.config, password_cost=cost)
    return Services.build(context.session_factory, actor, context.paths.database, config)


@pytest.fixture
def accounts(context: Any) -> Any:
    return services_as(context).accounts


@pytest.fixture
def admin(accounts: Any) -> Any:
    return accounts.create_first_admin("Admin", "王管理", "jiaxing2026")


def test_the_first_start_creates_one_administrator(accounts: Any, context: Any) -> None:
    assert not accounts.has_accounts()
    row = accounts.create_first_admin(" Admin ", "王管理", "jiaxing2026")
    assert (row.username, row.display_name, row.role, row.active) == (
        "admin",
        "王管理",
        Role.ADMIN,
        True,
    )
    assert accounts.has_accounts()
    with pytest.raises(ValidationError) as caught:
        accounts.create_first_admin("second", "李", "jiaxing2026")
    assert caught.value.code == "account.first_admin_exists"
    assert [a.username for a in accounts.list_accounts()] == ["admin"]


def test_the_password_is_stored_only_as_an_argon2id_hash(admin: Any, context: Any) -> None:
    with sqlite3.connect(context.paths.database) as raw:
        (stored,) = raw.execute("SELECT password_hash FROM accounts").fetchone()
    assert stored.startswith("$argon2id$")
    assert "jiaxing2026" not in stored


def test_the_right_password_gives_the_actor(accounts: Any, admin: Any) -> None:
    actor = accounts.authenticate("ＡＤＭＩＮ", "jiaxing2026")  # full-width, any case
    assert actor == Actor("王管理", None, Role.ADMIN, admin.id)
    assert not actor.is_local


def test_a_wrong_password_says_how_many_tries_are_left(accounts: Any, admin: Any) -> None:
    with pytest.raises(AuthenticationError) as caught:
        accounts.authenticate("admin", "wrong-password", NOON)
    assert caught.value.tries_left == 4
    assert "密码不对" in str(caught.value) and "再错 4 次" in str(caught.value)
    assert "5 分钟" in str(caught.value)
    assert "4 more wrong" in caught.value.message("en")


def test_five_wrong_passwords_lock_the_account_for_five_minutes(accounts: Any, admin: Any) -> None:
    for attempt in range(4):
        with pytest.raises(AuthenticationError):
            accounts.authenticate("admin", f"wrong{attempt}xx", NOON + timedelta(seconds=attempt))
    fifth = NOON + timedelta(seconds=10)
    with pytest.raises(AuthenticationError) as caught:
        accounts.authenticate("admin", "wrong-again", fifth)
    assert caught.value.code == "account.locked"
    assert caught.value.locked_until == fifth + timedelta(minutes=5)
    until = (fifth + timedelta(minutes=6)).astimezone().strftime("%H:%M")  # rounded up
    assert f"请在 {until} 之后再试" in str(caught.value)
    with pytest.raises(AuthenticationError) as caught:  # even the right password, while locked
        accounts.authenticate("admin", "jiaxing2026", fifth + timedelta(minutes=4))
    assert caught.value.code == "account.locked"
    assert accounts.get_account(admin.id).locked_until == fifth + timedelta(minutes=5)
    actor = accounts.authenticate("admin", "jiaxing2026", fifth + timedelta(minutes=5))
    assert actor.account_id == admin.id
    assert accounts.get_account(admin.id).locked_until is None
    with pytest.raises(AuthenticationError) as caught:  # the count starts again
        accounts.authenticate("admin", "wrong", fifth + timedelta(minutes=6))
    assert caught.value.tries_left == 4


def test_a_right_password_resets_the_count(accounts: Any, admin: Any) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            accounts.authenticate("admin", "wrong-password", NOON)
    accounts.authenticate("admin", "jiaxing2026", NOON)
    with pytest.raises(AuthenticationError) as caught:
        accounts.authenticate("admin", "wrong-password", NOON)
    assert caught.value.tries_left == 4


def test_an_unknown_username_does_not_say_which_part_is_wrong(accounts: Any, admin: Any) -> None:
    with pytest.raises(AuthenticationError) as caught:
        accounts.authenticate("nobody", "jiaxing2026")
    assert caught.value.code == "account.unknown"
    assert str(caught.value) == "用户名或密码不对。"


def _officer_account(context: Any, username: str = "chenxm", **extra: Any) -> Any:
    officer = services_as(context).reference.add_officer(OfficerInput("陈晓明"))
    data = AccountInput(username, "陈晓明", Role.OFFICER, "zoufang2026", officer.id)
    return services_as(context).accounts.create_account(replace(data, **extra))


def test_a_deactivated_account_cannot_log_in(accounts: Any, admin: Any, context: Any) -> None:
    officer = _officer_account(context)
    accounts.authenticate("chenxm", "zoufang2026")
    accounts.deactivate(officer.id)
    with pytest.raises(AuthenticationError) as caught:
        accounts.authenticate("chenxm", "zoufang2026")
    assert "已停用" in str(caught.value)
    accounts.activate(officer.id)
    assert accounts.authenticate("chenxm", "zoufang2026").role is Role.OFFICER


def test_changing_one_s_own_password(admin: Any, context: Any) -> None:
    own = services_as(context, Role.ADMIN, account_id=admin.id).accounts
    with pytest.raises(AuthenticationError) as caught:
        own.change_password("not-the-old-one", "neuesPasswort1")
    assert caught.value.tries_left == 4  # a wrong old password counts like a wrong login
    with pytest.raises(ValidationError) as caught:
        own.change_password("jiaxing2026", "12345678")
    assert (caught.value.code, caught.value.field) == ("password.all_digits", "new_password")
    with pytest.raises(ValidationError) as caught:
        own.change_password("jiaxing2026", "jiaxing2026")
    assert caught.value.code == "password.same_as_old"
    before = own.get_account(admin.id).password_changed_at
    own.change_password("jiaxing2026", "neuesPasswort1")
    assert own.get_account(admin.id).password_changed_at > before
    with pytest.raises(AuthenticationError):
        own.authenticate("admin", "jiaxing2026")
    assert own.authenticate("admin", "neuesPasswort1").account_id == admin.id


def test_unlock_checks_the_signed_in_account(admin: Any, context: Any) -> None:
    own = services_as(context, Role.ADMIN, account_id=admin.id).accounts
    assert own.unlock("jiaxing2026").account_id == admin.id
    with pytest.raises(AuthenticationError):
        own.unlock("wrong-password")


def test_the_local_administrator_has_no_password_to_change(accounts: Any, admin: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        accounts.change_password("jiaxing2026", "neuesPasswort1")
    assert caught.value.code == "account.not_signed_in"


def test_an_administrator_creates_accounts_with_roles(admin: Any, context: Any) -> None:
    row = _officer_account(context)
    assert (row.role, row.officer_name, row.active) == (Role.OFFICER, "陈晓明", True)
    accounts = services_as(context).accounts
    with pytest.raises(DuplicateError) as caught:
        accounts.create_account(AccountInput("CHENXM", "另一个", Role.SUPERVISOR, "zoufang2026"))
    assert "已被使用" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        accounts.create_account(AccountInput("lixm", "李", Role.OFFICER, "zoufang2026"))
    assert caught.value.code == "account.officer_required"
    with pytest.raises(ValidationError) as caught:
        accounts.create_account(
            AccountInput("lixm", "李", Role.SUPERVISOR, "zoufang2026", row.officer_id)
        )
    assert caught.value.code == "account.officer_taken" and "chenxm" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        accounts.create_account(AccountInput("lixm", "李", Role.SUPERVISOR, "lixm"))
    assert caught.value.code == "password.too_short"
    assert [a.username for a in accounts.list_accounts()] == ["admin", "chenxm"]


@pytest.mark.parametrize("role", [Role.OFFICER, Role.SUPERVISOR])
def test_only_an_administrator_manages_accounts(admin: Any, context: Any, role: Role) -> None:
    officer = _officer_account(context)
    others = services_as(context, role, officer.officer_id).accounts
    attempts = [
        lambda: others.create_account(AccountInput("lixm", "李", Role.ADMIN, "zoufang2026")),
        lambda: others.set_role(officer.id, Role.ADMIN),
        lambda: others.deactivate(admin.id),
        lambda: others.reset_password(admin.id, "takenOver2026"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError) as caught:
            attempt()
        assert "管理账户" in str(caught.value) and "管理员" in str(caught.value)
    assert others.authenticate("admin", "jiaxing2026").role is Role.ADMIN
    assert [a.role for a in others.list_accounts()] == [Role.ADMIN, Role.OFFICER]


def test_the_last_administrator_stays(admin: Any, context: Any) -> None:
    accounts = services_as(context).accounts
    for attempt in (
        lambda: accounts.set_role(admin.id, Role.SUPERVISOR),
        lambda: accounts.deactivate(admin.id),
    ):
        with pytest.raises(ValidationError) as caught:
            attempt()
        assert caught.value.code == "account.last_admin"
    own = services_as(context, account_id=admin.id).accounts
    with pytest.raises(ValidationError) as caught:
        own.deactivate(admin.id)
    assert caught.value.code == "account.self"
    second = accounts.create_account(AccountInput("boss", "赵局", Role.ADMIN, "zoufang2026"))
    assert accounts.set_role(admin.id, Role.SUPERVISOR).role is Role.SUPERVISOR
    assert accounts.get_account(second.id).role is Role.ADMIN


def test_set_role_to_officer_needs_an_officer(admin: Any, context: Any) -> None:
    accounts = services_as(context).accounts
    boss = accounts.create_account(AccountInput("boss", "赵科长", Role.SUPERVISOR, "zoufang2026"))
    with pytest.raises(ValidationError) as caught:
        accounts.set_role(boss.id, Role.OFFICER)
    assert "须关联一名工作人员" in str(caught.value)
    officer = services_as(context).reference.add_officer(OfficerInput("赵明"))
    row = accounts.set_role(boss.id, Role.OFFICER, officer.id)
    assert (row.role, row.officer_name) == (Role.OFFICER, "赵明")


def test_reset_password_lifts_a_lock(accounts: Any, admin: Any, context: Any) -> None:
    officer = _officer_account(context)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            accounts.authenticate("chenxm", "wrong-password")
    assert accounts.get_account(officer.id).locked_until is not None
    accounts.reset_password(officer.id, "newStart2026")
    assert accounts.get_account(officer.id).locked_until is None
    assert accounts.authenticate("chenxm", "newStart2026").officer_id == officer.officer_id


def test_a_login_rehashes_a_password_made_with_another_cost(admin: Any, context: Any) -> None:
    stronger = PasswordCost(time_cost=2, memory_kib=16, parallelism=1)
    accounts = services_as(context, cost=stronger).accounts

    def stored() -> str:
        with sqlite3.connect(context.paths.database) as raw:
            return str(raw.execute("SELECT password_hash FROM accounts").fetchone()[0])

    assert "m=8,t=1" in stored()
    accounts.authenticate("admin", "jiaxing2026")
    assert "m=16,t=2" in stored()
    assert accounts.authenticate("admin", "jiaxing2026").account_id == admin.id


def test_logins_are_stamped_with_the_account_name_after_sign_in(admin: Any, context: Any) -> None:
    actor = services_as(context).accounts.authenticate("admin", "jiaxing2026")
    context.sign_in(actor)
    assert context.services.accounts.actor == actor
    officer = context.services.reference.add_officer(OfficerInput("孙丽"))
    with sqlite3.connect(context.paths.database) as raw:
        (by,) = raw.execute(
            "SELECT updated_by FROM officers WHERE name = ?", (officer.name,)
        ).fetchone()
    assert by == "王管理"
