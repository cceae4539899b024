"""Accounts: the first administrator, logging in, passwords, and managing accounts.

Passwords are kept only as Argon2id hashes (``argon2-cffi``). Checking a
password is slow on purpose (about 0.17 s with the default cost), so it runs
outside any write transaction: the account is read, the password checked,
and only the outcome (a wrong-password count, a lock, a re-hash) is written.

Logging in, unlocking and changing one's own password need no permission;
creating accounts, changing roles, deactivating and resetting passwords are
an administrator's (``Permission.MANAGE_ACCOUNTS``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Account, Officer
from firstbatch_desk.domain.accounts import (
    LOCKOUT,
    AccountInput,
    AccountRow,
    Lockout,
    Permission,
    Role,
    Scope,
    check_password,
    check_username,
    local_clock,
    normalize_username,
    scope_of,
)
from firstbatch_desk.domain.errors import (
    AuthenticationError,
    DuplicateError,
    NotFoundError,
    ValidationError,
)
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import clean_text
from firstbatch_desk.services.base import Actor, ServiceBase

ENTITY = "账户"


class AccountService(ServiceBase):
    """Accounts and logging in; the actor is the account that logged in (or the local admin)."""

    @property
    def actor(self) -> Actor:
        """Who the services act as."""
        return self._actor

    def _hasher(self) -> PasswordHasher:
        cost = self._config.password_cost.checked()
        return PasswordHasher(
            time_cost=cost.time_cost,
            memory_cost=cost.memory_kib,
            parallelism=cost.parallelism,
            type=Type.ID,
        )

    # -- the first start ---------------------------------------------------------------------

    def has_accounts(self) -> bool:
        with self._read() as session:
            return session.scalar(select(func.count()).select_from(Account)) != 0

    def create_first_admin(self, username: str, display_name: str, password: str) -> AccountRow:
        """The first account, an administrator; refused once any account exists."""
        name, display = self._check_new(username, display_name, password)
        password_hash = self._hasher().hash(password)
        with self._write() as session:
            if session.scalar(select(func.count()).select_from(Account)):
                raise ValidationError("account.first_admin_exists")
            account = self._new_account(name, display, Role.ADMIN, None, password_hash)
            session.add(account)
            session.flush()
            return self._row(session, account)

    # -- logging in --------------------------------------------------------------------------

    def authenticate(self, username: str, password: str, now: datetime | None = None) -> Actor:
        """The Actor of the account, or AuthenticationError saying why not.

        A wrong password says how many tries are left; the fifth in a row locks the
        account for five minutes, and a locked account says until when.
        """
        name = normalize_username(username)
        account_id = None
        if name == plain_term(name):  # a name with half a character is nobody's
            with self._read() as session:
                account_id = session.scalar(
                    select(Account.id).where(Account.username == name, Account.deleted_at.is_(None))
                )
        if account_id is None:
            self._waste_time(password)  # an unknown name takes as long as a wrong password
            raise AuthenticationError("account.unknown")
        return self._check(account_id, password, now or self._now())

    def unlock(self, password: str, now: datetime | None = None) -> Actor:
        """The idle lock: the signed-in account's password again (wrong ones count too)."""
        return self._check(self._own_account_id(), password, now or self._now())

    def change_password(self, old: str, new: str, now: datetime | None = None) -> None:
        """The signed-in account's own password; ``old`` is checked like a login."""
        account_id = self._own_account_id()
        self._check(account_id, old, now or self._now())
        if old == new:
            raise ValidationError("password.same_as_old", field="new_password")
        with self._read() as session:
            username = self._get(session, account_id).username
        try:
            check_password(new, username)
        except ValidationError as exc:
            exc.field = "new_password"
            raise
        self._store_password(account_id, self._hasher().hash(new))

    def _check(self, account_id: uuid.UUID, password: str, now: datetime) -> Actor:
        with self._read() as session:
            account = self._get(session, account_id)
            lock = Lockout(account.failed_attempts, account.locked_until)
            username, stored_hash, active = account.username, account.password_hash, account.active
        if not active:
            raise AuthenticationError("account.inactive", username=username)
        if lock.is_locked(now):
            raise self._locked(username, lock)
        hasher = self._hasher()
        try:
            hasher.verify(stored_hash, _secret(password))
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            lock = self._count_failure(account_id, now)
            if lock.is_locked(now):
                raise self._locked(username, lock) from None
            raise AuthenticationError(
                "account.wrong_password",
                tries_left=lock.tries_left(),
                left=lock.tries_left(),
                minutes=int(LOCKOUT.total_seconds() // 60),
            ) from None
        rehash = hasher.check_needs_rehash(stored_hash)
        new_hash = hasher.hash(_secret(password)) if rehash else None
        with self._write() as session:
            account = self._get(session, account_id)
            account.failed_attempts, account.locked_until = 0, None
            if new_hash is not None:
                account.password_hash = new_hash
            return self._actor_of(account)

    def _count_failure(self, account_id: uuid.UUID, now: datetime) -> Lockout:
        """One more wrong password, counted on what is stored now (another try may have run)."""
        with self._write() as session:
            account = self._get(session, account_id)
            lock = Lockout(account.failed_attempts, account.locked_until).after_failure(now)
            account.failed_attempts, account.locked_until = lock.failed_attempts, lock.locked_until
            return lock

    @staticmethod
    def _locked(username: str, lock: Lockout) -> AuthenticationError:
        assert lock.locked_until is not None
        return AuthenticationError(
            "account.locked",
            tries_left=0,
            locked_until=lock.locked_until,
            username=username,
            attempts=lock.failed_attempts,
            until=local_clock(lock.locked_until),
        )

    def _waste_time(self, password: str) -> None:
        self._hasher().hash(_secret(password))

    def _own_account_id(self) -> uuid.UUID:
        if self._actor.account_id is None:
            raise ValidationError("account.not_signed_in")
        return self._actor.account_id

    @staticmethod
    def _actor_of(account: Account) -> Actor:
        return Actor(account.display_name, account.officer_id, account.role, account.id)

    # -- managing accounts (administrators) --------------------------------------------------

    def list_accounts(self) -> list[AccountRow]:
        with self._read() as session:
            accounts = session.scalars(
                select(Account).where(Account.deleted_at.is_(None)).order_by(Account.username)
            ).all()
            return [self._row(session, a) for a in accounts]

    def get_account(self, account_id: uuid.UUID) -> AccountRow:
        with self._read() as session:
            return self._row(session, self._get(session, account_id))

    def create_account(self, data: AccountInput) -> AccountRow:
        self._require(Permission.MANAGE_ACCOUNTS)
        name, display = self._check_new(data.username, data.display_name, data.password)
        role = Role(data.role)
        password_hash = self._hasher().hash(data.password)
        with self._write() as session:
            self._check_officer(session, role, data.officer_id, None)
            account = self._new_account(name, display, role, data.officer_id, password_hash)
            session.add(account)
            session.flush()
            return self._row(session, account)

    def set_role(
        self, account_id: uuid.UUID, role: Role, officer_id: uuid.UUID | None = None
    ) -> AccountRow:
        """Give the account another role (and the officer it acts as; None keeps it)."""
        self._require(Permission.MANAGE_ACCOUNTS)
        role = Role(role)
        with self._write() as session:
            account = self._get(session, account_id)
            if role is not Role.ADMIN:
                self._keep_an_admin(session, account)
            officer = officer_id if officer_id is not None else account.officer_id
            self._check_officer(session, role, officer, account.id)
            account.role, account.officer_id = role, officer
            session.flush()
            return self._row(session, account)

    def deactivate(self, account_id: uuid.UUID) -> AccountRow:
        """The account can no longer log in (it stays, as do the records it made)."""
        self._require(Permission.MANAGE_ACCOUNTS)
        if account_id == self._actor.account_id:
            raise ValidationError("account.self")
        with self._write() as session:
            account = self._get(session, account_id)
            self._keep_an_admin(session, account)
            account.active = False
            session.flush()
            return self._row(session, account)

    def activate(self, account_id: uuid.UUID) -> AccountRow:
        self._require(Permission.MANAGE_ACCOUNTS)
        with self._write() as session:
            account = self._get(session, account_id)
            account.active = True
            session.flush()
            return self._row(session, account)

    def reset_password(self, account_id: uuid.UUID, new_password: str) -> AccountRow:
        """A new password set by an administrator; a lock on the account is lifted."""
        self._require(Permission.MANAGE_ACCOUNTS)
        with self._read() as session:
            username = self._get(session, account_id).username
        check_password(new_password, username)
        self._store_password(account_id, self._hasher().hash(new_password))
        return self.get_account(account_id)

    # -- helpers -----------------------------------------------------------------------------

    def _store_password(self, account_id: uuid.UUID, password_hash: str) -> None:
        with self._write() as session:
            account = self._get(session, account_id)
            account.password_hash = password_hash
            account.password_changed_at = self._now()
            account.failed_attempts, account.locked_until = 0, None

    def _check_new(self, username: str, display_name: str, password: str) -> tuple[str, str]:
        name = check_username(username)
        display = clean_text(display_name, field="display_name", label="姓名", limit=50)
        check_password(password, name)
        with self._read() as session:
            taken = session.scalar(select(Account.id).where(Account.username == name))
        if taken is not None:
            raise DuplicateError(
                "account.username_taken", field="username", existing_id=str(taken), username=name
            )
        return name, display or name

    def _new_account(
        self,
        username: str,
        display_name: str,
        role: Role,
        officer_id: uuid.UUID | None,
        password_hash: str,
    ) -> Account:
        return Account(
            username=username,
            display_name=display_name,
            role=role,
            officer_id=officer_id,
            password_hash=password_hash,
            failed_attempts=0,
            active=True,
            password_changed_at=self._now(),
        )

    @staticmethod
    def _check_officer(
        session: Session, role: Role, officer_id: uuid.UUID | None, account_id: uuid.UUID | None
    ) -> None:
        """A role that edits only its own records needs an officer; one account per officer."""
        if officer_id is None:
            if scope_of(role, Permission.EDIT_CASE) is Scope.OWN:
                raise ValidationError(
                    "account.officer_required", field="officer_id", role=role.label()
                )
            return
        officer = session.get(Officer, officer_id)
        if officer is None or officer.deleted_at is not None:
            raise NotFoundError("record.not_found", entity="工作人员", id=str(officer_id))
        others = [Account.officer_id == officer_id, Account.deleted_at.is_(None)]
        if account_id is not None:
            others.append(Account.id != account_id)
        holder = session.scalar(select(Account.username).where(*others))
        if holder is not None:
            raise ValidationError(
                "account.officer_taken", field="officer_id", officer=officer.name, username=holder
            )

    @staticmethod
    def _keep_an_admin(session: Session, account: Account) -> None:
        """Refuse to leave the database without an active administrator."""
        if account.role is not Role.ADMIN or not account.active:
            return
        others = session.scalar(
            select(func.count())
            .select_from(Account)
            .where(
                Account.role == Role.ADMIN,
                Account.active.is_(True),
                Account.id != account.id,
                Account.deleted_at.is_(None),
            )
        )
        if not others:
            raise ValidationError("account.last_admin", username=account.username)

    @staticmethod
    def _get(session: Session, account_id: uuid.UUID) -> Account:
        account = session.get(Account, account_id)
        if account is None or account.deleted_at is not None:
            raise NotFoundError("record.not_found", entity=ENTITY, id=str(account_id))
        return account

    @staticmethod
    def _row(session: Session, account: Account) -> AccountRow:
        officer_name = ""
        if account.officer_id is not None:
            officer_name = (
                session.scalar(select(Officer.name).where(Officer.id == account.officer_id)) or ""
            )
        return AccountRow(
            account.id,
            account.username,
            account.display_name,
            account.role,
            account.officer_id,
            officer_name,
            account.active,
            account.locked_until,
            account.password_changed_at,
        )


def _secret(password: str) -> bytes:
    """The password as Argon2 hashes it: UTF-8, and a lone surrogate (which no stored
    password holds: new ones are refused) kept as its bytes, so it is simply wrong."""
    return password.encode("utf-8", "surrogatepass")
