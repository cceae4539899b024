"""Gathering a case file (案卷) inside one session: profile, contacts, recognitions, needs.

Every function here reads; none writes. Text is Chinese (the labels of the
enums); tombstoned rows never appear. Visits are gathered in
:mod:`firstbatch_desk.services.report_visits`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from firstbatch_desk.db.models import (
    Attachment,
    Case,
    Contact,
    Department,
    Division,
    Enterprise,
    Need,
    Officer,
    Product,
    Recognition,
    Zone,
)
from firstbatch_desk.domain.dtos.reports import (
    AttachmentLine,
    ContactLine,
    NeedLine,
    ProfileLine,
    RecognitionLine,
)
from firstbatch_desk.domain.enums import AttachmentOwner
from firstbatch_desk.domain.recognition import validity_of
from firstbatch_desk.services.attachments import stored_file
from firstbatch_desk.services.report_visits import NAME_SEPARATOR, People

CONTENT_LIMIT = 300
"""Characters of a need's description printed after its title."""


def enterprise_profile(
    session: Session, enterprise: Enterprise, people: People
) -> list[ProfileLine]:
    """The enterprise's facts beyond its name and credit code (the DTO carries those)."""
    division = (
        session.scalar(select(Division.name).where(Division.code == enterprise.division_code))
        if enterprise.division_code
        else None
    )
    zone = session.scalar(select(Zone.name).where(Zone.id == enterprise.zone_id))
    flags = [
        label
        for on, label in (
            (enterprise.above_scale, "规上企业"),
            (enterprise.specialised, "专精特新"),
            (enterprise.high_tech, "高新技术企业"),
        )
        if on
    ]
    people.add_names(enterprise.legal_representative)
    lines = [
        ("曾用名", enterprise.former_names),
        ("所在区县", division or ""),
        ("开发区", zone or ""),
        ("地址", enterprise.address),
        ("法定代表人", enterprise.legal_representative),
        ("所属行业", enterprise.industry),
        ("企业类型", NAME_SEPARATOR.join(flags)),
    ]
    return [ProfileLine(label, value) for label, value in lines if value]


def contact_lines(session: Session, enterprise_id: uuid.UUID, people: People) -> list[ContactLine]:
    contacts = session.execute(
        select(Contact.name, Contact.title, Contact.phone, Contact.email)
        .where(Contact.enterprise_id == enterprise_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.created_at, Contact.id)
    ).all()
    for c in contacts:
        people.add_names(c.name)
        if c.phone:
            people.phones.add(c.phone)
    return [ContactLine(c.name, c.title, c.phone, c.email) for c in contacts]


def recognition_lines(
    session: Session, product_ids: Select, today: date, warn_days: int
) -> list[RecognitionLine]:
    rows = session.execute(
        select(
            Product.name,
            Product.model_spec,
            Recognition.scheme,
            Recognition.tier,
            Recognition.year,
            Recognition.document_no,
            Recognition.recognised_on,
            Recognition.valid_until,
            Recognition.reward_amount,
            Recognition.reward_paid,
        )
        .join(Product, Product.id == Recognition.product_id)
        .where(
            Recognition.product_id.in_(product_ids),
            Recognition.deleted_at.is_(None),
            Product.deleted_at.is_(None),
        )
        .order_by(Recognition.year, Recognition.recognised_on, Product.name, Recognition.id)
    ).all()
    return [
        RecognitionLine(
            product=r.name,
            model_spec=r.model_spec,
            scheme=r.scheme.label("zh"),
            tier=r.tier.label("zh"),
            year=r.year,
            document_no=r.document_no,
            recognised_on=r.recognised_on,
            valid_until=r.valid_until,
            validity=validity_of(r.valid_until, today, warn_days).label("zh"),
            reward=r.reward_amount,
            reward_paid=r.reward_paid,
        )
        for r in rows
    ]


