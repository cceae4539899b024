"""Where FirstBatch Desk keeps its files.

``AppPaths`` names the data, configuration, backup and attachment folders.
The data directory comes from ``--data-dir``, else ``FIRSTBATCH_DESK_HOME``,
else platformdirs' per-user data directory. Nothing is created on import;
``AppPaths.ensure()`` creates the folders and says clearly when it cannot.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from firstbatch_desk.domain.errors import StorageError

APP_NAME = "FirstBatchDesk"
HOME_ENV = "FIRSTBATCH_DESK_HOME"
DATABASE_NAME = "firstbatch.sqlite3"
CALENDAR_NAME = "holidays.json"
DEMO_DIR_NAME = "FirstBatchDesk-demo"

_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, from a checkout or from an installed wheel.

    A wheel carries ``resources/`` inside the package as ``_resources``; a
    checkout (or an editable install) has it beside the package.
    """
    for root in (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources"):
        if root.is_dir():
            return root.joinpath(*parts)
    raise FileNotFoundError("resources/ is missing from this installation")


def default_data_dir() -> Path:
    """The data directory used when none is given."""
    env = os.environ.get(HOME_ENV, "").strip()
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def demo_data_dir() -> Path:
    """The clearly named folder ``--demo`` uses, reused on the next ``--demo``."""
    return Path(tempfile.gettempdir()) / DEMO_DIR_NAME


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders of one installation's data."""

    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        chosen = Path(data_dir).expanduser() if data_dir else default_data_dir()
        return cls(chosen.absolute())

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def config_dir(self) -> Path:
        return self.data_dir / "config"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def attachment_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def calendar_file(self) -> Path:
        """An edited holiday calendar that replaces the shipped one when present."""
        return self.data_dir / CALENDAR_NAME

    @property
    def lock_file(self) -> Path:
        return self.data_dir / ".lock"

    def ensure(self) -> AppPaths:
        """Create the folders; raise StorageError with a clear message if impossible."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                "storage.dir_missing", path=str(self.data_dir), detail=exc.strerror or str(exc)
            ) from exc
        if not self.data_dir.is_dir():
            raise StorageError(
                "storage.dir_missing", path=str(self.data_dir), detail="not a directory"
            )
        if not os.access(self.data_dir, os.W_OK | os.X_OK):
            raise StorageError("storage.dir_readonly", path=str(self.data_dir))
        try:
            for folder in (self.config_dir, self.backup_dir, self.attachment_dir):
                folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise StorageError("storage.dir_readonly", path=str(self.data_dir)) from exc
        return self
