"""Findings at scale (issue 15): open 30k findings, change 1, 50 and 1000 statuses, save.

Run by ``bench.py`` (section "findings") in its own QGIS process, or alone:
``python3 tests/bench/findings_bench.py OUT.json [N]``.  A GeoPackage workspace
gets N (default 30 000) findings through ``store_findings``; then, timed:
``load_findings`` (the rows a dock's list shows), and for 1/50/1000 findings a
status step written at once (``set_status`` on the workspace) and the dock's way
(undoable step on the layer's edit buffer + ``save_edits``).  Goals: 1 status
< 0.3 s, 1000 < 3 s.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def run(out: str, count: int = 30_000) -> dict:
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry

    app = QgsApplication([], False)
    app.initQgis()
    from xingguo_swc_plugin.core.findings import (
        CLOSED, FOUND, IDENTIFIED, load_findings, save_edits, set_status, store_findings)
    from xingguo_swc_plugin.core.results import Finding
    from xingguo_swc_plugin.core.workspace import create_workspace

    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    folder = tempfile.mkdtemp(prefix="xgswc_findings_bench_")
    workspace = create_workspace(os.path.join(folder, "bench.gpkg"), crs)
    findings = []
    for number in range(count):
        x, y = 600_000 + (number % 200) * 60.0, 2_900_000 + (number // 200) * 60.0
        findings.append(Finding(
            "B%06d" % number, "UNREGISTERED", "02", "high", "bench finding", 2500.0,
            QgsGeometry.fromWkt("POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))"
                                .format(x, y, x + 50, y + 50)),
            parcel_fid=number, township="360732100"))
    results = {"findings": count}
    start = time.perf_counter()
    store_findings(workspace, findings, crs, who="bench")
    results["store_seconds"] = time.perf_counter() - start

    start = time.perf_counter()
    rows = load_findings(workspace)
    results["open_seconds"] = time.perf_counter() - start
    assert len(rows) == count and all(row.status == FOUND for row in rows)
    fids = [row.fid for row in rows]
    offset = 0
    for batch in (1, 50, 1000):
        chosen = fids[offset:offset + batch]
        offset += batch
        start = time.perf_counter()
        changed = set_status(workspace, chosen, IDENTIFIED, "bench", "direct",
                             seen={row.fid: row.version for row in rows
                                   if row.fid in set(chosen)})
        results["direct_%d_seconds" % batch] = time.perf_counter() - start
        assert changed == batch
    for batch in (1, 50, 1000):
        chosen = fids[offset:offset + batch]
        offset += batch
        layer = workspace.layer("finding")
        start = time.perf_counter()
        layer.startEditing()
        set_status(layer, chosen, CLOSED, "bench", "dock")
        saved = save_edits(layer)
        results["dock_%d_seconds" % batch] = time.perf_counter() - start
        assert saved == batch
    after = {row.fid: row for row in load_findings(workspace)}
    assert sum(row.status == IDENTIFIED for row in after.values()) == 1051
    assert sum(row.status == CLOSED for row in after.values()) == 1051
    results["goals_met"] = (results["direct_1_seconds"] < 0.3 and
                            results["dock_1_seconds"] < 0.3 and
                            results["direct_1000_seconds"] < 3.0 and
                            results["dock_1000_seconds"] < 3.0)
    Path(out).write_text(json.dumps(results, indent=1))
    return results


def markdown(result: dict) -> str:
    if "error" in result:
        return "\n## Findings at scale\n\nerror: %s\n" % result["error"][-500:]
    lines = ["", "## Findings at scale (%d findings, GeoPackage)" % result["findings"], "",
             "| step | seconds | goal |", "|---|---|---|",
             "| store (merge) all | %.2f | |" % result["store_seconds"],
             "| open (load rows) | %.2f | |" % result["open_seconds"]]
    for way in ("direct", "dock"):
        for batch in (1, 50, 1000):
            goal = {1: "< 0.3", 1000: "< 3"}.get(batch, "")
            lines.append("| %s: %d status(es) + save | %.3f | %s |" % (
                way, batch, result["%s_%d_seconds" % (way, batch)], goal))
    lines.append("")
    lines.append("Goals met: %s" % result["goals_met"])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30_000),
                     indent=1))
