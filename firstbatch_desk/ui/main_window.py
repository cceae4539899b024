"""The main window: navigation, menus and a page stack; the pages do the work."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from firstbatch_desk import __version__
from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.enums import CaseStatus
from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.dialogs.about_dialog import AboutDialog
from firstbatch_desk.ui.dialogs.settings_dialog import SettingsDialog
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.cases_page import CasesPage
from firstbatch_desk.ui.pages.enterprises_page import EnterprisesPage
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.pages.needs_page import NeedsPage
from firstbatch_desk.ui.pages.placeholder_page import PlaceholderPage
from firstbatch_desk.ui.pages.recognitions_page import RecognitionsPage
from firstbatch_desk.ui.pages.visits_page import VisitsPage

NAVIGATION_STYLE = """
QListWidget { background: #1f3a56; color: #e8eef5; border: none; font-size: 15px;
              outline: 0; }
QListWidget::item { padding: 12px 16px; }
QListWidget::item:selected { background: #2f6fa8; color: white; }
QListWidget::item:hover:!selected { background: #284a6d; }
"""


class MainWindow(QMainWindow):
    """Holds menus, navigation and pages; remembers its geometry."""

    PAGES = ("workbench", "enterprises", "register", "visits", "needs", "reports")

    def __init__(
        self,
        ctx: PageContext,
        settings: Settings,
        settings_file: Path,
        data_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.settings_file = settings_file
        self.data_dir = data_dir
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("首批次跟踪服务台") + f" — {settings.bureau_name}")
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        self.navigation.setMaximumWidth(180)
        self.navigation.setMinimumWidth(110)
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        self.stack = QStackedWidget(self)
        self._build_pages()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([130, 1236])
        self.main_splitter = splitter
        self.setCentralWidget(splitter)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts_label")
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().showMessage(self.tr("数据目录：") + str(data_dir))
        self._build_menus()
        self.navigation.currentRowChanged.connect(self._on_navigation_row_changed)
        ctx.undo.changed.connect(self._update_undo_action)
        ctx.undo.undone.connect(self._on_undone)
        self.resize(1366, 768)
        ctx.ui_state.restore_window(self)
        ctx.ui_state.restore_splitter("main", splitter)
        self.navigation.setCurrentRow(1)
        self.update_counts()

    # -- building -------------------------------------------------------------

    def _build_pages(self) -> None:
        ctx = self.ctx
        self.workbench_page = PlaceholderPage(
            "workbench",
            self.tr("工作台"),
            [
                self.tr("本周应走访和已逾期的跟踪档案"),
                self.tr("已认定但从未走访的产品"),
                self.tr("逾期或 3 个工作日内到期的问题诉求"),
                self.tr("90 天内到期的认定"),
                self.tr("一键打开档案并记录走访"),
            ],
            parent=self,
        )
        self.enterprises_page = EnterprisesPage(ctx, self)
        self.recognitions_page = RecognitionsPage(ctx, self)
        self.cases_page = CasesPage(ctx, self)
        self.register_tabs = QTabWidget(self)
        self.register_tabs.setObjectName("register_page")
        self.register_tabs.addTab(self.recognitions_page, self.tr("认定"))
        self.register_tabs.addTab(self.cases_page, self.tr("跟踪档案"))
        self.register_tabs.currentChanged.connect(lambda _i: self._ensure_current_loaded())
        self.visits_page = VisitsPage(ctx, self)
        self.needs_page = NeedsPage(ctx, self)
        self.reports_page = PlaceholderPage(
            "reports",
            self.tr("报表"),
            [
                self.tr("案卷：按档案或按企业打印，含企业概况、认定、走访记录、诉求台账和签字栏"),
                self.tr("走访记录表：一次走访一页，供双方签字"),
                self.tr("定期汇总：按月、季、年统计，分区县、类别、档次和诉求类别，附图表"),
                self.tr("预览、打印、另存为，以及按区县批量导出"),
            ],
            parent=self,
        )
        pages: list[tuple[str, QWidget]] = [
            (self.tr("工作台"), self.workbench_page),
            (self.tr("企业"), self.enterprises_page),
            (self.tr("产品与认定"), self.register_tabs),
            (self.tr("走访记录"), self.visits_page),
            (self.tr("问题诉求"), self.needs_page),
            (self.tr("报表"), self.reports_page),
        ]
        for title, page in pages:
            self.stack.addWidget(page)
            QListWidgetItem(title, self.navigation)
        for page in self.list_pages():
            page.data_changed.connect(self._on_data_changed)
            page.open_requested.connect(self.open_record)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        self.new_action = self._action(
            self.tr("新建(&N)"), QKeySequence.StandardKey.New, self.new_record
        )
        self.settings_action = self._action(self.tr("设置(&S)…"), None, self.open_settings)
        self.quit_action = self._action(
            self.tr("退出(&X)"), QKeySequence.StandardKey.Quit, self.close
        )
        file_menu.addActions([self.new_action, self.settings_action])
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

    # -- pages ----------------------------------------------------------------

    def list_pages(self) -> list[ListPage]:
        return [
            self.enterprises_page,
            self.recognitions_page,
            self.cases_page,
            self.visits_page,
            self.needs_page,
        ]

    def current_list_page(self) -> ListPage | None:
        widget = self.stack.currentWidget()
        if widget is self.register_tabs:
            widget = self.register_tabs.currentWidget()
        return widget if isinstance(widget, ListPage) else None

    def show_page(self, name: str) -> None:
        self.navigation.setCurrentRow(self.PAGES.index(name))

    def _ensure_current_loaded(self) -> None:
        page = self.current_list_page()
        if page is not None:
            page.ensure_loaded()

    def _on_navigation_row_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        self._ensure_current_loaded()
        if row == 0:
            self._refresh_workbench()

    def _refresh_workbench(self) -> None:
        today = date.today()
        cases = self.ctx.services.cases
        sunday = today + timedelta(days=6 - today.weekday())
        active = CaseFilter(status=CaseStatus.ACTIVE)
        due_week = len(cases.case_keys(CaseFilter(status=CaseStatus.ACTIVE, due_before=sunday)))
        overdue = len(
            cases.case_keys(
                CaseFilter(status=CaseStatus.ACTIVE, due_before=today - timedelta(days=1))
            )
        )
        self.workbench_page.show_facts(
            [
                (self.tr("跟踪中的档案"), str(len(cases.case_keys(active)))),
                (self.tr("本周内应走访（含逾期）"), str(due_week)),
                (self.tr("已逾期"), str(overdue)),
            ]
        )

    # -- actions --------------------------------------------------------------

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

        try:
            self.ctx.undo.undo()
        except FirstBatchError as exc:
            self.ctx.prompts.error(self, exc.message(self.ctx.message_language))

    def _on_undone(self, label: str) -> None:
        self.statusBar().showMessage(self.tr("已撤销：") + label, 5000)
        self._on_data_changed()

    def _update_undo_action(self) -> None:
        self.undo_action.setEnabled(self.ctx.undo.can_undo())
        label = self.ctx.undo.next_label()
        self.undo_action.setText(self.tr("撤销：") + label if label else self.tr("撤销删除(&U)"))

    def _on_data_changed(self) -> None:
        for page in self.list_pages():
            if page.loaded:  # pages not yet shown load when first shown
                page.reload()
        self.update_counts()

    def open_record(self, kind: str, ident: str) -> None:
        """Show a record from a link: switch page and select it (clearing filters if needed)."""
        targets = {
            "enterprise": ("enterprises", self.enterprises_page),
            "case": ("register", self.cases_page),
        }
        if kind not in targets:
            return
        name, page = targets[kind]
        self.show_page(name)
        if page is self.cases_page:
            self.register_tabs.setCurrentWidget(self.cases_page)
        page.ensure_loaded()
        key = ident.replace("-", "")
        if not page.select_key(key):
            page.search_box.clear()
            page.reload()
            page.select_key(key)

    def update_counts(self) -> None:
        counts = self.ctx.services.info.database_info().counts
        self.counts_label.setText(
            self.tr("企业 %1 · 认定 %2 · 档案 %3 · 走访 %4 · 诉求 %5")
            .replace("%1", str(counts["enterprises"]))
            .replace("%2", str(counts["recognitions"]))
            .replace("%3", str(counts["cases"]))
            .replace("%4", str(counts["visits"]))
            .replace("%5", str(counts["needs"]))
        )

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self)
        if self.ctx.run_dialog(dialog):
            dialog.apply(self.settings)
            self.settings.save(self.settings_file)
            self.statusBar().showMessage(self.tr("设置已保存；语言在下次启动时生效。"), 5000)

    def show_about(self) -> None:
        self.ctx.run_dialog(AboutDialog(__version__, self.data_dir, self))

    def closeEvent(self, event: QCloseEvent) -> None:
        state = self.ctx.ui_state
        state.save_window(self)
        state.save_splitter("main", self.main_splitter)
        for page in self.list_pages():
            page.save_state()
        state.sync()
        super().closeEvent(event)
