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

RESTORE, KEEP, DISCARD = 0, 1, 2  # the answers to "go on with the draft?"
DISCARD_EDIT = 1  # for a visit being edited: go on, or discard


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
    enterprise) is offered back first: go on with it (the default), start afresh
    keeping it, or discard it; 取消/Esc opens nothing. ``resume`` opens that draft
    without asking.
    """
    if resume is not None:
        subject = resume.payload.get("visit_id") or None
        visit_id = uuid.UUID(subject) if subject else None
        enterprise = resume.subject_id or None
        enterprise_id = uuid.UUID(enterprise) if enterprise and visit_id is None else None
    try:
        visit = ctx.services.visits.get_visit(visit_id) if visit_id is not None else None
        draft = resume or _kept_draft(ctx, enterprise_id, visit_id)
    except FirstBatchError as exc:  # e.g. the visit of an edit draft was deleted
        _offer_discard(ctx, parent, resume, exc)
        return 0
    restore = resume is not None
    if draft is not None and resume is None:
        question = QCoreApplication.translate(
            "VisitOpening", "有一份 %1 保存的未完成草稿（%2）。要接着填写它吗？"
        )
        answer = ctx.prompts.choose(
            parent,
            QCoreApplication.translate("VisitOpening", "未完成的草稿"),
            question.replace("%1", draft.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")).replace(
                "%2", draft.title
            ),
            _choices(editing=visit is not None),
        )
        if answer is None:
            return 0  # nothing opened, nothing lost
        restore = answer == RESTORE
        if answer == (DISCARD_EDIT if visit is not None else DISCARD):
            ctx.services.drafts.discard_draft(draft.key)
    try:
        dialog = VisitDialog(
            ctx,
            enterprise_id=enterprise_id,
            case_ids=case_ids,
            visit=visit,
            draft_key=draft.key if restore and draft is not None else None,
            parent=parent,
        )
    except FirstBatchError as exc:  # e.g. the draft's enterprise was deleted meanwhile
        _offer_discard(ctx, parent, draft if restore else None, exc)
        return 0
    if restore and draft is not None:
        dialog.load_state(draft.payload)
        dialog.draft_label.setText(QCoreApplication.translate("VisitOpening", "已恢复草稿。"))
    saved: list[object] = []
    dialog.saved.connect(saved.append)
    ctx.run_dialog(dialog)
    dialog.deleteLater()
    ctx.drafts_changed()
    return len(saved)


def _choices(*, editing: bool) -> list[str]:
    restore = QCoreApplication.translate("VisitOpening", "接着填写草稿")
    if editing:  # one draft per visit: a fresh form would write over it
        return [restore, QCoreApplication.translate("VisitOpening", "丢弃草稿，打开原记录")]
    return [
        restore,
        QCoreApplication.translate("VisitOpening", "新建（草稿保留）"),
        QCoreApplication.translate("VisitOpening", "丢弃草稿并新建"),
    ]


def _offer_discard(
    ctx: PageContext, parent: QWidget | None, draft: DraftRow | None, error: FirstBatchError
) -> None:
    text = error.message(ctx.message_language)
    if draft is None:
        ctx.prompts.error(parent, text)
        return
    question = QCoreApplication.translate("VisitOpening", "%1\n这份草稿已无法打开。丢弃它吗？")
    if ctx.prompts.confirm(
        parent,
        QCoreApplication.translate("VisitOpening", "未完成的草稿"),
        question.replace("%1", text),
    ):
        ctx.services.drafts.discard_draft(draft.key)


def _kept_draft(
    ctx: PageContext, enterprise_id: uuid.UUID | None, visit_id: uuid.UUID | None
) -> DraftRow | None:
    drafts = ctx.services.drafts
    if visit_id is not None:
        return drafts.get_draft(edit_draft_key(visit_id))
    if enterprise_id is None:
        return None  # a form for no enterprise yet: drafts are offered from 文件 > 未完成的草稿
    found = drafts.find_drafts(NEW_KIND, str(enterprise_id))
    return found[0] if found else None


__all__ = ["EDIT_KIND", "NEW_KIND", "open_visit_form"]
