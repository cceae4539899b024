"""What each subcommand does; printing lives in :mod:`firstbatch_desk.cli.output`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from firstbatch_desk.cli import output
from firstbatch_desk.domain.dtos.filters import (
    CaseFilter,
    EnterpriseFilter,
    NeedFilter,
    RecognitionFilter,
    VisitFilter,
)
from firstbatch_desk.domain.errors import StorageError
from firstbatch_desk.instance_lock import InstanceLock
from firstbatch_desk.paths import AppPaths, demo_data_dir, resource_path
from firstbatch_desk.settings import Settings

if TYPE_CHECKING:
    from firstbatch_desk.app import AppContext

# SQLAlchemy and Qt are imported inside the commands that need them, so that the
# program window can paint before the database layer has even been loaded.


def _open_existing(data_dir: str | None) -> AppContext:
    """Open a data directory that must already hold a database (migrating if old)."""
    from firstbatch_desk.app import open_context
    from firstbatch_desk.services.maintenance import schema_is_current

    paths = AppPaths.resolve(data_dir)
    if not paths.database.exists():
        raise StorageError("storage.no_database", path=str(paths.data_dir))
    if schema_is_current(paths.database):
        return open_context(paths.data_dir, readonly=True)
    return open_context(paths.data_dir)


def ensure_demo(data_dir: Path, *, visits: int = 600, seed: int = 2026) -> tuple[AppContext, bool]:
    """Open ``data_dir``, filling it with demo data when it holds no enterprise yet."""
    from firstbatch_desk.app import open_context
    from firstbatch_desk.services.demo import DemoGenerator

    context = open_context(data_dir)
    made = False
    if context.services.info.database_info().counts["enterprises"] == 0:
        DemoGenerator(
            context.engine,
            words_dir=resource_path("demo"),
            origin=context.settings.installation_id[:32],
            cadence=context.config.cadence if context.config else None,
            calendar=context.config.calendar if context.config else None,
            seed=seed,
        ).generate(visits=visits, progress=output.progress_printer())
        made = True
    ensure_demo_account(context)
    return context, made


DEMO_USERNAME, DEMO_PASSWORD = "demo", "demo1234"


def ensure_demo_account(context: AppContext) -> None:
    """The demo data's login (a supervisor acting as the first demo officer), made once.

    The login dialog then offers its username and says the password.
    """
    from firstbatch_desk.domain.accounts import AccountInput, Role

    accounts = context.services.accounts
    if DEMO_USERNAME not in {a.username for a in accounts.list_accounts()}:
        officers = context.services.reference.list_officers()
        accounts.create_account(
            AccountInput(
                DEMO_USERNAME,
                officers[0].name if officers else "演示用户",
                Role.SUPERVISOR,
                DEMO_PASSWORD,
                officers[0].id if officers else None,
            )
        )
    context.login_username = DEMO_USERNAME
    context.demo_password = DEMO_PASSWORD


def run_gui(args: argparse.Namespace) -> int:
    paths = AppPaths.resolve(demo_data_dir() if args.demo else args.data_dir)
    settings = Settings.load(paths.settings_file)

    def open_data() -> AppContext:
        from firstbatch_desk.app import open_context

        if not args.demo:
            return open_context(paths.data_dir)
        context, made = ensure_demo(paths.data_dir)
        print(output.text(args.lang, "demo_ready" if made else "demo_reused", path=paths.data_dir))
        english = args.lang.startswith("en")
        login = "Log in as {0} with the password {1}" if english else "登录：用户名 {0}，密码 {1}"
        print(login.format(DEMO_USERNAME, DEMO_PASSWORD))
        return context

    return _launch(open_data, settings, paths)


def _launch(open_data: Callable[[], AppContext], settings: Settings, paths: AppPaths) -> int:
    """Open the program window (Qt is imported only here); the data opens behind it."""
    from firstbatch_desk.ui.launch import launch

    return launch(open_data, settings, paths)


def demo(args: argparse.Namespace) -> int:
    from firstbatch_desk.app import open_context

    with InstanceLock(AppPaths.resolve(args.data_dir).lock_file):
        return _demo(args, open_context(args.data_dir))


def _demo(args: argparse.Namespace, context: AppContext) -> int:
    try:
        from firstbatch_desk.services.demo import DemoGenerator

        counts = DemoGenerator(
            context.engine,
            words_dir=resource_path("demo"),
            origin=context.settings.installation_id[:32],
            cadence=context.config.cadence if context.config else None,
            calendar=context.config.calendar if context.config else None,
            seed=args.seed,
        ).generate(visits=args.scale, progress=output.progress_printer())
        print(output.text(args.lang, "demo_done", path=context.paths.data_dir))
        output.print_counts(counts)
        return 0
    finally:
        context.close()


def info(args: argparse.Namespace) -> int:
    context = _open_existing(args.data_dir)
    try:
        facts = context.services.info.database_info()
    finally:
        context.close()
    output.print_info(facts, as_json=args.json, lang=args.lang)
    return 0


def list_records(args: argparse.Namespace) -> int:
    context = _open_existing(args.data_dir)
    services = context.services
    search, limit = args.search, args.limit
    try:
        rows: list[object] = {
            "enterprises": lambda: services.enterprises.list_enterprises(
                EnterpriseFilter(search=search), limit=limit
            ),
            "products": lambda: services.products.list_products(search=search, limit=limit),
            "recognitions": lambda: services.recognitions.list_recognitions(
                RecognitionFilter(search=search), limit=limit
            ),
            "cases": lambda: services.cases.list_cases(CaseFilter(search=search), limit=limit),
            "visits": lambda: services.visits.list_visits(VisitFilter(search=search), limit=limit),
            "needs": lambda: services.needs.list_needs(NeedFilter(search=search), limit=limit),
        }[args.kind]()
    finally:
        context.close()
    output.print_rows(args.kind, rows, as_json=args.json, lang=args.lang)
    return 0


def check(args: argparse.Namespace) -> int:
    from firstbatch_desk.services.maintenance import check_database

    paths = AppPaths.resolve(args.data_dir)
    problems = check_database(paths.database)
    if problems:
        print(output.text(args.lang, "check_failed", path=paths.database), file=sys.stderr)
        for problem in problems[:20]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(output.text(args.lang, "check_ok", path=paths.database))
    return 0


def as_storage_error(exc: Exception, args: argparse.Namespace) -> StorageError | None:
    """A database failure in a command, in the officer's words (None for other errors)."""
    from firstbatch_desk.services.maintenance import explain_storage_error

    database = AppPaths.resolve(getattr(args, "data_dir", None)).database
    return explain_storage_error(exc, database)
