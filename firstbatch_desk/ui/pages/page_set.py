"""The pages of the main window, each created the first time it is shown."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.pages.cases_page import CasesPage
from firstbatch_desk.ui.pages.enterprises_page import EnterprisesPage
from firstbatch_desk.ui.pages.list_page import ListPage
from firstbatch_desk.ui.pages.needs_page import NeedsPage
from firstbatch_desk.ui.pages.recognitions_page import RecognitionsPage
from firstbatch_desk.ui.pages.visits_page import VisitsPage
from firstbatch_desk.ui.pages.workbench_page import WorkbenchPage


class PageSet(QObject):
    """Creates pages lazily and tells the window when data changed or a link was followed."""

    data_changed = Signal()
    open_requested = Signal(str, str)
    report_requested = Signal(str, str, str)  # kind, id, label

    def __init__(self, ctx: PageContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._parent = parent
        self._pages: dict[str, QWidget] = {}
        self._lists: list[ListPage] = []

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            self._pages[name] = self._create(name)
        return self._pages[name]

    def created(self, name: str) -> bool:
        return name in self._pages

    def list_pages(self) -> list[ListPage]:
        return list(self._lists)

    def _adopt(self, page: ListPage) -> ListPage:
        page.data_changed.connect(self.data_changed)
        page.open_requested.connect(self.open_requested)
        page.report_requested.connect(self.report_requested)
        self._lists.append(page)
        return page

    def _create(self, name: str) -> QWidget:
        ctx, parent = self.ctx, self._parent
        if name == "workbench":
            page = WorkbenchPage(ctx, parent)
            page.data_changed.connect(self.data_changed)
            page.open_requested.connect(self.open_requested)
            return page
        if name == "enterprises":
            return self._adopt(EnterprisesPage(ctx, parent))
        if name == "recognitions":
            return self._adopt(RecognitionsPage(ctx, parent))
        if name == "cases":
            return self._adopt(CasesPage(ctx, parent))
        if name == "register":
            tabs = QTabWidget(parent)
            tabs.setObjectName("register_page")
            tabs.addTab(self.page("recognitions"), self.tr("认定"))
            tabs.addTab(self.page("cases"), self.tr("跟踪档案"))
            return tabs
        if name == "visits":
            return self._adopt(VisitsPage(ctx, parent))
        if name == "needs":
            return self._adopt(NeedsPage(ctx, parent))
        if name == "audit":
            from firstbatch_desk.ui.pages.audit_page import AuditPage

            return self._adopt(AuditPage(ctx, parent))
        if name == "reports":
            from firstbatch_desk.ui.pages.reports_page import ReportsPage  # QtPdf: load late

            return ReportsPage(ctx, parent)
        raise KeyError(name)

    def refresh_workbench(self) -> None:
        page = self.page("workbench")
        assert isinstance(page, WorkbenchPage)
        page.refresh()
