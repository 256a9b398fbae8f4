"""Dialog "Import development projects": source, field mapping, report.

Three kinds of source: a layer file (GeoPackage, shapefile in UTF-8 or GBK with
or without .cpg, FileGDB), a layer already in the project (e.g. a PostGIS table
added through the Data Source Manager), or an Excel/CSV register joined to
boundary polygons by project number.  The mapping table proposes the source
field for every ``dev_project`` field (``core.devimport.auto_field_map``); the
import runs in a ``CoreTask`` and the report lists every row not taken, and why.
"""

from __future__ import annotations

import os
from typing import Dict, List, Optional

from qgis.core import Qgis, QgsApplication, QgsMapLayerProxyModel, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import devimport
from ..core.errors import SwcError
from ..core.sources import open_source
from ..core.workspace.open import WorkspaceSource
from ..core.workspace.schema import DEV_PROJECT, UUID_FIELD
from ..tasks import CoreTask
from ..translation import tr

FILE, PROJECT_LAYER, REGISTER = 0, 1, 2


def _import_from_file(
    workspace: WorkspaceSource,
    path: str,
    layer_name: str,
    mapping: Dict[str, str],
    update: bool,
    feedback=None,
):
    source = open_source(path, layer_name)
    return devimport.import_projects(workspace, source, mapping, update, feedback)


def _import_from_layer(
    workspace: WorkspaceSource,
    source: str,
    provider: str,
    mapping: Dict[str, str],
    update: bool,
    feedback=None,
):
    layer = open_source(source, provider=provider)
    return devimport.import_projects(workspace, layer, mapping, update, feedback)


def _import_register(
    workspace: WorkspaceSource,
    path: str,
    sheet: str,
    boundary_source: str,
    boundary_provider: str,
    key: str,
    mapping: Dict[str, str],
    update: bool,
    feedback=None,
):
    boundaries = QgsVectorLayer(boundary_source, "boundaries", boundary_provider)
    return devimport.import_register(
        workspace, path, boundaries, key, mapping, sheet, update, feedback
    )


