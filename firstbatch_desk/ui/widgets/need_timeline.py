"""A need's history as a timeline: each step with what was done, by whom, when and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from firstbatch_desk.domain.dtos.followup import NeedTransitionRow
from firstbatch_desk.ui.i18n import enum_label
from firstbatch_desk.ui.widgets.detail_view import esc

LINE = QColor("#9fb6cd")
DOT = QColor("#1f4e79")
MUTED = "#666"


def local_time(row: NeedTransitionRow) -> str:
    """When a step was recorded, in this computer's time zone (yyyy-MM-dd HH:mm)."""
    return row.at.astimezone().strftime("%Y-%m-%d %H:%M")


def when_text(row: NeedTransitionRow) -> str:
    """The day it was done, and when it was recorded if that was another day."""
    recorded = local_time(row)
    if row.on is None or recorded.startswith(row.on.isoformat()):
        return recorded
    return f"{row.on.isoformat()}（{recorded}）"


class _Marker(QWidget):
    """The dot of one step and the line down to the next one."""

    def __init__(self, last: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._last = last
        self.setFixedWidth(18)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre = QPointF(self.width() / 2, 10)
        if not self._last:
            painter.setPen(QPen(LINE, 2))
            painter.drawLine(centre, QPointF(centre.x(), self.height()))
        painter.setPen(QPen(DOT, 2))
        painter.setBrush(DOT if self._last else QColor("white"))
        painter.drawEllipse(centre, 5, 5)
        painter.end()


class _Step(QWidget):
    def __init__(self, row: NeedTransitionRow, language: str, last: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_step")
        action = enum_label(row.action, language)
        moves = f"{enum_label(row.from_status, language)} → {enum_label(row.to_status, language)}"
        self.action_label = QLabel(
            f"<b>{esc(action)}</b>&nbsp;&nbsp;<span style='color:{MUTED}'>{esc(moves)}</span>",
            self,
        )
        self.who_label = QLabel(
            f"<span style='color:{MUTED}'>{esc(row.by)} · {esc(when_text(row))}</span>", self
        )
        self.note_label = QLabel(row.note, self)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setVisible(bool(row.note))
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 10)
        texts.setSpacing(1)
        for label in (self.action_label, self.who_label, self.note_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            texts.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(_Marker(last, self))
        layout.addLayout(texts, 1)
        parts = (f"{action}  {moves}", f"{row.by} · {when_text(row)}", row.note)
        self.plain_text = "\n".join(part for part in parts if part)
        self.setAccessibleName(self.plain_text)


class NeedTimeline(QWidget):
    """Steps oldest first, the newest (current) one with a filled dot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("need_timeline")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.setSpacing(0)
        self.empty_label = QLabel(self)
        self.empty_label.setStyleSheet(f"color: {MUTED};")
        self._steps: list[_Step] = []
        self.set_history((), "zh_CN", "")

    def set_history(
        self, history: Sequence[NeedTransitionRow], language: str, empty_text: str
    ) -> None:
        """Show ``history`` (oldest first); ``empty_text`` when there is none."""
        for step in self._steps:
            self._layout.removeWidget(step)
            step.deleteLater()
        self._layout.removeWidget(self.empty_label)
        while self._layout.count():
            self._layout.takeAt(0)
        self._steps = [
            _Step(row, language, number == len(history) - 1, self)
            for number, row in enumerate(history)
        ]
        for step in self._steps:
            self._layout.addWidget(step)
        self.empty_label.setText(empty_text)
        self.empty_label.setVisible(not self._steps and bool(empty_text))
        self._layout.addWidget(self.empty_label)
        self._layout.addStretch(1)

    def step_count(self) -> int:
        return len(self._steps)

    def step_text(self, index: int) -> str:
        """A step as plain text: action and states, who and when, the note."""
        return self._steps[index].plain_text
