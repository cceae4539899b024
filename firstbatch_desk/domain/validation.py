"""Cleaning and checking what officers type, with messages fit to show them.

Every function takes the field's id (for the form) and its label (for the
message) and either returns a clean value or raises ValidationError.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal, InvalidOperation

from firstbatch_desk.domain.errors import ValidationError

EARLIEST_DATE = date(1949, 10, 1)
LATEST_DATE = date(2100, 12, 31)
MAX_MONEY = Decimal("100000000")  # 万元: a trillion yuan is surely a typo

# Refused in every text field: C0 controls but tab, line feed and carriage return
# (which are white space to clean up), DEL, C1 controls, direction marks, embeddings,
# overrides and isolates, and lone surrogates (half of a character, from a broken
# copy and paste; SQLite cannot even store one).
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# Line breaks of other kinds, as text pasted from Word (vertical tab: a manual line
# break; form feed: a page break) or the web brings them: taken as line breaks.
_LINE_BREAKS = str.maketrans(dict.fromkeys("\x0b\x0c\x85\u2028\u2029", "\n"))
_SHOWN_LIMIT = 40  # characters of a typed value quoted back in a message
_PHONE = re.compile(r"1[3-9]\d{9}|0\d{9,11}|\d{7,8}")
_PHONE_NOISE = re.compile(r"[\s\-()]")
_PHONE_EXTENSION = re.compile(r"(转|ext\.?|#)\d{1,6}$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def clean_text(
    value: str | None,
    *,
    field: str,
    label: str,
    limit: int,
    required: bool = False,
    multiline: bool = False,
) -> str:
    """Strip, normalise (NFC) and check length and control characters.

    Single-line fields also fold runs of white space; multi-line fields keep
    line breaks and tabs (vertical tab, form feed, NEL and the Unicode line and
    paragraph separators count as line breaks). Other control characters, direction
    marks and lone surrogates are refused, the message naming the first one's place.
    """
    value = (value or "").translate(_LINE_BREAKS)
    bad = _CONTROL.search(value)
    if bad is not None:
        char = bad.group()
        raise ValidationError(
            "field.broken_char" if _SURROGATE.match(char) else "field.invisible_char",
            field=field,
            label=label,
            position=bad.start() + 1,
            codepoint=f"{ord(char):04X}",
        )
    text = unicodedata.normalize("NFC", value)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    else:
        text = " ".join(text.split())
    if required and not text:
        raise ValidationError("field.required", field=field, label=label)
    if len(text) > limit:
        raise ValidationError(
            "field.too_long", field=field, label=label, limit=limit, length=len(text)
        )
    return text


def shown(value: object, limit: int = _SHOWN_LIMIT) -> str:
    """A typed value as a message may quote it: invisible characters made visible
    ("[U+202E]"), and cut to ``limit`` characters, so that a wrong 1 MB note or a
    direction override cannot flood or scramble the message that refuses it."""
    text = str(value)
    cut = text[:limit]
    visible = _CONTROL.sub(lambda m: f"[U+{ord(m.group()):04X}]", cut)
    return visible + "…" if len(text) > limit else visible


def check_date(
    value: date | str | None, *, field: str, label: str, required: bool = False
) -> date | None:
    """A date between 1949-10-01 and 2100-12-31, from a ``date`` or ISO text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("field.required", field=field, label=label)
        return None
    if isinstance(value, str):
        text = value.strip().replace("/", "-").replace(".", "-")
        try:
            parsed = date.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError(
                "field.bad_date", field=field, label=label, value=shown(value)
            ) from exc
    else:
        parsed = value
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise ValidationError(
            "field.date_range",
            field=field,
            label=label,
            low=EARLIEST_DATE.isoformat(),
            high=LATEST_DATE.isoformat(),
        )
    return parsed


def check_order(
    earlier: date | None,
    later: date | None,
    *,
    field: str,
    earlier_label: str,
    later_label: str,
) -> None:
    """Refuse ``later`` before ``earlier`` (when both are given)."""
    if earlier is not None and later is not None and later < earlier:
        raise ValidationError(
            "field.date_order", field=field, earlier=earlier_label, later=later_label
        )


def check_money(value: Decimal | str | int | None, *, field: str, label: str) -> Decimal | None:
    """A non-negative amount in 万元 (commas and a trailing 万元 allowed)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).replace(",", "").replace("万元", "").strip()
        try:
            amount = Decimal(text)
        except InvalidOperation as exc:
            raise ValidationError(
                "field.bad_number", field=field, label=label, value=shown(value)
            ) from exc
    else:
        amount = Decimal(value)
    if not amount.is_finite():
        raise ValidationError("field.bad_number", field=field, label=label, value=shown(value))
    if amount < 0:
        raise ValidationError("field.negative", field=field, label=label)
    if amount > MAX_MONEY:
        raise ValidationError("field.range", field=field, label=label, low=0, high=f"{MAX_MONEY:,}")
    return amount


def check_int(
    value: int | str | None, *, field: str, label: str, low: int, high: int
) -> int | None:
    """An integer within [low, high], or None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            "field.bad_number", field=field, label=label, value=shown(value)
        ) from exc
    if not low <= number <= high:
        raise ValidationError("field.range", field=field, label=label, low=low, high=high)
    return number


def check_phone(value: str | None, *, field: str = "phone") -> str:
    """A mainland mobile or landline number (spaces and full-width digits tolerated)."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        return ""
    compact = _PHONE_EXTENSION.sub("", _PHONE_NOISE.sub("", text))
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("86") and len(compact) == 13:
        compact = compact[2:]
    if not _PHONE.fullmatch(compact):
        raise ValidationError("field.bad_phone", field=field, value=shown(text))
    return text


def check_email(value: str | None, *, field: str = "email") -> str:
    text = unicodedata.normalize("NFKC", value or "").strip()
    if text and (len(text) > 100 or not _EMAIL.match(text)):
        raise ValidationError("field.bad_email", field=field, value=shown(text))
    return text
