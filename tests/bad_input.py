"""Hostile input for every form, service and import: one shared corpus.

Each :class:`Hostile` value says what a text field must do with it, so a test
can drive any field with every value and check the answer:

* ``KEEP``: saved and read back byte-for-byte identical (SQL-looking text,
  emoji with ZWJ sequences and skin tones, full-width characters, markup …);
* ``NORMALISE``: saved in the documented clean form (Unicode NFC; a one-line
  field folds runs of white space, a multi-line field keeps line breaks and
  tabs and trims the ends; Word's vertical tab and form feed are line breaks),
  given here as ``single`` and ``multi``;
* ``REFUSE``: refused, nothing saved: NUL and other control characters,
  direction marks and overrides with ``field.invisible_char``, lone surrogates
  (half a character) with ``field.broken_char``; the message names the place;
* ``BLANK``: white space only: saved as "" or, in a required field, refused
  with ``field.required``.

Any value longer than a field's limit is refused with ``field.too_long``
(the message names the field and the limit): that is how the 1 MB note and
the 10,000-character name behave in every field.

Dates: :data:`BAD_DATES` lie outside 1949-10-01 … 2100-12-31 and are refused
with ``field.date_range``; :data:`IMPOSSIBLE_DATE_TEXTS` are refused with
``field.bad_date``; :func:`tomorrow` is refused where the domain says a thing
has already happened (a visit, a step of a need).
"""

from __future__ import annotations

import contextlib
import enum
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from firstbatch_desk.domain.errors import FirstBatchError


class Expect(enum.Enum):
    KEEP = "keep"
    NORMALISE = "normalise"
    REFUSE = "refuse"
    BLANK = "blank"


@dataclass(frozen=True)
class Hostile:
    """One hostile value and what a text field must do with it."""

    name: str
    text: str
    expect: Expect
    single: str | None = None  # the stored form in a one-line field (NORMALISE)
    multi: str | None = None  # the stored form in a multi-line field (NORMALISE)

    def __repr__(self) -> str:  # pytest ids and failure messages stay short
        return f"Hostile({self.name})"

    def stored(self, *, multiline: bool) -> str | None:
        """What a field must hold after saving this value; None when it must refuse it."""
        if self.expect is Expect.REFUSE:
            return None
        if self.expect is Expect.BLANK:
            return ""
        if self.expect is Expect.NORMALISE:
            return self.multi if multiline else self.single
        return self.text

    def outcome(self, *, limit: int, multiline: bool = False, required: bool = False) -> str:
        """``"ok"`` or the message code that a field with these rules must answer with."""
        stored = self.stored(multiline=multiline)
        if stored is None:
            broken = any("\ud800" <= char <= "\udfff" for char in self.text)
            return "field.broken_char" if broken else "field.invisible_char"
        if required and not stored:
            return "field.required"
        if len(stored) > limit:
            return "field.too_long"
        return "ok"


