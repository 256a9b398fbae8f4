"""One gully as the dock digitizes it: checks, derived attributes, save, recompute.

Why together: a gully drawn by hand is evaluated (township, area, scale, ID,
overlaps) and saved as one undoable edit command; a moved gully is recomputed
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)

from ..translation import tr
from .area import AreaMeasurer
from .benggang import (
    GULLY_FIELDS,
    TOLERANCE_M2,
    TownshipIndex,
    measurer_for,
    min_area_m2,
    scale_of,
)
from .benggang_numbering import next_benggang_id
from .errors import InputError
from .geometry import invalid_reason
from .values import is_null, text


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
        raise InputError(
            tr("Layer {0} lacks the fields {1}.").format(layer.name(), ", ".join(missing))
        )


def polygon_parts(geometry: QgsGeometry) -> QgsGeometry:
    """Only the polygon parts of a geometry (makeValid may add lines or points)."""
    if geometry.type() == QgsWkbTypes.PolygonGeometry and QgsWkbTypes.flatType(
        geometry.wkbType()
    ) in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        return geometry
    polygons = [
        part
        for part in geometry.asGeometryCollection()
        if part.type() == QgsWkbTypes.PolygonGeometry
    ]
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


def overlapping_gullies(
    layer: QgsVectorLayer,
    geometry: QgsGeometry,
    measurer: AreaMeasurer,
    exclude_fid: Optional[int] = None,
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
            found.append((text(bgbh) or tr("(no ID, feature {0})").format(feature.id()), overlap))
    return found


def evaluate_gully(
    layer: QgsVectorLayer,
    townships: TownshipIndex,
    geometry: QgsGeometry,
    exclude_fid: Optional[int] = None,
    preview_id: bool = True,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> GullyDraft:
    """Derive township, area, scale and (previewed) ID, and list every problem.

    ``geometry`` is in the layer's CRS.  Nothing is written.  An invalid geometry
    is refused first (its repaired version is in ``draft.repaired``); the other
    checks need a valid polygon.
    """
    draft = GullyDraft(geometry=QgsGeometry(geometry))
    if geometry is None or geometry.isEmpty() or geometry.type() != QgsWkbTypes.PolygonGeometry:
        draft.problems.append(
            Problem("empty", tr("The gully needs a polygon with at least three vertices."))
        )
        return draft
    if not geometry.isGeosValid():
        repaired = repair(geometry)
        draft.repaired = repaired if not repaired.isEmpty() else None
        draft.problems.append(
            Problem(
                "invalid",
                tr(
                    "The polygon is not valid ({0}). Use the repaired polygon or digitize it again."
                ).format(invalid_reason(geometry, located=True)),
            )
        )
        return draft
    measurer = measurer_for(layer.crs(), context)
    draft.mj = round(measurer.area_m2(geometry), 2)
    draft.gm = scale_of(draft.mj)
    township = townships.township_of(geometry)
    if township is not None:
        draft.xzqdm, draft.xzqmc = township
    minimum = min_area_m2()
    if draft.mj < minimum:
        draft.problems.append(
            Problem(
                "too_small",
                tr(
                    "The gully covers {0:.2f} m², less than the minimum of {1:.2f} m² for a "
                    "registered collapse gully."
                ).format(draft.mj, minimum),
            )
        )
    outside = measurer.area_m2(geometry.difference(townships.county()))
    if outside > TOLERANCE_M2:
        draft.problems.append(
            Problem(
                "outside",
                tr(
                    "{0:.2f} m² of the gully lie outside the county (the union of the townships)."
                ).format(outside),
            )
        )
    overlaps = overlapping_gullies(layer, geometry, measurer, exclude_fid)
    if overlaps:
        ids = tuple(bgbh for bgbh, _area in overlaps)
        draft.problems.append(
            Problem(
                "overlap",
                tr("The gully overlaps the existing gully {0} ({1:.2f} m²).").format(
                    ", ".join(ids), sum(area for _bgbh, area in overlaps)
                ),
                ids,
            )
        )
    if preview_id and draft.xzqdm:
        draft.bgbh = next_benggang_id(layer, draft.xzqdm, reserve=False)
    return draft


def ensure_editable(layer: QgsVectorLayer) -> None:
    if not layer.isEditable() and not layer.startEditing():
        raise InputError(tr("Layer {0} cannot be edited.").format(layer.name()))


def save_gully(
    layer: QgsVectorLayer,
    townships: TownshipIndex,
    geometry: QgsGeometry,
    attributes: Optional[Dict[str, object]] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> QgsFeature:
    """Check, number and add a gully as ONE undoable edit command.

    ``attributes`` are the form values (xt, hdx, zlzt, dcrq, dcy, bz ...);
    township, area, scale and ID are always derived.  Raises InputError naming
    every problem, before anything is written.
    """
    check_layer(layer)
    draft = evaluate_gully(layer, townships, geometry, preview_id=False, context=context)
    if not draft.ok:
        raise InputError(draft.message())
    ensure_editable(layer)
    values = dict(attributes or {})
    values.update({"xzqdm": draft.xzqdm, "xzqmc": draft.xzqmc, "mj": draft.mj, "gm": draft.gm})
    values["bgbh"] = next_benggang_id(layer, draft.xzqdm, reserve=True)
    fields = layer.fields()
    attribute_map = {
        fields.indexOf(name): value for name, value in values.items() if fields.indexOf(name) >= 0
    }
    feature = QgsVectorLayerUtils.createFeature(
        layer, for_layer(draft.geometry, layer), attribute_map
    )
    layer.beginEditCommand(tr("Add collapse gully {0}").format(values["bgbh"]))
    if not layer.addFeature(feature):
        layer.destroyEditCommand()
        raise InputError(tr("Layer {0} refused the new gully.").format(layer.name()))
    layer.endEditCommand()
    return feature


def derived_values(
    layer: QgsVectorLayer,
    townships: TownshipIndex,
    geometry: QgsGeometry,
    context: Optional[QgsCoordinateTransformContext] = None,
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
            return is_null(old) or abs(float(old) - new) > 0.005
        except (TypeError, ValueError):
            return True
    return (None if is_null(old) else old) != new


def recompute_gully(
    layer: QgsVectorLayer,
    fid: int,
    townships: TownshipIndex,
    context: Optional[QgsCoordinateTransformContext] = None,
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
    changes = {
        name: value
        for name, value in new.items()
        if fields.indexOf(name) >= 0 and _differs(feature[name], value)
    }
    if not changes:
        return {}
    ensure_editable(layer)
    own_command = not layer.isEditCommandActive()
    if own_command:
        layer.beginEditCommand(tr("Recompute collapse gully {0}").format(feature["bgbh"]))
    for name, value in changes.items():
        layer.changeAttributeValue(fid, fields.indexOf(name), value, feature[name])
    if own_command:
        layer.endEditCommand()
    return changes
