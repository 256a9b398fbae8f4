"""Dock "Atlas" (图集输出): one PDF map sheet per township, in a background task.

The export runs ``core.atlas.export_atlas`` in a ``CoreTask`` on snapshots of
the layers (source and style, taken here on the GUI thread): the task builds its
own layers, project and layout, so the project's layers are never touched from
the worker thread.  When it is done the same layout, over the project's layers
and with the computed figures, is added to the project's layout manager, and
the folder is opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem, QWidget

from ..core import atlas
from ..core.errors import CanceledError, SwcError
from ..core.log import log
from ..core.workspace.schema import TOWNSHIP, WATERSHED
from ..tasks import CoreTask
from ..translation import tr
from .layer_signals import LayerSignals
from .scrolling import scrolled
from .table_combos import TableCombos

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

#: Role of the layer id in the layers list.
LAYER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AtlasDock(QgsDockWidget):
    """Pick townships, layers, template and folder; export the atlas."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Atlas"), parent)
        self._selection_signals = LayerSignals(self._update_selection_label, "selectionChanged")
        self.setObjectName("XingguoSwcAtlasDock")
        self.iface = iface
        self.ui = FORM_CLASS()
        body = QWidget(self)
        self.ui.setupUi(body)
        self.setWidget(scrolled(body))
        self.task: Optional[CoreTask] = None
        self.last_result: Optional[atlas.AtlasResult] = None
        self.last_layout = None
        self.last_message: Optional[tuple] = None
        self._run_inputs: dict = {}
        ui = self.ui
        ui.townshipCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        # sheets per zone of another zoning (small watersheds) instead of per township
        self.zones_combo = QgsMapLayerComboBox()
        self.zones_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.zones_combo.setAllowEmptyLayer(True)
        self.zones_combo.setLayer(None)
        self.zones_combo.setToolTip(
            tr(
                "Empty: one sheet per township. A zoning layer "
                "(small watersheds): one sheet per zone."
            )
        )
        self.zone_field = QgsFieldComboBox()
        self.zone_name_field = QgsFieldComboBox()
        self.zone_name_field.setAllowEmptyFieldName(True)
        ui.form.insertRow(1, tr("Zones"), self.zones_combo)
        ui.form.insertRow(2, tr("Zone code field"), self.zone_field)
        ui.form.insertRow(3, tr("Zone name field"), self.zone_name_field)
        self.table_combos = TableCombos(self._warn)
        self.table_combos.add(ui.townshipCombo, TOWNSHIP.name)
        ui.templateWidget.setFilter(tr("Layout templates (*.qpt)"))
        ui.folderWidget.setStorageMode(QgsFileWidget.GetDirectory)
        ui.titleEdit.setText(atlas.default_title())
        ui.townshipCombo.layerChanged.connect(self._township_layer_changed)
        self.zones_combo.layerChanged.connect(self._zones_changed)
        self._zones_changed(None)
        ui.runButton.clicked.connect(self.run)
        ui.cancelButton.clicked.connect(self.cancel)
        ui.allRadio.toggled.connect(self._update_selection_label)
        project = QgsProject.instance()
        project.layersAdded.connect(self._refresh_layers)
        project.layersRemoved.connect(self._refresh_layers)
        self._township_layer_changed(ui.townshipCombo.currentLayer())
        self.table_combos.pick()

    def use_workspace(self, layers) -> None:
        """The tables of a workspace just opened, by table name."""
        self.table_combos.pick(layers)
        self._refresh_layers()

    def cleanup(self) -> None:
        """Disconnect from the project and the township layer (plugin unload)."""
        project = QgsProject.instance()
        for signal, slot in (
            (project.layersAdded, self._refresh_layers),
            (project.layersRemoved, self._refresh_layers),
        ):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        self._watch_selection(None)
        self.table_combos.release()
        if self.task is not None:
            self.task.cancel()

    # widgets ------------------------------------------------------------------
    def _township_layer_changed(self, layer: Optional[QgsMapLayer]) -> None:
        self._sheets_changed()

    def _zones_changed(self, layer: Optional[QgsMapLayer]) -> None:
        layer = layer if isinstance(layer, QgsVectorLayer) else None
        for combo in (self.zone_field, self.zone_name_field):
            combo.setLayer(layer)
            combo.setEnabled(layer is not None)
        if layer is not None:
            watershed = atlas.table_name(layer) == WATERSHED.name
            for combo, name in (
                (self.zone_field, "lydm" if watershed else "xzqdm"),
                (self.zone_name_field, "lymc" if watershed else "xzqmc"),
            ):
                if layer.fields().indexOf(name) >= 0:
                    combo.setField(name)
        self._sheets_changed()

    def _sheets_changed(self) -> None:
        """The layer whose features become sheets: filter, selection, layers list."""
        layer = self.sheet_layer()
        self.ui.filterWidget.setLayer(layer)
        self._watch_selection(layer)
        self._refresh_layers()
        self._update_selection_label()

    def zones_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.zones_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def sheet_layer(self) -> Optional[QgsVectorLayer]:
        """The zones when chosen, else the townships."""
        return self.zones_layer() or self.township_layer()

    def sheet_code_field(self) -> str:
        return (
            self.zone_field.currentField() if self.zones_layer() is not None else atlas.CODE_FIELD
        )

    def _watch_selection(self, layer: Optional[QgsVectorLayer]) -> None:
        self._selection_signals.watch(layer)

    def _update_selection_label(self, *args) -> None:
        layer = self.sheet_layer()
        count = layer.selectedFeatureCount() if layer is not None else 0
        self.ui.selectionLabel.setText(tr("{0} selected").format(count))

    def _refresh_layers(self, *args) -> None:
        """List the project's layers; check those of the township workspace, else
        the visible ones (a previous choice is kept)."""
        ui = self.ui
        checked = {
            ui.layersList.item(i).data(LAYER_ID_ROLE): ui.layersList.item(i).checkState()
            for i in range(ui.layersList.count())
        }
        townships = self.township_layer()
        workspace = _gpkg(townships) if townships is not None else ""
        root = QgsProject.instance().layerTreeRoot()
        ui.layersList.clear()
        for node in root.findLayers():
            layer = node.layer()
            if layer is None or layer is townships or not layer.isSpatial():
                continue
            item = QListWidgetItem(layer.name())
            item.setData(LAYER_ID_ROLE, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            default = (_gpkg(layer) == workspace) if workspace else node.isVisible()
            state = checked.get(
                layer.id(), Qt.CheckState.Checked if default else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)
            ui.layersList.addItem(item)

    def township_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.ui.townshipCombo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def chosen_layers(self) -> List[QgsMapLayer]:
        project = QgsProject.instance()
        layers = []
        for i in range(self.ui.layersList.count()):
            item = self.ui.layersList.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                layer = project.mapLayer(item.data(LAYER_ID_ROLE))
                if layer is not None:
                    layers.append(layer)
        return layers

    def filter_expression(self) -> Optional[str]:
        """The user's filter, restricted to the selection when asked."""
        expression = self.ui.filterWidget.expression().strip() or None
        layer = self.sheet_layer()
        field = self.sheet_code_field()
        if self.ui.selectedRadio.isChecked() and layer is not None:
            codes = [
                str(f[field])
                for f in layer.selectedFeatures()
                if layer.fields().indexOf(field) >= 0
            ]
            if not codes:
                raise SwcError(
                    tr("No township selected: select townships on the map or print all.")
                )
            return atlas.codes_filter(codes, expression)
        return expression

    # run ----------------------------------------------------------------------
    def run(self) -> None:
        if self.task is not None:
            return
        townships = self.township_layer()
        folder = self.ui.folderWidget.filePath().strip()
        try:
            if townships is None:
                raise SwcError(tr("Choose the township layer."))
            self.table_combos.check()
            if not folder:
                raise SwcError(tr("Choose an output folder."))
            zones = self.zones_layer()
            if zones is not None and not self.zone_field.currentField():
                raise SwcError(tr("Choose the zone code field."))
            expression = self.filter_expression()
            layers = [layer for layer in self.chosen_layers() if layer is not zones]
            # snapshots here, on the GUI thread where the layers live
            township_snapshot = atlas.LayerSnapshot.of(zones or townships)
            snapshots = [atlas.LayerSnapshot.of(layer) for layer in layers]
        except SwcError as error:
            self._message(str(error), Qgis.Warning)
            return
        template = self.ui.templateWidget.filePath().strip() or None
        title = self.ui.titleEdit.text()
        zone_fields = {
            "zone_field": self.zone_field.currentField() if zones else "",
            "zone_name_field": self.zone_name_field.currentField() if zones else "",
        }
        self._run_inputs = {
            "townships": zones or townships,
            "layers": layers,
            "template": template,
            "title": title,
            "filter": expression,
            "zones": zone_fields,
        }
        self.task = CoreTask(
            tr("Township atlas"),
            atlas.export_atlas,
            township_snapshot,
            snapshots,
            folder,
            template=template,
            title=title,
            filter_expression=expression,
            merged=self.ui.mergedCheck.isChecked(),
            dpi=self.ui.dpiSpin.value(),
            on_done=self._done,
            on_error=self._failed,
            **zone_fields,
        )
        self.task.progressChanged.connect(self._progress)
        self._busy(True)
        self.ui.statusLabel.setText(tr("Exporting…"))
        QgsApplication.taskManager().addTask(self.task)

    def _progress(self, value: float) -> None:
        self.ui.progressBar.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _busy(self, busy: bool) -> None:
        self.ui.runButton.setEnabled(not busy)
        self.ui.cancelButton.setEnabled(busy)
        if busy:
            self.ui.progressBar.setValue(0)

    def _done(self, result: atlas.AtlasResult) -> None:
        self.task = None
        self._busy(False)
        self.last_result = result
        self.ui.progressBar.setValue(100)
        text = tr("{0} sheets written to {1} in {2:.0f} s.").format(
            result.pages, result.folder, result.seconds
        )
        inputs = self._run_inputs
        if self.ui.addLayoutCheck.isChecked():
            try:
                self.last_layout = atlas.add_layout_to_project(
                    QgsProject.instance(),
                    inputs["townships"],
                    inputs["layers"],
                    result.statistics,
                    inputs["template"],
                    inputs["title"],
                    inputs["filter"],
                    **inputs["zones"],
                )
                text += " " + tr("Layout {0} added to the project.").format(self.last_layout.name())
            except (SwcError, RuntimeError) as error:  # layer removed meanwhile
                log(str(error), level=Qgis.Warning)
        self.ui.statusLabel.setText(text)
        self._message(text, Qgis.Success)
        if self.ui.openFolderCheck.isChecked() and os.path.isdir(result.folder):
            QDesktopServices.openUrl(QUrl.fromLocalFile(result.folder))

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self._busy(False)
        self.ui.progressBar.setValue(0)
        if isinstance(error, CanceledError) or str(error) == tr("Canceled."):
            text = tr("Atlas export canceled: nothing was written.")
            level = Qgis.Info
        else:
            text = (
                str(error)
                if isinstance(error, SwcError)
                else tr("The atlas export failed: {0}").format(error)
            )
            level = Qgis.Critical
        self.ui.statusLabel.setText(text)
        self._message(text, level)

    def _warn(self, text: str) -> None:
        self._message(text, Qgis.Warning)

    def _message(self, text: str, level) -> None:
        self.last_message = (text, level)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Atlas"), text, level, 8)


def _gpkg(layer: QgsMapLayer) -> str:
    source = layer.source() if layer is not None else ""
    path = source.split("|")[0]
    return os.path.normcase(os.path.abspath(path)) if path.lower().endswith(".gpkg") else ""
