"""Validation of development parcels against the development database (issue 5).

``validate_parcels`` reads PARCELS and PROJECTS (never writes them) and returns
one ``Finding`` per parcel and rule; each finding carries the offending part of
the parcel as geometry, in the parcels' CRS.  The rules and their SPEC meaning:

* ``INVALID_GEOMETRY`` — empty or not valid (GEOS); no other rule runs on it.
* ``UNREGISTERED`` (疑似未批先建) — project number empty or not in PROJECTS.
* ``LOCATION_CHANGED`` (疑似建设地点变更) — registered, but no shared area with
  its project's approved boundary.
* ``EXCEEDS_APPROVED`` (疑似超出防治责任范围) — part outside the approved
  boundary larger than the tolerance; area = that part.
* ``OVERLAP`` — one finding per parcel: the union of what it shares with other
  parcels (computed by ``core.overlaps.find_overlaps``); the message names them.
* ``STEEP_SLOPE`` / ``TERRACE_REQUIRED`` — the share of the parcel's area (DEM
  pixels inside) steeper than the steep limit reaches the steep share setting;
  the share between the terrace and steep limits reaches the terrace share
  setting and no terrace measure is recorded (measure rows whose ``csdm`` is
  flagged ``terrace`` in the workspace taxonomy — 梯田, 台地, 水平竹节沟,
  contour measures — and whose ``mbid`` is the parcel's ``uuid``).
* ``PLAN_REQUIRED`` — the share between the plan and steep limits (5-25°)
  reaches the terrace share setting and the parcel's project has no
  soil-conservation plan (``dev_project.stbcfa`` empty) or is not registered.
* ``NAVEL_ORANGE_ZONE`` — a new navel-orange parcel inside a designated
  collapse/landslide zone, or on an eroded slope within the (practice) distance
  of a reservoir or main river (``core.validation_zones``).
* ``CORRIDOR`` — new orchard development (see ``corridor_applies``) within the
  corridor distance of a railway, expressway, national or provincial road; the
  class is read from the corridor field ``dllx`` (``CORRIDOR_CLASS_FIELD``), see
  ``corridor_class``; a layer without that field is taken as protected
  corridors only.

All geometry work happens in a projected working CRS (the parcels' CRS, or
CGCS2000 / GK CM 114°E when the parcels are geographic); other layers are
reprojected.  Areas come from ``core.area.AreaMeasurer``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..domain import change, codes
from ..domain.thresholds import CRS_PROJECTED, DEFAULTS
from ..translation import tr
from .area import AreaMeasurer
from .errors import InputError, SwcError
from .geometry import index_geometry

INVALID_GEOMETRY = "INVALID_GEOMETRY"
UNREGISTERED = "UNREGISTERED"
LOCATION_CHANGED = "LOCATION_CHANGED"
EXCEEDS_APPROVED = "EXCEEDS_APPROVED"
OVERLAP = "OVERLAP"
STEEP_SLOPE = "STEEP_SLOPE"
TERRACE_REQUIRED = "TERRACE_REQUIRED"
CORRIDOR = "CORRIDOR"
PLAN_REQUIRED = "PLAN_REQUIRED"
NAVEL_ORANGE_ZONE = "NAVEL_ORANGE_ZONE"

#: Rule -> (compliance code of SPEC or None, severity), in display order.
RULES: Dict[str, Tuple[Optional[str], str]] = {
    INVALID_GEOMETRY: (None, "medium"),
    UNREGISTERED: ("02", "high"),
    LOCATION_CHANGED: ("06", "high"),
    EXCEEDS_APPROVED: ("04", "medium"),
    OVERLAP: (None, "low"),
    STEEP_SLOPE: (None, "high"),
    TERRACE_REQUIRED: (None, "medium"),
    CORRIDOR: (None, "medium"),
    PLAN_REQUIRED: (None, "medium"),
    NAVEL_ORANGE_ZONE: (None, "high"),
}

SEVERITIES = ("high", "medium", "low")

#: Default distance (m) to a protected corridor *(practice: no written value)*.
DEFAULT_CORRIDOR_DISTANCE = DEFAULTS["validation/corridor_distance_m"]
#: Field of the projects holding the soil-conservation plan (empty = none).
PLAN_FIELD = "stbcfa"
#: Field of the corridor layer holding the road class.
CORRIDOR_CLASS_FIELD = "dllx"

#: Road classes that are protected corridors (Ganzhou regulation), with the
#: values accepted in ``dllx``: Chinese names, English words or the class code.
CORRIDOR_CLASSES: Dict[str, Tuple[str, ...]] = {
    "railway": ("铁路", "高铁", "高速铁路", "railway", "rail", "1"),
    "expressway": ("高速公路", "高速", "expressway", "motorway", "2"),
    "national": ("国道", "national road", "national", "3"),
    "provincial": ("省道", "provincial road", "provincial", "4"),
}


def rule_label(rule: str) -> str:
    """Translated, human name of a rule (for the dock and messages)."""
    labels = {
        INVALID_GEOMETRY: tr("Invalid or empty geometry"),
        UNREGISTERED: tr("Not registered (suspected built without approval)"),
        LOCATION_CHANGED: tr("Elsewhere than its project (suspected location change)"),
        EXCEEDS_APPROVED: tr("Beyond the approved boundary"),
        OVERLAP: tr("Overlaps other parcels"),
        STEEP_SLOPE: tr("Steep slope"),
        TERRACE_REQUIRED: tr("Terraces required"),
        CORRIDOR: tr("Within a protected corridor"),
        PLAN_REQUIRED: tr("Soil-conservation plan required"),
        NAVEL_ORANGE_ZONE: tr("New navel oranges in a forbidden zone"),
    }
    return labels.get(rule, rule)


def compliance_label(rule: str) -> str:
    """SPEC compliance label (Chinese) of a rule, '' for rules outside that list."""
    code = RULES.get(rule, (None, ""))[0]
    return codes.COMPLIANCE.label(code) if code else ""


def corridor_class(value: object) -> Optional[str]:
    """Protected class ('railway', ...) of a road-class value, or None."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text or text == "null":
        return None
    for name, values in CORRIDOR_CLASSES.items():
        if text in values:
            return name
    for name, values in CORRIDOR_CLASSES.items():
        if any(len(word) > 1 and not word.isdigit() and word in text for word in values):
            return name
    return None


