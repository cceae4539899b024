"""Builders of published lists for import tests: real .xlsx, .csv and OLE2 files in tmp_path.

``provincial_list`` writes a list as the province publishes it (a title merged across
the columns, then the header, the enterprise cell merged over its product rows,
remarks at the bottom); ``csv_list`` the same as CSV in a chosen encoding;
``raw_xlsx`` writes the workbook XML by hand, for what openpyxl cannot save (formulas
with calculated values, error values); ``ole_file`` an OLE2 compound file as an old
.xls or a password-protected workbook begins.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

TITLE = "2021年度浙江省首批次新材料认定名单"
HEADER = ("序号", "企业名称", "材料名称", "地区", "认定档次")
LEADING = "技术水平国内领先，打破国际垄断，实现重点领域降准替代且在知名用户应用"
ROWS: tuple[tuple[object, ...], ...] = (
    (1, "振石集团华美新材料有限公司", "高阻燃高强度玻纤增强聚酯基复合材料", "桐乡市", LEADING),
    (2, "浙江信汇新材料股份有限公司", "卤代丁基橡胶", "平湖市", LEADING),
    (3, "巨石集团有限公司", "耐老化低毛羽通用型玻璃纤维直接纱386H", "桐乡市", "其他"),
)
REMARKS = ("注：1. 认定有效期三年。", "2. 名单按企业名称排序。")


def provincial_list(
    path: Path,
    rows: Sequence[Sequence[object]] = ROWS,
    *,
    title: str | None = TITLE,
    header: Sequence[str] = HEADER,
    merged_enterprise: bool = True,
    remarks: Sequence[str] = REMARKS,
    sheet: str = "Sheet1",
    blank_after: Sequence[int] = (),
    enterprise_column: int | None = None,
) -> Path:
    """A list as published: title row merged across, header, rows, remarks (merged across).

    With ``merged_enterprise``, consecutive rows of the same enterprise keep the name in
    the first row only and the cell is merged down over them. ``blank_after`` inserts a
    blank row after the data rows at those 0-based positions.
    """
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    last = get_column_letter(len(header))
    column = enterprise_column if enterprise_column is not None else _enterprise_column(header)
    lines: list[list[object] | None] = []
    for index, row in enumerate(rows):
        lines.append(list(row))
        if index in blank_after:
            lines.append(None)
    number = 0
    if title is not None:
        ws.append([title])
        number += 1
        ws.merge_cells(f"A{number}:{last}{number}")
    ws.append(list(header))
    number += 1
    group: list[int] = []  # sheet rows of the current enterprise
    for values in lines:
        number += 1
        if values is None or column is None or not merged_enterprise:
            _merge_down(ws, column, group)
            group = []
        elif group and values[column] == _name_of(ws, column, group[0]):
            values[column] = None
        else:
            _merge_down(ws, column, group)
            group = []
        if values is not None and column is not None and merged_enterprise:
            group.append(number)
        ws.append(values or [])
    _merge_down(ws, column, group)
    for remark in remarks:
        ws.append([remark])
        number += 1
        if remark.startswith("注"):
            ws.merge_cells(f"A{number}:{last}{number}")
    book.save(path)
    return path


def _name_of(ws: Any, column: int, row: int) -> object:
    return ws.cell(row=row, column=column + 1).value


def _enterprise_column(header: Sequence[str]) -> int | None:
    for index, text in enumerate(header):
        if "企业" in text or "单位" in text:
            return index
    return None


def _merge_down(ws: Any, column: int | None, group: Sequence[int]) -> None:
    if column is not None and len(group) > 1:
        letter = get_column_letter(column + 1)
        ws.merge_cells(f"{letter}{group[0]}:{letter}{group[-1]}")


def csv_list(
    path: Path,
    rows: Sequence[Sequence[object]] = ROWS,
    *,
    header: Sequence[str] = HEADER,
    encoding: str = "utf-8-sig",
    delimiter: str = ",",
    title: str | None = None,
) -> Path:
    """A list as CSV (``encoding`` "utf-8-sig" writes a BOM, "utf-8" none, "gbk" …)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    if title is not None:
        writer.writerow([title])
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def big_list(path: Path, count: int) -> Path:
    """A plain list of ``count`` rows (a title, a header, no merges), as fast to write as can be."""
    book = Workbook(write_only=True)
    ws = book.create_sheet("名单")
    ws.append([TITLE])
    ws.append(["序号", "企业名称", "统一社会信用代码", "材料名称", "地区", "认定档次", "年度"])
    for n in range(1, count + 1):
        ws.append([n, f"嘉兴新材料有限公司{n}", "", f"材料{n}", "南湖区", LEADING, 2021])
    book.save(path)
    return path


@dataclass(frozen=True)
class Formula:
    """A formula cell for ``raw_xlsx``: its text and the value Excel saved (None: none)."""

    formula: str
    cached: object = None
    error: bool = False


def raw_xlsx(path: Path, rows: Sequence[Sequence[object]], *, merges: Sequence[str] = ()) -> Path:
    """A one-sheet workbook written as XML, as Excel saves it (formulas with their values)."""
    lines = []
    for r, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{get_column_letter(c)}{r}", v) for c, v in enumerate(row, 1))
        lines.append(f'<row r="{r}">{cells}</row>')
    merge = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    sheet = (
        f'<worksheet xmlns="{_MAIN}"><sheetData>{"".join(lines)}</sheetData>'
        + (f'<mergeCells count="{len(merges)}">{merge}</mergeCells>' if merges else "")
        + "</worksheet>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Formula):
        f = f"<f>{escape(value.formula)}</f>"
        if value.cached is None:
            return f'<c r="{ref}">{f}</c>'
        kind = ' t="e"' if value.error else "" if isinstance(value.cached, int) else ' t="str"'
        return f'<c r="{ref}"{kind}>{f}<v>{escape(str(value.cached))}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_CONTENT_TYPES = (
    f'<Types xmlns="{_PKG}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_ROOT_RELS = (
    f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
    f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def ole_file(path: Path, streams: Sequence[str]) -> Path:
    """An OLE2 compound file (CFB, version 3) whose directory names ``streams``.

    Enough of the format to be recognised as Excel and WPS files are: the magic bytes,
    a 512-byte header, and 128-byte directory entries with UTF-16 names ("Workbook"
    for an old .xls; "EncryptionInfo" and "EncryptedPackage" for a workbook with a
    password). The streams themselves are empty.
    """
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x003E, 3, 0xFFFE, 9)  # version 3, 512-byte sectors
    struct.pack_into("<I", header, 48, 0)  # the directory starts at sector 0
    directory = bytearray()
    for name in ("Root Entry", *streams):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entry[: len(encoded)] = encoded
        struct.pack_into("<HB", entry, 64, len(encoded), 5 if name == "Root Entry" else 2)
        directory += entry
    directory += bytes(-len(directory) % 512)
    path.write_bytes(bytes(header) + bytes(directory))
    return path
