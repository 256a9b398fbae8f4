"""The workspace finding table: store, re-run keeps statuses, 查-认-改-罚 steps."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from validation_data import (
    EXPECTED,
    PARCEL_FIELDS,
    make_parcels,
    make_projects,
    parcel_rows,
    write_layer,
)

from xingguo_swc_plugin.core.errors import InputError
from xingguo_swc_plugin.core.findings import (
    CLOSED,
    FOUND,
    IDENTIFIED,
    NOT_DETECTED,
    RECTIFIED,
    history,
    set_status,
    store_findings,
)
from xingguo_swc_plugin.core.validation import validate_parcels
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace

TOTAL = sum(len(areas) for areas in EXPECTED.values())


def rows(workspace):
    layer = open_workspace(workspace).layer("finding")
    return {(f["tbbh"], f["gz"]): f for f in layer.getFeatures()}


def fid_of(workspace, parcel_id, rule):
    return rows(workspace)[(parcel_id, rule)].id()


@pytest.fixture
def stored(empty_workspace, tmp_path):
    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    findings = validate_parcels(parcels, projects)
    result = store_findings(empty_workspace, findings, parcels.crs(), who="张三")
    return empty_workspace, parcels, projects, result


def test_store_writes_every_finding(stored):
    workspace, parcels, _, result = stored
    assert (result.added, result.kept, result.removed) == (TOTAL, 0, 0)
    table = rows(workspace)
    assert len(table) == TOTAL
    unregistered = table[("T02", "UNREGISTERED")]
    assert unregistered["hgx"] == "02" and unregistered["zt"] == FOUND
    assert unregistered["mj"] == pytest.approx(2500.0)
    assert unregistered["czr"] == "张三"
    assert unregistered["xzqdm"] == "360732100"
    assert table[("T05", "EXCEEDS_APPROVED")].geometry().area() == pytest.approx(5000.0)
    steps = history(unregistered["lsjl"])
    assert steps[0]["to"] == FOUND and steps[0]["from"] is None
    assert table[("T10", "INVALID_GEOMETRY")].geometry().isEmpty()


def test_status_steps_keep_who_when_note(stored):
    workspace = stored[0]
    layer = open_workspace(workspace).layer("finding")
    fid = fid_of(workspace, "T02", "UNREGISTERED")
    assert set_status(layer, [fid], IDENTIFIED, "李四", "现场核实") == 1
    assert set_status(layer, [fid], RECTIFIED, "王五", "已补办手续") == 1
    row = rows(workspace)[("T02", "UNREGISTERED")]
    assert row["zt"] == RECTIFIED and row["czr"] == "王五" and row["clyj"] == "已补办手续"
    steps = history(row["lsjl"])
    assert [(s["from"], s["to"], s["who"], s["note"]) for s in steps[1:]] == [
        (FOUND, IDENTIFIED, "李四", "现场核实"),
        (IDENTIFIED, RECTIFIED, "王五", "已补办手续"),
    ]
    assert all(step["when"] for step in steps)


def test_forbidden_step_changes_nothing(stored):
    workspace = stored[0]
    layer = open_workspace(workspace).layer("finding")
    fids = [fid_of(workspace, "T02", "UNREGISTERED"), fid_of(workspace, "T03", "UNREGISTERED")]
    set_status(layer, fids[:1], IDENTIFIED, "李四")
    with pytest.raises(InputError) as error:
        set_status(layer, fids, IDENTIFIED, "李四")  # T02 is already 已认定
    assert "T02" in str(error.value)
    assert rows(workspace)[("T03", "UNREGISTERED")]["zt"] == FOUND
    with pytest.raises(InputError):
        set_status(layer, fids[1:], RECTIFIED, "李四")  # 待核查 cannot jump to 已整改
    with pytest.raises(InputError):
        set_status(layer, fids[1:], IDENTIFIED, "  ")  # nobody
    assert set_status(layer, fids[1:], CLOSED, "李四", "误报") == 1  # false alarm


def test_rerun_keeps_status_and_history(stored):
    workspace, parcels, projects, _ = stored
    layer = open_workspace(workspace).layer("finding")
    fid = fid_of(workspace, "T05", "EXCEEDS_APPROVED")
    set_status(layer, [fid], IDENTIFIED, "李四", "超出批复范围")
    before = rows(workspace)[("T05", "EXCEEDS_APPROVED")]
    result = store_findings(
        workspace, validate_parcels(parcels, projects), parcels.crs(), who="张三"
    )
    assert (result.added, result.kept, result.removed, result.stale) == (0, TOTAL, 0, 0)
    after = rows(workspace)[("T05", "EXCEEDS_APPROVED")]
    assert after["uuid"] == before["uuid"]
    assert after["zt"] == IDENTIFIED and after["czr"] == "李四"
    assert history(after["lsjl"]) == history(before["lsjl"])
    assert len(rows(workspace)) == TOTAL


def test_rerun_after_fixes(stored, tmp_path):
    """T02 gets registered (untouched finding disappears), T03 too (its case is
    kept, marked no longer detected), T04 is still elsewhere."""
    workspace, _, projects, _ = stored
    layer = open_workspace(workspace).layer("finding")
    set_status(layer, [fid_of(workspace, "T03", "UNREGISTERED")], IDENTIFIED, "李四")
    fixed = []
    for attributes, wkt in parcel_rows():
        if attributes["tbbh"] in ("T02", "T03"):
            attributes = dict(attributes, xmbh="P9")
        fixed.append((attributes, wkt))
    from validation_data import PROJECT_FIELDS, PROJECTS, box

    projects2 = write_layer(
        tmp_path / "projects2.gpkg",
        "projects",
        "MultiPolygon",
        PROJECT_FIELDS,
        [({"xmbh": n, "xmmc": n}, box(*r)) for n, r in PROJECTS.items()]
        + [({"xmbh": "P9", "xmmc": "P9"}, box(990, -10, 1200, 60))],
    )
    parcels2 = write_layer(
        tmp_path / "parcels2.gpkg", "parcels", "MultiPolygon", PARCEL_FIELDS, fixed
    )
    findings = validate_parcels(parcels2, projects2)
    result = store_findings(workspace, findings, parcels2.crs(), who="张三")
    assert (result.removed, result.stale, result.added) == (1, 1, 0)
    table = rows(workspace)
    assert ("T02", "UNREGISTERED") not in table
    stale = table[("T03", "UNREGISTERED")]
    assert stale["zt"] == IDENTIFIED
    assert history(stale["lsjl"])[-1]["event"] == NOT_DETECTED
    # a second identical run does not add another "no longer detected" entry
    store_findings(workspace, findings, parcels2.crs(), who="张三")
    assert len(history(rows(workspace)[("T03", "UNREGISTERED")]["lsjl"])) == len(
        history(stale["lsjl"])
    )


def test_scope_limits_what_a_run_may_remove(stored):
    workspace = stored[0]
    result = store_findings(
        workspace, [], QgsCoordinateReferenceSystem("EPSG:4547"), scope=["T02", "T03"]
    )
    assert result.removed == 2
    assert len(rows(workspace)) == TOTAL - 2


def test_status_in_edit_mode_is_undoable(stored):
    workspace = stored[0]
    layer = open_workspace(workspace).layer("finding")
    fid = fid_of(workspace, "T04", "LOCATION_CHANGED")
    layer.startEditing()
    set_status(layer, [fid], IDENTIFIED, "李四", "note")
    assert layer.getFeature(fid)["zt"] == IDENTIFIED
    layer.undoStack().undo()
    assert layer.getFeature(fid)["zt"] == FOUND
    layer.undoStack().redo()
    assert layer.commitChanges()
    assert rows(workspace)[("T04", "LOCATION_CHANGED")]["zt"] == IDENTIFIED


def test_findings_in_another_crs_are_reprojected(empty_workspace, tmp_path):
    import processing

    make_parcels(tmp_path)
    out = str(tmp_path / "parcels_4490.gpkg")
    processing.run(
        "native:reprojectlayer",
        {"INPUT": str(tmp_path / "parcels.gpkg"), "TARGET_CRS": "EPSG:4490", "OUTPUT": out},
    )
    parcels = QgsVectorLayer(out, "parcels", "ogr")
    findings = validate_parcels(parcels, make_projects(tmp_path))
    store_findings(empty_workspace, findings, parcels.crs())
    geometry = rows(empty_workspace)[("T05", "EXCEEDS_APPROVED")].geometry()
    assert geometry.area() == pytest.approx(5000.0, rel=1e-3)  # metres again
