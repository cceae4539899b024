"""Exporting ledgers (台账) to .xlsx: exactly the rows a list shows, with more columns.

The rows are those of the list on screen: the same filter DTO and sort order
give the same ordered keys (``*_keys`` of the list's own service), and
:mod:`firstbatch_desk.services.ledger_queries` reads each ledger's columns for
them, a chunk of keys at a time.

The workbook streams (:mod:`firstbatch_desk.services.ledger_workbook`), and a
streaming sheet needs its column widths before its first row; so the export
makes two passes: it reads the database into a temporary spool file while
measuring every column, then writes the spool into the sheet. Memory stays
flat (about 70 MB for 200,000 visits). The workbook is built in a temporary
file beside the target and put in place with ``os.replace`` only when
complete: a failure or a cancel leaves no half file and never touches an
existing file of that name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import pickle
import struct
import tempfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TypeVar

from firstbatch_desk.domain.dtos.exporting import ExportCancelled, LedgerKind
from firstbatch_desk.domain.dtos.filters import (
    CaseFilter,
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)
from firstbatch_desk.domain.errors import StorageError, ValidationError
from firstbatch_desk.services.base import ServiceBase
from firstbatch_desk.services.cases import CaseService
from firstbatch_desk.services.enterprises import EnterpriseService
from firstbatch_desk.services.ledger_columns import LEDGERS, SEQ_HEADER, Ledger
from firstbatch_desk.services.ledger_workbook import (
    ColumnWidths,
    Row,
    cell_values,
    write_workbook,
)
from firstbatch_desk.services.listing import KeyList, SortOrder
from firstbatch_desk.services.needs import NeedService
from firstbatch_desk.services.recognitions import RecognitionService
from firstbatch_desk.services.visits import VisitService

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
FilterT = TypeVar("FilterT")

CHUNK = 500  # keys read per query; rows per progress step
# Progress steps, in proportion to the time each part takes (measured on 200,000
# visits: reading 14 s, writing 41 s, saving 4 s): a row read counts 1, a row
# written 3, and saving the file a third of the rows.
READ_STEPS, WRITE_STEPS = 1, 3
_LENGTH = struct.Struct("<Q")  # a spooled chunk's length
_FULL_DISK = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class ExportService(ServiceBase):
    """Write a ledger to an Excel workbook."""

    def export_ledger(
        self,
        kind: LedgerKind,
        path: Path | str,
        *,
        filters: object | None = None,
        order: SortOrder | None = None,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> int:
        """Write the rows the ``kind`` list shows for ``filters`` and ``order`` to ``path``.

        ``filters`` is that list's filter DTO (``VisitFilter`` for visits …),
        None for every record. Returns the number of rows written.
        ``progress(done, total)`` counts steps of work weighted so that the bar
        moves evenly (not rows). When ``cancelled()`` turns true,
        ExportCancelled is raised and no file is written or changed.
        Raises ValidationError for a target that is a folder, not ``.xlsx`` or
        in a missing folder, and StorageError when the file cannot be written
        (folder not writable, disk full, old file open in another program).
        """
        kind = LedgerKind(kind)
        ledger = LEDGERS[kind]
        target = _checked_target(Path(path))
        temp = _temp_beside(target)
        published = False
        try:
            keys = self._keys(kind, filters, order)
            rows = len(keys)
            steps = _Steps(progress, (READ_STEPS + WRITE_STEPS) * rows + rows // 3 + 1)

            def checkpoint(done_rows: int) -> None:
                steps.advance(WRITE_STEPS * done_rows)
                _stop_if(cancelled)

            with tempfile.TemporaryFile(prefix="firstbatch-export-") as spool:
                widths = self._spool(ledger, keys, spool, steps, cancelled)
                spool.seek(0)
                headers = [SEQ_HEADER] + [column.header for column in ledger.columns]
                kinds = [column.kind for column in ledger.columns]
                count = write_workbook(
                    temp, kind.label("zh"), headers, kinds, _chunks(spool), widths, checkpoint
                )
            _stop_if(cancelled)
            _publish(temp, target)
            published = True
            steps.finish()
            return count
        except OSError as exc:
            raise _write_error(exc, target) from exc
        finally:
            if not published:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def _keys(self, kind: LedgerKind, filters: object | None, order: SortOrder | None) -> KeyList:
        """The list's ordered keys, asked of the list's own service."""
        args = (self._sessions, self._actor, self._database_path, self._config)
        if kind is LedgerKind.ENTERPRISES:
            wanted = _filter(filters, EnterpriseFilter)
            return EnterpriseService(*args).enterprise_keys(wanted, order)
        if kind is LedgerKind.RECOGNITIONS:
            return RecognitionService(*args).recognition_keys(
                _filter(filters, RecognitionFilter), order
            )
        if kind is LedgerKind.CASES:
            return CaseService(*args).case_keys(_filter(filters, CaseFilter), order)
        if kind is LedgerKind.VISITS:
            return VisitService(*args).visit_keys(_filter(filters, VisitFilter), order)
        return NeedService(*args).need_keys(_filter(filters, NeedFilter), order)

    def _spool(
        self,
        ledger: Ledger,
        keys: KeyList,
        spool: IO[bytes],
        steps: _Steps,
        cancelled: Cancelled | None,
    ) -> list[int]:
        """First pass: every row's cell values into ``spool``, in the list's order;
        returns the column widths they need.

        One read transaction for all chunks, so the ledger is one consistent
        snapshot. A record deleted since the keys were read is left out.
        """
        kinds = [column.kind for column in ledger.columns]
        widths = ColumnWidths([SEQ_HEADER] + [column.header for column in ledger.columns])
        sequence = 0
        with self._read() as session:
            for start in range(0, len(keys), CHUNK):
                _stop_if(cancelled)
                chunk = keys[start : start + CHUNK]
                found = ledger.fetch(session, chunk)
                rows = [cell_values(found[key], kinds) for key in chunk if key in found]
                for row in rows:
                    sequence += 1
                    widths.add(sequence, row)
                _put(spool, rows)
                steps.advance(READ_STEPS * len(chunk))
        return widths.fitted()


class _Steps:
    """Progress in steps, told to the caller's callback if any."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self._callback = callback
        self.total = total
        self.done = 0
        self._report()

    def advance(self, steps: int) -> None:
        self.done = min(self.total, self.done + steps)
        self._report()

    def finish(self) -> None:
        self.done = self.total
        self._report()

    def _report(self) -> None:
        if self._callback is not None:
            self._callback(self.done, self.total)


