"""Tokens for full-text search (FTS5 with the ``unicode61`` tokenizer).

Chinese has no spaces and most search terms are two characters, so Chinese
(and Japanese kana, Korean hangul) is indexed as overlapping two-character
tokens (bigrams); Latin words and numbers are kept whole, lower-cased.
Queries are tokenised the same way and matched as phrases, so "隐患排查"
becomes the phrase "隐患 患排 排查". A one-character Chinese term cannot be
found this way: the caller falls back to a bounded LIKE
(:func:`needs_like_fallback`).
"""

from __future__ import annotations

import re
import unicodedata
from operator import add

_CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3005-\u3007\u3021-\u3029"  # 々 〆 〇, Hangzhou numerals
    "\u3041-\u30fa\u30fc-\u30ff"  # kana (without the middle dot ・)
    "\u3131-\u318e\u1100-\u11ff\uac00-\ud7a3"  # hangul
    "\u31f0-\u31ff"  # katakana extension
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\U00020000-\U0003134f"  # Han extensions B–H
)
_TOKEN_RE = re.compile(f"([{_CJK}]+)|([^\\W{_CJK}]+)")
_CJK_CHAR_RE = re.compile(f"[{_CJK}]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
MAX_TERM = 200
"""Characters of search text used: no name is longer, and SQLite refuses LIKE
patterns over 50,000 bytes (a pasted page of notes)."""

# Full-width punctuation common in Chinese text, which NFKC would map to ASCII
# punctuation: replaced by spaces first (both only separate tokens), most text
# is then already NFKC-normal and skips the slow full normalisation.
_SEPARATORS = "，：；！？（）　％～…"

PART_SEPARATOR = "\ue000"
"""A token put between the parts of :func:`index_text`, so that no phrase
matches across two parts. A private-use character: ``unicode61`` keeps it as
a token, and :func:`index_text` never produces it from typed text."""


def _tokens(text: str) -> list[str]:
    """Tokens of one piece of text, in order."""
    for char in _SEPARATORS:
        if char in text:
            text = text.replace(char, " ")
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    out: list[str] = []
    for cjk, word in _TOKEN_RE.findall(text):
        if word:
            if word.strip("_"):  # unicode61 drops "_": a word of only "_" is nothing
                out.append(word)
        elif len(cjk) == 1:
            out.append(cjk)
        else:
            out.extend(map(add, cjk, cjk[1:]))
    return out


def index_text(*parts: str | None) -> str:
    """The text to store in an FTS5 column for ``parts`` (None and blanks skipped)."""
    chunks = []
    for part in parts:
        if part:
            tokens = _tokens(part)
            if tokens:
                chunks.append(" ".join(tokens))
    return f" {PART_SEPARATOR} ".join(chunks)


def plain_term(text: str | None) -> str:
    """Text typed into a search box or filter, safe to pass to SQL as a parameter.

    Only the first :data:`MAX_TERM` characters are used, and lone surrogates (half
    characters from a broken paste) are dropped: no stored text holds one, and
    SQLite refuses them as parameters. Everything else is left to the caller,
    which only ever binds the text as a parameter.
    """
    return _SURROGATE_RE.sub("", (text or "")[:MAX_TERM])


def _term_tokens(term: str) -> list[list[str]]:
    return [tokens for tokens in map(_tokens, term.split()) if tokens]


def query_phrases(term: str) -> list[str]:
    """One phrase of space-separated tokens per searchable word of ``term``."""
    return [" ".join(tokens) for tokens in _term_tokens(term)]


def _is_single_cjk(token: str) -> bool:
    return len(token) == 1 and _CJK_CHAR_RE.match(token) is not None


def needs_like_fallback(term: str) -> bool:
    """Whether ``term`` holds a lone Chinese character that FTS may miss.

    True when a word of ``term`` is a single Chinese character (锅), or when a
    Chinese run inside a word is a single character (锅, PVC管): such a
    character is only indexed alone when it stands alone in the text, so
    the caller should search that term with LIKE instead.
    """
    return any(_is_single_cjk(token) for tokens in _term_tokens(term) for token in tokens)


def _quote(tokens: list[str]) -> str:
    return '"' + " ".join(token.replace('"', '""') for token in tokens) + '"'


def fts_match_expression(term: str) -> str | None:
    """An FTS5 MATCH expression for the search box text ``term``, or None.

    Each word becomes a quoted phrase of its tokens; the phrases are ANDed.
    A word ending in a Latin word, a number or a lone Chinese character gets
    a prefix match on that last token ("abc"*), so typing need not be
    finished. None when nothing searchable remains.
    """
    phrases = []
    for tokens in _term_tokens(term):
        last = tokens[-1]
        prefix = _CJK_CHAR_RE.match(last) is None or len(last) == 1
        phrases.append(_quote(tokens) + ("*" if prefix else ""))
    return " ".join(phrases) or None
