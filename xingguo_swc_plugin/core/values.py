"""One normaliser for codes and numbers read from user data (grades, quantities).

Why: the same value must mean the same thing in every capability.  Before,
"1.9" as text counted as grade 1 and 1.9 as a number as grade 2, grade 99
counted as eroded, and a quantity '1,000' counted as 0.  Here a value is
either exactly what the domain allows or refused with the feature and field
named (``BadValue``, an InputError); callers that let the user skip bad rows
catch it and count.
"""

from __future__ import annotations

import math
from typing import Optional

from ..domain.codes import EROSION_GRADE
from ..translation import tr
from .errors import InputError


class BadValue(InputError):
    """A value outside its domain or not a number; the message names the feature."""


def is_null(value) -> bool:
    """None, a NULL QVariant, NaN or blank text."""
    if value is None:
        return True
    if hasattr(value, "isNull"):
        try:
            if value.isNull():
                return True
        except TypeError:
            pass
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def _plain(value):
    if hasattr(value, "value") and hasattr(value, "isNull"):  # QVariant
        return value.value()
    return value


def parse_number(value, feature: str, field: str) -> Optional[float]:
    """A finite number, or None for NULL; text must be a plain number ('12.5').

    Refused: 'abc', '1,000' (a thousands separator or a decimal comma is
    ambiguous), infinity, NaN written as text.
    """
    if is_null(value):
        return None
    value = _plain(value)
    if isinstance(value, bool):
        raise BadValue(
            tr("Feature {0}: field {1} holds '{2}', which is not a number.").format(
                feature, field, value
            )
        )
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip()
        try:
            if "," in text or "_" in text:
                raise ValueError(text)
            number = float(text)
        except ValueError:
            raise BadValue(
                tr(
                    "Feature {0}: field {1} holds '{2}', which is not a number "
                    "(write digits with a decimal point, no thousands "
                    "separator)."
                ).format(feature, field, text)
            ) from None
    if not math.isfinite(number):
        raise BadValue(
            tr("Feature {0}: field {1} holds '{2}', which is not a number.").format(
                feature, field, value
            )
        )
    return number


def parse_quantity(value, feature: str, field: str) -> float:
    """A measure quantity: a number greater than 0 (NULL is refused)."""
    number = parse_number(value, feature, field)
    if number is None:
        raise BadValue(
            tr("Feature {0}: field {1} is empty; a quantity is required.").format(feature, field)
        )
    if not number > 0:
        raise BadValue(
            tr("Feature {0}: field {1} holds {2}; a quantity must be greater than 0.").format(
                feature, field, _shown(number)
            )
        )
    return number


def parse_code(
    value, feature: str, field: str, lowest: int, highest: int, labels: Optional[dict] = None
) -> int:
    """An integer code in lowest..highest; 2, 2.0, '2', '2.0' and a label are the
    same code; 1.9, '1.9', 99, 'abc' and NULL are refused."""
    if not is_null(value):
        plain = _plain(value)
        if labels and isinstance(plain, str) and plain.strip() in labels:
            return labels[plain.strip()]
    try:
        number = parse_number(value, feature, field)
    except BadValue:
        number = None
        shown = str(_plain(value)).strip()
    else:
        shown = "" if number is None else _shown(number)
    if number is None:
        if is_null(value):
            raise BadValue(
                tr("Feature {0}: field {1} is empty; it must hold a code {2}-{3}.").format(
                    feature, field, lowest, highest
                )
            )
        raise BadValue(
            tr("Feature {0}: field {1} holds '{2}', which is not a code {3}-{4}.").format(
                feature, field, shown, lowest, highest
            )
        )
    if not number.is_integer() or not lowest <= number <= highest:
        raise BadValue(
            tr("Feature {0}: field {1} holds '{2}', which is not a code {3}-{4}.").format(
                feature, field, shown, lowest, highest
            )
        )
    return int(number)


def _shown(number: float) -> str:
    return str(int(number)) if number.is_integer() else repr(number)


def parse_erosion_grade(value, feature: str, field: str) -> int:
    """SL 190-2007 erosion grade code 1-6 (a label such as 中度 is refused: the
    field holds codes)."""
    codes = [int(code.code) for code in EROSION_GRADE]
    return parse_code(value, feature, field, min(codes), max(codes))


def text(value) -> str:
    """An attribute as trimmed text: NULL and the text 'NULL' give '', a whole float
    its integer ('12.0' -> '12').  The one way codes and IDs are read as text."""
    if value is None:
        return ""
    if hasattr(value, "isNull") and value.isNull():
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    result = str(value).strip()
    return "" if result == "NULL" else result


def class_key(value) -> str:
    """A class value (statistics column) as written: NULL -> '', 12.0 -> '12'.

    Unlike ``text`` it keeps surrounding blanks: a class is grouped exactly as stored.
    """
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
