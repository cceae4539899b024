"""工作台: what needs doing now — due and overdue visits, never-visited cases,
needs running out of time, recognitions about to expire — one click from the form.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.worklist import WorkItem, WorkList, WorkSection
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.dialogs.visit_opening import open_visit_form
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext

LATE = QColor("#c0392b")
SOON = QColor("#b9770e")
ORDER = (
    WorkSection.OVERDUE,
    WorkSection.DUE_THIS_WEEK,
    WorkSection.NEEDS_DUE,
    WorkSection.NEVER_VISITED,
    WorkSection.EXPIRING,
)
ITEM_ROLE = Qt.ItemDataRole.UserRole


class WorkbenchPage(QWidget):
    """Sections as a tree; Enter on a row opens its record, 记录走访 opens the form."""

    data_changed = Signal()
    open_requested = Signal(str, str)  # kind, id
    counted = Signal(object)  # {WorkSection: count}, each time the list is built

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workbench_page")
        self.worklist: WorkList | None = None
        self.title = QLabel(self)
        self.title.setObjectName("workbench_title")
        self.officer_filter = QComboBox(self)
        self.officer_filter.setObjectName("workbench_officer_filter")
        self.officer_filter.addItem(self.tr("全部人员"), None)
        for officer in ctx.services.reference.list_officers():
            self.officer_filter.addItem(officer.name, str(officer.id))
        self.officer_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.record_button = QPushButton(self.tr("记录走访"), self)
        self.record_button.setObjectName("workbench_record_visit_button")
        self.record_button.setToolTip(self.tr("为所选事项的档案记录走访（Ctrl+R）"))
        self.record_button.clicked.connect(self.record_visit)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("workbench_open_button")
        self.open_button.clicked.connect(self.open_selected)
        self.refresh_button = QPushButton(self.tr("刷新"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("workbench_tree")
        self.tree.setColumnCount(6)
        self.tree.setHeaderLabels(
            [
                self.tr("企业"),
                self.tr("事项"),
                self.tr("编号"),
                self.tr("期限"),
                self.tr("逾期"),
                self.tr("负责人"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        for column, width in enumerate((260, 300, 150, 95, 70, 80)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemActivated.connect(lambda _item, _col: self.open_selected())
        self.tree.currentItemChanged.connect(lambda _a, _b: self._update_buttons())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("workbench_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        QShortcut(QKeySequence("Ctrl+R"), self, activated=self.record_visit)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.officer_filter)
        top.addWidget(self.refresh_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        self._update_buttons()

    # -- loading ---------------------------------------------------------------

    def officer_id(self) -> uuid.UUID | None:
        value = self.officer_filter.currentData()
        return uuid.UUID(value) if value else None

    def refresh(self) -> None:
        """Build the worklist off the GUI thread and show it when ready."""
        officer = self.officer_id()
        service = self.ctx.services.worklist
        self.ctx.tasks.run(lambda: service.build(officer_id=officer), self.show_worklist)

    def show_worklist(self, worklist: WorkList) -> None:
        self.worklist = worklist
        today = worklist.today
        weekday = self.locale().dayName(today.isoweekday(), QLocale.FormatType.LongFormat)
        self.title.setText(
            "<b>"
            + self.tr("今天 %1（%2）").replace("%1", today.isoformat()).replace("%2", weekday)
            + "</b>"
        )
        selected = self._selected_key()
        self.tree.clear()
        lang = self.ctx.language
        bold = QFont(self.tree.font())
        bold.setBold(True)
        for section in ORDER:
            count = worklist.counts.get(section, 0)
            heading = self.tr("%1（%2）").replace("%1", enum_label(section, lang))
            head = QTreeWidgetItem(self.tree, [heading.replace("%2", str(count))])
            head.setFirstColumnSpanned(True)
            head.setFont(0, bold)
            head.setData(0, ITEM_ROLE, None)
            for item in worklist.items.get(section, ()):
                self._add_item(head, item, today)
            shown = len(worklist.items.get(section, ()))
            if count > shown:
                more = QTreeWidgetItem(
                    head,
                    [
                        self.tr("…… 另有 %1 条，请在对应列表中查看").replace(
                            "%1", str(count - shown)
                        )
                    ],
                )
                more.setFirstColumnSpanned(True)
            head.setExpanded(count > 0)
        self.empty_label.setText(self.tr("今天没有待办事项。"))
        self.empty_label.setVisible(worklist.total == 0)
        self._restore_selection(selected)
        self._update_buttons()
        self.counted.emit(dict(worklist.counts))

    def _add_item(self, head: QTreeWidgetItem, item: WorkItem, today: date) -> None:
        late = self.tr("%1 天").replace("%1", str(item.days_late)) if item.days_late else ""
        row = QTreeWidgetItem(
            head,
            [
                item.enterprise_name,
                item.subject,
                item.reference,
                item.due_on.isoformat() if item.due_on else "",
                late,
                item.officer_name,
            ],
        )
        row.setData(0, ITEM_ROLE, item)
        colour = (
            LATE if item.days_late else (SOON if item.due_on and item.due_on <= today else None)
        )
        if colour is not None:
            for column in range(self.tree.columnCount()):
                row.setForeground(column, QBrush(colour))

    # -- acting ----------------------------------------------------------------

    def selected_item(self) -> WorkItem | None:
        current = self.tree.currentItem()
        value = current.data(0, ITEM_ROLE) if current is not None else None
        return value if isinstance(value, WorkItem) else None

    def record_visit(self) -> None:
        item = self.selected_item()
        if item is None or item.case_id is None:
            return
        try:
            saved = open_visit_form(
                self.ctx, self, enterprise_id=item.enterprise_id, case_ids=(item.case_id,)
            )
        except FirstBatchError as exc:
            self.ctx.prompts.error(self, exc.message(self.ctx.message_language))
            return
        if saved:
            self.data_changed.emit()
            self.refresh()

    def open_selected(self) -> None:
        """Open the row's record: the need, else the case (ready to record a visit)."""
        item = self.selected_item()
        if item is None:
            return
        if item.need_id is not None:
            self.open_requested.emit("need", str(item.need_id))
        elif item.case_id is not None:
            self.open_requested.emit("case", str(item.case_id))
        elif item.recognition_id is not None:
            self.open_requested.emit("recognition", str(item.recognition_id))
        else:
            self.open_requested.emit("enterprise", str(item.enterprise_id))

    def _update_buttons(self) -> None:
        item = self.selected_item()
        self.record_button.setEnabled(item is not None and item.case_id is not None)
        self.open_button.setEnabled(item is not None)

    def _selected_key(self) -> tuple[str, str] | None:
        item = self.selected_item()
        if item is None:
            return None
        return (item.section.value, item.reference)

    def _restore_selection(self, key: tuple[str, str] | None) -> None:
        for index in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(index)
            for child in range(head.childCount()):
                value = head.child(child).data(0, ITEM_ROLE)
                if isinstance(value, WorkItem) and (
                    key is None or (value.section.value, value.reference) == key
                ):
                    self.tree.setCurrentItem(head.child(child))
                    return
