"""`make demo` step: plan progress, 双下降 per township and the township assessment
on the sample workspace (synthetic geometry), through the Processing algorithms;
the assessment workbook goes to out/plan/township_assessment.xlsx."""

from __future__ import annotations

from pathlib import Path
from typing import List


def run(workspace: str, out: Path) -> List[str]:
    import processing
    from qgis.core import QgsVectorLayer

    from xingguo_swc_plugin.core.assessment import township_assessment
    from xingguo_swc_plugin.core.monitoring import erosion_years
    from xingguo_swc_plugin.core.settings import plan_window
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

    def layer(name: str) -> QgsVectorLayer:
        return QgsVectorLayer(workspace + "|layername=" + name, name, "ogr")

    folder = out / "plan"
    folder.mkdir(parents=True, exist_ok=True)
    first, last = plan_window()
    lines = []
    progress = processing.run(
        "xingguoswc:planprogress", {"MEASURES": layer("measure"), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    county = list(progress["OUTPUT"].getFeatures())[-1]
    lines.append(
        "Plan progress %d-%d (county %s): newly treated %.2f hm² of %.0f hm² "
        "(%.2f %%), re-treated %.2f hm², treated gullies %d of %d 座, new "
        "farmland %.2f hm²"
        % (
            first,
            last,
            county["xzqdm"],
            county["treated_area_hm2"],
            county["target_area_hm2"],
            county["area_progress_percent"],
            county["retreated_area_hm2"],
            county["treated_gullies"],
            county["target_gullies"],
            county["new_farmland_hm2"],
        )
    )
    if layer("watershed").featureCount() > 0:
        zones = processing.run(
            "xingguoswc:planprogress",
            {
                "MEASURES": layer("measure"),
                "ZONES": layer("watershed"),
                "ZONE_FIELD": "lydm",
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        for row in list(zones["OUTPUT"].getFeatures())[:-1]:
            lines.append(
                "  small watershed %s %s: newly treated %.2f hm², treated gullies "
                "%d 座"
                % (row["xzqdm"], row["xzqmc"], row["treated_area_hm2"], row["treated_gullies"])
            )
    years, _ = erosion_years(layer("erosion"))
    if len(years) >= 2:
        change = processing.run(
            "xingguoswc:erosionchange",
            {
                "TOWNSHIPS": layer("township"),
                "EROSION": layer("erosion"),
                "YEAR_A": years[0],
                "YEAR_B": years[-1],
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )
        lines.append(
            "双下降 %d -> %d (erosion hm², grade >= 3 hm², mean grade, 水保率 %%):"
            % (years[0], years[-1])
        )
        for row in change["OUTPUT"].getFeatures():
            lines.append(
                "  %s %-6s %8.1f -> %8.1f  %8.1f -> %8.1f  %.2f -> %.2f  "
                "%.2f -> %.2f  %s"
                % (
                    row["xzqdm"],
                    row["xzqmc"],
                    row["eroded_a_hm2"],
                    row["eroded_b_hm2"],
                    row["severe_a_hm2"],
                    row["severe_b_hm2"],
                    row["mean_grade_a"] or 0.0,
                    row["mean_grade_b"] or 0.0,
                    row["rate_a"],
                    row["rate_b"],
                    "双下降" if row["double_decline"] else "-",
                )
            )
    path = folder / "township_assessment.xlsx"
    processing.run("xingguoswc:townshipassessment", {"WORKSPACE": workspace, "OUTPUT": str(path)})
    lines.append("Township assessment %d-%d: %s" % (first, last, path))
    assessment = township_assessment(open_workspace(workspace), first, last)
    lines.append(
        "  year xzqdm     rate%/target  area hm²/target  gullies/target  closure%/target  unmet"
    )

    def pair(row, item, digits):
        value, target = row.achieved.get(item), row.target.get(item)
        shown = "-" if value is None else "%.*f" % (digits, value)
        return "%s/%s" % (shown, "-" if target is None else "%.*f" % (digits, target))

    for row in assessment.rows:
        lines.append(
            "  %d %s %-13s %-16s %-15s %-16s %s"
            % (
                row.year,
                row.xzqdm,
                pair(row, "rate", 1),
                pair(row, "area", 1),
                pair(row, "gullies", 0),
                pair(row, "closure", 0),
                ",".join(row.unmet) or "-",
            )
        )
    return lines
