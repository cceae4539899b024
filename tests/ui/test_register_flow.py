"""An officer's morning with the register, driven through the real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from firstbatch_desk.domain.enums import Scheme, Tier
from firstbatch_desk.ui.main_window import MainWindow
from tests import factories
from tests.ui.keyboard import type_text

GOOD_CODE = "91350100M000100Y43"
WRONG_CODE = "91350100M000100Y44"


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def _wait_rows(qtbot: QtBot, page: Any, count: int) -> None:
    qtbot.waitUntil(lambda: page.model.rowCount() == count, timeout=3000)


def test_wrong_code_is_shown_then_enterprise_product_and_recognition_are_added(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    page = window.enterprises_page
    window.show_page("enterprises")

    def create_enterprise(dialog: Any) -> None:
        type_text(qtbot, dialog.name_edit, "振石集团华美新材料有限公司")
        type_text(qtbot, dialog.code_edit, WRONG_CODE)
        error = dialog.errors["credit_code"]
        assert error.isVisible()
        assert "第 18 位" in error.text() and "“3”" in error.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible(), "a wrong code must not be saved"
        assert context.services.info.database_info().counts["enterprises"] == 0
        dialog.code_edit.clear()
        type_text(qtbot, dialog.code_edit, GOOD_CODE.lower())
        assert not error.isVisible()
        _choose(dialog.division_combo, "330483")
        dialog.add_contact_row("张伟", "总经理", "13800000000", "")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def add_product(dialog: Any) -> None:
        type_text(qtbot, dialog.name_edit, "高阻燃高强度玻纤增强聚酯基复合材料")
        type_text(qtbot, dialog.model_edit, "HF-30")
        dialog.trl_spin.setValue(8)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def add_recognition(dialog: Any) -> None:
        _choose(dialog.scheme_combo, Scheme.PROVINCIAL_RECOGNITION.value)
        _choose(dialog.tier_combo, Tier.DOMESTIC.value)
        dialog.year_spin.setValue(2025)
        type_text(qtbot, dialog.document_edit, "浙经信材料〔2025〕197号")
        type_text(qtbot, dialog.recognised_edit, "2025-09-01")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts += [create_enterprise, add_product, add_recognition]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _wait_rows(qtbot, page, 1)
    assert page.current_row().credit_code == GOOD_CODE
    qtbot.mouseClick(page.add_product_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.add_recognition_button, Qt.MouseButton.LeftButton)
    assert all(not d.isVisible() for d in dialogs.seen)
    qtbot.waitUntil(lambda: "浙经信材料〔2025〕197号" in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert "高阻燃高强度玻纤增强聚酯基复合材料" in text and "张伟" in text
    qtbot.waitUntil(lambda: "认定 1" in window.counts_label.text())

    # find it by search and by filters on the register page
    window.show_page("register")
    register = window.recognitions_page
    _wait_rows(qtbot, register, 1)
    type_text(qtbot, register.search_box, "玻纤")
    qtbot.keyClick(register.search_box, Qt.Key.Key_Return)
    _wait_rows(qtbot, register, 1)
    assert register.model.highlight == "玻纤"
    register.search_box.clear()
    type_text(qtbot, register.search_box, "碳纤维")
    qtbot.keyClick(register.search_box, Qt.Key.Key_Return)
    _wait_rows(qtbot, register, 0)
    register.search_box.clear()
    qtbot.keyClick(register.search_box, Qt.Key.Key_Return)
    _wait_rows(qtbot, register, 1)
    _choose(register.scheme_filter, Scheme.NATIONAL_CATALOGUE.value)
    _wait_rows(qtbot, register, 0)
    _choose(register.scheme_filter, Scheme.PROVINCIAL_RECOGNITION.value)
    _wait_rows(qtbot, register, 1)
    _choose(register.validity_filter, "VALID")
    _wait_rows(qtbot, register, 1)
    _choose(register.validity_filter, "EXPIRED")
    _wait_rows(qtbot, register, 0)
    _choose(register.validity_filter, None)
    _wait_rows(qtbot, register, 1)

    # edit it
    def edit_recognition(dialog: Any) -> None:
        dialog.document_edit.clear()
        type_text(qtbot, dialog.document_edit, "浙经信材料〔2025〕198号")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(edit_recognition)
    register.table.selectRow(0)
    qtbot.mouseClick(register.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: register.model.row_at(0).document_no == "浙经信材料〔2025〕198号")


def test_delete_asks_keeps_a_tombstone_and_ctrl_z_brings_it_back(
    window: MainWindow, qtbot: QtBot, prompts: Any, context: Any
) -> None:
    case = factories.recognised_case(context.services)
    page = window.enterprises_page
    page.reload()
    _wait_rows(qtbot, page, 1)
    page.table.selectRow(0)

    prompts.answers.append(False)  # the officer hesitates
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1

    prompts.answers.append(True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    _wait_rows(qtbot, page, 0)
    assert context.services.info.database_info().counts["cases"] == 0
    assert window.undo_action.isEnabled()
    assert "嘉兴测试新材料" in window.undo_action.text()

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _wait_rows(qtbot, page, 1)
    assert context.services.cases.get_case(case.row.id).row.case_no == case.row.case_no
    assert not window.undo_action.isEnabled()
    assert "已撤销" in window.statusBar().currentMessage()


def test_duplicate_code_is_refused_with_a_link_to_the_holder(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    holder = factories.enterprise(context.services, name="巨石集团有限公司")
    page = window.enterprises_page
    page.reload()

    def duplicate(dialog: Any) -> None:
        type_text(qtbot, dialog.name_edit, "另一家公司")
        type_text(qtbot, dialog.code_edit, holder.credit_code)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        error = dialog.errors["credit_code"]
        assert error.isVisible() and "巨石集团有限公司" in error.text()
        assert 'href="open"' in error.text()
        error.linkActivated.emit("open")

    dialogs.scripts.append(duplicate)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert context.services.info.database_info().counts["enterprises"] == 1
    qtbot.waitUntil(lambda: page.current_key() == holder.id.hex)


def test_bad_text_in_the_form_is_explained_next_to_the_field(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    def overlong(dialog: Any) -> None:
        dialog.name_edit.setText("名" * 250)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "最多 200" in dialog.errors["name"].text()
        dialog.reject()

    dialogs.scripts.append(overlong)
    qtbot.mouseClick(window.enterprises_page.new_button, Qt.MouseButton.LeftButton)
    assert context.services.info.database_info().counts["enterprises"] == 0


def test_ctrl_n_on_the_register_records_a_recognition_for_a_chosen_enterprise(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    from firstbatch_desk.domain.dtos.register import ProductInput

    enterprise = factories.enterprise(context.services, name="浙江信汇新材料股份有限公司")
    context.services.products.create_product(ProductInput(enterprise.id, "卤代丁基橡胶"))
    lonely = factories.enterprise(context.services, name="没有产品的公司")
    window.show_page("register")
    page = window.recognitions_page

    def record(dialog: Any) -> None:
        combo = dialog.enterprise_combo
        _choose(combo, str(lonely.id))
        assert dialog.product_combo.count() == 0
        assert "先在“企业”页新增产品" in dialog.errors["product_id"].text()
        _choose(combo, str(enterprise.id))
        assert dialog.product_combo.currentText() == "卤代丁基橡胶"
        _choose(dialog.scheme_combo, Scheme.MUNICIPAL_RECOGNITION.value)
        assert [dialog.tier_combo.itemData(i) for i in range(dialog.tier_combo.count())] == [
            Tier.MUNICIPAL.value,
            Tier.OTHER.value,
        ]
        type_text(qtbot, dialog.recognised_edit, "2026-03-01")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(record)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _wait_rows(qtbot, page, 1)
    row = page.model.row_at(0)
    assert (row.enterprise_name, row.tier) == ("浙江信汇新材料股份有限公司", Tier.MUNICIPAL)


def test_a_recognition_gets_its_case_and_its_product_is_edited_from_the_register(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    from firstbatch_desk.domain.dtos.register import ProductInput, RecognitionInput

    enterprise = factories.enterprise(context.services)
    product = context.services.products.create_product(ProductInput(enterprise.id, "石墨烯导热膜"))
    context.services.recognitions.create_recognition(
        RecognitionInput(product.id, Scheme.PROVINCIAL_CATALOGUE, Tier.OTHER, 2025)
    )
    window.show_page("register")
    page = window.recognitions_page
    page.reload()
    page.table.selectRow(0)

    dialogs.scripts.append(
        lambda dialog: qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    )
    qtbot.mouseClick(page.open_case_button, Qt.MouseButton.LeftButton)
    cases = context.services.cases.list_cases()
    assert [c.product_id for c in cases] == [product.id]

    def rename(dialog: Any) -> None:
        dialog.name_edit.setText("石墨烯导热膜（二代）")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    dialogs.scripts.append(rename)
    qtbot.mouseClick(page.edit_product_button, Qt.MouseButton.LeftButton)
    assert context.services.products.get_product(product.id).name == "石墨烯导热膜（二代）"
    qtbot.waitUntil(lambda: page.model.row_at(0).product_name == "石墨烯导热膜（二代）")


def test_the_code_of_a_deleted_enterprise_offers_to_restore_it(
    window: MainWindow, qtbot: QtBot, dialogs: Any, context: Any
) -> None:
    gone = factories.enterprise(context.services, name="已注销的新材料公司")
    context.services.enterprises.delete_enterprise(gone.id)
    page = window.enterprises_page
    page.reload()

    def reuse_code(dialog: Any) -> None:
        type_text(qtbot, dialog.name_edit, "新公司")
        type_text(qtbot, dialog.code_edit, gone.credit_code)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        error = dialog.errors["credit_code"]
        assert "已删除" in error.text() and 'href="restore"' in error.text()
        error.linkActivated.emit("restore")

    dialogs.scripts.append(reuse_code)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert context.services.enterprises.get_enterprise(gone.id).deleted_at is None
    qtbot.waitUntil(lambda: page.current_key() == gone.id.hex)
