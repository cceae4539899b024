"""The word lists of ``resources/demo/words.json``: names, products and phrases."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from string import Formatter
from typing import Any

from firstbatch_desk.domain.enums import ALLOWED_TIERS, NeedCategory, Scheme, Tier

WORDS_FILE = "words.json"


@dataclass(frozen=True, slots=True)
class ProductKind:
    """A new-material product with its application field and typical figures."""

    name: str
    field: str
    unit: str
    qty_low: int
    qty_high: int
    models: tuple[str, ...]
    indicators: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProductGroup:
    name: str
    industry: str
    company_words: tuple[str, ...]
    products: tuple[ProductKind, ...]


class Words:
    """Typed access to the parts the generator reads often; ``raw`` for the rest."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.updated_by: str = raw.get("updated_by", "演示数据")
        self.groups = tuple(
            ProductGroup(
                name=g["name"],
                industry=g["industry"],
                company_words=tuple(g["company_words"]),
                products=tuple(
                    ProductKind(
                        name=p["name"],
                        field=p["field"],
                        unit=p["unit"],
                        qty_low=int(p["qty"][0]),
                        qty_high=int(p["qty"][1]),
                        models=tuple(p["models"]),
                        indicators=tuple(p["indicators"]),
                    )
                    for p in g["products"]
                ),
            )
            for g in raw["product_groups"]
        )
        self.notes: dict[str, Any] = raw["notes"]
        self.needs: dict[str, Any] = raw["needs"]
        self.recognition: dict[str, Any] = raw["recognition"]

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]


# Every placeholder a phrase may use; checked once when the words are loaded.
_VISIT_KEYS = [
    "product",
    "field",
    "unit",
    "enterprise",
    "short",
    "division",
    "officers",
    "contact",
    "contact_title",
    "date",
    "month",
    "next_month",
    "next_year",
    "q",
    "q_ytd",
    "capacity",
    "cap",
    "lines",
    "yield_rate",
    "pct",
    "pct2",
    "share",
    "amount",
    "user",
    "user2",
    "policy",
    "policy2",
    "n_users",
    "contract",
    "cq",
    "rd",
    "patents",
    "certificate",
    "invest",
    "university",
    "staff",
    "rd_staff",
    "need_title",
]
_NEED_KEYS = [
    "product",
    "field",
    "user",
    "policy",
    "invest",
    "mu",
    "staff_gap",
    "n",
    "bank",
    "university",
    "dept",
]


def _templates(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [t for item in value for t in _templates(item)]
    if isinstance(value, dict):
        return [t for item in value.values() for t in _templates(item)]
    return []


def _check_placeholders(texts: list[str], allowed: list[str], where: str) -> None:
    known = set(allowed)
    for text in texts:
        for _, name, _, _ in Formatter().parse(text):
            if name is not None and name not in known:
                raise ValueError(f"{WORDS_FILE}: unknown placeholder {{{name}}} in {where}")


def _check(words: Words) -> None:
    _check_placeholders(_templates(words.notes), _VISIT_KEYS, "notes")
    needs = words.needs
    _check_placeholders(
        _templates(needs["categories"]) + _templates(needs["transition_notes"]),
        _NEED_KEYS,
        "needs",
    )
    for code in needs["categories"]:
        NeedCategory(code)
    for scheme_code, tiers in words.recognition["tiers"].items():
        scheme = Scheme(scheme_code)
        for tier_code in tiers:
            if Tier(tier_code) not in ALLOWED_TIERS[scheme]:
                raise ValueError(f"{WORDS_FILE}: tier {tier_code} does not fit {scheme_code}")
    if not words.groups or any(not g.products for g in words.groups):
        raise ValueError(f"{WORDS_FILE}: every product group needs products")


def load_words(directory: Path) -> Words:
    """Read and check the word lists (a bad file fails here, not halfway through)."""
    raw = json.loads((directory / WORDS_FILE).read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{WORDS_FILE}: expected an object")
    words = Words(raw)
    _check(words)
    return words
