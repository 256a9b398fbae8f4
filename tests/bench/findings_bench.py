"""Findings at scale (issue 15): open 30k findings, change 1, 50 and 1000 statuses, save.

Run by ``bench.py`` (section "findings") in its own QGIS process, or alone:
``python3 tests/bench/findings_bench.py OUT.json [N]``.  A GeoPackage workspace
gets N (default 30 000) findings through ``store_findings``; then, timed:
``load_findings`` (the rows a dock's list shows), and for 1/50/1000 findings a
status step written at once (``set_status`` on the workspace) and the dock's way
(undoable step on the layer's edit buffer + ``save_edits``); finally the
inspection dock itself, shown, on the event loop (``dock_gui``): open the 30k
findings in its list, select and set 1/50/1000 statuses, save, with a QTimer
heartbeat measuring the longest time the GUI thread was blocked.  Goals: 1
status < 0.3 s, 1000 < 3 s, GUI never blocked > 0.5 s.
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
        CLOSED,
        FOUND,
        IDENTIFIED,
        load_findings,
        save_edits,
        set_status,
        store_findings,
    )
    from xingguo_swc_plugin.core.results import Finding
    from xingguo_swc_plugin.core.workspace.geopackage import create_workspace

    crs = QgsCoordinateReferenceSystem("EPSG:4547")
    folder = tempfile.mkdtemp(prefix="xgswc_findings_bench_")
    workspace = create_workspace(os.path.join(folder, "bench.gpkg"), crs)
    findings = []
    for number in range(count):
        x, y = 600_000 + (number % 200) * 60.0, 2_900_000 + (number // 200) * 60.0
        findings.append(
            Finding(
                "B%06d" % number,
                "UNREGISTERED",
                "02",
                "high",
                "bench finding",
                2500.0,
                QgsGeometry.fromWkt(
                    "POLYGON(({0} {1},{2} {1},{2} {3},{0} {3},{0} {1}))".format(
                        x, y, x + 50, y + 50
                    )
                ),
                parcel_fid=number,
                township="360732100",
            )
        )
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
        chosen = fids[offset : offset + batch]
        offset += batch
        start = time.perf_counter()
        changed = set_status(
            workspace,
            chosen,
            IDENTIFIED,
            "bench",
            "direct",
            seen={row.fid: row.version for row in rows if row.fid in set(chosen)},
        )
        results["direct_%d_seconds" % batch] = time.perf_counter() - start
        assert changed == batch
    for batch in (1, 50, 1000):
        chosen = fids[offset : offset + batch]
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
    results.update(dock_gui(workspace, fids[offset:]))
    results.update(check_gui(os.path.join(folder, "check.gpkg"), count))
    results["goals_met"] = (
        results["direct_1_seconds"] < 0.3
        and results["dock_1_seconds"] < 0.3
        and results["direct_1000_seconds"] < 3.0
        and results["dock_1000_seconds"] < 3.0
        and results["gui_1_seconds"] < 0.3
        and results["gui_1000_seconds"] < 3.0
        and results["gui_max_blocked_seconds"] < 0.5
        and results["check_max_blocked_seconds"] < 0.5
    )
    Path(out).write_text(json.dumps(results, indent=1))
    return results


def dock_gui(workspace, free_fids) -> dict:
    """The inspection dock itself, shown, on the event loop: open the findings in its
    list, select 1/50/1000 (flat list) and set their status, save.  A 5 ms QTimer
    heartbeat records the longest gap between ticks: how long the GUI thread was
    blocked at worst (every step is run from the event loop, as a click is)."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import (
        QCoreApplication,
        QEvent,
        QEventLoop,
        QItemSelection,
        QItemSelectionModel,
        QTimer,
    )

    from xingguo_swc_plugin.core.findings import IDENTIFIED, load_findings
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    layer = workspace.layer("finding")
    QgsProject.instance().addMapLayer(layer)
    from xingguo_swc_plugin.core.settings import set_setting, setting

    handler = setting("case/handler")  # the dock remembers who: restored below
    dock = InspectionDock(None)
    dock.ui.whoEdit.setText("bench")
    dock.resize(500, 900)
    dock.show()
    results: dict = {}
    ticks: list = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()

    def timed(name, action):
        def step():
            start = time.perf_counter()
            action()
            results[name] = time.perf_counter() - start

        return step

    def open_list():
        dock.ui.groupCombo.setCurrentIndex(dock.ui.groupCombo.findData(""))  # flat
        dock.refresh()  # the 30k rows read again into the list

    chosen = {}

    def select(batch):
        def action():
            wanted = set(free_fids[:batch])
            del free_fids[:batch]
            chosen[batch] = wanted
            proxy, model = dock.proxy, dock.model
            selection = QItemSelection()
            rows = sorted(proxy.mapFromSource(model.index_of(fid)).row() for fid in wanted)
            start = previous = rows[0]
            for row in rows[1:] + [None]:  # contiguous ranges, one selection change
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                selection.select(proxy.index(start, 0), proxy.index(previous, 0))
                if row is not None:
                    start = previous = row
            dock.ui.findingsTree.selectionModel().select(
                selection,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

        return action

    def change(batch):
        def action():
            assert dock.apply_status(IDENTIFIED) == batch

        return action

    def save():
        assert dock.save()

    # the parcels' compliance sync a save leaves for the next event: timed there
    batch_now = [0]
    original_sync = dock.sync_compliance

    def timed_sync():
        start = time.perf_counter()
        original_sync()
        results["gui_sync_%d_seconds" % batch_now[0]] = time.perf_counter() - start

    dock.sync_compliance = timed_sync

    steps = [timed("gui_open_seconds", open_list)]
    for batch in (1, 50, 1000):
        steps.append(timed("gui_select_%d_seconds" % batch, select(batch)))
        steps.append(timed("gui_status_%d_seconds" % batch, change(batch)))
        steps.append(lambda batch=batch: batch_now.__setitem__(0, batch))
        steps.append(timed("gui_save_%d_seconds" % batch, save))

    def next_step():
        if steps:
            steps.pop(0)()
            QTimer.singleShot(20, next_step)  # a click-like pause between steps
        else:
            loop.quit()

    heartbeat.start()
    QTimer.singleShot(20, next_step)
    loop.exec()
    heartbeat.stop()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    results["gui_max_blocked_seconds"] = max(gaps) if gaps else float("nan")
    for batch in (1, 50, 1000):  # two clicks: 设置状态 then 保存
        results["gui_%d_seconds" % batch] = (
            results["gui_status_%d_seconds" % batch]
            + results["gui_save_%d_seconds" % batch]
            + results["gui_sync_%d_seconds" % batch]
        )
    results["gui_ticks"] = len(ticks)
    if os.environ.get("XGSWC_BENCH_GAPS"):  # where the GUI thread waited (debugging)
        results["gui_gaps"] = sorted(
            ((later - earlier, earlier) for earlier, later in zip(ticks, ticks[1:])), reverse=True
        )[:5]
    stored = {row.fid: row.status for row in load_findings(workspace)}
    for batch, wanted in chosen.items():
        assert all(stored[fid] == IDENTIFIED for fid in wanted), batch
        shown = {dock.model.finding(fid).status for fid in wanted}
        assert shown == {IDENTIFIED}, (batch, shown)
    del dock.sync_compliance  # the dock's own again (cleanup calls it: not timed)
    dock.cleanup()
    set_setting("case/handler", handler)
    dock.hide()
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return results


def check_gui(path: str, parcels: int) -> dict:
    """The inspection dock's check (核查图斑) of a sample workspace of ``parcels``
    parcels, run as a click runs it (a task), the list filled at the end; a 5 ms
    heartbeat measures the longest GUI-thread block meanwhile."""
    from qgis.core import Qgis, QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from xingguo_swc_plugin.core.sampledata import generate_sample_workspace
    from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    generate_sample_workspace(path, parcels, seed=7)
    workspace = open_workspace(path)
    layers = [workspace.layer("parcel"), workspace.layer("dev_project")]
    QgsProject.instance().addMapLayers(layers)
    dock = InspectionDock(None)
    dock.show()
    dock.set_inputs(layers[0], layers[1], workspace=path)
    dock.ui.whoEdit.setText("bench")
    ticks: list = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()

    def poll():
        if dock.task is None:
            loop.quit()
        else:
            QTimer.singleShot(20, poll)

    heartbeat.start()
    start = time.perf_counter()
    assert dock.run() is not None
    QTimer.singleShot(20, poll)
    loop.exec()
    seconds = time.perf_counter() - start
    heartbeat.stop()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    results = {
        "check_parcels": parcels,
        "check_seconds": seconds,
        "check_findings": len(dock.model.rows),
        "check_max_blocked_seconds": max(gaps) if gaps else float("nan"),
    }
    assert dock.last_message[1] == Qgis.Success, dock.last_message
    dock.cleanup()
    dock.hide()
    dock.deleteLater()
    QgsProject.instance().removeAllMapLayers()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return results


def markdown(result: dict) -> str:
    if "error" in result:
        return "\n## Findings at scale\n\nerror: %s\n" % result["error"][-500:]
    lines = [
        "",
        "## Findings at scale (%d findings, GeoPackage)" % result["findings"],
        "",
        "| step | seconds | goal |",
        "|---|---|---|",
        "| store (merge) all | %.2f | |" % result["store_seconds"],
        "| open (load rows) | %.2f | |" % result["open_seconds"],
    ]
    for way in ("direct", "dock"):
        for batch in (1, 50, 1000):
            goal = {1: "< 0.3", 1000: "< 3"}.get(batch, "")
            lines.append(
                "| %s: %d status(es) + save | %.3f | %s |"
                % (way, batch, result["%s_%d_seconds" % (way, batch)], goal)
            )
    if "gui_open_seconds" in result:
        lines.append(
            "| dock (shown): open %d findings in the list | %.3f | |"
            % (result["findings"], result["gui_open_seconds"])
        )
        for batch in (1, 50, 1000):
            goal = {1: "< 0.3", 1000: "< 3"}.get(batch, "")
            lines.append(
                "| dock (shown): %d selected, set status + save + parcel sync | "
                "%.3f + %.3f + %.3f (select %.3f) | %s |"
                % (
                    batch,
                    result["gui_status_%d_seconds" % batch],
                    result["gui_save_%d_seconds" % batch],
                    result["gui_sync_%d_seconds" % batch],
                    result["gui_select_%d_seconds" % batch],
                    goal,
                )
            )
        lines.append(
            "| dock: longest GUI-thread block (heartbeat gap) | %.3f | < 0.5 |"
            % result["gui_max_blocked_seconds"]
        )
    if "check_seconds" in result:
        lines.append(
            "| dock: check %d sample parcels (%d findings), task | %.2f | |"
            % (result["check_parcels"], result["check_findings"], result["check_seconds"])
        )
        lines.append(
            "| dock: longest GUI-thread block during the check | %.3f | < 0.5 |"
            % result["check_max_blocked_seconds"]
        )
    lines.append("")
    lines.append("Goals met: %s" % result["goals_met"])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 30_000), indent=1))
