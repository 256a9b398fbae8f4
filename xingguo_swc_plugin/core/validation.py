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
  of a reservoir or main river (``core.engines.local.navel_orange_zones``).
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
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsRasterLayer,
    QgsRectangle,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..domain import change, codes
from ..domain.thresholds import DEFAULTS
from ..translation import tr
from .area import AreaMeasurer
from .engines import choose
from .engines.local.zones import computation_crs
from .engines.postgis.validation import validate_parcels_sql
from .errors import InputError
from .geometry import geometry_problem, index_geometry, transform_between
from .progress import Steps
from .results import Finding
from .rules import (
    CORRIDOR,
    NAVEL_ORANGE_ZONE,
    RULES,
    Findings,
    Parcel,
    Registration,
    SlopeFacts,
    SlopeLimits,
    corridor_applies,
    corridor_class,
    corridor_message,
    orange_zone_message,
    registration_rule,
    slope_rules,
)
from .validation_parcels import ParcelReader, check_overlaps
from .values import text

#: Default distance (m) to a protected corridor *(practice: no written value)*.
DEFAULT_CORRIDOR_DISTANCE = DEFAULTS["validation/corridor_distance_m"]
#: Field of the projects holding the soil-conservation plan (empty = none).
PLAN_FIELD = "stbcfa"
#: Field of the corridor layer holding the road class.
CORRIDOR_CLASS_FIELD = "dllx"


def parcel_ids(layer: QgsVectorLayer, id_field: str) -> Set[str]:
    """Parcel IDs of a layer as findings name them (the scope of a run)."""
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field], layer.fields())
    return {
        text(feature[id_field]) or "#{0}".format(feature.id())
        for feature in layer.getFeatures(request)
    }


def _require_field(layer: QgsVectorLayer, name: str, role: str) -> None:
    if not name or layer.fields().indexOf(name) < 0:
        raise InputError(
            tr('The {0} layer {1} has no field "{2}"; fields: {3}.').format(
                role, layer.name(), name or "", ", ".join(layer.fields().names())
            )
        )


def _require_layer(layer: Optional[QgsVectorLayer], role: str, geometry: Optional[int]) -> None:
    if layer is None or not layer.isValid():
        raise InputError(tr("The {0} layer is missing or cannot be read.").format(role))
    if geometry is not None and layer.geometryType() != geometry:
        raise InputError(
            tr("The {0} layer {1} has the wrong geometry type.").format(role, layer.name())
        )


def validate_parcels(
    parcels: QgsVectorLayer,
    projects: QgsVectorLayer,
    parcel_id_field: str = "tbbh",
    project_field: str = "xmbh",
    project_id_field: str = "xmbh",
    excess_tolerance: float = 1.0,
    dem: Optional[QgsRasterLayer] = None,
    steep_slope: float = 25.0,
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
    water_distance: float = DEFAULTS["validation/navel_orange_water_distance_m"],
) -> List[Finding]:
    """Check every parcel against the rules; returns the findings (inputs untouched).

    Shares are in percent of the parcel's area.  PLAN_REQUIRED runs with a DEM
    when PROJECTS has ``plan_field``; NAVEL_ORANGE_ZONE when designated zones,
    or eroded slopes together with waters, are given.

    Raises ``InputError`` before any work when an input cannot be used: missing
    layer or id field, thresholds out of order, a DEM that does not cover every
    parcel.
    """
    steps = Steps(feedback)
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
            raise InputError(
                tr("The terrace slope ({0}°) must not exceed the steep slope ({1}°).").format(
                    terrace_slope, steep_slope
                )
            )
    if corridors is not None:
        _require_layer(corridors, tr("corridors"), None)
        if corridor_distance < 0:
            raise InputError(tr("The corridor distance must not be negative."))
    if measures is not None and measures.isValid():
        _require_field(measures, "csdm", tr("measures"))
        _require_field(measures, "mbid", tr("measures"))
    _check_rule_inputs(
        dem,
        steep_share,
        terrace_share,
        plan_slope,
        steep_slope,
        orange_zones,
        eroded,
        waters,
        water_distance,
    )
    zoned = orange_zones is not None or (eroded is not None and waters is not None)
    engine = choose(
        parcels,
        projects,
        corridors,
        server=dem is None and not zoned,
        what=tr("Parcel validation"),
        feedback=feedback,
    )
    if engine.on_server:
        return validate_parcels_sql(
            engine.database,
            parcels,
            projects,
            parcel_id_field,
            project_field,
            project_id_field,
            excess_tolerance,
            corridors,
            corridor_distance,
            corridor_class_field,
            overlap_min_area,
            feedback,
        )

    work = computation_crs(parcels.crs())
    measurer = AreaMeasurer(work)
    to_work = transform_between(parcels.crs(), work)
    findings = Findings(transform_between(work, parcels.crs()))
    emit = findings.emit

    steps.phase(0, 25)
    valid, invalid = _read_parcels(
        parcels, parcel_id_field, project_field, to_work, measurer, steps
    )
    for parcel, reason in invalid:
        findings.invalid(parcel, reason, parcel.geometry)

    dem_values: Dict[int, object] = {}
    if dem is not None:
        steps.phase(25, 40)
        from .engines.local.slope import slope_statistics  # numpy only with a DEM

        dem_values = slope_statistics(
            dem,
            {p.fid: p.geometry for p in valid},
            work,
            {p.fid: p.parcel_id for p in valid},
            steep_slope,
            terrace_slope,
            plan_slope,
            steps.progress,
        )

    steps.phase(40, 55)
    approved = _read_projects(projects, project_id_field, work, steps)
    for position, parcel in enumerate(valid):
        steps.progress(position, len(valid))
        _check_registration(parcel, approved, excess_tolerance, measurer, emit)

    steps.phase(55, 80)
    check_overlaps(
        parcels, parcel_id_field, overlap_min_area, valid, to_work, measurer, steps, findings
    )

    if dem is not None:
        steps.phase(80, 85)
        plans = _project_plans(projects, project_id_field, plan_field)
        _check_slopes(
            valid,
            dem_values,
            _terraced_parcels(measures),
            plans,
            SlopeLimits(steep_slope, terrace_slope, plan_slope, steep_share, terrace_share),
            emit,
        )

    if corridors is not None:
        steps.phase(85, 95)
        _check_corridors(
            [p for p in valid if corridor_applies(p.kflx, p.bhlx)],
            corridors,
            corridor_class_field,
            corridor_distance,
            work,
            measurer,
            steps,
            emit,
        )
    if zoned:
        steps.phase(95, 100)
        _check_orange_zones(
            valid, work, orange_zones, eroded, waters, water_distance, measurer, steps, emit
        )
    steps.phase(100, 100)
    return findings.sorted()