def _filter(filters: object | None, wanted: type[FilterT]) -> FilterT:
    """The list's filter DTO; None means no filter."""
    if filters is None:
        return wanted()
    if not isinstance(filters, wanted):
        raise TypeError(f"expected {wanted.__name__}, got {type(filters).__name__}")
    return filters


def _stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def _put(spool: IO[bytes], rows: list[Row]) -> None:
    """Append a chunk of rows to the spool, compressed (long notes take a fraction of the disk)."""
    data = zlib.compress(pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL), 1)
    spool.write(_LENGTH.pack(len(data)))
    spool.write(data)


def _chunks(spool: IO[bytes]) -> Iterator[list[Row]]:
    """The chunks of rows the first pass wrote (our own temporary file), in order."""
    while header := spool.read(_LENGTH.size):
        (length,) = _LENGTH.unpack(header)
        yield pickle.loads(zlib.decompress(spool.read(length)))


# -- the file ------------------------------------------------------------------------


def _checked_target(target: Path) -> Path:
    target = target.expanduser()
    if target.is_dir():
        raise ValidationError("export.is_folder", field="path", path=str(target))
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("export.not_xlsx", field="path", path=str(target))
    if not target.parent.is_dir():
        raise ValidationError("export.no_folder", field="path", path=str(target))
    return target


def _temp_beside(target: Path) -> Path:
    """An empty temporary file in the target's folder: the folder is writable, and
    the finished file moves into place without a copy."""
    try:
        handle, name = tempfile.mkstemp(prefix=".~export-", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise _write_error(exc, target, creating=True) from exc
    os.close(handle)
    return Path(name)


def _publish(temp: Path, target: Path) -> None:
    if os.name == "posix":
        os.chmod(temp, 0o644)  # mkstemp makes 0600; a ledger is an ordinary document
    try:
        os.replace(temp, target)
    except PermissionError as exc:  # Windows: the old file is open in Excel or WPS
        raise StorageError("export.file_in_use", path=str(target)) from exc


def _write_error(exc: OSError, target: Path, *, creating: bool = False) -> StorageError:
    if exc.errno in _FULL_DISK:
        return StorageError("export.disk_full", path=str(target))
    if creating and isinstance(exc, PermissionError):
        return StorageError("export.folder_readonly", folder=str(target.parent))
    return StorageError("export.write_failed", path=str(target), detail=exc.strerror or str(exc))


__all__ = ["ExportService", "LedgerKind"]
