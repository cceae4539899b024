"""A read-only table model over a big SQL list: ordered keys, rows loaded on demand.

The model holds the ordered keys of every matching row (fetched in one
indexed query) and loads the rows it is asked to show in chunks, keeping a
bounded cache. Sorting asks SQL for a new key order; no proxy model is used.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from firstbatch_desk.services.listing import SortOrder
from firstbatch_desk.ui.memory import trim_free_memory
from firstbatch_desk.ui.models.columns import Column, cell_text
from firstbatch_desk.ui.tasks import TaskRunner

KeyFetcher = Callable[[SortOrder | None, int | None], Sequence[str]]
RowFetcher = Callable[[Sequence[str]], list[Any]]

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    """Rows of DTOs with an ``id`` (UUID) attribute, shown through ``columns``.

    ``refresh()`` fetches the first ``FIRST_KEYS`` keys at once, so the list
    shows at once whatever its size; when there may be more, the whole key
    list is fetched in the background and the rest of the rows are appended
    (the first keys are a prefix of the whole list: the order is total).
    """

    CHUNK = 100
    CACHE_LIMIT = 1200  # rows kept; a screen shows about 30
    FIRST_KEYS = 1000

    refreshed = Signal(int)
    completed = Signal(int)

    def __init__(
        self,
        columns: Sequence[Column],
        fetch_keys: KeyFetcher,
        fetch_rows: RowFetcher,
        *,
        language: str = "zh_CN",
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._fetch_keys = fetch_keys
        self._fetch_rows = fetch_rows
        self._language = language
        self._keys: Sequence[str] = ()
        self._cache: OrderedDict[str, Any] = OrderedDict()
        self._order: SortOrder | None = None
        self._generation = 0
        self._complete = True
        self.tasks: TaskRunner | None = None
        self.highlight = ""
        self.foreground: Callable[[Any], Any] | None = None

    # -- loading -----------------------------------------------------------

    def set_fetchers(self, fetch_keys: KeyFetcher, fetch_rows: RowFetcher | None = None) -> None:
        """Use new queries (a new filter) and reload."""
        self._fetch_keys = fetch_keys
        if fetch_rows is not None:
            self._fetch_rows = fetch_rows
        self.refresh()

    def refresh(self) -> None:
        """Ask SQL again for the keys in the current order; forget cached rows."""
        self._generation += 1
        first = self._fetch_keys(self._order, self.FIRST_KEYS)
        self.beginResetModel()
        self._keys = first
        self._cache.clear()
        self.endResetModel()
        self._complete = len(first) < self.FIRST_KEYS
        self.refreshed.emit(len(first))
        if self._complete:
            self.completed.emit(len(first))
        elif self.tasks is None:
            self._append_rest(self._generation, self._fetch_keys(self._order, None))
        else:
            generation, order, fetch = self._generation, self._order, self._fetch_keys
            self.tasks.run(
                lambda: fetch(order, None), lambda keys: self._append_rest(generation, keys)
            )

    def _append_rest(self, generation: int, keys: Sequence[str]) -> None:
        if generation != self._generation:
            return  # a newer query has replaced this one
        have = len(self._keys)
        if len(keys) > have:
            self.beginInsertRows(QModelIndex(), have, len(keys) - 1)
            self._keys = keys
            self.endInsertRows()
        else:
            self._keys = keys
        self._complete = True
        trim_free_memory()  # the previous list and the fetch's buffers are gone now
        self.completed.emit(len(keys))

    def is_complete(self) -> bool:
        return self._complete

    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def key_at(self, row: int) -> str | None:
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def row_of_key(self, key: str) -> int:
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def row_at(self, row: int) -> Any:
        """The DTO of ``row``, loading its chunk if needed (None outside the list)."""
        key = self.key_at(row)
        if key is None:
            return None
        found = self._cache.get(key)
        if found is None:
            self._load_chunk(row)
            found = self._cache.get(key)
        else:
            self._cache.move_to_end(key)
        return found

    def _load_chunk(self, row: int) -> None:
        start = max(0, row - self.CHUNK // 4)
        wanted = [k for k in self._keys[start : start + self.CHUNK] if k not in self._cache]
        for dto in self._fetch_rows(wanted):
            self._cache[dto.id.hex] = dto
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        if role == KEY_ROLE:
            return self.key_at(index.row())
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
            ROW_ROLE,
        ):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        dto = self.row_at(index.row())
        if dto is None:
            return None
        if role == ROW_ROLE:
            return dto
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(dto) if self.foreground else None
        text = cell_text(column.value(dto), self._language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 20 else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    @property
    def sort_order(self) -> SortOrder | None:
        """The order the rows are in (None: the list's default)."""
        return self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sort_key:
            return
        self._order = SortOrder(
            self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder
        )
        self.refresh()
