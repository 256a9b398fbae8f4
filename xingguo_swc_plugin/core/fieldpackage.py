"""Field package for QField: a folder the app opens as it is.

``write_field_package`` writes ``OUTPUT_FOLDER/xingguo_fieldwork.qgs`` (relative
paths) and ``fieldwork.gpkg`` with the chosen findings (editable form for a
phone), a ``photo`` table (attachment widget, files under ``DCIM/``), the
findings' parcels and approved project boundaries (read-only), the styles, and
a ``xgswc_package`` table naming the package.  Each finding carries, hidden,
its status at export (``zt0``), the fingerprint of its case state in the
workspace (``jzbb``, to tell office edits made meanwhile) and its form values
as exported (``jzz``, to tell what the field changed) — read by
``core.fieldimport``.

QField conventions followed (QField documentation and libqfieldsync): position
defaults from ``@position_coordinate`` / ``@position_horizontal_accuracy`` with
the ``@gnss_*`` variables as fallback when the cross-hair is not snapped,
attachment naming under ``DCIM/`` in the layer property
``QFieldSync/attachment_naming`` (``QFieldSync/photo_naming`` for QField < 2.7),
``QFieldSync/action`` = ``copy`` for every layer (the folder is already the
package), feature addition / deletion / geometry locks as ``QFieldSync/is_*``
layer properties, and read-only reference layers.
"""

from __future__ import annotations

import json
import math
import os
import shutil
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeedback,
    QgsFieldConstraints,
    QgsFields,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime

from ..domain import codes
from ..qgis_compat import FieldType, make_field
from ..translation import tr
from . import casework
from .casework import FindingFilter, text
from .errors import CanceledError, InputError, WorkspaceError
from .styles import apply_style
from .workspace import schema
from .workspace.geopackage import qgs_fields
from .workspace.open import workspace_of

PROJECT_FILE = "xingguo_fieldwork.qgs"
DATA_FILE = "fieldwork.gpkg"
PHOTO_FOLDER = "DCIM"
BASEMAP_FOLDER = "basemap"
META = "xgswc_package"
FINDINGS, PHOTOS, PARCELS, PROJECTS = "finding", "photo", "parcel", "dev_project"
#: Fields of a package finding the inspector edits on the phone.
FORM_FIELDS = ("zt", "clyj", "dslx", "hcr", "hcsj", "hcjd", "hcwd", "dwjd")
#: Package-only hidden fields: status at export, workspace fingerprint, form at export.
BASE_STATUS, BASE_PRINT, BASE_FORM = "zt0", "jzbb", "jzz"
#: Project variable holding the package's inspector (default of ``hcr``).
INSPECTOR_VARIABLE = "xgswc_inspector"
PACKAGE_VARIABLE = "xgswc_package"
LONGITUDE = "x(coalesce(@position_coordinate, @gnss_coordinate))"
LATITUDE = "y(coalesce(@position_coordinate, @gnss_coordinate))"
ACCURACY = "coalesce(@position_horizontal_accuracy, @gnss_horizontal_accuracy)"
PHOTO_NAME = "'DCIM/xgswc_' || format_date(now(),'yyyyMMddhhmmsszzz') || '.{extension}'"
#: ExternalResource (attachment) widget: image viewer, path relative to the project.
ATTACHMENT_CONFIG = {
    "DocumentViewer": 1,
    "DocumentViewerHeight": 0,
    "DocumentViewerWidth": 0,
    "FileWidget": True,
    "FileWidgetButton": True,
    "FileWidgetFilter": "",
    "RelativeStorage": 1,
    "StorageMode": 0,
    "UseLink": False,
    "FullUrl": False,
    "PropertyCollection": {},
}
PHOTO_FIELDS = (
    ("uuid", FieldType.STRING, 38),
    ("fxuuid", FieldType.STRING, 38),
    ("zp", FieldType.STRING, 254),
    ("pssj", FieldType.DATETIME, 0),
    ("jd", FieldType.DOUBLE, 0),
    ("wd", FieldType.DOUBLE, 0),
    ("dwjd", FieldType.DOUBLE, 0),
)


@dataclass
class PackageResult:
    folder: str
    project: str
    findings: int = 0
    parcels: int = 0
    projects: int = 0
    basemaps: List[str] = field(default_factory=list)

    def lines(self) -> List[str]:
        return [
            tr(
                "Field package {0}: {1} finding(s), {2} parcel(s), {3} project "
                "boundary(ies), {4} base map(s)."
            ).format(self.project, self.findings, self.parcels, self.projects, len(self.basemaps))
        ]


