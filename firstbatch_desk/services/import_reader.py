"""Reading a published list (.xlsx/.xlsm or .csv) into a :class:`SheetTable`.

Workbooks are read with openpyxl in read-only mode (values as last calculated,
``data_only=True``): memory stays small even for a 50 MB file. Read-only mode does
not give merged ranges, so one streaming pass over the sheet's XML collects them
(and formula cells that hold no calculated value, and error values); the top-left
value of a merged range is then filled into the whole range. Bad input always ends
in a :class:`ValidationError` that names the file, never in a traceback.
"""

from __future__ import annotations

import codecs
import csv
import io
import posixpath
import re
import warnings
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils.cell import column_index_from_string, get_column_letter, range_boundaries

from firstbatch_desk.domain.dtos.importing import SheetTable
from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.domain.import_rules import (
    HEADER_SCAN_ROWS,
    NumberedRow,
    build_table,
    cell_text,
    find_header,
    some_items,
)

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Row = NumberedRow

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_SHEET_XML_BYTES = 20 * MAX_FILE_BYTES  # unpacked; more is a zip bomb, not a list
PROGRESS_EVERY = 500
PROBE_ROWS = 60  # rows read from each sheet when looking for the one holding the list
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
_REL_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_CELL_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_DELIMITERS = {",": "逗号", ";": "分号", "\t": "制表符"}
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
# A text file with a NUL, or with more than one control character in this many
# characters, is binary (a PDF or a picture renamed); a stray bell or escape
# character in one cell of a real list is only removed from that cell.
_TEXT_PER_CONTROL = 200


def sheet_names(path: Path) -> list[str]:
    """The visible worksheets of a workbook, in order ([] for a CSV file)."""
    path = Path(path)
    data, kind = _load(path)
    if kind == "csv":
        return []
    return [part.title for part in _visible(_sheet_parts(path.name, _zip(path.name, data)))]


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> SheetTable:
    """The list in ``path``: its header found, its columns mapped, its data rows as text.

    Without ``sheet``, the first visible worksheet with a recognisable header is read
    (``sheet`` is ignored for CSV). ``progress(done, total)`` is called about every 500
    rows; when ``cancelled()`` turns true, ``ValidationError("import.cancelled")``.
    """
    path = Path(path)
    reader = _Reader(path.name, progress, cancelled)
    reader.check_cancel()
    data, kind = _load(path)
    if kind == "csv":
        return reader.csv(data)
    return reader.workbook(data, sheet)


# ---------------------------------------------------------------------------- the file


