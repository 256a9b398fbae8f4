"""What both validation engines read the same way: parcel attributes and overlaps.

Why: the PostGIS engine does the geometry work on the server but must name
parcels, projects and townships exactly like the local engine; reading them
here (through QGIS, with ``values.text``) makes them agree by construction.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
)

from .area import AreaMeasurer
from .overlaps import find_overlaps
from .progress import Steps
from .rules import OVERLAP, Findings, Parcel, overlap_message
from .values import text

OPTIONAL_FIELDS = ("uuid", "xzqdm", "kflx", "bhlx")


class ParcelReader:
    """Reads the rule facts of parcels (``Parcel`` without geometry) from a layer."""

    def __init__(self, layer: QgsVectorLayer, id_field: str, project_field: str):
        self.id_field, self.project_field = id_field, project_field
        names = layer.fields().names()
        self.fields = layer.fields()
        self.attributes = [
            name for name in (id_field, project_field) + OPTIONAL_FIELDS if name in names
        ]
        self.index = {name: names.index(name) if name in names else -1 for name in OPTIONAL_FIELDS}

    def request(self, geometry: bool = True) -> QgsFeatureRequest:
        request = QgsFeatureRequest()
        if not geometry:
            request.setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes(self.attributes, self.fields)
        return request

    def parcel(self, feature: QgsFeature) -> Parcel:
        def optional(name: str) -> str:
            index = self.index[name]
            return text(feature.attribute(index)) if index >= 0 else ""

        return Parcel(
            feature.id(),
            text(feature[self.id_field]) or "#{0}".format(feature.id()),
            text(feature[self.project_field]),
            optional("uuid"),
            optional("xzqdm"),
            QgsGeometry(),
            0.0,
            optional("kflx"),
            optional("bhlx"),
        )


def read_parcel_facts(
    layer: QgsVectorLayer, id_field: str, project_field: str
) -> Dict[int, Parcel]:
    """Feature id -> Parcel (attributes only) of every parcel."""
    reader = ParcelReader(layer, id_field, project_field)
    return {
        feature.id(): reader.parcel(feature)
        for feature in layer.getFeatures(reader.request(geometry=False))
    }


def check_overlaps(
    parcels: QgsVectorLayer,
    id_field: str,
    min_area: float,
    valid: Sequence[Parcel],
    to_work: Optional[QgsCoordinateTransform],
    measurer: AreaMeasurer,
    steps: Steps,
    findings: Findings,
) -> None:
    """OVERLAP per parcel from the shared overlap engine (pairs listed once)."""
    result = find_overlaps(
        parcels, id_field=id_field, min_area=min_area, feedback=steps.sub_feedback()
    )
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
        findings.emit(parcel, OVERLAP, overlap_message(area, names), union, area, names)
