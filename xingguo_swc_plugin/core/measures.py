"""Treatment measures (治理措施): the names of the measure modules in one place.

The work is split by job — ``measure_records`` (reading records, finding
layers), ``measure_taxonomy``, ``measure_checks``, ``township_locator``,
``measure_tagging`` (writing) and ``measure_summary`` (quantities; the treated
figures come from ``core.plan.plan_progress``).  New code imports those
modules; this module only re-exports the names that need no plan figures, for
code written against the former single module (``core.plan`` may import it:
nothing here imports ``core.plan``, so there is no import circle).
"""

from __future__ import annotations

from .measure_checks import YEAR_MAX, YEAR_MIN, check_quantity, check_unit, check_year
from .measure_records import (
    MeasureRecord,
    layer_key,
    measures_of_features,
    read_measures,
    sibling_layer,
)
from .measure_tagging import (
    delete_measures,
    edit_measure,
    set_treatment_status,
    tag_features,
)
from .measure_taxonomy import Taxonomy, load_taxonomy
from .township_locator import TownshipLocator

__all__ = [
    "MeasureRecord",
    "Taxonomy",
    "TownshipLocator",
    "YEAR_MAX",
    "YEAR_MIN",
    "check_quantity",
    "check_unit",
    "check_year",
    "delete_measures",
    "edit_measure",
    "layer_key",
    "load_taxonomy",
    "measures_of_features",
    "read_measures",
    "set_treatment_status",
    "sibling_layer",
    "tag_features",
]
