"""Thresholds and targets of SPEC.md, as defaults of user settings.

Values marked *(practice)* in SPEC.md have no written standard: they are the
defaults of settings (``core.settings``), never used as constants elsewhere.
"""

from __future__ import annotations

from typing import Optional

#: County code and name; the county row of every statistic carries it.
COUNTY_CODE = "360732"
COUNTY_NAME = "兴国县"
COUNTY_AREA_KM2 = 3214.5

#: CGCS2000 geographic and 3-degree Gauss-Kruger CM 114°E (no zone prefix / prefix 38).
CRS_GEOGRAPHIC = "EPSG:4490"
CRS_PROJECTED = "EPSG:4547"
CRS_PROJECTED_ZONE_PREFIX = "EPSG:4526"

#: SL 190-2007 grade limits, t/(km²·a): upper bound of grades 1..5.
EROSION_GRADE_UPPER_LIMITS = (500.0, 2500.0, 5000.0, 8000.0, 15000.0)
#: Grades at or above this count as eroded for the conservation rate.
ERODED_MIN_GRADE = 2

#: Defaults of settings (name -> value); see core.settings.
DEFAULTS = {
    "benggang/small_max_m2": 1000.0,  # (practice) 小型 < 1,000 m²
    "benggang/medium_max_m2": 3000.0,  # (practice) 中型 1,000-3,000 m², 大型 above
    "benggang/min_area_m2": 60.0,  # surveys register gullies >= 60 m²
    "benggang/part_max_distance_m": 30.0,  # (practice) a part lies on or beside its gully
    "targets/conservation_rate_percent": 83.0,
    "targets/treated_area_km2": 120.0,
    "targets/treated_benggang": 800,
    # (practice) no written county target: every finding of the year closed
    "targets/finding_closure_percent": 100.0,
    # The plan window (2022-2025 plan): every period default of the plugin comes from it.
    "plan/year_from": 2022,
    "plan/year_to": 2025,
    "validation/steep_slope_deg": 25.0,
    "validation/terrace_slope_deg": 15.0,
    "validation/plan_slope_deg": 5.0,
    "validation/corridor_distance_m": 100.0,  # (practice) no written distance found
    # issue 17: slope rules on the share of the parcel's area, not the mean slope
    "validation/steep_share_percent": 20.0,
    "validation/terrace_share_percent": 20.0,
    # (practice) no written distance for "along reservoirs and main rivers"
    "validation/navel_orange_water_distance_m": 200.0,
    # (practice) slivers below this neither link two deliveries' parcels nor count
    # as growth or shrinkage
    "change/min_area_m2": 50.0,
    "penalty/individual_yuan_per_m2": 2.0,
    "penalty/unit_yuan_per_m2": 10.0,
    # who handles inspection cases (经办人): asked once, never the OS login name
    "case/handler": "",
}


def erosion_grade(modulus: Optional[float]) -> Optional[int]:
    """SL 190-2007 grade (1-6) of a soil loss modulus in t/(km²·a).

    A boundary value belongs to the upper grade (500 is 轻度), as the table's
    ranges read "500-2,500" for 轻度.
    """
    if modulus is None or modulus < 0:
        return None
    for grade, upper in enumerate(EROSION_GRADE_UPPER_LIMITS, start=1):
        if modulus < upper:
            return grade
    return len(EROSION_GRADE_UPPER_LIMITS) + 1


def benggang_scale(area_m2: float, small_max_m2: float, medium_max_m2: float) -> str:
    """Scale code S/M/L of a gully from its area (thresholds are settings)."""
    if area_m2 < small_max_m2:
        return "S"
    if area_m2 <= medium_max_m2:
        return "M"
    return "L"
