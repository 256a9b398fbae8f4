"""Collapse gullies (崩岗): derived attributes, checks, IDs, parts and lists.

Everything the gully dock and ``xingguoswc:benggangattributes`` compute lives here,
so a gully digitized by hand and a layer imported from elsewhere get the same
township, area, scale and ID.  QGIS API only: no widgets, no iface.

* Township: the one with the largest overlap (a gully on a boundary belongs to one).
* Area: planimetric in a projected CRS, ellipsoidal (CGCS2000) in a geographic one,
  always through ``core.area.AreaMeasurer``.
* Scale: ``domain.thresholds.benggang_scale`` with the thresholds from settings.
* ID ``bgbh``: township code + "-" + 4-digit sequence.  A high-water mark per
  township is kept beside the layer (``benggang_seq`` table in a GeoPackage, a
  layer custom property otherwise) so a deleted ID is never handed out again.
  ``next_benggang_id`` is the ONE allocation entry point (PostGIS may extend it).
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFeedback,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsSpatialIndex,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..domain import codes
from ..domain.thresholds import benggang_scale
from ..qgis_compat import FieldType, make_field
from ..translation import tr
from .area import ELLIPSOIDAL, PLANIMETRIC, AreaMeasurer
from .errors import InputError, raise_if_canceled
from .settings import setting

GULLY_TABLE = "benggang"
PART_TABLE = "benggang_part"
#: Fields a layer needs to be used as a gully layer.
GULLY_FIELDS = ("bgbh", "xzqdm", "xzqmc", "mj", "gm")
#: Fields a layer needs to be used as a gully part layer.
PART_FIELDS = ("bgbh", "bw")
#: Overlap or outside area below this is numeric noise (shared, snapped edges).
TOLERANCE_M2 = 0.01
#: Table of the per-township high-water mark in a GeoPackage.
SEQ_TABLE = "benggang_seq"
#: Layer custom property prefix of the high-water mark for other providers.
SEQ_PROPERTY = "xgswc/benggang_seq/"
#: Id of the gully -> parts relation added to the project.
RELATION_ID = "xgswc_benggang_parts"

_ID_PATTERN = re.compile(r"^(\d+)-(\d+)$")


# --------------------------------------------------------------------------
# Area, scale, township
# --------------------------------------------------------------------------
def area_method(crs: QgsCoordinateReferenceSystem) -> int:
    """Planimetric in a projected CRS, ellipsoidal CGCS2000 in a geographic one."""
    return ELLIPSOIDAL if crs.isGeographic() else PLANIMETRIC


def measurer_for(crs: QgsCoordinateReferenceSystem,
                 context: Optional[QgsCoordinateTransformContext] = None) -> AreaMeasurer:
    return AreaMeasurer(crs, area_method(crs), context)


def scale_of(area_m2: float) -> str:
    """Scale code S/M/L with the thresholds of the current settings."""
    return benggang_scale(area_m2, float(setting("benggang/small_max_m2")),
                          float(setting("benggang/medium_max_m2")))


def min_area_m2() -> float:
    return float(setting("benggang/min_area_m2"))


class TownshipIndex:
    """Township polygons (code, name) in the gully layer's CRS, spatially indexed.

    Built once per layer pair; ``township_of`` picks the largest overlap and
    ``county`` is the union of all townships (the county outline).
    """

    def __init__(self, townships: QgsFeatureSource, target_crs: QgsCoordinateReferenceSystem,
                 context: Optional[QgsCoordinateTransformContext] = None,
                 feedback: Optional[QgsFeedback] = None):
        names = townships.fields().names()
        if "xzqdm" not in names:
            raise InputError(tr("The township layer has no field xzqdm (township code)."))
        context = context or QgsProject.instance().transformContext()
        transform = None
        if townships.sourceCrs() != target_crs:
            transform = QgsCoordinateTransform(townships.sourceCrs(), target_crs, context)
        self.geometries: Dict[int, QgsGeometry] = {}
        self.attributes: Dict[int, Tuple[str, str]] = {}
        self.index = QgsSpatialIndex()
        has_name = "xzqmc" in names
        for feature in townships.getFeatures():
            raise_if_canceled(feedback)
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            if transform is not None:
                geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            key = len(self.geometries)
            self.geometries[key] = geometry
            code = feature["xzqdm"]
            name = feature["xzqmc"] if has_name else None
            self.attributes[key] = (_text(code), _text(name))
            self.index.addFeature(key, geometry.boundingBox())
        if not self.geometries:
            raise InputError(tr("The township layer has no township polygons."))
        self._county: Optional[QgsGeometry] = None

    def township_of(self, geometry: QgsGeometry) -> Optional[Tuple[str, str]]:
        """(code, name) of the township with the largest overlap, None outside all."""
        best, best_area = None, 0.0
        for key in self.index.intersects(geometry.boundingBox()):
            township = self.geometries[key]
            if not township.intersects(geometry):
                continue
            overlap = township.intersection(geometry).area()
            if overlap > best_area:
                best, best_area = key, overlap
        return self.attributes[best] if best is not None else None

    def county(self) -> QgsGeometry:
        """Union of all townships (cached)."""
        if self._county is None:
            self._county = QgsGeometry.unaryUnion(list(self.geometries.values()))
        return self._county


# --------------------------------------------------------------------------
# IDs
# --------------------------------------------------------------------------
def format_benggang_id(township_code: str, sequence: int) -> str:
    return "{0}-{1:04d}".format(township_code, sequence)


def parse_benggang_id(bgbh: object) -> Optional[Tuple[str, int]]:
    """(township code, sequence) of a well-formed ID, None otherwise."""
    if not isinstance(bgbh, str):
        return None
    match = _ID_PATTERN.match(bgbh.strip())
    return (match.group(1), int(match.group(2))) if match else None


def _max_sequence_in_layer(layer: QgsVectorLayer, township_code: str) -> int:
    """Highest sequence among the layer's features (edit buffer included)."""
    request = QgsFeatureRequest()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(["bgbh"], layer.fields())
    request.setFilterExpression('"bgbh" LIKE {0}'.format(
        "'" + township_code.replace("'", "''") + "-%'"))
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
    """PostGIS: the server allocates, committed at once (issue 8, core.postgis)."""
    from .postgis import next_benggang_sequence
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
        sequence = allocator(layer, township_code, reserve,
                             _max_sequence_in_layer(layer, township_code))
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