@dataclass
class Finding:
    """One rule broken by one parcel; geometry = the offending part (parcels' CRS)."""

    parcel_id: str
    rule: str
    compliance: str
    severity: str
    message: str
    area_m2: float
    geometry: QgsGeometry
    parcel_fid: int = -1
    parcel_uuid: str = ""
    township: str = ""
    #: Parcel IDs the finding involves besides its own (overlaps).
    related: Tuple[str, ...] = field(default_factory=tuple)

    @property
    def key(self) -> Tuple[str, str]:
        """What identifies the finding across runs: parcel and rule."""
        return (self.parcel_id, self.rule)


@dataclass
class _Parcel:
    fid: int
    parcel_id: str
    project: str
    uuid: str
    township: str
    geometry: QgsGeometry  # working CRS, valid
    area: float
    #: development type and change type as stored (code or label), '' if absent
    kflx: str = ""
    bhlx: str = ""


class _Steps:
    """Progress over consecutive phases; raises when the user cancels."""

    def __init__(self, feedback: Optional[QgsFeedback]):
        self.feedback = feedback
        self.start = 0.0
        self.end = 0.0

    def phase(self, start: float, end: float) -> None:
        self.start, self.end = start, end
        self.progress(0, 1)

    def progress(self, done: int, total: int) -> None:
        if self.feedback is None:
            return
        if self.feedback.isCanceled():
            raise SwcError(tr("Canceled."))
        fraction = done / total if total else 1.0
        self.feedback.setProgress(self.start + (self.end - self.start) * fraction)

    def sub_feedback(self) -> Optional[QgsFeedback]:
        """A feedback for a nested core call, mapped onto the current phase."""
        if self.feedback is None:
            return None
        sub = QgsFeedback()
        start, end, parent = self.start, self.end, self.feedback
        sub.progressChanged.connect(
            lambda value: parent.setProgress(start + (end - start) * value / 100.0))
        if parent.isCanceled():
            sub.cancel()
        parent.canceled.connect(sub.cancel)
        return sub


