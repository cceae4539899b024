"""The main window: navigation, menus and a page stack; the pages do the work.

The window is built in two steps so that it paints at once: the shell
(navigation, menus, status bar) needs only Qt; ``attach()`` then gives it the
services, and each page is created the first time it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk import __version__
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.dialogs.account_dialog import AccountActions
from firstbatch_desk.ui.sync_actions import SyncActions
from firstbatch_desk.ui.ui_state import UiState

if TYPE_CHECKING:
    from firstbatch_desk.ui.page_context import PageContext
    from firstbatch_desk.ui.pages.list_page import ListPage
    from firstbatch_desk.ui.pages.page_set import PageSet
    from firstbatch_desk.ui.pages.workbench_page import WorkbenchPage

NAVIGATION_STYLE = """
QListWidget { background: #1f3a56; color: #e8eef5; border: none; font-size: 15px;
              outline: 0; }
QListWidget::item { padding: 12px 16px; }
QListWidget::item:selected { background: #2f6fa8; color: white; }
QListWidget::item:hover:!selected { background: #284a6d; }
"""


class MainWindow(QMainWindow):
    """Holds menus, navigation and pages; remembers its geometry."""

    PAGES = ("workbench", "enterprises", "register", "visits", "needs", "reports", "audit")
    START_PAGE = 1
    # The backup chosen in 从备份恢复… (a Path); whoever runs the program closes and restores.
    restore_requested = Signal(object)

    def __init__(
        self,
        settings: Settings,
        settings_file: Path,
        data_dir: Path,
        ui_state: UiState,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx: PageContext | None = None
        self.pages: PageSet | None = None
        self.settings = settings
        self.settings_file = settings_file
        self.data_dir = data_dir
        self.ui_state = ui_state
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("首批次跟踪服务台") + f" — {settings.bureau_name}")
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(180)
        self.navigation.setMinimumWidth(110)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.stack = QStackedWidget(self)
        self._holders: list[QWidget] = []
        titles = (
            self.tr("工作台"),
            self.tr("企业"),
            self.tr("产品与认定"),
            self.tr("走访记录"),
            self.tr("问题诉求"),
            self.tr("报表"),
            self.tr("审计记录"),
        )
        for title in titles:
            QListWidgetItem(title, self.navigation)
            holder = QWidget(self.stack)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._holders.append(holder)
            self.stack.addWidget(holder)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.navigation.fontMetrics()
        # the worklist's title carries its count ("工作台  1234")
        widest = max(metrics.horizontalAdvance(title + "  0000") for title in titles)
        # Room for the longest title (English ones are longer) plus the item padding.
        nav_width = max(120, min(270, int(widest * 1.25) + 40))
        self.navigation.setMaximumWidth(nav_width + 20)
        self.loading_label = QLabel(self.tr("正在打开数据……"), self._holders[self.START_PAGE])
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._holders[self.START_PAGE].layout().addWidget(self.loading_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([nav_width, 1366 - nav_width])
        self.main_splitter = splitter
        self.setCentralWidget(splitter)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts_label")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.data_dir_label = QLabel(self.tr("数据目录：") + str(data_dir), self)
        self.data_dir_label.setObjectName("data_dir_label")
        self.statusBar().addWidget(self.data_dir_label, 1)  # stays; messages show beside it
        self.drafts_button = QPushButton(self)
        self.drafts_button.setObjectName("drafts_button")
        self.drafts_button.setFlat(True)
        self.drafts_button.setStyleSheet("color: #b9770e; font-weight: bold;")
        self.drafts_button.clicked.connect(self.open_drafts)
        self.drafts_button.hide()
        self.statusBar().addPermanentWidget(self.drafts_button)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice_label")
        self.notice_label.setStyleSheet("color: #c0392b;")
        self.notice_label.hide()
        self.statusBar().addPermanentWidget(self.notice_label)
        self._build_menus()
        self.resize(1366, 768)
        ui_state.restore_window(self)
        ui_state.restore_splitter("main", splitter)
        self.navigation.setCurrentRow(self.START_PAGE)
        self.stack.setCurrentIndex(self.START_PAGE)

    # -- attaching the data -----------------------------------------------------

    def attach(self, ctx: PageContext) -> None:
        """Give the window its services; the visible page is built and filled now."""
        from firstbatch_desk.ui.pages.page_set import PageSet

        self.ctx = ctx
        self.pages = PageSet(ctx, self)
        self.pages.data_changed.connect(self._on_data_changed)
        self.pages.open_requested.connect(self.open_record)
        self.pages.report_requested.connect(self.open_report)
        ctx.undo.changed.connect(self._update_undo_action)
        ctx.undo.undone.connect(self._on_undone)
        self.loading_label.hide()
        self._holders[self.START_PAGE].layout().removeWidget(self.loading_label)
        self.loading_label.deleteLater()
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        self._on_navigation_row_changed(self.navigation.currentRow())
        ctx.drafts_changed = self.show_drafts_notice
        self.update_counts()
        self.show_drafts_notice()
        self.account_actions.attach(ctx)
        self.sync_actions.attach(ctx)
        self.restore_action.setEnabled(ctx.services.backups.may_restore())

    def _page(self, name: str) -> Any:
        if self.pages is None:
            raise RuntimeError("the window has no data attached yet")
        created = self.pages.created(name)
        page = self.pages.page(name)
        if not created and name in self.PAGES:
            self._holders[self.PAGES.index(name)].layout().addWidget(page)
            if name == "register":
                page.currentChanged.connect(lambda _i: self._ensure_current_loaded())
            if name == "workbench":
                page.counted.connect(self._show_work_counts)
        return page

    @property
    def workbench_page(self) -> WorkbenchPage:
        return self._page("workbench")

    @property
    def enterprises_page(self) -> ListPage:
        return self._page("enterprises")

    @property
    def register_tabs(self) -> QTabWidget:
        return self._page("register")

    @property
    def recognitions_page(self) -> ListPage:
        self.register_tabs  # noqa: B018 - the tabs own the page
        return self._page("recognitions")

    @property
    def cases_page(self) -> ListPage:
        self.register_tabs  # noqa: B018 - the tabs own the page
        return self._page("cases")

    @property
    def visits_page(self) -> ListPage:
        return self._page("visits")

    @property
    def needs_page(self) -> ListPage:
        return self._page("needs")

    @property
    def reports_page(self) -> Any:
        return self._page("reports")

    @property
    def audit_page(self) -> ListPage:
        return self._page("audit")

    # -- menus ------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.new_action = self._action(
            self.tr("新建(&N)"), QKeySequence.StandardKey.New, self.new_record
        )
        self.settings_action = self._action(self.tr("设置(&S)…"), None, self.open_settings)
        self.restore_action = self._action(self.tr("从备份恢复(&B)…"), None, self.open_restore)
        self.restore_action.setEnabled(False)  # administrators only, once the data is attached
        self.drafts_action = self._action(self.tr("未完成的草稿(&D)…"), None, self.open_drafts)
        self.import_action = self._action(
            self.tr("导入认定名单(&I)…"), QKeySequence("Ctrl+I"), self.open_import
        )
        self.quit_action = self._action(
            self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close
        )
        file_menu.addActions([self.new_action, self.drafts_action])
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        # 同步…, 同步冲突…; the open-conflict count in the status bar
        self.sync_actions = SyncActions(
            self, self.settings, self.settings_file, self._on_data_changed
        )
        file_menu.addActions(self.sync_actions.actions())
        file_menu.addSeparator()
        self.account_actions = AccountActions(self)  # 修改密码…, 账户…, 锁定; who is signed in
        file_menu.addActions(self.account_actions.actions())
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        self.undo_action = self._action(
            self.tr("撤销删除(&U)"), QKeySequence.StandardKey.Undo, self.undo_delete
        )
        self.undo_action.setEnabled(False)
        self.find_action = self._action(
            self.tr("查找(&F)"), QKeySequence.StandardKey.Find, self.focus_search
        )
        edit_menu.addActions([self.undo_action, self.find_action])
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for number in range(self.navigation.count()):
            title = self.navigation.item(number).text()
            action = self._action(
                title,
                QKeySequence(f"Ctrl+{number + 1}"),
                lambda _c=False, n=number: self.navigation.setCurrentRow(n),
            )
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.refresh_action = self._action(
            self.tr("刷新(&R)"), QKeySequence.StandardKey.Refresh, self.refresh_current
        )
        view_menu.addAction(self.refresh_action)
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        self.about_action = self._action(self.tr("关于(&A)"), None, self.show_about)
        help_menu.addAction(self.about_action)

    def _action(self, text: str, shortcut: object, slot: object) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    # -- pages ------------------------------------------------------------------

    def list_pages(self) -> list[ListPage]:
        return self.pages.list_pages() if self.pages else []

    def current_list_page(self) -> ListPage | None:
        from firstbatch_desk.ui.pages.list_page import ListPage

        if self.pages is None:
            return None
        name = self.PAGES[self.stack.currentIndex()]
        widget = self._page(name)
        if isinstance(widget, QTabWidget):
            widget = widget.currentWidget()
        return widget if isinstance(widget, ListPage) else None

    def show_page(self, name: str) -> None:
        self.navigation.setCurrentRow(self.PAGES.index(name))

    def _ensure_current_loaded(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.ensure_loaded()

    def _on_navigation_row_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if self.pages is None:
            return
        self._page(self.PAGES[row])
        self._ensure_current_loaded()
        if self.PAGES[row] == "workbench":
            self.pages.refresh_workbench()

    # -- actions ----------------------------------------------------------------

    def new_record(self) -> None:
        page = self.current_list_page()
        if page is not None and page.can_create():
            page.new_record()

    def focus_search(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.focus_search()

    def refresh_current(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.reload()
        self.update_counts()

    def undo_delete(self) -> None:
        from firstbatch_desk.domain.errors import FirstBatchError

        if self.ctx is None:
            return
        try:
            self.ctx.undo.undo()
        except FirstBatchError as exc:
            self.ctx.prompts.error(self, exc.message(self.ctx.message_language))

    def _on_undone(self, label: str) -> None:
        self.statusBar().showMessage(self.tr("已撤销：") + label, 5000)
        self._on_data_changed()

    def _update_undo_action(self) -> None:
        if self.ctx is None:
            return
        self.undo_action.setEnabled(self.ctx.undo.can_undo())
        label = self.ctx.undo.next_label()
        self.undo_action.setText(self.tr("撤销：") + label if label else self.tr("撤销删除(&U)"))

    def _on_data_changed(self) -> None:
        for page in self.list_pages():
            if page.loaded:  # pages not yet shown load when first shown
                page.reload()
        if self.pages is not None and self.pages.created("workbench"):
            self.pages.refresh_workbench()
        self.update_counts()

    def open_record(self, kind: str, ident: str) -> None:
        """Show a record from a link: switch page and select it (clearing filters if needed).

        A case opens with its 记录走访 button focused, so Enter starts the visit form.
        """
        targets = {
            "enterprise": ("enterprises", None),
            "case": ("register", "cases"),
            "recognition": ("register", "recognitions"),
            "need": ("needs", None),
        }
        if kind == "attachment" and self.ctx is not None:
            self._open_attachment(ident)
            return
        if kind not in targets or self.pages is None:
            return
        page_name, tab = targets[kind]
        self.show_page(page_name)
        page = self._page(tab or page_name)
        if tab is not None:
            self.register_tabs.setCurrentWidget(page)
        page.ensure_loaded()
        key = ident.replace("-", "")
        if not page.select_key(key):
            page.search_box.clear()
            page.reload()
            page.select_key(key)
        button = getattr(page, "record_visit_button", None)
        if kind == "case" and button is not None:
            button.setFocus()

    def _open_attachment(self, ident: str) -> None:
        import uuid

        from firstbatch_desk.domain.errors import FirstBatchError
        from firstbatch_desk.ui.widgets.attachment_panel import open_attachment

        assert self.ctx is not None
        try:
            row = self.ctx.services.attachments.get(uuid.UUID(ident))
        except FirstBatchError as exc:
            self.ctx.prompts.error(self, exc.message(self.ctx.message_language))
            return
        problem = open_attachment(self.ctx, row)
        if problem:
            self.ctx.prompts.error(self, problem)

    def show_notice(self, text: str, detail: str = "") -> None:
        """A lasting warning in the status bar (the detail as its tooltip)."""
        self.notice_label.setText(text)
        self.notice_label.setToolTip(detail)
        self.notice_label.setVisible(bool(text))
        if detail:
            self.statusBar().showMessage(detail, 30_000)

    def kept_drafts(self) -> list[Any]:
        from firstbatch_desk.ui.dialogs.visit_draft import EDIT_KIND, NEW_KIND

        if self.ctx is None:
            return []
        drafts = self.ctx.services.drafts
        found = drafts.find_drafts(NEW_KIND) + drafts.find_drafts(EDIT_KIND)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    def show_drafts_notice(self) -> None:
        """Say how many unfinished forms are kept; a click offers them back."""
        count = len(self.kept_drafts())
        self.drafts_button.setText(self.tr("%1 份未完成的草稿").replace("%1", str(count)))
        self.drafts_button.setVisible(count > 0)
        self.drafts_action.setEnabled(count > 0)

    def open_import(self) -> None:
        """The import window; the lists are refreshed when something was imported."""
        from firstbatch_desk.ui.dialogs.import_dialog import run_import

        if self.ctx is not None and run_import(self.ctx, self):
            self._on_data_changed()

    def open_drafts(self) -> None:
        from firstbatch_desk.ui.dialogs.drafts_dialog import DraftsDialog
        from firstbatch_desk.ui.dialogs.visit_opening import open_visit_form

        drafts = self.kept_drafts()
        if self.ctx is None or not drafts:
            return
        dialog = DraftsDialog(self.ctx, drafts, self)
        chosen = dialog.chosen if self.ctx.run_dialog(dialog) else None
        if chosen is not None and open_visit_form(self.ctx, self, resume=chosen):
            self._on_data_changed()
        self.show_drafts_notice()

    def open_report(self, kind: str, ident: str, label: str) -> None:
        """Go to the reports page with this record chosen."""
        self.show_page("reports")
        self.reports_page.choose(kind, ident, label)

    def update_counts(self) -> None:
        """Refresh the record counts in the status bar (counted off the GUI thread)."""
        if self.ctx is None:
            return
        info = self.ctx.services.info
        self.ctx.tasks.run(info.record_counts, self._show_counts)
        self.ctx.tasks.run(self.ctx.services.worklist.counts, self._show_work_counts)

    def _show_work_counts(self, counts: dict[Any, int]) -> None:
        """The worklist's total on the navigation, each section in its tooltip."""
        from firstbatch_desk.domain.dtos.worklist import needing_action
        from firstbatch_desk.ui.i18n import enum_label

        item = self.navigation.item(self.PAGES.index("workbench"))
        total = needing_action(counts)
        item.setText(self.tr("工作台") + (f"  {total}" if total else ""))
        lang = self.ctx.language if self.ctx else "zh_CN"
        item.setToolTip(
            "\n".join(f"{enum_label(section, lang)}：{count}" for section, count in counts.items())
        )

    def _show_counts(self, counts: dict[str, int]) -> None:
        self.counts_label.setText(
            self.tr("企业 %1 · 认定 %2 · 档案 %3 · 走访 %4 · 诉求 %5")
            .replace("%1", f"{counts['enterprises']:,}")
            .replace("%2", f"{counts['recognitions']:,}")
            .replace("%3", f"{counts['cases']:,}")
            .replace("%4", f"{counts['visits']:,}")
            .replace("%5", f"{counts['needs']:,}")
        )

    def _run_dialog(self, dialog: Any) -> bool:
        if self.ctx is not None:
            return self.ctx.run_dialog(dialog)
        return bool(dialog.exec())

    def open_settings(self) -> None:
        from firstbatch_desk.services.report_fonts import available_fonts
        from firstbatch_desk.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self, available_fonts())
        if self._run_dialog(dialog):
            dialog.apply(self.settings)
            self.settings.save(self.settings_file)
            self.statusBar().showMessage(
                self.tr("设置已保存；语言和报表字体在下次启动时生效。"), 5000
            )

    def open_restore(self) -> None:
        """The backups; the chosen one goes to ``restore_requested`` (administrators only)."""
        from firstbatch_desk.domain.errors import PermissionDeniedError
        from firstbatch_desk.ui.dialogs.restore_dialog import RestoreDialog

        if self.ctx is None:
            return
        try:
            self.ctx.services.backups.require_restore_role()
        except PermissionDeniedError as exc:
            self.ctx.prompts.error(self, exc.message(self.ctx.message_language))
            return
        dialog = RestoreDialog(self.ctx, self)
        chosen = dialog.chosen if self._run_dialog(dialog) else None
        dialog.deleteLater()
        if chosen is not None:
            self.restore_requested.emit(chosen.path)

    def show_about(self) -> None:
        from firstbatch_desk.ui.dialogs.about_dialog import AboutDialog

        self._run_dialog(AboutDialog(__version__, self.data_dir, self))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.ctx is not None:
            self.ctx.tasks.wait()
        self.ui_state.save_window(self)
        self.ui_state.save_splitter("main", self.main_splitter)
        for page in self.list_pages():
            page.save_state()
        self.ui_state.sync()
        super().closeEvent(event)
