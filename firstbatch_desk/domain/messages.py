"""The catalogue of messages shown to officers, in Chinese and English.

Messages are keyed by a stable code; parameters are filled with
``str.format``. Chinese is the default language of the program.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, tuple[str, str]] = {
    # credit code
    "credit_code.empty": (
        "请输入统一社会信用代码。",
        "Please enter the unified social credit code.",
    ),
    "credit_code.length": (
        "统一社会信用代码应为 18 位，现在是 {length} 位。",
        "A unified social credit code has 18 characters; this one has {length}.",
    ),
    "credit_code.bad_char": (
        "第 {position} 位“{char}”不是统一社会信用代码允许的字符"
        "（只能是数字和除 I、O、Z、S、V 以外的大写字母）。",
        "Character {position} \u201c{char}\u201d is not allowed in a credit code "
        "(digits and capital letters except I, O, Z, S, V).",
    ),
    "credit_code.check": (
        "第 18 位校验码是“{actual}”，按前 17 位计算应为“{expected}”，请核对。",
        "Check character (position 18) is \u201c{actual}\u201d but the first 17 "
        "characters give \u201c{expected}\u201d.",
    ),
    # generic field rules
    "field.required": ("“{label}”不能为空。", "\u201c{label}\u201d is required."),
    "field.too_long": (
        "“{label}”太长：最多 {limit} 个字，现在 {length} 个。",
        "\u201c{label}\u201d is too long: at most {limit} characters, got {length}.",
    ),
    "field.bad_chars": (
        "“{label}”含有不可见的控制字符，请删除后再保存。",
        "\u201c{label}\u201d contains invisible control characters.",
    ),
    "field.range": (
        "“{label}”应在 {low} 到 {high} 之间。",
        "\u201c{label}\u201d must be between {low} and {high}.",
    ),
    "field.negative": ("“{label}”不能为负数。", "\u201c{label}\u201d cannot be negative."),
    "field.bad_number": (
        "“{label}”不是有效的数字：{value}",
        "\u201c{label}\u201d is not a valid number: {value}",
    ),
    "field.bad_date": (
        "“{label}”不是有效日期：{value}（格式 2024-09-30）",
        "\u201c{label}\u201d is not a valid date: {value} (use 2024-09-30)",
    ),
    "field.date_range": (
        "日期不合理：“{label}”只能在 {low} 到 {high} 之间。",
        "Unlikely date: \u201c{label}\u201d must lie between {low} and {high}.",
    ),
    "field.date_order": (
        "“{later}”不能早于“{earlier}”。",
        "\u201c{later}\u201d cannot be before \u201c{earlier}\u201d.",
    ),
    "field.bad_choice": (
        "“{label}”的取值“{value}”无效。",
        "\u201c{value}\u201d is not a valid \u201c{label}\u201d.",
    ),
    "field.unknown_ref": (
        "“{label}”中的“{value}”不在参考数据中。",
        "\u201c{value}\u201d is not known for \u201c{label}\u201d.",
    ),
    "field.bad_phone": (
        "电话号码“{value}”格式不对（手机 11 位，或带区号的座机）。",
        "Phone number \u201c{value}\u201d is malformed.",
    ),
    "field.bad_email": (
        "邮箱“{value}”格式不对。",
        "E-mail address \u201c{value}\u201d is malformed.",
    ),
    # domain rules
    "recognition.tier_scheme": (
        "“{tier}”档次不能用于“{scheme}”。",
        "Tier \u201c{tier}\u201d does not fit scheme \u201c{scheme}\u201d.",
    ),
    "visit.no_cases": (
        "走访记录至少要关联一个跟踪档案。",
        "A visit must cover at least one case.",
    ),
    "visit.case_enterprise": (
        "档案 {case_no} 不属于所选企业。",
        "Case {case_no} does not belong to the chosen enterprise.",
    ),
    "case.duplicate_product": (
        "该产品已有跟踪档案 {case_no}。",
        "This product already has case {case_no}.",
    ),
    # duplicates and lookups
    "enterprise.duplicate_code": (
        "统一社会信用代码 {code} 已登记为“{name}”。",
        "Credit code {code} is already registered to \u201c{name}\u201d.",
    ),
    "enterprise.duplicate_deleted": (
        "统一社会信用代码 {code} 属于已删除的企业“{name}”，请恢复该企业。",
        "Credit code {code} belongs to the deleted enterprise \u201c{name}\u201d; restore it.",
    ),
    "record.not_found": (
        "找不到{entity}（{id}），可能已被删除。",
        "{entity} {id} was not found; it may have been deleted.",
    ),
    "record.in_use": (
        "{entity}仍有 {count} 条{children}，请先处理。",
        "{entity} still has {count} {children}.",
    ),
    # need workflow
    "need.transition": (
        "问题诉求处于“{state}”，不能执行“{action}”。可以：{allowed}。",
        "A need in state \u201c{state}\u201d cannot be \u201c{action}\u201d. Allowed: {allowed}.",
    ),
    "need.note_required": (
        "“{action}”需要填写说明。",
        "\u201c{action}\u201d needs a note.",
    ),
    "need.extension_date": (
        "延期后的期限必须晚于原期限 {due}。",
        "The extended deadline must be after the current one, {due}.",
    ),
    "need.satisfaction_required": (
        "回访需要填写满意度。",
        "A return visit needs a satisfaction rating.",
    ),
    # storage
    "storage.not_sqlite": (
        "“{path}”不是 FirstBatch Desk 数据库（文件已损坏或是其他文件），未做任何改动。",
        "\u201c{path}\u201d is not a FirstBatch Desk database (damaged or another "
        "kind of file); it was left untouched.",
    ),
    "storage.damaged": (
        "数据库“{path}”已损坏：{detail}。文件未做改动，请从备份恢复。",
        "The database \u201c{path}\u201d is damaged: {detail}. It was left untouched; "
        "restore a backup.",
    ),
    "storage.newer_schema": (
        "数据库“{path}”由更新版本的 FirstBatch Desk 创建（结构版本 {revision}），"
        "本程序不能打开它。请升级程序。",
        "The database \u201c{path}\u201d was made by a newer FirstBatch Desk "
        "(schema {revision}); this version cannot open it. Please upgrade.",
    ),
    "storage.dir_missing": (
        "数据目录“{path}”不存在，且无法创建：{detail}",
        "The data directory \u201c{path}\u201d does not exist and cannot be created: {detail}",
    ),
    "storage.dir_readonly": (
        "数据目录“{path}”不可写，请换一个目录或修改权限。",
        "The data directory \u201c{path}\u201d is not writable.",
    ),
    "storage.no_database": (
        "数据目录“{path}”中还没有数据库（新建：firstbatch-desk demo --data-dir 目录）。",
        "There is no database in \u201c{path}\u201d yet "
        "(make one: firstbatch-desk demo --data-dir DIR).",
    ),
    "storage.demo_not_empty": (
        "“{path}”中已有数据，演示数据只写入新的数据目录。",
        "\u201c{path}\u201d already holds data; demo data only goes into a new data directory.",
    ),
    "storage.locked": (
        "数据库正被其他程序占用，请稍后再试。",
        "The database is busy in another program; try again shortly.",
    ),
    "storage.disk_full": (
        "磁盘空间不足，本次修改未保存。",
        "The disk is full; this change was not saved.",
    ),
    # reports
    "report.font_missing": (
        "找不到报表字体文件“{path}”，请在设置中重新选择字体。",
        "The report font \u201c{path}\u201d was not found; choose a font again in the settings.",
    ),
    "report.font_no_chinese": (
        "字体“{path}”不含中文字符，报表会印成空白方框；请在设置中另选字体。",
        "The font \u201c{path}\u201d has no Chinese characters; reports would print empty "
        "boxes. Choose another font in the settings.",
    ),
    "report.font_not_truetype": (
        "字体“{path}”不是 TrueType 轮廓字体（CFF/OpenType 轮廓无法嵌入 PDF），"
        "请选择 .ttf 或 .ttc 字体，例如宋体、仿宋。",
        "The font \u201c{path}\u201d has no TrueType outlines (CFF/OpenType outlines "
        "cannot be embedded in a PDF); choose a .ttf or .ttc font.",
    ),
    "report.font_unusable": (
        "字体“{path}”无法用于报表：{detail}",
        "The font \u201c{path}\u201d cannot be used for reports: {detail}",
    ),
    "report.font_no_embedding": (
        "字体“{path}”的授权不允许嵌入 PDF，请选择其他字体。",
        "The licence of the font \u201c{path}\u201d does not allow embedding it in a PDF; "
        "choose another font.",
    ),
    "report.cancelled": ("已取消生成报表。", "Report generation was cancelled."),
    "report.write_failed": (
        "无法写入报表文件“{path}”：{detail}",
        "The report \u201c{path}\u201d could not be written: {detail}",
    ),
}


def render(code: str, lang: str = "zh", /, **params: Any) -> str:
    """The message ``code`` in ``lang`` ("zh" or "en") with ``params`` filled in."""
    try:
        zh, en = MESSAGES[code]
    except KeyError:
        return f"{code}: {params}"
    template = en if lang.startswith("en") else zh
    return template.format(**params)
