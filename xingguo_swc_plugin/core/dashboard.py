"""The statistics dashboard model: areas, 水保率 and plan progress per zone.

What the statistics dock shows and exports, computed from the cores only:
areas by class (``core.stats.township_area_stats``), the conservation rate
(``core.stats.conservation_rate``) and the newly treated area and treated
gullies of the plan window (``core.plan.plan_progress``; never computed here).
The zones are the townships, or any zoning layer + code field (e.g. the
workspace's small watersheds ``watershed``/``lydm``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsFeedback, QgsVectorLayer

from ..domain.units import m2_to_hm2, m2_to_mu
from ..translation import tr
from .area import PLANIMETRIC
from .errors import raise_if_canceled
from .measure_records import layer_key, sibling_layer
from .monitoring import erosion_of_year
from .plan import PlanProgress, plan_progress
from .stats import AreaTable, RateTable, conservation_rate, township_area_stats
from .workspace.schema import BENGGANG, MEASURE, TOWNSHIP


@dataclass
class Dashboard:
    """Everything the statistics dock shows: areas, rates and plan progress.

    ``progress`` is None when no measure table was found (then the treated
    figures are unknown, not zero).
    """

    areas: AreaTable
    rates: Optional[RateTable] = None
    progress: Optional[PlanProgress] = None
    target_rate_percent: float = 83.0
    #: rows are zones of another zoning (small watersheds), not townships
    zoned: bool = False

    @property
    def treated_area_km2(self) -> Optional[float]:
        if self.progress is None:
            return None
        return self.progress.county.treated_area_hm2 / 100.0

    @property
    def treated_gullies(self) -> Optional[int]:
        return None if self.progress is None else self.progress.county.treated_gullies

    @property
    def target_area_km2(self) -> Optional[float]:
        if self.progress is None or self.progress.county.target_area_hm2 is None:
            return None
        return self.progress.county.target_area_hm2 / 100.0

    @property
    def target_gullies(self) -> Optional[int]:
        return None if self.progress is None else self.progress.county.target_gullies


def is_township_zoning(zones: QgsVectorLayer, zone_field: str) -> bool:
    """Whether ``zones``/``zone_field`` are the townships themselves (else a zoning
    such as small watersheds, counted per zone by ``plan_progress``'s ZONES)."""
    return layer_key(zones) == TOWNSHIP.name and zone_field == "xzqdm"


def county_dashboard(
    zones: QgsVectorLayer,
    zone_field: str,
    layer: QgsVectorLayer,
    class_field: Optional[str] = None,
    area_method: int = PLANIMETRIC,
    erosion: Optional[QgsVectorLayer] = None,
    grade_field: str = "qsqd",
    measures: Optional[QgsVectorLayer] = None,
    gullies: Optional[QgsVectorLayer] = None,
    feedback: Optional[QgsFeedback] = None,
    *,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
    townships: Optional[QgsVectorLayer] = None,
) -> Dashboard:
    """Area statistics and 水保率 per zone of ``zones``/``zone_field`` and the plan
    progress of ``year_from``..``year_to`` (default: the plan window).

    Measures and gullies default to the workspace tables beside ``zones``;
    ``townships`` (needed for the county row when the zones are not the
    townships) to the workspace's township table beside the measures.
    Runs in a task: it only reads layers.
    """
    from .settings import setting

    feedback = feedback if feedback is not None else QgsFeedback()
    result = Dashboard(
        areas=AreaTable(), target_rate_percent=float(setting("targets/conservation_rate_percent"))
    )
    if layer.fields().lookupField("nd") >= 0 and layer.fields().lookupField(grade_field) >= 0:
        layer, _ = erosion_of_year(layer)  # erosion by grade: the rate's year, never mixed
    result.areas = township_area_stats(
        zones, zone_field, layer, class_field, area_method, feedback=feedback
    )
    result.zoned = zone_field != "xzqdm"
    raise_if_canceled(feedback)
    if erosion is not None:
        result.rates = conservation_rate(
            zones,
            zone_field,
            erosion,
            grade_field,
            result.target_rate_percent,
            feedback=feedback,
            area_method=area_method,
        )
    # "is None", not "or": an empty layer is falsy (len() = feature count)
    if measures is None:
        measures = sibling_layer(zones, MEASURE.name)
    if measures is not None and measures.isValid():
        if gullies is None:
            gullies = sibling_layer(measures, BENGGANG.name)
        if is_township_zoning(zones, zone_field):
            result.progress = plan_progress(
                measures, zones, gullies, year_from, year_to, feedback, area_method=area_method
            )
        else:
            result.progress = plan_progress(
                measures,
                townships,
                gullies,
                year_from,
                year_to,
                feedback,
                zones=zones,
                zone_field=zone_field,
                area_method=area_method,
            )
    raise_if_canceled(feedback)
    return result


def dashboard_table(
    result: Dashboard, labels: Optional[Dict[str, str]] = None, erosion_grades: bool = False
) -> Tuple[List[str], List[list]]:
    """One row per zone (and the county): totals, area per class, 水保率 and,
    with a measure table, the newly treated area and treated gullies (座).

    ``labels``: the class codes' labels for the column titles (轻度, not 2);
    ``erosion_grades``: the classes are erosion grades (轻度侵蚀面积（hm²）)."""
    labels = labels or {}
    classes = []
    for row in result.areas:
        if row.klass not in classes:
            classes.append(row.klass)
    classes = [c for c in classes if c != ""] or classes
    rates = {r.xzqdm: r for r in (result.rates or [])}
    headers = [
        tr("Zone code") if result.zoned else tr("Township code"),
        tr("Zone") if result.zoned else tr("Township"),
        tr("Features"),
        tr("Area (m²)"),
        tr("Area (hm²)"),
        tr("Area (mu)"),
    ]
    with_classes = len(classes) > 1 or classes != [""]
    if with_classes:
        title = tr("{0} erosion area (hm²)") if erosion_grades else tr("{0} (hm²)")
        headers += [title.format(labels.get(str(c), c)) for c in classes]
    if rates:
        headers += [tr("Erosion area (hm²)"), tr("Soil conservation rate (%)")]
    progress = {}
    if result.progress is not None:
        progress = {row.xzqdm: row for row in result.progress.rows}
        headers += [
            tr("Newly treated area {0}-{1} (hm²)").format(
                result.progress.year_from, result.progress.year_to
            ),
            tr("Treated gullies {0}-{1} (座)").format(
                result.progress.year_from, result.progress.year_to
            ),
        ]
    order: List[str] = []
    data = {}
    for row in result.areas:
        if row.xzqdm not in data:
            order.append(row.xzqdm)
            data[row.xzqdm] = {"name": row.xzqmc, "count": 0, "area": 0.0, "by": {}}
        entry = data[row.xzqdm]
        entry["count"] += row.feature_count
        entry["area"] += row.area_m2
        entry["by"][row.klass] = row.area_hm2
    rows = []
    for code in order:
        entry = data[code]
        values = [
            code,
            entry["name"],
            entry["count"],
            entry["area"],
            m2_to_hm2(entry["area"]),
            m2_to_mu(entry["area"]),
        ]
        if with_classes:
            values += [entry["by"].get(c, 0.0) for c in classes]
        if rates:
            rate = rates.get(code)
            values += [
                m2_to_hm2(rate.erosion_area_m2) if rate else None,
                rate.rate_percent if rate else None,
            ]
        if result.progress is not None:
            zone = progress.get(code)
            values += [
                zone.treated_area_hm2 if zone else None,
                zone.treated_gullies if zone else None,
            ]
        rows.append(values)
    return headers, rows


__all__ = ["Dashboard", "county_dashboard", "dashboard_table", "is_township_zoning"]
