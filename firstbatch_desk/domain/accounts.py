"""Accounts and roles: who may do what, password rules and the lockout rule (pure Python).

Roles build on each other: a supervisor (科长/负责人) may do everything an
officer (科员/经办人) may, and an administrator (管理员) everything a
supervisor may, plus accounts, reference data and settings.

An officer edits only their *own* records (cases, visits, needs); the
services decide which records are whose and ask :func:`allows` with
``own=True`` or ``False``. Time is always passed in, so the lockout rule is
testable without waiting five minutes.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from firstbatch_desk.domain.enums import LabelledEnum, _table
from firstbatch_desk.domain.errors import ValidationError

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 256  # hashing a megabyte of "password" would only be a way to stall us
USERNAME_MIN_LENGTH = 2
USERNAME_MAX_LENGTH = 32
USERNAME_PUNCTUATION = "._-@"


class Role(LabelledEnum):
    """An account's role (角色); each includes everything of the role before it."""

    OFFICER = "OFFICER"
    SUPERVISOR = "SUPERVISOR"
    ADMIN = "ADMIN"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            OFFICER=("科员/经办人", "Officer"),
            SUPERVISOR=("科长/负责人", "Supervisor"),
            ADMIN=("管理员", "Administrator"),
        )


class Scope(Enum):
    """How far a permission reaches for a role."""

    OWN = "own"  # only records that are the actor's own
    ANY = "any"


class Permission(LabelledEnum):
    """Something a service may refuse; the label names it in a refusal message."""

    EDIT_CASE = "EDIT_CASE"
    ASSIGN_CASE = "ASSIGN_CASE"
    EDIT_VISIT = "EDIT_VISIT"
    EDIT_NEED = "EDIT_NEED"
    CLOSE_NEED = "CLOSE_NEED"
    EDIT_REGISTER = "EDIT_REGISTER"
    IMPORT = "IMPORT"
    MANAGE_ACCOUNTS = "MANAGE_ACCOUNTS"
    MANAGE_REFERENCE = "MANAGE_REFERENCE"
    MANAGE_SETTINGS = "MANAGE_SETTINGS"
    RESTORE_BACKUP = "RESTORE_BACKUP"
    READ_AUDIT = "READ_AUDIT"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return _table(
            EDIT_CASE=("新建或修改跟踪档案", "create or change cases"),
            ASSIGN_CASE=("指派或改派跟踪档案的负责人", "assign a case to an officer"),
            EDIT_VISIT=("修改走访记录", "change visits"),
            EDIT_NEED=("登记或修改问题诉求", "record or change needs"),
            CLOSE_NEED=("办结问题诉求或标记为无法解决", "close needs or mark them unsolvable"),
            EDIT_REGISTER=("修改企业、产品和认定", "change enterprises, products and recognitions"),
            IMPORT=("导入认定名单", "import recognition lists"),
            MANAGE_ACCOUNTS=("管理账户", "manage accounts"),
            MANAGE_REFERENCE=(
                "修改基础数据（区县、开发区、部门、工作人员）",
                "change reference data (divisions, zones, departments, officers)",
            ),
            MANAGE_SETTINGS=("修改设置", "change settings"),
            RESTORE_BACKUP=("从备份恢复数据库", "restore the database from a backup"),
            READ_AUDIT=("查看、校验或导出审计记录", "view, check or export the audit trail"),
        )


_OFFICER = {
    Permission.EDIT_CASE: Scope.OWN,
    Permission.EDIT_VISIT: Scope.OWN,
    Permission.EDIT_NEED: Scope.OWN,
}
_SUPERVISOR = {
    Permission.EDIT_CASE: Scope.ANY,
    Permission.ASSIGN_CASE: Scope.ANY,
    Permission.EDIT_VISIT: Scope.ANY,
    Permission.EDIT_NEED: Scope.ANY,
    Permission.CLOSE_NEED: Scope.ANY,
    Permission.EDIT_REGISTER: Scope.ANY,
    Permission.IMPORT: Scope.ANY,
    Permission.READ_AUDIT: Scope.ANY,
}
_ADMIN = {
    **_SUPERVISOR,
    Permission.MANAGE_ACCOUNTS: Scope.ANY,
    Permission.MANAGE_REFERENCE: Scope.ANY,
    Permission.MANAGE_SETTINGS: Scope.ANY,
    Permission.RESTORE_BACKUP: Scope.ANY,
}

# The permission table: what each role may do, and how far. Reading is never refused,
# but for the audit trail (who changed what is for supervisors and administrators).
PERMISSIONS: dict[Role, dict[Permission, Scope]] = {
    Role.OFFICER: _OFFICER,
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: _ADMIN,
}


