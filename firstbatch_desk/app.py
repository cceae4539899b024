"""Composition root: builds the AppContext (paths, settings, database, services).

Nothing happens at import time; ``open_context`` does the work when called.
The GUI entry point lives in :func:`run_gui`, which imports Qt lazily.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from firstbatch_desk.db.migrate import open_database, open_readonly
from firstbatch_desk.db.reference_data import load_reference_data
from firstbatch_desk.db.session import make_session_factory
from firstbatch_desk.domain.accounts import PasswordCost
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.followup import FollowUpCadence
from firstbatch_desk.domain.holiday_calendar import HolidayCalendar, parse_calendar
from firstbatch_desk.domain.messages import render
from firstbatch_desk.domain.workdays import WorkCalendar
from firstbatch_desk.paths import AppPaths, resource_path
from firstbatch_desk.services import Actor, Services
from firstbatch_desk.services.base import ServiceConfig
from firstbatch_desk.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


SHIPPED_CALENDAR = ("calendar", "cn_public_holidays.json")


def read_calendar_file(path: Path) -> HolidayCalendar:
    """Read and check a holiday file; ValidationError says what is wrong and where."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            "calendar.unreadable", path=str(path), detail=exc.strerror or str(exc)
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("calendar.not_utf8", path=str(path)) from exc
    return parse_calendar(text)


def shipped_calendar() -> HolidayCalendar:
    """The State Council arrangements shipped with the program."""
    return read_calendar_file(resource_path(*SHIPPED_CALENDAR))


@dataclass(frozen=True, slots=True)
class LoadedCalendar:
    """The holiday calendar in use, the file it came from, and why an override was refused."""

    calendar: HolidayCalendar
    path: Path
    error: ValidationError | None = None
    refused: Path | None = None

    def problem(self, lang: str = "zh") -> str | None:
        """The message an officer sees when the data directory's holidays.json is wrong."""
        if self.error is None:
            return None
        return render(
            "calendar.override_invalid",
            lang,
            path=str(self.refused),
            detail=self.error.message(lang),
        )


def load_calendar(paths: AppPaths) -> LoadedCalendar:
    """The data directory's ``holidays.json`` when present and valid, else the shipped file.

    A broken override never stops the program: the shipped calendar is used
    and the problem is kept for the front end to show.
    """
    override = paths.calendar_file
    error = None
    if override.exists():
        try:
            return LoadedCalendar(read_calendar_file(override), override)
        except ValidationError as exc:
            error = exc
    shipped = resource_path(*SHIPPED_CALENDAR)
    refused = override if error is not None else None
    return LoadedCalendar(read_calendar_file(shipped), shipped, error, refused)


def service_config(settings: Settings, calendar: WorkCalendar | None = None) -> ServiceConfig:
    """The rules the services follow, from the user's settings and the holiday calendar.

    Without ``calendar`` the shipped holiday calendar is used.
    """
    if calendar is None:
        calendar = shipped_calendar().work_calendar()
    return ServiceConfig(
        cadence=FollowUpCadence(
            first_visit_days=settings.first_visit_days,
            first_year_interval_months=settings.first_year_interval_months,
            later_interval_months=settings.later_interval_months,
        ),
        calendar=calendar,
        expiry_warning_days=settings.expiry_warning_days,
        bureau_name=settings.bureau_name,
        report_font=settings.report_font,
        password_cost=PasswordCost(
            settings.password_time_cost, settings.password_memory_kib, settings.password_parallelism
        ),
        installation=settings.installation_id[:32],
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
    calendar_problem: str | None = None
    config: ServiceConfig | None = None
    actor: Actor = field(default_factory=lambda: Actor("本机用户"))
    # What the login dialog offers: a username to start with; demo data also say the password.
    login_username: str = ""
    demo_password: str = ""
    # Opened with ``readonly=True``: nothing is written, not even an automatic backup.
    readonly: bool = False

    def sign_in(self, actor: Actor) -> None:
        """Act as ``actor`` (the account that logged in) from now on.

        The services are built anew for it, and every write is stamped with its name.
        """
        self.actor = actor
        self.services = Services.build(
            self.session_factory, actor, self.paths.database, self.config
        )

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
    # Until an account logs in (the window asks), this computer's owner acts: see Actor.
    actor = Actor(settings.officer_name or "本机用户")
    factory = make_session_factory(
        engine, actor=lambda: context.actor.name, origin=settings.installation_id[:32]
    )
    holidays = load_calendar(paths)
    config = service_config(settings, holidays.calendar.work_calendar())
    services = Services.build(factory, actor, paths.database, config)
    context = AppContext(
        paths,
        settings,
        engine,
        factory,
        services,
        created,
        backup,
        holidays.problem("zh"),
        config,
        actor,
        readonly=readonly,
    )
    return context
