"""Plan progress (README "Plan progress"): newly treated area and treated gullies.

The one definition of the county's two treatment figures; every other place
(measure summary, docks, dashboard, atlas, Processing) is meant to call
``plan_progress``.

* Period: the plan window (settings ``plan/year_from`` .. ``plan/year_to``)
  unless a caller gives one.
* Area measures are those whose unit in the workspace taxonomy is hm²; other
  measures never add area.
* A target feature f with an area-measure record in the window and none
  before it is *newly treated*: q_f = min(area of f, largest ``sl`` of its
  area records in the window) hm².  f is *fully treated* when q_f ≥ 99 % of its
  area: fully treated footprints are dissolved (land under several counts
  once).  A partly treated f adds q_f × (share of f's area in the zone).
  Zone figure = area(union of fully treated footprints ∩ zone) + Σ partial
  shares.  County = sum of townships.  A feature with an area record before
  the window is *re-treated*: listed and summed separately, never new.
* Treated gullies: ``benggang`` features with ``zlzt`` = 已治理 ('2') and
  ``zlnd`` in the window; each counts ``bgsl`` 座 (NULL = 1) in its own
  ``xzqdm`` township only (the largest overlap when the code is empty).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..domain.thresholds import COUNTY_CODE, COUNTY_NAME
from ..domain.units import m2_to_hm2
from ..translation import tr
from .area import PLANIMETRIC, AreaMeasurer
from .engines.local.zones import computation_crs, read_townships
from .errors import InputError, raise_if_canceled
from .geometry import index_geometry
from .measure_checks import check_year
from .measure_records import read_measures, sibling_layer
from .measure_taxonomy import load_taxonomy
from .targets import township_targets
from .township_locator import TownshipLocator
from .workspace.schema import BENGGANG, TOWNSHIP, UUID_FIELD

#: Share of its area a feature's quantity must reach to count as fully treated.
FULL_SHARE = 0.99
#: Code of 已治理 in codes.TREATMENT_STATUS; 新增造地 in codes.TREATMENT_MODE.
TREATED = "2"


@dataclass
class ZoneProgress:
    """Plan progress of one township (or zone, or the county)."""

    xzqdm: str
    xzqmc: str
    treated_area_hm2: float = 0.0
    retreated_area_hm2: float = 0.0
    treated_gullies: int = 0
    new_farmland_hm2: float = 0.0
    target_area_hm2: Optional[float] = None
    target_gullies: Optional[int] = None

    @property
    def area_progress_percent(self) -> Optional[float]:
        if not self.target_area_hm2:
            return None
        return 100.0 * self.treated_area_hm2 / self.target_area_hm2

    @property
    def gully_progress_percent(self) -> Optional[float]:
        if not self.target_gullies:
            return None
        return 100.0 * self.treated_gullies / self.target_gullies


@dataclass
class PlanProgress:
    """Result of ``plan_progress``: zone rows in code order, then the county row."""

    year_from: int
    year_to: int
    rows: List[ZoneProgress] = field(default_factory=list)
    #: (layer key, uuid) of features treated before the window and again in it.
    retreated: List[Tuple[str, str]] = field(default_factory=list)
    #: (layer key, uuid) of newly treated features.
    treated: List[Tuple[str, str]] = field(default_factory=list)
    #: Area records whose target layer or feature was not found.
    unresolved_records: int = 0
    #: Gullies marked 已治理 without a completion year zlnd (not counted).
    undated_gullies: int = 0

    @property
    def county(self) -> ZoneProgress:
        return self.rows[-1]

    def row(self, code: str) -> ZoneProgress:
        for row in self.rows:
            if row.xzqdm == code:
                return row
        raise KeyError(code)


def _check_canceled(feedback: Optional[QgsFeedback]) -> None:
    """A canceled run ends as canceled (``CanceledError``), never with partial rows."""
    raise_if_canceled(feedback)


def window(year_from: Optional[int], year_to: Optional[int]) -> Tuple[int, int]:
    """The period asked for, each missing end from the plan window settings."""
    from .settings import plan_window

    default_from, default_to = plan_window()
    first = check_year(default_from if year_from is None else year_from)
    last = check_year(default_to if year_to is None else year_to)
    if first > last:
        raise InputError(tr("The first year {0} is after the last year {1}.").format(first, last))
    return first, last


def plan_progress(
    measures: QgsVectorLayer,
    townships: Optional[QgsVectorLayer] = None,
    gullies: Optional[QgsVectorLayer] = None,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    feedback: Optional[QgsFeedback] = None,
    *,
    zones: Optional[QgsVectorLayer] = None,
    zone_field: str = "xzqdm",
    targets: Optional[Mapping[str, QgsVectorLayer]] = None,
    area_method: int = PLANIMETRIC,
) -> PlanProgress:
    """Newly treated area and treated gullies per township (or per zone of
    ``zones``/``zone_field``) and for the county, over the window.

    ``townships`` / ``gullies`` default to the workspace tables beside ``measures``;
    ``targets`` maps target layer keys the workspace lacks to their layers.
    """
    first, last = window(year_from, year_to)
    if townships is None:
        townships = sibling_layer(measures, TOWNSHIP.name)
    if townships is None:
        raise InputError(tr("No township layer: give the townships."))
    if gullies is None:
        gullies = sibling_layer(measures, BENGGANG.name)
    crs = computation_crs(townships.crs())
    context = townships.transformContext()
    measurer = AreaMeasurer(crs, area_method, context)
    towns = read_townships(townships, "xzqdm", crs, context, feedback)
    zone_list = (
        towns if zones is None else read_townships(zones, zone_field, crs, context, feedback)
    )
    result = PlanProgress(first, last)

    # -- area records by target --------------------------------------------------------
    taxonomy = load_taxonomy(measures)
    area_codes = {m.code for m in taxonomy if m.unit == "hm2"}
    before: set = set()
    largest: Dict[Tuple[str, str], float] = {}
    for record in read_measures(
        measures, QgsFeatureRequest().setFilterExpression('"nd" <= {0}'.format(last))
    ):
        if record.csdm not in area_codes:
            continue
        key = (record.mbtc, record.mbid)
        if record.nd < first:
            before.add(key)
        else:
            largest[key] = max(largest.get(key, 0.0), record.sl)
    _check_canceled(feedback)

    # -- target geometries -------------------------------------------------------------
    full: List[QgsGeometry] = []
    partial: List[Tuple[QgsGeometry, float]] = []  # geometry, q_f hm²
    again: List[Tuple[QgsGeometry, float]] = []
    wanted: Dict[str, List[str]] = defaultdict(list)
    for layer_name, uuid in largest:
        wanted[layer_name].append(uuid)
    for layer_name in sorted(wanted):
        layer = sibling_layer(measures, layer_name) or (targets or {}).get(layer_name)
        uuids = set(wanted[layer_name])
        if (
            layer is None
            or layer.fields().indexOf(UUID_FIELD) < 0
            or layer.geometryType() != QgsWkbTypes.PolygonGeometry
        ):
            result.unresolved_records += len(uuids)
            continue
        transform = (
            QgsCoordinateTransform(layer.crs(), crs, context) if layer.crs() != crs else None
        )
        found = set()
        for feature in layer.getFeatures():
            _check_canceled(feedback)
            uuid = str(feature[UUID_FIELD]) if feature[UUID_FIELD] is not None else ""
            if uuid not in uuids or uuid in found:
                continue
            found.add(uuid)
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                result.unresolved_records += 1
                continue
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            area = m2_to_hm2(measurer.area_m2(geometry))
            key = (layer_name, uuid)
            quantity = min(area, largest[key])
            if key in before:
                result.retreated.append(key)
                again.append((geometry, quantity))
            elif quantity >= FULL_SHARE * area:
                result.treated.append(key)
                full.append(geometry)
            else:
                result.treated.append(key)
                partial.append((geometry, quantity))
        result.unresolved_records += len(uuids - found)

    # -- per zone ----------------------------------------------------------------------
    index = QgsSpatialIndex()
    for position, geometry in enumerate(full):
        index_geometry(index, position, geometry)

    def shares(items, zone_geometry: QgsGeometry) -> float:
        total = 0.0
        for geometry, quantity in items:
            if not geometry.boundingBox().intersects(zone_geometry.boundingBox()):
                continue
            whole = measurer.area_m2(geometry)
            if whole <= 0:
                continue
            inside = measurer.area_m2(geometry.intersection(zone_geometry))
            total += quantity * inside / whole
        return total

    def treated_area(zone_geometry: QgsGeometry) -> Tuple[float, float]:
        pieces = []
        for position in index.intersects(zone_geometry.boundingBox()):
            piece = full[position].intersection(zone_geometry)
            if not piece.isEmpty():
                pieces.append(piece)
        dissolved = m2_to_hm2(measurer.area_m2(QgsGeometry.unaryUnion(pieces))) if pieces else 0.0
        return dissolved + shares(partial, zone_geometry), shares(again, zone_geometry)

    rows: Dict[str, ZoneProgress] = {}
    for zone in zone_list:
        _check_canceled(feedback)
        row = rows[zone.code] = ZoneProgress(zone.code, zone.name)
        row.treated_area_hm2, row.retreated_area_hm2 = treated_area(zone.geometry)
    county = ZoneProgress(COUNTY_CODE, COUNTY_NAME)
    for town in towns:
        if zones is None:
            township_row = rows[town.code]
            county.treated_area_hm2 += township_row.treated_area_hm2
            county.retreated_area_hm2 += township_row.retreated_area_hm2
        else:
            area, retreated = treated_area(town.geometry)
            county.treated_area_hm2 += area
            county.retreated_area_hm2 += retreated

    # -- gullies -----------------------------------------------------------------------
    if gullies is not None and gullies.isValid():
        _count_gullies(
            gullies,
            first,
            last,
            towns,
            zone_list if zones is not None else None,
            rows,
            county,
            crs,
            context,
            townships,
            result,
            feedback,
        )

    # -- targets -----------------------------------------------------------------------
    plan_targets = township_targets(measures, towns, measurer, first, last)
    for code, row in rows.items():
        if zones is None and code in plan_targets:
            row.target_area_hm2, row.target_gullies = plan_targets[code]
    county.target_area_hm2, county.target_gullies = plan_targets[COUNTY_CODE]
    result.rows = [rows[code] for code in sorted(rows)] + [county]
    if feedback is not None:
        feedback.setProgress(100.0)
    return result


def gully_count(value, bgbh: str) -> int:
    """``bgsl`` of a gully: NULL counts 1; anything but a whole number ≥ 1 is refused."""
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return 1
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not number >= 1 or number != int(number):
        raise InputError(
            tr(
                "Gully {0}: the number of gullies bgsl must be a whole number "
                "of at least 1 (got {1})."
            ).format(bgbh, value)
        )
    return int(number)


def _year(value) -> Optional[int]:
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return None
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


def _count_gullies(
    gullies: QgsVectorLayer,
    first: int,
    last: int,
    towns,
    zone_list,
    rows: Dict[str, ZoneProgress],
    county: ZoneProgress,
    crs,
    context,
    townships: QgsVectorLayer,
    result: PlanProgress,
    feedback: Optional[QgsFeedback],
) -> None:
    names = gullies.fields().names()
    missing = [name for name in ("zlzt", "zlnd") if name not in names]
    if missing:
        raise InputError(
            tr(
                "The gully layer {0} lacks the fields {1}: open it as a "
                "workspace table (the upgrade adds them)."
            ).format(gullies.name(), ", ".join(missing))
        )
    locator = None
    transform = (
        QgsCoordinateTransform(gullies.crs(), crs, context) if gullies.crs() != crs else None
    )
    town_codes = {town.code for town in towns}
    for feature in gullies.getFeatures():
        _check_canceled(feedback)
        if str(feature["zlzt"] or "").strip() != TREATED:
            continue
        bgbh = str(feature["bgbh"]) if "bgbh" in names else str(feature.id())
        year = _year(feature["zlnd"])
        if year is None:
            result.undated_gullies += 1
            continue
        if not first <= year <= last:
            continue
        count = gully_count(feature["bgsl"] if "bgsl" in names else None, bgbh)
        farmland = 0.0
        if "xzgd" in names and feature["xzgd"] not in (None, ""):
            try:
                farmland = float(feature["xzgd"])
            except (TypeError, ValueError):
                raise InputError(
                    tr("Gully {0}: new farmland xzgd is not a number ({1}).").format(
                        bgbh, feature["xzgd"]
                    )
                ) from None
        code = str(feature["xzqdm"] or "").strip() if "xzqdm" in names else ""
        geometry = QgsGeometry(feature.geometry())
        if transform is not None and not geometry.isEmpty():
            geometry.transform(transform)
        if code not in town_codes:
            if locator is None:
                locator = TownshipLocator(townships, crs, context)
            code = locator.locate(geometry) if not geometry.isEmpty() else ""
        if code not in town_codes:
            raise InputError(
                tr("Gully {0} lies in no township (xzqdm {1}): it cannot be counted.").format(
                    bgbh, code
                )
            )
        county.treated_gullies += count
        county.new_farmland_hm2 += farmland
        if zone_list is None:
            target = rows[code]
        else:
            target = None
            point = geometry.pointOnSurface() if not geometry.isEmpty() else None
            for zone in zone_list:
                if point is not None and zone.geometry.intersects(point):
                    target = rows[zone.code]
                    break
        if target is not None:
            target.treated_gullies += count
            target.new_farmland_hm2 += farmland


PROGRESS_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("xzqdm", "text"),
    ("xzqmc", "text"),
    ("treated_area_hm2", "real"),
    ("retreated_area_hm2", "real"),
    ("treated_gullies", "int"),
    ("new_farmland_hm2", "real"),
    ("target_area_hm2", "real"),
    ("target_gullies", "int"),
    ("area_progress_percent", "real"),
    ("gully_progress_percent", "real"),
)


def progress_table(progress: PlanProgress) -> List[Dict[str, object]]:
    """Rows of ``PROGRESS_COLUMNS`` (Processing OUTPUT, exports, docks)."""
    return [
        {
            "xzqdm": r.xzqdm,
            "xzqmc": r.xzqmc,
            "treated_area_hm2": r.treated_area_hm2,
            "retreated_area_hm2": r.retreated_area_hm2,
            "treated_gullies": r.treated_gullies,
            "new_farmland_hm2": r.new_farmland_hm2,
            "target_area_hm2": r.target_area_hm2,
            "target_gullies": r.target_gullies,
            "area_progress_percent": r.area_progress_percent,
            "gully_progress_percent": r.gully_progress_percent,
        }
        for r in progress.rows
    ]


__all__ = [
    "FULL_SHARE",
    "PROGRESS_COLUMNS",
    "PlanProgress",
    "ZoneProgress",
    "gully_count",
    "plan_progress",
    "progress_table",
    "window",
]
