"""导入认定名单: choose a published list, check the columns, preview every line, commit.

Reading, planning and committing run off the GUI thread with progress and cancel.
Nothing is written until 导入 is pressed, and then the whole sheet or nothing.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.importing import (
    ImportField,
    ImportOptions,
    ImportPlan,
    ImportResult,
    LineAction,
    SheetTable,
)
from firstbatch_desk.domain.enums import Scheme
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.models.import_plan_model import ImportPlanModel
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.progress_job import run_with_progress
from firstbatch_desk.ui.widgets.field_error import FieldError

NO_YEAR = 1999  # the year spin's "not given" value (its special-value text is shown)
NEW_ENTERPRISE = "new"


class ImportDialog(QDialog):
    """``result_value`` holds the ImportResult after a commit."""

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("导入认定名单"))
        self.path: Path | None = None
        self.table: SheetTable | None = None
        self.plan: ImportPlan | None = None
        self.decisions: dict[str, uuid.UUID | None] = {}
        self.result_value: ImportResult | None = None
        self._replan = QTimer(self)
        self._replan.setSingleShot(True)
        self._replan.setInterval(300)
        self._replan.timeout.connect(self.start_plan)
        self._build()
        self.resize(1100, 720)

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        lang = self.ctx.language
        self.file_label = QLabel(self.tr("（未选择文件）"), self)
        self.file_label.setObjectName("import_file_label")
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.choose_button.setObjectName("import_choose_button")
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("import_sheet_combo")
        self.sheet_combo.activated.connect(lambda _i: self.start_read())
        self.scheme_combo = QComboBox(self)
        self.scheme_combo.setObjectName("import_scheme_combo")
        self.scheme_combo.addItem(self.tr("（按表中的“认定类型”列）"), None)
        for scheme in Scheme:
            self.scheme_combo.addItem(enum_label(scheme, lang), scheme.value)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("import_year_spin")
        self.year_spin.setRange(NO_YEAR, 2100)
        self.year_spin.setSpecialValueText(self.tr("（按表中的“年度”列）"))
        self.year_spin.setValue(NO_YEAR)
        self.doc_edit = QLineEdit(self)
        self.doc_edit.setObjectName("import_doc_edit")
        self.doc_edit.setPlaceholderText(self.tr("表中没有文号时填写，如 浙经信材料〔2021〕197号"))
        self.local_check = QCheckBox(self.tr("只导入本市企业（地区不在本市的行跳过）"), self)
        self.local_check.setObjectName("import_local_check")
        for signal in (
            self.scheme_combo.currentIndexChanged,
            self.year_spin.valueChanged,
            self.doc_edit.textChanged,
            self.local_check.toggled,
        ):
            signal.connect(lambda *_a: self._replan.start())
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("名单文件"), file_row)
        form.addRow(self.tr("工作表"), self.sheet_combo)
        form.addRow(self.tr("认定类型"), self.scheme_combo)
        form.addRow(self.tr("年度"), self.year_spin)
        form.addRow(self.tr("文号"), self.doc_edit)
        form.addRow("", self.local_check)

        self.columns = QTableWidget(0, 3, self)
        self.columns.setObjectName("import_columns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("表中的列"), self.tr("第一行的内容"), self.tr("对应为")]
        )
        self.columns.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.columns.verticalHeader().hide()
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.model = ImportPlanModel(lang, self)
        self.preview = QTableView(self)
        self.preview.setObjectName("import_preview")
        self.preview.setModel(self.model)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((50, 220, 220, 160, 50, 170, 70)):
            self.preview.setColumnWidth(column, width)
        self.preview.selectionModel().currentRowChanged.connect(lambda *_a: self._show_decision())
        self.show_combo = QComboBox(self)
        self.show_combo.setObjectName("import_show_combo")
        self.show_combo.addItem(self.tr("全部行"), None)
        for action in LineAction:
            self.show_combo.addItem(enum_label(action, lang), action.value)
        self.show_combo.currentIndexChanged.connect(self._filter_preview)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("import_counts")
        self.decision_box = QWidget(self)
        self.decision_label = QLabel(self.decision_box)
        self.decision_label.setWordWrap(True)
        self.decision_combo = QComboBox(self.decision_box)
        self.decision_combo.setObjectName("import_decision_combo")
        self.decide_button = QPushButton(self.tr("确认"), self.decision_box)
        self.decide_button.setObjectName("import_decide_button")
        self.decide_button.clicked.connect(self.decide)
        decision_row = QHBoxLayout(self.decision_box)
        decision_row.setContentsMargins(0, 0, 0, 0)
        decision_row.addWidget(self.decision_label, 2)
        decision_row.addWidget(self.decision_combo, 2)
        decision_row.addWidget(self.decide_button)
        self.decision_box.hide()
        preview_bar = QHBoxLayout()
        preview_bar.addWidget(QLabel(self.tr("显示"), self))
        preview_bar.addWidget(self.show_combo)
        preview_bar.addWidget(self.counts_label, 1)
        preview_holder = QWidget(self)
        preview_layout = QVBoxLayout(preview_holder)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.addLayout(preview_bar)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.decision_box)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.columns)
        splitter.addWidget(preview_holder)
        splitter.setSizes([160, 440])

        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("import_notes")
        self.notes_label.setWordWrap(True)
        self.notes_label.setStyleSheet("color: #555;")
        self.error = FieldError(self)
        self.error.setObjectName("import_error")
        self.report_button = QPushButton(self.tr("保存检查结果…"), self)
        self.report_button.setObjectName("import_report_button")
        self.report_button.clicked.connect(self.save_report)
        self.commit_button = QPushButton(self.tr("导入"), self)
        self.commit_button.setObjectName("import_commit_button")
        self.commit_button.clicked.connect(self.start_commit)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.commit_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- reading -------------------------------------------------------------------

    def choose_file(self) -> None:
        paths = self.ctx.prompts.choose_open_files(
            self,
            self.tr("选择认定名单"),
            self.tr("Excel 或 CSV (*.xlsx *.xlsm *.csv);;所有文件 (*)"),
        )
        if paths:
            self.open_file(paths[0])

    def open_file(self, path: Path) -> None:
        self.path = path
        self.file_label.setText(str(path))
        self.decisions = {}
        self.sheet_combo.clear()
        try:
            names = self.ctx.services.imports.sheets(path)
        except FirstBatchError as exc:
            self._failed(exc)
            return
        self.sheet_combo.addItems(names)
        self.sheet_combo.setEnabled(len(names) > 1)
        self.start_read(first=True)

    def start_read(self, *, first: bool = False) -> None:
        if self.path is None:
            return
        path, sheet = self.path, None if first else self.sheet_combo.currentText() or None
        service = self.ctx.services.imports
        self._run(
            self.tr("正在读取名单……"),
            lambda job: service.read(
                path, sheet=sheet, progress=job.report, cancelled=job.cancelled
            ),
            self._read_done,
        )

    def _read_done(self, table: SheetTable) -> None:
        self.table = table
        if table.sheet and self.sheet_combo.findText(table.sheet) >= 0:
            self.sheet_combo.setCurrentIndex(self.sheet_combo.findText(table.sheet))
        self._fill_columns(table)
        rows = self.tr("%1 行数据。").replace("%1", str(len(table.rows)))
        self.notes_label.setText(" ".join((rows, *table.notes)))
        self.start_plan()

    def _fill_columns(self, table: SheetTable) -> None:
        lang = self.ctx.language
        self.columns.setRowCount(len(table.headers))
        first = table.rows[0].cells if table.rows else ()
        for index, header in enumerate(table.headers):
            self.columns.setItem(index, 0, QTableWidgetItem(header))
            sample = first[index] if index < len(first) else ""
            self.columns.setItem(index, 1, QTableWidgetItem(sample))
            combo = QComboBox(self.columns)
            combo.setObjectName(f"import_column_{index}")
            combo.addItem(self.tr("（忽略）"), None)
            for name in ImportField:
                combo.addItem(enum_label(name, lang), name.value)
            mapped = table.mapping.get(index)
            combo.setCurrentIndex(combo.findData(mapped.value) if mapped else 0)
            combo.currentIndexChanged.connect(lambda _i: self._replan.start())
            self.columns.setCellWidget(index, 2, combo)

    def mapping(self) -> dict[int, ImportField]:
        chosen: dict[int, ImportField] = {}
        for index in range(self.columns.rowCount()):
            combo = self.columns.cellWidget(index, 2)
            value = combo.currentData() if isinstance(combo, QComboBox) else None
            if value:
                chosen[index] = ImportField(value)
        return chosen

    # -- planning ------------------------------------------------------------------

    def options(self) -> ImportOptions:
        scheme = self.scheme_combo.currentData()
        year = self.year_spin.value()
        return ImportOptions(
            scheme=Scheme(scheme) if scheme else None,
            year=None if year == NO_YEAR else year,
            document_no=self.doc_edit.text().strip(),
            mapping=self.mapping(),
            decisions=dict(self.decisions),
            only_local=self.local_check.isChecked(),
        )

    def start_plan(self) -> None:
        if self.table is None:
            return
        table, options, service = self.table, self.options(), self.ctx.services.imports
        self._run(
            self.tr("正在核对每一行……"),
            lambda job: service.plan(table, options, progress=job.report, cancelled=job.cancelled),
            self._plan_done,
        )

    def _plan_done(self, plan: ImportPlan) -> None:
        current = self.model.line_at(self.preview.currentIndex().row())
        self.plan = plan
        self.model.set_plan(plan)
        lang = "en" if self.ctx.language.startswith("en") else "zh"
        self.counts_label.setText(
            "  ".join(f"{a.label(lang)} {n}" for a, n in plan.counts.items() if n)
        )
        if current is not None and (row := self.model.row_of(current.key)) >= 0:
            self.preview.selectRow(row)
        self.error.clear_message()
        self._show_decision()
        self._update_buttons()

    def _filter_preview(self) -> None:
        value = self.show_combo.currentData()
        self.model.show_only(LineAction(value) if value else None)
        self._show_decision()

    # -- decisions -----------------------------------------------------------------

    def _show_decision(self) -> None:
        line = self.model.line_at(self.preview.currentIndex().row())
        deciding = line is not None and (
            line.action is LineAction.DECIDE or line.key in self.decisions
        )
        self.decision_box.setVisible(deciding)
        if not deciding or line is None:
            return
        self.decision_label.setText(
            self.tr("第 %1 行“%2”是库中哪家企业？")
            .replace("%1", str(line.row_number))
            .replace("%2", line.enterprise_name)
        )
        self.decision_combo.clear()
        for candidate in line.candidates:
            code = f"（{candidate.credit_code}）" if candidate.credit_code else ""
            self.decision_combo.addItem(
                f"{candidate.name}{code} — {candidate.why}", str(candidate.enterprise_id)
            )
        self.decision_combo.addItem(self.tr("都不是：新增为一家企业"), NEW_ENTERPRISE)

    def decide(self) -> None:
        line = self.model.line_at(self.preview.currentIndex().row())
        if line is None:
            return
        value = self.decision_combo.currentData()
        self.decisions[line.key] = None if value == NEW_ENTERPRISE else uuid.UUID(value)
        self.start_plan()

    # -- committing ----------------------------------------------------------------

    def start_commit(self) -> None:
        if self.table is None or self.plan is None or not self.plan.can_commit:
            return
        table, options, service = self.table, self.options(), self.ctx.services.imports
        self._run(
            self.tr("正在导入……"),
            lambda job: service.commit(
                table, options, progress=job.report, cancelled=job.cancelled
            ),
            self._commit_done,
        )

    def _commit_done(self, result: ImportResult) -> None:
        self.result_value = result
        self.ctx.prompts.info(
            self,
            self.tr("导入完成"),
            self.tr("新增企业 %1 家、产品 %2 个、认定 %3 条，更新认定 %4 条，无变化 %5 行。")
            .replace("%1", str(result.created_enterprises))
            .replace("%2", str(result.created_products))
            .replace("%3", str(result.created_recognitions))
            .replace("%4", str(result.updated_recognitions))
            .replace("%5", str(result.unchanged)),
        )
        self.accept()

    def save_report(self) -> None:
        if self.plan is None:
            return
        suggested = Path.home() / (Path(self.plan.table.source).stem + "-检查结果.xlsx")
        path = self.ctx.prompts.choose_save_path(
            self, self.tr("保存检查结果"), suggested, self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path is None:
            return
        try:
            count = self.ctx.services.imports.write_report(self.plan, path, only_problems=False)
        except FirstBatchError as exc:
            self._failed(exc)
            return
        self.notes_label.setText(
            self.tr("已保存 %1 行到 %2").replace("%1", str(count)).replace("%2", str(path))
        )

    # -- helpers -------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._replan.stop()  # no new work once the window closes
        super().done(result)

    def _run(self, text: str, work: Any, done: Any) -> None:
        self.error.clear_message()
        self._busy(True)

        def finished(result: Any) -> None:
            self._busy(False)
            done(result)

        def failed(error: BaseException) -> None:
            self._busy(False)
            self._failed(error)

        run_with_progress(self.ctx.tasks, self, text, work, finished, failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, FirstBatchError):
            raise error
        self.error.show_plain(error.message(self.ctx.message_language))
        self._update_buttons()

    def _busy(self, busy: bool) -> None:
        for widget in (self.choose_button, self.commit_button, self.report_button):
            widget.setEnabled(not busy)
        if not busy:
            self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.plan is not None and self.plan.can_commit
        self.commit_button.setEnabled(ready)
        self.report_button.setEnabled(self.plan is not None)
        if self.plan is not None and not ready:
            self.commit_button.setToolTip(self.tr("先处理错误和待确认的行"))
        else:
            self.commit_button.setToolTip("")


def run_import(ctx: PageContext, parent: QWidget | None) -> bool:
    """Show the import window; True when something was imported."""
    dialog = ImportDialog(ctx, parent)
    imported = bool(ctx.run_dialog(dialog)) and dialog.result_value is not None
    dialog.deleteLater()
    return imported
