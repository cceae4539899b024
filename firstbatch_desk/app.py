"""Composition root: builds the AppContext (paths, settings, database, services).

Nothing happens at import time; ``open_context`` does the work when called.
The GUI entry point lives in :func:`run_gui`, which imports Qt lazily.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from firstbatch_desk.db.migrate import open_database, open_readonly
from firstbatch_desk.db.reference_data import load_reference_data
from firstbatch_desk.db.session import make_session_factory
from firstbatch_desk.domain.followup import FollowUpCadence
from firstbatch_desk.paths import AppPaths, resource_path
from firstbatch_desk.services import Actor, Services
from firstbatch_desk.services.base import ServiceConfig
from firstbatch_desk.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


def service_config(settings: Settings) -> ServiceConfig:
    """The rules the services follow, from the user's settings."""
    return ServiceConfig(
        cadence=FollowUpCadence(
            first_visit_days=settings.first_visit_days,
            first_year_interval_months=settings.first_year_interval_months,
            later_interval_months=settings.later_interval_months,
        ),
        expiry_warning_days=settings.expiry_warning_days,
        bureau_name=settings.bureau_name,
        report_font=settings.report_font,
    )


@dataclass(slots=True)
class AppContext:
    """Everything a front end (GUI or CLI) needs, built once and passed down."""

    paths: AppPaths
    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    services: Services
    created: bool = False
    backup: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def open_context(data_dir: str | Path | None = None, *, readonly: bool = False) -> AppContext:
    """Open the data directory: create, check and migrate its database as needed.

    ``readonly`` opens an existing, up-to-date database without writing anything.
    """
    paths = AppPaths.resolve(data_dir)
    if readonly:
        engine = open_readonly(paths.database)
        settings = Settings.load(paths.settings_file)
        created, backup = False, None
    else:
        paths.ensure()
        settings = Settings.load(paths.settings_file)
        if not paths.settings_file.exists():
            settings.save(paths.settings_file)
        opened = open_database(paths.database, paths.backup_dir)
        engine, created, backup = opened.engine, opened.created, opened.backup
        if created:
            with engine.begin() as connection:
                load_reference_data(
                    connection, resource_path("reference"), origin=settings.installation_id
                )
    actor = Actor(settings.officer_name or "本机用户")
    factory = make_session_factory(
        engine, actor=lambda: actor.name, origin=settings.installation_id[:32]
    )
    services = Services.build(factory, actor, paths.database, service_config(settings))
    return AppContext(paths, settings, engine, factory, services, created, backup)
