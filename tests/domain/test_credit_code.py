from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from firstbatch_desk.domain.credit_code import (
    ALPHABET,
    WEIGHTS,
    CreditCode,
    InvalidCreditCode,
    credit_code_check_char,
    is_valid_credit_code,
    make_credit_code,
    normalise_credit_code,
    parse_credit_code,
)
from firstbatch_desk.domain.errors import ValidationError

VALID = "91350100M000100Y43"
valid_chars = st.sampled_from(ALPHABET)
first17s = st.text(alphabet=ALPHABET, min_size=17, max_size=17)


def test_alphabet_and_weights_follow_the_standard() -> None:
    assert len(ALPHABET) == 31
    assert not set("IOZSV") & set(ALPHABET)
    assert WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_worked_example_is_valid_and_split_into_its_parts() -> None:
    code = parse_credit_code(VALID)
    assert str(code) == VALID
    assert code.registering_department == "9"
    assert code.category == "1"
    assert code.region_code == "350100"
    assert code.organisation_code == "M000100Y4"
    assert code.check_char == "3"
    assert credit_code_check_char(VALID[:17]) == "3"
    assert is_valid_credit_code(VALID)


def test_check_character_31_maps_to_0() -> None:
    # A sum divisible by 31 gives 31 - 0 = 31, written as "0".
    assert credit_code_check_char("0" * 17) == "0"
    assert parse_credit_code("0" * 18).check_char == "0"


def test_z_in_last_position_is_a_bad_character() -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code("91350100M000100Y4Z")
    error = caught.value
    assert error.fault == "bad_char"
    assert error.position == 18
    assert error.field == "credit_code"
    assert isinstance(error, ValidationError)
    assert error.message("zh").startswith("第 18 位“Z”不是统一社会信用代码允许的字符")
    assert error.message("en").startswith("Character 18 \u201cZ\u201d is not allowed")
    assert not is_valid_credit_code("91350100M000100Y4Z")


def test_wrong_check_character_says_what_it_should_be() -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code("91350100M000100Y44")
    error = caught.value
    assert (error.fault, error.position, error.expected, error.actual) == ("check", 18, "3", "4")
    assert str(error) == "第 18 位校验码是“4”，按前 17 位计算应为“3”，请核对。"
    assert "is \u201c4\u201d but the first 17 characters give \u201c3\u201d" in error.message("en")


@pytest.mark.parametrize("text", ["", "   ", "\u3000\u00a0\t\n"])
def test_empty(text: str) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code(text)
    assert caught.value.fault == "empty"
    assert caught.value.position is None
    assert str(caught.value) == "请输入统一社会信用代码。"
    assert caught.value.message("en") == "Please enter the unified social credit code."


@pytest.mark.parametrize(("text", "length"), [(VALID[:17], 17), (VALID + "0", 19), ("9", 1)])
def test_wrong_length(text: str, length: int) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code(text)
    assert caught.value.fault == "length"
    assert caught.value.position is None
    assert str(caught.value) == f"统一社会信用代码应为 18 位，现在是 {length} 位。"
    assert f"this one has {length}." in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "position", "char"),
    [
        ("I1350100M000100Y43", 1, "I"),
        ("91350100MO00100Y43", 10, "O"),
        ("91350100M000100S43", 16, "S"),
        ("9135V", 5, "V"),  # too short, but the bad character is named first
        (VALID + "Z", 19, "Z"),  # too long, but the bad character is named first
        ("91-350100M000100Y43", 3, "-"),
        ("9135010０M000100Y4中", 18, "中"),  # full-width zero is fine, 中 is not
        ("91350100M000100Y4²", 18, "²"),  # look-alikes are not silently accepted
    ],
)
def test_first_bad_character_is_named_with_its_position(
    text: str, position: int, char: str
) -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code(text)
    assert caught.value.fault == "bad_char"
    assert caught.value.position == position
    assert caught.value.char == char
    assert f"第 {position} 位“{char}”" in str(caught.value)
    assert f"Character {position} \u201c{char}\u201d" in caught.value.message("en")


def test_invisible_bad_character_is_shown_by_its_code_point() -> None:
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code("9135\x010100M000100Y43")
    assert caught.value.position == 5
    assert "“U+0001”" in str(caught.value)


@pytest.mark.parametrize(
    "typed",
    [
        "91350100m000100y43",
        " 9135 0100 M000 100Y 43 ",
        "9135\u30000100\u00a0M000100Y43",
        "９１３５０１００Ｍ０００１００Ｙ４３",
        "９１３５０１００ｍ０００１００ｙ４３",
        "\ufeff91350100M000100Y43\u200b",
    ],
)
def test_normalisation_of_what_officers_type(typed: str) -> None:
    assert normalise_credit_code(typed) == VALID
    assert parse_credit_code(typed) == CreditCode(VALID)


def test_credit_code_cannot_hold_an_invalid_value() -> None:
    with pytest.raises(InvalidCreditCode):
        CreditCode("91350100M000100Y44")
    with pytest.raises(InvalidCreditCode):
        CreditCode("91350100m000100y43")  # the value object holds normalised text only
    code = CreditCode(VALID)
    with pytest.raises(dataclasses.FrozenInstanceError):
        code.value = "x"  # type: ignore[misc]


def test_check_char_rejects_wrong_input() -> None:
    with pytest.raises(ValueError):
        credit_code_check_char(VALID[:16])
    with pytest.raises(ValueError):
        credit_code_check_char("91350100M000100I4")


def test_make_credit_code_normalises_and_appends_the_check_char() -> None:
    assert make_credit_code("91350100m000100y4") == CreditCode(VALID)
    with pytest.raises(ValueError):
        make_credit_code("9135")


@given(first17s)
def test_any_seventeen_valid_characters_make_a_valid_code(first17: str) -> None:
    code = make_credit_code(first17)
    assert parse_credit_code(code.value) == code
    assert code.value[:17] == first17


@given(first17s, st.integers(min_value=0, max_value=17), valid_chars)
def test_every_single_substitution_is_detected(first17: str, index: int, char: str) -> None:
    valid = make_credit_code(first17).value
    changed = valid[:index] + char + valid[index + 1 :]
    if changed == valid:
        return
    with pytest.raises(InvalidCreditCode) as caught:
        parse_credit_code(changed)
    assert caught.value.fault == "check"
    assert caught.value.position == 18


def test_every_single_substitution_of_the_worked_example_is_detected() -> None:
    for index in range(18):
        for char in ALPHABET:
            changed = VALID[:index] + char + VALID[index + 1 :]
            assert is_valid_credit_code(changed) == (changed == VALID), changed


@given(st.text(max_size=40))
def test_random_text_either_parses_or_raises_invalid_credit_code(text: str) -> None:
    try:
        code = parse_credit_code(text)
    except InvalidCreditCode as error:
        assert error.fault in ("empty", "length", "bad_char", "check")
        assert error.message("zh")
        assert error.message("en")
    else:
        assert len(code.value) == 18
        assert set(code.value) <= set(ALPHABET)
