"""The inspection dock's findings list: a model over ``core.findings.load_findings`` rows.

Why a model and not a QTreeWidget: 30k findings as widget items took seconds to
build and every status change walked all of them.  Here the rows are plain
``FindingRow`` objects read in one query; a status step replaces only its rows
(``update_rows``) and tells the view which cells changed.  Rows are grouped by
rule, by township or not at all; ``FindingsFilter`` (a QSortFilterProxyModel)
filters by status, township, rule and ID text; sorting is done here on Python
keys (one sort, not a C++ comparison calling back into Python n·log n times).
"""

from __future__ import annotations

from typing import Dict, Iterable, List, Optional, Sequence

from qgis.PyQt.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt

from ..core.findings import FindingRow, township_label
from ..core.rules import RULES, rule_label
from ..domain import codes
from ..translation import tr

#: fid of a finding row (None on a group row).
FID_ROLE = Qt.ItemDataRole.UserRole + 1
#: key of a group row (rule code or township code).
GROUP_ROLE = Qt.ItemDataRole.UserRole + 2
#: stored status code of a finding row (the column shows the label).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
#: "1" when the row passes the model's filters (what ``FindingsFilter`` filters on).
MATCH_ROLE = Qt.ItemDataRole.UserRole + 4

PARCEL, STATUS, RULE, TOWNSHIP, AREA, MESSAGE = range(6)
#: Grouping choices.
BY_RULE, BY_TOWNSHIP, FLAT = "rule", "township", ""