def _text(value: object) -> str:
    """Attribute as trimmed text; NULL and numbers normalised ('12.0' -> '12')."""
    if value is None:
        return ""
    if hasattr(value, "isNull") and value.isNull():
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return "" if text == "NULL" else text


def parcel_ids(layer: QgsVectorLayer, id_field: str) -> Set[str]:
    """Parcel IDs of a layer as findings name them (the scope of a run)."""
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field], layer.fields())
    return {_text(feature[id_field]) or "#{0}".format(feature.id())
            for feature in layer.getFeatures(request)}


def _require_field(layer: QgsVectorLayer, name: str, role: str) -> None:
    if not name or layer.fields().indexOf(name) < 0:
        raise InputError(
            tr("The {0} layer {1} has no field \"{2}\"; fields: {3}.").format(
                role, layer.name(), name or "",
                ", ".join(layer.fields().names())))


def _require_layer(layer: Optional[QgsVectorLayer], role: str,
                   geometry: Optional[int]) -> None:
    if layer is None or not layer.isValid():
        raise InputError(tr("The {0} layer is missing or cannot be read.").format(role))
    if geometry is not None and layer.geometryType() != geometry:
        raise InputError(tr("The {0} layer {1} has the wrong geometry type.")
                         .format(role, layer.name()))


def working_crs(crs: QgsCoordinateReferenceSystem) -> QgsCoordinateReferenceSystem:
    """Projected CRS the rules work in: ``crs`` itself unless it is geographic."""
    if crs.isValid() and not crs.isGeographic():
        return crs
    return QgsCoordinateReferenceSystem(CRS_PROJECTED)


def _transform(source: QgsCoordinateReferenceSystem,
               target: QgsCoordinateReferenceSystem) -> Optional[QgsCoordinateTransform]:
    if not source.isValid() or source == target:
        return None
    return QgsCoordinateTransform(source, target, QgsProject.instance())


