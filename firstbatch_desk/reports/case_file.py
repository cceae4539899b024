"""案卷: the case file of one case, or of every case of one enterprise.

The DTO arrives already redacted when the officer asked for it; the builder
only says so in the header ("（已隐去个人信息）").
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer

from firstbatch_desk.domain.dtos.reports import AttachmentLine, CaseFileData
from firstbatch_desk.reports.fonts import register_font
from firstbatch_desk.reports.layout import (
    CONTENT_WIDTH,
    EMPTY,
    REDACTED_NOTE,
    Styles,
    data_tables,
    fmt_date,
    fmt_money,
    fmt_time,
    key_value_table,
    make_styles,
    markup,
    render,
    section,
    signature_block,
)
from firstbatch_desk.reports.output import write_output

VISIT_COLUMNS = ("走访日期", "方式", "走访人员", "企业参加人员", "情况摘要")
NEED_COLUMNS = ("编号", "类别", "内容", "主办部门", "办理期限", "状态", "办结日期", "满意度")
RECOGNITION_COLUMNS = (
    "产品（型号规格）",
    "认定类别",
    "档次",
    "年度",
    "文号",
    "有效期",
    "奖励（万元）",
)
CONTACT_COLUMNS = ("姓名", "职务", "电话", "邮箱")
ATTACHMENT_COLUMNS = ("名称", "类型", "大小", "说明")
PHOTO_MAX_WIDTH = CONTENT_WIDTH * 0.8
PHOTO_MAX_HEIGHT = 105 * mm
PHOTO_PIXELS = 1600  # enough for print at this size; keeps a case file small


def build_case_file(data: CaseFileData, out: Path | BinaryIO, *, font_path: Path) -> int:
    """Write the case file PDF to ``out`` (atomically for a path); returns the page count."""
    font = register_font(font_path)
    styles = make_styles(font)
    note = REDACTED_NOTE if data.redacted else ""
    pdf, pages = render(_story(data, styles), data.header, font, note=note)
    write_output(pdf, out)
    return pages


def _story(data: CaseFileData, styles: Styles) -> list[Flowable]:
    header = data.header
    story: list[Flowable] = [Paragraph(markup(header.title), styles.title)]
    if data.redacted:
        story.append(Paragraph(REDACTED_NOTE, styles.subtitle))
    story.append(Spacer(1, 2 * mm))
    story.append(
        key_value_table(
            [
                ("企业名称", data.enterprise_name),
                ("统一社会信用代码", data.credit_code),
                ("档案编号", "、".join(data.case_numbers) or EMPTY),
                ("责任人", data.officer_in_charge),
                ("打印时间", fmt_time(header.printed_at)),
            ],
            styles,
            per_row=1,
        )
    )
    story += [*section("一、企业基本情况", styles), key_value_table(_pairs(data.profile), styles)]
    story += [*section("二、联系人", styles), *_contacts(data, styles)]
    story += [*section("三、产品与认定情况", styles), *_recognitions(data, styles)]
    story += [
        *section("四、销售与应用进展", styles),
        key_value_table(_pairs(data.sales_and_application), styles),
    ]
    story += section(f"五、走访记录（共 {len(data.visits)} 次）", styles)
    story += data_tables(
        VISIT_COLUMNS,
        (
            (fmt_date(v.visit_date), v.method, v.officers, v.attendees, v.summary)
            for v in data.visits
        ),
        (0.12, 0.07, 0.14, 0.19, 0.48),
        styles,
        align={0: "CENTER", 1: "CENTER"},
    )
    story += section(f"六、问题诉求（共 {len(data.needs)} 项）", styles)
    story += data_tables(
        NEED_COLUMNS,
        (
            (
                n.need_no,
                n.category,
                n.content,
                n.lead_department,
                fmt_date(n.deadline),
                n.status,
                fmt_date(n.closed_on),
                n.satisfaction,
            )
            for n in data.needs
        ),
        (0.14, 0.12, 0.24, 0.12, 0.11, 0.08, 0.11, 0.08),
        styles,
        align={4: "CENTER", 5: "CENTER", 6: "CENTER", 7: "CENTER"},
    )
    story += section("七、附件", styles)
    story += data_tables(
        ATTACHMENT_COLUMNS,
        ((a.name, a.kind, _size(a.size), a.caption) for a in data.attachments),
        (0.38, 0.12, 0.12, 0.38),
        styles,
        align={2: "RIGHT"},
    )
    if data.embed_photos:
        story += _photos(data.attachments, styles)
    story.append(signature_block(["承办人", "审核人", "日期"], styles, per_row=3))
    return story


def _pairs(lines: tuple[object, ...]) -> list[tuple[str, str]]:
    return [(line.label, line.value) for line in lines]  # type: ignore[attr-defined]


def _contacts(data: CaseFileData, styles: Styles) -> list[Flowable]:
    return data_tables(
        CONTACT_COLUMNS,
        ((c.name, c.title, c.phone, c.email) for c in data.contacts),
        (0.18, 0.27, 0.22, 0.33),
        styles,
    )


def _recognitions(data: CaseFileData, styles: Styles) -> list[Flowable]:
    rows = []
    for r in data.recognitions:
        product = f"{r.product}（{r.model_spec}）" if r.model_spec else r.product
        span = " 至 ".join(fmt_date(d) for d in (r.recognised_on, r.valid_until) if d)
        validity = "\n".join(part for part in (span, r.validity) if part)
        reward = fmt_money(r.reward)
        if reward:
            reward += "\n已兑付" if r.reward_paid else "\n未兑付"
        rows.append((product, r.scheme, r.tier, str(r.year), r.document_no, validity, reward))
    return data_tables(
        RECOGNITION_COLUMNS,
        rows,
        (0.24, 0.15, 0.09, 0.07, 0.18, 0.15, 0.12),
        styles,
        align={3: "CENTER"},
    )


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} B"


def _photos(attachments: tuple[AttachmentLine, ...], styles: Styles) -> list[Flowable]:
    """Photos that exist on disk, scaled to fit, each kept together with its caption."""
    story: list[Flowable] = []
    for attachment in attachments:
        if not attachment.image_path:
            continue
        path = Path(attachment.image_path)
        caption = Paragraph(markup(attachment.caption or attachment.name), styles.caption)
        if not path.is_file():
            continue
        try:
            image = _scaled_image(path)
        except Exception:  # a damaged image must not stop the case file
            note = f"{attachment.caption or attachment.name}（图片无法读取）"
            story.append(Paragraph(markup(note), styles.caption))
            continue
        story.append(KeepTogether([Spacer(1, 3 * mm), image, caption]))
    return story


def _scaled_image(path: Path) -> Image:
    """The photo upright (EXIF orientation), at most ``PHOTO_PIXELS`` wide or high, as JPEG."""
    from PIL import Image as Picture
    from PIL import ImageOps

    with Picture.open(path) as opened:
        picture = ImageOps.exif_transpose(opened)
        if picture.mode in ("RGBA", "LA", "P"):
            picture = picture.convert("RGBA")
            flat = Picture.new("RGB", picture.size, "white")
            flat.paste(picture, mask=picture.getchannel("A"))
            picture = flat
        elif picture.mode not in ("RGB", "L"):
            picture = picture.convert("RGB")
        picture.thumbnail((PHOTO_PIXELS, PHOTO_PIXELS))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=85)
    width, height = picture.size
    buffer.seek(0)
    scale = min(PHOTO_MAX_WIDTH / width, PHOTO_MAX_HEIGHT / height)
    return Image(buffer, width=width * scale, height=height * scale)
