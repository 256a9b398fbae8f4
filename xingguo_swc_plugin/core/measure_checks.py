"""Checks of the values of a measure record (year, quantity, unit, texts)."""

from __future__ import annotations

from typing import Dict, Mapping, Optional

from ..domain import codes
from ..domain.measures import MeasureType
from ..translation import tr
from .errors import InputError
from .measure_records import text_value
from .measure_taxonomy import Taxonomy
from .workspace.schema import MEASURE

YEAR_MIN = 1980
YEAR_MAX = 2100
#: Longest text of each text field of a record.
TEXT_LIMITS = {"xmmc": 100, "zjly": 100, "bz": 254}


def check_year(year) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise InputError(tr("The year must be a whole number.")) from None
    if value != year and not (isinstance(year, str) and year.strip() == str(value)):
        raise InputError(tr("The year must be a whole number."))
    if not YEAR_MIN <= value <= YEAR_MAX:
        raise InputError(tr("The year {0} is outside {1}-{2}.").format(value, YEAR_MIN, YEAR_MAX))
    return value


def check_quantity(quantity) -> float:
    try:
        value = float(quantity)
    except (TypeError, ValueError):
        raise InputError(tr("The quantity must be a number.")) from None
    if not value > 0 or value != value or value == float("inf"):
        raise InputError(tr("The quantity must be greater than 0 (got {0}).").format(quantity))
    return value


def check_unit(
    measure: MeasureType, unit: Optional[str], taxonomy: Optional[Taxonomy] = None
) -> str:
    """The measure's unit; InputError when a given ``unit`` differs from it.

    With ``taxonomy`` the message names the sibling measure counted in that
    unit (削坡开级 m³ vs 削坡开级(面积) hm²), the usual cause of the mistake.
    """
    unit = text_value(unit) if unit is not None else None
    if unit is None or unit == "" or unit == measure.unit:
        return measure.unit
    message = tr("Measure {0} ({1}) is counted in {2}, not in {3}.").format(
        measure.code,
        measure.zh,
        codes.MEASURE_UNIT.label(measure.unit, measure.unit),
        codes.MEASURE_UNIT.label(unit, unit),
    )
    base = measure.zh.split("(")[0]
    siblings = [
        other
        for other in (taxonomy or [])
        if other.unit == unit and other.code != measure.code and other.zh.split("(")[0] == base
    ]
    if siblings:
        message += " " + tr("Use {0} ({1}) for {2}.").format(
            siblings[0].code, siblings[0].zh, codes.MEASURE_UNIT.label(unit, unit)
        )
    raise InputError(message)


def check_texts(values: Mapping[str, str]) -> Dict[str, str]:
    cleaned = {}
    for name, value in values.items():
        text = text_value(value)
        limit = TEXT_LIMITS.get(name)
        if limit and len(text) > limit:
            raise InputError(
                tr("{0} is longer than {1} characters.").format(MEASURE.field(name).zh, limit)
            )
        cleaned[name] = text
    return cleaned


__all__ = [
    "TEXT_LIMITS",
    "YEAR_MAX",
    "YEAR_MIN",
    "check_quantity",
    "check_texts",
    "check_unit",
    "check_year",
]