def _next_id_geopackage(path: str, layer: QgsVectorLayer, township_code: str,
                        reserve: bool) -> str:
    connection = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE" if reserve else "BEGIN")
        if reserve:
            connection.execute("CREATE TABLE IF NOT EXISTS " + SEQ_TABLE +
                               " (xzqdm TEXT PRIMARY KEY, last_seq INTEGER NOT NULL)")
        exists = connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' "
                                    "AND name=?", (SEQ_TABLE,)).fetchone()
        row = connection.execute("SELECT last_seq FROM " + SEQ_TABLE + " WHERE xzqdm=?",
                                 (township_code,)).fetchone() if exists else None
        stored = int(row[0]) if row else 0
        sequence = max(stored, _max_sequence_in_layer(layer, township_code)) + 1
        if reserve:
            connection.execute("INSERT OR REPLACE INTO " + SEQ_TABLE +
                               " (xzqdm, last_seq) VALUES (?, ?)",
                               (township_code, sequence))
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise InputError(tr("Cannot allocate a gully ID in {0}: {1}")
                         .format(path, str(error))) from error
    finally:
        connection.close()
    return format_benggang_id(township_code, sequence)


# --------------------------------------------------------------------------
# Checks and derived attributes of one gully
# --------------------------------------------------------------------------
@dataclass
class Problem:
    """A reason to refuse a gully: ``code`` for programs, ``message`` for people."""

    code: str  # empty | invalid | too_small | outside | overlap
    message: str
    gully_ids: Tuple[str, ...] = ()