def need_lines(session: Session, condition: Any) -> tuple[list[NeedLine], list[uuid.UUID]]:
    """Needs matching ``condition`` (live), by date raised; and their ids."""
    rows = session.execute(
        select(
            Need.id,
            Need.need_no,
            Need.category,
            Need.title,
            Need.description,
            Department.short_name,
            Department.name,
            Need.due_on,
            Need.extended_to,
            Need.status,
            Need.closed_on,
            Need.satisfaction,
        )
        .outerjoin(Department, Department.id == Need.lead_department_id)
        .where(condition, Need.deleted_at.is_(None))
        .order_by(Need.raised_on, Need.need_no)
    ).all()
    lines = [
        NeedLine(
            need_no=r.need_no,
            category=r.category.label("zh"),
            content=need_content(r.title, r.description),
            lead_department=r.short_name or r.name or "",
            deadline=r.extended_to or r.due_on,
            status=r.status.label("zh"),
            closed_on=r.closed_on,
            satisfaction=r.satisfaction.label("zh") if r.satisfaction else "",
        )
        for r in rows
    ]
    return lines, [r.id for r in rows]


def need_content(title: str, description: str) -> str:
    text = " ".join((description or "").split())
    if not text or text == title:
        return title
    if len(text) > CONTENT_LIMIT:
        text = text[: CONTENT_LIMIT - 1] + "…"
    return f"{title}：{text}"


def attachment_lines(
    session: Session,
    visit_ids: Select,
    need_ids: Sequence[uuid.UUID],
    attachment_dir: Path,
    embed_photos: bool,
) -> list[AttachmentLine]:
    """Attachments of these visits and needs; photos point at their stored file.

    The file is found by its SHA-256 in the content-addressed folder
    (``ab/abcdef…``); the original name is only printed, never used as a path.
    """
    owners = (Attachment.owner_type == AttachmentOwner.VISIT) & Attachment.owner_id.in_(visit_ids)
    if need_ids:
        owners = owners | (
            (Attachment.owner_type == AttachmentOwner.NEED) & Attachment.owner_id.in_(need_ids)
        )
    rows = session.execute(
        select(
            Attachment.sha256,
            Attachment.original_name,
            Attachment.media_type,
            Attachment.size,
            Attachment.caption,
        )
        .where(owners, Attachment.deleted_at.is_(None))
        .order_by(Attachment.created_at, Attachment.id)
    ).all()
    lines = []
    for r in rows:
        image_path = None
        if embed_photos and r.media_type.startswith("image/"):
            stored = stored_file(attachment_dir, r.sha256)
            image_path = str(stored) if stored is not None else None
        lines.append(AttachmentLine(r.original_name, r.media_type, r.size, r.caption, image_path))
    return lines


def case_profile_lines(rows: Sequence[Any]) -> list[ProfileLine]:
    """Lines about the case(s): product, status, dates (one case) or the list (several)."""
    if len(rows) == 1:
        r = rows[0]
        product = f"{r.product_name}（{r.model_spec}）" if r.model_spec else r.product_name
        lines = [
            ("跟踪产品", product),
            ("档案状态", r.status.label("zh")),
            ("建档日期", _iso(r.opened_on)),
            ("结案日期", _iso(r.closed_on)),
            ("最近走访", _iso(r.last_visit_on)),
            ("下次走访", _iso(r.next_due_on)),
        ]
        return [ProfileLine(label, value) for label, value in lines if value]
    listed = NAME_SEPARATOR.join(
        f"{r.case_no} {r.product_name}（{r.status.label('zh')}）" for r in rows
    )
    return [ProfileLine("跟踪档案", listed)] if listed else []


def case_rows(session: Session, condition: Any) -> list[Any]:
    """Live cases matching ``condition`` with their product and officer, by number."""
    return list(
        session.execute(
            select(
                Case.id,
                Case.case_no,
                Case.product_id,
                Case.status,
                Case.opened_on,
                Case.closed_on,
                Case.last_visit_on,
                Case.next_due_on,
                Product.name.label("product_name"),
                Product.model_spec,
                Product.application_field,
                Officer.name.label("officer_name"),
            )
            .join(Product, Product.id == Case.product_id)
            .outerjoin(Officer, Officer.id == Case.officer_id)
            .where(condition, Case.deleted_at.is_(None))
            .order_by(Case.case_no)
        ).all()
    )


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
