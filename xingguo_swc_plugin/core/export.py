"""Export a table of rows (optionally with geometries) through QGIS/OGR writers.

``export_rows(path, fields, rows)`` picks the OGR driver from the extension
(.xlsx, .csv, .ods, .gpkg, .shp, .geojson) so statistics and findings share one
writer; ``export_tables`` writes several tables (workbook sheets, GeoPackage
layers, or one CSV each).  CSV gets a UTF-8 byte-order mark so that Excel shows Chinese text.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple, Union

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ..qgis_compat import FieldType, make_field
from ..translation import tr
from .errors import InputError

DRIVERS = {
    ".xlsx": "XLSX",
    ".csv": "CSV",
    ".ods": "ODS",
    ".gpkg": "GPKG",
    ".shp": "ESRI Shapefile",
    ".geojson": "GeoJSON",
}
FieldLike = Union[str, QgsField, tuple]


def driver_for(path: str) -> str:
    """The OGR driver name for a file name; InputError for an unknown extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in DRIVERS:
        raise InputError(
            tr("Cannot export to {0}: use one of {1}.").format(
                Path(path).name, ", ".join(sorted(DRIVERS))
            )
        )
    return DRIVERS[suffix]


def _field(spec: FieldLike, sample: Any) -> QgsField:
    if isinstance(spec, QgsField):
        return QgsField(spec)
    if isinstance(spec, tuple):
        name, kind = spec[0], spec[1]
        return make_field(name, kind)
    # a bare name: type from the first value
    if isinstance(sample, bool):
        return make_field(spec, FieldType.BOOL)
    if isinstance(sample, int):
        return make_field(spec, FieldType.INT64)
    if isinstance(sample, float):
        return make_field(spec, FieldType.DOUBLE)
    return make_field(spec, FieldType.STRING)


def move_over(temporary: str, path: str) -> None:
    """Put a completely written file in place of ``path`` (one rename: the old file
    stays whole until then); InputError naming the path when the rename fails."""
    try:
        os.replace(temporary, path)
    except OSError as error:
        raise InputError(
            tr("Cannot write {0}: {1}").format(path, error.strerror or str(error))
        ) from None


def export_rows(
    path: str,
    fields: Sequence[FieldLike],
    rows: Sequence[Sequence[Any]],
    geometries: Optional[Sequence[QgsGeometry]] = None,
    crs: Optional[QgsCoordinateReferenceSystem] = None,
    layer_name: Optional[str] = None,
) -> str:
    """Write ``rows`` (value lists in ``fields`` order) to ``path``; returns the path.

    ``fields``: names (type from the first row), QgsField, or (name,
    FieldType).  ``geometries`` (same length as rows) make a spatial layer where the
    format allows it.  An existing file is replaced.
    """
    driver = driver_for(path)
    folder = Path(path).parent
    if not folder.is_dir():
        raise InputError(tr("The folder {0} does not exist.").format(folder))
    try:  # tried for real: root ignores permission bits, not an immutable folder
        work = tempfile.mkdtemp(prefix=".export-", dir=str(folder))
    except OSError as error:
        raise InputError(
            tr("Cannot write {0}: {1}").format(path, error.strerror or str(error))
        ) from None
    try:
        if driver == "ESRI Shapefile":
            _write(path, driver, fields, rows, geometries, crs, layer_name)
            return path
        # written beside, then moved over the target: a failure keeps the old file
        temporary = os.path.join(work, Path(path).name)
        _write(temporary, driver, fields, rows, geometries, crs, layer_name)
        if not os.path.isfile(temporary) or os.path.getsize(temporary) == 0:
            raise InputError(tr("Cannot write {0}: {1}").format(path, tr("no file was made")))
        move_over(temporary, path)
        return path
    finally:
        shutil.rmtree(work, ignore_errors=True)


#: One table of ``export_tables``: (sheet/layer name, fields, rows).
Table = Tuple[str, Sequence[FieldLike], Sequence[Sequence[Any]]]


