"""GeoPackage workspace: create, open, check and upgrade the schema version.

A workspace is a GeoPackage holding the tables of ``core.workspace.schema`` plus a meta
table with the schema version, and every layer's style and form in
``layer_styles`` (default style), so QGIS opens each layer styled with dropdowns.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass
from typing import Callable, Dict, Optional

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeedback,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from ...domain.measures import SEED_MEASURES
from ...qgis_compat import FieldType, make_field
from ...translation import tr
from ..errors import CanceledError, WorkspaceError
from ..styles import apply_style
from . import schema
from .base import WorkspaceBase, check_workspace_crs
from .gpkg_sql import write_transaction
from .schema import LayerSpec

#: Layers of a GeoPackage workspace are opened one at a time: two validation tasks
#: merging at once opened the workspace from two threads and QGIS 3.22's OGR
#: provider deadlocked (seen once in the suite).
_OPEN_LOCK = threading.Lock()

_FIELD_TYPE = {
    "text": FieldType.STRING,
    "int": FieldType.INT,
    "real": FieldType.DOUBLE,
    "date": FieldType.DATE,
    "datetime": FieldType.DATETIME,
    "blob": FieldType.BYTES,
}


def qgs_fields(spec: LayerSpec) -> QgsFields:
    """QgsFields of a layer spec (the one place spec kinds map to field types)."""
    fields = QgsFields()
    for field_spec in spec.fields:
        fields.append(make_field(field_spec.name, _FIELD_TYPE[field_spec.kind], field_spec.length))
    return fields


@dataclass
class Workspace(WorkspaceBase):
    """An opened GeoPackage workspace."""

    path: str

    @property
    def backend(self) -> str:
        return "gpkg"

    def describe(self) -> str:
        return self.path

    def transaction(self, what: str, lock: Optional[str] = None):
        """SQLite's write lock is the whole file's: ``lock`` needs nothing more."""
        return write_transaction(self.path, what)

    def uri(self, table: str) -> str:
        return self.path + "|layername=" + table

    def layer(self, table: str, name: Optional[str] = None) -> QgsVectorLayer:
        """The table as a layer, loaded with its default style from the workspace."""
        spec = schema.LAYERS_BY_NAME.get(table)
        title = name or (spec.zh if spec else table)
        with _OPEN_LOCK:
            layer = QgsVectorLayer(self.uri(table), title, "ogr")
        if not layer.isValid():
            raise WorkspaceError(
                tr("Table {0} is missing in the workspace {1}.").format(table, self.path)
            )
        return layer

    def crs(self) -> QgsCoordinateReferenceSystem:
        return self.layer("township").crs()

    def schema_version(self) -> int:
        return read_schema_version(self.path)


def read_schema_version(path: str) -> int:
    """Schema version stored in the workspace; WorkspaceError when not a workspace."""
    try:
        with sqlite3.connect("file:" + path + "?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT value FROM " + schema.META_TABLE + " WHERE key='schema_version'"
            ).fetchone()
    except sqlite3.DatabaseError:
        row = None
    if row is None:
        raise WorkspaceError(
            tr("{0} is not a Xingguo SWC workspace (no {1} table).").format(path, schema.META_TABLE)
        )
    try:
        return int(str(row[0]).strip())
    except ValueError:
        raise WorkspaceError(
            tr(
                "Workspace {0}: the schema_version in table {1} is '{2}', "
                "not a number; the file was edited by hand or is damaged."
            ).format(path, schema.META_TABLE, row[0])
        ) from None


#: Upgrades from version N to N+1, applied in order by ``open_workspace``.  From 1 to 2
#: (and any later bump) the one generic step: add what ``core.workspace.schema`` has and the
#: workspace lacks (assigned below, after its definition).
MIGRATIONS: Dict[int, Callable[[str], None]] = {}


def needs_upgrade(name: str, version: int, upgrade: bool) -> bool:
    """Whether workspace ``name`` at ``version`` must be upgraded; refuses (with the
    reason) a newer schema, or an older one when ``upgrade`` is False.  Shared by
    every backend."""
    if version > schema.SCHEMA_VERSION:
        raise WorkspaceError(
            tr(
                "Workspace {0} has schema version {1}, newer than this plugin's {2}: "
                "update the plugin."
            ).format(name, version, schema.SCHEMA_VERSION)
        )
    if version < schema.SCHEMA_VERSION and not upgrade:
        raise WorkspaceError(
            tr("Workspace {0} has the old schema version {1}.").format(name, version)
        )
    return version < schema.SCHEMA_VERSION


def open_workspace(path: str, upgrade: bool = True) -> Workspace:
    """Open a workspace, upgrading an older schema in place (or saying why not)."""
    if not os.path.isfile(path):
        raise WorkspaceError(tr("Workspace {0} does not exist.").format(path))
    version = read_schema_version(path)
    if needs_upgrade(path, version, upgrade):
        if not os.access(path, os.W_OK):
            raise WorkspaceError(
                tr(
                    "Workspace {0} has the old schema version {1} and cannot be "
                    "upgraded: the file is read-only."
                ).format(path, version)
            )
        for step in range(version, schema.SCHEMA_VERSION):
            if step not in MIGRATIONS:
                raise WorkspaceError(tr("No upgrade from schema version {0}.").format(step))
            MIGRATIONS[step](path)
            _write_meta(path, {"schema_version": str(step + 1)})
    return Workspace(path)


def check_output_path(path: str) -> None:
    """Refuse an output path that cannot become a workspace, before writing anything."""
    if not path or not path.lower().endswith(".gpkg"):
        raise WorkspaceError(tr("The workspace must be a .gpkg file: {0}").format(path))
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise WorkspaceError(tr("The folder {0} does not exist.").format(folder))
    if not os.access(folder, os.W_OK):
        raise WorkspaceError(tr("The folder {0} is read-only.").format(folder))
    if os.path.exists(path):
        read_schema_version(path)  # raises for a file that is not a workspace


def create_workspace(
    path: str, crs: QgsCoordinateReferenceSystem, feedback: Optional[QgsFeedback] = None
) -> Workspace:
    """Create a new GeoPackage workspace, or open (and upgrade) an existing one.

    Nothing is written when the path or CRS is refused; a half-written file is
    removed when creation fails.
    """
    check_workspace_crs(crs)
    check_output_path(path)
    if os.path.exists(path):
        return open_workspace(path)
    try:
        _create_tables(path, crs, feedback)
    except BaseException:
        if os.path.exists(path):
            os.remove(path)
        raise
    return Workspace(path)


def _create_tables(
    path: str, crs: QgsCoordinateReferenceSystem, feedback: Optional[QgsFeedback]
) -> None:
    total = len(schema.LAYERS)
    for position, spec in enumerate(schema.LAYERS):
        if feedback is not None and feedback.isCanceled():
            raise CanceledError()
        _create_table(path, spec, crs, new_file=position == 0)
        if feedback is not None:
            feedback.setProgress(100.0 * (position + 1) / (total + 1))
    _create_indexes(path, schema.LAYERS)
    _write_meta(
        path,
        {
            "schema_version": str(schema.SCHEMA_VERSION),
            "crs": crs.authid(),
            "created": QDateTime.currentDateTimeUtc().toString("yyyy-MM-ddTHH:mm:ssZ"),
        },
    )
    seed_measure_types(Workspace(path))
    for spec in schema.LAYERS:
        save_default_style(Workspace(path), spec)
    checkpoint(path)


def _create_table(
    path: str, spec: LayerSpec, crs: QgsCoordinateReferenceSystem, new_file: bool
) -> None:
    """One table of ``spec`` in the GeoPackage (the file itself when ``new_file``)."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = spec.name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile
        if new_file
        else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    if spec.geometry is None:
        options.layerOptions = ["FID=fid"]
    else:
        options.layerOptions = ["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"]
    wkb = QgsWkbTypes.NoGeometry if spec.geometry is None else QgsWkbTypes.parseType(spec.geometry)
    writer = QgsVectorFileWriter.create(
        path, qgs_fields(spec), wkb, crs, QgsCoordinateTransformContext(), options
    )
    if writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage()
        del writer
        raise WorkspaceError(tr("Cannot create table {0}: {1}").format(spec.name, message))
    del writer


