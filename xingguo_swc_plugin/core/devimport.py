"""Import of the farm/forestry development database into ``dev_project``.

Projects arrive as a GeoPackage, a shapefile (UTF-8 or GBK .dbf, with or without
.cpg), a FileGDB (read by GDAL's OpenFileGDB), a PostGIS layer, or an Excel/CSV
register joined to boundary polygons by project number.  ``open_source`` opens
any of them as a layer (a shapefile without .cpg gets its encoding sniffed from
the .dbf bytes, so Chinese names arrive intact); ``auto_field_map`` proposes a
mapping from source fields to the ``dev_project`` fields; ``import_projects`` /
``import_register`` write the rows and report every row they could not take,
with the reason.  Nothing is written when the mapping itself is unusable.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QUuid

from ..translation import tr
from .crs_check import require_crs
from .errors import CanceledError, InputError, WorkspaceError
from .geometry import index_geometry, polygonal, usable
from .sources import sniff_encoding
from .workspace import schema
from .workspace.base import WorkspaceBase
from .workspace.open import workspace_of

TABLE = "dev_project"
KEY = "xmbh"

#: Other names the bureau's registers use for each target field (besides the
#: field name itself and its Chinese label in ``core.workspace.schema``).
SYNONYMS: Dict[str, Tuple[str, ...]] = {
    "xmbh": ("项目编号", "项目代码", "编号", "xmdm", "project_no", "project_id", "projectno"),
    "xmmc": ("项目名称", "名称", "project_name", "name"),
    "jsdw": ("建设单位", "业主单位", "开发单位", "developer", "owner"),
    "xzqdm": ("乡镇代码", "行政区代码", "行政区划代码", "township_code"),
    "kflx": ("开发类型", "类型", "development_type"),
    "pfwh": ("批复文号", "文号", "approval_no"),
    "pfrq": ("批复日期", "批复时间", "approval_date"),
    "pfmj": ("批复面积", "批复面积(m²)", "批复面积m2", "面积", "approved_area"),
    "bz": ("备注", "notes", "remark"),
}


@dataclass(frozen=True)
class Target:
    """A workspace table rows are imported into: its spec, key field, the other
    names sources use for its fields, and how the report counts the rows."""

    spec: schema.LayerSpec
    key: str
    synonyms: Dict[str, Tuple[str, ...]]
    noun: str  # English source text of the row noun, e.g. "project(s)"


PROJECTS = Target(schema.DEV_PROJECT, KEY, SYNONYMS, "project(s)")

#: Field names of delivered disturbance parcels (扰动图斑), besides each field's
#: name and Chinese label (issue 17).
PARCEL_SYNONYMS: Dict[str, Tuple[str, ...]] = {
    "tbbh": ("图斑编号", "扰动图斑编号", "图斑号", "编号", "tbbh", "bh", "parcel_id"),
    "xmbh": ("项目编号", "项目代码", "xmdm", "project_no"),
    "xzqdm": ("乡镇代码", "行政区代码", "行政区划代码", "xzqhdm"),
    "kflx": ("开发类型",),
    "rdlx": ("扰动类型", "扰动图斑类型", "disturbance_type"),
    "bhlx": ("扰动变化类型", "变化类型", "change_type"),
    "jszt": ("建设状态", "施工状态", "construction_state"),
    "hgx": ("合规性", "扰动合规性", "合规性分析", "compliance"),
    "jcrq": ("监测日期", "解译日期", "影像日期", "detection_date"),
    "jcpc": ("监测批次", "批次"),
    "mj": ("面积", "扰动面积", "图斑面积", "area"),
    "bz": ("备注", "notes", "remark"),
}

PARCELS = Target(schema.PARCEL, "tbbh", PARCEL_SYNONYMS, "parcel(s)")


@dataclass
class SkippedRow:
    """A source row that was not imported, and why."""

    row: str
    reason: str


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    skipped: List[SkippedRow] = field(default_factory=list)
    warnings: List[str] = field(default_factory=list)
    noun: str = "project(s)"

    def lines(self) -> List[str]:
        """Readable summary for the dialog, the log and Processing."""
        if self.noun == "parcel(s)":
            head = tr("{0} parcel(s) imported, {1} updated, {2} row(s) not taken.")
        else:
            head = tr("{0} project(s) imported, {1} updated, {2} row(s) not taken.")
        out = [head.format(self.imported, self.updated, len(self.skipped))]
        out += [tr("Row {0}: {1}").format(item.row, item.reason) for item in self.skipped]
        out += self.warnings
        return out


def sublayers(path: str) -> List[str]:
    """Layer names inside a multi-layer file (GeoPackage, FileGDB, workbook)."""
    from osgeo import ogr

    dataset = ogr.Open(path)
    if dataset is None:
        return []
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def read_table(path: str, sheet: str = "") -> Tuple[List[str], List[Dict[str, object]]]:
    """Header and rows of a register: CSV (UTF-8 or GBK, sniffed) or a workbook sheet."""
    if not os.path.exists(path):
        raise InputError(tr("{0} does not exist.").format(path))
    if path.lower().endswith((".csv", ".txt")):
        with open(path, "rb") as handle:
            data = handle.read()
        encoding = (
            "utf-8-sig"
            if data.startswith(b"\xef\xbb\xbf")
            else {"GBK": "gb18030", "UTF-8": "utf-8"}.get(sniff_encoding(data) or "", "utf-8")
        )
        text = data.decode(encoding)
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.DictReader(text.splitlines(), dialect=dialect)
        header = [name.strip() for name in (reader.fieldnames or [])]
        rows = [
            {key.strip(): value for key, value in row.items() if key is not None} for row in reader
        ]
        return header, rows
    return _read_workbook(path, sheet)


def _read_workbook(path: str, sheet: str) -> Tuple[List[str], List[Dict[str, object]]]:
    """A workbook sheet through GDAL, the first row always the header (a register
    of text columns would otherwise be read as headerless)."""
    from osgeo import gdal, ogr

    options = {"OGR_XLSX_HEADERS": "FORCE", "OGR_ODS_HEADERS": "FORCE", "OGR_XLS_HEADERS": "FORCE"}
    previous = {key: gdal.GetConfigOption(key) for key in options}
    try:
        for key, value in options.items():
            gdal.SetConfigOption(key, value)
        dataset = ogr.Open(path)
        if dataset is None:
            raise InputError(tr("Cannot read the register {0}.").format(path))
        table = dataset.GetLayerByName(sheet) if sheet else dataset.GetLayer(0)
        if table is None:
            raise InputError(tr('The register {0} has no sheet "{1}".').format(path, sheet))
        definition = table.GetLayerDefn()
        header = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        rows = [{name: feature.GetField(i) for i, name in enumerate(header)} for feature in table]
    finally:
        for key, value in previous.items():
            gdal.SetConfigOption(key, value)
    return header, rows


# --- field mapping ------------------------------------------------------------------


def _normalise(name: str) -> str:
    text = name.strip().lower()
    for unit in ("(m²)", "（m²）", "(m2)", "（m2）", "㎡", "m²"):
        text = text.replace(unit, "")
    return re.sub(r"[\s_()（）]+", "", text)


def auto_field_map(source_fields: Iterable[str], target: Target = PROJECTS) -> Dict[str, str]:
    """Target field -> source field for every target field recognisable by name."""
    available = {_normalise(name): name for name in source_fields}
    mapping: Dict[str, str] = {}
    for spec in target.spec.fields:
        if spec.name == schema.UUID_FIELD:
            continue
        candidates = (spec.name, spec.zh) + target.synonyms.get(spec.name, ())
        for candidate in candidates:
            source = available.get(_normalise(candidate))
            if source is not None and source not in mapping.values():
                mapping[spec.name] = source
                break
    return mapping


# --- value conversion -----------------------------------------------------------------


def _is_null(value: object) -> bool:
    if value is None:
        return True
    if hasattr(value, "isNull") and value.isNull():
        return True
    return isinstance(value, str) and value.strip() in ("", "NULL")


def _to_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_DATE_FORMATS = ("yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日")


def _to_date(value: object) -> Optional[QDate]:
    if isinstance(value, QDateTime):
        return value.date()
    if isinstance(value, QDate):
        return value if value.isValid() else None
    text = _to_text(value).split("T")[0].split(" ")[0]
    for pattern in _DATE_FORMATS:
        date = QDate.fromString(text, pattern)
        if date.isValid():
            return date
    return None


def convert(spec: schema.FieldSpec, value: object) -> object:
    """Source value as the target field's type; ValueError with a readable reason."""
    if _is_null(value):
        return None
    if spec.kind == "real":
        try:
            return float(_to_text(value).replace(",", ""))
        except ValueError:
            raise ValueError(tr('{0} "{1}" is not a number').format(spec.zh, value)) from None
    if spec.kind == "int":
        try:
            return int(float(_to_text(value)))
        except ValueError:
            raise ValueError(tr('{0} "{1}" is not a whole number').format(spec.zh, value)) from None
    if spec.kind == "date":
        date = _to_date(value)
        if date is None:
            raise ValueError(tr('{0} "{1}" is not a date').format(spec.zh, value))
        return date
    text = _to_text(value)
    if spec.codelist is not None:
        if text in spec.codelist:
            return text
        code = spec.codelist.code_of(text)
        if code is None:
            raise ValueError(
                tr('{0} "{1}" is not one of: {2}').format(
                    spec.zh, text, ", ".join(entry.zh for entry in spec.codelist)
                )
            )
        return code
    return text