def export_tables(path: str, tables: Sequence[Table]) -> List[str]:
    """Write several tables: sheets of one workbook (.xlsx, .ods), layers of one
    GeoPackage, or for .csv one file each (the first at ``path``, the others at
    ``<stem>_<name>.csv`` beside it).  Returns the files written.

    Why: a findings export has the findings and their history as readable rows;
    a workbook keeps them together, CSV cannot."""
    driver = driver_for(path)
    if not tables:
        raise InputError(tr("Nothing to export."))
    if driver in ("CSV", "ESRI Shapefile", "GeoJSON"):
        stem, suffix = os.path.splitext(path)
        written = [export_rows(path, tables[0][1], tables[0][2], layer_name=tables[0][0])]
        for name, fields, rows in tables[1:]:
            written.append(
                export_rows("{0}_{1}{2}".format(stem, name, suffix), fields, rows, layer_name=name)
            )
        return written
    folder = Path(path).parent
    if not folder.is_dir():
        raise InputError(tr("The folder {0} does not exist.").format(folder))
    try:
        work = tempfile.mkdtemp(prefix=".export-", dir=str(folder))
    except OSError as error:
        raise InputError(
            tr("Cannot write {0}: {1}").format(path, error.strerror or str(error))
        ) from None
    try:  # written beside, then moved over the target: a failure keeps the old file
        temporary = os.path.join(work, Path(path).name)
        for position, (name, fields, rows) in enumerate(tables):
            _write(temporary, driver, fields, rows, None, None, name, append=position > 0)
        move_over(temporary, path)
        return [path]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def add_table(
    path: str, name: str, fields: Sequence[FieldLike], rows: Sequence[Sequence[Any]]
) -> str:
    """Add the table ``name`` (no geometry) to an existing GeoPackage ``path`` (the
    history beside the findings layer of a findings export).  Returns the path."""
    if driver_for(path) != "GPKG" or not os.path.isfile(path):
        raise InputError(tr("Cannot write {0}: {1}").format(path, tr("no file was made")))
    _write(path, "GPKG", fields, rows, None, None, name, append=True)
    return path


def _write(
    path: str,
    driver: str,
    fields: Sequence[FieldLike],
    rows: Sequence[Sequence[Any]],
    geometries: Optional[Sequence[QgsGeometry]],
    crs: Optional[QgsCoordinateReferenceSystem],
    layer_name: Optional[str],
    append: bool = False,
) -> None:
    """Write the rows with QGIS's file writer (``export_rows`` checks the folder);
    ``append``: another layer (sheet) of an existing file."""
    first = rows[0] if rows else [None] * len(fields)
    qgs_fields = QgsFields()
    for spec, sample in zip(fields, first):
        qgs_fields.append(_field(spec, sample))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.fileEncoding = "UTF-8"
    options.layerName = layer_name or Path(path).stem
    if driver == "CSV":
        options.layerOptions = ["WRITE_BOM=YES"]
    geometry_type = QgsWkbTypes.NoGeometry
    if geometries is not None and driver not in ("XLSX", "CSV", "ODS"):
        types = {g.wkbType() for g in geometries if g is not None and not g.isNull()}
        geometry_type = (
            QgsWkbTypes.multiType(types.pop()) if len(types) == 1 else QgsWkbTypes.MultiPolygon
        )
    if append:
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    elif Path(path).exists():
        Path(path).unlink()
    writer = QgsVectorFileWriter.create(
        path,
        qgs_fields,
        geometry_type,
        crs or QgsCoordinateReferenceSystem(),
        QgsCoordinateTransformContext(),
        options,
    )
    if writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage()
        del writer
        raise InputError(tr("Cannot write {0}: {1}").format(path, message))
    for index, values in enumerate(rows):
        feature = QgsFeature(qgs_fields)
        feature.setAttributes([None if v is None else v for v in values])
        if geometry_type != QgsWkbTypes.NoGeometry and geometries[index] is not None:
            geometry = QgsGeometry(geometries[index])
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
        if not writer.addFeature(feature):
            message = writer.errorMessage()
            del writer
            raise InputError(tr("Cannot write {0}: {1}").format(path, message))
    del writer  # flushes and closes the file
