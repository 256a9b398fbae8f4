"""What every workspace backend offers, so capabilities need not know which one it is.

A workspace is either a GeoPackage (``core.workspace.geopackage.Workspace``) or a schema on
a PostgreSQL server (``core.workspace.postgis.PgWorkspace``); ``core.workspace.open.workspace_of``
opens either from a path, a layer or a connection + schema.  Code that reads or
writes workspace rows directly (the finding merge, case status saves) uses
``transaction()``: one database transaction, with SQL written once with ``?``
placeholders, so the same statements run on both backends.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import Any, Callable, List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsVectorLayer


class SqlSession:
    """One open transaction on a workspace.

    SQL is written with ``?`` placeholders and ``{t}``-style table names from
    ``table()``; the session adapts both to its backend.  ``geometry()`` gives the
    SQL fragment and the bound value that store a geometry in the backend's format.
    """

    def __init__(
        self,
        cursor,
        placeholder: str,
        quote_table: Callable[[str], str],
        geometry: Callable[[str, Optional[QgsGeometry]], Tuple[str, Any]],
    ):
        self._cursor = cursor
        self._placeholder = placeholder
        self._quote_table = quote_table
        self._geometry = geometry

    def table(self, name: str) -> str:
        """The quoted (and, on PostGIS, schema-qualified) name of a workspace table."""
        return self._quote_table(name)

    def _sql(self, text: str) -> str:
        return text if self._placeholder == "?" else text.replace("?", self._placeholder)

    def execute(self, text: str, params: Sequence = ()) -> int:
        """Run one statement; returns the number of rows it changed (or -1)."""
        self._cursor.execute(self._sql(text), tuple(params))
        return self._cursor.rowcount

    def query(self, text: str, params: Sequence = ()) -> List[tuple]:
        self._cursor.execute(self._sql(text), tuple(params))
        return [tuple(row) for row in self._cursor.fetchall()]

    def executemany(self, text: str, rows: Sequence[Sequence]) -> None:
        if rows:
            self._cursor.executemany(self._sql(text), [tuple(row) for row in rows])

    def geometry(self, table: str, geometry: Optional[QgsGeometry]) -> Tuple[str, Any]:
        """(SQL fragment, bound value) storing ``geometry`` (multi-part, 2D) in ``table``;
        NULL for a missing or empty geometry."""
        return self._geometry(table, geometry)


def check_workspace_crs(crs: QgsCoordinateReferenceSystem) -> None:
    """A new workspace's CRS: valid, and metres or CGCS2000 geographic (both backends)."""
    from ...translation import tr
    from ..errors import WorkspaceError

    if not crs.isValid():
        raise WorkspaceError(tr("Unknown coordinate reference system."))
    if crs.isGeographic() and crs.authid() != "EPSG:4490":
        raise WorkspaceError(
            tr("{0} is geographic: use CGCS2000 (EPSG:4490) or a projected CRS.").format(
                crs.authid()
            )
        )


class WorkspaceBase(ABC):
    """A workspace, whatever its backend (see the module docstring)."""

    @abstractmethod
    def layer(self, table: str, name: Optional[str] = None) -> QgsVectorLayer:
        """The table as a QGIS layer with its stored default style."""

    @abstractmethod
    def crs(self) -> QgsCoordinateReferenceSystem:
        """The workspace CRS (every table's)."""

    @abstractmethod
    def schema_version(self) -> int:
        """The schema version stored in the workspace."""

    @abstractmethod
    def describe(self) -> str:
        """A name to show the user (no credentials)."""

    @abstractmethod
    def transaction(self, what: str, lock: Optional[str] = None) -> AbstractContextManager:
        """A ``SqlSession`` in one transaction, committed at the end, rolled back on error.

        ``lock`` names a table no other writer may change until the transaction ends
        (writers queue; readers are not blocked): what a read-merge-write such as the
        finding merge needs so that two runs at once cannot both insert.  ``what``
        says in error messages what was being done.
        """

    @property
    @abstractmethod
    def backend(self) -> str:
        """``"gpkg"`` or ``"postgis"``."""
