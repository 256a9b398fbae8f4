"""Monitoring years of the erosion table (``erosion.nd``): one year at a time.

Why: the 水土保持率, the erosion area by grade and 双下降 are figures of ONE
monitoring year; a layer holding several surveys must never be summed as one.
``erosion_of_year`` is the one place that picks the year (default: the latest)
and refuses what cannot be assigned to a year.  No numpy here: validation uses it.
"""

from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..translation import tr
from .errors import InputError


def erosion_years(erosion: QgsVectorLayer) -> Tuple[List[int], int]:
    """(sorted monitoring years ``nd`` present, number of features without one)."""
    if erosion is None or not erosion.isValid():
        return [], 0  # the caller's own check names the missing layer
    index = erosion.fields().lookupField("nd")
    if index < 0:
        return [], erosion.featureCount()
    years = set()
    undated = 0
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([index])
    for feature in erosion.getFeatures(request):
        value = feature.attribute(index)
        if value is None or (hasattr(value, "isNull") and value.isNull()) or value == "":
            undated += 1
            continue
        try:
            years.add(int(float(value)))
        except (TypeError, ValueError):
            raise InputError(
                tr(
                    "Erosion feature #{0} of {1}: the monitoring year nd is not a year ({2})."
                ).format(feature.id(), erosion.name(), value)
            ) from None
    return sorted(years), undated


def erosion_of_year(
    erosion: QgsVectorLayer, year: Optional[int] = None
) -> Tuple[QgsVectorLayer, Optional[int]]:
    """The erosion features of ONE monitoring year (never a mix of years).

    ``year`` None: the latest year ``nd`` present.  A layer without any year (no
    field ``nd`` or all empty) is one undated survey, used whole (year None);
    asking it for a year is refused.  Dated and undated features together are
    refused (the undated ones belong to no year).  The layer returned is the
    input itself when it holds only that year, else an in-memory copy of that
    year's features (the input's own filter is kept).
    """
    chosen, several = choose_erosion_year(erosion, year)
    if not several:
        return erosion, chosen
    copy = erosion.materialize(QgsFeatureRequest().setFilterExpression('"nd" = {0}'.format(chosen)))
    copy.setName(erosion.name())
    return copy, chosen


def choose_erosion_year(
    erosion: QgsVectorLayer, year: Optional[int] = None
) -> Tuple[Optional[int], bool]:
    """(the monitoring year to use, whether the layer holds other years too) under
    the rules of ``erosion_of_year``; refuses what they refuse."""
    years, undated = erosion_years(erosion)
    if not years:
        if year is not None:
            raise InputError(
                tr(
                    "The erosion layer {0} has no monitoring year nd: it cannot give the year {1}."
                ).format(erosion.name(), year)
            )
        return None, False
    if undated:
        raise InputError(
            tr(
                "{0} features of the erosion layer {1} have no monitoring year "
                "nd while others have ({2}): fill in nd so that years are not "
                "mixed."
            ).format(undated, erosion.name(), ", ".join(str(y) for y in years))
        )
    chosen = years[-1] if year is None else int(year)
    if chosen not in years:
        raise InputError(
            tr("The erosion layer {0} has no features of the year {1}; its years are: {2}.").format(
                erosion.name(), chosen, ", ".join(str(y) for y in years)
            )
        )
    return chosen, years != [chosen]


__all__ = ["choose_erosion_year", "erosion_of_year", "erosion_years"]
