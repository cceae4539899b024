"""Reading published lists: header wordings, cell text, products, years, dates, remarks.

Pure rules over text; the service ``import_reader`` opens the files and applies them.
Published lists put a title above the header, word their headers in many ways
("材料名称" or "产品名称", "申报单位" or "企业名称", "认定档次（注1）*"), put several
products in one cell and end with "注：……" remarks; these functions know that.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from firstbatch_desk.domain.dtos.importing import ImportField, SheetTable, SourceRow
from firstbatch_desk.domain.errors import ValidationError

F = ImportField


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# The wordings of each column, as lists print them (compared after ``header_key``).
HEADER_ALIASES: Mapping[ImportField, tuple[str, ...]] = {
    F.SEQ: _words("序号 编号 序"),
    F.PRODUCT: _words(
        "材料名称 产品名称 新材料名称 新材料产品名称 首批次新材料名称 首批次产品名称 产品 材料"
    ),
    F.ENTERPRISE: _words(
        "企业名称 申报单位 申报单位名称 申报企业 申报企业名称 单位名称 企业 生产企业 "
        "生产企业名称 生产单位 研制单位"
    ),
    F.CREDIT_CODE: _words(
        "统一社会信用代码 信用代码 社会信用代码 企业统一社会信用代码 组织机构代码 统一代码"
    ),
    F.MODEL_SPEC: _words("型号 型号规格 规格型号 产品型号 规格 牌号"),
    F.DIVISION: _words(
        "地区 所在地 所在地区 地市 区县 所在区县 所属地区 县市区 所在县市区 所属县市区 "
        "设区市 所在市"
    ),
    F.TIER: _words("认定档次 认定类别 档次 类别 技术水平 认定等级 等级"),
    F.SCHEME: _words("认定类型 首批次类型 类型 目录类型"),
    F.YEAR: _words("年度 年份 认定年度 认定年份 批次年度"),
    F.DOCUMENT_NO: _words("文号 发文文号 批次文号 认定文号 发文字号"),
    F.RECOGNISED_ON: _words("认定日期 发布日期 认定时间 发文日期"),
    F.REMARK: _words("备注 说明"),
}
HEADER_SCAN_ROWS = 15  # the header is looked for among the first rows that hold anything
_HEADER_MAX_LENGTH = 24  # a longer cell is a title or a remark, not a column header
_CONTAINS_MIN_LENGTH = 3  # shorter aliases ("产品", "类别") must match a header exactly

_NOTE = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]")  # "(注1)", "[必填]" after NFKC
_HEADER_NOISE = re.compile(r"[\s*＊:：、/／·.。,，()\[\]【】〔〕\"'“”‘’]+")
_TRAILING_NOTE = re.compile(r"注\d*$")
_ALIAS_INDEX: dict[str, ImportField] = {
    re.sub(_HEADER_NOISE, "", alias): field
    for field, aliases in HEADER_ALIASES.items()
    for alias in aliases
}


def header_key(text: str) -> tuple[str, str]:
    """A header cell made comparable: (without bracketed notes, with their words kept).

    Both forms are NFKC (full/half width), without white space, line breaks,
    "*" marks, brackets and punctuation; the first also drops bracketed parts
    ("认定档次（注1）" → "认定档次") and a trailing "注1"; the second keeps their
    words ("县（市、区）" → "县市区").
    """
    text = unicodedata.normalize("NFKC", text)
    bare = _TRAILING_NOTE.sub("", re.sub(_HEADER_NOISE, "", _NOTE.sub("", text)))
    return bare, re.sub(_HEADER_NOISE, "", text)


def match_header(text: str, *, exact: bool | None = None) -> ImportField | None:
    """The field a header cell names, or None.

    An exact match (after ``header_key``) wins. Otherwise an alias of at least three
    characters contained in the header: the one ending last, as Chinese puts the head
    noun last ("生产企业所在地" → 地区, "申报单位统一社会信用代码" → 信用代码), and of those
    the longest ("申报企业名称" → 企业名称). Shorter aliases ("产品", "类型") must match
    exactly, so "企业类型" is no scheme column. ``exact`` True/False restricts to one kind.
    """
    keys = header_key(text)
    if not keys[1] or len(keys[1]) > _HEADER_MAX_LENGTH:
        return None
    if exact is not False:
        for key in keys:
            if key in _ALIAS_INDEX:
                return _ALIAS_INDEX[key]
    if exact is True:
        return None
    best: tuple[int, int, ImportField] | None = None
    for alias, field in _ALIAS_INDEX.items():
        if len(alias) < _CONTAINS_MIN_LENGTH:
            continue
        for key in keys:
            end = key.rfind(alias)
            if end >= 0 and (best is None or (end + len(alias), len(alias)) > best[:2]):
                best = (end + len(alias), len(alias), field)
    return best[2] if best else None


def map_headers(headers: Sequence[str]) -> dict[int, ImportField]:
    """Column index → field, for a header row.

    Exact matches are taken first, then containing ones, so "企业名称" claims the
    enterprise column even when "申请企业名称" comes before it. A header names one
    field at most, and a field goes to its first column only.
    """
    mapping: dict[int, ImportField] = {}
    for exact in (True, False):
        for index, text in enumerate(headers):
            field = match_header(text, exact=exact) if index not in mapping else None
            if field is not None and field not in mapping.values():
                mapping[index] = field
    return dict(sorted(mapping.items()))


def header_score(cells: Sequence[str]) -> int:
    """How much a row looks like the header: the number of fields it names.

    A row that lacks an enterprise or a product column scores 0, so a title such as
    "2021年度浙江省首批次新材料认定名单" above the header is never taken for it.
    """
    fields = set(map_headers(cells).values())
    if F.ENTERPRISE not in fields or F.PRODUCT not in fields:
        return 0
    return len(fields)


_PRODUCT_SPLIT = re.compile(r"[;；\r\n]+")
_ENUMERATOR = re.compile(r"^\s*(?:\d{1,2}\s*[、.．)）](?!\d)|[(（]\d{1,2}[)）]|[①-⑳])\s*")


def split_products(text: str) -> list[str]:
    """The products of one cell, in order, without empties and repeats.

    Separators are "；", ";", "、" and line breaks (not commas: names contain them);
    a leading enumerator of a piece ("1、", "2.", "（3）", "④") is dropped first, so
    "1、卤代丁基橡胶；2、溴化丁基橡胶" gives the two names. Repeats are found with
    full/half width and spaces ignored; the first wording is kept.
    """
    products: list[str] = []
    seen: set[str] = set()
    for piece in _PRODUCT_SPLIT.split(text or ""):
        for name in _ENUMERATOR.sub("", piece).split("、"):
            name = name.strip()
            key = "".join(unicodedata.normalize("NFKC", name).split()).lower()
            if key and key not in seen:
                seen.add(key)
                products.append(name)
    return products


_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")"})


def normalise_enterprise_name(name: str) -> str:
    """A key for matching enterprise names; never shown or stored as the name.

    Exactly: NFKC (full-width letters, digits and brackets become half-width, so
    "（" → "("); every white space character removed; "[", "]", "【", "】", "〔", "〕"
    become "(" and ")"; "有限责任公司" becomes "有限公司" ("股份有限公司" stays as it
    is, so a 股份 company never matches a 有限 one); Latin letters lower-cased.
    """
    text = "".join(unicodedata.normalize("NFKC", name or "").split())
    return text.translate(_BRACKETS).replace("有限责任公司", "有限公司").lower()


# Controls, zero-width and direction characters, halves of characters; a zero-width
# joiner only where it joins nothing (after an emoji it makes 👨‍👩‍👧 one picture).
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2069"
    r"\ufeff\ud800-\udfff]|(?<![\u2600-\u27bf\ufe0f\U0001f000-\U0001faff])\u200d"
)


def cell_text(value: object) -> str:
    """What a cell from openpyxl or csv says, as text.

    None → ""; True/False → "TRUE"/"FALSE"; whole numbers without ".0" (a credit code
    or a year stored as a number); other numbers without exponent noise; date and
    datetime → ISO date; time → "HH:MM:SS". Text: line breaks become "\\n", tabs a
    space, zero-width and control characters are removed (a joiner inside an emoji
    stays), and surrounding white space (also full-width) is stripped; the rest is
    kept as written.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, Decimal):
        if not value.is_finite():
            return ""
        return format(value.normalize(), "f") if value != value.to_integral() else str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return _INVISIBLE.sub("", text).strip()