@dataclass
class GullyDraft:
    """A digitized gully before saving: derived values and what is wrong with it."""

    geometry: QgsGeometry
    xzqdm: str = ""
    xzqmc: str = ""
    mj: float = 0.0
    gm: str = ""
    bgbh: str = ""
    problems: List[Problem] = field(default_factory=list)
    #: makeValid() result when the geometry is invalid (offered to the user).
    repaired: Optional[QgsGeometry] = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def message(self) -> str:
        return "\n".join(problem.message for problem in self.problems)


def check_layer(layer: QgsVectorLayer, required: Sequence[str] = GULLY_FIELDS) -> None:
    """InputError unless ``layer`` is a polygon layer with the required fields."""
    if layer is None or not layer.isValid():
        raise InputError(tr("No valid gully layer selected."))
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("Layer {0} is not a polygon layer.").format(layer.name()))
    missing = [name for name in required if layer.fields().indexOf(name) < 0]
    if missing:
        raise InputError(tr("Layer {0} lacks the fields {1}.")
                         .format(layer.name(), ", ".join(missing)))


def polygon_parts(geometry: QgsGeometry) -> QgsGeometry:
    """Only the polygon parts of a geometry (makeValid may add lines or points)."""
    if geometry.type() == QgsWkbTypes.PolygonGeometry and \
            QgsWkbTypes.flatType(geometry.wkbType()) in (QgsWkbTypes.Polygon,
                                                         QgsWkbTypes.MultiPolygon):
        return geometry
    polygons = [part for part in geometry.asGeometryCollection()
                if part.type() == QgsWkbTypes.PolygonGeometry]
    if not polygons:
        return QgsGeometry()
    return QgsGeometry.collectGeometry(polygons)


def repair(geometry: QgsGeometry) -> QgsGeometry:
    """makeValid() keeping only polygons: the repaired gully offered to the user."""
    return polygon_parts(geometry.makeValid())


def for_layer(geometry: QgsGeometry, layer: QgsVectorLayer) -> QgsGeometry:
    """The geometry as single or multi type, matching the layer."""
    result = QgsGeometry(geometry)
    if QgsWkbTypes.isMultiType(layer.wkbType()):
        result.convertToMultiType()
    elif result.isMultipart() and len(result.asGeometryCollection()) == 1:
        result.convertToSingleType()
    return result


def _invalid_reason(geometry: QgsGeometry) -> str:
    errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
    if not errors:
        return ""
    error = errors[0]
    if error.hasWhere():
        return tr("{0} at {1:.2f}, {2:.2f}").format(error.what(), error.where().x(),
                                                      error.where().y())
    return error.what()


def overlapping_gullies(layer: QgsVectorLayer, geometry: QgsGeometry,
                        measurer: AreaMeasurer, exclude_fid: Optional[int] = None
                        ) -> List[Tuple[str, float]]:
    """(bgbh, overlap m²) of the layer's gullies overlapping ``geometry`` (edit buffer included)."""
    request = QgsFeatureRequest().setFilterRect(geometry.boundingBox())
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    found = []
    for feature in layer.getFeatures(request):
        if exclude_fid is not None and feature.id() == exclude_fid:
            continue
        other = feature.geometry()
        if other.isEmpty() or not engine.intersects(other.constGet()):
            continue
        overlap = measurer.area_m2(geometry.intersection(other))
        if overlap > TOLERANCE_M2:
            bgbh = feature["bgbh"]
            found.append((_text(bgbh) or tr("(no ID, feature {0})").format(feature.id()),
                          overlap))
    return found