# --- import ---------------------------------------------------------------------------------


@dataclass
class _Record:
    label: str
    values: Dict[str, object]
    geometry: Optional[QgsGeometry]
    crs: QgsCoordinateReferenceSystem


def _check_mapping(
    field_map: Dict[str, str], source_fields: Sequence[str], table: Target = PROJECTS
) -> None:
    if not field_map.get(table.key):
        if table is PARCELS:
            raise InputError(tr("Map a source field to the parcel ID ({0}).").format(table.key))
        raise InputError(tr("Map a source field to the project number ({0}).").format(table.key))
    for target, source in field_map.items():
        if target not in table.spec.field_names():
            raise InputError(
                tr("{0} is not a field of the table {1}.").format(target, table.spec.name)
            )
        if source and source not in source_fields:
            raise InputError(tr('The source has no field "{0}".').format(source))


def import_projects(
    workspace,
    source: QgsVectorLayer,
    field_map: Optional[Dict[str, str]] = None,
    update_existing: bool = False,
    feedback: Optional[QgsFeedback] = None,
) -> ImportReport:
    """Import a polygon layer of projects (any OGR source or PostGIS layer)."""
    if source is None or not source.isValid():
        raise InputError(tr("The project source cannot be read."))
    if source.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The project source {0} has no polygons.").format(source.name()))
    require_crs(source, tr("project source"))  # degrees without .prj stored as metres
    names = source.fields().names()
    field_map = field_map if field_map is not None else auto_field_map(names)
    _check_mapping(field_map, names)
    records: List[_Record] = []
    by_number: Dict[str, _Record] = {}
    merged: Dict[str, int] = {}
    for feature in source.getFeatures():
        values = {target: feature[src] for target, src in field_map.items() if src}
        number = "" if _is_null(values.get(KEY)) else _to_text(values[KEY])
        geometry = QgsGeometry(feature.geometry())
        first = by_number.get(number) if number else None
        if first is not None and first.geometry is not None and not geometry.isNull():
            # one approval drawn as several features: one boundary, parts dissolved
            first.geometry = QgsGeometry.unaryUnion([first.geometry, geometry])
            merged[number] = merged.get(number, 1) + 1
            continue
        record = _Record(
            tr("{0} (feature {1})").format(number or "?", feature.id()),
            values,
            geometry,
            source.crs(),
        )
        records.append(record)
        if number:
            by_number[number] = record
    report = _write(workspace, records, update_existing, feedback)
    for number, count in sorted(merged.items()):
        report.warnings.append(
            tr("{0} features of project {1} were merged into one boundary.").format(count, number)
        )
    return report