def form_state(feature: QgsFeature) -> str:
    """The phone-editable values of a package finding, as JSON text."""
    return json.dumps([text(feature[name]) for name in FORM_FIELDS], ensure_ascii=False)


def transition_expression() -> str:
    """Constraint: the status stays, or takes one allowed step from ``zt0``."""
    parts = ['"zt" = "{0}"'.format(BASE_STATUS)]
    for status, steps in codes.CASE_TRANSITIONS.items():
        if steps:
            parts.append(
                '("{0}" = \'{1}\' AND "zt" IN ({2}))'.format(
                    BASE_STATUS, status, ", ".join("'{0}'".format(s) for s in steps)
                )
            )
    return " OR ".join(parts)


def write_field_package(
    workspace,
    selection: FindingFilter,
    folder: str,
    inspector: str = "",
    basemaps: Sequence[QgsRasterLayer] = (),
    margin: float = 200.0,
    feedback: Optional[QgsFeedback] = None,
) -> PackageResult:
    """Write the package into ``folder`` (new or empty).  Nothing is left behind
    when it fails or is canceled."""
    workspace = workspace_of(workspace)
    folder = os.path.abspath(folder)
    if os.path.isdir(folder) and os.listdir(folder):
        raise InputError(
            tr(
                "The folder {0} is not empty: choose a new or empty folder for the field package."
            ).format(folder)
        )
    finding_layer = workspace.layer("finding")
    chosen = casework.select_findings(finding_layer, selection)
    if not chosen:
        raise InputError(tr("No finding matches the filter: nothing to take to the field."))
    created = not os.path.isdir(folder)
    try:
        os.makedirs(os.path.join(folder, PHOTO_FOLDER), exist_ok=True)
        result = _write(workspace, chosen, folder, inspector, basemaps, margin, feedback)
    except BaseException:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            for name in os.listdir(folder):
                path = os.path.join(folder, name)
                shutil.rmtree(path) if os.path.isdir(path) else os.remove(path)
        raise
    return result


def _check(feedback: Optional[QgsFeedback], progress: float) -> None:
    if feedback is not None:
        if feedback.isCanceled():
            raise CanceledError()
        feedback.setProgress(progress)


def _write(
    workspace,
    chosen: List[QgsFeature],
    folder: str,
    inspector: str,
    basemaps: Sequence[QgsRasterLayer],
    margin: float,
    feedback: Optional[QgsFeedback],
) -> PackageResult:
    data = os.path.join(folder, DATA_FILE)
    crs = workspace.layer("finding").crs()
    package_id = casework.new_uuid()
    parcel_ids = {text(f["tbbh"]) for f in chosen}
    parcels = [f for f in workspace.layer("parcel").getFeatures() if text(f["tbbh"]) in parcel_ids]
    project_ids = {text(f["xmbh"]) for f in parcels if text(f["xmbh"])}
    projects = [
        f for f in workspace.layer("dev_project").getFeatures() if text(f["xmbh"]) in project_ids
    ]
    _check(feedback, 10.0)

    finding_fields = qgs_fields(schema.FINDING)
    for name in (BASE_STATUS, BASE_PRINT, BASE_FORM):
        finding_fields.append(make_field(name, FieldType.STRING))
    photo_fields = QgsFields()
    for name, kind, length in PHOTO_FIELDS:
        photo_fields.append(make_field(name, kind, length))
    finding_rows = []
    for source in chosen:
        feature = QgsFeature(finding_fields)
        for spec in schema.FINDING.fields:
            feature.setAttribute(spec.name, source[spec.name])
        feature.setAttribute(BASE_STATUS, text(source["zt"]) or "1")
        feature.setAttribute(BASE_PRINT, casework.fingerprint(source))
        feature.setGeometry(source.geometry())
        finding_rows.append(feature)
    tables = [
        (FINDINGS, finding_fields, "MultiPolygon", finding_rows),
        (PHOTOS, photo_fields, None, []),
        (PARCELS, qgs_fields(schema.PARCEL), "MultiPolygon", _copies(parcels, schema.PARCEL)),
        (
            PROJECTS,
            qgs_fields(schema.DEV_PROJECT),
            "MultiPolygon",
            _copies(projects, schema.DEV_PROJECT),
        ),
    ]
    for position, (name, fields, geometry, rows) in enumerate(tables):
        _write_table(data, name, fields, geometry, crs, rows, first=position == 0)
        _check(feedback, 10.0 + 15.0 * (position + 1))
    _write_meta(
        data,
        {
            "package": package_id,
            "inspector": inspector,
            "created": QDateTime.currentDateTime().toString("yyyy-MM-ddTHH:mm:ss"),
            "findings": str(len(finding_rows)),
            "schema_version": str(schema.SCHEMA_VERSION),
        },
    )

    layers = {
        name: QgsVectorLayer(data + "|layername=" + name, title, "ogr")
        for name, title in (
            (FINDINGS, tr("Findings to verify")),
            (PHOTOS, tr("Field photos")),
            (PARCELS, tr("Development parcels (read-only)")),
            (PROJECTS, tr("Approved project boundaries (read-only)")),
        )
    }
    for name, layer in layers.items():
        if not layer.isValid():
            raise WorkspaceError(tr("Cannot open the table {0} of the field package.").format(name))
    _record_form_state(layers[FINDINGS])
    _finding_form(layers[FINDINGS], {text(f["zt"]) or "1" for f in chosen})
    _photo_form(layers[PHOTOS])
    apply_style(layers[PARCELS], schema.PARCEL)
    apply_style(layers[PROJECTS], schema.DEV_PROJECT)
    for name in (PARCELS, PROJECTS):
        _read_only(layers[name])
    for name, layer in layers.items():
        message = layer.saveStyleToDatabase(name, layer.name(), True, "")
        if message:
            raise WorkspaceError(tr("Cannot store the style of {0}: {1}").format(name, message))
    _check(feedback, 80.0)

    extent = QgsRectangle()
    for feature in chosen + parcels:
        if not feature.geometry().isNull():
            extent.combineExtentWith(feature.geometry().boundingBox())
    written_basemaps = [
        _copy_basemap(raster, extent, margin, crs, folder, position)
        for position, raster in enumerate(basemaps)
    ]
    project_path = os.path.join(folder, PROJECT_FILE)
    _write_project(project_path, layers, written_basemaps, crs, extent, inspector, package_id)
    _check(feedback, 100.0)
    return PackageResult(
        folder, project_path, len(finding_rows), len(parcels), len(projects), written_basemaps
    )