def evaluate_gully(layer: QgsVectorLayer, townships: TownshipIndex, geometry: QgsGeometry,
                   exclude_fid: Optional[int] = None, preview_id: bool = True,
                   context: Optional[QgsCoordinateTransformContext] = None) -> GullyDraft:
    """Derive township, area, scale and (previewed) ID, and list every problem.

    ``geometry`` is in the layer's CRS.  Nothing is written.  An invalid geometry
    is refused first (its repaired version is in ``draft.repaired``); the other
    checks need a valid polygon.
    """
    draft = GullyDraft(geometry=QgsGeometry(geometry))
    if geometry is None or geometry.isEmpty() or \
            geometry.type() != QgsWkbTypes.PolygonGeometry:
        draft.problems.append(Problem("empty", tr("The gully needs a polygon with at "
                                                  "least three vertices.")))
        return draft
    if not geometry.isGeosValid():
        repaired = repair(geometry)
        draft.repaired = repaired if not repaired.isEmpty() else None
        draft.problems.append(Problem("invalid", tr(
            "The polygon is not valid ({0}). Use the repaired polygon or digitize it "
            "again.").format(_invalid_reason(geometry))))
        return draft
    measurer = measurer_for(layer.crs(), context)
    draft.mj = round(measurer.area_m2(geometry), 2)
    draft.gm = scale_of(draft.mj)
    township = townships.township_of(geometry)
    if township is not None:
        draft.xzqdm, draft.xzqmc = township
    minimum = min_area_m2()
    if draft.mj < minimum:
        draft.problems.append(Problem("too_small", tr(
            "The gully covers {0:.2f} m², less than the minimum of {1:.2f} m² for a "
            "registered collapse gully.").format(draft.mj, minimum)))
    outside = measurer.area_m2(geometry.difference(townships.county()))
    if outside > TOLERANCE_M2:
        draft.problems.append(Problem("outside", tr(
            "{0:.2f} m² of the gully lie outside the county (the union of the "
            "townships).").format(outside)))
    overlaps = overlapping_gullies(layer, geometry, measurer, exclude_fid)
    if overlaps:
        ids = tuple(bgbh for bgbh, _area in overlaps)
        draft.problems.append(Problem("overlap", tr(
            "The gully overlaps the existing gully {0} ({1:.2f} m²).").format(
                ", ".join(ids), sum(area for _bgbh, area in overlaps)), ids))
    if preview_id and draft.xzqdm:
        draft.bgbh = next_benggang_id(layer, draft.xzqdm, reserve=False)
    return draft


# --------------------------------------------------------------------------
# Saving and recomputing (edit buffer, one undoable command each)
# --------------------------------------------------------------------------
def _ensure_editable(layer: QgsVectorLayer) -> None:
    if not layer.isEditable() and not layer.startEditing():
        raise InputError(tr("Layer {0} cannot be edited.").format(layer.name()))


def save_gully(layer: QgsVectorLayer, townships: TownshipIndex, geometry: QgsGeometry,
               attributes: Optional[Dict[str, object]] = None,
               context: Optional[QgsCoordinateTransformContext] = None) -> QgsFeature:
    """Check, number and add a gully as ONE undoable edit command.

    ``attributes`` are the form values (xt, hdx, zlzt, dcrq, dcy, bz ...);
    township, area, scale and ID are always derived.  Raises InputError naming
    every problem, before anything is written.
    """
    check_layer(layer)
    draft = evaluate_gully(layer, townships, geometry, preview_id=False, context=context)
    if not draft.ok:
        raise InputError(draft.message())
    _ensure_editable(layer)
    values = dict(attributes or {})
    values.update({"xzqdm": draft.xzqdm, "xzqmc": draft.xzqmc, "mj": draft.mj,
                   "gm": draft.gm})
    values["bgbh"] = next_benggang_id(layer, draft.xzqdm, reserve=True)
    fields = layer.fields()
    attribute_map = {fields.indexOf(name): value for name, value in values.items()
                     if fields.indexOf(name) >= 0}
    feature = QgsVectorLayerUtils.createFeature(layer, for_layer(draft.geometry, layer),
                                                attribute_map)
    layer.beginEditCommand(tr("Add collapse gully {0}").format(values["bgbh"]))
    if not layer.addFeature(feature):
        layer.destroyEditCommand()
        raise InputError(tr("Layer {0} refused the new gully.").format(layer.name()))
    layer.endEditCommand()
    return feature


