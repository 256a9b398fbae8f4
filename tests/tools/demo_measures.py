"""Demo: treatment measure summary of the sample workspace (``make demo``).

Writes ``out/measures/measure_summary.csv`` (the Processing OUTPUT table) and
``out/measures/summary.txt`` (county figures against the 2025 targets), and
tags a copy of the sample's untreated gullies to show the one-step undo.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import List


def run(workspace: str, out: Path) -> List[str]:
    import processing

    from xingguo_swc_plugin.core import measure_summary as core
    from xingguo_swc_plugin.core.measure_tagging import tag_features
    from xingguo_swc_plugin.core.settings import plan_window
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.domain import codes

    folder = out / "measures"
    folder.mkdir(parents=True, exist_ok=True)
    table = folder / "measure_summary.csv"
    if table.exists():
        table.unlink()
    ws = open_workspace(workspace)
    result = processing.run(
        "xingguoswc:measuresummary",
        {"MEASURES": ws.uri("measure"), "TOWNSHIPS": ws.uri("township"), "OUTPUT": str(table)},
    )
    summary = core.measure_summary(ws.layer("measure"), ws.layer("township"))
    lines = [
        "Treatment measures {0}-{1} (plan window, synthetic sample data):".format(*plan_window()),
        "  records {0}, treated features {1}, treated area {2:.2f} hm² = {3:.3f} km² "
        "({4:.2f} % of the {5:g} km² target)".format(
            result["RECORDS"],
            result["TREATED_FEATURES"],
            result["TREATED_AREA_HM2"],
            summary.treated_area_hm2 / 100.0,
            summary.area_progress_percent() or 0.0,
            (summary.target_area_hm2 or 0.0) / 100.0,
        ),
        "  treated collapse gullies {0} 座 ({1:.1f} % of {2})".format(
            result["TREATED_GULLIES"],
            summary.gully_progress_percent() or 0.0,
            summary.target_gullies,
        ),
    ]
    for total in summary.by_measure.values():
        lines.append(
            "  {0} {1}: {2:.2f} {3} in {4} records".format(
                total.csdm,
                total.csmc,
                total.quantity,
                codes.MEASURE_UNIT.label(total.dw, total.dw),
                total.records,
            )
        )

    # tag the untreated gullies of one township on a copy, then undo in one step
    copy = folder / "tagging_copy.gpkg"
    if copy.exists():
        copy.unlink()
    # sqlite's backup reads through an open WAL, a file copy may miss recent writes
    source, target = sqlite3.connect(workspace), sqlite3.connect(str(copy))
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    copy_ws = open_workspace(str(copy))
    gullies, measure = copy_ws.layer("benggang"), copy_ws.layer("measure")
    before = measure.featureCount()
    ids = [f.id() for f in gullies.getFeatures() if f["zlzt"] == "0"][:10]
    records = tag_features(measure, gullies, ids, "V01", None, 2025, "演示项目", "县级配套")
    after = measure.featureCount()
    measure.undoStack().undo()
    lines.append(
        "  tagging demo: {0} gullies tagged with V01 ({1:.4f} hm² in total), "
        "records {2} -> {3}, one undo -> {4}".format(
            len(records), sum(r.sl for r in records), before, after, measure.featureCount()
        )
    )
    measure.rollBack()
    (folder / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines.append("  written: {0}, {1}".format(table, folder / "summary.txt"))
    return lines
