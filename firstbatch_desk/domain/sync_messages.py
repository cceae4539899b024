"""Messages of the sync with the office hub and of bundle files (part of the catalogue)."""

from __future__ import annotations

SYNC_MESSAGES: dict[str, tuple[str, str]] = {
    "sync.bad_url": (
        "总库地址“{url}”不对：应以 postgresql+psycopg:// 开头，例如 "
        "postgresql+psycopg://用户名:密码@服务器/数据库。",
        "The hub address \u201c{url}\u201d is wrong: it should start with postgresql+psycopg://, "
        "e.g. postgresql+psycopg://user:password@server/database.",
    ),
    "sync.unreachable": (
        "连不上总库 {url}：{reason}。请检查网络和地址；本机数据没有任何改动。",
        "Cannot reach the hub {url}: {reason}. Check the network and the address; "
        "nothing was changed here.",
    ),
    "sync.interrupted": (
        "与总库的同步中断了：{reason}。已同步的部分已保存，下次同步会从中断处继续。",
        "The sync with the hub was interrupted: {reason}. What was synced is kept; "
        "the next sync goes on from there.",
    ),
    "sync.hub_not_ready": (
        "{url} 还不是首批次总库：请先在总库上运行 firstbatch-desk hub init。",
        "{url} is not a FirstBatch hub yet: run firstbatch-desk hub init there first.",
    ),
    "sync.hub_newer": (
        "总库的数据结构比本程序新，请先升级本机的首批次跟踪服务台。",
        "The hub's schema is newer than this program; upgrade FirstBatch Desk here first.",
    ),
    "sync.other_hub": (
        "本机已登记在另一个总库（编号 {registered}），不能与这个总库（编号 {hub}）同步。",
        "This computer is registered with another hub ({registered}); it cannot sync "
        "with this one ({hub}).",
    ),
    "sync.not_registered": (
        "本机还没有登记到总库：请先联网同步一次，或用总库发的密钥文件登记"
        "（firstbatch-desk sync register --key-file 文件）。",
        "This computer is not registered with a hub yet: sync once over the network, or "
        "register with the hub's key file (firstbatch-desk sync register --key-file FILE).",
    ),
    "sync.bad_key_file": (
        "密钥文件 {name} 不能用：{reason}。",
        "The key file {name} cannot be used: {reason}.",
    ),
    "sync.key_exists": (
        "总库已有单位密钥，未改动（密钥指纹 {key_id}）。",
        "The hub already has a bureau key; it was left as it is (fingerprint {key_id}).",
    ),
    "sync.bundle_unreadable": (
        "同步包 {name} 读不出来：{reason}。",
        "The bundle {name} cannot be read: {reason}.",
    ),
    "sync.bundle_not_bundle": (
        "{name} 不是首批次同步包。未做任何改动。",
        "{name} is not a FirstBatch sync bundle. Nothing was changed.",
    ),
    "sync.bundle_truncated": (
        "同步包 {name} 不完整（只有 {have} 字节，应有 {want} 字节），可能拷贝时中断了。"
        "未做任何改动，请重新拷贝。",
        "The bundle {name} is incomplete ({have} of {want} bytes); the copy was probably "
        "cut off. Nothing was changed; copy it again.",
    ),
    "sync.bundle_tampered": (
        "同步包 {name} 的签名不符：内容在签发后被改动过。未做任何改动。",
        "The bundle {name} does not match its signature: it was changed after it was "
        "signed. Nothing was changed.",
    ),
    "sync.bundle_foreign": (
        "同步包 {name} 不是用本单位的密钥签发的（密钥指纹 {found}，本单位是 {expected}）。"
        "未做任何改动。",
        "The bundle {name} was not signed with this bureau's key (fingerprint {found}, "
        "ours is {expected}). Nothing was changed.",
    ),
    "sync.bundle_other_hub": (
        "同步包 {name} 属于另一个总库。未做任何改动。",
        "The bundle {name} belongs to another hub. Nothing was changed.",
    ),
    "sync.bundle_wrong_side": (
        "同步包 {name} 是{kind}，应在{where}导入。未做任何改动。",
        "The bundle {name} is {kind_en}; import it {where_en}. Nothing was changed.",
    ),
    "sync.bundle_not_for_me": (
        "同步包 {name} 是发给另一台电脑（{installation}）的。未做任何改动。",
        "The bundle {name} is meant for another computer ({installation}). Nothing was changed.",
    ),
    "sync.bundle_again": (
        "同步包 {name} 已在 {when} 导入过，这次没有任何改动。",
        "The bundle {name} was already imported on {when}; nothing was changed this time.",
    ),
    "sync.bundle_gap": (
        "同步包 {name} 接在总库第 {since} 版之后，本机只有到第 {have} 版：中间缺一个同步包。"
        "未做任何改动，请先导入更早的同步包，或请总库重新导出。",
        "The bundle {name} follows hub revision {since} but this computer has only up to "
        "{have}: a bundle in between is missing. Nothing was changed; import the earlier "
        "one first or ask for a new export.",
    ),
    "sync.unknown_installation": (
        "总库没有登记过电脑 {installation}：请先让它联网同步一次或导入它的同步包。",
        "The hub has no computer {installation} registered: sync it once or import its "
        "bundle first.",
    ),
    "sync.bundle_write_failed": (
        "同步包写不进 {name}：{reason}。",
        "The bundle could not be written to {name}: {reason}.",
    ),
    "sync.done": (
        "同步完成：上传 {pushed} 条，下载 {pulled} 条，附件 {files} 个，新冲突 {conflicts} 处。",
        "Sync done: {pushed} records sent, {pulled} received, {files} attachments, "
        "{conflicts} new conflicts.",
    ),
    "sync.conflict_missing": (
        "找不到这处冲突（可能已处理）。",
        "This conflict cannot be found (perhaps it was settled already).",
    ),
    "sync.conflict_record_missing": (
        "冲突所在的记录已不存在，只能标记为已处理。",
        "The record of this conflict no longer exists; it can only be marked settled.",
    ),
}
