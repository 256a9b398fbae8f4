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
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QFileDialog, QTreeWidgetItem, QWidget

from ..core import findings as case
from ..core.casework import sync_parcel_compliance
from ..core.sources import with_sniffed_encoding
from ..core.errors import SwcError
from ..core.schema import DEV_PROJECT, FINDING, MEASURE, META_TABLE, PARCEL
from ..core.workspaces import workspace_of
from ..core.validation import parcel_ids, validate_parcels
from ..core.rules import RULES, rule_label
from ..core.settings import set_setting, setting
from ..core.workspace_layers import project_layers_of_table, workspace_key
from ..domain import codes
from ..tasks import CoreTask
from ..translation import tr
from .scrolling import scrolled
from .layer_signals import LayerSignals
from .table_combos import TableCombos

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

#: Role of the finding fid on a child item, and of the rule on a group item.
FID_ROLE = Qt.ItemDataRole.UserRole + 1
RULE_ROLE = Qt.ItemDataRole.UserRole + 2

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


def run_inspection(parcels: Source, projects: Source, options: Dict[str, object],
                   dem: Optional[Source], corridors: Optional[Source],
                   measures: Optional[Source], workspace, who: str,
                   feedback: Optional[QgsFeedback] = None):
    """Task body: validate on layers opened here, then merge into the workspace
    (a GeoPackage path or a PostGIS workspace: anything ``workspace_of`` takes)."""
    parcel_layer = _open_vector(parcels)
    raster = None
    if dem is not None:
        raster = QgsRasterLayer(dem[0], dem[2], dem[1])
        if not raster.isValid():
            raise SwcError(tr("Cannot open the DEM {0}.").format(dem[2]))
    found = validate_parcels(parcel_layer, _open_vector(projects), dem=raster,
                             corridors=_open_vector(corridors),
                             measures=_open_vector(measures), feedback=feedback,
                             **options)
    case.check_unique_parcel_ids(parcel_layer, str(options["parcel_id_field"]))
    scope = parcel_ids(parcel_layer, str(options["parcel_id_field"]))
    stored = case.store_findings(workspace, found, parcel_layer.crs(), scope, who)
    return found, stored


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
            self._findings_edited, "afterRollBack", "afterCommitChanges",
            "attributeValueChanged")
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
        ui.findingsTree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        ui.findingsTree.setColumnCount(4)
        ui.findingsTree.setHeaderLabels([tr("Finding"), tr("Status"), tr("Area (m²)"),
                                         tr("Message")])
        ui.cancelButton.setEnabled(False)
        self._update_case_controls()

    def _connect(self) -> None:
        ui = self.ui
        ui.parcelsCombo.layerChanged.connect(self._parcels_changed)
        ui.projectsCombo.layerChanged.connect(self._projects_changed)
        ui.runButton.clicked.connect(self.run)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.importButton.clicked.connect(self.open_import_dialog)
        ui.findingsTree.itemSelectionChanged.connect(self._selection_changed)
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
    def _pick_default_layers(self, layers: Optional[Dict[str, QgsVectorLayer]] = None
                             ) -> None:
        """Pick the workspace parcel / dev_project / measure tables (and watch its
        finding table) when loaded; ``layers``: a workspace just opened."""
        self.table_combos.pick(layers)
        findings = (layers or {}).get(FINDING.name)
        if findings is None and self.finding_layer is None:
            parcels = self.ui.parcelsCombo.currentLayer()
            candidates = project_layers_of_table(FINDING.name,
                                                 prefer=workspace_key(parcels))
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

    def set_inputs(self, parcels: QgsVectorLayer, projects: QgsVectorLayer,
                   dem: Optional[QgsRasterLayer] = None,
                   corridors: Optional[QgsVectorLayer] = None,
                   measures: Optional[QgsVectorLayer] = None,
                   workspace: Optional[str] = None) -> None:
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
            self._error(SwcError(tr("Choose a workspace to keep the findings in: a .gpkg, "
                                    "or parcels of a PostGIS workspace.")))
            return None
        if self.finding_layer is not None and self.finding_layer.isEditable():
            self.save()  # pending status steps first: the task writes the same table
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
            tr("Parcel inspection"), run_inspection, parcel_source, _source(projects),
            options, _source(ui.demCombo.currentLayer()),
            _source(ui.corridorsCombo.currentLayer()),
            _source(ui.measuresCombo.currentLayer()), workspace, self.who(),
            on_done=self._run_done, on_error=self._run_failed)
        self.task.progressChanged.connect(self._progress)
        ui.runButton.setEnabled(False)
        ui.cancelButton.setEnabled(True)
        ui.progressBar.setValue(0)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _progress(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _task_ended(self) -> None:
        self.task = None
        self.ui.runButton.setEnabled(True)
        self.ui.cancelButton.setEnabled(False)

    def _run_failed(self, error: BaseException) -> None:
        self._task_ended()
        self.ui.progressBar.setValue(0)
        self._error(error)

    def _run_done(self, result) -> None:
        self._task_ended()
        self.ui.progressBar.setValue(100)
        found, stored = result
        self.last_result = result
        self._ensure_finding_layer()
        self.ui.inputsGroup.setCollapsed(True)  # room for the findings
        if self.finding_layer is not None:
            self.finding_layer.reload()
            self.finding_layer.triggerRepaint()
        self.refresh()
        self._message(tr("{0} finding(s): {1} new, {2} kept with their status, {3} "
                         "removed, {4} no longer detected.").format(
            len(found), stored.added, stored.kept, stored.removed, stored.stale),
            Qgis.Success)

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

    def _findings_edited(self, *args) -> None:
        self._refresh_statuses()

    # tree ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Rebuild the tree from the finding table: one group per rule with counts."""
        tree = self.ui.findingsTree
        tree.clear()
        layer = self.finding_layer
        if layer is None:
            self.ui.summaryLabel.setText("")
            return
        groups: Dict[str, List] = {}
        for feature in layer.getFeatures():
            groups.setdefault(str(feature["gz"]), []).append(feature)
        order = list(RULES) + sorted(set(groups) - set(RULES))
        total = 0
        for rule in order:
            features = groups.get(rule)
            if not features:
                continue
            total += len(features)
            group = QTreeWidgetItem([tr("{0} ({1})").format(rule_label(rule), len(features))])
            group.setData(0, RULE_ROLE, rule)
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for feature in sorted(features, key=lambda f: str(f["tbbh"])):
                area = feature["mj"]
                item = QTreeWidgetItem([
                    str(feature["tbbh"]), codes.CASE_STATUS.label(str(feature["zt"])),
                    "" if area is None else "{0:.1f}".format(float(area)),
                    str(feature["xx"] or "")])
                item.setData(0, FID_ROLE, feature.id())
                item.setToolTip(3, str(feature["xx"] or ""))
                group.addChild(item)
            tree.addTopLevelItem(group)
        tree.collapseAll()  # the rule counts first; a group opens on click
        for column in range(3):
            tree.resizeColumnToContents(column)
        self.ui.summaryLabel.setText(tr("{0} finding(s) in {1} rule(s).")
                                     .format(total, tree.topLevelItemCount()))
        self._update_case_controls()

    def _refresh_statuses(self) -> None:
        layer = self.finding_layer
        if layer is None:
            return
        for item in self._items():
            feature = layer.getFeature(item.data(0, FID_ROLE))
            if feature.isValid():
                item.setText(1, codes.CASE_STATUS.label(str(feature["zt"])))
        self._update_case_controls()

    def _items(self) -> List[QTreeWidgetItem]:
        tree = self.ui.findingsTree
        return [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                for j in range(tree.topLevelItem(i).childCount())]

    def group_counts(self) -> Dict[str, int]:
        """Rule -> number of findings shown (what the group titles say)."""
        tree = self.ui.findingsTree
        return {tree.topLevelItem(i).data(0, RULE_ROLE): tree.topLevelItem(i).childCount()
                for i in range(tree.topLevelItemCount())}

    def item_for(self, parcel_id: str, rule: str) -> Optional[QTreeWidgetItem]:
        tree = self.ui.findingsTree
        for i in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(i)
            if group.data(0, RULE_ROLE) != rule:
                continue
            for j in range(group.childCount()):
                if group.child(j).text(0) == parcel_id:
                    return group.child(j)
        return None

    def selected_fids(self) -> List[int]:
        return [item.data(0, FID_ROLE) for item in self.ui.findingsTree.selectedItems()
                if item.data(0, FID_ROLE) is not None]

    def _selection_changed(self) -> None:
        fids = self.selected_fids()
        if len(fids) == 1:
            self.zoom_to(fids[0])
        self._update_case_controls()

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
            self._message(tr("Finding {0} has no geometry (empty parcel).")
                          .format(feature["tbbh"]), Qgis.Warning)
            return
        transform = QgsCoordinateTransform(self.finding_layer.crs(),
                                           canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(geometry.boundingBox()) \
            if canvas.mapSettings().destinationCrs().isValid() else geometry.boundingBox()
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

    def _update_case_controls(self) -> None:
        """Offer only the statuses every selected finding may move to."""
        combo = self.ui.statusCombo
        combo.clear()
        layer = self.finding_layer
        allowed = None
        if layer is not None:
            for fid in self.selected_fids():
                feature = layer.getFeature(fid)
                steps = set(case.allowed_statuses(str(feature["zt"]) or case.FOUND))
                allowed = steps if allowed is None else allowed & steps
        for entry in codes.CASE_STATUS:
            if allowed and entry.code in allowed:
                combo.addItem(entry.zh, entry.code)
        editable = layer is not None and layer.isEditable()
        self.ui.statusButton.setEnabled(combo.count() > 0)
        self.ui.saveButton.setEnabled(editable and layer.isModified())
        self.ui.undoButton.setEnabled(editable and layer.undoStack().canUndo())

    def apply_status(self, status: Optional[str] = None) -> int:
        """Move the selected findings to the chosen status (one undoable step)."""
        layer = self.finding_layer
        fids = self.selected_fids()
        status = status if isinstance(status, str) else self.ui.statusCombo.currentData()
        if layer is None or not fids or not status:
            return 0
        if not layer.isEditable():
            layer.startEditing()
        try:
            changed = case.set_status(layer, fids, status, self.who(),
                                      self.ui.noteEdit.text().strip())
        except SwcError as error:
            self._error(error)
            return 0
        if self.who() != setting("case/handler"):
            set_setting("case/handler", self.who())  # remembered for the next case
        self._refresh_statuses()
        self._message(tr("{0} finding(s) set to {1}: click Save to keep it.")
                      .format(changed, codes.CASE_STATUS.label(status)))
        return changed

    def undo(self) -> None:
        layer = self.finding_layer
        if layer is not None and layer.isEditable() and layer.undoStack().canUndo():
            layer.undoStack().undo()
            self._refresh_statuses()

    def save(self) -> bool:
        layer = self.finding_layer
        if layer is None or not layer.isEditable():
            return True
        try:
            case.save_edits(layer)  # only the changed rows, refused if changed meanwhile
        except SwcError as error:
            self._error(error)
            return False
        try:  # confirmed cases give their parcels the confirmed compliance code
            sync_parcel_compliance(self.workspace_path())
        except SwcError as error:
            self._error(error)
        self._refresh_statuses()
        return True

    # import and export -------------------------------------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export findings"), "",
            tr("GeoPackage (*.gpkg);;Excel workbook (*.xlsx);;CSV (*.csv)"))
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
            self._error(SwcError(tr("Choose a workspace to import into: a GeoPackage, or "
                                    "parcels of a PostGIS workspace.")))
            return None
        dialog = ImportDialog(workspace, self.iface, self)
        dialog.show()
        return dialog
