"""Writing a finished PDF: atomically to a path, in one write to a file object.

A report is built completely in memory first, so a failed or cancelled build
never leaves half a PDF. No ReportLab here: cheap to import.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO

from firstbatch_desk.reports.errors import ReportWriteError


def write_output(pdf: bytes, out: Path | BinaryIO) -> None:
    """Write ``pdf`` to ``out``: for a path, a temporary file beside it, then ``os.replace``.

    The temporary name is random (never derived from ``out``); on any failure it
    is removed and the previous file at ``out``, if any, is left as it was.
    Raises :class:`ReportWriteError` when the folder or disk refuses the file.
    """
    if not isinstance(out, (str, os.PathLike)):
        out.write(pdf)
        return
    target = Path(out)
    temp = ""
    try:
        handle, temp = tempfile.mkstemp(prefix=".~report-", suffix=".part", dir=target.parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
            stream.flush()
            os.fsync(stream.fileno())
        if os.name == "posix":
            os.chmod(temp, 0o644)  # mkstemp makes 0600; a report is an ordinary document
        os.replace(temp, target)
        temp = ""
    except OSError as error:
        raise ReportWriteError("report.write_failed", path=str(target), detail=str(error)) from None
    finally:
        if temp:
            with contextlib.suppress(OSError):
                os.unlink(temp)