_NO_PARENT = 0xFFFFFFFF  # internal id of a top-level row
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FindingsModel(QAbstractItemModel):
    """Findings as a two-level tree (group → findings) or a flat list."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: List[FindingRow] = []
        self.grouping = BY_RULE
        self._groups: List[str] = []
        self._members: List[List[int]] = []  # per group: positions in self.rows
        self._flat: List[int] = []
        self._where: Dict[int, tuple] = {}  # fid -> (group number or -1, row number)
        self._sort = (-1, Qt.SortOrder.AscendingOrder)
        self.filters = ("", "", "", "")  # status, township, rule, lower-case ID text

    def matches(self, row: FindingRow) -> bool:
        """Whether ``row`` passes the filters (status, township, rule codes; ID text)."""
        status, township, rule, text = self.filters
        return (
            (not status or row.status == status)
            and (not township or row.township == township)
            and (not rule or row.rule == rule)
            and (not text or text in row.parcel_id.lower())
        )

    # content -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[FindingRow], grouping: Optional[str] = None) -> None:
        """Show ``rows`` (a re-run, a reload), grouped by ``grouping`` if given."""
        self.beginResetModel()
        self.rows = list(rows)
        if grouping is not None:
            self.grouping = grouping
        self._build()
        self.endResetModel()

    def set_grouping(self, grouping: str) -> None:
        self.set_rows(self.rows, grouping)

    def _group_key(self, row: FindingRow) -> str:
        return row.rule if self.grouping == BY_RULE else row.township

    def _build(self) -> None:
        members: Dict[str, List[int]] = {}
        for position, row in enumerate(self.rows):
            members.setdefault(self._group_key(row) if self.grouping else "", []).append(position)
        if self.grouping == BY_RULE:
            order = [rule for rule in RULES if rule in members] + sorted(set(members) - set(RULES))
        else:
            order = sorted(members)
        self._groups = order if self.grouping else []
        self._members = [members[key] for key in self._groups]
        self._flat = list(range(len(self.rows))) if not self.grouping else []
        self._order_rows()

    def _key(self, column: int):
        if column == STATUS:
            return lambda position: (self.rows[position].status, self.rows[position].parcel_id)
        if column == AREA:
            return lambda position: (
                self.rows[position].area_m2 or 0.0,
                self.rows[position].parcel_id,
            )
        if column in (RULE, TOWNSHIP, MESSAGE):
            return lambda position: (
                self.text(self.rows[position], column),
                self.rows[position].parcel_id,
            )
        return lambda position: self.rows[position].parcel_id

    def _order_rows(self) -> None:
        column, order = self._sort
        key = self._key(column if column >= 0 else PARCEL)
        reverse = column >= 0 and order == Qt.SortOrder.DescendingOrder
        lists = self._members if self.grouping else [self._flat]
        for members in lists:
            members.sort(key=key, reverse=reverse)
        self._where = {}
        if self.grouping:
            for number, members in enumerate(self._members):
                for place, position in enumerate(members):
                    self._where[self.rows[position].fid] = (number, place)
        else:
            for place, position in enumerate(self._flat):
                self._where[self.rows[position].fid] = (-1, place)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the findings (inside each group) by ``column``."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        fids = [self.data(index, FID_ROLE) for index in old]
        groups = [self.data(index, GROUP_ROLE) for index in old]
        self._sort = (column, order)
        self._order_rows()
        new = []
        for index, fid, group in zip(old, fids, groups):
            if fid is not None:
                new.append(self.index_of(fid, index.column()))
            elif group is not None and group in self._groups:
                new.append(self.index(self._groups.index(group), index.column()))
            else:
                new.append(QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def update_rows(self, rows: Iterable[FindingRow]) -> int:
        """Replace the rows of the same fid (a status step, a save); only their
        cells are redrawn.  Returns how many were found."""
        count = 0
        for row in rows:
            where = self._where.get(row.fid)
            if where is None:
                continue
            group, place = where
            position = self._members[group][place] if group >= 0 else self._flat[place]
            self.rows[position] = row
            left = self.index_of(row.fid, 0)
            self.dataChanged.emit(left, left.siblingAtColumn(MESSAGE))
            count += 1
        return count

    # lookups ---------------------------------------------------------------------------
    def row_of(self, index: QModelIndex) -> Optional[FindingRow]:
        """The finding of an index of this model (None for a group)."""
        if not index.isValid():
            return None
        group = index.internalId()
        if self.grouping:
            if group == _NO_PARENT:
                return None
            return self.rows[self._members[group][index.row()]]
        return self.rows[self._flat[index.row()]]

    def finding(self, fid: int) -> Optional[FindingRow]:
        where = self._where.get(fid)
        if where is None:
            return None
        group, place = where
        return self.rows[self._members[group][place] if group >= 0 else self._flat[place]]

    def index_of(self, fid: int, column: int = 0) -> QModelIndex:
        where = self._where.get(fid)
        if where is None:
            return QModelIndex()
        group, place = where
        return self.createIndex(place, column, group if group >= 0 else _NO_PARENT)

    def group_index(self, key: str) -> QModelIndex:
        if key not in self._groups:
            return QModelIndex()
        return self.index(self._groups.index(key), 0)

    def group_keys(self) -> List[str]:
        return list(self._groups)

    def group_counts(self) -> Dict[str, int]:
        return {key: len(members) for key, members in zip(self._groups, self._members)}

    def group_label(self, key: str) -> str:
        if self.grouping == BY_RULE:
            return rule_label(key)
        return township_label(key) if key else tr("No township")

    @staticmethod
    def text(row: FindingRow, column: int) -> str:
        if column == PARCEL:
            return row.parcel_id
        if column == STATUS:
            return codes.CASE_STATUS.label(row.status, row.status)
        if column == RULE:
            return rule_label(row.rule)
        if column == TOWNSHIP:
            return township_label(row.township)
        if column == AREA:
            return "" if row.area_m2 is None else "{0:.1f}".format(row.area_m2)
        return row.message

    # Qt model API ---------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if row < 0 or column < 0 or column > MESSAGE:
            return QModelIndex()
        if not parent.isValid():
            count = len(self._groups) if self.grouping else len(self._flat)
            return self.createIndex(row, column, _NO_PARENT) if row < count else QModelIndex()
        if not self.grouping or parent.internalId() != _NO_PARENT:
            return QModelIndex()
        if parent.row() >= len(self._members) or row >= len(self._members[parent.row()]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
        if not index.isValid() or not self.grouping or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _NO_PARENT)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self._groups) if self.grouping else len(self._flat)
        if self.grouping and parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._members[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return MESSAGE + 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.grouping and index.internalId() == _NO_PARENT:  # a group: not selected
            return _GROUP_FLAGS
        return _ROW_FLAGS

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.row_of(index)
        if row is None:
            key = self._groups[index.row()]
            if role == GROUP_ROLE:
                return key
            if role == MATCH_ROLE:  # shown through its findings (recursive filtering)
                return "0"
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return tr("{0} ({1})").format(
                    self.group_label(key), len(self._members[index.row()])
                )
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == MESSAGE:
            return row.message
        if role == FID_ROLE:
            return row.fid
        if role == STATUS_ROLE:
            return row.status
        if role == MATCH_ROLE:
            return "1" if self.matches(row) else "0"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            tr("Finding"),
            tr("Status"),
            tr("Rule"),
            tr("Township"),
            tr("Area (m²)"),
            tr("Message"),
        )[section]


class FindingsFilter(QSortFilterProxyModel):
    """Filters by status, township, rule (codes; empty: any) and ID text; groups stay
    while any of their findings passes.  The test is the model's ``matches`` read
    through ``MATCH_ROLE`` by Qt's own fixed-string filter, so an unfiltered list
    of 30k rows costs no Python call per row.  Sorting is handed to the model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(MATCH_ROLE)
        self.setFilterKeyColumn(0)

    def set_filters(
        self, status: str = "", township: str = "", rule: str = "", text: str = ""
    ) -> None:
        model: FindingsModel = self.sourceModel()
        model.filters = (status, township, rule, text.strip().lower())
        self.setFilterFixedString("1" if self.active() else "")
        self.invalidateFilter()

    def active(self) -> bool:
        return any(self.sourceModel().filters)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source model (Python keys), keeping the proxy in source order."""
        self.sourceModel().sort(column, order)

    def fid(self, index: QModelIndex) -> Optional[int]:
        return self.data(index, FID_ROLE) if index.isValid() else None

    def visible_count(self) -> int:
        """Findings shown under the current filters."""
        model: FindingsModel = self.sourceModel()
        if not model.grouping:
            return self.rowCount()
        return sum(self.rowCount(self.index(number, 0)) for number in range(self.rowCount()))
