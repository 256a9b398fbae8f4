"""Township statistics: area by township × class, and the soil conservation rate.

``township_area_stats`` splits every feature by township (by area) and sums per
class; ``conservation_rate`` gives 水土保持率 = (land − eroded) / land × 100 with
eroded = grade ≥ 2, overlapping erosion polygons counted once.  Both return one
row per township (zeros included) plus the county row (``xzqdm`` = 360732).

Speed: features wholly inside one township are recognised with a rasterised
zoning (``core.engines.local.zones``) and measured with numpy (``core.engines.local.bulk``); only the
others are intersected.  Invalid geometries are repaired (makeValid) for the
computation only, never written back, and counted (``invalid_repaired``).

A server-side variant (PostGIS) may dispatch at the top of the two public
functions when every input lives in one database; the signatures stay.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

import numpy as np
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeedback,
    QgsGeometry,
    QgsUnitTypes,
    QgsVectorLayer,
)

from ..domain.thresholds import COUNTY_CODE, COUNTY_NAME, ERODED_MIN_GRADE
from ..translation import tr
from .area import PLANIMETRIC, AreaMeasurer
from .crs_check import check_inputs
from .engines import choose
from .engines.local import bulk
from .engines.local.zones import (
    BORDER,
    OUTSIDE,
    Zoning,
    computation_crs,
    read_townships,
    require_features,
)
from .engines.postgis.compute import conservation_rate_sql, township_area_stats_sql
from .errors import InputError, raise_if_canceled
from .log import log
from .monitoring import choose_erosion_year, erosion_of_year
from .results import AreaRow, AreaTable, RateRow, RateTable, report
from .values import BadValue, class_key, parse_erosion_grade


def _feedback(feedback: Optional[QgsFeedback]) -> QgsFeedback:
    return feedback if feedback is not None else QgsFeedback()


class _Measure:
    """Area in m² of numpy-measured (CRS units²) and GEOS-made geometries."""

    def __init__(self, crs, method: int):
        self.method = method
        self.measurer = AreaMeasurer(crs, method)
        self.factor = QgsUnitTypes.fromUnitToUnitFactor(
            QgsUnitTypes.distanceToAreaUnit(crs.mapUnits()), QgsUnitTypes.AreaSquareMeters
        )

    def geometry(self, geometry: QgsGeometry) -> float:
        return self.measurer.area_m2(geometry)

    def planar(self, area_units: np.ndarray) -> np.ndarray:
        return area_units * self.factor


def _from_wkb(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry


def township_area_stats(
    townships: QgsVectorLayer,
    township_field: str,
    layer: QgsVectorLayer,
    class_field: Optional[str] = None,
    area_method: int = PLANIMETRIC,
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
) -> AreaTable:
    """Area (m²) and feature count of ``layer`` per township × class.

    A feature crossing townships is split by area; ``feature_count`` counts the
    features having area in the township.  One row per township and class
    (zeros included; one class '' without ``class_field``), then the county rows
    (``xzqdm`` = 360732) counting each feature once.  ``area_method``: 0
    planimetric in the projected CRS (EPSG:4547 for geographic input), 1
    ellipsoidal CGCS2000.  Raises InputError for unusable inputs.
    """
    feedback = _feedback(feedback)
    engine = choose(
        townships, layer, area_method=area_method, what=tr("Township statistics"), feedback=feedback
    )
    if engine.on_server:
        return township_area_stats_sql(
            engine.database, townships, township_field, layer, class_field, feedback
        )
    require_features(layer, tr("input"))
    if class_field:
        if layer.fields().lookupField(class_field) < 0:
            raise InputError(
                tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                    layer.name(), class_field, ", ".join(layer.fields().names())
                )
            )
    crs = computation_crs(layer.crs())
    towns = read_townships(townships, township_field, crs, context, feedback)
    check_inputs(townships, layer, tr("input"), area_method, context)
    zoning = Zoning(towns)
    measure = _Measure(crs, area_method)
    n_towns = len(towns)
    class_index: Dict[str, int] = {}
    # accumulators grow with the number of classes
    area = np.zeros((n_towns, 0))
    count = np.zeros((n_towns, 0), dtype=np.int64)
    county_area = np.zeros(0)
    county_count = np.zeros(0, dtype=np.int64)
    table = AreaTable()
    total = max(1, layer.featureCount())
    done = 0
    fields = [class_field] if class_field else []
    for batch in bulk.iter_batches(layer, fields, crs, context):
        raise_if_canceled(feedback)
        table.skipped_geometries += batch.skipped
        n = len(batch.fids)
        keys = [class_key(v) for v in batch.attributes[class_field]] if class_field else [""] * n
        for key in set(keys):
            if key not in class_index:
                class_index[key] = len(class_index)
        n_classes = len(class_index)
        if area.shape[1] < n_classes:
            grow = n_classes - area.shape[1]
            area = np.hstack([area, np.zeros((n_towns, grow))])
            count = np.hstack([count, np.zeros((n_towns, grow), dtype=np.int64)])
            county_area = np.concatenate([county_area, np.zeros(grow)])
            county_count = np.concatenate([county_count, np.zeros(grow, dtype=np.int64)])
        cls = np.fromiter((class_index[k] for k in keys), dtype=np.int64, count=n)
        arrays = bulk.analyze(batch.wkb)
        label = zoning.classify(arrays.minx, arrays.miny, arrays.maxx, arrays.maxy)
        label[~arrays.valid] = BORDER  # repaired, then split exactly
        label[arrays.empty] = OUTSIDE
        touched = np.ones(n, dtype=bool)
        # grid-border cases: numpy edge test against the township boundaries
        unsure = np.flatnonzero((label == BORDER) & arrays.valid)
        if len(unsure):
            unsure_list = unsure.tolist()
            label[unsure], touched[unsure] = zoning.refine([batch.wkb[i] for i in unsure_list])
        if measure.method == PLANIMETRIC:
            feature_area = measure.planar(arrays.area)
        else:
            feature_area = np.zeros(n)
            for i in np.flatnonzero(~arrays.empty):
                feature_area[i] = measure.geometry(_from_wkb(batch.wkb[i]))
        inside = label >= 0
        table.features += n - int(arrays.empty.sum())
        # wholly inside one township: no geometry operation at all
        np.add.at(area, (label[inside], cls[inside]), feature_area[inside])
        np.add.at(count, (label[inside], cls[inside]), 1)
        np.add.at(county_area, cls[inside], feature_area[inside])
        np.add.at(county_count, cls[inside], 1)
        repaired_area = {}
        split_done = np.zeros(n, dtype=bool)
        if measure.method == PLANIMETRIC:
            # border cases: numpy clipping by the township pieces, GEOS for the rest
            unsure = np.flatnonzero((label == BORDER) & arrays.valid)
            decided, item, town, part = zoning.split_areas([batch.wkb[i] for i in unsure.tolist()])
            split_done[unsure[decided]] = True
            feature = unsure[item]
            part_m2 = measure.planar(part)
            np.add.at(area, (town, cls[feature]), part_m2)
            np.add.at(count, (town, cls[feature]), 1)
            np.add.at(county_area, cls[feature], part_m2)
            counted = np.unique(feature)
            np.add.at(county_count, cls[counted], 1)
        for i in np.flatnonzero((label == BORDER) & ~split_done):
            geometry = _from_wkb(batch.wkb[i])
            if not arrays.valid[i]:
                geometry = geometry.makeValid()
                table.invalid_repaired += 1
                repaired_area[i] = measure.geometry(geometry)
                box = geometry.boundingBox()
                bbox = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            else:
                bbox = (arrays.minx[i], arrays.miny[i], arrays.maxx[i], arrays.maxy[i])
            counted = False
            for k, parts in zoning.split(geometry, bbox, bool(touched[i])):
                part_area = sum(measure.geometry(part) for part in parts)
                if part_area <= 0:
                    continue
                area[k, cls[i]] += part_area
                count[k, cls[i]] += 1
                county_area[cls[i]] += part_area
                counted = True
            if counted:
                county_count[cls[i]] += 1
        for i, value in repaired_area.items():
            feature_area[i] = value
        table.input_area_m2 += float(feature_area[~arrays.empty].sum())
        done += n
        feedback.setProgress(min(100.0, 100.0 * done / total))
    raise_if_canceled(feedback)
    report(table, layer.name(), feedback)
    classes = sorted(class_index, key=lambda key: (key == "", key)) if class_index else [""]
    if not class_index:
        area = np.zeros((n_towns, 1))
        count = np.zeros((n_towns, 1), dtype=np.int64)
        county_area = np.zeros(1)
        county_count = np.zeros(1, dtype=np.int64)
        class_index = {"": 0}
    for k, town in enumerate(towns):
        for key in classes:
            c = class_index[key]
            table.append(AreaRow(town.code, town.name, key, int(count[k, c]), float(area[k, c])))
    for key in classes:
        c = class_index[key]
        table.append(
            AreaRow(COUNTY_CODE, COUNTY_NAME, key, int(county_count[c]), float(county_area[c]))
        )
    return table


def _grades(
    values: list, fids, field_name: str, layer_name: str, skip: bool, table: RateTable
) -> np.ndarray:
    """Erosion grades 1-6 (``core.values``); a bad grade is refused with the
    feature named, or, when ``skip``, counted and given grade 0 (not counted)."""
    out = np.zeros(len(values), dtype=np.int64)
    for i, value in enumerate(values):
        try:
            out[i] = parse_erosion_grade(
                value, "{0} #{1}".format(layer_name, int(fids[i])), field_name
            )
        except BadValue:
            if not skip:
                raise
            table.skipped_grades += 1
    return out


def conservation_rate(
    townships: QgsVectorLayer,
    township_field: str,
    erosion: QgsVectorLayer,
    grade_field: str = "qsqd",
    target_percent: Optional[float] = None,
    feedback: Optional[QgsFeedback] = None,
    context: Optional[QgsCoordinateTransformContext] = None,
    area_method: int = PLANIMETRIC,
    skip_bad_grades: bool = False,
    year: Optional[int] = None,
) -> RateTable:
    """水土保持率 per township and for the county, of ONE monitoring year.

    land = township area; eroded = union of erosion polygons with grade ≥ 2
    (overlaps counted once) inside the township; rate = (land − eroded) / land ×
    100; ``meets_target`` compares with ``target_percent`` (default: the setting
    ``targets/conservation_rate_percent``, 83 %).  A grade that is not 1-6
    (NULL, 1.9, 99, 'abc') is refused with the feature named, unless
    ``skip_bad_grades``: then the feature is skipped and counted.  ``year``: the
    monitoring year ``nd`` (default: the latest present; ``erosion_of_year``);
    ``RateTable.year`` tells which.
    """
    feedback = _feedback(feedback)
    chosen_year, several_years = choose_erosion_year(erosion, year)
    if target_percent is None:
        from .settings import setting

        target_percent = float(setting("targets/conservation_rate_percent"))
    # skipping bad grades is a local-engine option (the server refuses them)
    engine = choose(
        townships,
        erosion,
        area_method=area_method,
        server=not skip_bad_grades,
        what=tr("Conservation rate"),
        feedback=feedback,
    )
    if engine.on_server:
        rates = conservation_rate_sql(
            engine.database,
            townships,
            township_field,
            erosion,
            grade_field,
            target_percent,
            feedback,
            year=chosen_year if several_years else None,
        )
        rates.year = chosen_year
        return rates
    if several_years:
        erosion, _ = erosion_of_year(erosion, chosen_year)
    require_features(erosion, tr("erosion"))
    field_index = erosion.fields().lookupField(grade_field)
    if field_index < 0:
        raise InputError(
            tr("The layer {0} has no field {1}; its fields are: {2}.").format(
                erosion.name(), grade_field, ", ".join(erosion.fields().names())
            )
        )
    crs = computation_crs(erosion.crs())
    towns = read_townships(townships, township_field, crs, context, feedback)
    check_inputs(townships, erosion, tr("erosion"), area_method, context)
    zoning = Zoning(towns)
    measure = _Measure(crs, area_method)
    table = RateTable()
    table.year = chosen_year
    # per township: pieces (geometry maker, bbox, area in m²)
    pieces: List[List[Tuple[object, Tuple[float, float, float, float], float]]] = [
        [] for _ in towns
    ]
    total = max(1, erosion.featureCount())
    done = 0
    for batch in bulk.iter_batches(erosion, [grade_field], crs, context):
        raise_if_canceled(feedback)
        table.skipped_geometries += batch.skipped
        grades = _grades(
            batch.attributes[grade_field],
            batch.fids,
            grade_field,
            erosion.name(),
            skip_bad_grades,
            table,
        )
        keep = np.flatnonzero(grades >= ERODED_MIN_GRADE)
        wkb = [batch.wkb[i] for i in keep]
        arrays = bulk.analyze(wkb)
        label = zoning.classify(arrays.minx, arrays.miny, arrays.maxx, arrays.maxy)
        label[~arrays.valid] = BORDER
        label[arrays.empty] = OUTSIDE
        touched = np.ones(len(wkb), dtype=bool)
        unsure = np.flatnonzero((label == BORDER) & arrays.valid)
        if len(unsure):  # numpy edge test clears the grid's false border cases
            label[unsure], touched[unsure] = zoning.refine([wkb[i] for i in unsure.tolist()])
        for i in np.flatnonzero(label >= 0):
            if measure.method == PLANIMETRIC:
                value = float(measure.planar(arrays.area[i]))
            else:
                value = measure.geometry(_from_wkb(wkb[i]))
            pieces[label[i]].append(
                (wkb[i], (arrays.minx[i], arrays.miny[i], arrays.maxx[i], arrays.maxy[i]), value)
            )
        for i in np.flatnonzero((label == OUTSIDE) & ~arrays.empty):  # issue 13: said
            table.outside_area_m2 += (
                float(measure.planar(arrays.area[i]))
                if measure.method == PLANIMETRIC
                else measure.geometry(_from_wkb(wkb[i]))
            )
        for i in np.flatnonzero(label == BORDER):
            geometry = _from_wkb(wkb[i])
            if not arrays.valid[i]:
                geometry = geometry.makeValid()
                table.invalid_repaired += 1
            box = geometry.boundingBox()
            bbox = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
            inside = 0.0
            for k, parts in zoning.split(geometry, bbox, bool(touched[i])):
                for part in parts:
                    b = part.boundingBox()
                    value = measure.geometry(part)
                    inside += value
                    pieces[k].append(
                        (part, (b.xMinimum(), b.yMinimum(), b.xMaximum(), b.yMaximum()), value)
                    )
            table.outside_area_m2 += max(0.0, measure.geometry(geometry) - inside)
        done += len(batch.fids)
        feedback.setProgress(min(90.0, 90.0 * done / total))
    report(table, erosion.name(), feedback)
    if table.skipped_grades:
        log(
            tr(
                "{0} features of {1} have no erosion grade 1-6 in field {2} and were skipped."
            ).format(table.skipped_grades, erosion.name(), grade_field),
            feedback,
        )
    land_total = 0.0
    eroded_total = 0.0
    for k, town in enumerate(towns):
        raise_if_canceled(feedback)
        land = measure.geometry(town.geometry)
        eroded = _union_area(pieces[k], measure)
        land_total += land
        eroded_total += eroded
        table.append(RateRow.of(town.code, town.name, land, eroded, target_percent))
        feedback.setProgress(90.0 + 10.0 * (k + 1) / len(towns))
    table.append(RateRow.of(COUNTY_CODE, COUNTY_NAME, land_total, eroded_total, target_percent))
    return table


def _union_area(items, measure: _Measure) -> float:
    """Area of the union of pieces: isolated ones summed, overlapping clusters unioned."""
    if not items:
        return 0.0
    box = np.array([item[1] for item in items], dtype=float)
    values = np.array([item[2] for item in items], dtype=float)
    a, b = bulk.bbox_pairs(box[:, 0], box[:, 1], box[:, 2], box[:, 3])
    if not len(a):
        return float(values.sum())
    parent = np.arange(len(items))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(a.tolist(), b.tolist()):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[ri] = rj
    roots = np.array([find(i) for i in range(len(items))])
    sizes = np.bincount(roots, minlength=len(items))
    alone = sizes[roots] == 1
    result = float(values[alone].sum())
    clusters: Dict[int, List[QgsGeometry]] = {}
    for i in np.flatnonzero(~alone):
        geometry = items[i][0]
        if isinstance(geometry, bytes):
            geometry = _from_wkb(geometry)
        clusters.setdefault(int(roots[i]), []).append(geometry)
    for members in clusters.values():
        union = QgsGeometry.unaryUnion(members)
        result += measure.geometry(union)
    return result
