"""Gully lists and counts for the dock and the atlas (no geometry read)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsRectangle,
    QgsVectorLayer,
)

from ..domain import codes
from .values import is_null, text


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


def list_gullies(
    layer: QgsVectorLayer,
    township_code: Optional[str] = None,
    extent: Optional[QgsRectangle] = None,
    scale: Optional[str] = None,
    activity: Optional[str] = None,
    status: Optional[str] = None,
) -> List[GullyRow]:
    """Gullies of a township and/or within an extent (layer CRS), filtered by
    scale, activity and treatment status codes (None: any), sorted by ID."""
    request = QgsFeatureRequest()
    if extent is not None:
        request.setFilterRect(extent)
    clauses = []
    for name, value in (
        ("xzqdm", township_code),
        ("gm", scale),
        ("hdx", activity),
        ("zlzt", status),
    ):
        if value:
            clauses.append("\"{0}\" = '{1}'".format(name, str(value).replace("'", "''")))
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
        rows.append(
            GullyRow(
                feature.id(),
                text(value("bgbh")),
                text(value("xzqdm")),
                text(value("xzqmc")),
                0.0 if is_null(area) else float(area),
                text(value("gm")),
                text(value("hdx")),
                text(value("zlzt")),
            )
        )
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
