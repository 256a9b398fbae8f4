"""The measure taxonomy of a workspace (table ``measure_type``).

Read from the workspace (seeded with ``domain.measures.SEED_MEASURES``), so a
row the bureau adds there is usable without a code change.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Iterable, List, Optional

from qgis.core import QgsVectorLayer

from ..domain import codes
from ..domain.measures import SEED_MEASURES, MeasureType
from ..translation import tr
from .errors import InputError
from .measure_records import sibling_layer, text_value
from .workspace.schema import MEASURE_TYPE


class Taxonomy:
    """The measures of a workspace by code, in table order."""

    def __init__(self, measures: Iterable[MeasureType]):
        self.measures: OrderedDict[str, MeasureType] = OrderedDict(
            (measure.code, measure) for measure in measures
        )

    def __contains__(self, code: object) -> bool:
        return code in self.measures

    def __len__(self) -> int:
        return len(self.measures)

    def __iter__(self):
        return iter(self.measures.values())

    def get(self, code: str) -> MeasureType:
        """The measure of ``code``; InputError naming the code when unknown."""
        measure = self.measures.get(code)
        if measure is None:
            raise InputError(
                tr("Unknown measure {0}: it is not in the measure taxonomy.").format(code)
            )
        return measure

    def by_class(self) -> OrderedDict[str, List[MeasureType]]:
        """Measures grouped by class code, classes in MEASURE_CLASS order."""
        order = list(codes.MEASURE_CLASS.codes())
        groups: OrderedDict[str, List[MeasureType]] = OrderedDict()
        for measure in sorted(
            self.measures.values(),
            key=lambda m: (
                order.index(m.measure_class) if m.measure_class in order else len(order),
                m.measure_class,
            ),
        ):
            groups.setdefault(measure.measure_class, []).append(measure)
        return groups


def load_taxonomy(source: Optional[QgsVectorLayer]) -> Taxonomy:
    """Taxonomy from a ``measure_type`` layer, or from the workspace of a measure layer.

    ``source`` may be the taxonomy table itself or any table of the workspace
    (e.g. the measure table).  Falls back to the SPEC seed only when the
    workspace has no taxonomy table (a measure table from elsewhere).
    """
    if source is None or not source.isValid():
        return Taxonomy(SEED_MEASURES)
    table = source
    if source.fields().indexOf("csmc") < 0:
        table = sibling_layer(source, MEASURE_TYPE.name)
        if table is None:
            return Taxonomy(SEED_MEASURES)
    measures = []
    has_flag = table.fields().indexOf("tt") >= 0
    seed_terraces = {m.code for m in SEED_MEASURES if m.terrace}
    for feature in table.getFeatures():
        code = text_value(feature["csdm"])
        if not code:
            continue
        # the table's terrace flag; a table without it (older workspace) or a NULL
        # flag: the SPEC seed's flag for that code
        flag = text_value(feature["tt"]) if has_flag else ""
        terrace = flag not in ("", "0") if flag else code in seed_terraces
        measures.append(
            MeasureType(
                code=code,
                measure_class=text_value(feature["cslb"]),
                zh=text_value(feature["csmc"]),
                en=text_value(feature["csmc_en"]) if table.fields().indexOf("csmc_en") >= 0 else "",
                unit=text_value(feature["dw"]),
                terrace=terrace,
            )
        )
    return Taxonomy(measures)


__all__ = ["Taxonomy", "load_taxonomy"]