def _copies(features: List[QgsFeature], spec) -> List[QgsFeature]:
    fields = qgs_fields(spec)
    result = []
    for source in features:
        feature = QgsFeature(fields)
        for field_spec in spec.fields:
            feature.setAttribute(field_spec.name, source[field_spec.name])
        feature.setGeometry(source.geometry())
        result.append(feature)
    return result


def _write_table(
    path: str,
    name: str,
    fields: QgsFields,
    geometry: Optional[str],
    crs,
    rows: List[QgsFeature],
    first: bool,
) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile
        if first
        else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    options.layerOptions = ["FID=fid"] + (["GEOMETRY_NAME=geom"] if geometry else [])
    wkb = QgsWkbTypes.parseType(geometry) if geometry else QgsWkbTypes.NoGeometry
    writer = QgsVectorFileWriter.create(
        path, fields, wkb, crs, QgsCoordinateTransformContext(), options
    )
    if writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage()
        del writer
        raise WorkspaceError(tr("Cannot create table {0}: {1}").format(name, message))
    ok = writer.addFeatures(rows) if rows else True
    message = writer.errorMessage()
    del writer
    if not ok:
        raise WorkspaceError(tr("Cannot write table {0}: {1}").format(name, message))


def _write_meta(path: str, values: Dict[str, str]) -> None:
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE " + META + " (key TEXT PRIMARY KEY, value TEXT)")
        connection.executemany(
            "INSERT INTO " + META + " (key, value) VALUES (?, ?)", sorted(values.items())
        )


def read_meta(path: str) -> Dict[str, str]:
    """The package's own table (package id, inspector, …); {} when there is none."""
    import sqlite3

    try:
        with sqlite3.connect("file:" + path + "?mode=ro", uri=True) as connection:
            return dict(connection.execute("SELECT key, value FROM " + META).fetchall())
    except sqlite3.DatabaseError:
        return {}


def _record_form_state(layer: QgsVectorLayer) -> None:
    index = layer.fields().indexOf(BASE_FORM)
    changes = {feature.id(): {index: form_state(feature)} for feature in layer.getFeatures()}
    if changes and not layer.dataProvider().changeAttributeValues(changes):
        raise WorkspaceError(
            tr("Cannot write table {0}: {1}").format(
                FINDINGS, "; ".join(layer.dataProvider().errors())
            )
        )


