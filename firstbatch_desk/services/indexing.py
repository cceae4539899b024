"""Keeping the full-text index in step with the records (one place for what is indexed).

What each kind of record is found by:

* enterprise: name, former names, credit code, industry, address, product names;
* product: name, model, application field, enterprise name, document numbers;
* case: case number, product and enterprise names;
* visit: enterprise name and every note;
* need: number, title, description, enterprise name.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from firstbatch_desk.db import fts
from firstbatch_desk.db.models import (
    Case,
    Enterprise,
    Need,
    Product,
    Recognition,
    Visit,
    VisitNote,
)

ENTERPRISE = "enterprise"
PRODUCT = "product"
CASE = "case"
VISIT = "visit"
NEED = "need"


def reindex_enterprises(session: Session, ids: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    docs = []
    for enterprise in session.scalars(select(Enterprise).where(Enterprise.id.in_(ids))):
        if enterprise.deleted_at is not None:
            fts.remove_documents(connection, ENTERPRISE, [enterprise.id])
            continue
        products = session.scalars(
            select(Product.name).where(
                Product.enterprise_id == enterprise.id, Product.deleted_at.is_(None)
            )
        ).all()
        docs.append(
            (
                enterprise.id,
                [
                    enterprise.name,
                    enterprise.former_names,
                    enterprise.credit_code,
                    enterprise.industry,
                    enterprise.address,
                    *products,
                ],
            )
        )
    fts.index_documents(connection, ENTERPRISE, docs)


def reindex_products(session: Session, ids: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    docs = []
    rows = session.execute(
        select(Product, Enterprise.name)
        .join(Enterprise, Enterprise.id == Product.enterprise_id)
        .where(Product.id.in_(ids))
    )
    for product, enterprise_name in rows:
        if product.deleted_at is not None:
            fts.remove_documents(connection, PRODUCT, [product.id])
            continue
        documents = session.scalars(
            select(Recognition.document_no).where(
                Recognition.product_id == product.id, Recognition.deleted_at.is_(None)
            )
        ).all()
        docs.append(
            (
                product.id,
                [
                    product.name,
                    product.model_spec,
                    product.application_field,
                    enterprise_name,
                    *documents,
                ],
            )
        )
    fts.index_documents(connection, PRODUCT, docs)


def reindex_cases(session: Session, ids: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    docs = []
    rows = session.execute(
        select(Case, Product.name, Enterprise.name)
        .join(Product, Product.id == Case.product_id)
        .join(Enterprise, Enterprise.id == Case.enterprise_id)
        .where(Case.id.in_(ids))
    )
    for case, product_name, enterprise_name in rows:
        if case.deleted_at is not None:
            fts.remove_documents(connection, CASE, [case.id])
            continue
        docs.append((case.id, [case.case_no, product_name, enterprise_name]))
    fts.index_documents(connection, CASE, docs)


NOTE_PARTS = (
    "production_status",
    "sales_status",
    "application_progress",
    "new_users",
    "policies_explained",
    "summary",
)


def visit_parts(enterprise_name: str, note: VisitNote | None) -> list[str | None]:
    if note is None:
        return [enterprise_name]
    return [enterprise_name, *(getattr(note, name) for name in NOTE_PARTS)]


def reindex_visits(session: Session, ids: Sequence[uuid.UUID]) -> None:
    # Plain columns, not ORM objects: a sync may reindex hundreds of thousands of visits.
    connection = session.connection()
    rows = session.execute(
        select(
            Visit.id,
            Visit.deleted_at,
            Enterprise.name,
            VisitNote.id.label("note_id"),
            *(getattr(VisitNote, name) for name in NOTE_PARTS),
        )
        .join(Enterprise, Enterprise.id == Visit.enterprise_id)
        .outerjoin(VisitNote, VisitNote.visit_id == Visit.id)
        .where(Visit.id.in_(ids))
    )
    gone, docs = [], []
    for row in rows:
        if row.deleted_at is not None:
            gone.append(row.id)
        elif row.note_id is None:
            docs.append((row.id, [row.name]))
        else:
            docs.append((row.id, [row.name, *(getattr(row, name) for name in NOTE_PARTS)]))
    fts.remove_documents(connection, VISIT, gone)
    fts.index_documents(connection, VISIT, docs)


def reindex_needs(session: Session, ids: Sequence[uuid.UUID]) -> None:
    connection = session.connection()
    docs = []
    rows = session.execute(
        select(Need, Enterprise.name)
        .join(Enterprise, Enterprise.id == Need.enterprise_id)
        .where(Need.id.in_(ids))
    )
    for need, enterprise_name in rows:
        if need.deleted_at is not None:
            fts.remove_documents(connection, NEED, [need.id])
            continue
        docs.append((need.id, [need.need_no, need.title, need.description, enterprise_name]))
    fts.index_documents(connection, NEED, docs)
