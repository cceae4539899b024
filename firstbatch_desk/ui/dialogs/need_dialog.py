"""Raise or edit a need (问题诉求); or, for a visit not saved yet, only collect it."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from firstbatch_desk.domain.dtos.filters import CaseFilter
from firstbatch_desk.domain.dtos.followup import NeedDetail, NeedInput
from firstbatch_desk.domain.enums import (
    Complexity,
    LabelledEnum,
    NeedCategory,
    NeedChannel,
    NeedStatus,
    Urgency,
)
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.validation import check_date, clean_text
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.page_context import PageContext

TITLE_LIMIT = 120
DESCRIPTION_LIMIT = 20_000
# Before 交办 the lead department is only a proposal; afterwards 改派 changes it.
LEAD_EDITABLE = (NeedStatus.PENDING, NeedStatus.ACCEPTED)


class NeedDialog(FormDialog):
    """``NeedDialog(ctx, enterprise_id, need, parent, deferred=False, initial=None)``.

    - new need: ``need=None``; without ``enterprise_id`` the officer picks the
      enterprise (type to find it);
    - edit: ``need`` is the NeedDetail (its enterprise is kept);
    - ``deferred=True``: nothing is written; after acceptance ``result_input()``
      gives the checked NeedInput (a visit form saves it with the visit);
      ``initial`` fills the form from a NeedInput collected before.

    Otherwise ``result_value`` is the saved NeedDetail.
    """

    def __init__(
        self,
        ctx: PageContext,
        enterprise_id: uuid.UUID | None = None,
        need: NeedDetail | None = None,
        parent: QWidget | None = None,
        *,
        deferred: bool = False,
        initial: NeedInput | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("编辑问题诉求") if need else self.tr("新增问题诉求"), parent)
        self.setObjectName("need_dialog")
        self.need = need
        self.deferred = deferred
        if need is not None:
            enterprise_id = need.row.enterprise_id
        elif initial is not None:
            enterprise_id = initial.enterprise_id
        self.enterprise_id = enterprise_id
        self.enterprise_combo: QComboBox | None = None
        self.enterprise_label: QLabel | None = None
        self._build_widgets()
        self._build_rows()
        self._connect()
        self._fill_cases()
        if need is not None:
            self._load_detail(need)
        elif initial is not None:
            self._load_input(initial)
        self._on_lead_changed()
        self.resize(600, 640)

    # -- building -----------------------------------------------------------------

    def _build_widgets(self) -> None:
        lang = self.ctx.language
        if self.enterprise_id is None:
            self.enterprise_combo = self._enterprise_picker()
        else:
            name = self.need.row.enterprise_name if self.need else self._enterprise_name()
            self.enterprise_label = QLabel(name, self)
            self.enterprise_label.setTextFormat(Qt.TextFormat.PlainText)
            self.enterprise_label.setObjectName("enterprise_label")
        self.case_combo = QComboBox(self)
        self.case_combo.setObjectName("case_combo")
        self.category_combo = self._enum_combo("category_combo", NeedCategory, lang)
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title_edit")
        self.title_edit.setPlaceholderText(
            self.tr("一句话写明企业要解决什么，如：流动资金贷款对接")
        )
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setObjectName("description_edit")
        self.channel_combo = self._enum_combo("channel_combo", NeedChannel, lang)
        self.urgency_combo = self._enum_combo("urgency_combo", Urgency, lang)
        self.simple_radio = QRadioButton(enum_label(Complexity.SIMPLE, lang), self)
        self.simple_radio.setObjectName("simple_radio")
        self.complex_radio = QRadioButton(enum_label(Complexity.COMPLEX, lang), self)
        self.complex_radio.setObjectName("complex_radio")
        self.complex_radio.setChecked(True)
        self.complexity_group = QButtonGroup(self)
        self.complexity_group.addButton(self.simple_radio)
        self.complexity_group.addButton(self.complex_radio)
        self.raised_edit = QLineEdit(date.today().isoformat(), self)
        self.raised_edit.setObjectName("raised_edit")
        self.raised_edit.setPlaceholderText(self.tr("默认今天"))
        self.lead_combo = QComboBox(self)
        self.lead_combo.setObjectName("lead_combo")
        self.lead_combo.addItem(self.tr("（暂不指定）"), None)
        self.supporting_list = QListWidget(self)
        self.supporting_list.setObjectName("supporting_list")
        self.supporting_list.setFlow(QListView.Flow.LeftToRight)
        self.supporting_list.setWrapping(True)
        self.supporting_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.supporting_list.setSpacing(2)
        self.supporting_list.setFixedHeight(84)  # three lines of names; scrolls beyond
        for department in self.ctx.services.reference.list_departments():
            self.lead_combo.addItem(department.name, str(department.id))
            item = QListWidgetItem(department.short_name or department.name)
            item.setToolTip(department.name)
            item.setData(Qt.ItemDataRole.UserRole, str(department.id))
            item.setCheckState(Qt.CheckState.Unchecked)
            self.supporting_list.addItem(item)

    def _build_rows(self) -> None:
        enterprise = self.enterprise_combo or self.enterprise_label
        assert enterprise is not None
        self.add_row("enterprise_id", self.tr("企业"), enterprise, required=True)
        self.add_row("case_id", self.tr("跟踪档案"), self.case_combo)
        self.add_row("category", self.tr("诉求类别"), self.category_combo, required=True)
        self.add_row("title", self.tr("诉求事项"), self.title_edit, required=True)
        self.add_row("description", self.tr("诉求内容"), self.description_edit)
        self.add_row("channel", self.tr("来源渠道"), self.channel_combo)
        self.add_row("urgency", self.tr("紧急程度"), self.urgency_combo)
        complexity = QWidget(self)
        column = QVBoxLayout(complexity)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.simple_radio)
        row.addWidget(self.complex_radio)
        row.addStretch(1)
        column.addLayout(row)
        hint = QLabel(
            self.tr("受理后，简单事项 1 个工作日内答复，复杂事项 3 个工作日内答复。"), self
        )
        hint.setObjectName("complexity_hint")
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.add_row("complexity", self.tr("复杂程度"), complexity)
        self.add_row("raised_on", self.tr("提出日期"), self.raised_edit)
        self.add_row("lead_department_id", self.tr("主办部门"), self.lead_combo)
        self.add_row("supporting_department_ids", self.tr("协办部门"), self.supporting_list)

    def _connect(self) -> None:
        self.title_edit.textChanged.connect(lambda _t: self._check("title"))
        self.description_edit.textChanged.connect(lambda: self._check("description"))
        self.raised_edit.textChanged.connect(lambda _t: self._check("raised_on"))
        self.lead_combo.currentIndexChanged.connect(lambda _i: self._on_lead_changed())
        if self.enterprise_combo is not None:
            self.enterprise_combo.currentIndexChanged.connect(lambda _i: self._fill_cases())

    def _enterprise_picker(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName("enterprise_combo")
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        for enterprise in self.ctx.services.enterprises.list_enterprises(limit=100_000):
            combo.addItem(enterprise.name, str(enterprise.id))
        combo.setCurrentIndex(-1)
        return combo

    def _enum_combo(self, name: str, enum_cls: type[LabelledEnum], lang: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for member in enum_cls:
            combo.addItem(enum_label(member, lang), member.value)
        return combo

    def _enterprise_name(self) -> str:
        assert self.enterprise_id is not None
        return self.ctx.services.enterprises.get_enterprise(self.enterprise_id).name

    def _chosen_enterprise(self) -> uuid.UUID | None:
        if self.enterprise_combo is None:
            return self.enterprise_id
        chosen = self.enterprise_combo.currentData()
        return uuid.UUID(chosen) if chosen else None

    def _fill_cases(self) -> None:
        self.case_combo.clear()
        self.case_combo.addItem(self.tr("（不关联档案）"), None)
        enterprise_id = self._chosen_enterprise()
        if enterprise_id is None:
            return
        self.errors["enterprise_id"].clear_message()
        cases = self.ctx.services.cases.list_cases(CaseFilter(enterprise_id=enterprise_id))
        for case in cases:
            self.case_combo.addItem(f"{case.case_no} {case.product_name}", str(case.id))

    # -- loading ------------------------------------------------------------------

    def _load_detail(self, need: NeedDetail) -> None:
        row = need.row
        self._load_input(
            NeedInput(
                enterprise_id=row.enterprise_id,
                category=row.category,
                title=row.title,
                description=need.description,
                case_id=need.case_id,
                visit_id=need.visit_id,
                channel=need.channel,
                urgency=row.urgency,
                complexity=need.complexity,
                raised_on=row.raised_on,
                lead_department_id=need.lead_department_id,
                supporting_department_ids=need.supporting_department_ids,
            )
        )
        if row.status not in LEAD_EDITABLE:
            self.lead_combo.setEnabled(False)
            self.lead_combo.setToolTip(self.tr("已交办的诉求，主办部门由“交办/改派”确定。"))

    def _load_input(self, data: NeedInput) -> None:
        def choose(combo: QComboBox, value: object) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        choose(self.case_combo, str(data.case_id) if data.case_id else None)
        choose(self.category_combo, NeedCategory(data.category).value)
        choose(self.channel_combo, NeedChannel(data.channel).value)
        choose(self.urgency_combo, Urgency(data.urgency).value)
        self.simple_radio.setChecked(data.complexity == Complexity.SIMPLE)
        self.complex_radio.setChecked(data.complexity != Complexity.SIMPLE)
        self.title_edit.setText(data.title)
        self.description_edit.setPlainText(data.description)
        self.raised_edit.setText(str(data.raised_on or ""))
        lead = str(data.lead_department_id) if data.lead_department_id else None
        choose(self.lead_combo, lead)
        wanted = {str(d) for d in data.supporting_department_ids}
        for number in range(self.supporting_list.count()):
            item = self.supporting_list.item(number)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_lead_changed(self) -> None:
        """The lead department cannot also support: its box is cleared and disabled."""
        lead = self.lead_combo.currentData()
        for number in range(self.supporting_list.count()):
            item = self.supporting_list.item(number)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            if item.data(Qt.ItemDataRole.UserRole) == lead:
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setFlags(item.flags() & ~flags)
            else:
                item.setFlags(item.flags() | flags)

    # -- checking and saving ----------------------------------------------------

    def supporting_ids(self) -> tuple[uuid.UUID, ...]:
        items = (self.supporting_list.item(n) for n in range(self.supporting_list.count()))
        return tuple(
            uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    def _enterprise(self) -> uuid.UUID:
        enterprise_id = self._chosen_enterprise()
        if enterprise_id is None:
            raise ValidationError("field.required", field="enterprise_id", label=self.tr("企业"))
        return enterprise_id

    def _title(self) -> str:
        return clean_text(
            self.title_edit.text(),
            field="title",
            label=self.tr("诉求事项"),
            limit=TITLE_LIMIT,
            required=True,
        )

    def _description(self) -> str:
        return clean_text(
            self.description_edit.toPlainText(),
            field="description",
            label=self.tr("诉求内容"),
            limit=DESCRIPTION_LIMIT,
            multiline=True,
        )

    def _raised_on(self) -> date | None:
        return check_date(self.raised_edit.text(), field="raised_on", label=self.tr("提出日期"))

    def _check(self, field: str) -> bool:
        """Check one field as it is typed and say what is wrong next to it."""
        checks = {
            "enterprise_id": self._enterprise,
            "title": self._title,
            "description": self._description,
            "raised_on": self._raised_on,
        }
        try:
            checks[field]()
        except ValidationError as exc:
            self.errors[field].show_plain(exc.message(self.ctx.message_language))
            return False
        self.errors[field].clear_message()
        return True

    def revalidate(self) -> bool:
        super().revalidate()
        fields = ("enterprise_id", "title", "description", "raised_on")
        return all([self._check(field) for field in fields])

    def form_input(self) -> NeedInput:
        """The form as a NeedInput, checked as far as the form can (ValidationError if not)."""
        case = self.case_combo.currentData()
        lead = self.lead_combo.currentData()
        return NeedInput(
            enterprise_id=self._enterprise(),
            category=NeedCategory(self.category_combo.currentData()),
            title=self._title(),
            description=self._description(),
            case_id=uuid.UUID(case) if case else None,
            visit_id=self.need.visit_id if self.need else None,
            channel=NeedChannel(self.channel_combo.currentData()),
            urgency=Urgency(self.urgency_combo.currentData()),
            complexity=Complexity.SIMPLE if self.simple_radio.isChecked() else Complexity.COMPLEX,
            raised_on=self._raised_on(),
            lead_department_id=uuid.UUID(lead) if lead else None,
            supporting_department_ids=self.supporting_ids(),
        )

    def save(self) -> NeedDetail | NeedInput:
        data = self.form_input()
        if self.deferred:
            return data
        service = self.ctx.services.needs
        if self.need is None:
            return service.raise_need(data)
        return service.update_need(self.need.row.id, data)

    def result_input(self) -> NeedInput | None:
        """In deferred mode, the accepted NeedInput (None if cancelled or not deferred)."""
        value = self.result_value
        return value if isinstance(value, NeedInput) else None

    def result_detail(self) -> NeedDetail | None:
        """Otherwise, the need as saved (None if cancelled)."""
        value = self.result_value
        return value if isinstance(value, NeedDetail) else None
