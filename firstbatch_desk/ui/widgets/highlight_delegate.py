"""Paints cells with the words of the current search highlighted."""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

HIGHLIGHT = "#ffe58f"


def highlighted_html(text: str, terms: list[str]) -> str | None:
    """``text`` as HTML with every occurrence of a term marked; None if nothing matches."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for term in terms:
        needle = term.lower()
        if not needle:
            continue
        start = lowered.find(needle)
        while start >= 0:
            spans.append((start, start + len(needle)))
            start = lowered.find(needle, start + len(needle))
    if not spans:
        return None
    spans.sort()
    merged: list[list[int]] = []
    for begin, end in spans:
        if merged and begin <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([begin, end])
    parts, cursor = [], 0
    for begin, end in merged:
        parts.append(html.escape(text[cursor:begin]))
        parts.append(f'<span style="background:{HIGHLIGHT}">{html.escape(text[begin:end])}</span>')
        cursor = end
    parts.append(html.escape(text[cursor:]))
    return "".join(parts)


class HighlightDelegate(QStyledItemDelegate):
    """Marks the search terms of the model's ``highlight`` text in every cell.

    Laid-out documents are kept for the cells on screen, so scrolling and
    repainting do not lay the same text out again.
    """

    CACHE_LIMIT = 240  # more than the cells of a screen

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple[str, str, int], QTextDocument] = OrderedDict()

    def _document(self, marked: str, font: QFont) -> QTextDocument:
        key = (marked, font.key(), 0)
        document = self._documents.get(key)
        if document is None:
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(2)
            document.setHtml(marked)
            self._documents[key] = document
            if len(self._documents) > self.CACHE_LIMIT:
                self._documents.popitem(last=False)
        else:
            self._documents.move_to_end(key)
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        model = index.model()
        terms = str(getattr(model, "highlight", "") or "").split()
        text = index.data(Qt.ItemDataRole.DisplayRole)
        marked = highlighted_html(str(text), terms) if terms and text else None
        if marked is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        document = self._document(marked, opt.font)
        painter.save()
        rect = opt.rect.adjusted(3, 0, -3, 0)
        painter.translate(rect.left(), rect.top() + (rect.height() - document.size().height()) / 2)
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
