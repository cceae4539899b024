"""Bundle files: the change sets of a sync, carried on a USB stick, signed by the bureau.

Layout: a magic line, a JSON header line, the HMAC-SHA256 (hex) line, then the
gzip-compressed JSON body. The signature covers the magic, the header and the
body, under the bureau key set at ``hub init``. A file is refused, with the
reason in words, when it is not a bundle, is shorter than its header says
(truncated), was signed with another key (foreign) or does not match its
signature (tampered). Writing goes to a temporary file that replaces the target
only when complete.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import hmac
import json
import os
import tempfile
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from firstbatch_desk.domain.errors import SyncError
from firstbatch_desk.services.sync_hub import key_fingerprint

MAGIC = b"FIRSTBATCH-SYNC-BUNDLE 1\n"
PUSH = "push"  # a laptop's changes, for the hub
PULL = "pull"  # the hub's changes, for one laptop
MAX_HEADER = 64 * 1024


@dataclass(frozen=True, slots=True)
class Bundle:
    header: dict[str, Any]
    body: dict[str, Any]

    @property
    def kind(self) -> str:
        return str(self.header.get("kind", ""))

    @property
    def bundle_id(self) -> str:
        return str(self.header.get("bundle_id", ""))


def _signature(key: bytes, header_line: bytes, body: bytes) -> str:
    return hmac.new(key, MAGIC + header_line + body, hashlib.sha256).hexdigest()


def write_bundle(
    path: Path, *, kind: str, hub_id: str, key: bytes, installation: str, body: dict[str, Any]
) -> dict[str, Any]:
    """Write a signed bundle to ``path`` (atomically); return its header."""
    packed = gzip.compress(
        json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), mtime=0
    )
    header = {
        "format": 1,
        "kind": kind,
        "bundle_id": str(uuid.uuid4()),
        "hub_id": hub_id,
        "installation": installation,
        "key_id": key_fingerprint(key),
        "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "body_size": len(packed),
    }
    header_line = json.dumps(header, separators=(",", ":")).encode("ascii") + b"\n"
    signature = _signature(key, header_line, packed).encode("ascii") + b"\n"
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=".bundle-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(MAGIC + header_line + signature + packed)
                out.flush()
                os.fsync(out.fileno())
            os.replace(name, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(name)
            raise
    except OSError as exc:
        raise SyncError(
            "sync.bundle_write_failed", name=str(path), reason=exc.strerror or exc
        ) from exc
    return header


def read_bundle(path: Path, *, key: bytes, hub_id: str) -> Bundle:
    """Read and check a bundle; SyncError with the reason when it cannot be trusted."""
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SyncError("sync.bundle_unreadable", name=name, reason=exc.strerror or exc) from exc
    if not data.startswith(MAGIC):
        raise SyncError("sync.bundle_not_bundle", name=name)
    rest = data[len(MAGIC) :]
    header_end = rest.find(b"\n", 0, MAX_HEADER)
    if header_end < 0:
        raise SyncError("sync.bundle_truncated", name=name, have=len(data), want="?")
    header_line = rest[: header_end + 1]
    try:
        header = json.loads(header_line)
        want = int(header["body_size"])
        key_id = str(header["key_id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError("sync.bundle_tampered", name=name) from exc
    signature_end = rest.find(b"\n", header_end + 1)
    if signature_end < 0:
        raise SyncError("sync.bundle_truncated", name=name, have=len(data), want="?")
    signature = rest[header_end + 1 : signature_end].decode("ascii", "replace")
    body = rest[signature_end + 1 :]
    total = len(MAGIC) + signature_end + 1 + want
    if len(body) < want:
        raise SyncError("sync.bundle_truncated", name=name, have=len(data), want=total)
    if key_id != key_fingerprint(key):
        raise SyncError(
            "sync.bundle_foreign", name=name, found=key_id, expected=key_fingerprint(key)
        )
    if len(body) != want or not hmac.compare_digest(signature, _signature(key, header_line, body)):
        raise SyncError("sync.bundle_tampered", name=name)
    if header.get("hub_id") != hub_id:
        raise SyncError("sync.bundle_other_hub", name=name)
    try:
        content = json.loads(gzip.decompress(body).decode("utf-8"))
    except (OSError, EOFError, zlib.error, ValueError) as exc:  # signed, yet unreadable
        raise SyncError("sync.bundle_tampered", name=name) from exc
    return Bundle(header, content)