def import_register(
    workspace,
    register_path: str,
    boundaries: QgsVectorLayer,
    boundary_key: str,
    field_map: Optional[Dict[str, str]] = None,
    sheet: str = "",
    update_existing: bool = False,
    feedback: Optional[QgsFeedback] = None,
) -> ImportReport:
    """Import an Excel/CSV register, each row joined to the boundary polygon(s)
    whose ``boundary_key`` equals the row's project number."""
    header, rows = read_table(register_path, sheet)
    field_map = field_map if field_map is not None else auto_field_map(header)
    _check_mapping(field_map, header)
    if boundaries is None or not boundaries.isValid():
        raise InputError(tr("The boundary layer cannot be read."))
    require_crs(boundaries, tr("boundary"))
    if boundaries.fields().indexOf(boundary_key) < 0:
        raise InputError(tr('The boundary layer has no field "{0}".').format(boundary_key))
    shapes: Dict[str, List[QgsGeometry]] = {}
    for feature in boundaries.getFeatures():
        key = _to_text(feature[boundary_key]) if not _is_null(feature[boundary_key]) else ""
        if key and feature.hasGeometry():
            shapes.setdefault(key, []).append(QgsGeometry(feature.geometry()))
    records = []
    joined = set()
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        values = {target: row.get(src) for target, src in field_map.items() if src}
        key = _to_text(values.get(KEY)) if not _is_null(values.get(KEY)) else ""
        parts = shapes.get(key, [])
        joined.add(key)
        geometry = (
            parts[0] if len(parts) == 1 else (QgsGeometry.unaryUnion(parts) if parts else None)
        )
        records.append(
            _Record(tr("{0} ({1})").format(number, key or "?"), values, geometry, boundaries.crs())
        )
    report = _write(workspace, records, update_existing, feedback)
    orphans = sorted(set(shapes) - joined)
    if orphans:
        report.warnings.append(
            tr("{0} boundary polygon(s) have no register row: {1}").format(
                len(orphans), ", ".join(orphans[:20])
            )
        )
    return report