def _create_indexes(path: str, specs) -> None:
    with sqlite3.connect(path) as connection:
        for spec in specs:
            names = spec.field_names()
            if schema.UUID_FIELD in names:
                connection.execute(
                    'CREATE UNIQUE INDEX "{0}_uuid_key" ON "{0}" ("uuid")'.format(spec.name)
                )
            for columns in spec.unique:
                connection.execute(
                    'CREATE UNIQUE INDEX "{0}_{1}_key" ON "{0}" ({2})'.format(
                        spec.name,
                        "_".join(columns),
                        ", ".join('"' + column + '"' for column in columns),
                    )
                )


def _gpkg_tables(path: str) -> Dict[str, set]:
    """Tables of the GeoPackage's contents with their column names."""
    with sqlite3.connect(path) as connection:
        tables = [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")]
        return {
            table: {
                row[1]
                for row in connection.execute(
                    'PRAGMA table_info("{0}")'.format(table.replace('"', '""'))
                )
            }
            for table in tables
        }


def _gpkg_type(field_spec) -> str:
    """The column type GDAL's GeoPackage driver declares for a field spec."""
    if field_spec.kind == "text":
        return "TEXT({0})".format(field_spec.length) if field_spec.length else "TEXT"
    return {
        "int": "MEDIUMINT",
        "real": "REAL",
        "date": "DATE",
        "datetime": "DATETIME",
        "blob": "BLOB",
    }[field_spec.kind]


def add_missing_schema(path: str) -> None:
    """The generic upgrade: add every table and column of ``core.workspace.schema`` that the
    GeoPackage lacks, with the indexes, default styles and forms of what changed.

    Columns get the declared types OGR writes at creation (``_gpkg_type``); existing
    rows get NULL, which every reader treats as the field's default (e.g. ``bgsl``).
    """
    existing = _gpkg_tables(path)
    if "township" not in existing:
        raise WorkspaceError(
            tr("Table {0} is missing in the workspace {1}.").format("township", path)
        )
    with sqlite3.connect(path) as connection:
        row = connection.execute(
            "SELECT value FROM " + schema.META_TABLE + " WHERE key = 'crs'"
        ).fetchone()
    crs = QgsCoordinateReferenceSystem(row[0] if row else "")
    if not crs.isValid():
        raise WorkspaceError(tr("Unknown coordinate reference system."))
    created, changed = [], []
    for spec in schema.LAYERS:
        if spec.name not in existing:
            _create_table(path, spec, crs, new_file=False)
            created.append(spec)
            continue
        missing = [
            field_spec for field_spec in spec.fields if field_spec.name not in existing[spec.name]
        ]
        if not missing:
            continue
        with sqlite3.connect(path) as connection:
            for field_spec in missing:
                connection.execute(
                    'ALTER TABLE "{0}" ADD COLUMN "{1}" {2}'.format(
                        spec.name, field_spec.name, _gpkg_type(field_spec)
                    )
                )
        changed.append(spec)
    if created:
        _create_indexes(path, created)
    # QGIS 3.22's OGR provider blocks when it overwrites a stored style of the same
    # name, so the old default style of a changed table is removed first.
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "DELETE FROM layer_styles WHERE f_table_name = ? AND styleName = ?",
            [(spec.name, spec.name) for spec in created + changed],
        )
    for spec in created + changed:
        save_default_style(Workspace(path), spec)
    checkpoint(path)