def _default(layer: QgsVectorLayer, name: str, expression: str, on_update: bool = False) -> None:
    layer.setDefaultValueDefinition(
        layer.fields().indexOf(name), QgsDefaultValue(expression, on_update)
    )


def _finding_form(layer: QgsVectorLayer, exported: set) -> None:
    """The phone form: status among the allowed steps, note, party type, inspector,
    time and position filled from QField's variables; the rest read-only."""
    apply_style(layer, schema.FINDING)
    fields = layer.fields()
    config = layer.editFormConfig()
    reachable = set(exported)
    for status in exported:
        reachable.update(codes.CASE_TRANSITIONS.get(status, ()))
    layer.setEditorWidgetSetup(
        fields.indexOf("zt"),
        QgsEditorWidgetSetup(
            "ValueMap",
            {
                "map": [
                    {entry.zh: entry.code} for entry in codes.CASE_STATUS if entry.code in reachable
                ]
            },
        ),
    )
    layer.setConstraintExpression(
        fields.indexOf("zt"),
        transition_expression(),
        tr("Only the next steps of the case are allowed."),
    )
    layer.setFieldConstraint(
        fields.indexOf("zt"),
        QgsFieldConstraints.ConstraintExpression,
        QgsFieldConstraints.ConstraintStrengthHard,
    )
    layer.setEditorWidgetSetup(
        fields.indexOf("clyj"),
        QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False}),
    )
    _default(layer, "hcr", "@" + INSPECTOR_VARIABLE, True)
    _default(layer, "hcsj", "now()", True)
    _default(layer, "hcjd", LONGITUDE, True)
    _default(layer, "hcwd", LATITUDE, True)
    _default(layer, "dwjd", ACCURACY, True)
    for name in ("uuid", "lsjl", BASE_STATUS, BASE_PRINT, BASE_FORM):
        layer.setEditorWidgetSetup(fields.indexOf(name), QgsEditorWidgetSetup("Hidden", {}))
    for position in range(fields.count()):
        config.setReadOnly(position, fields.at(position).name() not in FORM_FIELDS)
    layer.setEditFormConfig(config)
    _qfield(layer, add=False, delete=False, geometry=False, attributes=True)


def _photo_form(layer: QgsVectorLayer) -> None:
    fields = layer.fields()
    layer.setFieldAlias(fields.indexOf("zp"), "照片")
    layer.setFieldAlias(fields.indexOf("pssj"), "拍摄时间")
    layer.setFieldAlias(fields.indexOf("jd"), "经度")
    layer.setFieldAlias(fields.indexOf("wd"), "纬度")
    layer.setFieldAlias(fields.indexOf("dwjd"), "定位精度(m)")
    layer.setEditorWidgetSetup(
        fields.indexOf("zp"), QgsEditorWidgetSetup("ExternalResource", dict(ATTACHMENT_CONFIG))
    )
    for name in ("uuid", "fxuuid"):
        layer.setEditorWidgetSetup(fields.indexOf(name), QgsEditorWidgetSetup("Hidden", {}))
    _default(layer, "uuid", "uuid('WithoutBraces')")
    _default(layer, "pssj", "now()")
    _default(layer, "jd", LONGITUDE)
    _default(layer, "wd", LATITUDE)
    _default(layer, "dwjd", ACCURACY)
    layer.setFieldConstraint(
        fields.indexOf("zp"),
        QgsFieldConstraints.ConstraintNotNull,
        QgsFieldConstraints.ConstraintStrengthHard,
    )
    layer.setCustomProperty("QFieldSync/attachment_naming", json.dumps({"zp": PHOTO_NAME}))
    layer.setCustomProperty(
        "QFieldSync/photo_naming", json.dumps({"zp": PHOTO_NAME.replace("{extension}", "jpg")})
    )
    _qfield(layer, add=True, delete=True, geometry=True, attributes=True)


def _read_only(layer: QgsVectorLayer) -> None:
    layer.setReadOnly(True)
    _qfield(layer, add=False, delete=False, geometry=False, attributes=False)


def _qfield(
    layer: QgsVectorLayer, add: bool, delete: bool, geometry: bool, attributes: bool
) -> None:
    """QFieldSync layer settings: keep the file as it is, lock what may not change."""
    layer.setCustomProperty("QFieldSync/action", "copy")
    layer.setCustomProperty("QFieldSync/cloud_action", "offline")
    layer.setCustomProperty("QFieldSync/is_feature_addition_locked", not add)
    layer.setCustomProperty("QFieldSync/is_feature_deletion_locked", not delete)
    layer.setCustomProperty("QFieldSync/is_geometry_editing_locked", not geometry)
    layer.setCustomProperty("QFieldSync/is_attribute_editing_locked", not attributes)


