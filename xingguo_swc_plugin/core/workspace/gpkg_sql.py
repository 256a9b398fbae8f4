"""Direct SQL on a GeoPackage workspace: one write transaction, geometry blobs.

Why not through QGIS's OGR provider: a read-merge-write (the finding merge) and a
conditional update (a case status saved only if nobody changed the row since it
was read) must run in ONE transaction that no other writer can interleave with.
``BEGIN IMMEDIATE`` takes SQLite's write lock at once, so a second writer (another
QGIS, another run) waits for it (``busy timeout``) and then reads what the first
committed; readers are not blocked (WAL).

GeoPackage stores geometry as a ``GP`` header + WKB, and GDAL's R-tree triggers
call ``ST_IsEmpty``/``ST_MinX``... on insert and geometry update: those functions
are registered here, reading the envelope this module writes into the header.
"""

from __future__ import annotations

import sqlite3
import struct
from contextlib import contextmanager
from typing import Any, Dict, Iterator, Optional, Tuple

from qgis.core import QgsGeometry, QgsWkbTypes

from ...translation import tr
from ..errors import WorkspaceError
from .base import SqlSession

#: Seconds a writer waits for another writer's transaction before giving up.
BUSY_TIMEOUT = 120.0

_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def _header(blob: bytes) -> Tuple[bool, Optional[Tuple[float, float, float, float]], int]:
    """(empty, envelope (minx, maxx, miny, maxy) or None, header length) of a GPKG blob."""
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    kind = (flags >> 1) & 7
    count = _ENVELOPE_DOUBLES.get(kind, 0)
    envelope = struct.unpack(order + "4d", blob[8:40]) if count else None
    return bool(flags & 16), envelope, 8 + 8 * count


def _envelope(blob: Optional[bytes]) -> Optional[Tuple[float, float, float, float]]:
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    empty, envelope, length = _header(bytes(blob))
    if empty:
        return None
    if envelope is None:
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(blob[length:]))
        if geometry.isEmpty():
            return None
        box = geometry.boundingBox()
        envelope = (box.xMinimum(), box.xMaximum(), box.yMinimum(), box.yMaximum())
    return envelope


def _is_empty(blob) -> int:
    return 1 if _envelope(blob) is None else 0


def _part(position: int):
    def function(blob):
        envelope = _envelope(blob)
        return None if envelope is None else envelope[position]

    return function


def encode(geometry: Optional[QgsGeometry], srs_id: int) -> Optional[bytes]:
    """A GeoPackage geometry blob (multi-part, envelope in the header); None for
    a missing or empty geometry (stored as NULL, as QGIS does)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    geometry = QgsGeometry(geometry)
    if not QgsWkbTypes.isMultiType(geometry.wkbType()):
        geometry.convertToMultiType()
    box = geometry.boundingBox()
    header = (
        b"GP"
        + bytes([0, 0b00000011])
        + struct.pack(
            "<i4d", int(srs_id), box.xMinimum(), box.xMaximum(), box.yMinimum(), box.yMaximum()
        )
    )
    return header + bytes(geometry.asWkb())


def decode(blob: Optional[bytes]) -> QgsGeometry:
    """The geometry of a GeoPackage blob (a null geometry for NULL)."""
    geometry = QgsGeometry()
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return geometry
    _, _, length = _header(bytes(blob))
    geometry.fromWkb(bytes(blob[length:]))
    return geometry


def connect(path: str) -> sqlite3.Connection:
    """A connection that can fire GDAL's R-tree triggers (autocommit; callers BEGIN)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    connection.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for position, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        connection.create_function(name, 1, _part(position), deterministic=True)
    return connection


@contextmanager
def write_transaction(path: str, what: str) -> Iterator[SqlSession]:
    """A ``SqlSession`` holding the GeoPackage's write lock until it ends."""
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise WorkspaceError(
            tr("Cannot open the workspace {0}: {1}").format(path, str(error))
        ) from None
    srs: Dict[str, int] = {}

    def geometry(table: str, value: Optional[QgsGeometry]) -> Tuple[str, Any]:
        if table not in srs:
            row = connection.execute(
                "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
            ).fetchone()
            srs[table] = int(row[0]) if row else 0
        return "?", encode(value, srs[table])

    try:
        connection.execute("BEGIN IMMEDIATE")
        cursor = connection.cursor()
        yield SqlSession(cursor, "?", lambda name: '"' + name.replace('"', '""') + '"', geometry)
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        message = str(error)
        if "locked" in message or "busy" in message:
            raise WorkspaceError(
                tr(
                    "The workspace {0} is busy (another user or run is "
                    "writing to it) while {1}; nothing was changed. Try "
                    "again."
                ).format(path, what)
            ) from None
        raise WorkspaceError(
            tr("The workspace {0} refused {1}: {2}").format(path, what, message)
        ) from None
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    finally:
        connection.close()