def _write(
    workspace,
    records: List[_Record],
    update_existing: bool,
    feedback: Optional[QgsFeedback],
    table: Target = PROJECTS,
) -> ImportReport:
    ws = workspace_of(workspace)
    layer = ws.layer(table.spec.name)
    provider = layer.dataProvider()
    fields = layer.fields()
    report = ImportReport(noun=table.noun)
    KEY = table.key  # noqa: N806  (the key of this table)
    existing = {
        _to_text(f[KEY]): f.id()
        for f in layer.getFeatures(QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry))
        if not _is_null(f[KEY])
    }
    townships = _TownshipFinder(ws)
    transforms: Dict[str, Optional[QgsCoordinateTransform]] = {}
    seen: Dict[str, str] = {}
    accepted: List[Tuple[str, Dict[str, object], QgsGeometry]] = []
    for position, record in enumerate(records):
        if feedback is not None:
            if feedback.isCanceled():
                raise CanceledError()
            feedback.setProgress(90.0 * position / max(len(records), 1))
        try:
            values = {
                name: convert(table.spec.field(name), value)
                for name, value in record.values.items()
            }
        except ValueError as error:
            report.skipped.append(SkippedRow(record.label, str(error)))
            continue
        number = values.get(KEY)
        parcel = table is PARCELS
        if not number:
            report.skipped.append(
                SkippedRow(record.label, tr("no parcel ID") if parcel else tr("no project number"))
            )
            continue
        if number in seen:
            message = (
                tr("parcel ID {0} appears again (first at row {1})")
                if parcel
                else tr("project number {0} appears again (first at row {1})")
            )
            report.skipped.append(SkippedRow(record.label, message.format(number, seen[number])))
            continue
        if number in existing and not update_existing:
            message = (
                tr("parcel {0} is already in the workspace")
                if parcel
                else tr("project {0} is already in the workspace")
            )
            report.skipped.append(SkippedRow(record.label, message.format(number)))
            continue
        geometry, problem = _clean_geometry(record, layer.crs(), transforms)
        if problem:
            report.skipped.append(SkippedRow(record.label, problem))
            continue
        seen[number] = record.label
        if not values.get("xzqdm"):
            values["xzqdm"] = townships.code_at(geometry)
        accepted.append((number, values, geometry))

    new_features = []
    attribute_changes: Dict[int, Dict[int, object]] = {}
    geometry_changes: Dict[int, QgsGeometry] = {}
    for number, values, geometry in accepted:
        if number in existing:
            fid = existing[number]
            attribute_changes[fid] = {fields.indexOf(name): value for name, value in values.items()}
            geometry_changes[fid] = geometry
            continue
        feature = QgsFeature(fields)
        feature.setAttribute(
            schema.UUID_FIELD, QUuid.createUuid().toString(QUuid.StringFormat.WithoutBraces)
        )
        for name, value in values.items():
            feature.setAttribute(name, value)
        feature.setGeometry(geometry)
        new_features.append(feature)
    ok = True
    if new_features:
        ok = provider.addFeatures(new_features)[0]
    if ok and attribute_changes:
        ok = provider.changeAttributeValues(attribute_changes) and provider.changeGeometryValues(
            geometry_changes
        )
    if not ok:
        raise WorkspaceError(
            tr("Cannot write the rows of {0} into {1}: {2}").format(
                table.spec.name, ws.describe(), "; ".join(provider.errors())
            )
        )
    report.imported = len(new_features)
    report.updated = len(attribute_changes)
    if feedback is not None:
        feedback.setProgress(100.0)
    return report


