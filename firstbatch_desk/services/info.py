"""Facts about the open database: path, schema revision, row counts."""

from __future__ import annotations

from sqlalchemy import func, select

from firstbatch_desk.db import fts
from firstbatch_desk.db.migrate import head_revision
from firstbatch_desk.db.models import (
    Attachment,
    Case,
    Contact,
    Department,
    Division,
    Enterprise,
    Need,
    NeedTransition,
    Officer,
    Product,
    Recognition,
    Visit,
    VisitAttendee,
    Zone,
)
from firstbatch_desk.domain.dtos.reference import DatabaseInfo
from firstbatch_desk.services.base import ServiceBase

COUNTED = {
    "enterprises": Enterprise,
    "contacts": Contact,
    "products": Product,
    "recognitions": Recognition,
    "cases": Case,
    "visits": Visit,
    "visit_attendees": VisitAttendee,
    "needs": Need,
    "need_transitions": NeedTransition,
    "attachments": Attachment,
    "officers": Officer,
    "divisions": Division,
    "zones": Zone,
    "departments": Department,
}


STATUS_COUNTED = ("enterprises", "recognitions", "cases", "visits", "needs")


class InfoService(ServiceBase):
    def record_counts(self) -> dict[str, int]:
        """Live rows of the five registers the status bar shows (cheap: index counts)."""
        with self._read() as session:
            return {
                name: int(
                    session.scalar(
                        select(func.count())
                        .select_from(COUNTED[name])
                        .where(COUNTED[name].deleted_at.is_(None))
                    )
                    or 0
                )
                for name in STATUS_COUNTED
            }

    def database_info(self) -> DatabaseInfo:
        """Counts of live (not deleted) rows per table, and where the data is."""
        with self._read() as session:
            counts = {
                name: int(
                    session.scalar(
                        select(func.count()).select_from(model).where(model.deleted_at.is_(None))
                    )
                    or 0
                )
                for name, model in COUNTED.items()
            }
            revision = (
                session.connection()
                .exec_driver_sql("SELECT version_num FROM alembic_version")
                .scalar()
            )
            documents = fts.count_documents(session.connection())
        path = self._database_path
        return DatabaseInfo(
            database_path=str(path),
            data_dir=str(path.parent),
            schema_revision=revision,
            head_revision=head_revision(),
            size_bytes=path.stat().st_size if path.exists() else 0,
            counts=counts,
            search_documents=documents,
        )
