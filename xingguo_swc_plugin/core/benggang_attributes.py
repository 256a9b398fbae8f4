"""Derived attributes of a whole gully layer (``xingguoswc:benggangattributes``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFeatureSource,
    QgsFeedback,
    QgsFields,
    QgsWkbTypes,
)

from ..qgis_compat import FieldType, make_field
from ..translation import tr
from .benggang import TownshipIndex, measurer_for, scale_of
from .benggang_digitize import repair
from .benggang_numbering import format_benggang_id, parse_benggang_id
from .errors import InputError, raise_if_canceled
from .values import text


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
    for name, kind, length in (
        ("bgbh", FieldType.STRING, 20),
        ("xzqdm", FieldType.STRING, 9),
        ("xzqmc", FieldType.STRING, 20),
        ("mj", FieldType.DOUBLE, 0),
        ("gm", FieldType.STRING, 1),
    ):
        if result.indexOf(name) < 0:
            result.append(make_field(name, kind, length))
    return result


def fill_gully_attributes(
    source: QgsFeatureSource,
    townships: QgsFeatureSource,
    sink: QgsFeatureSink,
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
    existing: Optional[QgsFeatureSource] = None,
) -> FillReport:
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
        raise InputError(
            tr(
                "The gully layer {0} holds {1} geometries; collapse gullies "
                "must be polygons (their area gives the scale)."
            ).format(
                source.sourceName(),
                QgsWkbTypes.geometryDisplayString(QgsWkbTypes.geometryType(source.wkbType())),
            )
        )
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
            current = text(feature["bgbh"]).strip()
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
            report.messages.append(
                tr("Feature {0}: invalid geometry, area of the repaired polygon.").format(
                    feature.id()
                )
            )
            geometry = repair(geometry)
        area = round(measurer.area_m2(geometry), 2)
        township = index.township_of(geometry) if not geometry.isEmpty() else None
        out["mj"], out["gm"] = area, scale_of(area)
        if township is None:
            report.without_township += 1
            report.messages.append(tr("Feature {0}: not in any township.").format(feature.id()))
            out["xzqdm"], out["xzqmc"] = None, None
        else:
            out["xzqdm"], out["xzqmc"] = township
        if [out[name] for name in ("xzqdm", "xzqmc", "mj", "gm")] != before:
            report.changed += 1
        bgbh = out["bgbh"]
        current = text(bgbh).strip()
        if current and current in seen:
            report.duplicates_renumbered += 1
            report.messages.append(
                tr("Feature {0}: duplicate ID {1} renumbered.").format(feature.id(), current)
            )
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
