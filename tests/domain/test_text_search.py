from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from firstbatch_desk.domain.text_search import (
    PART_SEPARATOR,
    fts_match_expression,
    index_text,
    needs_like_fallback,
    query_phrases,
)


def test_chinese_is_split_into_overlapping_bigrams() -> None:
    assert index_text("隐患排查") == "隐患 患排 排查"
    assert index_text("融资") == "融资"
    assert index_text("锅") == "锅"


def test_latin_words_and_numbers_are_kept_whole_and_lower_cased() -> None:
    assert index_text("PVC管材ABC") == "pvc 管材 abc"
    assert index_text("型号 GF-386H，2023年") == "型号 gf 386h 2023 年"
    assert index_text("snake_case x2") == "snake_case x2"


def test_punctuation_separates_and_no_bigram_spans_it() -> None:
    assert index_text("企业，反映融资难。") == "企业 反映 映融 融资 资难"
    assert index_text("（保险）补偿…检测") == "保险 补偿 检测"


def test_full_width_text_is_normalised() -> None:
    assert index_text("ＰＶＣ１２３管材") == "pvc123 管材"
    assert index_text("ｶﾀｶﾅ") == "カタ タカ カナ"


def test_parts_are_kept_apart() -> None:
    assert index_text("隐患", None, "", "排查") == f"隐患 {PART_SEPARATOR} 排查"
    assert index_text(None, "  ") == ""
    assert index_text() == ""


def test_query_phrases_one_per_term() -> None:
    assert query_phrases("隐患排查  PVC管材") == ["隐患 患排 排查", "pvc 管材"]
    assert query_phrases(" ，。 ") == []


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("锅", True),
        ("锅炉 锅", True),
        ("锅，炉", True),
        ("PVC管", True),
        ("锅炉", False),
        ("abc", False),
        ("a", False),
        ("", False),
    ],
)
def test_needs_like_fallback(term: str, expected: bool) -> None:
    assert needs_like_fallback(term) is expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("隐患排查", '"隐患 患排 排查"'),
        ("融资  ABC", '"融资" "abc"*'),
        ("PVC管材", '"pvc 管材"'),
        ("管材PVC", '"管材 pvc"*'),
        ("锅", '"锅"*'),
        ("  ", None),
        ("，。!?", None),
        ('"', None),
        ("___", None),
    ],
)
def test_fts_match_expression(term: str, expected: str | None) -> None:
    assert fts_match_expression(term) == expected


@pytest.fixture
def fts() -> Iterator[sqlite3.Connection]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61')")
    rows = [
        (1, index_text("企业反映融资难")),
        (2, index_text("开展安全隐患排查", "锅炉检修")),
        (3, index_text("PVC管材 ABC123 型号", "企业")),
        (4, index_text("隐患", "排查")),  # two parts: must not match 隐患排查
        (5, index_text("锅，炉")),
        (6, index_text("型号 xyz", "qrs 规格")),
    ]
    db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", rows)
    yield db
    db.close()


def _search(db: sqlite3.Connection, term: str) -> set[int]:
    expression = fts_match_expression(term)
    assert expression is not None
    rows = db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid", (expression,))
    return {rowid for (rowid,) in rows}


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("融资", {1}),
        ("资企", set()),
        ("融资难", {1}),
        ("难企", set()),
        ("隐患排查", {2}),
        ("隐患", {2, 4}),
        ("患排", {2}),
        ("锅炉", {2}),
        ("查锅", set()),  # never across two parts
        ("企业", {1, 3}),
        ("企业 融资", {1}),
        ("pvc", {3}),
        ("Pvc管材", {3}),
        ("abc", {3}),  # prefix of abc123
        ("ＡＢＣ１", {3}),
        ("abd", set()),
        ("xyz", {6}),
        ("xyz-qrs", set()),  # a phrase never runs across two parts
        ("型号-xyz", {6}),  # but it does run across punctuation
    ],
)
def test_match_in_a_real_fts5_table(fts: sqlite3.Connection, term: str, found: set[int]) -> None:
    assert _search(fts, term) == found


@given(st.text(max_size=30))
def test_any_query_text_gives_a_valid_expression(text: str) -> None:
    expression = fts_match_expression(text)
    if expression is None:
        assert query_phrases(text) == []
        return
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61')")
        db.execute("INSERT INTO docs(body) VALUES (?)", (index_text(text),))
        db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (expression,)).fetchone()
    finally:
        db.close()


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4E50), min_size=2))
def test_every_two_character_slice_of_chinese_text_is_found(text: str) -> None:
    tokens = index_text(text).split()
    for start in range(len(text) - 1):
        assert text[start : start + 2] in tokens


def test_tokenising_is_fast() -> None:
    note = ("走访企业了解生产经营情况，企业反映PVC管材订单增加，需要融资支持。" * 8)[:300]
    started = time.perf_counter()
    for _ in range(5_000):
        index_text(note)
    elapsed = time.perf_counter() - started
    # 200,000 such notes must take well under 30 s; allow for slow CI machines.
    assert elapsed * 40 < 20, f"{elapsed * 40:.1f} s for 200,000 notes"
