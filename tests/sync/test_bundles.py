"""Bundle files: the same change sets on a USB stick, signed under the bureau key."""

from __future__ import annotations

from pathlib import Path

import pytest

from firstbatch_desk.domain.errors import SyncError
from tests import factories
from tests.sync.helpers import content, rename


def _registered(hub_url, laptops, *names):
    out = [laptops(name) for name in names]
    for laptop in out:
        laptop.services.sync.sync(hub_url)
    return out


def _installation(context) -> str:
    return context.settings.installation_id[:32]


def test_changes_travel_by_bundle_both_ways(hub_url, laptops, tmp_path: Path) -> None:
    office, field = _registered(hub_url, laptops, "office", "field")
    made = factories.enterprise(field.services, name="嘉兴离线新材料有限公司")
    up = field.services.sync.export_bundle(tmp_path / "up.fbsync")
    assert up.records > 0
    # At the office, the laptop's bundle goes into the hub, the office laptop syncs.
    field_bundle = office.services.sync.import_hub_bundle(hub_url, tmp_path / "up.fbsync")
    assert field_bundle.records == up.records
    office.services.sync.sync(hub_url)
    assert office.services.enterprises.get_enterprise(made.id).name == "嘉兴离线新材料有限公司"
    # The office changes it; the hub's changes go back to the field laptop by bundle.
    rename(office, made.id, address="嘉兴市秀洲区")
    office.services.sync.sync(hub_url)
    down = tmp_path / "down.fbsync"
    office.services.sync.export_hub_bundle(hub_url, _installation(field), down)
    result = field.services.sync.import_bundle(down)
    assert result.records > 0
    assert field.services.enterprises.get_enterprise(made.id).address == "嘉兴市秀洲区"
    # The bundle acknowledged the field laptop's changes: nothing waits to go up.
    assert field.services.sync.status().pending == 0
    field.services.sync.sync(hub_url)
    office.services.sync.sync(hub_url)
    assert content(field) == content(office)


def test_importing_a_bundle_twice_changes_nothing(hub_url, laptops, tmp_path: Path) -> None:
    office, field = _registered(hub_url, laptops, "office", "field")
    factories.enterprise(field.services)
    bundle = tmp_path / "up.fbsync"
    field.services.sync.export_bundle(bundle)
    office.services.sync.import_hub_bundle(hub_url, bundle)
    with pytest.raises(SyncError) as again:
        office.services.sync.import_hub_bundle(hub_url, bundle)
    assert "已" in str(again.value) and "导入过" in str(again.value)
    down = tmp_path / "down.fbsync"
    office.services.sync.export_hub_bundle(hub_url, _installation(field), down)
    field.services.sync.import_bundle(down)
    snapshot = content(field)
    with pytest.raises(SyncError, match="导入过"):
        field.services.sync.import_bundle(down)
    assert content(field) == snapshot


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (lambda p: _flip(p, p.stat().st_size - 10), "签名不符"),
        (lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), "不完整"),
        (lambda p: p.write_bytes(b"PK\x03\x04 not a bundle"), "不是首批次同步包"),
        (
            lambda p: p.write_bytes(p.read_bytes().replace(b'"kind":"push"', b'"kind":"pull"')),
            "签名不符",
        ),
    ],
    ids=["tampered", "truncated", "not-a-bundle", "header-edited"],
)
def test_a_spoilt_bundle_is_refused_and_changes_nothing(
    hub_url, laptops, tmp_path: Path, spoil, words
) -> None:
    office, field = _registered(hub_url, laptops, "office", "field")
    factories.enterprise(field.services)
    bundle = tmp_path / "up.fbsync"
    field.services.sync.export_bundle(bundle)
    spoil(bundle)
    office.services.sync.sync(hub_url)
    before = content(office)
    with pytest.raises(SyncError, match=words):
        office.services.sync.import_hub_bundle(hub_url, bundle)
    office.services.sync.sync(hub_url)
    assert content(office) == before


def test_a_bundle_of_another_bureau_is_refused(
    hub_url, new_hub_database, laptops, tmp_path: Path
) -> None:
    (field,) = _registered(hub_url, laptops, "field")
    other_url = new_hub_database()
    stranger = laptops("stranger")
    stranger.services.sync.init_hub(other_url)
    stranger.services.sync.sync(other_url)
    factories.enterprise(stranger.services)
    bundle = tmp_path / "foreign.fbsync"
    stranger.services.sync.export_bundle(bundle)
    with pytest.raises(SyncError, match="不是用本单位的密钥签发的"):
        field.services.sync.import_hub_bundle(hub_url, bundle)
    with pytest.raises(SyncError, match="不是用本单位的密钥签发的"):
        field.services.sync.import_bundle(bundle)


def test_a_missing_bundle_in_between_is_named(hub_url, laptops, tmp_path: Path) -> None:
    office, field = _registered(hub_url, laptops, "office", "field")
    made = factories.enterprise(office.services)
    office.services.sync.sync(hub_url)
    first, second = tmp_path / "1.fbsync", tmp_path / "2.fbsync"
    office.services.sync.export_hub_bundle(hub_url, _installation(field), first)
    field.services.sync.import_bundle(first)
    # The field laptop tells the hub it holds the first bundle (by its own bundle).
    up = tmp_path / "up.fbsync"
    field.services.sync.export_bundle(up)
    office.services.sync.import_hub_bundle(hub_url, up)
    rename(office, made.id, address="新地址")
    office.services.sync.sync(hub_url)
    office.services.sync.export_hub_bundle(hub_url, _installation(field), second)
    stranger = laptops("late")
    stranger.services.sync.register_with_key_file(_key_file(office, hub_url, tmp_path))
    with pytest.raises(SyncError, match="发给另一台电脑"):
        stranger.services.sync.import_bundle(second)
    # A laptop put back to a backup older than the first bundle has a gap: refused.
    held = _pulled(field)
    _set_pulled(field, 0)
    with pytest.raises(SyncError, match="中间缺一个同步包"):
        field.services.sync.import_bundle(second)
    assert field.services.enterprises.get_enterprise(made.id).address != "新地址"
    _set_pulled(field, held)
    field.services.sync.import_bundle(second)
    assert field.services.enterprises.get_enterprise(made.id).address == "新地址"


def _pulled(context) -> int:
    return context.services.sync.state().pulled_rev


def _set_pulled(context, value: int) -> None:
    from sqlalchemy import update

    from firstbatch_desk.db.models import AppMeta

    with context.engine.begin() as connection:
        connection.execute(
            update(AppMeta).where(AppMeta.key == "sync.pulled_rev").values(value=str(value))
        )


def _key_file(context, hub_url: str, tmp_path: Path) -> Path:
    path = tmp_path / "bureau.key"
    context.services.sync.write_key_file(hub_url, path)
    return path
