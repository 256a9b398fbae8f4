"""Gully IDs (``bgbh``): the ONE allocation entry point ``next_benggang_id``.

Why its own module: the ID must be unique county-wide and never reused; the
high-water mark lives beside the layer (``benggang_seq`` in a GeoPackage, the
server sequence on PostGIS, a layer custom property otherwise).
"""

from __future__ import annotations

import os
import re
import sqlite3
from typing import Callable, Dict, Optional, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..translation import tr
from .errors import InputError

#: Table of the per-township high-water mark in a GeoPackage.
SEQ_TABLE = "benggang_seq"
#: Layer custom property prefix of the high-water mark for other providers.
SEQ_PROPERTY = "xgswc/benggang_seq/"
ID_PATTERN = re.compile(r"^(\d+)-(\d+)$")


def format_benggang_id(township_code: str, sequence: int) -> str:
    return "{0}-{1:04d}".format(township_code, sequence)


def parse_benggang_id(bgbh: object) -> Optional[Tuple[str, int]]:
    """(township code, sequence) of a well-formed ID, None otherwise."""
    if not isinstance(bgbh, str):
        return None
    match = ID_PATTERN.match(bgbh.strip())
    return (match.group(1), int(match.group(2))) if match else None


def _max_sequence_in_layer(layer: QgsVectorLayer, township_code: str) -> int:
    """Highest sequence among the layer's features (edit buffer included)."""
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(["bgbh"], layer.fields())
    request.setFilterExpression(
        '"bgbh" LIKE {0}'.format("'" + township_code.replace("'", "''") + "-%'")
    )
    highest = 0
    for feature in layer.getFeatures(request):
        parsed = parse_benggang_id(feature["bgbh"])
        if parsed and parsed[0] == township_code:
            highest = max(highest, parsed[1])
    return highest


def _geopackage_path(layer: QgsVectorLayer) -> Optional[str]:
    if layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path", "")
    return path if path.lower().endswith(".gpkg") and os.path.isfile(path) else None


#: Provider key -> allocator(layer, township_code, reserve, highest_in_layer) -> sequence.
#: A backend with its own sequence store (e.g. PostGIS, shared by many users)
#: registers here; ``next_benggang_id`` stays the one entry point.
SEQUENCE_ALLOCATORS: Dict[str, Callable[[QgsVectorLayer, str, bool, int], int]] = {}


def _postgis_sequence(layer: QgsVectorLayer, code: str, reserve: bool, highest: int) -> int:
    """PostGIS: the server allocates, committed at once (issue 8, core.workspace.postgis)."""
    from .workspace.postgis import next_benggang_sequence

    return next_benggang_sequence(layer, code, highest, reserve)


SEQUENCE_ALLOCATORS["postgres"] = _postgis_sequence


def next_benggang_id(layer: QgsVectorLayer, township_code: str, reserve: bool = True) -> str:
    """The next free gully ID of ``township_code`` for ``layer``.

    Sequence = max(high-water mark, highest sequence in the layer) + 1, so IDs stay
    unique within the township and an ID of a deleted gully is never reused.
    ``reserve=False`` only previews the ID (shown before saving); ``reserve=True``
    raises the high-water mark in the same transaction, so two allocations never
    return the same ID.  This is the one place IDs are allocated.
    """
    if not township_code:
        raise InputError(tr("No township: cannot number the gully."))
    allocator = SEQUENCE_ALLOCATORS.get(layer.providerType())
    if allocator is not None:
        sequence = allocator(
            layer, township_code, reserve, _max_sequence_in_layer(layer, township_code)
        )
        return format_benggang_id(township_code, sequence)
    path = _geopackage_path(layer)
    if path is not None:
        return _next_id_geopackage(path, layer, township_code, reserve)
    key = SEQ_PROPERTY + township_code
    stored = int(layer.customProperty(key, 0) or 0)
    sequence = max(stored, _max_sequence_in_layer(layer, township_code)) + 1
    if reserve:
        layer.setCustomProperty(key, sequence)
    return format_benggang_id(township_code, sequence)


def _next_id_geopackage(path: str, layer: QgsVectorLayer, township_code: str, reserve: bool) -> str:
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE" if reserve else "BEGIN")
        if reserve:
            connection.execute(
                "CREATE TABLE IF NOT EXISTS "
                + SEQ_TABLE
                + " (xzqdm TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)"
            )
        exists = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (SEQ_TABLE,)
        ).fetchone()
        row = (
            connection.execute(
                "SELECT last_seq FROM " + SEQ_TABLE + " WHERE xzqdm=?", (township_code,)
            ).fetchone()
            if exists
            else None
        )
        stored = int(row[0]) if row else 0
        sequence = max(stored, _max_sequence_in_layer(layer, township_code)) + 1
        if reserve:
            connection.execute(
                "INSERT OR REPLACE INTO " + SEQ_TABLE + " (xzqdm, last_seq) VALUES (?, ?)",
                (township_code, sequence),
            )
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise InputError(
            tr("Cannot allocate a gully ID in {0}: {1}").format(path, str(error))
        ) from error
    finally:
        connection.close()
    return format_benggang_id(township_code, sequence)