def derived_values(layer: QgsVectorLayer, townships: TownshipIndex, geometry: QgsGeometry,
                   context: Optional[QgsCoordinateTransformContext] = None
                   ) -> Dict[str, object]:
    """Area, scale and township of a geometry in the layer's CRS (no ID)."""
    measurer = measurer_for(layer.crs(), context)
    area = round(measurer.area_m2(geometry), 2) if not geometry.isEmpty() else 0.0
    township = townships.township_of(geometry) if not geometry.isEmpty() else None
    code, name = township if township is not None else (None, None)
    return {"mj": area, "gm": scale_of(area), "xzqdm": code, "xzqmc": name}


def _differs(old: object, new: object) -> bool:
    if isinstance(new, float):
        try:
            return _is_null(old) or abs(float(old) - new) > 0.005
        except (TypeError, ValueError):
            return True
    return (None if _is_null(old) else old) != new


def recompute_gully(layer: QgsVectorLayer, fid: int, townships: TownshipIndex,
                    context: Optional[QgsCoordinateTransformContext] = None
                    ) -> Dict[str, object]:
    """Recompute area, scale and township of an edited gully; the ID stays.

    Only values that differ are changed (so it is a no-op while an edit is being
    undone), inside the active edit command if any (joining the geometry edit's
    undo step), else as an edit command of its own.  Returns the changed values.
    """
    feature = layer.getFeature(fid)
    if not feature.isValid():
        return {}
    new = derived_values(layer, townships, feature.geometry(), context)
    fields = layer.fields()
    changes = {name: value for name, value in new.items()
               if fields.indexOf(name) >= 0 and _differs(feature[name], value)}
    if not changes:
        return {}
    _ensure_editable(layer)
    own_command = not layer.isEditCommandActive()
    if own_command:
        layer.beginEditCommand(tr("Recompute collapse gully {0}").format(feature["bgbh"]))
    for name, value in changes.items():
        layer.changeAttributeValue(fid, fields.indexOf(name), value, feature[name])
    if own_command:
        layer.endEditCommand()
    return changes


# --------------------------------------------------------------------------
# Parts and the relation
# --------------------------------------------------------------------------
def gully_for_part(gully_layer: QgsVectorLayer, geometry: QgsGeometry,
                   max_distance: float = 0.0) -> Optional[QgsFeature]:
    """The gully with the largest overlap with ``geometry`` (same CRS), else the
    nearest within ``max_distance`` map units (parts such as the collecting slope
    or the debris fan lie beside the gully)."""
    rect = QgsRectangle(geometry.boundingBox())
    rect.grow(max_distance)
    best, best_overlap, best_distance = None, 0.0, None
    for feature in gully_layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)):
        other = feature.geometry()
        if other.intersects(geometry):
            overlap = other.intersection(geometry).area()
            if overlap > best_overlap or (best_overlap == 0.0 and best is None):
                best, best_overlap, best_distance = feature, overlap, 0.0
            continue
        if best_overlap > 0.0:
            continue
        distance = other.distance(geometry)
        if distance <= max_distance and (best_distance is None or distance < best_distance):
            best, best_distance = feature, distance
    return best


def gully_by_id(gully_layer: QgsVectorLayer, bgbh: str) -> Optional[QgsFeature]:
    request = QgsFeatureRequest().setFilterExpression(
        '"bgbh" = ' + "'" + bgbh.replace("'", "''") + "'")
    for feature in gully_layer.getFeatures(request):
        return feature
    return None