def _clean_geometry(
    record: _Record,
    crs: QgsCoordinateReferenceSystem,
    transforms: Dict[str, Optional[QgsCoordinateTransform]],
) -> Tuple[Optional[QgsGeometry], str]:
    geometry = record.geometry
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None, tr("no boundary polygon")
    if geometry.type() != QgsWkbTypes.PolygonGeometry:
        return None, tr("the boundary is not a polygon")
    if not geometry.isGeosValid():
        geometry = polygonal(geometry.makeValid())
        if geometry.isNull() or geometry.isEmpty() or not geometry.isGeosValid():
            return None, tr("the boundary polygon is invalid and cannot be repaired")
    key = record.crs.authid() or record.crs.toWkt()
    if key not in transforms:
        transforms[key] = (
            None
            if record.crs == crs or not record.crs.isValid()
            else QgsCoordinateTransform(record.crs, crs, QgsProject.instance())
        )
    geometry = QgsGeometry(geometry)
    if transforms[key] is not None:
        try:
            geometry.transform(transforms[key])
        except Exception:  # QgsCsException
            return None, tr("the boundary cannot be reprojected to the workspace CRS")
    geometry = polygonal(geometry)
    if geometry.isEmpty():
        return None, tr("no boundary polygon")
    return geometry, ""


class _TownshipFinder:
    """Township code at a geometry's point on surface (fills a missing xzqdm)."""

    def __init__(self, workspace: WorkspaceBase):
        self.layer = workspace.layer("township")
        self.index = QgsSpatialIndex()
        self.features = {
            f.id(): f for f in self.layer.getFeatures() if usable(f.geometry())
        }  # a township without shape locates nothing
        for fid, feature in self.features.items():
            index_geometry(
                self.index,
                fid,
                feature.geometry(),
                tr("Township {0}").format(_to_text(feature["xzqdm"])),
            )

    def code_at(self, geometry: QgsGeometry) -> Optional[str]:
        point = geometry.pointOnSurface()
        for fid in self.index.intersects(point.boundingBox()):
            feature = self.features[fid]
            if feature.geometry().intersects(point):
                return _to_text(feature["xzqdm"])
        return None


