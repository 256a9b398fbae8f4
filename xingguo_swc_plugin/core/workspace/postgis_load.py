"""Copy a GeoPackage workspace into a PostGIS workspace (all or nothing).

Why: a bureau starts on the embedded GeoPackage and moves to the shared server
later, and the tests compare the engines on the same data.  Every table of
``core.workspace.schema`` is copied with its feature ids (``fid``), UUIDs and geometries
(as WKB, bound values), in one transaction: an error, a cancel or a dropped
connection leaves the PostGIS workspace as it was.  Gully number high-water
marks come along (the GeoPackage's ``benggang_seq`` and the IDs present), so an
ID deleted before the move is not handed out again.
"""

from __future__ import annotations

import sqlite3
from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime, QVariant

from ...translation import tr
from ..errors import CanceledError, WorkspaceError
from ..log import log
from . import schema
from .geopackage import open_workspace
from .postgis import (
    BGBH_SEQUENCE_TABLE,
    GEOMETRY_COLUMN,
    KEY_COLUMN,
    PgWorkspace,
    driver,
    qualified,
    sql,
    sync_benggang_sequence,
    transaction,
)

BATCH = 2000


def _value(value):
    """A QGIS attribute as a value psycopg2 binds (NULL variants become None)."""
    if value is None:
        return None
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QByteArray):  # photo content (bytea)
        return bytes(value)
    return value


def _wkb(geometry: QgsGeometry, transform: Optional[QgsCoordinateTransform]):
    if geometry is None or geometry.isNull():
        return None
    geometry = QgsGeometry(geometry)
    if transform is not None:
        geometry.transform(transform)
    if QgsWkbTypes.geometryType(geometry.wkbType()) == QgsWkbTypes.PolygonGeometry:
        geometry.convertToMultiType()
    return bytes(geometry.asWkb())


def load_geopackage(
    gpkg_path: str,
    workspace: PgWorkspace,
    replace: bool = False,
    feedback: Optional[QgsFeedback] = None,
) -> Dict[str, int]:
    """Copy every table of the GeoPackage workspace into ``workspace``.

    Target tables must be empty (the seeded measure taxonomy is replaced) unless
    ``replace`` is true, in which case their rows are deleted first.  Returns
    the number of rows copied per table.
    """
    source = open_workspace(gpkg_path, upgrade=False)
    srid = workspace.srid()
    target_crs = workspace.crs()
    module = sql()
    extras = driver().extras
    counts: Dict[str, int] = {}
    connection = workspace.connect()
    try:
        with transaction(
            connection,
            tr("copying {0} into workspace {1}").format(gpkg_path, workspace.schema),
            feedback,
        ) as cursor:
            if not replace:
                _require_empty(cursor, workspace.schema)
            specs = list(schema.LAYERS)
            for spec in reversed(specs):
                cursor.execute(
                    module.SQL("DELETE FROM {}").format(qualified(workspace.schema, spec.name))
                )
            for position, spec in enumerate(specs):
                layer = source.layer(spec.name)
                transform = None
                if spec.geometry and layer.crs() != target_crs:
                    transform = QgsCoordinateTransform(
                        layer.crs(), target_crs, QgsCoordinateTransformContext()
                    )
                names = [
                    name for name in spec.field_names() if layer.fields().lookupField(name) >= 0
                ]
                columns = [KEY_COLUMN] + names
                template = ["%s"] * len(columns)
                if spec.geometry:
                    columns.append(GEOMETRY_COLUMN)
                    template.append("ST_Force2D(ST_GeomFromWKB(%s, {0}))".format(int(srid)))
                statement = (
                    module.SQL("INSERT INTO {} ({}) VALUES %s")
                    .format(
                        qualified(workspace.schema, spec.name),
                        module.SQL(", ").join(module.Identifier(c) for c in columns),
                    )
                    .as_string(cursor)
                )
                template_text = "(" + ", ".join(template) + ")"
                request = QgsFeatureRequest()
                if not spec.geometry:
                    request.setFlags(QgsFeatureRequest.NoGeometry)
                rows: List[tuple] = []
                copied = 0
                for feature in layer.getFeatures(request):
                    row = [feature.id()] + [_value(feature[name]) for name in names]
                    if spec.geometry:
                        row.append(_wkb(feature.geometry(), transform))
                    rows.append(tuple(row))
                    if len(rows) >= BATCH:
                        copied += _flush(extras, cursor, statement, template_text, rows, feedback)
                if rows:
                    copied += _flush(extras, cursor, statement, template_text, rows, feedback)
                cursor.execute(
                    module.SQL(
                        "SELECT setval(pg_get_serial_sequence(%s, %s), "
                        "coalesce(max({}), 0) + 1, false) FROM {}"
                    ).format(module.Identifier(KEY_COLUMN), qualified(workspace.schema, spec.name)),
                    (qualified(workspace.schema, spec.name).as_string(cursor), KEY_COLUMN),
                )
                counts[spec.name] = copied
                if feedback is not None:
                    feedback.setProgress(100.0 * (position + 1) / (len(specs) + 1))
            _copy_sequences(cursor, workspace.schema, gpkg_path)
            sync_benggang_sequence(cursor, workspace.schema)
    finally:
        connection.close()
    log(
        tr("Copied {0} rows from {1} into PostGIS workspace {2}.").format(
            sum(counts.values()), gpkg_path, workspace.schema
        )
    )
    if feedback is not None:
        feedback.setProgress(100.0)
    return counts


def _flush(
    extras,
    cursor,
    statement: str,
    template: str,
    rows: List[tuple],
    feedback: Optional[QgsFeedback],
) -> int:
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
    extras.execute_values(cursor, statement, rows, template=template, page_size=500)
    count = len(rows)
    rows.clear()
    return count


def _require_empty(cursor, schema_name: str) -> None:
    module = sql()
    for spec in schema.LAYERS:
        if spec.name == "measure_type":
            continue
        cursor.execute(
            module.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(qualified(schema_name, spec.name))
        )
        if cursor.fetchone()[0]:
            raise WorkspaceError(
                tr(
                    "Table {0} of workspace {1} already holds data: empty "
                    "it or choose to replace it."
                ).format(spec.name, schema_name)
            )


def _copy_sequences(cursor, schema_name: str, gpkg_path: str) -> None:
    """Gully number high-water marks of the GeoPackage (deleted IDs stay used)."""
    try:
        with sqlite3.connect("file:" + gpkg_path + "?mode=ro", uri=True) as source:
            rows = source.execute("SELECT xzqdm, last_seq FROM " + BGBH_SEQUENCE_TABLE).fetchall()
    except sqlite3.Error:
        rows = []  # no gully was numbered in this GeoPackage yet
    for xzqdm, last_seq in rows:
        cursor.execute(
            sql()
            .SQL(
                "INSERT INTO {} AS s (xzqdm, last_seq) VALUES (%s, %s) ON CONFLICT (xzqdm) "
                "DO UPDATE SET last_seq = greatest(s.last_seq, EXCLUDED.last_seq)"
            )
            .format(qualified(schema_name, BGBH_SEQUENCE_TABLE)),
            (str(xzqdm), int(last_seq)),
        )