FIRST_YEAR, LAST_YEAR = 1949, 2100
_YEAR = re.compile(r"^(\d{4})(?:\.0+)?(?:年度?)?$")


def parse_year(value: object) -> int | None:
    """A year from "2021", "2021年", "2021年度", 2021, 2021.0 or full-width "２０２１"; else None.

    Only years from 1949 to 2100 are taken.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float | Decimal):
        if not math.isfinite(value) or value != int(value):
            return None
        value = int(value)
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    match = _YEAR.match(text)
    year = int(match.group(1)) if match else None
    return year if year is not None and FIRST_YEAR <= year <= LAST_YEAR else None


_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T][\d:.]+)?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SERIAL = re.compile(r"^\d{4,6}(?:\.\d+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 is 1900-01-01; Excel's fictitious 1900-02-29 is 60


def parse_date_text(value: object) -> date | None:
    """A date from what a list holds, or None if it is not one.

    Accepts "2021-09-30", "2021/9/30", "2021.9.30", "2021年9月30日" (also with a time
    after it, and full-width digits), "20210930", a date or datetime, and Excel serial
    numbers as number or text ("44469" → 2021-09-30; Excel counts a 1900-02-29 that
    never was, so serials from 61 on are counted from 1899-12-30). Only dates from 1949
    to 2100 are taken: anything else is more likely a typo or a mis-read number.
    """
    found: date | None = None
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        found = _from_serial(float(value))
    elif isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        match = _DATE.match(text) or _COMPACT_DATE.match(text)
        if match:
            try:
                found = date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
        elif _SERIAL.match(text):
            found = _from_serial(float(text))
    if found is None or not FIRST_YEAR <= found.year <= LAST_YEAR:
        return None
    return found


def _from_serial(serial: float) -> date | None:
    if serial != serial or not 61 <= serial < 2_958_466:  # up to 9999-12-31
        return None
    return _EXCEL_EPOCH + timedelta(days=int(serial))


_REMARK_START = re.compile(r"^(?:注\d*|备注|说明|附注|注释|填表说明)[:：]|^注\d*[.、]|^[*※]")
_TOTALS = re.compile(r"^(?:合计|总计|小计|共计)")
REMARK_MIN_LENGTH = 20  # a lone text at least this long in the first column is a remark


def is_remark_row(cells: Sequence[str], mapping: Mapping[int, ImportField]) -> bool:
    """Whether a row is a remark, heading or total rather than data.

    Such rows: the first text opens with "注：", "注1：", "备注：", "说明：" …; a "合计" /
    "总计" / "小计" row; a heading such as "一、国内首批次（5项）" (the enterprise and
    product columns hold the same text, as a cell merged across the row does, or are
    both empty); one long text alone in the first column. A row whose enterprise and
    product cells hold two different texts is data unless it opens like a remark.
    """
    texts = [text.strip() for text in cells if text and text.strip()]
    if not texts:
        return False
    first = unicodedata.normalize("NFKC", "".join(texts[0].split()))
    if _REMARK_START.match(first):
        return True
    compact = ["".join(unicodedata.normalize("NFKC", text).split()) for text in texts]
    if any(_TOTALS.match(text) for text in compact) and len(set(compact)) <= 3:
        return True
    enterprise, product = _key_cells(cells, mapping)
    if enterprise != product:
        return False
    if enterprise or _has_key_columns(mapping):
        return True  # the same text across both, or neither: no product line here
    return (
        len(set(texts)) == 1 and cells[0].strip() == texts[0] and len(texts[0]) >= REMARK_MIN_LENGTH
    )


def looks_like_data(cells: Sequence[str], mapping: Mapping[int, ImportField]) -> bool:
    """Whether the enterprise and product cells of a row hold two different texts."""
    enterprise, product = _key_cells(cells, mapping)
    return bool(enterprise and product and enterprise != product)


def _key_cells(cells: Sequence[str], mapping: Mapping[int, ImportField]) -> tuple[str, str]:
    columns = {field: index for index, field in mapping.items()}
    enterprise, product = (
        cells[columns[field]].strip() if field in columns and columns[field] < len(cells) else ""
        for field in (F.ENTERPRISE, F.PRODUCT)
    )
    return enterprise, product


def _has_key_columns(mapping: Mapping[int, ImportField]) -> bool:
    return F.ENTERPRISE in mapping.values() and F.PRODUCT in mapping.values()


# ---------------------------------------------------------------------------- the table

NumberedRow = tuple[int, tuple[str, ...]]  # a sheet row: its number (1-based), its cells
_KEY_FIELDS = (F.ENTERPRISE, F.PRODUCT)


def find_header(rows: Sequence[NumberedRow]) -> NumberedRow | None:
    """Among the first ``HEADER_SCAN_ROWS`` non-blank rows, the one naming the most
    fields (the first of equals), or None when none names an enterprise and a product."""
    best: NumberedRow | None = None
    best_score = 0
    for row in [row for row in rows if any(row[1])][:HEADER_SCAN_ROWS]:
        score = header_score(row[1])
        if score > best_score:
            best, best_score = row, score
    return best


def build_table(
    source: str,
    sheet: str,
    rows: Sequence[NumberedRow],
    header: NumberedRow,
    *,
    notes: Sequence[str] = (),
    merges: Sequence[tuple[int, int, int, int]] = (),
) -> SheetTable:
    """The rows below ``header`` that are data, with notes on what was left out.

    Left out: rows above the header (titles), blank rows, the header repeated (lists
    printed over pages), remark and total rows between data rows, and everything from
    the first remark row after the last data row on. ``merges`` (first row, first
    column, last row, last column) only feed a note. Raises "import.no_rows" when no
    data row is left.
    """
    header_number = header[0]
    body = [row for row in rows if row[0] > header_number]
    width = max(_width(cells) for _number, cells in [header, *body])
    headers = _pad(header[1], width)
    mapping = map_headers(headers)
    said = list(notes)
    above = sum(1 for number, cells in rows if number < header_number and any(cells))
    if above:
        said.append(f"表头在第 {header_number} 行；上方 {above} 行（标题等）未导入。")
    last_data = max(
        (
            index
            for index, (_number, cells) in enumerate(body)
            if looks_like_data(cells, mapping) and not is_remark_row(cells, mapping)
        ),
        default=-1,
    )
    data: list[SourceRow] = []
    blank: list[int] = []
    repeated: list[int] = []
    skipped: list[int] = []
    for index, (number, cells) in enumerate(body):
        if not any(cells):
            blank.append(number)
        elif _header_again(cells, mapping):
            repeated.append(number)
        elif not is_remark_row(cells, mapping):
            data.append(SourceRow(number, _pad(cells, width)))
        elif index <= last_data:
            skipped.append(number)
        else:
            rest = sum(1 for _number, later in body[index:] if any(later))
            first = next(text for text in cells if text)
            said.append(
                f"第 {number} 行起是表末的说明或合计（“{_clip(first)}”），以下 {rest} 行未导入。"
            )
            break
    if not data:
        raise ValidationError("import.no_rows", name=source, row=header_number)
    blank = [number for number in blank if number < data[-1].number]
    for label, numbers in (
        ("空行", blank),
        ("重复的表头", repeated),
        ("说明、分组标题或合计行", skipped),
    ):
        if numbers:
            said.append(f"跳过{label}：第 {some_items([str(n) for n in numbers])} 行。")
    spread = sum(1 for r1, _c1, r2, _c2 in merges if r2 > header_number and r2 > r1)
    if spread:
        said.append(f"有 {spread} 处跨行的合并单元格，已把其中的值填入所跨的每一行。")
    unknown = [text for index, text in enumerate(headers) if text and index not in mapping]
    if unknown:
        said.append(f"未识别的列（导入时不用，可在列对应中指定）：{some_items(unknown)}。")
    return SheetTable(source, sheet, header_number, headers, mapping, tuple(data), tuple(said))


def _header_again(cells: Sequence[str], mapping: Mapping[int, ImportField]) -> bool:
    """The header repeated below itself: the enterprise and product cells say so exactly."""
    wanted = [(index, f) for index, f in mapping.items() if f in _KEY_FIELDS]
    return len(wanted) == len(_KEY_FIELDS) and all(
        index < len(cells) and match_header(cells[index], exact=True) is f for index, f in wanted
    )


def some_items(items: Sequence[str], limit: int = 10) -> str:
    """Items joined with "、": the first ``limit`` of them, and the count when there are more."""
    shown = "、".join(items[:limit])
    return f"{shown} 等 {len(items)} 处" if len(items) > limit else shown


def _width(cells: Sequence[str]) -> int:
    width = len(cells)
    while width and not cells[width - 1]:
        width -= 1
    return width


def _pad(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells[:width]) + ("",) * (width - len(cells))


def _clip(text: str, limit: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "……"
