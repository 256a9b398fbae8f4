"""Dock "Parcel inspection" (图斑核查): validate parcels, follow each case.

The check runs ``core.validation.validate_parcels`` and ``core.findings.
store_findings`` in a ``CoreTask`` on copies of the chosen layers opened in the
task (project layers belong to the GUI thread).  Findings live in the
workspace ``finding`` table, added to the project; the tree groups them by rule
with counts, a click zooms to the finding and outlines it.  Status steps are
undoable edit commands on that layer until saved; a new check saves pending
steps first so they are never lost.  Export writes GeoPackage, XLSX or CSV.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFeedback,
    QgsFieldProxyModel,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget, QgsFileWidget, QgsRubberBand
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QModelIndex, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QTreeWidgetItem,
    QWidget,
)

from ..core import findings as case
from ..core.casework import sync_parcel_compliance
from ..core.errors import CanceledError, SwcError
from ..core.findings import township_label
from ..core.rules import RULES, rule_label
from ..core.settings import set_setting, setting
from ..core.sources import with_sniffed_encoding
from ..core.validation import parcel_ids, validate_parcels
from ..core.workspace.layers import project_layers_of_table, workspace_key
from ..core.workspace.open import workspace_of
from ..core.workspace.schema import DEV_PROJECT, FINDING, MEASURE, META_TABLE, PARCEL
from ..domain import codes
from ..tasks import CoreTask
from ..translation import tr
from .findings_model import (
    AREA,
    BY_RULE,
    BY_TOWNSHIP,
    FLAT,
    GROUP_ROLE,
    RULE,
    STATUS,
    TOWNSHIP,
    FindingsFilter,
    FindingsModel,
)
from .findings_model import PARCEL as ID_COLUMN
from .layer_signals import LayerSignals
from .scrolling import scrolled
from .table_combos import TableCombos

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

Source = Tuple[str, str, str]  # (source, provider, name)


def _source(layer: Optional[QgsMapLayer]) -> Optional[Source]:
    if layer is None:
        return None
    return (layer.source(), layer.providerType(), layer.name())


def _open_vector(source: Optional[Source]) -> Optional[QgsVectorLayer]:
    if source is None:
        return None
    layer = QgsVectorLayer(source[0], source[2], source[1])
    if not layer.isValid():
        raise SwcError(tr("Cannot open the layer {0}.").format(source[2]))
    return with_sniffed_encoding(layer)


def run_inspection(
    parcels: Source,
    projects: Source,
    options: Dict[str, object],
    dem: Optional[Source],
    corridors: Optional[Source],
    measures: Optional[Source],
    workspace,
    who: str,
    feedback: Optional[QgsFeedback] = None,
):
    """Task body: validate on layers opened here, then merge into the workspace
    (a GeoPackage path or a PostGIS workspace: anything ``workspace_of`` takes).
    Progress: validation 0-80 %, merge and writing 80-100 % (the bar does not sit at
    100 % while the findings are written)."""
    from ..core.atlas import StepFeedback

    checking = StepFeedback(feedback, 0.0, 80.0) if feedback is not None else None
    storing = StepFeedback(feedback, 80.0, 100.0) if feedback is not None else None
    parcel_layer = _open_vector(parcels)
    raster = None
    if dem is not None:
        raster = QgsRasterLayer(dem[0], dem[2], dem[1])
        if not raster.isValid():
            raise SwcError(tr("Cannot open the DEM {0}.").format(dem[2]))
    found = validate_parcels(
        parcel_layer,
        _open_vector(projects),
        dem=raster,
        corridors=_open_vector(corridors),
        measures=_open_vector(measures),
        feedback=checking,
        **options,
    )
    case.check_unique_parcel_ids(parcel_layer, str(options["parcel_id_field"]))
    scope = parcel_ids(parcel_layer, str(options["parcel_id_field"]))
    stored = case.store_findings(workspace, found, parcel_layer.crs(), scope, who, feedback=storing)
    # the list's rows read here, not on the GUI thread (30k rows: 0.3 s)
    return found, stored, case.load_findings(workspace)


def is_workspace(path: str) -> bool:
    if not path or not os.path.isfile(path) or not path.lower().endswith(".gpkg"):
        return False
    try:
        with sqlite3.connect("file:" + path + "?mode=ro", uri=True) as connection:
            connection.execute("SELECT 1 FROM " + META_TABLE)
        return True
    except sqlite3.DatabaseError:
        return False


class InspectionDock(QgsDockWidget):
    """Choose inputs, run the check, browse findings, move cases, export."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Parcel inspection"), parent)
        self._finding_signals = LayerSignals(
            self._findings_edited, "afterRollBack", "afterCommitChanges", "attributeValueChanged"
        )
        self.setObjectName("XingguoSwcInspectionDock")
        self.iface = iface
        self.ui = FORM_CLASS()
        body = QWidget(self)
        self.ui.setupUi(body)
        self.setWidget(scrolled(body))
        from .fieldwork_buttons import FieldworkButtons

        self.fieldwork = FieldworkButtons(self, body)
        body.layout().addWidget(self.fieldwork)
        self.task: Optional[CoreTask] = None
        self.finding_layer: Optional[QgsVectorLayer] = None
        self.last_message: Optional[Tuple[str, int]] = None
        self.last_result = None
        self.rubber_band: Optional[QgsRubberBand] = None
        self._canceled = False
        self._flush_scheduled = False
        self._selected: Optional[List[int]] = None  # cache of selected_fids()
        self._sync_waiting: set = set()  # parcels whose compliance follows a save
        from .change_step import ChangeStep  # issue 17: "与上期比较"

        self.change_step = ChangeStep(self, body)
        self.ui.mainLayout.insertWidget(1, self.change_step)
        self._setup_widgets()
        self._connect()
        self._pick_default_layers()

    # setup -------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        for combo in (ui.parcelsCombo, ui.projectsCombo):
            combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        ui.demCombo.setFilters(QgsMapLayerProxyModel.RasterLayer)
        ui.corridorsCombo.setFilters(QgsMapLayerProxyModel.LineLayer)
        ui.measuresCombo.setFilters(QgsMapLayerProxyModel.NoGeometry)
        for combo in (ui.demCombo, ui.corridorsCombo, ui.measuresCombo):
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        for combo in (ui.parcelIdCombo, ui.projectFieldCombo, ui.projectIdCombo):
            combo.setFilters(QgsFieldProxyModel.AllTypes)
        self.table_combos = TableCombos(self._error_text, follow_project=False)
        self.table_combos.add(ui.parcelsCombo, PARCEL.name)
        self.table_combos.add(ui.projectsCombo, DEV_PROJECT.name)
        self.table_combos.add(ui.measuresCombo, MEASURE.name)
        ui.toleranceSpin.setRange(0.0, 1e9)
        ui.toleranceSpin.setValue(1.0)
        ui.steepSpin.setRange(0.0, 90.0)
        ui.steepSpin.setValue(float(setting("validation/steep_slope_deg")))
        ui.terraceSpin.setRange(0.0, 90.0)
        ui.terraceSpin.setValue(float(setting("validation/terrace_slope_deg")))
        ui.corridorDistanceSpin.setRange(0.0, 100000.0)
        ui.corridorDistanceSpin.setValue(float(setting("validation/corridor_distance_m")))
        ui.workspaceWidget.setStorageMode(QgsFileWidget.SaveFile)
        ui.workspaceWidget.setConfirmOverwrite(False)
        ui.workspaceWidget.setFilter(tr("GeoPackage workspace (*.gpkg)"))
        # the handler of the settings (never the OS login, e.g. "root"); an empty
        # name is refused when a status is set
        ui.whoEdit.setText(str(setting("case/handler")))
        self._setup_list()
        ui.cancelButton.setEnabled(False)
        self._update_case_controls()

    def _connect(self) -> None:
        ui = self.ui
        ui.parcelsCombo.layerChanged.connect(self._parcels_changed)
        ui.projectsCombo.layerChanged.connect(self._projects_changed)
        ui.runButton.clicked.connect(self.run)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.importButton.clicked.connect(self.open_import_dialog)
        self._connect_list()
        ui.statusButton.clicked.connect(self.apply_status)
        ui.undoButton.clicked.connect(self.undo)
        ui.saveButton.clicked.connect(self.save)
        ui.exportButton.clicked.connect(self.choose_export)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    def cleanup(self) -> None:
        """Disconnect, drop the highlight, cancel a running check (plugin unload)."""
        self.change_step.cleanup()
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
        self.table_combos.release()
        self.sync_compliance()  # a save just before unloading still reaches the parcels
        self._watch_findings(None)
        self.clear_highlight()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:  # finished and deleted by the task manager
                pass
            self.task = None

    # messages ------------------------------------------------------------------
    def _error_text(self, text: str) -> None:
        self._message(text, Qgis.Warning)

    def _message(self, text: str, level=Qgis.Info) -> None:
        self.last_message = (text, level)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Parcel inspection"), text, level)

    def _error(self, error: BaseException) -> None:
        self._message(str(error), Qgis.Warning)

    # inputs ---------------------------------------------------------------------
    def _pick_default_layers(self, layers: Optional[Dict[str, QgsVectorLayer]] = None) -> None:
        """Pick the workspace parcel / dev_project / measure tables (and watch its
        finding table) when loaded; ``layers``: a workspace just opened."""
        self.table_combos.pick(layers)
        findings = (layers or {}).get(FINDING.name)
        if findings is None and self.finding_layer is None:
            parcels = self.ui.parcelsCombo.currentLayer()
            candidates = project_layers_of_table(FINDING.name, prefer=workspace_key(parcels))
            findings = candidates[0] if candidates else None
        if findings is not None and findings is not self.finding_layer:
            self._watch_findings(findings)
            if findings.providerType() == "ogr":
                path = findings.source().split("|")[0]
                if is_workspace(path):
                    self.set_workspace(path)
            self.refresh()
        self._parcels_changed(self.ui.parcelsCombo.currentLayer())
        self._projects_changed(self.ui.projectsCombo.currentLayer())

    def use_workspace(self, layers: Dict[str, QgsVectorLayer]) -> None:
        """The tables of a workspace just opened, by table name."""
        self._pick_default_layers(layers)

    def _layers_added(self, layers) -> None:
        self._pick_default_layers()

    def set_inputs(
        self,
        parcels: QgsVectorLayer,
        projects: QgsVectorLayer,
        dem: Optional[QgsRasterLayer] = None,
        corridors: Optional[QgsVectorLayer] = None,
        measures: Optional[QgsVectorLayer] = None,
        workspace: Optional[str] = None,
    ) -> None:
        """Choose the layers (used by tests and scripts; the combos do the same)."""
        self.ui.parcelsCombo.setLayer(parcels)
        self.ui.projectsCombo.setLayer(projects)
        self.ui.demCombo.setLayer(dem)
        self.ui.corridorsCombo.setLayer(corridors)
        self.ui.measuresCombo.setLayer(measures)
        if workspace:
            self.set_workspace(workspace)

    def _parcels_changed(self, layer: Optional[QgsMapLayer]) -> None:
        self.ui.parcelIdCombo.setLayer(layer)
        self.ui.projectFieldCombo.setLayer(layer)
        if isinstance(layer, QgsVectorLayer):
            names = layer.fields().names()
            if "tbbh" in names:
                self.ui.parcelIdCombo.setField("tbbh")
            if "xmbh" in names:
                self.ui.projectFieldCombo.setField("xmbh")
            path = layer.source().split("|")[0]
            if not self.workspace_path() and is_workspace(path):
                self.set_workspace(path)

    def _projects_changed(self, layer: Optional[QgsMapLayer]) -> None:
        self.ui.projectIdCombo.setLayer(layer)
        if isinstance(layer, QgsVectorLayer) and "xmbh" in layer.fields().names():
            self.ui.projectIdCombo.setField("xmbh")

    def workspace_path(self) -> str:
        return self.ui.workspaceWidget.filePath()

    def set_workspace(self, path: str) -> None:
        self.ui.workspaceWidget.setFilePath(path)

    def current_workspace(self):
        """The GeoPackage chosen, else the PostGIS workspace the parcels come from."""
        path = self.workspace_path()
        if is_workspace(path):
            return path
        parcels = self.ui.parcelsCombo.currentLayer()
        if path or parcels is None or parcels.providerType() != "postgres":
            return None
        try:
            return workspace_of(parcels)
        except SwcError:
            return None

    # running -------------------------------------------------------------------------
    def run(self) -> Optional[CoreTask]:
        """Start the check in a task; the tree refreshes when it ends."""
        ui = self.ui
        parcels, projects = ui.parcelsCombo.currentLayer(), ui.projectsCombo.currentLayer()
        workspace = self.current_workspace()
        if parcels is None or projects is None:
            self._error(SwcError(tr("Choose the parcels and the project boundaries.")))
            return None
        try:
            self.table_combos.check()
        except SwcError as error:
            self._error(error)
            return None
        if workspace is None:
            self._error(
                SwcError(
                    tr(
                        "Choose a workspace to keep the findings in: a .gpkg, "
                        "or parcels of a PostGIS workspace."
                    )
                )
            )
            return None
        if self.finding_layer is not None and self.finding_layer.isEditable():
            self.save()  # pending status steps first: the task writes the same table
        self.sync_compliance()  # the parcels' confirmed codes before they are checked
        options = {
            "parcel_id_field": ui.parcelIdCombo.currentField() or "tbbh",
            "project_field": ui.projectFieldCombo.currentField() or "xmbh",
            "project_id_field": ui.projectIdCombo.currentField() or "xmbh",
            "excess_tolerance": ui.toleranceSpin.value(),
            "steep_slope": ui.steepSpin.value(),
            "terrace_slope": ui.terraceSpin.value(),
            "corridor_distance": ui.corridorDistanceSpin.value(),
        }
        try:
            parcel_source = self.change_step.parcel_subset(parcels)  # issue 17
        except SwcError as error:
            self._error(error)
            return None
        self.task = CoreTask(
            tr("Parcel inspection"),
            run_inspection,
            parcel_source,
            _source(projects),
            options,
            _source(ui.demCombo.currentLayer()),
            _source(ui.corridorsCombo.currentLayer()),
            _source(ui.measuresCombo.currentLayer()),
            workspace,
            self.who(),
            on_done=self._run_done,
            on_error=self._run_failed,
        )
        self.task.progressChanged.connect(self._progress)
        ui.runButton.setEnabled(False)
        ui.cancelButton.setEnabled(True)
        ui.progressBar.setValue(0)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))

    def cancel(self) -> None:
        """Cancel the check: nothing is stored; the highlight goes."""
        if self.task is not None:
            self._canceled = True
            self.clear_highlight()
            self.task.cancel()

    def _task_ended(self) -> None:
        self.task = None
        self.ui.runButton.setEnabled(True)
        self.ui.cancelButton.setEnabled(False)

    def _run_failed(self, error: BaseException) -> None:
        canceled, self._canceled = self._canceled, False
        self._task_ended()
        self.ui.progressBar.setValue(0)
        if canceled or isinstance(error, CanceledError):
            self.clear_highlight()
            self._message(
                tr("The parcel check was canceled: no finding was stored or changed."), Qgis.Warning
            )
            return
        self._error(error)

    def _run_done(self, result) -> None:
        self._canceled = False
        self._task_ended()
        self.ui.progressBar.setValue(100)
        found, stored, rows = result
        self.last_result = (found, stored)
        self._ensure_finding_layer()
        self.ui.inputsGroup.setCollapsed(True)  # room for the findings
        if self.finding_layer is not None:
            self.finding_layer.reload()
            self.finding_layer.triggerRepaint()
            self._show_rows(self._with_buffer(rows))
        self._message(
            tr(
                "{0} finding(s): {1} new, {2} kept with their status, {3} "
                "removed, {4} no longer detected."
            ).format(len(found), stored.added, stored.kept, stored.removed, stored.stale),
            Qgis.Success,
        )

    # finding layer -------------------------------------------------------------------------
    def _ensure_finding_layer(self) -> Optional[QgsVectorLayer]:
        """The workspace finding table, added to the project once (styled)."""
        workspace = self.current_workspace()
        if workspace is None:
            return None
        if isinstance(workspace, str):
            uri, provider = workspace + "|layername=" + FINDING.name, "ogr"
        else:
            uri, provider = workspace.uri(FINDING.name), "postgres"
        if self.finding_layer is not None and self.finding_layer.source() == uri:
            return self.finding_layer
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.source() == uri:
                self._watch_findings(layer)
                return layer
        layer = QgsVectorLayer(uri, FINDING.zh, provider)
        if not layer.isValid():
            return None
        QgsProject.instance().addMapLayer(layer)
        self._watch_findings(layer)
        return layer

    def _watch_findings(self, layer: Optional[QgsVectorLayer]) -> None:
        self._finding_signals.watch(layer)
        self.finding_layer = layer

    # findings list -------------------------------------------------------------------
    def _setup_list(self) -> None:
        """The model/view list, its filters and the history timeline."""
        ui = self.ui
        self.model = FindingsModel(self)
        self.proxy = FindingsFilter(self)
        self.proxy.setSourceModel(self.model)
        tree = ui.findingsTree
        tree.setModel(self.proxy)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        tree.setSortingEnabled(True)
        tree.sortByColumn(ID_COLUMN, Qt.SortOrder.AscendingOrder)
        header = tree.header()
        metrics = tree.fontMetrics()
        widest = max(metrics.horizontalAdvance(entry.zh) for entry in codes.CASE_STATUS)
        header.resizeSection(ID_COLUMN, max(metrics.horizontalAdvance("X" * 10), 120))
        header.resizeSection(
            STATUS, max(widest, metrics.horizontalAdvance(tr("Status"))) + 36
        )  # room for the sort arrow
        header.resizeSection(RULE, 160)
        header.resizeSection(TOWNSHIP, 90)
        header.resizeSection(AREA, 90)
        ui.groupCombo.addItem(tr("Rule"), BY_RULE)
        ui.groupCombo.addItem(tr("Township"), BY_TOWNSHIP)
        ui.groupCombo.addItem(tr("No groups"), FLAT)
        ui.statusFilterCombo.addItem(tr("All"), "")
        for entry in codes.CASE_STATUS:
            ui.statusFilterCombo.addItem(entry.zh, entry.code)
        ui.ruleFilterCombo.addItem(tr("All"), "")
        for rule in RULES:
            ui.ruleFilterCombo.addItem(rule_label(rule), rule)
        ui.townshipFilterCombo.addItem(tr("All"), "")
        for combo in (
            ui.groupCombo,
            ui.statusFilterCombo,
            ui.ruleFilterCombo,
            ui.townshipFilterCombo,
        ):  # long rule names must not widen the dock
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        ui.historyView.setHeaderLabels([tr("Time"), tr("Handled by"), tr("Step"), tr("Note")])
        ui.historyView.header().resizeSection(
            0, metrics.horizontalAdvance("2026-01-01 00:00:00") + 12
        )
        self._expanded: set = set()  # (grouping, key) of the open groups
        self._pending: set = set()  # fids changed since the last read (edit buffer)
        self._quiet = False  # a step or save of the dock itself: no signal handling
        self._tracking = True  # expanded/collapsed come from the user
        self._show_columns()

    def _connect_list(self) -> None:
        ui = self.ui
        ui.findingsTree.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.findingsTree.expanded.connect(self._group_opened)
        ui.findingsTree.collapsed.connect(self._group_closed)
        ui.groupCombo.currentIndexChanged.connect(self._grouping_changed)
        for combo in (ui.statusFilterCombo, ui.ruleFilterCombo, ui.townshipFilterCombo):
            combo.currentIndexChanged.connect(self._filters_changed)
        ui.idFilterEdit.textChanged.connect(self._filters_changed)
        ui.workspaceWidget.fileChanged.connect(self._update_case_controls)

    def _group_key(self, index) -> Optional[tuple]:
        key = index.data(GROUP_ROLE)
        return None if key is None else (self.model.grouping, key)

    def _group_opened(self, index) -> None:
        key = self._group_key(index)
        if key is not None and self._tracking:
            self._expanded.add(key)

    def _group_closed(self, index) -> None:
        key = self._group_key(index)
        if key is not None and self._tracking:
            self._expanded.discard(key)

    def _restore_groups(self) -> None:
        """Groups as the user left them (re-runs, grouping): the ones they opened;
        while a filter is on, every group (the matches, not their titles).  Group
        by group: collapseAll/expandAll would lay out all 30k rows of a flat list."""
        if not self.model.grouping:
            return
        tree, proxy = self.ui.findingsTree, self.proxy
        everything = proxy.active()
        self._tracking = False  # opened here, not by the user
        try:
            for number in range(proxy.rowCount()):
                index = proxy.index(number, 0)
                tree.setExpanded(
                    index,
                    everything or (self.model.grouping, index.data(GROUP_ROLE)) in self._expanded,
                )
        finally:
            self._tracking = True

    def _show_columns(self) -> None:
        """The column the list is grouped by is in the group titles: hidden."""
        tree, grouping = self.ui.findingsTree, self.model.grouping
        tree.setColumnHidden(RULE, grouping == BY_RULE)
        tree.setColumnHidden(TOWNSHIP, grouping == BY_TOWNSHIP)

    def _grouping_changed(self) -> None:
        self._selected = None
        self.model.set_grouping(self.ui.groupCombo.currentData() or FLAT)
        self._show_columns()
        self._restore_groups()
        self._show_summary()

    def _filters_changed(self) -> None:
        self._selected = None
        ui = self.ui
        self.proxy.set_filters(
            ui.statusFilterCombo.currentData() or "",
            ui.townshipFilterCombo.currentData() or "",
            ui.ruleFilterCombo.currentData() or "",
            ui.idFilterEdit.text(),
        )
        self._restore_groups()
        self._show_summary()

    def _rows_now(self) -> List[case.FindingRow]:
        """The finding table as saved, with the steps pending in the edit buffer."""
        layer = self.finding_layer
        try:
            rows = case.load_findings(layer)
        except SwcError:  # not a workspace table: read the layer itself
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            rows = [case.row_of_feature(feature) for feature in layer.getFeatures(request)]
        return self._with_buffer(rows)

    def _with_buffer(self, rows: List[case.FindingRow]) -> List[case.FindingRow]:
        """``rows`` as saved, with the steps pending in the edit buffer."""
        pending = self._buffer_fids()
        if pending:
            changed = {row.fid: row for row in self._layer_rows(pending)}
            rows = [changed.get(row.fid, row) for row in rows]
        self._pending = set(pending)
        return rows

    def _buffer_fids(self) -> List[int]:
        layer = self.finding_layer
        if layer is None or not layer.isEditable() or layer.editBuffer() is None:
            return []
        return list(layer.editBuffer().changedAttributeValues())

    def _layer_rows(self, fids) -> List[case.FindingRow]:
        request = (
            QgsFeatureRequest().setFilterFids(list(fids)).setFlags(QgsFeatureRequest.NoGeometry)
        )
        return [case.row_of_feature(feature) for feature in self.finding_layer.getFeatures(request)]

    def refresh(self) -> None:
        """Read the finding table again (an import, a workspace opened): one query, no
        geometry (30k rows: 0.2 s; a task would not help, the row objects are built
        in Python under the one interpreter lock).  Open groups stay open, filters
        stay."""
        layer = self.finding_layer
        if layer is None:
            self.model.set_rows([])
            self.ui.summaryLabel.setText("")
            self._update_case_controls()
            return
        self._show_rows(self._rows_now())

    def _show_rows(self, rows: List[case.FindingRow]) -> None:
        self.model.set_rows(rows)
        self._selected = None
        self._fill_township_filter()
        self._restore_groups()
        self._show_summary()
        self._show_history()
        self._update_case_controls()

    def _fill_township_filter(self) -> None:
        combo = self.ui.townshipFilterCombo
        current = combo.currentData() or ""
        townships = sorted({row.township for row in self.model.rows} - {""})
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("All"), "")
        for code in townships:
            combo.addItem(township_label(code), code)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        if combo.currentData() != current:
            self._filters_changed()

    def _show_summary(self) -> None:
        total = len(self.model.rows)
        rules = len({row.rule for row in self.model.rows})
        text = tr("{0} finding(s) in {1} rule(s).").format(total, rules)
        if self.proxy.active():
            text += " " + tr("{0} shown by the filters.").format(self.proxy.visible_count())
        self.ui.summaryLabel.setText(text)

    def _refresh_statuses(self, fids: Optional[List[int]] = None) -> None:
        """Show again the rows changed in the edit buffer (or ``fids``), and those a
        step no longer changes (undone): only these rows are read and redrawn."""
        layer = self.finding_layer
        if layer is None:
            return
        pending = set(self._buffer_fids())
        wanted = pending | self._pending | set(fids or ())
        self._pending = pending
        if wanted:
            self.model.update_rows(self._layer_rows(wanted))
        self._show_history()
        self._update_case_controls()

    def _findings_edited(self, *args) -> None:
        """A signal of the finding layer: an undo/redo, or QGIS's own save/rollback."""
        if self._quiet:
            return
        if args and isinstance(args[0], int):  # attributeValueChanged(fid, ...)
            self._pending.add(args[0])
            if not self._flush_scheduled:  # one update for the many cells of a step
                self._flush_scheduled = True
                QTimer.singleShot(0, self._flush_edits)
            return
        self._reload_pending()

    def _flush_edits(self) -> None:
        self._flush_scheduled = False
        self._refresh_statuses()

    def _reload_pending(self) -> None:
        """After a save or rollback: the rows that had pending steps, as stored."""
        fids = set(self._pending) | set(self._buffer_fids())
        self._pending = set(self._buffer_fids())
        if fids and self.finding_layer is not None:
            try:
                rows = case.load_findings(self.finding_layer, fids)
            except SwcError:
                rows = self._layer_rows(fids)
            self.model.update_rows(rows)
        self._show_history()
        self._update_case_controls()

    def group_counts(self) -> Dict[str, int]:
        """Rule -> number of findings (what the rule groups' titles say)."""
        counts: Dict[str, int] = {}
        for row in self.model.rows:
            counts[row.rule] = counts.get(row.rule, 0) + 1
        return counts

    def item_for(self, parcel_id: str, rule: str):
        """The list index (column 0) of a finding, or an invalid index."""
        for row in self.model.rows:
            if row.parcel_id == parcel_id and row.rule == rule:
                return self.proxy.mapFromSource(self.model.index_of(row.fid))
        return QModelIndex()

    def status_text(self, parcel_id: str, rule: str) -> str:
        """What the status column shows for a finding (its label)."""
        return self.item_for(parcel_id, rule).siblingAtColumn(STATUS).data() or ""

    def select(self, index) -> None:
        """Make ``index`` the current, only selected finding (as a click does)."""
        self.ui.findingsTree.scrollTo(index)
        self.ui.findingsTree.setCurrentIndex(index)

    def selected_fids(self) -> List[int]:
        """The selected findings (read once per selection change: 1000 selected rows
        cost 30 ms to walk)."""
        if self._selected is None:
            model = self.ui.findingsTree.selectionModel()
            fids = (self.proxy.fid(index) for index in model.selectedRows(0))
            self._selected = [fid for fid in fids if fid is not None]
        return list(self._selected)

    def _selection_changed(self, *args) -> None:
        self._selected = None
        fids = self.selected_fids()
        if len(fids) == 1:
            self.zoom_to(fids[0])
        self._show_history()
        self._update_case_controls()

    def _show_history(self) -> None:
        """The timeline of the one selected finding: time, who, from → to, note."""
        view = self.ui.historyView
        view.clear()
        fids = self.selected_fids()
        row = self.model.finding(fids[0]) if len(fids) == 1 else None
        if row is None:
            return
        for step in case.history_steps(row):
            item = QTreeWidgetItem([step.when, step.who, step.change(), step.note])
            item.setToolTip(3, step.note)
            view.addTopLevelItem(item)

    # map -----------------------------------------------------------------------------------
    def canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def zoom_to(self, fid: int) -> None:
        """Zoom the canvas to a finding and outline it with a rubber band."""
        canvas = self.canvas()
        if canvas is None or self.finding_layer is None:
            return
        feature = self.finding_layer.getFeature(fid)
        geometry = feature.geometry()
        self.clear_highlight()
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            self._message(
                tr("Finding {0} has no geometry (empty parcel).").format(feature["tbbh"]),
                Qgis.Warning,
            )
            return
        transform = QgsCoordinateTransform(
            self.finding_layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance()
        )
        extent = (
            transform.transformBoundingBox(geometry.boundingBox())
            if canvas.mapSettings().destinationCrs().isValid()
            else geometry.boundingBox()
        )
        extent = QgsRectangle(extent)
        extent.scale(1.5)
        if extent.width() == 0 or extent.height() == 0:
            extent.grow(10.0)
        canvas.setExtent(extent)
        band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        band.setColor(QColor(255, 0, 0, 200))
        band.setFillColor(QColor(255, 0, 0, 50))
        band.setWidth(3)
        band.setToGeometry(geometry, self.finding_layer)
        self.rubber_band = band
        canvas.refresh()

    def clear_highlight(self) -> None:
        if self.rubber_band is not None:
            canvas = self.canvas()
            if canvas is not None:
                canvas.scene().removeItem(self.rubber_band)
            self.rubber_band = None

    # case status ---------------------------------------------------------------------------------
    def who(self) -> str:
        return self.ui.whoEdit.text().strip()

    def _update_case_controls(self, *args) -> None:
        """Offer only the statuses every selected finding may move to; a button is
        enabled only when it can work (导出 with findings, 导入 with a workspace,
        保存 with steps pending, 撤销 with a step to undo)."""
        combo = self.ui.statusCombo
        combo.clear()
        layer = self.finding_layer
        allowed = None
        if layer is not None:
            for fid in self.selected_fids():
                row = self.model.finding(fid)
                steps = set(case.allowed_statuses(row.status if row else case.FOUND))
                allowed = steps if allowed is None else allowed & steps
        for entry in codes.CASE_STATUS:
            if allowed and entry.code in allowed:
                combo.addItem(entry.zh, entry.code)
        editable = layer is not None and layer.isEditable()
        self.ui.statusButton.setEnabled(combo.count() > 0)
        self.ui.saveButton.setEnabled(editable and layer.isModified())
        self.ui.undoButton.setEnabled(editable and layer.undoStack().canUndo())
        self.ui.exportButton.setEnabled(layer is not None and bool(self.model.rows))
        self.ui.importButton.setEnabled(is_workspace(self.workspace_path()))

    def apply_status(self, status: Optional[str] = None) -> int:
        """Move the selected findings to the chosen status (one undoable step); only
        their rows are read and redrawn."""
        layer = self.finding_layer
        fids = self.selected_fids()
        status = status if isinstance(status, str) else self.ui.statusCombo.currentData()
        if layer is None or not fids or not status:
            return 0
        if not layer.isEditable():
            layer.startEditing()
        self._quiet = True  # one update below, not one per changed cell
        try:
            changed = case.set_status(
                layer, fids, status, self.who(), self.ui.noteEdit.text().strip()
            )
        except SwcError as error:
            self._error(error)
            return 0
        finally:
            self._quiet = False
        if self.who() != setting("case/handler"):
            set_setting("case/handler", self.who())  # remembered for the next case
        self._refresh_statuses(fids)
        self._message(
            tr("{0} finding(s) set to {1}: click Save to keep it.").format(
                changed, codes.CASE_STATUS.label(status)
            )
        )
        return changed

    def undo(self) -> None:
        layer = self.finding_layer
        if layer is not None and layer.isEditable() and layer.undoStack().canUndo():
            self._quiet = True
            try:
                layer.undoStack().undo()
            finally:
                self._quiet = False
            self._refresh_statuses()

    def save(self) -> bool:
        """Write the pending steps (only their rows); the list re-reads only them."""
        layer = self.finding_layer
        if layer is None or not layer.isEditable():
            return True
        saved = set(self._buffer_fids()) | self._pending
        self._quiet = True
        try:
            count = case.save_edits(layer)  # only the changed rows, refused if changed
        except SwcError as error:
            self._error(error)
            return False
        finally:
            self._quiet = False
        self._pending = saved
        self._reload_pending()
        self._message(tr("{0} finding(s) saved.").format(count), Qgis.Success)
        parcels = {row.parcel_id for row in (self.model.finding(fid) for fid in saved) if row}
        if parcels:  # as the next event: the save's own GUI block stays short
            self._sync_waiting |= parcels
            QTimer.singleShot(0, self.sync_compliance)
        return True

    def sync_compliance(self) -> int:
        """Give the parcels of the cases just saved the confirmed compliance code if
        their case was confirmed (in the finding table's workspace, GeoPackage or
        PostGIS); run right after a save and before a check.  Returns parcels changed."""
        parcels, self._sync_waiting = self._sync_waiting, set()
        if not parcels or self.finding_layer is None:
            return 0
        try:
            return sync_parcel_compliance(workspace_of(self.finding_layer), parcels)
        except SwcError as error:
            self._error(error)
            return 0

    # import and export -------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("Export findings"),
            "",
            tr("GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> Optional[str]:
        """Export every finding of the workspace table (saved state) to ``path``."""
        if self.finding_layer is None:
            self._error(SwcError(tr("No findings yet: run the check first.")))
            return None
        if self.finding_layer.isEditable() and self.finding_layer.isModified():
            self.save()
        try:
            written = case.export_findings(self.finding_layer, path)
        except SwcError as error:
            self._error(error)
            return None
        self._message(tr("Findings exported to {0}.").format(written), Qgis.Success)
        return written

    def open_import_dialog(self):
        from .import_dialog import ImportDialog

        workspace = self.current_workspace()  # a GeoPackage, or the parcels' PostGIS one
        if workspace is None:
            self._error(
                SwcError(
                    tr(
                        "Choose a workspace to import into: a GeoPackage, or "
                        "parcels of a PostGIS workspace."
                    )
                )
            )
            return None
        dialog = ImportDialog(workspace, self.iface, self)
        dialog.show()
        return dialog
