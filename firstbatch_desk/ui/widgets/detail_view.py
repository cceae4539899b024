"""The read-only detail panel: simple HTML built from DTOs, with links between records."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

STYLE = """
<style>
h2 { font-size: 15pt; margin: 0 0 4px 0; }
h3 { font-size: 11pt; margin: 14px 0 4px 0; color: #1f4e79; }
table { border-collapse: collapse; }
td, th { padding: 2px 8px 2px 0; vertical-align: top; }
th { text-align: left; color: #555; font-weight: normal; }
.muted { color: #777; }
.warn { color: #c0392b; }
</style>
"""


def esc(value: object) -> str:
    return html.escape("" if value is None else str(value))


def link(kind: str, ident: object, text: object) -> str:
    return f'<a href="fb:{kind}/{ident}">{esc(text)}</a>'


def facts(pairs: Iterable[tuple[str, object]]) -> str:
    rows = "".join(
        f"<tr><th>{esc(label)}</th><td>{value if isinstance(value, Html) else esc(value)}</td></tr>"
        for label, value in pairs
    )
    return f"<table>{rows}</table>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], empty: str) -> str:
    body = "".join(
        "<tr>" + "".join(f"<td>{c if isinstance(c, Html) else esc(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    if not body:
        return muted(empty)
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    return f"<table><tr>{head}</tr>{body}</table>"


def heading(text: str) -> str:
    return f"<h3>{esc(text)}</h3>"


def paragraph(text: object) -> str:
    return f"<p>{esc(text)}</p>"


def muted(text: str) -> str:
    return f'<p class="muted">{esc(text)}</p>'


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def attachment_list(rows: Iterable[object], empty: str) -> str:
    """Attachments as links that open them (rows with id, original_name, size, caption)."""
    items = "".join(
        f"<li>{link('attachment', r.id, r.original_name)}"  # type: ignore[attr-defined]
        f" <span class='muted'>{esc(human_size(r.size))}"  # type: ignore[attr-defined]
        f"{' · ' + esc(r.caption) if r.caption else ''}</span></li>"  # type: ignore[attr-defined]
        for r in rows
    )
    return f"<ul>{items}</ul>" if items else muted(empty)


class Html(str):
    """Text that is already HTML (not escaped again)."""


class DetailView(QTextBrowser):
    """Shows one record; clicking a link emits ``link_activated(kind, id)``."""

    link_activated = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.setObjectName("detail_view")

    def show_html(self, body: str) -> None:
        self.setHtml(STYLE + body)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("fb:") and "/" in text:
            kind, ident = text[3:].split("/", 1)
            self.link_activated.emit(kind, ident)