def _geometry_problem(geometry: Optional[QgsGeometry]) -> Optional[str]:
    """Why a geometry is unusable, or None when it is a valid non-empty polygon."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return tr("empty geometry")
    if geometry.type() != QgsWkbTypes.PolygonGeometry:
        return tr("not a polygon")
    errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
    if errors:
        return tr("not valid: {0}").format(errors[0].what())
    return None


def polygonal(geometry: Optional[QgsGeometry]) -> QgsGeometry:
    """Copy as a multipolygon: lines and points left by overlays are dropped."""
    if geometry is None or geometry.isNull():
        return QgsGeometry()
    output = QgsGeometry(geometry)
    if QgsWkbTypes.flatType(output.wkbType()) == QgsWkbTypes.GeometryCollection:
        if not output.convertGeometryCollectionToSubclass(QgsWkbTypes.PolygonGeometry):
            return QgsGeometry()
    if output.type() != QgsWkbTypes.PolygonGeometry:
        return QgsGeometry()
    output.convertToMultiType()
    return output


def validate_parcels(parcels: QgsVectorLayer, projects: QgsVectorLayer,
                     parcel_id_field: str = "tbbh", project_field: str = "xmbh",
                     project_id_field: str = "xmbh", excess_tolerance: float = 1.0,
                     dem: Optional[QgsRasterLayer] = None, steep_slope: float = 25.0,
                     terrace_slope: float = 15.0,
                     corridors: Optional[QgsVectorLayer] = None,
                     corridor_distance: float = DEFAULT_CORRIDOR_DISTANCE,
                     measures: Optional[QgsVectorLayer] = None,
                     feedback: Optional[QgsFeedback] = None,
                     corridor_class_field: str = CORRIDOR_CLASS_FIELD,
                     overlap_min_area: float = 0.01,
                     steep_share: float = DEFAULTS["validation/steep_share_percent"],
                     terrace_share: float = DEFAULTS["validation/terrace_share_percent"],
                     plan_slope: float = DEFAULTS["validation/plan_slope_deg"],
                     plan_field: str = PLAN_FIELD,
                     orange_zones: Optional[QgsVectorLayer] = None,
                     eroded: Optional[QgsVectorLayer] = None,
                     waters: Optional[QgsVectorLayer] = None,
                     water_distance: float = DEFAULTS[
                         "validation/navel_orange_water_distance_m"]) -> List[Finding]:
    """Check every parcel against the rules; returns the findings (inputs untouched).

    Shares are in percent of the parcel's area.  PLAN_REQUIRED runs with a DEM
    when PROJECTS has ``plan_field``; NAVEL_ORANGE_ZONE when designated zones,
    or eroded slopes together with waters, are given.

    Raises ``InputError`` before any work when an input cannot be used: missing
    layer or id field, thresholds out of order, a DEM that does not cover every
    parcel.
    """
    steps = _Steps(feedback)
    _require_layer(parcels, tr("parcels"), QgsWkbTypes.PolygonGeometry)
    _require_layer(projects, tr("projects"), QgsWkbTypes.PolygonGeometry)
    _require_field(parcels, parcel_id_field, tr("parcels"))
    _require_field(parcels, project_field, tr("parcels"))
    _require_field(projects, project_id_field, tr("projects"))
    if excess_tolerance < 0:
        raise InputError(tr("The excess tolerance must not be negative."))
    if dem is not None:
        if not dem.isValid():
            raise InputError(tr("The DEM cannot be read."))
        if terrace_slope > steep_slope:
            raise InputError(tr("The terrace slope ({0}°) must not exceed the steep "
                                "slope ({1}°).").format(terrace_slope, steep_slope))
    if corridors is not None:
        _require_layer(corridors, tr("corridors"), None)
        if corridor_distance < 0:
            raise InputError(tr("The corridor distance must not be negative."))
    if measures is not None and measures.isValid():
        _require_field(measures, "csdm", tr("measures"))
        _require_field(measures, "mbid", tr("measures"))
    _check_rule_inputs(dem, steep_share, terrace_share, plan_slope, steep_slope,
                       orange_zones, eroded, waters, water_distance)
    zoned = orange_zones is not None or (eroded is not None and waters is not None)
    from .postgis_compute import server_database  # issue 8: run as SQL in PostGIS
    database = server_database(0, parcels, projects, corridors) \
        if dem is None and not zoned else None
    if database is not None:
        from .postgis_validation import validate_parcels_sql
        return validate_parcels_sql(
            database, parcels, projects, parcel_id_field, project_field, project_id_field,
            excess_tolerance, corridors, corridor_distance, corridor_class_field,
            overlap_min_area, feedback)

    work = working_crs(parcels.crs())
    measurer = AreaMeasurer(work)
    to_work = _transform(parcels.crs(), work)
    to_parcels = _transform(work, parcels.crs())
    findings: List[Finding] = []

    def emit(parcel: _Parcel, rule: str, message: str, geometry: QgsGeometry,
             area: float, related: Tuple[str, ...] = ()) -> None:
        output = polygonal(geometry)
        if to_parcels is not None:
            output.transform(to_parcels)
        findings.append(Finding(parcel.parcel_id, rule, compliance_label(rule),
                                RULES[rule][1], message, area, output, parcel.fid,
                                parcel.uuid, parcel.township, related))

    steps.phase(0, 25)
    valid, invalid = _read_parcels(parcels, parcel_id_field, project_field, to_work,
                                   measurer, steps)
    for parcel, reason in invalid:
        geometry = QgsGeometry(parcel.geometry)  # as stored: may be empty or not polygonal
        if not geometry.isNull() and geometry.type() == QgsWkbTypes.PolygonGeometry:
            geometry.convertToMultiType()
        findings.append(Finding(parcel.parcel_id, INVALID_GEOMETRY,
                                compliance_label(INVALID_GEOMETRY),
                                RULES[INVALID_GEOMETRY][1],
                                tr("Geometry is {0}.").format(reason), 0.0,
                                geometry, parcel.fid, parcel.uuid, parcel.township))

    dem_values: Dict[int, object] = {}
    if dem is not None:
        steps.phase(25, 40)
        from .validation_slope import slope_statistics  # numpy only with a DEM
        dem_values = slope_statistics(dem, {p.fid: p.geometry for p in valid}, work,
                                      {p.fid: p.parcel_id for p in valid}, steep_slope,
                                      terrace_slope, plan_slope, steps.progress)

    steps.phase(40, 55)
    approved = _read_projects(projects, project_id_field, work, steps)
    for position, parcel in enumerate(valid):
        steps.progress(position, len(valid))
        _check_registration(parcel, approved, excess_tolerance, measurer, emit)

    steps.phase(55, 80)
    _check_overlaps(parcels, parcel_id_field, overlap_min_area, valid, to_work,
                    measurer, steps, emit)

    if dem is not None:
        steps.phase(80, 85)
        plans = _project_plans(projects, project_id_field, plan_field)
        _check_slopes(valid, dem_values, _terraced_parcels(measures), plans,
                      steep_slope, terrace_slope, plan_slope, steep_share,
                      terrace_share, emit)

    if corridors is not None:
        steps.phase(85, 95)
        _check_corridors([p for p in valid if corridor_applies(p.kflx, p.bhlx)],
                         corridors, corridor_class_field, corridor_distance,
                         work, measurer, steps, emit)
    if zoned:
        steps.phase(95, 100)
        _check_orange_zones(valid, work, orange_zones, eroded, waters, water_distance,
                            measurer, steps, emit)
    steps.phase(100, 100)
    order = {rule: position for position, rule in enumerate(RULES)}
    findings.sort(key=lambda f: (order[f.rule], f.parcel_id, f.parcel_fid))
    return findings


def _read_parcels(parcels: QgsVectorLayer, id_field: str, project_field: str,
                  to_work: Optional[QgsCoordinateTransform], measurer: AreaMeasurer,
                  steps: _Steps) -> Tuple[List[_Parcel], List[Tuple[_Parcel, str]]]:
    names = parcels.fields().names()
    uuid_index = parcels.fields().indexOf("uuid")
    township_index = parcels.fields().indexOf("xzqdm")
    valid: List[_Parcel] = []
    invalid: List[Tuple[_Parcel, str]] = []
    total = max(parcels.featureCount(), 1)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes(
        [name for name in (id_field, project_field, "uuid", "xzqdm", "kflx", "bhlx")
         if name in names], parcels.fields())
    kflx_index, bhlx_index = names.index("kflx") if "kflx" in names else -1, \
        names.index("bhlx") if "bhlx" in names else -1
    for position, feature in enumerate(parcels.getFeatures(request)):
        if position % 200 == 0:
            steps.progress(position, total)
        parcel_id = _text(feature[id_field]) or "#{0}".format(feature.id())
        geometry = QgsGeometry(feature.geometry())
        parcel = _Parcel(feature.id(), parcel_id, _text(feature[project_field]),
                         _text(feature.attribute(uuid_index)) if uuid_index >= 0 else "",
                         _text(feature.attribute(township_index))
                         if township_index >= 0 else "", geometry, 0.0,
                         _text(feature.attribute(kflx_index)) if kflx_index >= 0 else "",
                         _text(feature.attribute(bhlx_index)) if bhlx_index >= 0 else "")
        problem = _geometry_problem(geometry)
        if problem is None and to_work is not None:
            try:
                geometry.transform(to_work)
            except Exception:  # QgsCsException: outside the CRS's area
                problem = tr("outside the area of its coordinate reference system")
            else:
                if not geometry.isGeosValid():  # reprojection may break validity
                    geometry = geometry.makeValid()
        if problem is not None:
            invalid.append((parcel, problem))
            continue
        parcel.geometry = geometry
        parcel.area = measurer.area_m2(geometry)
        valid.append(parcel)
    return valid, invalid


def _read_projects(projects: QgsVectorLayer, id_field: str,
                   work: QgsCoordinateReferenceSystem,
                   steps: _Steps) -> Dict[str, QgsGeometry]:
    """Approved boundary per project number (parts of one number dissolved)."""
    transform = _transform(projects.crs(), work)
    parts: Dict[str, List[QgsGeometry]] = {}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([id_field], projects.fields())
    for feature in projects.getFeatures(request):
        number = _text(feature[id_field])
        if not number:
            continue
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            parts.setdefault(number, [])
            continue
        if transform is not None:
            geometry.transform(transform)
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        parts.setdefault(number, []).append(geometry)
    steps.progress(1, 2)
    approved: Dict[str, QgsGeometry] = {}
    for number, geometries in parts.items():
        if not geometries:
            approved[number] = QgsGeometry()
        elif len(geometries) == 1:
            approved[number] = geometries[0]
        else:
            approved[number] = QgsGeometry.unaryUnion(geometries)
    return approved


def _check_registration(parcel: _Parcel, approved: Dict[str, QgsGeometry],
                        tolerance: float, measurer: AreaMeasurer, emit) -> None:
    if not parcel.project:
        emit(parcel, UNREGISTERED, tr("The parcel has no project number."),
             parcel.geometry, parcel.area)
        return
    boundary = approved.get(parcel.project)
    if boundary is None:
        emit(parcel, UNREGISTERED,
             tr("Project {0} is not in the development database.").format(parcel.project),
             parcel.geometry, parcel.area)
        return
    if boundary.isNull() or boundary.isEmpty():
        emit(parcel, LOCATION_CHANGED,
             tr("Project {0} has no approved boundary to compare with.")
             .format(parcel.project), parcel.geometry, parcel.area)
        return
    shared = 0.0
    if parcel.geometry.boundingBoxIntersects(boundary):
        inside = parcel.geometry.intersection(boundary)
        shared = measurer.area_m2(inside) if inside is not None else 0.0
    if shared <= 0.0:
        emit(parcel, LOCATION_CHANGED,
             tr("The parcel does not lie within the approved boundary of project {0}.")
             .format(parcel.project), parcel.geometry, parcel.area)
        return
    outside = parcel.geometry.difference(boundary)
    excess = measurer.area_m2(outside) if outside is not None else 0.0
    if excess > tolerance:
        emit(parcel, EXCEEDS_APPROVED,
             tr("{0:.1f} m² lie outside the approved boundary of project {1}.")
             .format(excess, parcel.project), outside, excess)


def _check_overlaps(parcels: QgsVectorLayer, id_field: str, min_area: float,
                    valid: Sequence[_Parcel], to_work: Optional[QgsCoordinateTransform],
                    measurer: AreaMeasurer, steps: _Steps, emit) -> None:
    """OVERLAP per parcel from the shared overlap engine (pairs listed once)."""
    from .overlaps import find_overlaps

    result = find_overlaps(parcels, id_field=id_field, min_area=min_area,
                           feedback=steps.sub_feedback())
    steps.progress(1, 1)
    by_fid = {parcel.fid: parcel for parcel in valid}
    shared: Dict[int, List[Tuple[str, QgsGeometry]]] = {}
    for pair in result.pairs:
        first, second = by_fid.get(pair.fid_a), by_fid.get(pair.fid_b)
        if first is None or second is None:
            continue
        geometry = QgsGeometry(pair.geometry)
        if to_work is not None:
            geometry.transform(to_work)
        shared.setdefault(first.fid, []).append((second.parcel_id, geometry))
        shared.setdefault(second.fid, []).append((first.parcel_id, geometry))
    for fid in sorted(shared):
        parcel = by_fid[fid]
        partners = shared[fid]
        geometries = [geometry for _, geometry in partners]
        union = geometries[0] if len(geometries) == 1 else QgsGeometry.unaryUnion(geometries)
        area = measurer.area_m2(union)
        names = tuple(sorted({name for name, _ in partners}))
        emit(parcel, OVERLAP,
             tr("{0:.1f} m² shared with parcel(s) {1}.").format(area, ", ".join(names)),
             union, area, names)


def _terraced_parcels(measures: Optional[QgsVectorLayer]) -> Set[str]:
    """``mbid`` of every terrace measure (the parcel's uuid); which measures count
    is the ``terrace`` flag of the measures' workspace taxonomy (issue 17)."""
    if measures is None or not measures.isValid():
        return set()
    from .measure_taxonomy import load_taxonomy

    terraces = {m.code for m in load_taxonomy(measures) if m.terrace}
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(["csdm", "mbid"], measures.fields())
    return {_text(feature["mbid"]) for feature in measures.getFeatures(request)
            if _text(feature["csdm"]) in terraces}


def _check_corridors(valid: Sequence[_Parcel], corridors: QgsVectorLayer,
                     class_field: str, distance: float,
                     work: QgsCoordinateReferenceSystem, measurer: AreaMeasurer,
                     steps: _Steps, emit) -> None:
    transform = _transform(corridors.crs(), work)
    has_class = bool(class_field) and corridors.fields().indexOf(class_field) >= 0
    lines: Dict[int, Tuple[QgsGeometry, str]] = {}
    index = QgsSpatialIndex()
    for feature in corridors.getFeatures():
        kind = corridor_class(feature[class_field]) if has_class else "corridor"
        geometry = QgsGeometry(feature.geometry())
        if kind is None or geometry.isNull() or geometry.isEmpty():
            continue
        if transform is not None:
            geometry.transform(transform)
        lines[feature.id()] = (geometry, kind)
        index_geometry(index, feature.id(), geometry, "{0} #{1}".format(corridors.name(), feature.id()))
    names = {"railway": tr("railway"), "expressway": tr("expressway"),
             "national": tr("national road"), "provincial": tr("provincial road"),
             "corridor": tr("protected corridor")}
    for position, parcel in enumerate(valid):
        if position % 100 == 0:
            steps.progress(position, len(valid))
        box = QgsRectangle(parcel.geometry.boundingBox())
        box.grow(distance)
        near = []
        for line_id in index.intersects(box):
            line, kind = lines[line_id]
            if parcel.geometry.distance(line) <= distance:
                near.append((line, kind))
        if not near:
            continue
        zone = QgsGeometry.unaryUnion([line for line, _ in near]).buffer(distance, 16)
        part = parcel.geometry.intersection(zone)
        if part is None or part.isEmpty():  # touches at exactly the distance
            part = parcel.geometry
        kinds = sorted({names[kind] for _, kind in near})
        emit(parcel, CORRIDOR,
             tr("Within {0} m of a {1}.").format(distance, ", ".join(kinds)),
             part, measurer.area_m2(part))


# --- issue 17: slope shares, plans, navel-orange zones, which parcels are new -------

def corridor_applies(kflx: str, bhlx: str) -> bool:
    """CORRIDOR applies to new orchard development (Ganzhou regulation): 果园 or
    脐橙 that is 新增 or 续建(范围扩大).  An empty or unknown development or change
    type counts as possibly new orchard: the rule then still runs (no silent
    miss)."""
    orchard = change.code_in(kflx, codes.DEVELOPMENT_TYPE, change.ORCHARD_CODES)
    new = change.code_in(bhlx, codes.CHANGE_TYPE, change.NEW_DEVELOPMENT_CODES)
    return orchard is not False and new is not False


def _check_rule_inputs(dem, steep_share: float, terrace_share: float, plan_slope: float,
                       steep_slope: float, orange_zones, eroded, waters,
                       water_distance: float) -> None:
    for share in (steep_share, terrace_share):
        if not 0.0 <= share <= 100.0:
            raise InputError(tr("A slope share must be between 0 and 100 %, not {0}.")
                             .format(share))
    if dem is not None and plan_slope > steep_slope:
        raise InputError(tr("The plan slope ({0}°) must not exceed the steep slope "
                            "({1}°).").format(plan_slope, steep_slope))
    for layer, role in ((orange_zones, tr("collapse/landslide zones")),
                        (eroded, tr("eroded slopes")), (waters, tr("reservoirs and rivers"))):
        if layer is not None:
            _require_layer(layer, role, None)
    if (eroded is None) != (waters is None):
        raise InputError(tr("Eroded slopes and reservoirs/rivers are needed together for "
                            "the navel-orange rule."))
    if water_distance < 0:
        raise InputError(tr("The distance to reservoirs and rivers must not be negative."))


def _project_plans(projects: QgsVectorLayer, id_field: str,
                   plan_field: str) -> Optional[Dict[str, str]]:
    """Plan approval per project number; None when PROJECTS has no plan field."""
    if not plan_field or projects.fields().indexOf(plan_field) < 0:
        return None
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field, plan_field], projects.fields())
    plans: Dict[str, str] = {}
    for feature in projects.getFeatures(request):
        number = _text(feature[id_field])
        if number:
            plans[number] = plans.get(number) or _text(feature[plan_field])
    return plans