def scope_of(role: Role, permission: Permission) -> Scope | None:
    """How far ``role`` holds ``permission``; None when not at all."""
    return PERMISSIONS[role].get(permission)


def allows(role: Role, permission: Permission, *, own: bool) -> bool:
    """True when ``role`` may do ``permission`` on a record that is (``own``) or is not its own."""
    scope = scope_of(role, permission)
    return scope is Scope.ANY or (scope is Scope.OWN and own)


def lowest_role_with(permission: Permission) -> Role:
    """The first role (officer, supervisor, administrator) that holds ``permission`` fully."""
    for role in Role:
        if scope_of(role, permission) is Scope.ANY:
            return role
    return Role.ADMIN


# --- usernames and passwords ----------------------------------------------------------------


def normalize_username(text: str) -> str:
    """The stored form: full-width characters folded (NFKC), trimmed, lower case."""
    return unicodedata.normalize("NFKC", text or "").strip().lower()


def check_username(text: str) -> str:
    """The normalized username, or ValidationError saying what is wrong with it."""
    name = normalize_username(text)
    if not name:
        raise ValidationError("field.required", field="username", label="用户名")
    allowed = all(ch.isalnum() or ch in USERNAME_PUNCTUATION for ch in name)
    if not allowed or not USERNAME_MIN_LENGTH <= len(name) <= USERNAME_MAX_LENGTH:
        raise ValidationError(
            "account.bad_username",
            field="username",
            low=USERNAME_MIN_LENGTH,
            high=USERNAME_MAX_LENGTH,
        )
    return name


def check_password(password: str, username: str) -> None:
    """A new password: at least 8 characters, not only digits, not the username."""
    if len(password) < PASSWORD_MIN_LENGTH:
        raise ValidationError("password.too_short", field="password", minimum=PASSWORD_MIN_LENGTH)
    if len(password) > PASSWORD_MAX_LENGTH:
        raise ValidationError(
            "field.too_long",
            field="password",
            label="密码",
            limit=PASSWORD_MAX_LENGTH,
            length=len(password),
        )
    if password.isdigit():
        raise ValidationError("password.all_digits", field="password")
    for position, char in enumerate(password, start=1):
        if "\ud800" <= char <= "\udfff":  # half a character: it could never be typed again
            raise ValidationError(
                "field.broken_char", field="password", label="密码", position=position
            )
    if normalize_username(password) == normalize_username(username):
        raise ValidationError("password.is_username", field="password")


@dataclass(frozen=True, slots=True)
class PasswordCost:
    """Argon2id parameters for new hashes: RFC 9106's second recommended choice.

    About 0.17 s per login on a two-core laptop. A hash keeps the parameters
    it was made with, so changing these affects new passwords only (a login
    re-hashes a password made with other ones). Lower them only in tests.
    """

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    def checked(self) -> PasswordCost:
        """The same, raised to what Argon2 accepts at the least."""
        parallelism = max(1, self.parallelism)
        return PasswordCost(
            max(1, self.time_cost), max(8 * parallelism, self.memory_kib), parallelism
        )


# --- lockout ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lockout:
    """An account's wrong-password count and, once it reached five, until when it is locked."""

    failed_attempts: int = 0
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def tries_left(self) -> int:
        return max(0, MAX_FAILED_ATTEMPTS - self.failed_attempts)

    def after_failure(self, now: datetime) -> Lockout:
        """One more wrong password; the fifth in a row locks the account for five minutes.

        A lock that has run out starts a fresh count of five.
        """
        count = self.failed_attempts
        if self.locked_until is not None and now >= self.locked_until:
            count = 0
        count += 1
        if count >= MAX_FAILED_ATTEMPTS:
            return Lockout(MAX_FAILED_ATTEMPTS, now + LOCKOUT)
        return Lockout(count, None)

    @staticmethod
    def after_success() -> Lockout:
        return Lockout(0, None)


def local_clock(moment: datetime) -> str:
    """A moment as the officer's wall clock shows it, to the minute (rounded up)."""
    local = moment.astimezone()
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return local.strftime("%H:%M")


# --- DTOs ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AccountRow:
    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    officer_id: uuid.UUID | None
    officer_name: str
    active: bool
    locked_until: datetime | None
    password_changed_at: datetime


@dataclass(frozen=True, slots=True)
class AccountInput:
    username: str
    display_name: str
    role: Role
    password: str
    officer_id: uuid.UUID | None = None