def _copy_basemap(
    raster: QgsRasterLayer, extent: QgsRectangle, margin: float, crs, folder: str, position: int
) -> str:
    """The raster clipped to the findings' extent + margin, as GeoTIFF in basemap/."""
    from qgis.core import QgsCoordinateTransform, QgsRasterFileWriter, QgsRasterPipe

    if raster is None or not raster.isValid():
        raise InputError(tr("A base map layer is not valid."))
    area = QgsRectangle(extent)
    area.grow(margin)
    if raster.crs() != crs:
        area = QgsCoordinateTransform(
            crs, raster.crs(), QgsProject.instance()
        ).transformBoundingBox(area)
    area = area.intersect(raster.extent())
    if area.isEmpty():
        raise InputError(tr("The base map {0} does not cover the findings.").format(raster.name()))
    # snap to the raster's own pixel grid: the copy keeps its pixels as they are
    full = raster.extent()
    step_x, step_y = raster.rasterUnitsPerPixelX(), raster.rasterUnitsPerPixelY()
    area = QgsRectangle(
        full.xMinimum() + math.floor((area.xMinimum() - full.xMinimum()) / step_x) * step_x,
        full.yMaximum() - math.ceil((full.yMaximum() - area.yMinimum()) / step_y) * step_y,
        full.xMinimum() + math.ceil((area.xMaximum() - full.xMinimum()) / step_x) * step_x,
        full.yMaximum() - math.floor((full.yMaximum() - area.yMaximum()) / step_y) * step_y,
    )
    os.makedirs(os.path.join(folder, BASEMAP_FOLDER), exist_ok=True)
    target = os.path.join(folder, BASEMAP_FOLDER, "basemap_{0}.tif".format(position + 1))
    pipe = QgsRasterPipe()
    pipe.set(raster.dataProvider().clone())
    columns = max(1, int(round(area.width() / raster.rasterUnitsPerPixelX())))
    rows = max(1, int(round(area.height() / raster.rasterUnitsPerPixelY())))
    writer = QgsRasterFileWriter(target)
    error = writer.writeRaster(
        pipe, columns, rows, area, raster.crs(), QgsCoordinateTransformContext()
    )
    if error != QgsRasterFileWriter.NoError:
        raise WorkspaceError(tr("Cannot write the base map {0}.").format(target))
    return target


def _write_project(
    path: str,
    layers: Dict[str, QgsVectorLayer],
    basemaps: List[str],
    crs,
    extent: QgsRectangle,
    inspector: str,
    package_id: str,
) -> None:
    from qgis.core import Qgis

    project = QgsProject()
    project.setCrs(crs)
    project.setTitle(tr("Xingguo SWC field verification"))
    if hasattr(project, "setFilePathStorage"):
        project.setFilePathStorage(Qgis.FilePathType.Relative)
    else:
        project.writeEntryBool("Paths", "/Absolute", False)
    project.writeEntry("qfieldsync", "/createBaseMap", False)
    project.writeEntry("qfieldsync", "/offlineCopyOnlyAoi", False)
    QgsExpressionContextUtils.setProjectVariable(project, INSPECTOR_VARIABLE, inspector)
    QgsExpressionContextUtils.setProjectVariable(project, PACKAGE_VARIABLE, package_id)
    for raster_path in basemaps:
        raster = QgsRasterLayer(raster_path, os.path.basename(raster_path))
        raster.setCustomProperty("QFieldSync/action", "copy")
        project.addMapLayer(raster, False)
        project.layerTreeRoot().insertLayer(-1, raster)
    for name in (PROJECTS, PARCELS, PHOTOS, FINDINGS):
        project.addMapLayer(layers[name], False)
        project.layerTreeRoot().insertLayer(0, layers[name])
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId("xgswc_finding_photo")
    relation.setName(tr("Field photos"))
    relation.setReferencedLayer(layers[FINDINGS].id())
    relation.setReferencingLayer(layers[PHOTOS].id())
    relation.addFieldPair("fxuuid", "uuid")
    if not relation.isValid():
        raise WorkspaceError(tr("Cannot link the photos to the findings."))
    project.relationManager().addRelation(relation)
    if not extent.isNull():
        view = QgsRectangle(extent)
        view.scale(1.2)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, crs))
    if not project.write(path):
        raise WorkspaceError(tr("Cannot write the project {0}: {1}").format(path, project.error()))
    project.clear()