def _check_slopes(valid: Sequence[_Parcel], stats: Dict[int, object], terraced: Set[str],
                  plans: Optional[Dict[str, str]], steep_slope: float,
                  terrace_slope: float, plan_slope: float, steep_share: float,
                  terrace_share: float, emit) -> None:
    """STEEP_SLOPE, TERRACE_REQUIRED and PLAN_REQUIRED from the slope shares."""
    for parcel in valid:
        slope = stats.get(parcel.fid)
        if slope is None or math.isnan(slope.mean):
            continue
        steep = 100.0 * slope.steep_share
        if steep >= steep_share and steep > 0:
            emit(parcel, STEEP_SLOPE,
                 tr("Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) is steeper "
                    "than {3}°, where new cultivation and whole-slope clearing are "
                    "forbidden.").format(slope.mean, steep, parcel.area * slope.steep_share,
                                         steep_slope),
                 parcel.geometry, parcel.area)
        terrace = 100.0 * slope.terrace_share
        if terrace >= terrace_share and terrace > 0 and parcel.uuid not in terraced \
                and parcel.parcel_id not in terraced:
            emit(parcel, TERRACE_REQUIRED,
                 tr("Mean slope {0:.1f}°: {1:.0f} % of the parcel ({2:.0f} m²) lies between "
                    "{3}° and {4}° and no terrace measure is recorded.").format(
                     slope.mean, terrace, parcel.area * slope.terrace_share, terrace_slope,
                     steep_slope),
                 parcel.geometry, parcel.area)
        share = 100.0 * slope.plan_share
        if plans is None or share < terrace_share or share <= 0:
            continue
        if parcel.project and plans.get(parcel.project):
            continue
        reason = tr("project {0} has no soil-conservation plan").format(parcel.project) \
            if parcel.project in plans else tr("no registered project")
        emit(parcel, PLAN_REQUIRED,
             tr("{0:.0f} % of the parcel lies between {1}° and {2}° (reclaimed land needs "
                "a soil-conservation plan): {3}.").format(share, plan_slope, steep_slope,
                                                        reason),
             parcel.geometry, parcel.area)


