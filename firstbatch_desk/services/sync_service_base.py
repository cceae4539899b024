"""What the sync service's parts share: the hub connection, this computer, its clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from firstbatch_desk.db.session import CLOCK_KEY
from firstbatch_desk.domain.hlc import HybridClock
from firstbatch_desk.paths import AppPaths
from firstbatch_desk.services.attachment_store import AttachmentStore
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.sync_hub import hub_engine, unreachable


class SyncServiceBase(ServiceBase):
    @contextmanager
    def _hub(self, url: str) -> Iterator[Engine]:
        engine = hub_engine(url)
        try:
            with engine.connect():
                pass
        except (OperationalError, DBAPIError) as exc:
            engine.dispose()
            raise unreachable(exc, url) from exc
        try:
            yield engine
        finally:
            engine.dispose()

    @property
    def _installation(self) -> str:
        return self._config.installation or "local"

    def _clock(self, session: Session) -> HybridClock:
        clock = session.info.get(CLOCK_KEY)
        return clock if isinstance(clock, HybridClock) else HybridClock(self._installation)

    def _store(self) -> AttachmentStore:
        return AttachmentStore(AppPaths(self._database_path.parent).attachment_dir)
