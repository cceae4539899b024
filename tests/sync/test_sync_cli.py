"""``firstbatch-desk hub init`` and ``firstbatch-desk sync …`` from the command line."""

from __future__ import annotations

from pathlib import Path

from firstbatch_desk.cli import main
from tests import factories


def test_hub_init_sync_status_and_bundles(new_hub_database, laptops, tmp_path, capsys) -> None:
    url = new_hub_database()
    field = laptops("field")
    field_dir = str(field.paths.data_dir)
    factories.enterprise(field.services, name="嘉兴命令行新材料有限公司")
    field.close()
    key = tmp_path / "bureau.key"
    assert main(["hub", "init", "--url", url, "--key-file", str(key), "--data-dir", field_dir]) == 0
    assert "总库已就绪" in capsys.readouterr().out and key.exists()
    assert main(["hub", "init", "--url", url, "--data-dir", field_dir]) == 0  # idempotent
    capsys.readouterr()
    assert main(["sync", "--url", url, "--data-dir", field_dir]) == 0
    assert "同步完成" in capsys.readouterr().out
    assert main(["sync", "status", "--data-dir", field_dir]) == 0
    status = capsys.readouterr().out
    assert "待上传 0 条" in status and "上次同步" in status
    # A laptop that never reaches the network: registered with the key file, bundles only.
    office = laptops("office")
    office_dir = str(office.paths.data_dir)
    installation = office.settings.installation_id[:32]
    office.close()
    assert main(["sync", "register", "--key-file", str(key), "--data-dir", office_dir]) == 0
    down = tmp_path / "down.fbsync"
    capsys.readouterr()
    # It has never told the hub about itself: the hub does not know it yet.
    assert (
        main(
            [
                "sync",
                "export-bundle",
                "-o",
                str(down),
                "--url",
                url,
                "--for",
                installation,
                "--data-dir",
                field_dir,
            ]
        )
        == 1
    )
    assert "没有登记过" in capsys.readouterr().err
    up = tmp_path / "up.fbsync"
    assert main(["sync", "export-bundle", "-o", str(up), "--data-dir", office_dir]) == 0
    assert main(["sync", "import-bundle", str(up), "--url", url, "--data-dir", field_dir]) == 0
    assert (
        main(
            [
                "sync",
                "export-bundle",
                "-o",
                str(down),
                "--url",
                url,
                "--for",
                installation,
                "--data-dir",
                field_dir,
            ]
        )
        == 0
    )
    assert main(["sync", "import-bundle", str(down), "--data-dir", office_dir]) == 0
    assert "已导入同步包" in capsys.readouterr().out
    assert main(["list", "enterprises", "--search", "命令行", "--data-dir", office_dir]) == 0
    assert "嘉兴命令行新材料有限公司" in capsys.readouterr().out
    assert main(["sync", "conflicts", "--data-dir", office_dir]) == 0
    assert "没有未处理的冲突" in capsys.readouterr().out


def test_a_bad_address_is_explained(laptops, capsys) -> None:
    field = laptops("field")
    field_dir = str(field.paths.data_dir)
    field.close()
    assert main(["sync", "--url", "sqlite:///x.db", "--data-dir", field_dir]) == 1
    assert "应以 postgresql+psycopg:// 开头" in capsys.readouterr().err
    assert main(["sync", "--data-dir", field_dir]) == 2
    assert "--url" in capsys.readouterr().err
    unreachable = "postgresql+psycopg://nobody:secret@127.0.0.1:9/none"
    assert main(["sync", "--url", unreachable, "--data-dir", field_dir]) == 1
    err = capsys.readouterr().err
    assert "连不上总库" in err and "secret" not in err


def test_a_spoilt_bundle_file_exits_with_the_reason(laptops, tmp_path: Path, capsys) -> None:
    field = laptops("field")
    field_dir = str(field.paths.data_dir)
    field.close()
    junk = tmp_path / "junk.fbsync"
    junk.write_bytes(b"hello")
    assert main(["sync", "import-bundle", str(junk), "--data-dir", field_dir]) == 1
    assert "还没有登记到总库" in capsys.readouterr().err
