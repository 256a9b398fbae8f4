"""The inspection dock's findings list (model/view) on a real dock and workspace.

Findings are stored with ``store_findings`` (known parcels, rules, townships) and
stepped with ``set_status``; what the list shows under each filter is compared with
a count made independently from ``load_findings`` rows.
"""

from __future__ import annotations

import pytest
from iface_stand_in import DesktopIface
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsFeedback, QgsGeometry, QgsProject
from qgis.PyQt.QtCore import Qt
from validation_data import CRS, box, make_parcels, make_projects

from xingguo_swc_plugin.core.findings import (
    CLOSED,
    FOUND,
    IDENTIFIED,
    load_findings,
    set_status,
    store_findings,
)
from xingguo_swc_plugin.core.results import Finding
from xingguo_swc_plugin.core.rules import rule_label
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace
from xingguo_swc_plugin.domain import codes
from xingguo_swc_plugin.gui.findings_model import STATUS, STATUS_ROLE

TOWNSHIPS = ("360732100", "360732101", "360732200")  # 潋江镇, 江背镇, 兴江乡
RULES = ("UNREGISTERED", "EXCEEDS_APPROVED", "OVERLAP")


def _findings(count: int):
    for number in range(count):
        yield Finding(
            "P%03d" % number,
            RULES[number % 3],
            "02" if number % 3 == 0 else None,
            "high",
            "m",
            100.0 + number,
            QgsGeometry.fromWkt(box(number * 20, 0, number * 20 + 10, 10)),
            parcel_fid=number,
            township=TOWNSHIPS[(number // 3) % 3],
        )


@pytest.fixture
def listed(qtbot, empty_workspace):
    """A dock over 60 stored findings, some moved on (IDENTIFIED, CLOSED)."""
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    store_findings(
        empty_workspace, list(_findings(60)), QgsCoordinateReferenceSystem(CRS), who="张三"
    )
    rows = load_findings(empty_workspace)
    set_status(empty_workspace, [row.fid for row in rows[:10]], IDENTIFIED, "李四", "认定")
    set_status(empty_workspace, [row.fid for row in rows[10:14]], CLOSED, "李四", "误报")
    workspace = open_workspace(empty_workspace)
    layer = workspace.layer("finding")
    QgsProject.instance().addMapLayer(layer)
    iface = DesktopIface()
    dock = InspectionDock(iface, iface.window)
    qtbot.addWidget(dock)
    dock.use_workspace({"finding": layer})
    dock.ui.whoEdit.setText("王五")
    yield dock
    dock.cleanup()
    QgsProject.instance().removeAllMapLayers()


def _shown_fids(dock):
    proxy, tree = dock.proxy, dock.ui.findingsTree
    fids = []
    for group in range(proxy.rowCount()):
        parent = proxy.index(group, 0)
        if proxy.rowCount(parent):
            fids += [
                proxy.fid(proxy.index(row, 0, parent)) for row in range(proxy.rowCount(parent))
            ]
        elif proxy.fid(parent) is not None:  # a flat list
            fids.append(proxy.fid(parent))
    assert tree.model() is proxy
    return fids


def _choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_filters_show_what_an_independent_count_says(listed):
    dock = listed
    rows = load_findings(dock.workspace_path())
    assert len(_shown_fids(dock)) == len(rows) == 60
    _choose(dock.ui.statusFilterCombo, IDENTIFIED)
    assert sorted(_shown_fids(dock)) == sorted(r.fid for r in rows if r.status == IDENTIFIED)
    _choose(dock.ui.townshipFilterCombo, "360732101")
    expected = sorted(r.fid for r in rows if r.status == IDENTIFIED and r.township == "360732101")
    assert expected and sorted(_shown_fids(dock)) == expected
    assert dock.ui.townshipFilterCombo.currentText() == "江背镇"  # names, not codes
    _choose(dock.ui.statusFilterCombo, "")
    _choose(dock.ui.ruleFilterCombo, "OVERLAP")
    assert sorted(_shown_fids(dock)) == sorted(
        r.fid for r in rows if r.rule == "OVERLAP" and r.township == "360732101"
    )
    _choose(dock.ui.townshipFilterCombo, "")
    _choose(dock.ui.ruleFilterCombo, "")
    dock.ui.idFilterEdit.setText("p00")  # case-insensitive part of the parcel ID
    assert sorted(_shown_fids(dock)) == sorted(r.fid for r in rows if "P00" in r.parcel_id)
    assert "10" in dock.ui.summaryLabel.text()  # P000-P009 shown by the filters
    dock.ui.idFilterEdit.setText("")
    assert len(_shown_fids(dock)) == 60
    # the same filters on a flat list and grouped by township
    for grouping in ("", "township"):
        _choose(dock.ui.groupCombo, grouping)
        _choose(dock.ui.statusFilterCombo, CLOSED)
        assert sorted(_shown_fids(dock)) == sorted(r.fid for r in rows if r.status == CLOSED)
        _choose(dock.ui.statusFilterCombo, "")


def test_status_column_labels_codes_sorting_and_width(listed):
    dock = listed
    _choose(dock.ui.groupCombo, "")  # flat: one list to sort
    proxy = dock.proxy
    dock.ui.findingsTree.sortByColumn(STATUS, Qt.SortOrder.DescendingOrder)
    statuses = [proxy.index(row, STATUS).data(STATUS_ROLE) for row in range(proxy.rowCount())]
    assert statuses == sorted(statuses, reverse=True)
    assert statuses[0] == CLOSED and statuses[-1] == FOUND
    labels = {proxy.index(row, STATUS).data() for row in range(proxy.rowCount())}
    assert labels == {"待核查", "已认定", "已销号"}
    header = dock.ui.findingsTree.header()
    widest = max(dock.ui.findingsTree.fontMetrics().horizontalAdvance(label) for label in labels)
    assert header.sectionSize(STATUS) >= widest + 12  # not 30 px
    dock.ui.findingsTree.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ids = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert ids == sorted(ids)


def test_groups_keep_their_state_when_the_list_is_read_again(listed):
    dock = listed
    tree, proxy, model = dock.ui.findingsTree, dock.proxy, dock.model
    overlap = proxy.mapFromSource(model.group_index("OVERLAP"))
    tree.expand(overlap)
    assert model.data(model.group_index("OVERLAP")) == "{0} (20)".format(rule_label("OVERLAP"))
    dock.refresh()  # what a re-run or an import does
    assert tree.isExpanded(proxy.mapFromSource(model.group_index("OVERLAP")))
    assert not tree.isExpanded(proxy.mapFromSource(model.group_index("UNREGISTERED")))
    # a filter opens every group with matches; cleared, the user's state is back
    dock.ui.idFilterEdit.setText("P0")
    assert tree.isExpanded(proxy.mapFromSource(model.group_index("UNREGISTERED")))
    dock.ui.idFilterEdit.setText("")
    assert tree.isExpanded(proxy.mapFromSource(model.group_index("OVERLAP")))
    assert not tree.isExpanded(proxy.mapFromSource(model.group_index("UNREGISTERED")))
    # another grouping and back
    _choose(dock.ui.groupCombo, "township")
    _choose(dock.ui.groupCombo, "rule")
    assert tree.isExpanded(proxy.mapFromSource(model.group_index("OVERLAP")))
    tree.collapse(proxy.mapFromSource(model.group_index("OVERLAP")))
    dock.refresh()
    assert not tree.isExpanded(proxy.mapFromSource(model.group_index("OVERLAP")))


def test_a_step_touches_only_its_rows_and_the_timeline_reads(listed, qtbot):
    dock = listed
    model = dock.model
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(
        lambda first, last: changed.append(first.data(Qt.ItemDataRole.UserRole + 1))
    )
    dock.select(dock.item_for("P031", "EXCEEDS_APPROVED"))
    fid = dock.selected_fids()[0]
    steps = [
        dock.ui.historyView.topLevelItem(i) for i in range(dock.ui.historyView.topLevelItemCount())
    ]
    assert [(s.text(1), s.text(2)) for s in steps] == [("张三", "— → 待核查")]
    dock.ui.noteEdit.setText("现场核实")
    assert dock.apply_status(IDENTIFIED) == 1
    assert dock.status_text("P031", "EXCEEDS_APPROVED") == "已认定"
    assert dock.ui.saveButton.isEnabled() and dock.ui.undoButton.isEnabled()
    timeline = [
        [dock.ui.historyView.topLevelItem(i).text(c) for c in range(4)]
        for i in range(dock.ui.historyView.topLevelItemCount())
    ]
    assert timeline[-1][1:] == ["王五", "待核查 → 已认定", "现场核实"]
    assert len(timeline[-1][0]) == 19 and timeline[-1][0][10] == " "  # yyyy-MM-dd HH:mm:ss
    dock.undo()
    assert dock.status_text("P031", "EXCEEDS_APPROVED") == "待核查"
    assert dock.apply_status(IDENTIFIED) == 1
    assert dock.save()
    assert dock.last_message == ("1 finding(s) saved.", Qgis.Success)
    assert not dock.ui.saveButton.isEnabled()
    assert resets == []  # never the whole list
    assert set(changed) == {fid}
    stored = {row.fid: row for row in load_findings(dock.workspace_path())}
    assert stored[fid].status == IDENTIFIED and stored[fid].note == "现场核实"
    assert model.finding(fid).version == stored[fid].version  # the saved row shown
    # a batch: every selected row, one step
    _choose(dock.ui.groupCombo, "")
    tree = dock.ui.findingsTree
    tree.selectAll()
    assert dock.ui.statusCombo.count() == 0  # no step allowed from every status at once
    _choose(dock.ui.statusFilterCombo, FOUND)
    tree.selectAll()
    found = dock.selected_fids()
    assert len(found) == sum(r.status == FOUND for r in stored.values())
    assert dock.apply_status(IDENTIFIED) == len(found)
    assert dock.save()
    assert all(row.status == IDENTIFIED for row in load_findings(dock.workspace_path(), found))


def test_buttons_only_when_they_can_work(qtbot, tmp_path):
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    iface = DesktopIface()
    dock = InspectionDock(iface, iface.window)
    qtbot.addWidget(dock)
    try:
        ui = dock.ui
        assert not ui.exportButton.isEnabled()  # no check yet
        assert not ui.importButton.isEnabled()  # no workspace file
        assert not ui.saveButton.isEnabled() and not ui.undoButton.isEnabled()
        assert not ui.statusButton.isEnabled()
        dock.set_workspace(str(tmp_path / "none.gpkg"))
        assert not ui.importButton.isEnabled()
    finally:
        dock.cleanup()


def test_import_enabled_with_a_workspace(listed):
    assert listed.ui.importButton.isEnabled()
    assert listed.ui.exportButton.isEnabled()
    assert not listed.ui.saveButton.isEnabled()


def test_progress_moves_through_the_writing_phase(empty_workspace, tmp_path):
    """The bar goes on moving while the findings are written (not 100 % early)."""
    from xingguo_swc_plugin.gui.inspection_dock import _source, run_inspection

    parcels, projects = make_parcels(tmp_path), make_projects(tmp_path)
    feedback = QgsFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    options = {
        "parcel_id_field": "tbbh",
        "project_field": "xmbh",
        "project_id_field": "xmbh",
        "excess_tolerance": 1.0,
        "steep_slope": 25.0,
        "terrace_slope": 15.0,
        "corridor_distance": 100.0,
    }
    found, stored, rows = run_inspection(
        _source(parcels),
        _source(projects),
        options,
        None,
        None,
        None,
        empty_workspace,
        "张三",
        feedback=feedback,
    )
    assert stored.added == len(found) == len(rows)
    storing = seen[next(i for i, value in enumerate(seen) if value >= 80.0) :]
    assert storing == sorted(storing) and seen[-1] == 100.0
    assert seen.index(100.0) == len(seen) - 1  # 100 % only at the very end
    assert any(80.0 < value < 100.0 for value in storing)  # the merge and writes report
    assert max(value for value in seen if value < 80.0) > 50.0  # validation 0-80 %


def test_cancel_says_what_was_canceled_and_clears_the_highlight(qtbot, listed, sample_copy):
    dock = listed
    dock.select(dock.item_for("P031", "EXCEEDS_APPROVED"))
    assert dock.rubber_band is not None or dock.last_message[1] == Qgis.Warning
    workspace = open_workspace(sample_copy)
    parcels, projects = workspace.layer("parcel"), workspace.layer("dev_project")
    QgsProject.instance().addMapLayers([parcels, projects])
    dock.set_inputs(parcels, projects, workspace=sample_copy)
    assert dock.run() is not None
    dock.ui.cancelButton.click()
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    text, level = dock.last_message
    assert level == Qgis.Warning
    assert "canceled" in text and "no finding" in text
    assert dock.rubber_band is None
    assert dock.ui.progressBar.value() == 0


def test_the_list_on_a_postgis_workspace(qtbot, pg_target, pg_schema, pg_connection):
    """Same list, step and save on a PostGIS finding table: only the stepped row is
    written and shown again with its new row version."""
    from xingguo_swc_plugin.core.workspace.open import workspace_of
    from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace
    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    create_postgis_workspace(pg_target, pg_schema, QgsCoordinateReferenceSystem(CRS))
    workspace = workspace_of(pg_connection, pg_schema)
    store_findings(workspace, list(_findings(12)), QgsCoordinateReferenceSystem(CRS), who="张三")
    layer = workspace.layer("finding")
    QgsProject.instance().addMapLayer(layer)
    iface = DesktopIface()
    dock = InspectionDock(iface, iface.window)
    qtbot.addWidget(dock)
    try:
        dock.use_workspace({"finding": layer})
        assert dock.group_counts() == {rule: 4 for rule in RULES}
        dock.ui.whoEdit.setText("王五")
        dock.select(dock.item_for("P004", "EXCEEDS_APPROVED"))
        fid = dock.selected_fids()[0]
        assert dock.apply_status(IDENTIFIED) == 1
        assert dock.save(), dock.last_message
        stored = {row.fid: row for row in load_findings(workspace)}
        assert stored[fid].status == IDENTIFIED and stored[fid].version == 2
        assert sum(row.version for row in stored.values()) == 12 + 1  # only that row
        assert dock.model.finding(fid).version == 2
        assert dock.status_text("P004", "EXCEEDS_APPROVED") == "已认定"
    finally:
        dock.cleanup()
        QgsProject.instance().removeAllMapLayers()


def test_history_steps_are_readable_including_events(empty_workspace):
    """Steps and the "no longer detected" event as labels (never the stored codes)."""
    from xingguo_swc_plugin.core.findings import history_steps

    crs = QgsCoordinateReferenceSystem(CRS)
    findings = list(_findings(3))
    store_findings(empty_workspace, findings, crs, who="张三")
    row = next(r for r in load_findings(empty_workspace) if r.parcel_id == "P001")
    set_status(empty_workspace, [row.fid], IDENTIFIED, "李四", "认定")
    store_findings(
        empty_workspace, [f for f in findings if f.parcel_id != "P001"], crs, who="王五"
    )  # P001 no longer detected: kept (acted on), event added
    row = next(r for r in load_findings(empty_workspace) if r.parcel_id == "P001")
    steps = history_steps(row)
    assert [(s.who, s.from_label, s.to_label) for s in steps[:2]] == [
        ("张三", "—", "待核查"),
        ("李四", "待核查", "已认定"),
    ]
    assert steps[1].change() == "待核查 → 已认定" and steps[1].note == "认定"
    assert (steps[2].who, steps[2].from_label, steps[2].to_label) == ("王五", "", "")
    assert steps[2].change() == "no longer detected" != "not_detected"
    assert all(len(s.when) == 19 and "T" not in s.when for s in steps)


def test_a_saved_confirmation_reaches_the_parcel(qtbot, sample_copy):
    """After 保存, a confirmed 疑似未批先建 case gives its parcel 未批先建 (the sync runs
    as the event after the save, so the save itself blocks the GUI briefly)."""
    from test_fieldpackage import with_findings

    from xingguo_swc_plugin.gui.inspection_dock import InspectionDock

    with_findings(sample_copy)
    workspace = open_workspace(sample_copy)
    layer = workspace.layer("finding")
    QgsProject.instance().addMapLayer(layer)
    iface = DesktopIface()
    dock = InspectionDock(iface, iface.window)
    qtbot.addWidget(dock)
    try:
        dock.use_workspace({"finding": layer})
        dock.ui.whoEdit.setText("李四")
        row = next(r for r in dock.model.rows if r.rule == "UNREGISTERED")
        dock.select(dock.item_for(row.parcel_id, row.rule))
        assert dock.apply_status(IDENTIFIED) == 1
        assert dock.save()

        def compliance():
            parcels = workspace.layer("parcel")
            return {f["tbbh"]: f["hgx"] for f in parcels.getFeatures()}[row.parcel_id]

        confirmed = codes.CONFIRMED_COMPLIANCE["02"]  # 未批先建
        assert compliance() != confirmed  # not yet: the sync is the next event
        qtbot.waitUntil(lambda: compliance() == confirmed, timeout=10000)
    finally:
        dock.cleanup()
        QgsProject.instance().removeAllMapLayers()