def _write_meta(path: str, values: Dict[str, str]) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE IF NOT EXISTS "
            + schema.META_TABLE
            + " (key TEXT PRIMARY KEY, value TEXT)"
        )
        connection.executemany(
            "INSERT OR REPLACE INTO " + schema.META_TABLE + " (key, value) VALUES (?, ?)",
            sorted(values.items()),
        )


def checkpoint(path: str) -> None:
    """Move everything from the GeoPackage's write-ahead log into the file itself.

    QGIS keeps OGR connections open (WAL mode), so a file copied right after
    writing may miss the last writes; after this a plain file copy is complete.
    """
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def seed_measure_types(workspace: Workspace) -> None:
    """Fill the measure taxonomy table with the SPEC list (once)."""
    layer = workspace.layer("measure_type")
    if layer.featureCount() > 0:
        return
    features = []
    for measure in SEED_MEASURES:
        feature = QgsFeature(layer.fields())
        for name, value in (
            ("csdm", measure.code),
            ("cslb", measure.measure_class),
            ("csmc", measure.zh),
            ("csmc_en", measure.en),
            ("dw", measure.unit),
            ("tt", int(measure.terrace)),
        ):
            feature.setAttribute(name, value)
        features.append(feature)
    if not layer.dataProvider().addFeatures(features):
        raise WorkspaceError(tr("Cannot seed the measure taxonomy."))


def save_default_style(workspace, spec: LayerSpec) -> None:
    """Store the spec's form and renderer as the layer's default style, in the
    backend's ``layer_styles`` table (any workspace with ``layer(table)``)."""
    layer = workspace.layer(spec.name)
    apply_style(layer, spec)
    message = layer.saveStyleToDatabase(spec.name, spec.zh, True, "")
    if message:
        raise WorkspaceError(tr("Cannot store the style of {0}: {1}").format(spec.name, message))


MIGRATIONS[1] = add_missing_schema
