"""Save a PNG of every page (and of the enterprise dialog showing a credit-code error).

    python benchmarks/screens.py --data-dir DIR --out DIR [--lang zh_CN|en]

Runs offscreen unless QT_QPA_PLATFORM says otherwise; every page is pictured at 1366×768,
the dialog at its own size.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

WIDTH, HEIGHT = 1366, 768


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", required=True, type=Path)
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from firstbatch_desk.app import open_context
    from firstbatch_desk.ui.dialogs.enterprise_dialog import EnterpriseEditDialog
    from firstbatch_desk.ui.i18n import install_translator
    from firstbatch_desk.ui.launch import build_main_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, args.lang)
    context = open_context(args.data_dir)
    context.settings.language = args.lang
    window = build_main_window(context)
    window.resize(WIDTH, HEIGHT)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    saved = []

    def settle() -> None:
        for _ in range(10):
            app.processEvents()
            window.ctx.tasks.wait()

    def save(name: str) -> None:
        settle()
        path = args.out / f"{name}.png"
        window.grab().save(str(path))
        saved.append(path)

    for number, name in enumerate(window.PAGES):
        window.navigation.setCurrentRow(number)
        page = window.current_list_page()
        if page is not None:
            page.table.selectRow(0)
        save(f"{number + 1}-{name}")
        if name == "register":
            window.register_tabs.setCurrentWidget(window.cases_page)
            window.cases_page.table.selectRow(0)
            save(f"{number + 1}-{name}-cases")
            window.register_tabs.setCurrentWidget(window.recognitions_page)

    window.show_page("enterprises")
    dialog = EnterpriseEditDialog(window.ctx, None, window)
    dialog.name_edit.setText("嘉兴示例新材料有限公司")
    dialog.code_edit.setText("91330402MA2B3C4D5Z")
    dialog.code_edit.check(final=True)
    dialog.show()
    settle()
    path = args.out / "enterprise-dialog-credit-code-error.png"
    dialog.grab().save(str(path))
    saved.append(path)
    dialog.close()
    save_visit_form(window, args.out, saved, settle)
    window.close()
    context.close()
    for path in saved:
        print(path)
    return 0


def save_visit_form(window: object, out: Path, saved: list[Path], settle: object) -> None:
    """The visit form for the first case of the list, half filled in, top and bottom."""
    from firstbatch_desk.ui.dialogs.visit_dialog import VisitDialog

    cases = window.cases_page  # type: ignore[attr-defined]
    cases.ensure_loaded()
    row = cases.model.row_at(0)
    dialog = VisitDialog(
        window.ctx,  # type: ignore[attr-defined]
        enterprise_id=row.enterprise_id,
        case_ids=(row.id,),
        parent=window,  # type: ignore[arg-type]
    )
    dialog.texts["production_status"].setPlainText("两条产线满负荷运行，月产约 30 吨。")
    dialog.texts["summary"].setPlainText(
        "企业首批次产品已批量供货，下游两家用户完成验证；反映保险补偿申报材料准备困难。"
    )
    dialog.contract_edit.setText("120.5")
    dialog.show()
    for name, fraction in (("visit-form-top", 0.0), ("visit-form-bottom", 1.0)):
        bar = dialog.scroll_area.verticalScrollBar()
        bar.setValue(int(bar.maximum() * fraction))
        settle()  # type: ignore[operator]
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        saved.append(path)
    dialog._dirty = False  # a picture, not a draft
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
