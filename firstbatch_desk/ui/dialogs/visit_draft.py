"""Keeping the visit form as a draft: what it holds, writing it, putting it back."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate

from firstbatch_desk.domain.dtos.drafts import (
    need_from_json,
    need_to_json,
    stored_file_from_json,
    stored_file_to_json,
)
from firstbatch_desk.domain.dtos.followup import AttendeeInput
from firstbatch_desk.domain.errors import FirstBatchError

# A draft is written this long after a change (a write costs under 1 ms): bursts of
# changes are written once, and a killed process loses at most the last instant.
DRAFT_DELAY_MS = 50
NEW_KIND = "visit_new"
EDIT_KIND = "visit_edit"


def new_draft_key() -> str:
    return f"visit-new:{uuid.uuid4()}"


def edit_draft_key(visit_id: uuid.UUID) -> str:
    return f"visit-edit:{visit_id}"


class VisitDraftMixin:
    """The visit form's draft; mixed into :class:`VisitDialog`, whose widgets it reads.

    Its texts are translated in the VisitDialog context (``self.tr`` would look them up
    under the class that runs, not under this one).
    """

    def _changed(self, *_args: Any) -> None:
        if self._loading:
            return
        self._dirty = True
        self._timer.start()

    def state(self) -> dict[str, Any]:
        """Everything typed, as plain values (what a draft keeps)."""
        return {
            "visit_id": str(self.visit.row.id) if self.visit is not None else None,
            "enterprise_id": self.enterprise_combo.currentData(),
            "case_ids": self.cases_list.checked_ids(),
            "visit_date": self.date_edit.date().toString("yyyy-MM-dd"),
            "method": self.method_combo.currentData(),
            "officer_ids": self.officers_list.checked_ids(),
            "attendees": [[a.name, a.title] for a in self.attendees.attendees()],
            "texts": {name: edit.toPlainText() for name, edit in self.texts.items()},
            "new_users_count": self.new_users_spin.value(),
            "contract_value": self.contract_edit.text(),
            "quantity": self.quantity_edit.text(),
            "quantity_unit": self.unit_edit.text(),
            "next_visit_on": self.next_edit.text(),
            "next_typed": self._next_typed,
            "signed": self.signed_check.isChecked(),
            "new_needs": [need_to_json(n) for n in self.needs.needs()],
            "attachments": [stored_file_to_json(f) for f in self.attachments.files()],
        }

    def load_state(self, state: Mapping[str, Any]) -> None:
        """Put a draft back into the form (unknown or stale parts are skipped)."""
        self._loading = True
        try:
            enterprise = state.get("enterprise_id")
            if enterprise and self.enterprise_combo.isEnabled():
                self.enterprise_combo.setCurrentIndex(self.enterprise_combo.findData(enterprise))
            self._fill_cases(self.enterprise_id(), tuple(state.get("case_ids") or ()))
            when = QDate.fromString(str(state.get("visit_date", "")), "yyyy-MM-dd")
            if when.isValid():
                self.date_edit.setDate(when)
            index = self.method_combo.findData(state.get("method"))
            if index >= 0:
                self.method_combo.setCurrentIndex(index)
            self.officers_list.set_checked(state.get("officer_ids") or ())
            self.attendees.set_attendees(
                AttendeeInput(name=str(p[0]), title=str(p[1]))
                for p in state.get("attendees") or ()
                if isinstance(p, list | tuple) and len(p) == 2
            )
            for name, text in (state.get("texts") or {}).items():
                if name in self.texts:
                    self.texts[name].setPlainText(str(text))
            self.new_users_spin.setValue(int(state.get("new_users_count") or 0))
            self.contract_edit.setText(str(state.get("contract_value") or ""))
            self.quantity_edit.setText(str(state.get("quantity") or ""))
            self.unit_edit.setText(str(state.get("quantity_unit") or ""))
            self._next_typed = bool(state.get("next_typed"))
            self.next_edit.setText(str(state.get("next_visit_on") or ""))
            self.signed_check.setChecked(bool(state.get("signed")))
            needs = (need_from_json(n) for n in state.get("new_needs") or ())
            self.needs.set_needs(n for n in needs if n is not None)
            files = (stored_file_from_json(f) for f in state.get("attachments") or ())
            self.attachments.set_files(f for f in files if f is not None)
        finally:
            self._loading = False
        self._propose_next()
        self._dirty = False

    def flush_draft(self) -> None:
        """Write the draft now if anything changed since it was last written."""
        self._timer.stop()
        if not self._dirty:
            return
        enterprise = self.enterprise_combo.currentText()
        title = f"{enterprise} {self.date_edit.date().toString('yyyy-MM-dd')}".strip()
        try:
            self.ctx.services.drafts.save_draft(
                self.draft_key,
                EDIT_KIND if self.visit is not None else NEW_KIND,
                self.state(),
                subject_id=self.enterprise_combo.currentData() or "",
                title=title,
            )
        except FirstBatchError as exc:
            self.draft_label.setStyleSheet("color: #c0392b;")
            self.draft_label.setText(
                QCoreApplication.translate("VisitDialog", "草稿未能保存：%1").replace(
                    "%1", exc.message(self.ctx.message_language)
                )
            )
            return
        self._dirty = False
        self.draft_label.setStyleSheet("color: #555;")
        self.draft_label.setText(
            QCoreApplication.translate(
                "VisitDialog", "草稿已自动保存（%1）；关闭后下次打开可以恢复。"
            ).replace("%1", datetime.now().strftime("%H:%M:%S"))
        )

    def discard_draft(self) -> None:
        if not self.ctx.prompts.confirm(
            self,
            QCoreApplication.translate("VisitDialog", "丢弃草稿"),
            QCoreApplication.translate("VisitDialog", "丢弃这份草稿？已填写的内容将不再保留。"),
        ):
            return
        self._timer.stop()
        self._dirty = False
        self.ctx.services.drafts.discard_draft(self.draft_key)
        super().reject()

    def reject(self) -> None:
        self.flush_draft()
        super().reject()
