"""Attachment files travel by their hash, only to where they are missing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, func, select

from firstbatch_desk.db.models.sync import SyncBlob
from firstbatch_desk.domain.enums import AttachmentOwner
from tests import factories


def _visit_with_file(context, tmp_path: Path, content: bytes):
    case = factories.recognised_case(context.services)
    visit = factories.visit(context.services, case.row)
    source = tmp_path / "现场记录.txt"
    source.write_bytes(content)
    stored = context.services.attachments.ingest(source)
    (row,) = context.services.attachments.attach(AttachmentOwner.VISIT, visit.row.id, [stored])
    return row


def _blob_count(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(SyncBlob)).scalar())
    finally:
        engine.dispose()


def test_a_file_attached_on_one_laptop_opens_on_the_other(hub_url, laptops, tmp_path) -> None:
    a, b = laptops("a"), laptops("b")
    content = "企业现场记录：窑炉改造已完成。".encode() * 100
    row = _visit_with_file(a, tmp_path, content)
    a.services.sync.sync(hub_url)
    assert _blob_count(hub_url) == 1
    report = b.services.sync.sync(hub_url)
    assert report.files == 1
    assert b.services.attachments.file_path(row.id).read_bytes() == content
    again = b.services.sync.sync(hub_url)  # nothing missing: nothing fetched
    assert again.files == 0
    a.services.sync.sync(hub_url)  # the hub has it: not sent twice
    assert _blob_count(hub_url) == 1


def test_a_file_travels_in_bundles_too(hub_url, laptops, tmp_path) -> None:
    office, field = laptops("office"), laptops("field")
    for laptop in (office, field):
        laptop.services.sync.sync(hub_url)
    content = b"\x89PNG-not-really" * 64
    row = _visit_with_file(field, tmp_path, content)
    up = tmp_path / "up.fbsync"
    field.services.sync.export_bundle(up)
    result = office.services.sync.import_hub_bundle(hub_url, up)
    assert result.files == 1
    office.services.sync.sync(hub_url)
    assert office.services.attachments.file_path(row.id).read_bytes() == content
