"""Drafts of forms, written on every change so that nothing typed is lost.

A draft is local to this database and never synced. Payloads are JSON objects
that the form itself writes and reads back; the service only keeps them whole.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Draft
from firstbatch_desk.domain.dtos.drafts import DraftRow
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.services.base import ServiceBase

# A draft holds what a person typed; 8 MB is far beyond any form and far below trouble.
MAX_PAYLOAD_CHARS = 8_000_000


class DraftService(ServiceBase):
    def save_draft(
        self,
        key: str,
        kind: str,
        payload: Mapping[str, Any],
        *,
        subject_id: str = "",
        title: str = "",
    ) -> None:
        """Keep the form's state under ``key``, replacing the previous state."""
        text = json.dumps(payload, ensure_ascii=False, default=str)
        if len(text) > MAX_PAYLOAD_CHARS:
            raise ValidationError("draft.too_large", field="draft", limit=MAX_PAYLOAD_CHARS)
        with self._write() as session:
            draft = session.get(Draft, key) or Draft(key=key)
            draft.kind = kind
            draft.subject_id = subject_id
            draft.title = title[:200]
            draft.payload = text
            draft.saved_at = self._now()
            session.add(draft)

    def get_draft(self, key: str) -> DraftRow | None:
        with self._read() as session:
            draft = session.get(Draft, key)
            return _row(draft) if draft is not None else None

    def find_drafts(self, kind: str, subject_id: str | None = None) -> list[DraftRow]:
        """Drafts of one kind (and subject), newest first."""
        query = select(Draft).where(Draft.kind == kind)
        if subject_id is not None:
            query = query.where(Draft.subject_id == subject_id)
        with self._read() as session:
            drafts = session.scalars(query.order_by(Draft.saved_at.desc())).all()
            return [_row(d) for d in drafts]

    def discard_draft(self, key: str) -> None:
        with self._write() as session:
            discard_in(session, key)


def discard_in(session: Session, key: str | None) -> None:
    """Drop a draft inside the caller's transaction (the record it became is saved)."""
    if key:
        session.execute(delete(Draft).where(Draft.key == key))


def _row(draft: Draft) -> DraftRow:
    try:
        payload = json.loads(draft.payload)
    except ValueError:
        payload = {}
    if not isinstance(payload, dict):
        payload = {}
    return DraftRow(
        key=draft.key,
        kind=draft.kind,
        subject_id=draft.subject_id,
        title=draft.title,
        payload=payload,
        saved_at=draft.saved_at,
    )
