"""The inspection workflow on both workspace backends, with the same test bodies.

import projects → validate (merging into the workspace) → store findings → case
status through 查-认-改-罚 → re-run keeps the case → export; then two inspectors
(optimistic concurrency on the row version) and two runs merging at once — on a
GeoPackage and on a real PostGIS server reached through two connections.
"""

from __future__ import annotations

import csv
import threading
import time

import processing
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from validation_data import (
    EXPECTED,
    PARCEL_FIELDS,
    box,
    make_parcels,
    make_projects,
    parcel_rows,
    parcel_uuid,
    write_layer,
)

from xingguo_swc_plugin.core.findings import (
    CLOSED,
    FOUND,
    IDENTIFIED,
    PENALISED,
    RECTIFIED,
    ConflictError,
    export_findings,
    load_findings,
    save_edits,
    set_status,
    store_findings,
)
from xingguo_swc_plugin.core.validation import parcel_ids, validate_parcels
from xingguo_swc_plugin.core.workspace.open import workspace_of
from xingguo_swc_plugin.domain import codes

TOTAL = sum(len(areas) for areas in EXPECTED.values())


def by_key(workspace):
    return {row.key: row for row in load_findings(workspace)}


def validate(backend, parcels, projects, who="张三"):
    return processing.run(
        "xingguoswc:validateparcels",
        {
            "PARCELS": parcels,
            "PROJECTS": projects,
            "OUTPUT": "TEMPORARY_OUTPUT",
            "HANDLER": who,
            **backend.params,
        },
    )


def test_whole_inspection_workflow(backend, tmp_path):
    workspace = backend.workspace()
    imported = processing.run(
        "xingguoswc:importprojects", {"INPUT": make_projects(tmp_path), **backend.params}
    )
    assert imported["IMPORTED"] == 3
    projects = workspace.layer("dev_project")
    assert projects.featureCount() == 3
    parcels = make_parcels(tmp_path)

    result = validate(backend, parcels, projects)
    assert (result["ADDED"], result["KEPT"], result["REMOVED"]) == (TOTAL, 0, 0)
    table = by_key(workspace)
    assert len(table) == TOTAL
    assert {row.status for row in table.values()} == {FOUND}
    assert {row.version for row in table.values()} == {1}
    excess = table[("T05", "EXCEEDS_APPROVED")]
    assert excess.area_m2 == pytest.approx(5000.0) and excess.handler == "张三"
    layer = workspace.layer("finding")
    stored = {(f["tbbh"], f["gz"]): f for f in layer.getFeatures()}
    assert stored[("T05", "EXCEEDS_APPROVED")].geometry().area() == pytest.approx(5000.0)
    assert stored[("T10", "INVALID_GEOMETRY")].geometry().isEmpty()

    # 查 → 认 → 改 → 罚 → 销号, each step with who and note, on the stored row
    for status, who, note in (
        (IDENTIFIED, "李四", "现场核实"),
        (RECTIFIED, "王五", "已整改"),
        (PENALISED, "赵六", "罚款"),
        (CLOSED, "赵六", "销号"),
    ):
        assert set_status(workspace, [excess.fid], status, who, note) == 1
    row = by_key(workspace)[("T05", "EXCEEDS_APPROVED")]
    assert (row.status, row.handler, row.note, row.version) == (CLOSED, "赵六", "销号", 5)
    assert [(s["from"], s["to"], s["who"]) for s in row.history()[1:]] == [
        (FOUND, IDENTIFIED, "李四"),
        (IDENTIFIED, RECTIFIED, "王五"),
        (RECTIFIED, PENALISED, "赵六"),
        (PENALISED, CLOSED, "赵六"),
    ]
    # an edit-mode step (the dock's way), saved through the same core path
    unregistered = by_key(workspace)[("T02", "UNREGISTERED")]
    layer = workspace.layer("finding")
    layer.startEditing()
    assert set_status(layer, [unregistered.fid], IDENTIFIED, "李四", "待整改") == 1
    assert save_edits(layer) == 1 and not layer.isEditable()
    saved = by_key(workspace)[("T02", "UNREGISTERED")]
    assert (saved.status, saved.handler, saved.version) == (IDENTIFIED, "李四", 2)
    assert saved.handled_at[:4].isdigit()

    # a re-run keeps every case, its status and history
    again = validate(backend, parcels, projects)
    assert (again["ADDED"], again["KEPT"], again["REMOVED"]) == (0, TOTAL, 0)
    after = by_key(workspace)
    assert after[("T05", "EXCEEDS_APPROVED")].status == CLOSED
    assert after[("T05", "EXCEEDS_APPROVED")].history() == row.history()
    assert after[("T02", "UNREGISTERED")].status == IDENTIFIED

    exported = export_findings(workspace, str(tmp_path / "findings.csv"))
    with open(exported, encoding="utf-8-sig") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == TOTAL + 1
    t05 = [line for line in lines if line[1] == "T05"][0]  # after the finding ID
    assert codes.CASE_STATUS.label(CLOSED) in t05 and "赵六" in t05


