"""Settings: language, bureau name, officer name and the follow-up cadence."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.settings import Settings
from firstbatch_desk.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        fonts: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("设置"))
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("language_combo")
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.bureau_edit = QLineEdit(settings.bureau_name, self)
        self.officer_edit = QLineEdit(settings.officer_name, self)
        self.first_visit_spin = self._spin(settings.first_visit_days, 1, 365)
        self.first_year_spin = self._spin(settings.first_year_interval_months, 1, 24)
        self.later_spin = self._spin(settings.later_interval_months, 1, 36)
        self.expiry_spin = self._spin(settings.expiry_warning_days, 1, 365)
        self.font_combo = QComboBox(self)
        self.font_combo.setObjectName("report_font_combo")
        for label, path in fonts or [(self.tr("随程序提供的字体"), "")]:
            self.font_combo.addItem(label, path)
        index = self.font_combo.findData(settings.report_font)
        if index < 0 and settings.report_font:
            self.font_combo.addItem(settings.report_font, settings.report_font)
            index = self.font_combo.count() - 1
        self.font_combo.setCurrentIndex(max(0, index))
        form = QFormLayout()
        form.addRow(self.tr("界面语言（重启后生效）"), self.language_combo)
        form.addRow(self.tr("单位名称（报表抬头）"), self.bureau_edit)
        form.addRow(self.tr("本机使用人"), self.officer_edit)
        form.addRow(self.tr("认定后首次走访（天）"), self.first_visit_spin)
        form.addRow(self.tr("第一年走访间隔（月）"), self.first_year_spin)
        form.addRow(self.tr("此后走访间隔（月）"), self.later_spin)
        form.addRow(self.tr("认定到期提醒（天）"), self.expiry_spin)
        form.addRow(self.tr("报表字体（重启后生效）"), self.font_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _spin(self, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        return spin

    def apply(self, settings: Settings) -> None:
        settings.language = str(self.language_combo.currentData())
        settings.bureau_name = self.bureau_edit.text().strip() or settings.bureau_name
        settings.officer_name = self.officer_edit.text().strip()
        settings.first_visit_days = self.first_visit_spin.value()
        settings.first_year_interval_months = self.first_year_spin.value()
        settings.later_interval_months = self.later_spin.value()
        settings.expiry_warning_days = self.expiry_spin.value()
        settings.report_font = str(self.font_combo.currentData() or "")
