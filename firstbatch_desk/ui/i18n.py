"""Languages: Chinese source strings, English from a .qm shipped in the package."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """Load the .qm for ``language`` (none is needed for Chinese, the source language)."""
    if not language or language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS_DIR / f"firstbatch_{language}.qm")):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return translator
    return None


def enum_label(member: object, language: str) -> str:
    """The label of a domain enum in the program's language."""
    label = getattr(member, "label", None)
    if label is None:
        return str(member)
    return str(label("en" if language.startswith("en") else "zh"))