def test_second_save_of_the_same_finding_is_refused(backend, tmp_path):
    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    store_findings(
        backend.workspace(), validate_parcels(parcels, projects), parcels.crs(), who="张三"
    )
    table = by_key(backend.workspace())
    fid = table[("T02", "UNREGISTERED")].fid
    other = table[("T03", "UNREGISTERED")].fid
    # two inspectors, two sessions (own layers, own connections)
    first, second = backend.workspace().layer("finding"), backend.workspace().layer("finding")
    for layer in (first, second):
        layer.startEditing()
    set_status(first, [fid], IDENTIFIED, "李四", "甲")
    set_status(second, [fid], IDENTIFIED, "王五", "乙")
    set_status(second, [other], IDENTIFIED, "王五", "乙")
    assert save_edits(first) == 1
    with pytest.raises(ConflictError) as error:
        save_edits(second)
    message = str(error.value)
    assert "T02" in message and "李四" in message
    assert by_key(backend.workspace())[("T02", "UNREGISTERED")].handled_at[:10] in message
    now = by_key(backend.workspace())
    assert now[("T02", "UNREGISTERED")].handler == "李四"
    assert now[("T03", "UNREGISTERED")].status == FOUND  # nothing of the refused save
    assert second.isEditable() and second.isModified()  # the step is not lost

    # different findings save side by side
    third, fourth = backend.workspace().layer("finding"), backend.workspace().layer("finding")
    for layer in (third, fourth):
        layer.startEditing()
    set_status(third, [table[("T04", "LOCATION_CHANGED")].fid], IDENTIFIED, "李四")
    set_status(fourth, [other], IDENTIFIED, "王五")
    assert save_edits(third) == 1 and save_edits(fourth) == 1
    now = by_key(backend.workspace())
    assert now[("T04", "LOCATION_CHANGED")].handler == "李四"
    assert now[("T03", "UNREGISTERED")].handler == "王五"

    # the direct API: the version the user saw is compared
    seen = {fid: now[("T02", "UNREGISTERED")].version}
    assert set_status(backend.workspace(), [fid], RECTIFIED, "李四", seen=seen) == 1
    with pytest.raises(ConflictError, match="李四"):
        set_status(backend.workspace(), [fid], PENALISED, "王五", seen=seen)
    assert by_key(backend.workspace())[("T02", "UNREGISTERED")].status == RECTIFIED


def test_two_runs_merging_at_once_do_not_duplicate(backend, tmp_path):
    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    findings = validate_parcels(parcels, projects)
    scope = parcel_ids(parcels, "tbbh")
    workspaces = [backend.workspace(), backend.workspace()]
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run(workspace):
        try:
            barrier.wait()
            results.append(store_findings(workspace, findings, parcels.crs(), scope, "张三"))
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(ws,)) for ws in workspaces]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 300
    while any(thread.is_alive() for thread in threads) and time.monotonic() < deadline:
        QCoreApplication.processEvents()  # as the desktop does while its tasks run
        time.sleep(0.01)
    assert not any(thread.is_alive() for thread in threads), "the merges did not end"
    assert not errors, errors
    assert sorted(result.added for result in results) == [0, TOTAL]
    assert sorted(result.kept for result in results) == [0, TOTAL]
    rows = load_findings(backend.workspace())
    assert len(rows) == TOTAL
    assert len({row.key for row in rows}) == TOTAL


def test_duplicate_parcel_ids_are_refused_and_nothing_changes(backend, tmp_path):
    projects = make_projects(tmp_path)
    validate(backend, make_parcels(tmp_path), projects)
    set_status(
        backend.workspace(),
        [by_key(backend.workspace())[("T02", "UNREGISTERED")].fid],
        IDENTIFIED,
        "李四",
    )
    before = sorted((r.key, r.status, r.version) for r in load_findings(backend.workspace()))
    rows = parcel_rows() + [
        (
            {"uuid": parcel_uuid("T11"), "tbbh": "T02", "xmbh": "", "xzqdm": "360732100"},
            box(1200, 0, 1250, 50),
        )
    ]
    twins = write_layer(tmp_path / "twins.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, rows)
    with pytest.raises(QgsProcessingException, match="T02"):
        validate(backend, twins, projects)
    with pytest.raises(Exception, match="T02"):
        store_findings(backend.workspace(), validate_parcels(twins, projects), twins.crs())
    after = sorted((r.key, r.status, r.version) for r in load_findings(backend.workspace()))
    assert after == before


def test_workspace_of_a_layer_is_its_workspace(backend):
    workspace = backend.workspace()
    again = workspace_of(workspace.layer("finding"))
    assert again.backend == backend.kind
    assert again.schema_version() == workspace.schema_version()
    assert isinstance(again.layer("parcel"), QgsVectorLayer)


def test_a_step_touches_only_its_rows_and_a_canceled_merge_nothing(backend, tmp_path):
    from qgis.core import QgsFeedback

    from xingguo_swc_plugin.core.errors import SwcError

    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    findings = validate_parcels(parcels, projects)
    store_findings(backend.workspace(), findings, parcels.crs(), who="张三")
    before = {row.fid: row for row in load_findings(backend.workspace())}
    chosen = sorted(before)[:2]
    assert set_status(backend.workspace(), chosen, IDENTIFIED, "李四") == 2
    after = {row.fid: row for row in load_findings(backend.workspace())}
    assert {fid for fid in before if after[fid] != before[fid]} == set(chosen)

    feedback = QgsFeedback()
    feedback.cancel()
    with pytest.raises(SwcError, match="Canceled"):
        store_findings(
            backend.workspace(), findings[:3], parcels.crs(), scope=None, feedback=feedback
        )
    assert {row.fid: row for row in load_findings(backend.workspace())} == after
