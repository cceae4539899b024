"""What every list page shares: search, filters, the lazy table and a detail panel."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.exporting import LedgerKind
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.models.columns import Column
from firstbatch_desk.ui.models.lazy_table_model import ROW_ROLE, LazyTableModel
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.progress_job import JobProgress, run_with_progress
from firstbatch_desk.ui.widgets.detail_view import DetailView, muted
from firstbatch_desk.ui.widgets.highlight_delegate import HighlightDelegate
from firstbatch_desk.ui.widgets.search_box import SearchBox


class ListPage(QWidget):
    """A page with a searchable, filterable big list and the selected record's details.

    Subclasses give the columns, the filter widgets, the queries and the
    detail HTML, and may offer new / edit / delete.
    """

    data_changed = Signal()
    open_requested = Signal(str, str)  # kind, id (from links in the detail view)
    report_requested = Signal(str, str, str)  # kind, id, label (print from this page)

    page_name = "list"
    default_sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False
        self._select_when_complete = ""
        self.setObjectName(f"{self.page_name}_page")
        self.search_box = SearchBox(self)
        self.search_box.setObjectName(f"{self.page_name}_search")
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(110)  # no relayout as the count grows
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.new_button = QPushButton(self.tr("新建"), self)
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        for button, name in (
            (self.new_button, "new"),
            (self.edit_button, "edit"),
            (self.delete_button, "delete"),
        ):
            button.setObjectName(f"{self.page_name}_{name}_button")
        self.filter_bar = QHBoxLayout()
        self.model = LazyTableModel(
            self.columns(), self.fetch_keys, self.fetch_rows, language=ctx.language, parent=self
        )
        self.model.tasks = ctx.tasks
        self.table = QTableView(self)
        self.table.setObjectName(f"{self.page_name}_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(HighlightDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSortIndicator(*self.default_sort)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        for number, column in enumerate(self.model.columns()):
            self.table.setColumnWidth(number, column.width)
        self.detail = DetailView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self._layout()
        self._connect()
        self.build_filters(self.filter_bar)
        self.ctx.ui_state.restore_header(self.page_name, self.table.horizontalHeader())
        self.ctx.ui_state.restore_splitter(self.page_name, self.splitter)

    # -- to be given by subclasses ----------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def build_filters(self, bar: QHBoxLayout) -> None:
        """Add filter widgets to ``bar``; call ``self.reload()`` when they change."""

    def fetch_keys(self, order: SortOrder | None, limit: int | None = None) -> Sequence[str]:
        raise NotImplementedError

    def fetch_rows(self, keys: Any) -> list[Any]:
        raise NotImplementedError

    def detail_html(self, row: Any) -> str:
        return ""

    def new_record(self) -> None:
        """Ctrl+N on this page."""

    def edit_record(self, row: Any) -> None:
        """Double-click or the edit button."""

    def delete_record(self, row: Any) -> None:
        """The delete button (after the subclass asks for confirmation)."""

    def can_create(self) -> bool:
        return False

    def report_of(self, row: Any) -> tuple[str, str, str] | None:
        """The report this page prints for ``row`` (kind, id, label), if any."""
        return None

    def add_action_button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        """A button of this page's own, after 新建/编辑/删除."""
        button = QPushButton(text, self)
        button.setObjectName(f"{self.page_name}_{name}_button")
        button.clicked.connect(slot)
        row = self.layout().itemAt(1).layout()
        row.insertWidget(row.count() - 1, button)
        return button

    ledger: LedgerKind | None = None  # what 导出 writes from this list, if anything

    def add_export_button(self) -> None:
        """导出… : the list as it is filtered and sorted on screen, as an Excel ledger."""
        self.export_button = self.add_action_button("export", self.tr("导出…"), self.export)
        self.export_button.setToolTip(self.tr("按当前的筛选和排序导出为 Excel 台账"))

    def export(self) -> None:
        """Ask where, then write the rows on screen in the background with progress."""
        title, name = self.export_names()
        path = self.ctx.prompts.choose_save_path(
            self,
            title,
            Path.home() / f"{name}-{date.today():%Y%m%d}.xlsx",
            self.tr("Excel 工作簿 (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        write = self.export_writer(path)

        def done(rows: int) -> None:
            self.ctx.prompts.info(
                self,
                self.tr("导出完成"),
                self.export_done_text().replace("%1", f"{rows:,}").replace("%2", str(path)),
            )

        def failed(error: BaseException) -> None:
            if not isinstance(error, FirstBatchError):
                raise error
            if error.code != "export.cancelled":
                self.show_error(error)

        run_with_progress(self.ctx.tasks, self, self.tr("正在导出……"), write, done, failed)

    def export_names(self) -> tuple[str, str]:
        """The save dialog's title and the file's suggested name (without date)."""
        assert self.ledger is not None
        return self.tr("导出台账"), self.ledger.label(self.ctx.message_language)

    def export_done_text(self) -> str:
        return self.tr("已导出 %1 条记录到 %2")

    def export_writer(self, path: Path) -> Callable[[JobProgress], int]:
        """The background work that writes ``path`` (taken now: the filters on screen)."""
        kind, filters, order = self.ledger, self.current_filter(), self.model.sort_order
        assert kind is not None
        service = self.ctx.services.exports
        return lambda job: service.export_ledger(
            kind,
            path,
            filters=filters,
            order=order,
            progress=job.report,
            cancelled=job.cancelled,
        )

    def current_filter(self) -> Any:
        """The filter the list shows with (each list page gives its own)."""
        raise NotImplementedError

    def add_print_button(self, text: str) -> None:
        """A button that asks the window to print the current record."""
        self.print_button = QPushButton(text, self)
        self.print_button.setObjectName(f"{self.page_name}_print_button")
        self.print_button.clicked.connect(self._on_print)
        self.layout().itemAt(1).layout().insertWidget(3, self.print_button)

    def _on_print(self) -> None:
        row = self.current_row()
        report = self.report_of(row) if row is not None else None
        if report is not None:
            self.report_requested.emit(*report)

    # -- behaviour ----------------------------------------------------------

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search_box, 3)
        top.addLayout(self.filter_bar, 5)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.search_box.search_changed.connect(self._on_search_changed)
        self.model.refreshed.connect(self._on_model_refreshed)
        self.model.completed.connect(self._show_count)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.table.doubleClicked.connect(lambda _i: self._on_edit())
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.detail.link_activated.connect(self.open_requested)
        self.new_button.setVisible(self.can_create())
        self.edit_button.setVisible(self.can_create())
        self.delete_button.setVisible(self.can_create())

    @property
    def loaded(self) -> bool:
        return self._loaded

    def ensure_loaded(self) -> None:
        """Load the list the first time the page is shown."""
        if not self._loaded:
            self._loaded = True
            self.reload()

    def reload(self) -> None:
        """Query again (filters, search or data changed), keeping the selection if possible."""
        current = self.current_key()
        self.model.highlight = self.search_text()
        self.model.refresh()
        self._loaded = True
        if current and not self.select_key(current) and not self.model.is_complete():
            self._select_when_complete = current

    def search_text(self) -> str:
        return self.search_box.text().strip()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.key_at(index.row()) if index.isValid() else None

    def current_row(self) -> Any:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def save_state(self) -> None:
        self.ctx.ui_state.save_header(self.page_name, self.table.horizontalHeader())
        self.ctx.ui_state.save_splitter(self.page_name, self.splitter)

    def delete_with_undo(
        self,
        title: str,
        question: str,
        undo_label: str,
        delete: Callable[[], object],
        restore: Callable[[], object],
    ) -> bool:
        """Ask, delete (a tombstone), and offer Ctrl+Z; False when refused or cancelled."""
        if not self.ctx.prompts.confirm(self, title, question):
            return False
        try:
            delete()
        except FirstBatchError as exc:
            self.show_error(exc)
            return False
        self.ctx.undo.push(undo_label, restore)
        self.data_changed.emit()
        self.reload()
        return True

    def show_error(self, error: FirstBatchError) -> None:
        self.ctx.prompts.error(self, error.message(self.ctx.message_language))

    def _on_search_changed(self, _text: str) -> None:
        self.reload()

    def _show_count(self, count: int) -> None:
        # The context is named: a subclass's tr() would not reach ListPage's message.
        text = QCoreApplication.translate("ListPage", "共 %1 条")
        if not self.model.is_complete():
            text += "…"
        self.count_label.setText(text.replace("%1", f"{count:,}"))
        wanted, self._select_when_complete = self._select_when_complete, ""
        if wanted and self.model.is_complete():
            self.select_key(wanted)

    def _on_model_refreshed(self, count: int) -> None:
        self._show_count(count)
        if count == 0:
            self.detail.show_html(muted(self.tr("没有符合条件的记录。")))

    def _on_current_changed(self, current: Any, _previous: Any) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.edit_button.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None)
        if row is not None:
            # Let the selection paint first; the detail may query several tables.
            QTimer.singleShot(0, lambda: self._show_detail(row))

    def _show_detail(self, row: Any) -> None:
        try:
            self.detail.show_html(self.detail_html(row))
        except FirstBatchError as exc:
            self.detail.show_html(f'<p class="warn">{exc.message(self.ctx.message_language)}</p>')

    def _on_edit(self) -> None:
        row = self.current_row()
        if row is not None and self.can_create():
            self.edit_record(row)

    def _on_delete(self) -> None:
        row = self.current_row()
        if row is not None:
            self.delete_record(row)
