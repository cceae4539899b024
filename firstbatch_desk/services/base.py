"""What every service shares: the session factory, the acting officer, transactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from firstbatch_desk.db.base import SyncMixin
from firstbatch_desk.db.migrate import storage_error
from firstbatch_desk.domain.errors import NotFoundError
from firstbatch_desk.domain.followup import FollowUpCadence
from firstbatch_desk.domain.workdays import WorkCalendar

ModelT = TypeVar("ModelT", bound=SyncMixin)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting: recorded as ``updated_by`` and in need histories."""

    name: str
    officer_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class ServiceConfig:
    """Rules the bureau may change in settings."""

    cadence: FollowUpCadence = field(default_factory=FollowUpCadence)
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    expiry_warning_days: int = 90
    need_answer_working_days: int = 7
    bureau_name: str = "嘉兴市经济和信息化局"
    report_font: str = ""


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