class ImportDialog(QDialog):
    """Import the development database into the workspace ``dev_project`` table."""

    def __init__(self, workspace: WorkspaceSource, iface=None, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import development projects"))
        self.workspace = workspace
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.report: Optional[devimport.ImportReport] = None
        self.combos: Dict[str, QComboBox] = {}
        self._build()
        self.kind_changed(FILE)

    # layout ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        self.kind_combo.addItems(
            [
                tr("Layer file (GeoPackage, shapefile, FileGDB)"),
                tr("Layer of the project (e.g. PostGIS)"),
                tr("Register (Excel/CSV) and boundary polygons"),
            ]
        )
        form.addRow(tr("Source"), self.kind_combo)
        self.stack = QStackedWidget()
        # file
        file_page = QWidget()
        file_form = QFormLayout(file_page)
        self.file_widget = QgsFileWidget()
        self.file_widget.setFilter(tr("Vector files (*.gpkg *.shp *.gdb *.sqlite);;All files (*)"))
        self.sublayer_combo = QComboBox()
        file_form.addRow(tr("File"), self.file_widget)
        file_form.addRow(tr("Layer"), self.sublayer_combo)
        self.stack.addWidget(file_page)
        # project layer
        layer_page = QWidget()
        layer_form = QFormLayout(layer_page)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        layer_form.addRow(tr("Layer"), self.layer_combo)
        self.stack.addWidget(layer_page)
        # register
        register_page = QWidget()
        register_form = QFormLayout(register_page)
        self.register_widget = QgsFileWidget()
        self.register_widget.setFilter(tr("Registers (*.xlsx *.xls *.ods *.csv)"))
        self.sheet_combo = QComboBox()
        self.boundary_combo = QgsMapLayerComboBox()
        self.boundary_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.key_combo = QgsFieldComboBox()
        register_form.addRow(tr("Register"), self.register_widget)
        register_form.addRow(tr("Sheet"), self.sheet_combo)
        register_form.addRow(tr("Boundaries"), self.boundary_combo)
        register_form.addRow(tr("Project number of the boundaries"), self.key_combo)
        self.stack.addWidget(register_page)
        layout.addLayout(form)
        layout.addWidget(self.stack)
        layout.addWidget(QLabel(tr("Fields of the development projects and their source")))
        self.mapping_table = QTableWidget(0, 2)
        self.mapping_table.setHorizontalHeaderLabels([tr("Field"), tr("Source field")])
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        layout.addWidget(self.mapping_table)
        self.update_check = QCheckBox(tr("Update projects already in the workspace"))
        layout.addWidget(self.update_check)
        self.progress = QProgressBar()
        layout.addWidget(self.progress)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        layout.addWidget(self.report_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(tr("Import"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.kind_combo.currentIndexChanged.connect(self.kind_changed)
        self.file_widget.fileChanged.connect(self._file_changed)
        # bound methods, not lambdas: PyQt disconnects them when the dialog is deleted
        self.sublayer_combo.currentIndexChanged.connect(self._source_changed)
        self.layer_combo.layerChanged.connect(self._source_changed)
        self.register_widget.fileChanged.connect(self._register_changed)
        self.sheet_combo.currentIndexChanged.connect(self._source_changed)
        self.boundary_combo.layerChanged.connect(self.key_combo.setLayer)
        self.key_combo.setLayer(self.boundary_combo.currentLayer())
        self.import_button.clicked.connect(self.start_import)

    # source and mapping -------------------------------------------------------------
    def kind_changed(self, kind: int) -> None:
        self.stack.setCurrentIndex(kind)
        self.refresh_mapping()

    def _source_changed(self, *_args) -> None:
        self.refresh_mapping()

    def _file_changed(self, path: str) -> None:
        self.sublayer_combo.blockSignals(True)
        self.sublayer_combo.clear()
        if path and not path.lower().endswith(".shp"):
            self.sublayer_combo.addItems(devimport.sublayers(path))
        self.sublayer_combo.blockSignals(False)
        self.refresh_mapping()

    def _register_changed(self, path: str) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        if path and not path.lower().endswith((".csv", ".txt")) and os.path.exists(path):
            self.sheet_combo.addItems(devimport.sublayers(path))
        self.sheet_combo.blockSignals(False)
        self.refresh_mapping()

    def source_fields(self) -> List[str]:
        """Field names of the chosen source ([] when none can be read yet)."""
        kind = self.kind_combo.currentIndex()
        try:
            if kind == FILE and self.file_widget.filePath():
                return (
                    open_source(self.file_widget.filePath(), self.sublayer_combo.currentText())
                    .fields()
                    .names()
                )
            if kind == PROJECT_LAYER and self.layer_combo.currentLayer() is not None:
                return self.layer_combo.currentLayer().fields().names()
            if kind == REGISTER and self.register_widget.filePath():
                return devimport.read_table(
                    self.register_widget.filePath(), self.sheet_combo.currentText()
                )[0]
        except SwcError as error:
            self.report_view.setPlainText(str(error))
        return []

    def refresh_mapping(self) -> None:
        fields = self.source_fields()
        proposal = devimport.auto_field_map(fields)
        targets = [spec for spec in DEV_PROJECT.fields if spec.name != UUID_FIELD]
        self.mapping_table.setRowCount(len(targets))
        self.combos = {}
        for row, spec in enumerate(targets):
            label = QTableWidgetItem("{0} ({1})".format(spec.zh, spec.name))
            self.mapping_table.setItem(row, 0, label)
            combo = QComboBox()
            combo.addItem("", "")
            for name in fields:
                combo.addItem(name, name)
            if spec.name in proposal:
                combo.setCurrentIndex(combo.findData(proposal[spec.name]))
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos[spec.name] = combo

    def _progress_changed(self, value: float) -> None:
        self.progress.setValue(int(value))

    def mapping(self) -> Dict[str, str]:
        return {
            target: combo.currentData()
            for target, combo in self.combos.items()
            if combo.currentData()
        }

    def set_mapping(self, target: str, source: str) -> None:
        combo = self.combos[target]
        combo.setCurrentIndex(max(combo.findData(source), 0))

    # import ------------------------------------------------------------------------------
    def start_import(self) -> Optional[CoreTask]:
        kind = self.kind_combo.currentIndex()
        mapping, update = self.mapping(), self.update_check.isChecked()
        done = dict(on_done=self._done, on_error=self._failed)
        if kind == FILE:
            self.task = CoreTask(
                tr("Import development projects"),
                _import_from_file,
                self.workspace,
                self.file_widget.filePath(),
                self.sublayer_combo.currentText(),
                mapping,
                update,
                **done,
            )
        elif kind == PROJECT_LAYER:
            layer = self.layer_combo.currentLayer()
            if layer is None:
                self._failed(SwcError(tr("Choose a layer.")))
                return None
            self.task = CoreTask(
                tr("Import development projects"),
                _import_from_layer,
                self.workspace,
                layer.source(),
                layer.providerType(),
                mapping,
                update,
                **done,
            )
        else:
            boundaries = self.boundary_combo.currentLayer()
            if boundaries is None or not self.key_combo.currentField():
                self._failed(
                    SwcError(tr("Choose the boundary layer and its project number field."))
                )
                return None
            self.task = CoreTask(
                tr("Import development projects"),
                _import_register,
                self.workspace,
                self.register_widget.filePath(),
                self.sheet_combo.currentText(),
                boundaries.source(),
                boundaries.providerType(),
                self.key_combo.currentField(),
                mapping,
                update,
                **done,
            )
        self.task.progressChanged.connect(self._progress_changed)
        self.import_button.setEnabled(False)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _done(self, report: devimport.ImportReport) -> None:
        self.task = None
        self.report = report
        self.import_button.setEnabled(True)
        self.progress.setValue(100)
        self.report_view.setPlainText("\n".join(report.lines()))
        if self.iface is not None:
            self.iface.messageBar().pushMessage(
                tr("Import development projects"), report.lines()[0], Qgis.Success
            )

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.import_button.setEnabled(True)
        self.report_view.setPlainText(str(error))
        if self.iface is not None:
            self.iface.messageBar().pushMessage(
                tr("Import development projects"), str(error), Qgis.Warning
            )
