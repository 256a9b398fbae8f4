"""The figures of a township sheet, from the statistics and measures cores.

水保率, land and erosion area (``core.stats.conservation_rate``), erosion by
grade, gullies by scale and treatment status, findings by rule
(``core.stats.township_area_stats``) and the newly treated area and treated
gullies of the plan window (``core.plan.plan_progress``, the figures of the
statistics dashboard and ``measuresummary``): this module only formats them,
it never computes them another way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsFeedback,
    QgsMapLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from ..domain import codes
from ..domain.units import m2_to_hm2, m2_to_km2
from ..qgis_compat import FieldType, make_field
from ..translation import tr
from .atlas_layers import origin, table_name
from .errors import CanceledError

#: Township code and name fields of the coverage layer.
CODE_FIELD = "xzqdm"
NAME_FIELD = "xzqmc"


@dataclass
class SheetStatistics:
    """Captions of the table rows and, per township code, the formatted values."""

    captions: List[str] = field(default_factory=list)
    values: Dict[str, List[str]] = field(default_factory=dict)
    #: 水保率 per township as the statistics core returned it (percent).
    rates: Dict[str, Optional[float]] = field(default_factory=dict)
    names: Dict[str, str] = field(default_factory=dict)
    #: The plan progress the sheet shows (None without a measure table).
    progress: Optional[object] = None

    def add(self, caption: str, by_code: Dict[str, str], default: str = "0") -> None:
        self.captions.append(caption)
        for code in self.values:
            self.values[code].append(by_code.get(code, default))

    def to_json(self) -> str:
        return json.dumps(self.values, ensure_ascii=False)


def format_rate(rate: Optional[float]) -> str:
    """How a 水保率 appears on the sheet (two decimals, percent)."""
    return "" if rate is None else "{0:.2f}".format(rate)


def _number(value: float, decimals: int = 2) -> str:
    return "{0:,.{1}f}".format(value, decimals)


def stats_layers(
    layers: Sequence[QgsMapLayer], coverage: QgsVectorLayer
) -> Dict[str, QgsVectorLayer]:
    """Workspace tables the figures need: from the shown layers, else the
    workspace (GeoPackage or PostGIS) of the township layer."""
    from .measure_records import sibling_layer

    wanted = ("erosion", "benggang", "finding", "measure", "township")
    found: Dict[str, QgsVectorLayer] = {}
    for layer in layers:
        name = table_name(layer)
        if name in wanted and name not in found and isinstance(layer, QgsVectorLayer):
            found[name] = layer
    source = origin(coverage)
    for name in wanted:
        if name not in found:
            candidate = sibling_layer(source, name)
            if candidate is not None and candidate.isValid():
                found[name] = candidate
    return found


def _area_by(rows, unit=m2_to_hm2) -> Dict[Tuple[str, str], Tuple[int, float]]:
    result: Dict[Tuple[str, str], Tuple[int, float]] = {}
    for row in rows:
        key = (row.xzqdm, "" if row.klass is None else str(row.klass))
        count, area = result.get(key, (0, 0.0))
        result[key] = (count + row.feature_count, area + unit(row.area_m2))
    return result


def township_statistics(
    coverage: QgsVectorLayer,
    tables: Dict[str, QgsVectorLayer],
    feedback: Optional[QgsFeedback] = None,
    *,
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
) -> SheetStatistics:
    """The sheet's figures per township: 水保率, erosion by grade, gullies by scale
    and treatment status, plan progress of ``year_from``..``year_to`` (default:
    the plan window), findings by rule."""
    from . import stats
    from .monitoring import erosion_of_year
    from .settings import setting

    sheet = SheetStatistics()
    for feature in coverage.getFeatures():
        code = str(feature[CODE_FIELD])
        sheet.values[code] = []
        sheet.names[code] = str(feature[NAME_FIELD])
    hm2 = "hm²"

    erosion = tables.get("erosion")
    if _has_features(erosion):
        erosion, _ = erosion_of_year(erosion)  # the latest monitoring year only
        target = setting("targets/conservation_rate_percent")
        rates = stats.conservation_rate(
            coverage, CODE_FIELD, erosion, target_percent=target, feedback=feedback
        )
        by_code = {row.xzqdm: row for row in rates}
        sheet.rates = {code: row.rate_percent for code, row in by_code.items()}
        sheet.add(
            tr("Land area (km²)"),
            {c: _number(m2_to_km2(r.land_area_m2)) for c, r in by_code.items()},
        )
        sheet.add(
            tr("Soil erosion area (km²)"),
            {c: _number(m2_to_km2(r.erosion_area_m2)) for c, r in by_code.items()},
        )
        sheet.add(
            tr("Soil conservation rate (%)"),
            {c: format_rate(r.rate_percent) for c, r in by_code.items()},
            "",
        )
        sheet.add(
            tr("Target {0} %").format(_number(target, 0)),
            {
                c: (tr("met") if r.meets_target else tr("not met"))
                for c, r in by_code.items()
                if r.meets_target is not None
            },
            "",
        )
        check_canceled(feedback)
        grades = _area_by(
            stats.township_area_stats(coverage, CODE_FIELD, erosion, "qsqd", feedback=feedback)
        )
        for entry in codes.EROSION_GRADE:
            sheet.add(
                tr("Erosion {0} ({1})").format(entry.zh, hm2),
                {c: _number(a) for (c, k), (n, a) in grades.items() if k == entry.code},
            )
        check_canceled(feedback)

    gullies = tables.get("benggang")
    if _has_features(gullies):
        # one class per scale and status: a memory copy, never a filtered view of
        # the workspace (a subset string switches the GeoPackage to WAL mode)
        combined = _with_class(gullies, "gm_zlzt", ("gm", "zlzt"))
        counts = _area_by(
            stats.township_area_stats(coverage, CODE_FIELD, combined, "gm_zlzt", feedback=feedback)
        )
        check_canceled(feedback)
        for entry in codes.BENGGANG_SCALE:
            values = {}
            for code in sheet.values:
                by_status = [
                    counts.get((code, entry.code + "|" + s.code), (0, 0.0))[0]
                    for s in codes.TREATMENT_STATUS
                ]
                values[code] = "{0} ({1})".format(
                    sum(by_status),
                    " ".join(
                        "{0}{1}".format(s.zh, n) for s, n in zip(codes.TREATMENT_STATUS, by_status)
                    ),
                )
            sheet.add(tr("Collapse gullies {0} (座)").format(entry.zh), values)

    measures = tables.get("measure")
    if measures is not None and measures.isValid():
        progress = plan_figures(coverage, tables, feedback, year_from, year_to)
        rows = {row.xzqdm: row for row in progress.rows}
        sheet.progress = progress
        sheet.add(
            tr("Newly treated area {0}-{1} ({2})").format(
                progress.year_from, progress.year_to, hm2
            ),
            {c: _number(r.treated_area_hm2) for c, r in rows.items()},
        )
        sheet.add(
            tr("Treated gullies {0}-{1} (座)").format(progress.year_from, progress.year_to),
            {c: str(r.treated_gullies) for c, r in rows.items()},
        )
        check_canceled(feedback)

    findings = tables.get("finding")
    if findings is not None:
        rules = {}
        if _has_features(findings):
            rules = _area_by(
                stats.township_area_stats(coverage, CODE_FIELD, findings, "gz", feedback=feedback)
            )
        from .rules import rule_label

        rule_names = sorted({k for (_, k) in rules})
        if not rule_names:
            sheet.add(tr("Findings"), {})
        for rule in rule_names:
            sheet.add(
                tr("Findings: {0}").format(rule_label(rule)),
                {c: str(n) for (c, k), (n, _) in rules.items() if k == rule},
            )
    return sheet


def _has_features(layer: Optional[QgsVectorLayer]) -> bool:
    """Whether the layer has a feature.  The count may be unknown (-1): a
    GeoPackage switched to WAL by an edit session elsewhere fails the first
    query of a new connection, so then the answer comes from reading one."""
    if layer is None or not layer.isValid():
        return False
    count = layer.featureCount()
    if count >= 0:
        return count > 0
    request = QgsFeatureRequest().setLimit(1).setNoAttributes()
    request.setFlags(QgsFeatureRequest.NoGeometry)
    return any(True for _ in layer.getFeatures(request))


def _with_class(layer: QgsVectorLayer, name: str, fields: Sequence[str]) -> QgsVectorLayer:
    """Memory copy of ``layer`` with a text field joining ``fields`` by '|'."""
    copy = layer.materialize(QgsFeatureRequest())
    copy.dataProvider().addAttributes([make_field(name, FieldType.STRING)])
    copy.updateFields()
    index = copy.fields().indexOf(name)
    sources = [copy.fields().indexOf(f) for f in fields]
    changes = {}
    for feature in copy.getFeatures():
        changes[feature.id()] = {
            index: "|".join(
                "" if feature[i] is None or feature[i] == QVariant() else str(feature[i])
                for i in sources
            )
        }
    copy.dataProvider().changeAttributeValues(changes)
    return copy


def plan_figures(
    coverage: QgsVectorLayer,
    tables: Dict[str, QgsVectorLayer],
    feedback: Optional[QgsFeedback],
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
):
    """``core.plan.plan_progress`` per sheet: per township, or per zone when the
    coverage is another zoning (small watersheds) of the workspace."""
    from .dashboard import is_township_zoning
    from .measure_records import layer_key
    from .plan import plan_progress

    measures = tables["measure"]
    targets = {name: layer for name, layer in tables.items() if name != "measure"}
    targets.update({layer_key(layer): layer for layer in tables.values()})
    gullies = tables.get("benggang")
    if is_township_zoning(coverage, CODE_FIELD):
        return plan_progress(
            measures, coverage, gullies, year_from, year_to, feedback, targets=targets
        )
    return plan_progress(
        measures,
        tables.get("township"),
        gullies,
        year_from,
        year_to,
        feedback,
        zones=coverage,
        zone_field=CODE_FIELD,
        targets=targets,
    )


def check_canceled(feedback: Optional[QgsFeedback]) -> None:
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
