"""Products of enterprises."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import Case, Enterprise, Need, Product, Recognition, VisitCase
from firstbatch_desk.domain.accounts import Permission
from firstbatch_desk.domain.dtos.register import ProductDetail, ProductInput, ProductRow
from firstbatch_desk.domain.errors import NotFoundError, ValidationError
from firstbatch_desk.domain.validation import check_date, check_int, clean_text
from firstbatch_desk.services import indexing
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.recognitions import recognition_rows
from firstbatch_desk.services.search import search_condition
from firstbatch_desk.services.tombstones import restore_cascade, tombstone

ENTITY = "产品"


class ProductService(ServiceBase):
    def create_product(self, data: ProductInput) -> ProductDetail:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            self._live(session, Enterprise, data.enterprise_id, "企业")
            product = Product(enterprise_id=data.enterprise_id)
            self._apply(product, data)
            session.add(product)
            session.flush()
            indexing.reindex_products(session, [product.id])
            indexing.reindex_enterprises(session, [product.enterprise_id])
            return self._detail(session, product)

    def update_product(self, product_id: uuid.UUID, data: ProductInput) -> ProductDetail:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            product = self._live(session, Product, product_id, ENTITY)
            if data.enterprise_id != product.enterprise_id:
                self._live(session, Enterprise, data.enterprise_id, "企业")
            old_enterprise = product.enterprise_id
            product.enterprise_id = data.enterprise_id
            self._apply(product, data)
            session.flush()
            indexing.reindex_products(session, [product.id])
            indexing.reindex_enterprises(session, list({old_enterprise, product.enterprise_id}))
            return self._detail(session, product)

    def delete_product(self, product_id: uuid.UUID) -> datetime:
        """Tombstone the product with its recognitions and cases.

        Refused while one of its cases has visits or needs.
        """
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            product = self._live(session, Product, product_id, ENTITY)
            case_ids = select(Case.id).where(Case.product_id == product_id)
            for statement, children in (
                (
                    select(VisitCase.id).where(
                        VisitCase.case_id.in_(case_ids), VisitCase.deleted_at.is_(None)
                    ),
                    "走访记录",
                ),
                (
                    select(Need.id).where(Need.case_id.in_(case_ids), Need.deleted_at.is_(None)),
                    "问题诉求",
                ),
            ):
                count = self._count(session, statement)
                if count:
                    raise ValidationError(
                        "record.in_use", entity=ENTITY, count=count, children=children
                    )
            when = self._now()
            tombstone(session, Recognition, Recognition.product_id == product_id, when)
            tombstone(session, Case, Case.product_id == product_id, when)
            product.deleted_at = when
            session.flush()
            indexing.reindex_products(session, [product_id])
            indexing.reindex_cases(session, session.scalars(case_ids).all())
            indexing.reindex_enterprises(session, [product.enterprise_id])
            return when

    def restore_product(self, product_id: uuid.UUID) -> ProductDetail:
        self._require(Permission.EDIT_REGISTER)
        with self._write() as session:
            product = session.get(Product, product_id)
            if product is None:
                raise NotFoundError("record.not_found", entity=ENTITY, id=str(product_id))
            self._live(session, Enterprise, product.enterprise_id, "企业")
            when = product.deleted_at
            if when is not None:
                restore_cascade(session, Recognition, Recognition.product_id == product_id, when)
                restore_cascade(session, Case, Case.product_id == product_id, when)
                product.deleted_at = None
                session.flush()
                indexing.reindex_products(session, [product_id])
                indexing.reindex_cases(
                    session,
                    session.scalars(select(Case.id).where(Case.product_id == product_id)).all(),
                )
                indexing.reindex_enterprises(session, [product.enterprise_id])
            return self._detail(session, product)

    def get_product(self, product_id: uuid.UUID) -> ProductDetail:
        with self._read() as session:
            return self._detail(session, self._live(session, Product, product_id, ENTITY))

    def list_products(
        self, *, enterprise_id: uuid.UUID | None = None, search: str = "", limit: int = 200
    ) -> list[ProductRow]:
        with self._read() as session:
            query = self._query()
            if enterprise_id is not None:
                query = query.where(Product.enterprise_id == enterprise_id)
            condition = search_condition(
                session, indexing.PRODUCT, search, (Product.name, Enterprise.name)
            )
            if condition is not None:
                query = query.where(condition)
            query = query.order_by(Enterprise.name, Product.name, Product.id).limit(limit)
            return [
                ProductRow(
                    id=r.id,
                    enterprise_id=r.enterprise_id,
                    enterprise_name=r.enterprise_name,
                    name=r.name,
                    model_spec=r.model_spec,
                    application_field=r.application_field,
                    trl=r.trl,
                    recognition_count=r.recognition_count,
                )
                for r in session.execute(query)
            ]

    @staticmethod
    def _query() -> Select:
        recognitions = (
            select(func.count(Recognition.id))
            .where(Recognition.product_id == Product.id, Recognition.deleted_at.is_(None))
            .correlate(Product)
            .scalar_subquery()
        )
        return (
            select(
                Product.id,
                Product.enterprise_id,
                Enterprise.name.label("enterprise_name"),
                Product.name,
                Product.model_spec,
                Product.application_field,
                Product.trl,
                recognitions.label("recognition_count"),
            )
            .join(Enterprise, Enterprise.id == Product.enterprise_id)
            .where(Product.deleted_at.is_(None), Enterprise.deleted_at.is_(None))
        )

    @staticmethod
    def _apply(product: Product, data: ProductInput) -> None:
        product.name = clean_text(
            data.name, field="name", label="产品名称", limit=200, required=True
        )
        product.model_spec = clean_text(
            data.model_spec, field="model_spec", label="型号规格", limit=200
        )
        product.key_indicators = clean_text(
            data.key_indicators,
            field="key_indicators",
            label="关键性能指标",
            limit=5000,
            multiline=True,
        )
        product.application_field = clean_text(
            data.application_field, field="application_field", label="应用领域", limit=200
        )
        product.trl = check_int(data.trl, field="trl", label="技术成熟度", low=1, high=9)
        product.ip_numbers = clean_text(
            data.ip_numbers, field="ip_numbers", label="知识产权编号", limit=500
        )
        product.test_report_no = clean_text(
            data.test_report_no, field="test_report_no", label="检测报告编号", limit=100
        )
        product.test_report_agency = clean_text(
            data.test_report_agency, field="test_report_agency", label="检测机构", limit=200
        )
        product.test_report_date = check_date(
            data.test_report_date, field="test_report_date", label="检测报告日期"
        )
        product.novelty_report_no = clean_text(
            data.novelty_report_no, field="novelty_report_no", label="查新报告编号", limit=100
        )
        product.novelty_report_agency = clean_text(
            data.novelty_report_agency, field="novelty_report_agency", label="查新机构", limit=200
        )
        product.novelty_report_date = check_date(
            data.novelty_report_date, field="novelty_report_date", label="查新报告日期"
        )

    @staticmethod
    def _detail(session: Session, product: Product) -> ProductDetail:
        enterprise_name = session.scalar(
            select(Enterprise.name).where(Enterprise.id == product.enterprise_id)
        )
        return ProductDetail(
            id=product.id,
            enterprise_id=product.enterprise_id,
            enterprise_name=enterprise_name or "",
            name=product.name,
            model_spec=product.model_spec,
            key_indicators=product.key_indicators,
            application_field=product.application_field,
            trl=product.trl,
            ip_numbers=product.ip_numbers,
            test_report_no=product.test_report_no,
            test_report_agency=product.test_report_agency,
            test_report_date=product.test_report_date,
            novelty_report_no=product.novelty_report_no,
            novelty_report_agency=product.novelty_report_agency,
            novelty_report_date=product.novelty_report_date,
            recognitions=tuple(
                recognition_rows(session, Recognition.product_id == product.id, limit=1000)
            ),
            updated_at=product.updated_at,
        )


def fill_product(record: Product, data: ProductInput) -> None:
    """Check ``data`` and put it on ``record``, as the form's save does."""
    ProductService._apply(record, data)
