"""Inspection dock, step "与上期比较" (issue 17): compare with the previous
delivery, new and grown parcels listed first, validate only those."""

from __future__ import annotations

import test_validation_dock as base
from qgis.core import QgsProject
from validation_data import PARCEL_FIELDS, PARCELS, box, write_layer

dock = base.dock  # the inspection dock fixture, shared
run_and_wait = base.run_and_wait


def _previous(folder):
    rows = []
    for pid, (project, rect) in PARCELS.items():
        if pid in ("T02", "T03"):
            continue  # new this year
        if pid == "T05":
            rect = (350, 0, 400, 100)  # grew to (350, 0, 450, 100)
        rows.append(({"tbbh": pid, "xmbh": project}, box(*rect)))
    return write_layer(folder / "previous.gpkg", "previous", "MultiPolygon", PARCEL_FIELDS, rows)


def test_compare_then_validate_only_new_and_grown(qtbot, dock, tmp_path):
    previous = _previous(tmp_path)
    QgsProject.instance().addMapLayer(previous)
    step = dock.change_step
    step.previousCombo.setLayer(previous)
    assert step.compare() is not None
    qtbot.waitUntil(lambda: step.task is None, timeout=60000)
    listed = [step.changedList.item(i).text() for i in range(step.changedList.count())]
    assert listed[0].startswith("新增") and any(t.startswith("扩大 T05") for t in listed)
    assert {t.split()[1].rstrip(":") for t in listed} >= {"T02", "T03", "T05"}
    assert "扩大 1" in step.summaryLabel.text()
    step.onlyChangedCheck.setChecked(True)
    run_and_wait(qtbot, dock)
    found, _ = dock.last_result
    parcels = {f.parcel_id for f in found}
    assert {"T02", "T03", "T05"} <= parcels
    assert not parcels & {"T01", "T04", "T07", "T08"}  # unchanged: not validated


def test_validate_only_needs_a_comparison(qtbot, dock):
    dock.change_step.onlyChangedCheck.setChecked(True)
    assert dock.run() is None
    assert dock.iface.bar.items()
