"""Gully parts (集水坡面, 崩壁, 崩积堆, 沟道, 冲积扇) and the gully -> parts relation."""

from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsVectorLayer,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)

from ..domain import codes
from ..translation import tr
from .benggang import PART_FIELDS, RELATION_ID, measurer_for
from .benggang_digitize import check_layer, ensure_editable, for_layer
from .errors import InputError
from .geometry import invalid_reason
from .settings import setting


def gully_for_part(
    gully_layer: QgsVectorLayer, geometry: QgsGeometry, max_distance: float = 0.0
) -> Optional[QgsFeature]:
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
        '"bgbh" = ' + "'" + bgbh.replace("'", "''") + "'"
    )
    for feature in gully_layer.getFeatures(request):
        return feature
    return None


def save_part(
    part_layer: QgsVectorLayer,
    gully_layer: QgsVectorLayer,
    geometry: QgsGeometry,
    part_code: str,
    bgbh: Optional[str] = None,
    attributes: Optional[Dict[str, object]] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> QgsFeature:
    """Add a gully part (集水坡面, 崩壁 ...) linked by ``bgbh``, one undoable command.

    Without ``bgbh`` the part joins the gully it overlaps most (or the nearest
    within the setting benggang/part_max_distance_m); a part farther than that
    from every gully (or from gully ``bgbh``) is refused.  ``geometry`` is in the
    part layer's CRS.
    """
    check_layer(part_layer, PART_FIELDS)
    if part_code not in codes.BENGGANG_PART:
        raise InputError(tr("Unknown gully part {0}.").format(part_code))
    if geometry is None or geometry.isEmpty() or geometry.type() != QgsWkbTypes.PolygonGeometry:
        raise InputError(tr("The part needs a polygon with at least three vertices."))
    if not geometry.isGeosValid():
        raise InputError(
            tr(
                "The polygon is not valid ({0}). Use the repaired polygon or digitize it again."
            ).format(invalid_reason(geometry, located=True))
        )
    in_gully_crs = QgsGeometry(geometry)
    if part_layer.crs() != gully_layer.crs():
        in_gully_crs.transform(
            QgsCoordinateTransform(
                part_layer.crs(),
                gully_layer.crs(),
                context or QgsProject.instance().transformContext(),
            )
        )
    reach_m = float(setting("benggang/part_max_distance_m"))
    # map units: metres, or degrees of CGCS2000 (about 111 km per degree)
    reach = reach_m if not gully_layer.crs().isGeographic() else reach_m / 111000.0
    if bgbh:
        gully = gully_by_id(gully_layer, bgbh)
        if gully is None:
            raise InputError(tr("There is no gully {0}.").format(bgbh))
        if gully.geometry().distance(in_gully_crs) > reach:
            raise InputError(
                tr(
                    "The part lies farther than {0:g} m from gully {1}: "
                    "digitize it on or beside its gully (the distance is "
                    "a setting)."
                ).format(reach_m, bgbh)
            )
    else:
        gully = gully_for_part(gully_layer, in_gully_crs, reach)
        if gully is None:
            raise InputError(
                tr(
                    "The part is not on or near any gully (farther than "
                    "{0:g} m from every gully): digitize it on or beside "
                    "its gully."
                ).format(reach_m)
            )
        bgbh = gully["bgbh"]
    values = dict(attributes or {})
    values.update(
        {
            "bgbh": bgbh,
            "bw": part_code,
            "mj": round(measurer_for(part_layer.crs(), context).area_m2(geometry), 2),
        }
    )
    fields = part_layer.fields()
    feature = QgsVectorLayerUtils.createFeature(
        part_layer,
        for_layer(geometry, part_layer),
        {
            fields.indexOf(name): value
            for name, value in values.items()
            if fields.indexOf(name) >= 0
        },
    )
    ensure_editable(part_layer)
    part_layer.beginEditCommand(
        tr("Add {0} of gully {1}").format(codes.BENGGANG_PART.label(part_code), bgbh)
    )
    if not part_layer.addFeature(feature):
        part_layer.destroyEditCommand()
        raise InputError(tr("Layer {0} refused the new part.").format(part_layer.name()))
    part_layer.endEditCommand()
    return feature


def parts_of(part_layer: QgsVectorLayer, bgbh: str) -> List[QgsFeature]:
    request = QgsFeatureRequest().setFilterExpression(
        '"bgbh" = ' + "'" + bgbh.replace("'", "''") + "'"
    )
    return list(part_layer.getFeatures(request))


def ensure_part_relation(
    project: QgsProject, gully_layer: QgsVectorLayer, part_layer: QgsVectorLayer
) -> QgsRelation:
    """The project relation benggang -> benggang_part on bgbh (added once), so the
    gully's attribute form lists its parts."""
    manager = project.relationManager()
    for relation in manager.relations().values():
        if (
            relation.referencedLayerId() == gully_layer.id()
            and relation.referencingLayerId() == part_layer.id()
            and relation.fieldPairs() == {"bgbh": "bgbh"}
        ):
            return relation
    relation = QgsRelation(QgsRelationContext(project))
    relation.setId(RELATION_ID + "_" + gully_layer.id())
    relation.setName(tr("Gully parts"))
    relation.setReferencedLayer(gully_layer.id())
    relation.setReferencingLayer(part_layer.id())
    relation.addFieldPair("bgbh", "bgbh")
    if not relation.isValid():
        raise InputError(
            tr(
                "Cannot relate {0} to {1}: both need the field bgbh and must be in the project."
            ).format(gully_layer.name(), part_layer.name())
        )
    manager.addRelation(relation)
    return relation