def _read_parcels(
    parcels: QgsVectorLayer,
    id_field: str,
    project_field: str,
    to_work: Optional[QgsCoordinateTransform],
    measurer: AreaMeasurer,
    steps: Steps,
) -> Tuple[List[Parcel], List[Tuple[Parcel, str]]]:
    reader = ParcelReader(parcels, id_field, project_field)
    valid: List[Parcel] = []
    invalid: List[Tuple[Parcel, str]] = []
    total = max(parcels.featureCount(), 1)
    for position, feature in enumerate(parcels.getFeatures(reader.request())):
        if position % 200 == 0:
            steps.progress(position, total)
        geometry = QgsGeometry(feature.geometry())
        parcel = reader.parcel(feature)
        parcel.geometry = geometry
        problem = geometry_problem(geometry)
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


def _read_projects(
    projects: QgsVectorLayer, id_field: str, work: QgsCoordinateReferenceSystem, steps: Steps
) -> Dict[str, QgsGeometry]:
    """Approved boundary per project number (parts of one number dissolved)."""
    transform = transform_between(projects.crs(), work)
    parts: Dict[str, List[QgsGeometry]] = {}
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([id_field], projects.fields())
    for feature in projects.getFeatures(request):
        number = text(feature[id_field])
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


def _check_registration(
    parcel: Parcel, approved: Dict[str, QgsGeometry], tolerance: float, measurer: AreaMeasurer, emit
) -> None:
    """The registration facts of one parcel (geometry work only where it matters)."""
    boundary = approved.get(parcel.project) if parcel.project else None
    facts = Registration(
        known=boundary is not None,
        has_boundary=boundary is not None and not boundary.isNull() and not boundary.isEmpty(),
    )
    outside = None
    if facts.has_boundary:
        if parcel.geometry.boundingBoxIntersects(boundary):
            inside = parcel.geometry.intersection(boundary)
            facts.shared_m2 = measurer.area_m2(inside) if inside is not None else 0.0
        if facts.shared_m2 > 0.0:
            outside = parcel.geometry.difference(boundary)
            facts.outside_m2 = measurer.area_m2(outside) if outside is not None else 0.0
    found = registration_rule(parcel, facts, tolerance)
    if found is not None:
        rule, message, whole = found
        emit(
            parcel,
            rule,
            message,
            parcel.geometry if whole else outside,
            parcel.area if whole else facts.outside_m2,
        )


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
    return {
        text(feature["mbid"])
        for feature in measures.getFeatures(request)
        if text(feature["csdm"]) in terraces
    }


