"""What every service shares: the session factory, the acting officer, transactions."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.db.base import SyncMixin
from firstbatch_desk.db.migrate import storage_error
from firstbatch_desk.db.models import Case, Need, Visit, VisitCase
from firstbatch_desk.domain.accounts import (
    PasswordCost,
    Permission,
    Role,
    allows,
    lowest_role_with,
)
from firstbatch_desk.domain.dtos.followup import NeedInput
from firstbatch_desk.domain.errors import NotFoundError, PermissionDeniedError
from firstbatch_desk.domain.followup import FollowUpCadence
from firstbatch_desk.domain.workdays import WorkCalendar

ModelT = TypeVar("ModelT", bound=SyncMixin)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: recorded as ``updated_by`` and in need histories; checked by role.

    An actor without an account (``account_id`` None) is this computer's local
    administrator: the command line runs so, as the machine's owner, and so do
    tests and ``build_main_window``. The program window acts as the account
    that logged in (see :class:`~firstbatch_desk.services.accounts.AccountService`).
    """

    name: str
    officer_id: uuid.UUID | None = None
    role: Role = Role.ADMIN
    account_id: uuid.UUID | None = None

    @property
    def is_local(self) -> bool:
        """True for the local administrator (no account behind it)."""
        return self.account_id is None


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """Rules the bureau may change in settings."""

    cadence: FollowUpCadence = field(default_factory=FollowUpCadence)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    expiry_warning_days: int = 90
    need_answer_working_days: int = 7
    bureau_name: str = "嘉兴市经济和信息化局"
    report_font: str = ""
    password_cost: PasswordCost = field(default_factory=PasswordCost)
    installation: str = ""  # this computer's id (settings), which the hub knows it by


class ServiceBase:
    """Each public method of a service owns exactly one transaction."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        actor: Actor,
        database_path: Path,
        config: ServiceConfig | None = None,
    ) -> None:
        self._sessions = session_factory
        self._actor = actor
        self._database_path = database_path
        self._config = config or ServiceConfig()

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction: committed whole, or rolled back whole."""
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as exc:
            raise storage_error(exc, self._database_path) from exc

    @contextmanager
    def _read(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
        except OperationalError as exc:
            raise storage_error(exc, self._database_path) from exc

    def _require(
        self,
        permission: Permission,
        *,
        owner_officer_id: uuid.UUID | Collection[uuid.UUID | None] | None = None,
    ) -> None:
        """Refuse with PermissionDeniedError unless the actor's role allows ``permission``.

        ``owner_officer_id`` names the officer (or officers) whose record this is;
        a role that may act only on its own records passes when the actor's
        officer is among them.
        """
        actor = self._actor
        owners = (
            {owner_officer_id}
            if owner_officer_id is None or isinstance(owner_officer_id, uuid.UUID)
            else set(owner_officer_id)
        )
        own = actor.officer_id is not None and actor.officer_id in owners
        if allows(actor.role, permission, own=own):
            return
        params = {"action": permission.label(), "role": actor.role.label()}
        if allows(actor.role, permission, own=True):
            code = "permission.no_officer" if actor.officer_id is None else "permission.not_own"
            raise PermissionDeniedError(code, **params)
        needed = lowest_role_with(permission).label()
        raise PermissionDeniedError("permission.denied", needed=needed, **params)

    @staticmethod
    def _now() -> datetime:
        return datetime.now(UTC)

    @staticmethod
    def _live(session: Session, model: type[ModelT], ident: uuid.UUID, entity: str) -> ModelT:
        """The row with this id that is not tombstoned, or NotFoundError."""
        row = session.get(model, ident)
        if row is None or row.deleted_at is not None:
            raise NotFoundError("record.not_found", entity=entity, id=str(ident))
        return row

    @staticmethod
    def _count(session: Session, statement: Select[Any]) -> int:
        return int(
            session.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        )


# --- whose record is it (for an officer, who edits only their own) ----------------------------


def case_officers(session: Session, case_id: uuid.UUID | None) -> set[uuid.UUID | None]:
    """The officer in charge of the case (an empty set for no case)."""
    if case_id is None:
        return set()
    return {session.scalar(select(Case.officer_id).where(Case.id == case_id))}


def visit_officers(session: Session, visit_id: uuid.UUID) -> set[uuid.UUID | None]:
    """Who a visit belongs to: the officer who recorded it and those of the cases it covers.

    A deleted visit still covers the cases it covered when it was deleted.
    """
    visit = session.get(Visit, visit_id)
    if visit is None:
        return set()
    covered = VisitCase.deleted_at.is_(None)
    if visit.deleted_at is not None:
        covered = or_(covered, VisitCase.deleted_at == visit.deleted_at)
    owners = {visit.recorded_by_id}
    owners.update(
        session.scalars(
            select(Case.officer_id)
            .join(VisitCase, VisitCase.case_id == Case.id)
            .where(VisitCase.visit_id == visit_id, covered)
        )
    )
    return owners


def need_officers(session: Session, need: uuid.UUID | NeedInput) -> set[uuid.UUID | None]:
    """Who a need belongs to: the officer of its case and the one who recorded its visit.

    A need of no case belongs to the officers of all the enterprise's cases.
    ``need`` is a stored need's id, or a need being raised.
    """
    if isinstance(need, uuid.UUID):
        stored = session.get(Need, need)
        if stored is None:
            return set()
        case_id, enterprise_id, visit_id = stored.case_id, stored.enterprise_id, stored.visit_id
    else:
        case_id, enterprise_id, visit_id = need.case_id, need.enterprise_id, need.visit_id
    owners = case_officers(session, case_id)
    if case_id is None:
        owners.update(
            session.scalars(
                select(Case.officer_id).where(
                    Case.enterprise_id == enterprise_id, Case.deleted_at.is_(None)
                )
            )
        )
    if visit_id is not None:
        owners.add(session.scalar(select(Visit.recorded_by_id).where(Visit.id == visit_id)))
    return owners