def _lines(target: int) -> str:
    """About ``target`` characters of plausible visit notes, in many lines."""
    line = "企业生产经营正常，新材料订单同比增长；反映流动资金紧张，希望对接银行。\n"
    return (line * (target // len(line) + 1))[:target].rstrip("\n")


ONE_MB = 1_048_576

SQL_DROP = "'); DROP TABLE visits;--"
SQL_OR = "%' OR 1=1 --"
SQL_UNION = '" UNION SELECT password_hash FROM accounts; --'
LIKE_WILDCARDS = "100%_完成\\_率"
FTS_SYNTAX = 'AND OR NOT "未闭合 NEAR(a b) * ^body: -x'
EMOJI = "石墨烯😀🎉产品"
ZWJ_FAMILY = "家庭👨\u200d👩\u200d👧\u200d👦团队"
SKIN_TONES = "点赞👍🏽挥手👋🏿"
FLAG = "中国🇨🇳制造"
FULL_WIDTH = "ＡＢＣ１２３（嘉兴）有限公司"
COMBINING_STABLE = "q\u0323\u0307 नमस्ते ด้"  # already NFC (canonical order, no precomposed form)
COMBINING_NFC = "Cafe\u0301 \u1100\u1161"  # composes to "Café 가"
MARKUP = "<script>alert('x')</script> <b>粗体</b> & &amp; <para>"
FORMAT_STRINGS = "%1 %2 {0} {name} %s %(x)s {{"
QUOTES = 'O\'Brien "引号" `反引号` ‘弯引号’ “中文引号” \\反斜杠'
PATH_LIKE = "../../etc/passwd C:\\Windows\\system32"
NUL = "名称\x00后缀"
C0 = "响铃\x07转义\x1b退格\x08"
C1 = "乱码\x85\x9b\x80"
DEL = "删除\x7f键"
VERTICAL = "换页\x0c竖表\x0b"
LONE_SURROGATE = "前\ud800后"
LOW_SURROGATE = "前\udfff后"
RLM = "名称\u200f甲"
RLO = "发票\u202egpj.exe"
LRE_PDF = "\u202a嵌入\u202c"
ISOLATE = "\u2066隔离\u2069"
LONG_NAME = "嘉" * 10_000
NOTE_1MB = _lines(ONE_MB)
WHITESPACE_ONLY = " \t\u3000 \n\r\n  "
PADDED = "  前后有空格\u3000 "
TABS_AND_LINES = "第一行\n\t缩进的第二行\n\n第四行"
CRLF = "Windows 换行\r\n旧 Mac 换行\r结束"

CORPUS: tuple[Hostile, ...] = (
    Hostile("sql_drop", SQL_DROP, Expect.KEEP),
    Hostile("sql_or", SQL_OR, Expect.KEEP),
    Hostile("sql_union", SQL_UNION, Expect.KEEP),
    Hostile("like_wildcards", LIKE_WILDCARDS, Expect.KEEP),
    Hostile("fts_syntax", FTS_SYNTAX, Expect.KEEP),
    Hostile("emoji", EMOJI, Expect.KEEP),
    Hostile("zwj_family", ZWJ_FAMILY, Expect.KEEP),
    Hostile("skin_tones", SKIN_TONES, Expect.KEEP),
    Hostile("flag", FLAG, Expect.KEEP),
    Hostile("full_width", FULL_WIDTH, Expect.KEEP),
    Hostile("combining_stable", COMBINING_STABLE, Expect.KEEP),
    Hostile("markup", MARKUP, Expect.KEEP),
    Hostile("format_strings", FORMAT_STRINGS, Expect.KEEP),
    Hostile("quotes", QUOTES, Expect.KEEP),
    Hostile("path_like", PATH_LIKE, Expect.KEEP),
    Hostile("long_name", LONG_NAME, Expect.KEEP),
    Hostile(
        "note_1mb", NOTE_1MB, Expect.NORMALISE, single=" ".join(NOTE_1MB.split()), multi=NOTE_1MB
    ),
    Hostile(
        "combining_nfc",
        COMBINING_NFC,
        Expect.NORMALISE,
        single="Café 가",
        multi="Café 가",
    ),
    Hostile("padded", PADDED, Expect.NORMALISE, single="前后有空格", multi="前后有空格"),
    Hostile(
        "tabs_and_lines",
        TABS_AND_LINES,
        Expect.NORMALISE,
        single="第一行 缩进的第二行 第四行",
        multi=TABS_AND_LINES,
    ),
    Hostile(
        "crlf",
        CRLF,
        Expect.NORMALISE,
        single="Windows 换行 旧 Mac 换行 结束",
        multi="Windows 换行\n旧 Mac 换行\n结束",
    ),
    Hostile(
        "vertical",  # Word's manual line break and page break: line breaks
        VERTICAL,
        Expect.NORMALISE,
        single="换页 竖表",
        multi="换页\n竖表",
    ),
    Hostile("whitespace_only", WHITESPACE_ONLY, Expect.BLANK),
    Hostile("nul", NUL, Expect.REFUSE),
    Hostile("c0", C0, Expect.REFUSE),
    Hostile("c1", C1, Expect.REFUSE),
    Hostile("del", DEL, Expect.REFUSE),
    Hostile("lone_surrogate", LONE_SURROGATE, Expect.REFUSE),
    Hostile("low_surrogate", LOW_SURROGATE, Expect.REFUSE),
    Hostile("rlm", RLM, Expect.REFUSE),
    Hostile("rlo", RLO, Expect.REFUSE),
    Hostile("lre_pdf", LRE_PDF, Expect.REFUSE),
    Hostile("isolate", ISOLATE, Expect.REFUSE),
)
BY_NAME = {value.name: value for value in CORPUS}

# Small enough to go anywhere (forms, imports, reports) without hitting a limit.
SHORT = tuple(v for v in CORPUS if v.name not in ("long_name", "note_1mb"))
# What every field must keep byte for byte.
KEPT = tuple(v for v in SHORT if v.expect is Expect.KEEP)
# What every field must refuse (invisible or broken characters).
REFUSED = tuple(v for v in CORPUS if v.expect is Expect.REFUSE)
# What an .xlsx cell can carry (XML has no C0 controls and no halves of characters).
STORABLE_IN_XML = tuple(
    v
    for v in CORPUS
    if not any(
        unicodedata.category(c) == "Cs" or (ord(c) < 32 and c not in "\t\n\r") for c in v.text
    )
)

# Text that must not break the search box: FTS5 syntax, LIKE wildcards, SQL, huge text.
SEARCH_TERMS: tuple[str, ...] = (
    '"',
    '""',
    "*",
    "AND OR NOT",
    "NOT",
    "NEAR(",
    "(",
    ")",
    "^",
    "-",
    ":",
    "body:石墨烯",
    "{body}: x",
    "%",
    "_",
    "\\",
    "%%",
    "'",
    "';--",
    SQL_DROP,
    SQL_OR,
    SQL_UNION,
    LIKE_WILDCARDS,
    FTS_SYNTAX,
    EMOJI,
    ZWJ_FAMILY,
    FULL_WIDTH,
    NUL,
    C0,
    LONE_SURROGATE,
    RLO,
    "锅",  # one Chinese character: the LIKE fallback
    "锅%",
    "锅_炉",
    "锅\x00",
    "锅\ud800",
    "\ue000",  # the index's own part separator
    "嘉" * 10_000,
    "ab " * 3_000,
)

# Dates.
BAD_DATES: tuple[date, ...] = (
    date(1, 1, 1),
    date(1900, 1, 1),
    date(1949, 9, 30),
    date(2101, 1, 1),
    date(9999, 12, 31),
)
IMPOSSIBLE_DATE_TEXTS: tuple[str, ...] = ("2100-02-29", "2023-02-30", "2024-13-01", "0000-00-00")
DATE_EXTREMES: tuple[date, ...] = (date.min, date(1900, 1, 1), date(9999, 12, 31), date.max)


def tomorrow() -> date:
    return date.today() + timedelta(days=1)


# -- checks shared by the tests ----------------------------------------------------------------

_CHINESE = re.compile(r"[\u4e00-\u9fff]")
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def assert_clear(error: FirstBatchError, *words: str) -> str:
    """The message is Chinese, short, free of invisible characters, has an English
    version in the catalogue, and holds ``words``; returns it."""
    text = error.message("zh")
    assert _CHINESE.search(text), text
    assert len(text) < 300, text[:300]
    assert not _UNSHOWABLE.search(text), repr(text)
    assert not error.message("en").startswith(error.code + ":"), "not in the catalogue"
    for word in words:
        assert word in text, (word, text)
    return text


def snapshot(database: Path) -> dict[str, list[str]]:
    """Every row of every table (full-text index tables aside), to compare before and after."""
    uri = f"file:{database}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        names = [
            name
            for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not name.startswith(("fts_", "sqlite_"))
        ]
        return {name: sorted(map(repr, db.execute(f'SELECT * FROM "{name}"'))) for name in names}