def save_part(part_layer: QgsVectorLayer, gully_layer: QgsVectorLayer,
              geometry: QgsGeometry, part_code: str, bgbh: Optional[str] = None,
              attributes: Optional[Dict[str, object]] = None,
              context: Optional[QgsCoordinateTransformContext] = None) -> QgsFeature:
    """Add a gully part (集水坡面, 崩壁 ...) linked by ``bgbh``, one undoable command.

    Without ``bgbh`` the part joins the gully it overlaps most (or the nearest
    within the setting benggang/part_max_distance_m); a part farther than that
    from every gully (or from gully ``bgbh``) is refused.  ``geometry`` is in the
    part layer's CRS.
    """
    check_layer(part_layer, PART_FIELDS)
    if part_code not in codes.BENGGANG_PART:
        raise InputError(tr("Unknown gully part {0}.").format(part_code))
    if geometry is None or geometry.isEmpty() or \
            geometry.type() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The part needs a polygon with at least three vertices."))
    if not geometry.isGeosValid():
        raise InputError(tr("The polygon is not valid ({0}). Use the repaired polygon "
                            "or digitize it again.").format(_invalid_reason(geometry)))
    in_gully_crs = QgsGeometry(geometry)
    if part_layer.crs() != gully_layer.crs():
        in_gully_crs.transform(QgsCoordinateTransform(
            part_layer.crs(), gully_layer.crs(),
            context or QgsProject.instance().transformContext()))
    reach_m = float(setting("benggang/part_max_distance_m"))
    # map units: metres, or degrees of CGCS2000 (about 111 km per degree)
    reach = reach_m if not gully_layer.crs().isGeographic() else reach_m / 111000.0
    if bgbh:
        gully = gully_by_id(gully_layer, bgbh)
        if gully is None:
            raise InputError(tr("There is no gully {0}.").format(bgbh))
        if gully.geometry().distance(in_gully_crs) > reach:
            raise InputError(tr("The part lies farther than {0:g} m from gully {1}: "
                                "digitize it on or beside its gully (the distance is "
                                "a setting).").format(reach_m, bgbh))
    else:
        gully = gully_for_part(gully_layer, in_gully_crs, reach)
        if gully is None:
            raise InputError(tr("The part is not on or near any gully (farther than "
                                "{0:g} m from every gully): digitize it on or beside "
                                "its gully.").format(reach_m))
        bgbh = gully["bgbh"]
    values = dict(attributes or {})
    values.update({"bgbh": bgbh, "bw": part_code,
                   "mj": round(measurer_for(part_layer.crs(), context).area_m2(geometry), 2)})
    fields = part_layer.fields()
    feature = QgsVectorLayerUtils.createFeature(
        part_layer, for_layer(geometry, part_layer),
        {fields.indexOf(name): value for name, value in values.items()
         if fields.indexOf(name) >= 0})
    _ensure_editable(part_layer)
    part_layer.beginEditCommand(tr("Add {0} of gully {1}").format(
        codes.BENGGANG_PART.label(part_code), bgbh))
    if not part_layer.addFeature(feature):
        part_layer.destroyEditCommand()
        raise InputError(tr("Layer {0} refused the new part.").format(part_layer.name()))
    part_layer.endEditCommand()
    return feature


def parts_of(part_layer: QgsVectorLayer, bgbh: str) -> List[QgsFeature]:
    request = QgsFeatureRequest().setFilterExpression(
        '"bgbh" = ' + "'" + bgbh.replace("'", "''") + "'")
    return list(part_layer.getFeatures(request))


def ensure_part_relation(project: QgsProject, gully_layer: QgsVectorLayer,
                         part_layer: QgsVectorLayer) -> QgsRelation:
    """The project relation benggang -> benggang_part on bgbh (added once), so the
    gully's attribute form lists its parts."""
    manager = project.relationManager()
    for relation in manager.relations().values():
        if relation.referencedLayerId() == gully_layer.id() and \
                relation.referencingLayerId() == part_layer.id() and \
                relation.fieldPairs() == {"bgbh": "bgbh"}:
            return relation
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId(RELATION_ID + "_" + gully_layer.id())
    relation.setName(tr("Gully parts"))
    relation.setReferencedLayer(gully_layer.id())
    relation.setReferencingLayer(part_layer.id())
    relation.addFieldPair("bgbh", "bgbh")
    if not relation.isValid():
        raise InputError(tr("Cannot relate {0} to {1}: both need the field bgbh and "
                            "must be in the project.").format(gully_layer.name(),
                                                              part_layer.name()))
    manager.addRelation(relation)
    return relation


