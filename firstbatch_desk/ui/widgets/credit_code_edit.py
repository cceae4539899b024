"""A line edit for the unified social credit code that checks it as the officer types."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLineEdit, QWidget

from firstbatch_desk.domain.credit_code import (
    CODE_LENGTH,
    InvalidCreditCode,
    normalise_credit_code,
    parse_credit_code,
)


class CreditCodeEdit(QLineEdit):
    """Emits ``problem_changed`` with the message for what is wrong ("" when fine).

    An incomplete code is not an error while the officer is still typing it,
    but a bad character is named at once.
    """

    problem_changed = Signal(str)

    def __init__(self, language: str = "zh_CN", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._language = "en" if language.startswith("en") else "zh"
        self.setPlaceholderText("91330400XXXXXXXXXX")
        self.setMaxLength(40)
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.TypeWriter)
        self.setFont(font)
        self.problem = ""
        self.textChanged.connect(lambda _t: self.check(final=False))
        self.editingFinished.connect(lambda: self.check(final=True))

    def normalised(self) -> str:
        return normalise_credit_code(self.text())

    def check(self, *, final: bool = True) -> str:
        """Validate now; return (and announce) the problem, "" when fine or empty."""
        text = self.normalised()
        problem = ""
        if text:
            try:
                parse_credit_code(text)
            except InvalidCreditCode as exc:
                still_typing = exc.fault == "length" and len(text) < CODE_LENGTH
                if final or not still_typing:
                    problem = exc.message(self._language)
        if problem != self.problem:
            self.problem = problem
            self.setStyleSheet("border: 1px solid #c0392b;" if problem else "")
            self.problem_changed.emit(problem)
        return problem
