"""The unified social credit code (统一社会信用代码, GB 32100-2015).

Eighteen characters from a 31-character alphabet (no I, O, Z, S, V).
Position 18 is a check character: with weights Wᵢ = 3^(i−1) mod 31,
C₁₈ = 31 − (Σ Cᵢ·Wᵢ mod 31), and 31 maps to 0. Officers type codes with
spaces, lower case and full-width characters, so input is normalised first
and a fault names the character at fault.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from firstbatch_desk.domain.errors import ValidationError

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""The 31 characters allowed, in the order of their values 0–30."""

CODE_LENGTH = 18
WEIGHTS: tuple[int, ...] = tuple(pow(3, i, 31) for i in range(CODE_LENGTH - 1))
"""Wᵢ = 3^(i−1) mod 31 for i = 1..17."""

_VALUES: dict[str, int] = {char: value for value, char in enumerate(ALPHABET)}

# Full-width ASCII (U+FF01..U+FF5E) to half-width, lower-case ASCII to upper
# case, and invisible characters that come with pasted text removed. Only
# these mappings are applied, so a look-alike such as "²" or "Ⅰ" is reported
# as a bad character rather than silently turned into a valid one.
_TRANSLATION: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TRANSLATION.update({cp: cp - 0x20 for cp in range(ord("a"), ord("z") + 1)})
_TRANSLATION.update({cp: cp - 0xFEE0 - 0x20 for cp in range(0xFF41, 0xFF5B)})
_TRANSLATION.update(dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)))

Fault = Literal["empty", "length", "bad_char", "check"]


class InvalidCreditCode(ValidationError):
    """A credit code that breaks GB 32100-2015.

    ``fault`` is "empty", "length", "bad_char" or "check"; ``position`` is the
    1-based position at fault (None for "empty" and "length"); for "check",
    ``expected`` and ``actual`` are the computed and the typed check character.
    """

    def __init__(
        self,
        fault: Fault,
        *,
        position: int | None = None,
        char: str = "",
        length: int = 0,
        expected: str | None = None,
        actual: str | None = None,
    ) -> None:
        self.fault: Fault = fault
        self.position = position
        self.char = char
        self.expected = expected
        self.actual = actual
        params: dict[str, object] = {}
        if fault == "length":
            params = {"length": length}
        elif fault == "bad_char":
            params = {"position": position, "char": _printable(char)}
        elif fault == "check":
            params = {"actual": actual, "expected": expected}
        super().__init__(f"credit_code.{fault}", field="credit_code", **params)


def _printable(char: str) -> str:
    return char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def normalise_credit_code(text: str) -> str:
    """``text`` without whitespace, with full-width ASCII made half-width, upper-cased."""
    return "".join(text.translate(_TRANSLATION).split())


def _weighted_check(first17: str) -> str:
    total = sum(_VALUES[char] * weight for char, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def credit_code_check_char(first17: str) -> str:
    """The check character (position 18) for the 17 characters ``first17``.

    Raises ValueError unless ``first17`` is exactly 17 allowed characters.
    """
    if len(first17) != CODE_LENGTH - 1:
        raise ValueError(f"need 17 characters, got {len(first17)}: {first17!r}")
    bad = [char for char in first17 if char not in _VALUES]
    if bad:
        raise ValueError(f"character {bad[0]!r} is not allowed in a credit code")
    return _weighted_check(first17)


def _validate(value: str) -> None:
    """Raise InvalidCreditCode unless ``value`` (already normalised) is valid."""
    if not value:
        raise InvalidCreditCode("empty")
    for index, char in enumerate(value):
        if char not in _VALUES:
            raise InvalidCreditCode("bad_char", position=index + 1, char=char)
    if len(value) != CODE_LENGTH:
        raise InvalidCreditCode("length", length=len(value))
    expected = _weighted_check(value[:17])
    if value[17] != expected:
        raise InvalidCreditCode("check", position=18, expected=expected, actual=value[17])


@dataclass(frozen=True, slots=True)
class CreditCode:
    """A valid, normalised unified social credit code."""

    value: str

    def __post_init__(self) -> None:
        _validate(self.value)

    @property
    def registering_department(self) -> str:
        """Position 1, e.g. "9" for market regulation (工商)."""
        return self.value[0]

    @property
    def category(self) -> str:
        """Position 2, e.g. "1" for an enterprise under department 9."""
        return self.value[1]

    @property
    def region_code(self) -> str:
        """Positions 3–8: administrative code of the registering authority."""
        return self.value[2:8]

    @property
    def organisation_code(self) -> str:
        """Positions 9–17: the organisation code."""
        return self.value[8:17]

    @property
    def check_char(self) -> str:
        """Position 18."""
        return self.value[17]

    def __str__(self) -> str:
        return self.value


def parse_credit_code(text: str) -> CreditCode:
    """Normalise ``text`` and validate it; raise InvalidCreditCode if it is wrong."""
    return CreditCode(normalise_credit_code(text))


def is_valid_credit_code(text: str) -> bool:
    """Whether ``text``, once normalised, is a valid credit code."""
    try:
        parse_credit_code(text)
    except InvalidCreditCode:
        return False
    return True


def make_credit_code(first17: str) -> CreditCode:
    """The credit code made of ``first17`` (normalised) and its check character."""
    head = normalise_credit_code(first17)
    return CreditCode(head + credit_code_check_char(head))