# --- issue 17: delivered disturbance parcels (扰动图斑) into ``parcel`` ----------------

#: Short change names deliveries use for ``bhlx`` besides the code list labels.
_CHANGE_ALIASES = {
    "扩大": "2",
    "范围扩大": "2",
    "缩小": "3",
    "范围缩小": "3",
    "不变": "4",
    "范围不变": "4",
}


def import_parcels(
    workspace,
    source: QgsVectorLayer,
    field_map: Optional[Dict[str, str]] = None,
    update_existing: bool = False,
    previous: Optional[QgsVectorLayer] = None,
    delivery: str = "",
    min_area: Optional[float] = None,
    feedback: Optional[QgsFeedback] = None,
) -> ImportReport:
    """Import a delivery of disturbance parcels into the workspace table ``parcel``.

    Fields are mapped as for projects (``auto_field_map`` with the parcel names).
    Where the delivery has no change type (``bhlx`` unmapped or empty) and the
    ``previous`` delivery is given, it comes from ``core.parcelchange`` (新增,
    扩大, 缩小, 不变), with the matched previous parcel ID in ``sqtbbh``;
    ``delivery`` fills ``jcpc``.  Parcels without a change type and without a
    previous delivery keep it empty (said in the report).
    """
    if source is None or not source.isValid():
        raise InputError(tr("The parcel source cannot be read."))
    if source.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The parcel source {0} has no polygons.").format(source.name()))
    require_crs(source, tr("parcel source"))
    names = source.fields().names()
    field_map = field_map if field_map is not None else auto_field_map(names, PARCELS)
    _check_mapping(field_map, names, PARCELS)
    ws = workspace_of(workspace)
    changes: Dict[int, Tuple[str, str]] = {}
    if previous is not None:
        from ..domain.change import CHANGE_TYPE_CODE
        from .parcelchange import parcel_change
        from .settings import setting

        result = parcel_change(
            previous,
            source,
            ws.crs(),
            None,
            setting("change/min_area_m2") if min_area is None else min_area,
            (
                field_map[PARCELS.key],
                auto_field_map(previous.fields().names(), PARCELS).get(PARCELS.key, ""),
            ),
            feedback,
        )
        for row in result.rows:
            if row.new_fid is not None:
                changes[row.new_fid] = (CHANGE_TYPE_CODE[row.change] or "", row.old_id or "")
    records: List[_Record] = []
    unknown = 0
    for feature in source.getFeatures():
        values = {target: feature[src] for target, src in field_map.items() if src}
        change = values.get("bhlx")
        if not _is_null(change) and _to_text(change) in _CHANGE_ALIASES:
            values["bhlx"] = _CHANGE_ALIASES[_to_text(change)]
        elif _is_null(change):
            code, old_id = changes.get(feature.id(), ("", ""))
            values["bhlx"] = code or None
            if code and old_id:
                values["sqtbbh"] = old_id
            unknown += 0 if code else 1
        if delivery and _is_null(values.get("jcpc")):
            values["jcpc"] = delivery
        number = values.get(PARCELS.key)
        records.append(
            _Record(
                tr("{0} (feature {1})").format(
                    "?" if _is_null(number) else _to_text(number), feature.id()
                ),
                values,
                QgsGeometry(feature.geometry()),
                source.crs(),
            )
        )
    report = _write(ws, records, update_existing, feedback, PARCELS)
    if unknown:
        report.warnings.append(
            tr("{0} parcel(s) have no change type: give the previous delivery to fill it.").format(
                unknown
            )
        )
    return report
