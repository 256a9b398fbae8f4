"""Township targets (table ``township_target``) with defaults from the county targets.

A township-year without a row takes the county target: the treated area and
gullies targets in proportion to the township's share of the county land area,
spread evenly over the plan years (settings ``targets/*`` and ``plan/*``).  The
county row keeps the county targets.  Used by ``core.plan`` (plan progress) and
``core.assessment`` (the township assessment), so neither imports the other's
caller.
"""

from __future__ import annotations

from typing import Dict, Optional, Tuple

from qgis.core import QgsVectorLayer

from ..domain.thresholds import COUNTY_CODE
from .measure_records import sibling_layer
from .workspace.schema import TOWNSHIP_TARGET


def number_or_none(value) -> Optional[float]:
    if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
        return None
    return float(value)


def target_rows(
    workspace_layer: Optional[QgsVectorLayer],
) -> Dict[Tuple[str, int], Dict[str, Optional[float]]]:
    """{(xzqdm, nd): {bcl_mb, zlmj_mb, zlbg_mb, xh_mb}} of the workspace's table
    ``township_target`` (empty when the workspace has none)."""
    table = (
        sibling_layer(workspace_layer, TOWNSHIP_TARGET.name)
        if workspace_layer is not None
        else None
    )
    rows: Dict[Tuple[str, int], Dict[str, Optional[float]]] = {}
    if table is None:
        return rows
    for feature in table.getFeatures():
        code = str(feature["xzqdm"] or "").strip()
        year = number_or_none(feature["nd"])
        if code and year is not None:
            rows[(code, int(year))] = {
                name: number_or_none(feature[name])
                for name in ("bcl_mb", "zlmj_mb", "zlbg_mb", "xh_mb")
            }
    return rows


def township_targets(
    workspace_layer: Optional[QgsVectorLayer], towns, measurer, year_from: int, year_to: int
) -> Dict[str, Tuple[Optional[float], Optional[int]]]:
    """{township code: (treated area target hm², gullies target 座)} over the window,
    plus the county (``COUNTY_CODE``: the county plan targets)."""
    from .settings import plan_window, setting

    plan_from, plan_to = plan_window()
    plan_years = max(1, plan_to - plan_from + 1)
    county_area = float(setting("targets/treated_area_km2")) * 100.0
    county_gullies = int(setting("targets/treated_benggang"))
    rows = {
        key: (values["zlmj_mb"], values["zlbg_mb"])
        for key, values in target_rows(workspace_layer).items()
    }
    lands = {town.code: measurer.area_m2(town.geometry) for town in towns}
    land_total = sum(lands.values()) or 1.0
    result: Dict[str, Tuple[Optional[float], Optional[int]]] = {}
    for code, land in lands.items():
        area_target = 0.0
        gully_target = 0.0
        for year in range(year_from, year_to + 1):
            area, gullies = rows.get((code, year), (None, None))
            in_plan = plan_from <= year <= plan_to
            if area is None:
                area = county_area * land / land_total / plan_years if in_plan else 0.0
            if gullies is None:
                gullies = county_gullies * land / land_total / plan_years if in_plan else 0.0
            area_target += area
            gully_target += gullies
        result[code] = (area_target, int(round(gully_target)))
    result[COUNTY_CODE] = (county_area, county_gullies)
    return result
