"""User settings: a plain dataclass stored as JSON in the config folder."""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any


@dataclass(slots=True)
class Settings:
    """Everything an officer or administrator may change."""

    language: str = "zh_CN"
    bureau_name: str = "嘉兴市经济和信息化局"
    officer_name: str = ""
    installation_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    first_visit_days: int = 30
    first_year_interval_months: int = 3
    later_interval_months: int = 6
    expiry_warning_days: int = 90
    report_font: str = ""
    # The window locks after this many minutes without a key press or mouse use (0: never).
    idle_lock_minutes: int = 15
    # The office hub (PostgreSQL) this computer syncs with; remembered after a sync.
    hub_url: str = ""
    # Argon2id cost of new password hashes (see domain.accounts.PasswordCost); lower only in
    # tests: a hash keeps its own cost, and a login re-hashes a password made with another.
    password_time_cost: int = 3
    password_memory_kib: int = 64 * 1024
    password_parallelism: int = 4

    @classmethod
    def load(cls, path: Path) -> Settings:
        """Read settings; unknown keys are ignored and a damaged file gives defaults.

        A file that cannot be read is kept aside as ``settings.json.bad`` so
        nothing the user set is silently overwritten.
        """
        if not path.exists():
            return cls()
        try:
            raw: Any = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("settings are not an object")
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                path.replace(path.with_suffix(path.suffix + ".bad"))
            return cls()
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        defaults = cls()
        for key, value in raw.items():
            if key in known and isinstance(value, type(getattr(defaults, key))):
                values[key] = value
        return cls(**values)

    def save(self, path: Path) -> None:
        """Write atomically: a crash never leaves half a settings file."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
