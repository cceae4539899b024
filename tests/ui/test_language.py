"""Languages: the English .ts is complete, the shipped .qm is compiled from it, and the
main window shows English with the translator installed and Chinese without it."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import firstbatch_desk
from firstbatch_desk.ui.i18n import TRANSLATIONS_DIR, install_translator
from firstbatch_desk.ui.launch import build_main_window
from firstbatch_desk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = Path(firstbatch_desk.__file__).resolve().parent
UI_DIR = PACKAGE_DIR / "ui"
TS = TRANSLATIONS_DIR / "firstbatch_en.ts"
QM = TRANSLATIONS_DIR / "firstbatch_en.qm"
PLACEHOLDER = re.compile(r"%(?:n|\d+)")
MNEMONIC = re.compile(r"(?<!&)&(?!&)")  # a single "&" (a doubled "&&" is a literal ampersand)
BAD_TYPES = {"unfinished", "obsolete", "vanished"}


def qt_tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    found = shutil.which(name, path=search)
    if found is None:
        pytest.fail(f"{name} not found next to {sys.executable} or on PATH")
    return found


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def forms(message: ET.Element) -> list[str]:
    """The translated text(s) of a message: one, or one per numerus form."""
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


def ui_sources() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


# -- the .ts and the .qm --------------------------------------------------------------


def test_every_message_is_translated() -> None:
    found = messages(TS)
    assert found, f"no messages in {TS}"
    problems = []
    for context, message in found:
        source = message.findtext("source", "")
        where = f"{context}: {source!r}"
        translation = message.find("translation")
        if translation is None:
            problems.append(f"{where} has no <translation>")
            continue
        if translation.get("type") in BAD_TYPES:
            problems.append(f"{where} is {translation.get('type')}")
        texts = forms(message)
        if message.get("numerus") == "yes" and len(texts) != 2:
            problems.append(f"{where} needs two English numerus forms, has {len(texts)}")
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            missing = set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
            if missing:
                problems.append(f"{where} -> {text!r} lacks {sorted(missing)}")
    assert not problems, "\n".join(problems)


def test_accelerators_are_kept() -> None:
    problems = []
    for context, message in messages(TS):
        source = message.findtext("source", "")
        if not MNEMONIC.search(source):
            continue
        for text in forms(message):
            marks = [m.start() for m in MNEMONIC.finditer(text)]
            if len(marks) != 1 or not text[marks[0] + 1 : marks[0] + 2].isalnum():
                problems.append(f"{context}: {source!r} -> {text!r}")
    assert not problems, "one accelerator (&) on a letter expected:\n" + "\n".join(problems)


def test_the_ts_holds_every_string_of_the_sources(tmp_path: Path) -> None:
    """The .ts is current: lupdate over the sources neither adds nor drops a message.

    Fails when someone adds or removes a tr() string without running
    scripts/update_translations.sh.
    """
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    subprocess.run(
        [
            qt_tool("pyside6-lupdate"),
            *map(str, ui_sources()),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        text=True,
    )

    def keys(ts: Path) -> set[tuple[str, str]]:
        return {(context, m.findtext("source", "")) for context, m in messages(ts)}

    shipped, current = keys(TS), keys(copy)
    assert current - shipped == set(), "run scripts/update_translations.sh: new strings"
    assert shipped - current == set(), "run scripts/update_translations.sh: stale strings"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    result = subprocess.run(
        [qt_tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)],
        check=True,
        capture_output=True,
        text=True,
    )
    assert " 0 unfinished" in result.stdout, result.stdout
    assert fresh.read_bytes() == QM.read_bytes(), (
        "firstbatch_en.qm is stale: run scripts/update_translations.sh"
    )


def test_the_qm_ships_inside_the_package() -> None:
    assert QM.is_file()
    assert QM.parent == PACKAGE_DIR / "ui" / "translations"
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.language() == "en"
    hatchling = pytest.importorskip("hatchling.builders.wheel")
    builder = hatchling.WheelBuilder(str(ROOT))
    shipped = {f.distribution_path.replace(os.sep, "/") for f in builder.recurse_included_files()}
    assert "firstbatch_desk/ui/translations/firstbatch_en.qm" in shipped


def test_no_tr_call_hides_inside_an_f_string() -> None:
    hidden = []
    for path in ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "tr"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    where = f"{path.relative_to(ROOT)}:{call.lineno}"
                    hidden.append(f"{where}: {call.args[0].value}")
    assert not hidden, "\n".join(hidden)


def test_every_translation_call_names_its_text_literally() -> None:
    """lupdate finds only literal texts: ``translate(ctx, text_variable)`` or a wrapper
    around ``tr`` would leave strings out of the .ts without anyone noticing."""
    hidden = []
    for path in ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            name = getattr(call.func, "attr", getattr(call.func, "id", ""))
            owner = getattr(getattr(call.func, "value", None), "id", "")
            if name == "translate" and owner not in ("QCoreApplication", "QApplication", ""):
                continue  # e.g. QPainter.translate(x, y)
            index = {"tr": 0, "translate": 1}.get(name)
            if index is None or len(call.args) <= index:
                continue
            text = call.args[index]
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert not hidden, "\n".join(hidden)


# -- the window in each language ------------------------------------------------------


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QTranslator]:
    """English for one test; Chinese (no translator, Chinese locale) again afterwards."""
    locale = QLocale()
    translator = install_translator(QApplication.instance(), "en")
    assert translator is not None, f"cannot load {QM}"
    try:
        yield translator
    finally:
        QApplication.instance().removeTranslator(translator)
        QLocale.setDefault(locale)


def open_window(context: Any, prompts: Any, qtbot: QtBot) -> MainWindow:
    window = build_main_window(context, prompts)
    qtbot.addWidget(window)
    window.show()
    return window


def shown_texts(window: MainWindow, qtbot: QtBot) -> dict[str, Any]:
    """The texts a user sees first, including ones set in base-class methods."""
    enterprises = window.enterprises_page
    recognitions = window.recognitions_page
    qtbot.waitUntil(lambda: enterprises.count_label.text() != "")
    dialog = _product_dialog(window)
    qtbot.addWidget(dialog)
    return {
        "menus": [action.text() for action in window.menuBar().actions()],
        "navigation": [window.navigation.item(n).text() for n in range(window.navigation.count())],
        # set in EnterprisesPage.__init__ / RecognitionsPage.__init__ (the subclass)
        "enterprise_new": enterprises.new_button.text(),
        "recognition_new": recognitions.new_button.text(),
        # set in ListPage.__init__ (the base class), shown by the subclasses
        "enterprise_edit": enterprises.edit_button.text(),
        "enterprise_delete": enterprises.delete_button.text(),
        "recognition_edit": recognitions.edit_button.text(),
        # set in FormDialog.__init__ (the base class) of ProductEditDialog
        "dialog_title": dialog.windowTitle(),
        "dialog_save": dialog.save_button.text(),
        # set in SearchBox.__init__, a widget inside the page
        "search_placeholder": enterprises.search_box.placeholderText(),
    }


def _product_dialog(window: MainWindow) -> Any:
    from firstbatch_desk.ui.dialogs.product_dialog import ProductEditDialog

    return ProductEditDialog(window.ctx, uuid.uuid4(), None, window)


def test_the_window_speaks_english_with_the_translator(
    english: QTranslator, context: Any, prompts: Any, qtbot: QtBot
) -> None:
    window = open_window(context, prompts, qtbot)
    assert window.windowTitle().startswith("FirstBatch Desk")
    assert shown_texts(window, qtbot) == {
        "menus": ["&File", "&Edit", "&View", "&Help"],
        "navigation": [
            "Workbench",
            "Enterprises",
            "Products and Recognitions",
            "Visits",
            "Needs",
            "Reports",
            "Audit Trail",
        ],
        "enterprise_new": "New Enterprise",
        "recognition_new": "Add Recognition",
        "enterprise_edit": "Edit",
        "enterprise_delete": "Delete",
        "recognition_edit": "Edit",
        "dialog_title": "Add Product",
        "dialog_save": "Save",
        "search_placeholder": "Search names, codes, products, summaries (Ctrl+F)",
    }


def test_the_window_speaks_chinese_without_a_translator(
    qapp: QApplication, context: Any, prompts: Any, qtbot: QtBot
) -> None:
    assert QCoreApplication.translate("MainWindow", "企业") == "企业", "a translator is left over"
    window = open_window(context, prompts, qtbot)
    assert window.windowTitle().startswith("首批次跟踪服务台")
    assert shown_texts(window, qtbot) == {
        "menus": ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"],
        "navigation": ["工作台", "企业", "产品与认定", "走访记录", "问题诉求", "报表", "审计记录"],
        "enterprise_new": "新建企业",
        "recognition_new": "新增认定",
        "enterprise_edit": "编辑",
        "enterprise_delete": "删除",
        "recognition_edit": "编辑",
        "dialog_title": "新增产品",
        "dialog_save": "保存",
        "search_placeholder": "搜索名称、代码、产品、纪要（Ctrl+F）",
    }
    assert re.fullmatch(r"共 \d+ 条", window.enterprises_page.count_label.text())


def test_the_base_class_record_count_is_english(
    english: QTranslator, context: Any, prompts: Any, qtbot: QtBot
) -> None:
    window = open_window(context, prompts, qtbot)
    label = window.enterprises_page.count_label
    qtbot.waitUntil(lambda: label.text() != "")
    assert re.fullmatch(r"Records: [\d,]+", label.text()), label.text()
