"""The attachments of a saved record (a need): add, open and remove, saved in one step."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QWidget

from firstbatch_desk.domain.dtos.attachments import AttachmentRow, StoredFile
from firstbatch_desk.domain.enums import AttachmentOwner
from firstbatch_desk.ui.dialogs.form_dialog import FormDialog
from firstbatch_desk.ui.page_context import PageContext
from firstbatch_desk.ui.widgets.attachment_panel import AttachmentPanel


def as_stored(row: AttachmentRow) -> StoredFile:
    return StoredFile(row.sha256, row.original_name, row.media_type, row.size, row.caption)


class AttachmentsDialog(FormDialog):
    def __init__(
        self,
        ctx: PageContext,
        owner_type: AttachmentOwner,
        owner_id: uuid.UUID,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, self.tr("附件 — %1").replace("%1", title), parent)
        self.setObjectName("attachments_dialog")
        self.owner_type = owner_type
        self.owner_id = owner_id
        self.panel = AttachmentPanel(ctx, self)
        self.panel.set_files(
            as_stored(r) for r in ctx.services.attachments.list_for(owner_type, owner_id)
        )
        self.add_row("attachments", self.tr("附件"), self.panel)
        self.resize(620, 360)

    def save(self) -> list[AttachmentRow]:
        return self.ctx.services.attachments.replace_for(
            self.owner_type, self.owner_id, self.panel.files()
        )
