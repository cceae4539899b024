"""Opening the visit form: offering a kept draft back before starting afresh."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from firstbatch_desk.domain.dtos.drafts import DraftRow
from firstbatch_desk.domain.errors import FirstBatchError
from firstbatch_desk.ui.dialogs.visit_dialog import VisitDialog
from firstbatch_desk.ui.dialogs.visit_draft import EDIT_KIND, NEW_KIND, edit_draft_key
from firstbatch_desk.ui.page_context import PageContext


def open_visit_form(
    ctx: PageContext,
    parent: QWidget | None,
    *,
    enterprise_id: uuid.UUID | None = None,
    case_ids: tuple[uuid.UUID, ...] = (),
    visit_id: uuid.UUID | None = None,
    resume: DraftRow | None = None,
) -> int:
    """Show the visit form; returns how many visits were saved from it.

    A draft of the same form (the same visit, or a new visit of the same
    enterprise) is offered back first; declining it discards it. ``resume``
    opens that draft without asking.
    """
    if resume is not None:
        subject = resume.payload.get("visit_id") or None
        visit_id = uuid.UUID(subject) if subject else None
        enterprise = resume.subject_id or None
        enterprise_id = uuid.UUID(enterprise) if enterprise and visit_id is None else None
    try:
        visit = ctx.services.visits.get_visit(visit_id) if visit_id is not None else None
        draft = resume or _kept_draft(ctx, enterprise_id, visit_id)
    except (FirstBatchError, ValueError) as exc:
        text = exc.message(ctx.message_language) if isinstance(exc, FirstBatchError) else str(exc)
        ctx.prompts.error(parent, text)
        return 0
    restore = resume is not None
    if draft is not None and resume is None:
        question = QCoreApplication.translate(
            "VisitOpening",
            "有一份 %1 保存的未完成草稿（%2）。\n恢复它继续填写？选“否”将丢弃该草稿。",
        )
        restore = ctx.prompts.confirm(
            parent,
            QCoreApplication.translate("VisitOpening", "恢复草稿"),
            question.replace("%1", draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")).replace(
                "%2", draft.title
            ),
        )
        if not restore:
            ctx.services.drafts.discard_draft(draft.key)
    dialog = VisitDialog(
        ctx,
        enterprise_id=enterprise_id,
        case_ids=case_ids,
        visit=visit,
        draft_key=draft.key if restore and draft is not None else None,
        parent=parent,
    )
    if restore and draft is not None:
        dialog.load_state(draft.payload)
        dialog.draft_label.setText(QCoreApplication.translate("VisitOpening", "已恢复草稿。"))
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    ctx.run_dialog(dialog)
    ctx.drafts_changed()
    return len(saved)


def _kept_draft(
    ctx: PageContext, enterprise_id: uuid.UUID | None, visit_id: uuid.UUID | None
) -> DraftRow | None:
    drafts = ctx.services.drafts
    if visit_id is not None:
        return drafts.get_draft(edit_draft_key(visit_id))
    subject = str(enterprise_id) if enterprise_id is not None else None
    found = drafts.find_drafts(NEW_KIND, subject)
    return found[0] if found else None


__all__ = ["EDIT_KIND", "NEW_KIND", "open_visit_form"]
