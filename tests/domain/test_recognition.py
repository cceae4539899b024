from __future__ import annotations

from datetime import date

import pytest

from firstbatch_desk.domain.enums import ALLOWED_TIERS, Scheme, Tier
from firstbatch_desk.domain.errors import ValidationError
from firstbatch_desk.domain.recognition import (
    DEFAULT_VALIDITY_YEARS,
    Validity,
    check_tier_fits_scheme,
    check_year,
    default_valid_until,
    tier_from_text,
    validity_of,
)

REAL_LONG_TIER = "技术水平国内领先，打破国际垄断，实现重点领域降准替代且在知名用户应用"


@pytest.mark.parametrize(
    ("recognised", "years", "expected"),
    [
        (date(2023, 9, 1), 3, date(2026, 8, 31)),
        (date(2023, 1, 1), 3, date(2025, 12, 31)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 28)),
        (date(2023, 3, 1), 1, date(2024, 2, 29)),
        (date(2023, 9, 1), 5, date(2028, 8, 31)),
    ],
)
def test_default_valid_until(recognised: date, years: int, expected: date) -> None:
    assert default_valid_until(recognised, years) == expected


def test_default_validity_is_three_years() -> None:
    assert DEFAULT_VALIDITY_YEARS == 3
    assert default_valid_until(date(2023, 9, 1)) == date(2026, 8, 31)
    with pytest.raises(ValueError):
        default_valid_until(date(2023, 9, 1), 0)


@pytest.mark.parametrize(
    ("valid_until", "expected"),
    [
        (None, Validity.UNKNOWN),
        (date(2024, 9, 29), Validity.EXPIRED),
        (date(2024, 9, 30), Validity.EXPIRING),  # last valid day is today
        (date(2024, 12, 29), Validity.EXPIRING),  # exactly 90 days ahead
        (date(2024, 12, 30), Validity.VALID),
    ],
)
def test_validity_of(valid_until: date | None, expected: Validity) -> None:
    assert validity_of(valid_until, date(2024, 9, 30)) is expected


def test_validity_warn_days_and_labels() -> None:
    today = date(2024, 9, 30)
    assert validity_of(date(2024, 10, 30), today, warn_days=7) is Validity.VALID
    assert validity_of(date(2024, 10, 30), today, warn_days=30) is Validity.EXPIRING
    assert [v.label() for v in Validity] == ["有效", "即将到期", "已过期", "未填有效期"]
    with pytest.raises(ValueError):
        validity_of(today, today, warn_days=-1)


@pytest.mark.parametrize("scheme", list(Scheme))
@pytest.mark.parametrize("tier", list(Tier))
def test_tier_fits_scheme_follows_allowed_tiers(scheme: Scheme, tier: Tier) -> None:
    if tier in ALLOWED_TIERS[scheme]:
        check_tier_fits_scheme(scheme, tier)
    else:
        with pytest.raises(ValidationError) as caught:
            check_tier_fits_scheme(scheme, tier)
        assert caught.value.field == "tier"
        assert str(caught.value) == f"“{tier.label()}”档次不能用于“{scheme.label()}”。"


def test_municipal_tier_only_with_the_municipal_scheme() -> None:
    check_tier_fits_scheme(Scheme.MUNICIPAL_RECOGNITION, Tier.MUNICIPAL)
    with pytest.raises(ValidationError, match="市级首批次"):
        check_tier_fits_scheme(Scheme.PROVINCIAL_RECOGNITION, Tier.MUNICIPAL)
    with pytest.raises(ValidationError):
        check_tier_fits_scheme(Scheme.MUNICIPAL_RECOGNITION, Tier.DOMESTIC)


@pytest.mark.parametrize(
    ("raw", "tier"),
    [
        # the three real rows of the 2021 Zhejiang list (DOMAIN.md)
        (REAL_LONG_TIER, Tier.DOMESTIC),
        (REAL_LONG_TIER, Tier.DOMESTIC),
        ("其他", Tier.OTHER),
        ("国际首批次", Tier.INTERNATIONAL),
        ("技术水平国际领先", Tier.INTERNATIONAL),
        ("国际先进", Tier.INTERNATIONAL),
        ("国内先进，国际领先", Tier.INTERNATIONAL),
        ("国内首批次", Tier.DOMESTIC),
        ("国内", Tier.DOMESTIC),
        ("国内领先水平", Tier.DOMESTIC),
        ("省内首批次", Tier.PROVINCIAL),
        ("省内领先", Tier.PROVINCIAL),
        ("市级首批次", Tier.MUNICIPAL),
        ("市内首批次", Tier.MUNICIPAL),
        ("", Tier.OTHER),
        ("  ", Tier.OTHER),
        ("打破国际垄断", Tier.OTHER),
        ("  国内首批次\u3000", Tier.DOMESTIC),
        ("Domestic first", Tier.DOMESTIC),
    ],
)
def test_tier_from_text(raw: str, tier: Tier) -> None:
    assert tier_from_text(raw) is tier


@pytest.mark.parametrize("year", [2000, 2023, 2100])
def test_check_year_accepts(year: int) -> None:
    check_year(year)


@pytest.mark.parametrize("year", [1999, 2101, 23])
def test_check_year_rejects(year: int) -> None:
    with pytest.raises(ValidationError) as caught:
        check_year(year)
    assert caught.value.field == "year"
    assert str(caught.value) == "“年度”应在 2000 到 2100 之间。"


def test_check_year_custom_bounds() -> None:
    check_year(1995, low=1990, high=2000)
    with pytest.raises(ValidationError, match="1990 到 1994"):
        check_year(1995, low=1990, high=1994)
