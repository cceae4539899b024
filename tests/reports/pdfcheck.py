"""Reading a built PDF back: page texts (pypdf) and the ink of a rendered page (pdftoppm)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest


def page_texts(pdf: Path | bytes) -> list[str]:
    """The text of every page, read back with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [page.extract_text() or "" for page in reader.pages]


def dark_pixels(pdf: Path, work: Path, page: int = 1) -> tuple[int, int]:
    """(dark pixels, all pixels) of ``page`` rendered at 50 dpi in grey by pdftoppm."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    prefix = work / f"render-{page}"
    pages = ["-f", str(page), "-l", str(page)]
    subprocess.run(
        ["pdftoppm", "-r", "50", *pages, "-gray", "-singlefile", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    return _count_dark(prefix.with_suffix(".pgm").read_bytes())


def _count_dark(data: bytes, threshold: int = 128) -> tuple[int, int]:
    """Parse a binary PGM (P5, 8 bit) and count pixels darker than ``threshold``."""
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:
        while data[position : position + 1].isspace():
            position += 1
        if data[position : position + 1] == b"#":
            position = data.index(b"\n", position) + 1
            continue
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    width, height = int(fields[1]), int(fields[2])
    pixels = data[position + 1 : position + 1 + width * height]
    assert len(pixels) == width * height
    return sum(1 for value in pixels if value < threshold), width * height
