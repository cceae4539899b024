"""Redaction of printed case files: personal names, phone numbers and e-mail addresses.

Names keep their first character (the surname): 张伟 → 张*, 欧阳娜娜 → 欧***.
Phone numbers keep their first three and last two digits: 13812345678 → 138******78.
E-mail addresses keep the first character of the mailbox and the domain.

Names and numbers are masked in their own fields and, because officers write
them into notes too, wherever a known name, a known number or anything that
looks like a mobile / landline number or an e-mail address appears in text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from firstbatch_desk.domain.dtos.reports import (
    CaseFileData,
    ContactLine,
    NeedLine,
    ProfileLine,
    ReportHeader,
    VisitLine,
)

MASK = "*"
_MOBILE_OR_LANDLINE = re.compile(
    r"(?<![\dA-Za-z])(?:\+?86[\s-]?)?(?:1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|0\d{2,3}[\s-]?\d{7,8})(?!\d)"
)
_NAME_SEPARATORS = re.compile(r"([、，,；;/]\s*)")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])([A-Za-z0-9._%+-]*)(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})")


def mask_name(name: str) -> str:
    """张伟 → 张*; an empty name stays empty."""
    text = name.strip()
    if not text:
        return ""
    rest = "".join(" " if ch.isspace() else MASK for ch in text[1:])
    return text[0] + (rest or MASK)


def mask_phone(phone: str) -> str:
    """Keep the first 3 and the last 2 digits; separators stay where they are."""
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    if not digits:
        return phone
    keep = set(digits[:3] + digits[-2:]) if len(digits) > 6 else set()
    return "".join(MASK if i in digits and i not in keep else ch for i, ch in enumerate(phone))


def mask_email(email: str) -> str:
    """zhang.wei@example.com → z********@example.com."""
    return _EMAIL.sub(lambda m: m.group(1) + MASK * len(m.group(2)) + m.group(3), email)


class Redactor:
    """Masks the given personal names and numbers in fields and in free text."""

    def __init__(self, names: Iterable[str], phones: Iterable[str] = ()) -> None:
        wanted = {n.strip() for n in names if len(n.strip()) >= 2}
        numbers = {p.strip() for p in phones if sum(ch.isdigit() for ch in p) >= 5}
        self._names = (
            re.compile("|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True)))
            if wanted
            else None
        )
        self._phones = (
            re.compile("|".join(re.escape(p) for p in sorted(numbers, key=len, reverse=True)))
            if numbers
            else None
        )

    def text(self, value: str) -> str:
        """Free text with every known name, number and address masked."""
        if not value:
            return value
        if self._names is not None:
            value = self._names.sub(lambda m: mask_name(m.group(0)), value)
        if self._phones is not None:
            value = self._phones.sub(lambda m: mask_phone(m.group(0)), value)
        value = _MOBILE_OR_LANDLINE.sub(lambda m: mask_phone(m.group(0)), value)
        return mask_email(value)

    def names(self, value: str) -> str:
        """A field that holds only names: ``张伟、李娜`` or ``王强（总经理）、李娜``.

        Each name is masked (titles in brackets are kept), even a one-character one.
        """
        parts = []
        for part in _NAME_SEPARATORS.split(value):
            if not part or _NAME_SEPARATORS.fullmatch(part):
                parts.append(part)
                continue
            name, bracket, rest = part.partition("（")
            parts.append(mask_name(name) + (bracket + self.text(rest) if bracket else ""))
        return "".join(parts)

    def case_file(self, data: CaseFileData) -> CaseFileData:
        text = self.text
        header: ReportHeader = data.header
        return dataclasses.replace(
            data,
            header=dataclasses.replace(header, printed_by=mask_name(header.printed_by)),
            profile=tuple(ProfileLine(p.label, self._profile_value(p)) for p in data.profile),
            contacts=tuple(
                ContactLine(
                    name=mask_name(c.name),
                    title=text(c.title),
                    phone=mask_phone(c.phone),
                    email=mask_email(c.email),
                )
                for c in data.contacts
            ),
            officer_in_charge=self.names(data.officer_in_charge),
            sales_and_application=tuple(
                ProfileLine(p.label, text(p.value)) for p in data.sales_and_application
            ),
            visits=tuple(self._visit(v) for v in data.visits),
            needs=tuple(self._need(n) for n in data.needs),
            attachments=tuple(
                dataclasses.replace(a, name=text(a.name), caption=text(a.caption))
                for a in data.attachments
            ),
            redacted=True,
        )

    def _profile_value(self, line: ProfileLine) -> str:
        if line.label in KEEP_PROFILE_LABELS:
            return line.value
        if line.label in NAME_PROFILE_LABELS:
            return self.names(line.value)
        return self.text(line.value)

    def _visit(self, visit: VisitLine) -> VisitLine:
        text = self.text
        return dataclasses.replace(
            visit,
            officers=self.names(visit.officers),
            attendees=self.names(visit.attendees),
            summary=text(visit.summary),
            new_users=text(visit.new_users),
            application_progress=text(visit.application_progress),
        )

    def _need(self, need: NeedLine) -> NeedLine:
        return dataclasses.replace(need, content=self.text(need.content))


KEEP_PROFILE_LABELS = frozenset({"企业名称", "统一社会信用代码"})
"""Profile lines that identify the enterprise itself and are never masked."""

NAME_PROFILE_LABELS = frozenset({"法定代表人", "负责人"})
"""Profile lines that hold only personal names."""