def _load(path: Path) -> tuple[bytes, str]:
    """The file's bytes and "xlsx" or "csv"; refuses what is not a readable list."""
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ValidationError("import.not_spreadsheet", name=name)
        if size > MAX_FILE_BYTES:
            raise ValidationError("import.too_large", name=name, size=_mb(size), limit="50 MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError("import.missing", name=name) from None
    except OSError as exc:
        raise ValidationError("import.unreadable", name=name, detail=exc.strerror or exc) from None
    if not data:
        raise ValidationError("import.empty_file", name=name)
    if data.startswith(_OLE_MAGIC):
        raise _ole_error(name, data)
    if data.startswith(_ZIP_MAGIC):
        names = set(_zip(name, data).namelist())
        if any(n.startswith("xl/") and n.endswith(".bin") and "workbook" in n for n in names):
            raise ValidationError(
                "import.old_format", name=name, kind="Excel 二进制工作簿（.xlsb）"
            )
        if "mimetype" in names and b"opendocument.spreadsheet" in data[:200]:
            kind = "OpenDocument 表格（.ods）"
            raise ValidationError("import.old_format", name=name, kind=kind)
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise ValidationError("import.not_spreadsheet", name=name)
        return data, "xlsx"
    if path.suffix.lower() in _TEXT_SUFFIXES:
        return data, "csv"
    raise ValidationError("import.not_spreadsheet", name=name)


def _ole_error(name: str, data: bytes) -> ValidationError:
    """An OLE2 (compound) file: an encrypted workbook, an old .xls, or something else."""

    def has_stream(stream: str) -> bool:  # directory entries are 128-byte aligned
        needle = stream.encode("utf-16-le") + b"\x00\x00"
        start = data.find(needle, 512)
        while start >= 0:
            if start % 128 == 0:
                return True
            start = data.find(needle, start + 1)
        return False

    if has_stream("EncryptedPackage"):
        return ValidationError("import.encrypted", name=name)
    if has_stream("Workbook") or has_stream("Book"):
        return ValidationError("import.old_format", name=name, kind="Excel 97-2003 工作簿（.xls）")
    return ValidationError("import.not_spreadsheet", name=name)


def _zip(name: str, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ValidationError("import.damaged", name=name, detail=str(exc)) from None


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


# ---------------------------------------------------------------------------- workbooks


@dataclass(frozen=True, slots=True)
class _Part:
    title: str
    path: str
    visible: bool


@dataclass(slots=True)
class _Scan:
    """What read-only openpyxl does not tell: merged ranges, formulas without values."""

    last_row: int = 0
    last_column: int = 0
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    blanked: dict[int, set[int]] = field(default_factory=dict)  # row -> columns read as ""
    no_value: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _sheet_parts(name: str, archive: zipfile.ZipFile) -> list[_Part]:
    """The workbook's worksheets (not chart sheets) and the zip members holding them."""
    try:
        book = "xl/workbook.xml"
        for rel in ElementTree.fromstring(archive.read("_rels/.rels")):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
        base = posixpath.dirname(book)
        rels_path = posixpath.join(base, "_rels", posixpath.basename(book) + ".rels")
        targets = {
            rel.get("Id"): (rel.get("Type", ""), rel.get("Target", ""))
            for rel in ElementTree.fromstring(archive.read(rels_path))
        }
        parts = []
        for element in ElementTree.fromstring(archive.read(book)).iter():
            if _local(element.tag) != "sheet":
                continue
            kind, target = targets.get(element.get(_REL_ID), ("", ""))
            if kind.endswith("/worksheet"):
                where = target[1:] if target.startswith("/") else posixpath.join(base, target)
                visible = element.get("state", "visible") == "visible"
                parts.append(_Part(element.get("name", ""), posixpath.normpath(where), visible))
        return parts
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError) as exc:
        raise ValidationError("import.damaged", name=name, detail=str(exc)) from None


def _visible(parts: Sequence[_Part]) -> list[_Part]:
    return [part for part in parts if part.visible] or list(parts)


def _scan(name: str, archive: zipfile.ZipFile, member: str) -> _Scan:
    scan = _Scan()
    row = column = 0
    size = archive.getinfo(member).file_size
    if size > MAX_SHEET_XML_BYTES:  # unpacked, far beyond any list: a zip bomb
        raise ValidationError("import.too_large", name=name, size=_mb(size), limit="50 MB")
    with archive.open(member) as source:
        for event, element in ElementTree.iterparse(source, events=("start", "end")):
            tag = _local(element.tag)
            if event == "start":
                if tag == "row":
                    row = int(element.get("r") or row + 1)
                    column = 0
                continue
            if tag == "c":
                ref = element.get("r") or ""
                match = _CELL_REF.match(ref)
                column = column_index_from_string(match.group(1)) if match else column + 1
                ref = ref or f"{get_column_letter(column)}{row}"
                scan.last_column = max(scan.last_column, column)
                children = {_local(child.tag): child.text for child in element}
                if "f" in children and not children.get("v"):
                    scan.no_value.append(ref)
                    scan.blanked.setdefault(row, set()).add(column)
                elif element.get("t") == "e":
                    scan.errors.append(f"{ref}（{children.get('v') or ''}）")
                    scan.blanked.setdefault(row, set()).add(column)
            elif tag == "row":
                scan.last_row = max(scan.last_row, row)
                element.clear()
            elif tag == "mergeCell":
                c1, r1, c2, r2 = range_boundaries(element.get("ref") or "")
                scan.merges.append((r1, c1, r2, c2))
    return scan


# ---------------------------------------------------------------------------- reading


class _Reader:
    """One reading of one file: its name, the caller's callbacks, the notes so far."""

    def __init__(self, name: str, progress: Progress | None, cancelled: Cancelled | None):
        self.name = name
        self.progress = progress
        self.cancelled = cancelled
        self.notes: list[str] = []
        self.is_csv = False

    def check_cancel(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ValidationError("import.cancelled", name=self.name)

    def tick(self, done: int, total: int) -> None:
        self.check_cancel()
        if self.progress is not None:
            self.progress(done, max(done, total))

    # -- workbooks

    def workbook(self, data: bytes, sheet: str | None) -> SheetTable:
        archive = _zip(self.name, data)
        parts = _sheet_parts(self.name, archive)
        book = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "no default style", unsupported extensions
                book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            return self._choose(book, archive, parts, sheet)
        except FirstBatchError:
            raise
        except Exception as exc:  # openpyxl and zipfile raise many kinds on a damaged file
            detail = str(exc) or type(exc).__name__
            raise ValidationError("import.damaged", name=self.name, detail=detail) from None
        finally:
            if book is not None:
                book.close()

    def _choose(
        self, book: Any, archive: zipfile.ZipFile, parts: list[_Part], sheet: str | None
    ) -> SheetTable:
        if sheet is not None:
            chosen = [part for part in parts if part.title == sheet]
            if not chosen:
                names = "、".join(part.title for part in _visible(parts))
                raise ValidationError("import.no_sheet", name=self.name, sheet=sheet, sheets=names)
            return self._sheet(book, archive, chosen[0], _scan(self.name, archive, chosen[0].path))
        passed: list[str] = []
        found_any = False
        for part in _visible(parts):
            self.check_cancel()
            scan = _scan(self.name, archive, part.path)
            probe = [row for row in self._rows(book, part, scan, PROBE_ROWS) if any(row[1])]
            if probe and find_header(probe) is not None:
                if passed:
                    self.notes.append(
                        f"工作表“{'”“'.join(passed)}”中没有名单的表头，读取的是工作表“{part.title}”。"
                    )
                return self._sheet(book, archive, part, scan)
            passed.append(part.title)
            found_any = found_any or bool(probe)
        if not found_any:
            raise ValidationError("import.empty_sheet", name=self.name, sheet="、".join(passed))
        raise self._no_header(passed)

    def _sheet(self, book: Any, archive: zipfile.ZipFile, part: _Part, scan: _Scan) -> SheetTable:
        rows = self._rows(book, part, scan)
        if scan.no_value:
            self.notes.append(
                f"以下单元格是公式，但文件中没有保存计算结果，按空白读取：{some_items(scan.no_value)}。"
                "请在 Excel 或 WPS 中打开该文件并保存，再重新导入。"
            )
        if scan.errors:
            self.notes.append(
                f"以下单元格的公式结果是错误值，按空白读取：{some_items(scan.errors)}。"
            )
        return self._assemble(part.title, rows, scan.merges)

    def _rows(self, book: Any, part: _Part, scan: _Scan, limit: int | None = None) -> list[Row]:
        """The sheet's rows as text (from row 1, none left out), merged ranges filled."""
        sheet = book[part.title]
        sheet.reset_dimensions()  # trust the cells, not the "dimension" the writer claims
        merges = sorted(scan.merges)
        active: list[tuple[int, int, int, str]] = []  # last row, first and last column, text
        rows: list[Row] = []
        next_merge = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_row=limit), 1):
            cells = [cell_text(value) for value in values]
            for column in scan.blanked.get(number, ()):
                if column <= len(cells):
                    cells[column - 1] = ""
            while next_merge < len(merges) and merges[next_merge][0] <= number:
                r1, c1, r2, c2 = merges[next_merge]
                next_merge += 1
                text = cells[c1 - 1] if r1 == number and c1 <= len(cells) else ""
                active.append((r2, c1, max(c1, min(c2, scan.last_column)), text))
            if active:
                for _last_row, first, last, text in active:
                    cells.extend([""] * (last - len(cells)))
                    cells[first - 1 : last] = [text] * (last - first + 1)
                active = [merge for merge in active if merge[0] > number]
            rows.append((number, tuple(cells)))
            if limit is None and number % PROGRESS_EVERY == 0:
                self.tick(number, scan.last_row)
        if limit is None:
            self.tick(len(rows), len(rows))
        return rows

    # -- CSV

    def csv(self, data: bytes) -> SheetTable:
        self.is_csv = True
        text, encoding = _decode(self.name, data)
        sniffed = _sniff(text)
        delimiter = sniffed
        for candidate in (sniffed, *(d for d in _DELIMITERS if d != sniffed)):
            probe = [row for row in self._csv_rows(text, candidate, PROBE_ROWS) if any(row[1])]
            if probe and find_header(probe) is not None:
                delimiter = candidate
                break
        self.notes.append(f"按 {encoding} 编码读取。")
        if delimiter != ",":
            self.notes.append(f"列之间用{_DELIMITERS[delimiter]}分隔。")
        return self._assemble("", self._csv_rows(text, delimiter))

    def _csv_rows(self, text: str, delimiter: str, limit: int | None = None) -> list[Row]:
        total = text.count("\n") + 1
        rows: list[Row] = []
        # A cell may be as big as the file (a pasted note): the length limits of the
        # fields then say which row is wrong, instead of the whole file being refused.
        csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        try:
            for number, record in enumerate(reader, 1):
                rows.append((number, tuple(cell_text(value) for value in record)))
                if limit is not None and number >= limit:
                    return rows
                if limit is None and number % PROGRESS_EVERY == 0:
                    self.tick(number, total)
        except csv.Error as exc:
            detail = f"第 {len(rows) + 1} 行：{exc}"
            raise ValidationError("import.damaged", name=self.name, detail=detail) from None
        if limit is None:
            self.tick(len(rows), len(rows))
        return rows

    # -- the table

    def _assemble(
        self, sheet: str, rows: list[Row], merges: Sequence[tuple[int, int, int, int]] = ()
    ) -> SheetTable:
        if not any(any(cells) for _number, cells in rows):
            if self.is_csv:
                raise ValidationError("import.empty_file", name=self.name)
            raise ValidationError("import.empty_sheet", name=self.name, sheet=sheet)
        header = find_header(rows)
        if header is None:
            raise self._no_header([sheet])
        return build_table(self.name, sheet, rows, header, notes=self.notes, merges=merges)

    def _no_header(self, sheets: Sequence[str]) -> ValidationError:
        if self.is_csv:
            return ValidationError("import.no_header_csv", name=self.name, rows=HEADER_SCAN_ROWS)
        return ValidationError(
            "import.no_header", name=self.name, sheets="、".join(sheets), rows=HEADER_SCAN_ROWS
        )


def _decode(name: str, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding's name: UTF-8 (BOM or not), else GB18030/GBK."""
    attempts = (
        (codecs.BOM_UTF8, "utf-8-sig", "UTF-8（带 BOM）"),
        (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
        (b"", "utf-8", "UTF-8"),
        (b"", "gb18030", "GBK（GB18030）"),
    )
    for bom, codec, label in attempts:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_binary(text[:65536]):
                break
            return text, label
    raise ValidationError("import.not_spreadsheet", name=name)


def _looks_binary(sample: str) -> bool:
    return "\x00" in sample or len(_BINARY.findall(sample)) * _TEXT_PER_CONTROL > len(sample)


def _sniff(text: str) -> str:
    sample = "\n".join(text[:65536].splitlines()[: HEADER_SCAN_ROWS * 2])
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return ","