def _check_corridors(
    valid: Sequence[Parcel],
    corridors: QgsVectorLayer,
    class_field: str,
    distance: float,
    work: QgsCoordinateReferenceSystem,
    measurer: AreaMeasurer,
    steps: Steps,
    emit,
) -> None:
    transform = transform_between(corridors.crs(), work)
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
        index_geometry(
            index, feature.id(), geometry, "{0} #{1}".format(corridors.name(), feature.id())
        )
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
        emit(
            parcel,
            CORRIDOR,
            corridor_message(distance, [kind for _, kind in near]),
            part,
            measurer.area_m2(part),
        )


# --- issue 17: slope shares, plans, navel-orange zones, which parcels are new -------


def _check_rule_inputs(
    dem,
    steep_share: float,
    terrace_share: float,
    plan_slope: float,
    steep_slope: float,
    orange_zones,
    eroded,
    waters,
    water_distance: float,
) -> None:
    for share in (steep_share, terrace_share):
        if not 0.0 <= share <= 100.0:
            raise InputError(
                tr("A slope share must be between 0 and 100 %, not {0}.").format(share)
            )
    if dem is not None and plan_slope > steep_slope:
        raise InputError(
            tr("The plan slope ({0}°) must not exceed the steep slope ({1}°).").format(
                plan_slope, steep_slope
            )
        )
    for layer, role in (
        (orange_zones, tr("collapse/landslide zones")),
        (eroded, tr("eroded slopes")),
        (waters, tr("reservoirs and rivers")),
    ):
        if layer is not None:
            _require_layer(layer, role, None)
    if (eroded is None) != (waters is None):
        raise InputError(
            tr("Eroded slopes and reservoirs/rivers are needed together for the navel-orange rule.")
        )
    if water_distance < 0:
        raise InputError(tr("The distance to reservoirs and rivers must not be negative."))


def _project_plans(
    projects: QgsVectorLayer, id_field: str, plan_field: str
) -> Optional[Dict[str, str]]:
    """Plan approval per project number; None when PROJECTS has no plan field."""
    if not plan_field or projects.fields().indexOf(plan_field) < 0:
        return None
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([id_field, plan_field], projects.fields())
    plans: Dict[str, str] = {}
    for feature in projects.getFeatures(request):
        number = text(feature[id_field])
        if number:
            plans[number] = plans.get(number) or text(feature[plan_field])
    return plans


def _check_slopes(
    valid: Sequence[Parcel],
    stats: Dict[int, object],
    terraced: Set[str],
    plans: Optional[Dict[str, str]],
    limits: SlopeLimits,
    emit,
) -> None:
    """STEEP_SLOPE, TERRACE_REQUIRED and PLAN_REQUIRED from the slope shares."""
    for parcel in valid:
        slope = stats.get(parcel.fid)
        if slope is None or math.isnan(slope.mean):
            continue
        facts = SlopeFacts(
            slope.mean,
            slope.steep_share,
            slope.terrace_share,
            slope.plan_share,
            terraced=parcel.uuid in terraced or parcel.parcel_id in terraced,
            plan=None if plans is None else plans.get(parcel.project),
            registered=plans is not None and parcel.project in plans,
        )
        for rule, message in slope_rules(parcel, facts, limits, plans_known=plans is not None):
            emit(parcel, rule, message, parcel.geometry, parcel.area)


def _check_orange_zones(
    valid: Sequence[Parcel],
    work: QgsCoordinateReferenceSystem,
    zones,
    eroded,
    waters,
    distance: float,
    measurer: AreaMeasurer,
    steps: Steps,
    emit,
) -> None:
    """NAVEL_ORANGE_ZONE: new 脐橙 parcels (an unknown change type counts as new)."""
    from .engines.local.navel_orange_zones import ForbiddenZones

    forbidden = ForbiddenZones(work, zones, eroded, waters, distance)
    for position, parcel in enumerate(valid):
        if position % 100 == 0:
            steps.progress(position, len(valid))
        if not change.code_in(parcel.kflx, codes.DEVELOPMENT_TYPE, (change.NAVEL_ORANGE_CODE,)):
            continue
        if change.code_in(parcel.bhlx, codes.CHANGE_TYPE, change.NEW_DEVELOPMENT_CODES) is False:
            continue
        part = forbidden.part(parcel.geometry)
        if part is None:
            continue
        area = measurer.area_m2(part)
        emit(
            parcel,
            NAVEL_ORANGE_ZONE,
            orange_zone_message(area, forbidden.kinds, distance),
            part,
            area,
        )


def findings_by_rule(findings: Iterable[Finding]) -> Dict[str, List[Finding]]:
    """Findings grouped by rule, in rule order (for summaries and the dock)."""
    grouped: Dict[str, List[Finding]] = {rule: [] for rule in RULES}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return {rule: items for rule, items in grouped.items() if items}
