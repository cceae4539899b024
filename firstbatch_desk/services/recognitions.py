"""Recognitions of products under the four schemes."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Enterprise, Product, Recognition
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.filters import RecognitionFilter
from firstbatch_desk.domain.dtos.register import RecognitionInput, RecognitionRow
from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.recognition import (
    Validity,
    check_tier_fits_scheme,
    check_year,
    default_valid_until,
)
from firstbatch_desk.domain.text_search import plain_term
from firstbatch_desk.domain.validation import (
    check_date,
    check_money,
    check_order,
    clean_text,
    shown,
)
from firstbatch_desk.services import indexing
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.listing import KeyList, SortOrder, ordered_keys, rows_by_key
from firstbatch_desk.services.search import search_condition

ENTITY = "认定记录"
SORT_COLUMNS = {
    "year": Recognition.year,
    "scheme": Recognition.scheme,
    "tier": Recognition.tier,
    "enterprise": Enterprise.name,
    "product": Product.name,
    "document_no": Recognition.document_no,
    "recognised_on": Recognition.recognised_on,
    "valid_until": Recognition.valid_until,
    "reward_amount": Recognition.reward_amount,
}


def _recognition_query() -> Select:
    return (
        select(
            Recognition,
            Product.name.label("product_name"),
            Enterprise.id.label("enterprise_id"),
            Enterprise.name.label("enterprise_name"),
            Enterprise.division_code,
        )
        .join(Product, Product.id == Recognition.product_id)
        .join(Enterprise, Enterprise.id == Product.enterprise_id)
        .where(
            Recognition.deleted_at.is_(None),
            Product.deleted_at.is_(None),
            Enterprise.deleted_at.is_(None),
        )
    )


def recognition_rows(
    session: Session, *conditions: ColumnElement[bool], limit: int = 200
) -> list[RecognitionRow]:
    """Recognition list rows matching ``conditions``, newest year first."""
    query = (
        _recognition_query()
        .where(*conditions)
        .order_by(Recognition.year.desc(), Enterprise.name, Recognition.id)
        .limit(limit)
    )
    return [_row_of(r) for r in session.execute(query)]


def _row_of(r: Any) -> RecognitionRow:
    rec: Recognition = r.Recognition
    return RecognitionRow(
        id=rec.id,
        product_id=rec.product_id,
        product_name=r.product_name,
        enterprise_id=r.enterprise_id,
        enterprise_name=r.enterprise_name,
        division_code=r.division_code,
        scheme=rec.scheme,
        tier=rec.tier,
        tier_text=rec.tier_text,
        year=rec.year,
        document_no=rec.document_no,
        recognised_on=rec.recognised_on,
        valid_until=rec.valid_until,
        reward_amount=rec.reward_amount,
        reward_paid=rec.reward_paid,
    )


def validity_condition(validity: Validity, today: date, warn_days: int = 90) -> Any:
    """SQL condition for one validity state (see ``domain.recognition.validity_of``)."""
    # Days to the end of the calendar, so a far "today" cannot overflow date.
    horizon = today + timedelta(days=min(warn_days, (date.max - today).days))
    column = Recognition.valid_until
    if validity is Validity.EXPIRED:
        return column < today
    if validity is Validity.EXPIRING:
        return column.between(today, horizon)
    if validity is Validity.VALID:
        return column > horizon
    return column.is_(None)


class RecognitionService(ServiceBase):
    def create_recognition(self, data: RecognitionInput) -> RecognitionRow:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            self._live(session, Product, data.product_id, "产品")
            recognition = Recognition(product_id=data.product_id)
            self._apply(recognition, data)
            session.add(recognition)
            session.flush()
            indexing.reindex_products(session, [data.product_id])
            return recognition_rows(session, Recognition.id == recognition.id)[0]

    def update_recognition(
        self, recognition_id: uuid.UUID, data: RecognitionInput
    ) -> RecognitionRow:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            recognition = self._live(session, Recognition, recognition_id, ENTITY)
            if data.product_id != recognition.product_id:
                self._live(session, Product, data.product_id, "产品")
            old_product = recognition.product_id
            recognition.product_id = data.product_id
            self._apply(recognition, data)
            session.flush()
            indexing.reindex_products(session, list({old_product, data.product_id}))
            return recognition_rows(session, Recognition.id == recognition.id)[0]

    def delete_recognition(self, recognition_id: uuid.UUID) -> None:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            recognition = self._live(session, Recognition, recognition_id, ENTITY)
            recognition.deleted_at = self._now()
            session.flush()
            indexing.reindex_products(session, [recognition.product_id])

    def restore_recognition(self, recognition_id: uuid.UUID) -> RecognitionRow:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            recognition = session.get(Recognition, recognition_id)
            if recognition is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(recognition_id))
            self._live(session, Product, recognition.product_id, "产品")
            recognition.deleted_at = None
            session.flush()
            indexing.reindex_products(session, [recognition.product_id])
            return recognition_rows(session, Recognition.id == recognition.id)[0]

    def get_recognition(self, recognition_id: uuid.UUID) -> RecognitionRow:
        with self._read() as session:
            rows = recognition_rows(session, Recognition.id == recognition_id)
            if not rows:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(recognition_id))
            return rows[0]

    def list_recognitions(
        self, filters: RecognitionFilter | None = None, *, limit: int = 200
    ) -> list[RecognitionRow]:
        with self._read() as session:
            conditions = self._conditions(session, filters or RecognitionFilter())
            return recognition_rows(session, *conditions, limit=limit)

    def recognition_keys(
        self,
        filters: RecognitionFilter | None = None,
        order: SortOrder | None = None,
        limit: int | None = None,
    ) -> KeyList:
        with self._read() as session:
            conditions = self._conditions(session, filters or RecognitionFilter())
            return ordered_keys(
                session,
                _recognition_query().where(*conditions),
                Recognition.id,
                SORT_COLUMNS,
                SortOrder("year", descending=True),
                order,
                limit=limit,
            )

    def recognition_rows(self, keys: Sequence[str]) -> list[RecognitionRow]:
        with self._read() as session:
            found = rows_by_key(session, _recognition_query(), Recognition.id, keys)
            return [_row_of(r) for r in found]

    def _conditions(self, session: Session, filters: RecognitionFilter) -> list[Any]:
        conditions: list[Any] = []
        if filters.enterprise_id:
            conditions.append(Enterprise.id == filters.enterprise_id)
        if filters.product_id:
            conditions.append(Recognition.product_id == filters.product_id)
        if filters.scheme:
            conditions.append(Recognition.scheme == filters.scheme)
        if filters.tier:
            conditions.append(Recognition.tier == filters.tier)
        if filters.year:
            conditions.append(Recognition.year == filters.year)
        if filters.division_code:
            conditions.append(Enterprise.division_code == plain_term(filters.division_code))
        if filters.validity:
            conditions.append(
                validity_condition(
                    filters.validity,
                    filters.today or date.today(),
                    self._config.expiry_warning_days,
                )
            )
        condition = search_condition(
            session,
            indexing.PRODUCT,
            filters.search,
            (Product.name, Enterprise.name, Recognition.document_no),
        )
        if condition is not None:
            conditions.append(condition)
        return conditions

    @staticmethod
    def _apply(recognition: Recognition, data: RecognitionInput) -> None:
        try:
            scheme = Scheme(data.scheme)
        except ValueError as exc:
            raise ValidationError(
                "field.bad_choice", field="scheme", label="类别", value=shown(data.scheme)
            ) from exc
        try:
            tier = Tier(data.tier)
        except ValueError as exc:
            raise ValidationError(
                "field.bad_choice", field="tier", label="档次", value=shown(data.tier)
            ) from exc
        check_tier_fits_scheme(scheme, tier)
        try:
            year = int(data.year)
        except (TypeError, ValueError) as exc:
            raise ValidationError(
                "field.bad_number", field="year", label="年度", value=shown(data.year)
            ) from exc
        check_year(year)
        recognised_on = check_date(data.recognised_on, field="recognised_on", label="认定日期")
        valid_until = check_date(data.valid_until, field="valid_until", label="有效期至")
        if valid_until is None and recognised_on is not None:
            valid_until = default_valid_until(recognised_on)
        check_order(
            recognised_on,
            valid_until,
            field="valid_until",
            earlier_label="认定日期",
            later_label="有效期至",
        )
        recognition.scheme = scheme
        recognition.tier = tier
        recognition.year = year
        recognition.tier_text = clean_text(
            data.tier_text, field="tier_text", label="认定档次原文", limit=300
        )
        recognition.document_no = clean_text(
            data.document_no, field="document_no", label="文号", limit=100
        )
        recognition.recognised_on = recognised_on
        recognition.valid_until = valid_until
        recognition.reward_amount = check_money(
            data.reward_amount, field="reward_amount", label="奖励金额（万元）"
        )
        recognition.reward_paid = bool(data.reward_paid)


# The list query and row builder, for other services that show recognitions (the worklist).
recognition_query = _recognition_query
recognition_row = _row_of


def fill_recognition(record: Recognition, data: RecognitionInput) -> None:
    """Check ``data`` and put it on ``record``, as the form's save does."""
    RecognitionService._apply(record, data)