# --------------------------------------------------------------------------
# Lists and counts
# --------------------------------------------------------------------------
@dataclass(frozen=True)
class GullyRow:
    """One line of the dock's list."""

    fid: int
    bgbh: str
    xzqdm: str
    xzqmc: str
    mj: float
    gm: str
    hdx: str
    zlzt: str


def _is_null(value: object) -> bool:
    return value is None or (isinstance(value, QVariant) and value.isNull())


def _text(value: object) -> str:
    return "" if _is_null(value) else str(value)


def list_gullies(layer: QgsVectorLayer, township_code: Optional[str] = None,
                 extent: Optional[QgsRectangle] = None, scale: Optional[str] = None,
                 activity: Optional[str] = None, status: Optional[str] = None
                 ) -> List[GullyRow]:
    """Gullies of a township and/or within an extent (layer CRS), filtered by
    scale, activity and treatment status codes (None: any), sorted by ID."""
    request = QgsFeatureRequest()
    if extent is not None:
        request.setFilterRect(extent)
    clauses = []
    for name, value in (("xzqdm", township_code), ("gm", scale), ("hdx", activity),
                        ("zlzt", status)):
        if value:
            clauses.append('"{0}" = \'{1}\''.format(name, str(value).replace("'", "''")))
    if clauses:
        request.setFilterExpression(" AND ".join(clauses))
    if extent is None:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    names = layer.fields().names()
    rows = []
    for feature in layer.getFeatures(request):
        def value(name: str, feature=feature) -> object:
            return feature[name] if name in names else None
        area = value("mj")
        rows.append(GullyRow(feature.id(), _text(value("bgbh")), _text(value("xzqdm")),
                             _text(value("xzqmc")),
                             0.0 if _is_null(area) else float(area),
                             _text(value("gm")), _text(value("hdx")), _text(value("zlzt"))))
    rows.sort(key=lambda row: (row.bgbh, row.fid))
    return rows


def count_by_class(rows: Iterable[GullyRow]) -> Dict[str, Dict[str, int]]:
    """Counts per scale (gm), activity (hdx) and treatment status (zlzt) code, every
    code of the list present (0 when none), plus '' for missing values if any."""
    result: Dict[str, Dict[str, int]] = {
        "gm": {code: 0 for code in codes.BENGGANG_SCALE.codes()},
        "hdx": {code: 0 for code in codes.BENGGANG_ACTIVITY.codes()},
        "zlzt": {code: 0 for code in codes.TREATMENT_STATUS.codes()},
    }
    for row in rows:
        for name in result:
            code = getattr(row, name)
            result[name][code] = result[name].get(code, 0) + 1
    return result


# --------------------------------------------------------------------------
# A whole layer (Processing)
# --------------------------------------------------------------------------
@dataclass
class FillReport:
    """What ``fill_gully_attributes`` did."""

    features: int = 0
    ids_assigned: int = 0
    duplicates_renumbered: int = 0
    without_township: int = 0
    changed: int = 0
    messages: List[str] = field(default_factory=list)


def output_fields(fields: QgsFields) -> QgsFields:
    """Input fields plus any missing derived field (bgbh, xzqdm, xzqmc, mj, gm)."""
    result = QgsFields(fields)
    for name, kind, length in (("bgbh", FieldType.STRING, 20), ("xzqdm", FieldType.STRING, 9),
                               ("xzqmc", FieldType.STRING, 20), ("mj", FieldType.DOUBLE, 0),
                               ("gm", FieldType.STRING, 1)):
        if result.indexOf(name) < 0:
            result.append(make_field(name, kind, length))
    return result


