"""报表: choose a report, generate it off the GUI thread, preview, print, save, batch."""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QDate,
    QIODevice,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.page_context import PageContext

CASE, ENTERPRISE, VISIT, SUMMARY = "case", "enterprise", "visit", "summary"


def period_bounds(kind: str, today: date) -> tuple[date, date]:
    """The dates of a named period: this month, last month, this quarter or this year."""
    if kind == "last_month":
        end = today.replace(day=1) - timedelta(days=1)
        return end.replace(day=1), end
    if kind == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = today.replace(month=first_month, day=1)
        next_start = (
            start.replace(year=start.year + 1, month=1)
            if first_month == 10
            else start.replace(month=first_month + 3)
        )
        return start, next_start - timedelta(days=1)
    if kind == "year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    start = today.replace(day=1)
    next_start = (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )
    return start, next_start - timedelta(days=1)


class ReportsPage(QWidget):
    """Reports are written to a scratch folder, shown in the preview, then saved or printed."""

    report_ready = Signal(str)

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reports_page")
        # Reports are written here first; the folder goes when the program ends.
        self._scratch_dir = tempfile.TemporaryDirectory(prefix="firstbatch-reports-")
        self._scratch = Path(self._scratch_dir.name)
        self._current: Path | None = None
        self._buffer: QBuffer | None = None
        self._progress: QProgressDialog | None = None
        self._subject: tuple[str, str, str] | None = None  # kind, id, label
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("report_type_combo")
        self.type_combo.addItem(self.tr("案卷（按档案）"), CASE)
        self.type_combo.addItem(self.tr("案卷（按企业）"), ENTERPRISE)
        self.type_combo.addItem(self.tr("走访记录表"), VISIT)
        self.type_combo.addItem(self.tr("定期汇总"), SUMMARY)
        self.subject_combo = QComboBox(self)
        self.subject_combo.setObjectName("report_subject_combo")
        self.subject_combo.setEditable(True)
        self.subject_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.subject_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.subject_label = QLabel(self)
        self.subject_label.setWordWrap(True)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("report_period_combo")
        for key, text in (
            ("month", self.tr("本月")),
            ("last_month", self.tr("上月")),
            ("quarter", self.tr("本季度")),
            ("year", self.tr("本年")),
            ("custom", self.tr("自定义")),
        ):
            self.period_combo.addItem(text, key)
        self.from_edit = QDateEdit(self)
        self.to_edit = QDateEdit(self)
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.division_combo = QComboBox(self)
        self.division_combo.setObjectName("report_division_combo")
        self.division_combo.addItem(self.tr("全市"), None)
        for division in ctx.services.reference.list_divisions():
            self.division_combo.addItem(division.name, division.code)
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(7, 1000)
        self.idle_spin.setValue(90)
        self.redact_check = QCheckBox(self.tr("隐去姓名和电话"), self)
        self.redact_check.setObjectName("report_redact_check")
        self.photos_check = QCheckBox(self.tr("附照片"), self)
        self.register_check = QCheckBox(self.tr("附走访明细"), self)
        self.register_check.setObjectName("report_register_check")
        self.register_check.setChecked(True)
        self.generate_button = QPushButton(self.tr("生成并预览"), self)
        self.generate_button.setObjectName("report_generate_button")
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setObjectName("report_print_button")
        self.save_button = QPushButton(self.tr("另存为…"), self)
        self.save_button.setObjectName("report_save_button")
        self.batch_button = QPushButton(self.tr("按区县批量导出案卷…"), self)
        self.batch_button.setObjectName("report_batch_button")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("report_status_label")
        self.status_label.setWordWrap(True)
        # The preview draws pages itself, on the GUI thread, from a document read from
        # memory; QPdfView's own background rendering crashed now and then on close.
        self.document = QPdfDocument(self)
        self.preview = QScrollArea(self)
        self.preview.setObjectName("report_preview")
        self.preview.setWidgetResizable(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._pages_widget = QWidget(self.preview)
        self._pages_layout = QVBoxLayout(self._pages_widget)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview.setWidget(self._pages_widget)
        self._layout()
        self._connect()
        self._on_type_changed()
        self._on_period_changed()
        self._update_buttons()

    # -- building -----------------------------------------------------------------

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("报表"), self.type_combo)
        form.addRow(self.tr("对象"), self.subject_combo)
        form.addRow("", self.subject_label)
        form.addRow(self.tr("期间"), self.period_combo)
        form.addRow(self.tr("起"), self.from_edit)
        form.addRow(self.tr("止"), self.to_edit)
        form.addRow(self.tr("区县"), self.division_combo)
        form.addRow(self.tr("未走访天数"), self.idle_spin)
        form.addRow("", self.redact_check)
        form.addRow("", self.photos_check)
        form.addRow("", self.register_check)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.addLayout(form)
        column.addWidget(self.generate_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        column.addWidget(self.batch_button)
        column.addWidget(self.status_label)
        column.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    def _connect(self) -> None:
        self.type_combo.currentIndexChanged.connect(lambda _i: self._on_type_changed())
        self.period_combo.currentIndexChanged.connect(lambda _i: self._on_period_changed())
        self.generate_button.clicked.connect(self.generate)
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_report)
        self.batch_button.clicked.connect(self.batch_export)

    def _on_type_changed(self) -> None:
        kind = self.type_combo.currentData()
        summary = kind == SUMMARY
        for widget in (self.period_combo, self.from_edit, self.to_edit, self.idle_spin):
            widget.setEnabled(summary)
        self.division_combo.setEnabled(True)  # the summary's scope, and the batch's division
        self.register_check.setEnabled(summary)
        self.redact_check.setEnabled(kind in (CASE, ENTERPRISE))
        self.photos_check.setEnabled(kind in (CASE, ENTERPRISE))
        self.subject_combo.setEnabled(kind in (CASE, ENTERPRISE))
        self.subject_combo.clear()
        if kind == CASE:
            for row in self.ctx.services.cases.list_cases(CaseFilter(), limit=100_000):
                self.subject_combo.addItem(
                    f"{row.case_no}  {row.enterprise_name}  {row.product_name}", str(row.id)
                )
        elif kind == ENTERPRISE:
            for row in self.ctx.services.enterprises.list_enterprises(limit=100_000):
                self.subject_combo.addItem(row.name, str(row.id))
        if self._subject and self._subject[0] == kind:
            index = self.subject_combo.findData(self._subject[1])
            self.subject_combo.setCurrentIndex(index)
        self.subject_label.setText(
            self.tr("在“走访记录”页选中一条走访，点“打印走访记录表”。")
            if kind == VISIT and not (self._subject and self._subject[0] == VISIT)
            else (self._subject[2] if self._subject and self._subject[0] == kind else "")
        )

    def _on_period_changed(self) -> None:
        kind = self.period_combo.currentData()
        custom = kind == "custom"
        self.from_edit.setEnabled(custom and self.type_combo.currentData() == SUMMARY)
        self.to_edit.setEnabled(custom and self.type_combo.currentData() == SUMMARY)
        if not custom:
            start, end = period_bounds(kind, date.today())
            self.from_edit.setDate(QDate(start.year, start.month, start.day))
            self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def _update_buttons(self) -> None:
        ready = self._current is not None and self._current.exists()
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- choosing a subject from other pages ---------------------------------------

    def choose(self, kind: str, ident: str, label: str) -> None:
        """Preselect a case, enterprise or visit (from a button on another page)."""
        self._subject = (kind, ident, label)
        index = self.type_combo.findData(kind)
        if index == self.type_combo.currentIndex():
            self._on_type_changed()  # the signal below would not fire
        else:
            self.type_combo.setCurrentIndex(index)

    # -- generating ----------------------------------------------------------------

    def _job(self) -> tuple[str, Any] | None:
        kind = self.type_combo.currentData()
        reports = self.ctx.services.reports
        target = self._scratch / f"{uuid.uuid4().hex}.pdf"
        if kind in (CASE, ENTERPRISE):
            chosen = self.subject_combo.currentData()
            if not chosen:
                self.ctx.prompts.info(self, self.tr("报表"), self.tr("请先选择对象。"))
                return None
            ident = uuid.UUID(chosen)
            options = {
                "redact": self.redact_check.isChecked(),
                "embed_photos": self.photos_check.isChecked(),
            }
            if kind == CASE:
                return str(target), lambda _p, _c: reports.write_case_file(ident, target, **options)
            return str(target), lambda _p, _c: reports.write_enterprise_file(
                ident, target, **options
            )
        if kind == VISIT:
            if not (self._subject and self._subject[0] == VISIT):
                self.ctx.prompts.info(self, self.tr("报表"), self.subject_label.text())
                return None
            visit_id = uuid.UUID(self._subject[1])
            return str(target), lambda _p, _c: reports.write_visit_sheet(visit_id, target)
        start = self.from_edit.date().toPython()
        end = self.to_edit.date().toPython()
        division = self.division_combo.currentData()
        register = self.register_check.isChecked()
        return str(target), lambda progress, cancelled: reports.write_summary(
            start,
            end,
            target,
            division_code=division,
            progress=progress,
            cancelled=cancelled,
            include_register=register,
        )

    def generate(self) -> None:
        job = self._job()
        if job is None:
            return
        target, work = job
        self._run_with_progress(
            self.tr("正在生成报表……"),
            work,
            lambda pages: self._show(Path(target), pages),
        )

    def _run_with_progress(self, text: str, work: Any, done: Any) -> None:
        """Run ``work(progress, cancelled)`` with a progress dialog and a cancel button.

        The work runs on the GUI thread and keeps the window alive by handling
        events at every progress step (each section, each 200-row chunk, each
        file of a batch). Building PDFs on a worker thread crashed the Python
        interpreter now and then (a fault inside libpython with PySide6 6.11),
        so reports stay on this thread.
        """
        cancel = threading.Event()
        dialog = self._progress_dialog(text)
        dialog.canceled.connect(cancel.set)
        self.generate_button.setEnabled(False)
        self.batch_button.setEnabled(False)
        dialog.show()
        QApplication.processEvents()

        def progress(done_count: int, total: int) -> None:
            if total:
                dialog.setMaximum(total)
                dialog.setValue(min(done_count, total - 1))
            QApplication.processEvents()

        try:
            result = work(progress, cancel.is_set)
        except FirstBatchError as exc:
            self.status_label.setText(exc.message(self.ctx.message_language))
        except Exception as exc:
            self.status_label.setText(self.tr("生成失败：") + str(exc))
            raise
        else:
            done(result)
        finally:
            dialog.canceled.disconnect()
            dialog.reset()
            self.generate_button.setEnabled(True)
            self.batch_button.setEnabled(True)

    def _progress_dialog(self, text: str) -> QProgressDialog:
        """One progress dialog for the page, reused (never deleted while work may run)."""
        if self._progress is None:
            self._progress = QProgressDialog(self)
            self._progress.setObjectName("report_progress")
            self._progress.setWindowModality(Qt.WindowModality.WindowModal)
            self._progress.setMinimumDuration(0)
            self._progress.setCancelButtonText(self.tr("取消"))
            self._progress.reset()
        self._progress.setLabelText(text)
        self._progress.setRange(0, 0)
        self._progress.setValue(0)
        return self._progress

    def _show(self, path: Path, pages: int) -> None:
        # The preview reads from memory: the PDF engine never maps a file that the
        # scratch folder's clean-up could delete under it.
        self.document.close()
        self._current = path
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(path.read_bytes()))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)
        self._draw_preview()
        self.status_label.setText(self.tr("已生成，共 %1 页。").replace("%1", str(pages)))
        self._update_buttons()
        self.report_ready.emit(str(path))

    PREVIEW_PAGES = 20
    PREVIEW_WIDTH = 820

    def _draw_preview(self) -> None:
        """Pictures of the first pages (all of them up to PREVIEW_PAGES)."""
        while self._pages_layout.count():
            item = self._pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        count = self.document.pageCount()
        for page in range(min(count, self.PREVIEW_PAGES)):
            points = self.document.pagePointSize(page)
            height = int(self.PREVIEW_WIDTH * points.height() / max(points.width(), 1))
            image = self.document.render(page, QSize(self.PREVIEW_WIDTH, height))
            label = QLabel(self._pages_widget)
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #bbb; background: white;")
            self._pages_layout.addWidget(label)
        if count > self.PREVIEW_PAGES:
            more = QLabel(
                self.tr("预览显示前 %1 页，共 %2 页；打印和另存为包含全部页。")
                .replace("%1", str(self.PREVIEW_PAGES))
                .replace("%2", str(count)),
                self._pages_widget,
            )
            self._pages_layout.addWidget(more)

    # -- saving and printing -----------------------------------------------------------

    def save_as(self) -> None:
        if self._current is None:
            return
        suggested = Path.home() / f"{self.type_combo.currentText()}-{date.today():%Y%m%d}.pdf"
        target = self.ctx.prompts.choose_save_path(
            self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self._current, target)
        except OSError as exc:
            self.ctx.prompts.error(self, self.tr("无法保存：") + (exc.strerror or str(exc)))
            return
        self.status_label.setText(self.tr("已保存到 ") + str(target))

    def print_report(self, printer: QPrinter | None = None) -> bool:
        """Print every page through the system print dialog (or to ``printer`` as set up)."""
        if self._current is None or self.document.pageCount() == 0:
            return False
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.ctx.prompts.print_setup(self, printer):
            return False
        painter = QPainter()
        if not painter.begin(printer):
            self.ctx.prompts.error(self, self.tr("无法打开打印机。"))
            return False
        first, last = 0, self.document.pageCount() - 1
        if printer.fromPage() > 0:  # a range chosen in the print dialog (1-based)
            first = printer.fromPage() - 1
            last = min(last, printer.toPage() - 1)
        try:
            for page in range(first, last + 1):
                if page > first:
                    printer.newPage()
                area = printer.pageRect(QPrinter.Unit.DevicePixel)
                # Render at no more than 300 dpi and keep the page's proportions.
                points = self.document.pagePointSize(page)
                scale = min(area.width() / points.width(), area.height() / points.height())
                dpi_cap = min(1.0, 300 / max(printer.resolution(), 1))
                size = QSize(
                    int(points.width() * scale * dpi_cap), int(points.height() * scale * dpi_cap)
                )
                image = self.document.render(page, size)
                target = QRectF(0, 0, points.width() * scale, points.height() * scale)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.status_label.setText(self.tr("已发送到打印机。"))
        return True

    def batch_export(self) -> None:
        division = self.division_combo.currentData()
        if division is None:
            self.ctx.prompts.info(self, self.tr("批量导出"), self.tr("请先选择一个区县。"))
            return
        folder = self.ctx.prompts.choose_folder(self, self.tr("选择保存案卷的文件夹"))
        if folder is None:
            return
        reports = self.ctx.services.reports
        redact, photos = self.redact_check.isChecked(), self.photos_check.isChecked()
        self._run_with_progress(
            self.tr("正在导出案卷……"),
            lambda progress, cancelled: reports.batch_case_files(
                division,
                folder,
                progress=progress,
                cancelled=cancelled,
                redact=redact,
                embed_photos=photos,
            ),
            lambda paths: self.status_label.setText(
                self.tr("已导出 %1 份案卷到 ").replace("%1", str(len(paths))) + str(folder)
            ),
        )