def _check_orange_zones(valid: Sequence[_Parcel], work: QgsCoordinateReferenceSystem,
                        zones, eroded, waters, distance: float, measurer: AreaMeasurer,
                        steps: _Steps, emit) -> None:
    """NAVEL_ORANGE_ZONE: new 脐橙 parcels (an unknown change type counts as new)."""
    from .validation_zones import ForbiddenZones

    forbidden = ForbiddenZones(work, zones, eroded, waters, distance)
    for position, parcel in enumerate(valid):
        if position % 100 == 0:
            steps.progress(position, len(valid))
        if not change.code_in(parcel.kflx, codes.DEVELOPMENT_TYPE,
                              (change.NAVEL_ORANGE_CODE,)):
            continue
        if change.code_in(parcel.bhlx, codes.CHANGE_TYPE,
                          change.NEW_DEVELOPMENT_CODES) is False:
            continue
        part = forbidden.part(parcel.geometry)
        if part is None:
            continue
        where = []
        if "zone" in forbidden.kinds:
            where.append(tr("a designated collapse/landslide zone"))
        if "water" in forbidden.kinds:
            where.append(tr("an eroded slope within {0} m of a reservoir or main river")
                         .format(distance))
        area = measurer.area_m2(part)
        emit(parcel, NAVEL_ORANGE_ZONE,
             tr("{0:.1f} m² of new navel oranges lie in {1}: new planting is forbidden "
                "there.").format(area, "; ".join(where)), part, area)


def findings_by_rule(findings: Iterable[Finding]) -> Dict[str, List[Finding]]:
    """Findings grouped by rule, in rule order (for summaries and the dock)."""
    grouped: Dict[str, List[Finding]] = {rule: [] for rule in RULES}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return {rule: items for rule, items in grouped.items() if items}
