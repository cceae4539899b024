"""Attachments of a form: thumbnails, drag and drop, a file dialog, open and remove.

Files are put into the attachment store as soon as they are added (so a draft can
name them by hash); the rows that link them are written when the form is saved.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.attachments import AttachmentRow, StoredFile
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.detail_view import esc, human_size
from firstbatch_desk.ui.widgets.field_error import FieldError

THUMB = 96


class AttachmentPanel(QWidget):
    """The files of one form; ``files()`` is what the form saves."""

    changed = Signal()

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("attachment_panel")
        self.setAcceptDrops(True)
        self._files: list[StoredFile] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachment_list")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setAcceptDrops(False)
        self.list.setDragDropMode(QListWidget.DragDropMode.NoDragDrop)
        self.list.setMinimumHeight(THUMB + 56)
        self.list.setMaximumHeight(THUMB + 64)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("添加附件…"), self)
        self.add_button.setObjectName("add_attachment_button")
        self.add_button.setToolTip(self.tr("也可以把照片或文件拖到这里"))
        self.add_button.clicked.connect(self.choose_files)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("open_attachment_button")
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setObjectName("remove_attachment_button")
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = FieldError(self)
        self.error.setObjectName("attachment_error")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._update_buttons()

    # -- the files ---------------------------------------------------------

    def files(self) -> tuple[StoredFile, ...]:
        return tuple(self._files)

    def set_files(self, files: Iterable[StoredFile]) -> None:
        self._files = []
        self.list.clear()
        for file in files:
            self._append(file)
        self._update_buttons()

    def add_paths(self, paths: Sequence[Path]) -> int:
        """Store each file and show it; each refusal is explained. Returns how many were added."""
        problems: list[str] = []
        added = 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    stored = self.ctx.services.attachments.ingest(path)
                except FirstBatchError as exc:
                    problems.append(exc.message(self.ctx.message_language))
                    continue
                if any(f.sha256 == stored.sha256 for f in self._files):
                    continue
                self._append(stored)
                added += 1
        finally:
            QApplication.restoreOverrideCursor()
        self.error.show_message("<br>".join(esc(p) for p in problems))
        if added:
            self._update_buttons()
            self.changed.emit()
        return added

    def choose_files(self) -> None:
        paths = self.ctx.prompts.choose_open_files(
            self,
            self.tr("添加附件"),
            self.tr("照片和文件 (*.jpg *.jpeg *.png *.webp *.pdf *.docx *.xlsx);;所有文件 (*)"),
        )
        if paths:
            self.add_paths(paths)

    def remove_selected(self) -> None:
        rows = sorted((self.list.row(i) for i in self.list.selectedItems()), reverse=True)
        for row in rows:
            self.list.takeItem(row)
            del self._files[row]
        if rows:
            self._update_buttons()
            self.changed.emit()

    def open_selected(self) -> None:
        items = self.list.selectedItems()
        if not items:
            return
        problem = open_attachment(self.ctx, self._files[self.list.row(items[0])])
        self.error.show_message(esc(problem) if problem else "")

    # -- drag and drop -----------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_files(event.mimeData().urls())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_paths(paths)

    # -- helpers -----------------------------------------------------------

    def _append(self, file: StoredFile) -> None:
        self._files.append(file)
        item = QListWidgetItem(self._icon(file), f"{file.original_name}\n{human_size(file.size)}")
        item.setToolTip(file.caption or file.original_name)
        self.list.addItem(item)

    def _icon(self, file: StoredFile) -> QIcon:
        path = self.ctx.services.attachments.store.path_of(file.sha256)
        if path is not None and file.media_type.startswith("image/"):
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _update_buttons(self) -> None:
        selected = bool(self.list.selectedItems())
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)


def open_attachment(ctx: PageContext, file: StoredFile | AttachmentRow) -> str | None:
    """Open a stored file with the system's viewer; a message when that cannot be done.

    The store names files by hash; the viewer needs the name (and its extension), so
    a copy under the original name is opened from the temporary folder.
    """
    source = ctx.services.attachments.store.path_of(file.sha256)
    if source is None:
        return QCoreApplication.translate(
            "AttachmentPanel", "附件的文件已不在附件文件夹中，无法打开。"
        )
    folder = Path(tempfile.gettempdir()) / "FirstBatchDesk-open" / file.sha256[:16]
    target = folder / file.original_name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(source, target)
    except OSError as exc:
        return QCoreApplication.translate("AttachmentPanel", "无法准备附件：%1").replace(
            "%1", exc.strerror or str(exc)
        )
    if not ctx.open_file(target):
        return QCoreApplication.translate("AttachmentPanel", "没有可以打开此类文件的程序。")
    return None


def _local_files(urls: Iterable[object]) -> list[Path]:
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]  # type: ignore[attr-defined]
    return [p for p in paths if str(p)]
