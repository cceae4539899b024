"""Rules of a recognition: validity, tier against scheme, tier from published text."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

from firstbatch_desk.domain.enums import ALLOWED_TIERS, LabelledEnum, Scheme, Tier
from firstbatch_desk.domain.errors import ValidationError

DEFAULT_VALIDITY_YEARS = 3
"""Recognitions are valid for 3 years (assumed for the municipal scheme)."""

DEFAULT_WARN_DAYS = 90


def default_valid_until(recognised_on: date, years: int = DEFAULT_VALIDITY_YEARS) -> date:
    """The last valid day: the same day ``years`` later, minus one day.

    2023-09-01 gives 2026-08-31. A recognition of 29 February whose
    anniversary falls in a common year ends on 28 February.
    """
    if years <= 0:
        raise ValueError(f"years must be positive, got {years!r}")
    year = recognised_on.year + years
    try:
        anniversary = recognised_on.replace(year=year)
    except ValueError:  # 29 February in a common year
        anniversary = date(year, 3, 1)
    return anniversary - timedelta(days=1)


class Validity(LabelledEnum):
    """Whether a recognition is still in force on a given day."""

    VALID = "VALID"
    EXPIRING = "EXPIRING"
    EXPIRED = "EXPIRED"
    UNKNOWN = "UNKNOWN"

    @classmethod
    def _label_table(cls) -> dict[str, tuple[str, str]]:
        return {
            "VALID": ("有效", "Valid"),
            "EXPIRING": ("即将到期", "Expiring soon"),
            "EXPIRED": ("已过期", "Expired"),
            "UNKNOWN": ("未填有效期", "No end date"),
        }


def validity_of(
    valid_until: date | None, today: date, warn_days: int = DEFAULT_WARN_DAYS
) -> Validity:
    """EXPIRED after ``valid_until``, EXPIRING within ``warn_days`` of it, else VALID."""
    if warn_days < 0:
        raise ValueError(f"warn_days must not be negative, got {warn_days!r}")
    if valid_until is None:
        return Validity.UNKNOWN
    if valid_until < today:
        return Validity.EXPIRED
    if valid_until <= today + timedelta(days=min(warn_days, (date.max - today).days)):
        return Validity.EXPIRING
    return Validity.VALID


def check_tier_fits_scheme(scheme: Scheme, tier: Tier) -> None:
    """Raise ValidationError unless ``tier`` may be used with ``scheme``."""
    if tier not in ALLOWED_TIERS[scheme]:
        raise ValidationError(
            "recognition.tier_scheme", field="tier", tier=tier.label(), scheme=scheme.label()
        )


# Phrases about the level, highest tier first: a text that names several
# levels gets the highest. "打破国际垄断" names no level, so "国内领先，打破
# 国际垄断" is domestic.
_LEVEL_PHRASES: tuple[tuple[Tier, tuple[str, ...]], ...] = (
    (Tier.INTERNATIONAL, ("国际领先", "国际首批次", "国际先进", "国际首创")),
    (Tier.DOMESTIC, ("国内领先", "国内首批次", "国内先进", "国内首创")),
    (Tier.PROVINCIAL, ("省内",)),
    (Tier.MUNICIPAL, ("市级", "市内")),
)
_PREFIXES: tuple[tuple[str, Tier], ...] = (
    ("国际", Tier.INTERNATIONAL),
    ("国内", Tier.DOMESTIC),
)


def tier_from_text(raw: str) -> Tier:
    """The tier a published tier wording (认定档次/认定类别) stands for."""
    text = unicodedata.normalize("NFKC", raw or "").strip()
    if not text:
        return Tier.OTHER
    try:
        return Tier(Tier.from_label(text))
    except ValueError:
        text = "".join(text.split())
    for tier, phrases in _LEVEL_PHRASES:
        if any(phrase in text for phrase in phrases):
            return tier
    for prefix, tier in _PREFIXES:
        if text.startswith(prefix):
            return tier
    return Tier.OTHER


def check_year(year: int, *, low: int = 2000, high: int = 2100) -> None:
    """Raise ValidationError unless ``low <= year <= high``."""
    if isinstance(year, bool) or not isinstance(year, int) or not low <= year <= high:
        raise ValidationError("field.range", field="year", label="年度", low=low, high=high)