def fill_gully_attributes(source: QgsFeatureSource, townships: QgsFeatureSource,
                          sink: QgsFeatureSink, feedback: Optional[QgsFeedback] = None,
                          context: Optional[QgsCoordinateTransformContext] = None,
                          existing: Optional[QgsFeatureSource] = None) -> FillReport:
    """Recompute township, area and scale of every gully and number those without a
    (well-formed, unique) ID, writing each feature to ``sink`` (``output_fields``).

    Existing IDs are kept; new ones continue after the highest sequence of the
    township in the input and in ``existing`` (the gullies already in the target
    workspace, whose IDs the imported ones must not repeat: an input ID that
    is already there is renumbered).  Features outside every township keep an
    empty township and get no new ID (reported).  A layer that is not polygons
    is refused: a gully has an area.
    """
    feedback = feedback or QgsFeedback()
    if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The gully layer {0} holds {1} geometries; collapse gullies "
                            "must be polygons (their area gives the scale).").format(
            source.sourceName(), QgsWkbTypes.geometryDisplayString(
                QgsWkbTypes.geometryType(source.wkbType()))))
    report = FillReport()
    crs = source.sourceCrs()
    index = TownshipIndex(townships, crs, context, feedback)
    measurer = measurer_for(crs, context)
    in_fields = source.fields()
    fields = output_fields(in_fields)
    highest: Dict[str, int] = {}
    if in_fields.indexOf("bgbh") >= 0:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(["bgbh"], in_fields)
        for feature in source.getFeatures(request):
            parsed = parse_benggang_id(feature["bgbh"])
            if parsed:
                highest[parsed[0]] = max(highest.get(parsed[0], 0), parsed[1])
    seen = set()
    if existing is not None and existing.fields().indexOf("bgbh") >= 0:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(["bgbh"], existing.fields())
        for feature in existing.getFeatures(request):
            current = _text(feature["bgbh"]).strip()
            if current:
                seen.add(current)
            parsed = parse_benggang_id(current)
            if parsed:
                highest[parsed[0]] = max(highest.get(parsed[0], 0), parsed[1])
    total = max(source.featureCount(), 1)
    for position, feature in enumerate(source.getFeatures()):
        raise_if_canceled(feedback)
        out = QgsFeature(fields)
        out.setGeometry(feature.geometry())
        for name in in_fields.names():
            out[name] = feature[name]
        geometry = feature.geometry()
        before = [out[name] for name in ("xzqdm", "xzqmc", "mj", "gm")]
        if not geometry.isEmpty() and not geometry.isGeosValid():
            report.messages.append(tr("Feature {0}: invalid geometry, area of the "
                                      "repaired polygon.").format(feature.id()))
            geometry = repair(geometry)
        area = round(measurer.area_m2(geometry), 2)
        township = index.township_of(geometry) if not geometry.isEmpty() else None
        out["mj"], out["gm"] = area, scale_of(area)
        if township is None:
            report.without_township += 1
            report.messages.append(tr("Feature {0}: not in any township.")
                                   .format(feature.id()))
            out["xzqdm"], out["xzqmc"] = None, None
        else:
            out["xzqdm"], out["xzqmc"] = township
        if [out[name] for name in ("xzqdm", "xzqmc", "mj", "gm")] != before:
            report.changed += 1
        bgbh = out["bgbh"]
        current = _text(bgbh).strip()
        if current and current in seen:
            report.duplicates_renumbered += 1
            report.messages.append(tr("Feature {0}: duplicate ID {1} renumbered.")
                                   .format(feature.id(), current))
            current = ""
        if not current and township is not None:
            code = township[0]
            highest[code] = highest.get(code, 0) + 1
            current = format_benggang_id(code, highest[code])
            report.ids_assigned += 1
        out["bgbh"] = current or None
        if current:
            seen.add(current)
        if not sink.addFeature(out, QgsFeatureSink.FastInsert):
            raise InputError(tr("Cannot write gully {0}.").format(current))
        report.features += 1
        feedback.setProgress(100.0 * (position + 1) / total)
    return report
