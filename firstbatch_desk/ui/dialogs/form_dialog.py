"""A form dialog that shows each service error next to the field it names."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.errors import FirstBatchError, ValidationError
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.field_error import FieldError


def save_cancel_buttons(dialog: QDialog, on_save: Callable[[], None]) -> QDialogButtonBox:
    """保存 and 取消 (the save button named "save_button"); 取消 rejects the dialog."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(QCoreApplication.translate("FormDialog", "保存"))
    save.setObjectName("save_button")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("FormDialog", "取消")
    )
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


class FormDialog(QDialog):
    """Rows of (label, widget, error); ``save()`` is given by subclasses."""

    def __init__(
        self,
        ctx: PageContext,
        title: str,
        parent: QWidget | None = None,
        *,
        scrollable: bool = False,
    ) -> None:
        """``scrollable`` puts the rows in a scroll area, for long forms."""
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors: dict[str, FieldError] = {}
        self.general_error = FieldError(self)
        self.general_error.setObjectName("general_error")
        self.buttons = save_cancel_buttons(self, self._on_save)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self._on_save)
        layout = QVBoxLayout(self)
        if scrollable:
            holder = QWidget(self)
            holder.setLayout(self.form)
            self.scroll_area = QScrollArea(self)
            self.scroll_area.setWidgetResizable(True)
            self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
            self.scroll_area.setWidget(holder)
            layout.addWidget(self.scroll_area)
        else:
            layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.result_value: object = None

    def add_row(self, field: str, label: str, widget: QWidget, required: bool = False) -> None:
        error = FieldError(self)
        error.setObjectName(f"{field}_error")
        self.errors[field] = error
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        caption = QLabel(label + (" *" if required else ""), self)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.addRow(caption, holder)

    def add_section(self, title: str) -> None:
        """A bold heading across the form, starting a group of rows."""
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setContentsMargins(0, 10, 0, 2)
        self.form.addRow(heading)

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.clear_message()

    def show_error(self, exc: FirstBatchError, extra_html: str = "") -> None:
        field = getattr(exc, "field", None) if isinstance(exc, ValidationError) else None
        target = self._error_label_for(field)
        target.show_plain(exc.message(self.ctx.message_language), extra_html)
        area = getattr(self, "scroll_area", None)
        if area is not None and target is not self.general_error:
            QTimer.singleShot(0, lambda: area.ensureWidgetVisible(target, 50, 80))

    def _error_label_for(self, field: str | None) -> FieldError:
        if field:
            if field in self.errors:
                return self.errors[field]
            root = field.split("[", 1)[0].split(".", 1)[0]
            if root in self.errors:
                return self.errors[root]
        return self.general_error

    def has_visible_errors(self) -> bool:
        return any(e.isVisible() for e in self.errors.values())

    def save(self) -> object:
        raise NotImplementedError

    def _on_save(self) -> None:
        self.general_error.clear_message()
        if self.has_visible_errors() and not self.revalidate():
            return
        self.clear_errors()
        try:
            self.result_value = self.save()
        except FirstBatchError as exc:
            self.show_error(exc)
            return
        self.accept()

    def revalidate(self) -> bool:
        """Check fields again before saving; True when all are fine."""
        self.clear_errors()
        return True
