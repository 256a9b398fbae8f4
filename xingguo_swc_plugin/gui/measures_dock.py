"""Dock "Treatment measures" (治理措施): tag selected features, edit, summarize.

Works on the selection of a layer (following the active layer), writes through
``core.measure_tagging`` on the GUI thread (edits of project layers belong there; each
write is one undoable edit command) and runs the summary in a ``CoreTask`` on
copies of the layers (``core.measure_summary``: quantities per measure, and
the treated area and gullies of ``core.plan.plan_progress`` over the summary
years, by default the plan window).  Bad input is refused by the core; the dock
shows the message in the message bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeedback,
    QgsMapLayer,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QFont, QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from ..core import measure_records, measure_tagging, measure_taxonomy
from ..core.area import PLANIMETRIC, AreaMeasurer
from ..core.errors import SwcError
from ..core.export import export_rows
from ..core.measure_checks import YEAR_MAX, YEAR_MIN
from ..core.measure_summary import MeasureSummary, measure_summary, summary_table
from ..core.settings import plan_window
from ..core.workspace.schema import BENGGANG, MEASURE, UUID_FIELD
from ..domain import codes
from ..domain.townships import TOWNSHIPS_BY_CODE
from ..domain.units import m2_to_hm2
from ..tasks import CoreTask
from ..translation import tr
from .layer_signals import LayerSignals
from .scrolling import scrolled
from .table_combos import TableCombos

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

#: Role of the measure code in the measure combo (header rows have none).
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role of the record fid in the records table's first column.
FID_ROLE = Qt.ItemDataRole.UserRole + 2
_FUNDING_PRESETS = ("中央水利发展资金", "省级水保补偿费", "县级配套", "业主自筹")


def summary_from_sources(
    measures: Tuple[str, str],
    year_from: int,
    year_to: int,
    targets: Dict[str, Tuple[str, str]],
    feedback: Optional[QgsFeedback] = None,
) -> MeasureSummary:
    """``measure_summary`` on layers opened in the calling (task) thread.

    Project layers belong to the GUI thread; the task opens its own copies from
    their sources, so only saved records count.
    """
    layers = {
        key: QgsVectorLayer(source, key, provider) for key, (source, provider) in targets.items()
    }
    return measure_summary(
        QgsVectorLayer(measures[0], "measures", measures[1]),
        None,
        year_from,
        year_to,
        feedback,
        targets=layers,
    )


class CompletionYearDialog(QDialog):
    """Asks the year a gully's treatment was completed (``zlnd``): plan progress
    counts a treated gully in the window holding that year."""

    def __init__(self, count: int, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Completion year"))
        layout = QFormLayout(self)
        self.spin = QSpinBox()
        current = QDate.currentDate().year()
        # no completion in the future; nothing before the plugin's earliest year
        self.spin.setRange(YEAR_MIN, current)
        self.spin.setValue(current)
        layout.addRow(tr("Treatment of {0} gullies completed in").format(count), self.spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def year(self) -> int:
        return self.spin.value()


def _township_name(code: str) -> str:
    township = TOWNSHIPS_BY_CODE.get(code)
    return township.xzqmc if township is not None else code


def _same_table(first: QgsVectorLayer, second: QgsVectorLayer) -> bool:
    """Whether two layers read the same table (sources may be spelled differently)."""
    if first.providerType() != second.providerType():
        return False
    if first.source() == second.source():
        return True
    registry = QgsProviderRegistry.instance()
    one = registry.decodeUri(first.providerType(), first.source())
    two = registry.decodeUri(second.providerType(), second.source())
    keys = ("path", "layerName", "dbname", "host", "port", "service", "schema", "table")
    if not any(one.get(key) for key in keys):
        return False
    return all(one.get(key) == two.get(key) for key in keys)


class MeasuresDock(QgsDockWidget):
    """Tag treatment measures on the map selection; list, edit, delete; summary."""

    def __init__(self, iface, parent: Optional[QWidget] = None):
        super().__init__(tr("Treatment measures"), parent)
        self._target_signals = LayerSignals(self._selection_changed, "selectionChanged")
        self._measure_signals = LayerSignals(
            self._measures_edited,
            "featureAdded",
            "featuresDeleted",
            "attributeValueChanged",
            "afterRollBack",
            "afterCommitChanges",
            "editingStopped",
        )
        self.setObjectName("XingguoSwcMeasuresDock")
        self.iface = iface
        self.ui = FORM_CLASS()
        body = QWidget(self)
        self.ui.setupUi(body)
        self.setWidget(scrolled(body))
        self.taxonomy = measure_taxonomy.Taxonomy(())
        self.target: Optional[QgsVectorLayer] = None
        self.measure_layer: Optional[QgsVectorLayer] = None
        self.task: Optional[CoreTask] = None
        self.last_summary: Optional[MeasureSummary] = None
        self.last_message: Optional[Tuple[str, int]] = None
        self.records: List[measure_records.MeasureRecord] = []
        #: The dialog asking the completion year while it is open (tests answer it).
        self.year_dialog: Optional[CompletionYearDialog] = None
        #: The measure table this dock added to the project (none was loaded).
        self._auto_added: Optional[QgsVectorLayer] = None
        self._setup_widgets()
        self._connect()
        self._pick_measure_table()
        self._target_changed(self.ui.targetCombo.currentLayer())
        active = iface.activeLayer() if iface is not None else None
        if active is not None:
            self._active_layer_changed(active)

    # setup ------------------------------------------------------------------
    def _setup_widgets(self) -> None:
        ui = self.ui
        ui.targetCombo.setFilters(QgsMapLayerProxyModel.VectorLayer)
        ui.targetCombo.setAllowEmptyLayer(True)
        ui.measureTableCombo.setFilters(QgsMapLayerProxyModel.NoGeometry)
        ui.measureTableCombo.setAllowEmptyLayer(True)
        self.table_combos = TableCombos(self._warn, follow_project=False)
        self.table_combos.add(ui.measureTableCombo, MEASURE.name)
        # one year range everywhere (the core's), the summary on the plan window and
        # the tagging year inside it: what is tagged shows in the summary
        first, last = plan_window()
        for spin in (ui.yearSpin, ui.yearFromSpin, ui.yearToSpin):
            spin.setRange(YEAR_MIN, YEAR_MAX)
        ui.yearFromSpin.setValue(first)
        ui.yearToSpin.setValue(last)
        ui.yearSpin.setValue(min(max(QDate.currentDate().year(), first), last))
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setEnabled(False)
        ui.periodRow.addWidget(self.export_button)
        ui.quantitySpin.setToolTip(tr("Quantity of EACH selected feature, in the unit beside it"))
        for entry in codes.MEASURE_UNIT:
            ui.unitCombo.addItem(entry.zh, entry.code)
        for entry in codes.TREATMENT_STATUS:
            ui.statusCombo.addItem(entry.zh, entry.code)
        ui.fundingCombo.addItems(_FUNDING_PRESETS)
        ui.fundingCombo.setCurrentText("")
        headers = [
            tr("Feature"),
            tr("Measure"),
            tr("Quantity"),
            tr("Unit"),
            tr("Year"),
            tr("Project"),
            tr("Funding"),
            tr("Township"),
        ]
        ui.recordsTable.setColumnCount(len(headers))
        ui.recordsTable.setHorizontalHeaderLabels(headers)
        ui.recordsTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        ui.summaryViewCombo.addItem(tr("By measure"), "measure")
        ui.summaryViewCombo.addItem(tr("By township"), "township")
        ui.summaryViewCombo.addItem(tr("By year"), "year")
        ui.summaryViewCombo.addItem(tr("By township, year and measure"), "rows")

    def _connect(self) -> None:
        ui = self.ui
        ui.targetCombo.layerChanged.connect(self._target_changed)
        ui.measureTableCombo.layerChanged.connect(self._measure_table_changed)
        ui.measureCombo.currentIndexChanged.connect(self._measure_changed)
        ui.useAreaCheck.toggled.connect(self._update_quantity)
        ui.reloadTaxonomyButton.clicked.connect(self.reload_taxonomy)
        ui.tagButton.clicked.connect(self.tag)
        ui.applyButton.clicked.connect(self.apply_to_record)
        ui.deleteButton.clicked.connect(self.delete_selected_records)
        ui.undoButton.clicked.connect(lambda: self._undo(True))
        ui.redoButton.clicked.connect(lambda: self._undo(False))
        ui.saveButton.clicked.connect(self.save)
        ui.statusButton.clicked.connect(self.set_status)
        ui.recordsTable.itemSelectionChanged.connect(self._record_chosen)
        ui.summaryButton.clicked.connect(self.summarize)
        ui.summaryViewCombo.currentIndexChanged.connect(self._show_summary)
        self.export_button.clicked.connect(self.export_dialog)
        if self.iface is not None and hasattr(self.iface, "currentLayerChanged"):
            self.iface.currentLayerChanged.connect(self._active_layer_changed)
        QgsProject.instance().layersAdded.connect(self._layers_added)

    def cleanup(self) -> None:
        """Disconnect from the interface, project and layers (plugin unload)."""
        try:
            if self.iface is not None and hasattr(self.iface, "currentLayerChanged"):
                self.iface.currentLayerChanged.disconnect(self._active_layer_changed)
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
        self._watch_target(None)
        self._watch_measures(None)
        self.table_combos.release()
        if self.task is not None:
            try:
                self.task.cancel()
            except RuntimeError:  # already finished and deleted by the task manager
                pass
            self.task = None

    # messages -----------------------------------------------------------------
    def _error(self, error: BaseException) -> None:
        self._message(str(error), Qgis.Warning)

    def _warn(self, text: str) -> None:
        self._message(text, Qgis.Warning)

    def _message(self, text: str, level=Qgis.Info) -> None:
        self.last_message = (text, level)
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Treatment measures"), text, level)

    # layers -------------------------------------------------------------------
    def _active_layer_changed(self, layer: Optional[QgsMapLayer]) -> None:
        if isinstance(layer, QgsVectorLayer) and layer.isSpatial():
            self.ui.targetCombo.setLayer(layer)

    def use_workspace(self, layers: Dict[str, QgsVectorLayer]) -> None:
        """The tables of a workspace just opened: its measure table; gullies as
        the target until another layer becomes active."""
        if MEASURE.name in layers:
            self._set_measure_table(layers[MEASURE.name])
            self._auto_added = None
        if self.target is None and BENGGANG.name in layers:
            self.ui.targetCombo.setLayer(layers[BENGGANG.name])

    def _layers_added(self, layers) -> None:
        """Pick up a measure table added to the project; drop our own copy of it."""
        if self.measure_layer is None:
            self._pick_measure_table()
            return
        own = self._auto_added
        if own is None or own is not self.measure_layer or own.isModified():
            return
        for layer in layers:
            if layer is not own and isinstance(layer, QgsVectorLayer) and _same_table(layer, own):
                self._set_measure_table(layer)
                self._auto_added = None
                QgsProject.instance().removeMapLayer(own.id())
                return

    def _set_measure_table(self, layer: Optional[QgsVectorLayer]) -> None:
        """Select ``layer`` in the combo and use it (the combo is silent when it
        already shows the layer, e.g. one it picked by itself)."""
        self.ui.measureTableCombo.setLayer(layer)
        if self.measure_layer is not layer:
            self._measure_table_changed(layer)

    def _project_measure_tables(self) -> List[QgsVectorLayer]:
        return [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsVectorLayer)
            and not layer.isSpatial()
            and all(layer.fields().indexOf(n) >= 0 for n in MEASURE.field_names())
        ]

    def _pick_measure_table(self) -> Optional[QgsVectorLayer]:
        """Choose the project's measure table, the target's workspace one first."""
        tables = self._project_measure_tables()
        if not tables:
            return None
        sibling = (
            measure_records.sibling_layer(self.target, MEASURE.name)
            if self.target is not None
            else None
        )
        same = [layer for layer in tables if sibling is not None and _same_table(layer, sibling)]
        chosen = (same or tables)[0]
        if chosen is not self.measure_layer:
            self._set_measure_table(chosen)
        return chosen

    def _ensure_measure_table(self) -> Optional[QgsVectorLayer]:
        """The measure table of the target's workspace: the project's layer if there
        is one, else the workspace table added to the project (so QGIS asks to save
        unsaved records on exit); else the table chosen in the combo."""
        sibling = (
            measure_records.sibling_layer(self.target, MEASURE.name)
            if self.target is not None
            else None
        )
        if sibling is None:
            return self.measure_layer or self._pick_measure_table()
        if self.measure_layer is not None and _same_table(self.measure_layer, sibling):
            return self.measure_layer
        for layer in self._project_measure_tables():
            if _same_table(layer, sibling):
                self._set_measure_table(layer)
                return self.measure_layer
        sibling.setName(MEASURE.zh)
        QgsProject.instance().addMapLayer(sibling)
        self._auto_added = sibling
        self._set_measure_table(sibling)
        return self.measure_layer

    def _target_changed(self, layer: Optional[QgsMapLayer]) -> None:
        layer = layer if isinstance(layer, QgsVectorLayer) else None
        self._watch_target(layer)
        if layer is not None and layer.isSpatial():
            self._ensure_measure_table()
        self._selection_changed()
        has_status = layer is not None and layer.fields().indexOf("zlzt") >= 0
        for widget in (self.ui.statusCombo, self.ui.statusButton, self.ui.statusLabel):
            widget.setEnabled(has_status)

    def _watch_target(self, layer: Optional[QgsVectorLayer]) -> None:
        self._target_signals.watch(layer)
        self.target = layer

    def _measure_table_changed(self, layer: Optional[QgsMapLayer]) -> None:
        layer = layer if isinstance(layer, QgsVectorLayer) else None
        self._watch_measures(layer)
        # measure records themselves never carry measures
        self.ui.targetCombo.setExceptedLayerList([layer] if layer is not None else [])
        self.reload_taxonomy()
        self.refresh_records()

    def _watch_measures(self, layer: Optional[QgsVectorLayer]) -> None:
        self._measure_signals.watch(layer)
        self.measure_layer = layer

    def _measures_edited(self, *args) -> None:
        self.refresh_records()

    # taxonomy and form ----------------------------------------------------------
    def reload_taxonomy(self) -> None:
        """Fill the measure list from the workspace taxonomy table, grouped by class."""
        current = self.current_measure_code()
        self.taxonomy = (
            measure_taxonomy.load_taxonomy(self.measure_layer)
            if self.measure_layer is not None
            else measure_taxonomy.Taxonomy(())
        )
        model = QStandardItemModel(self.ui.measureCombo)
        bold = QFont()
        bold.setBold(True)
        for measure_class, members in self.taxonomy.by_class().items():
            header = QStandardItem(codes.MEASURE_CLASS.label(measure_class, measure_class))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setFont(bold)
            model.appendRow(header)
            for measure in members:
                item = QStandardItem(
                    "    {0} {1} ({2})".format(
                        measure.code,
                        measure.zh,
                        codes.MEASURE_UNIT.label(measure.unit, measure.unit),
                    )
                )
                item.setData(measure.code, CODE_ROLE)
                item.setToolTip(measure.en)
                model.appendRow(item)
        self.ui.measureCombo.blockSignals(True)
        self.ui.measureCombo.setModel(model)
        self.ui.measureCombo.blockSignals(False)
        if not self.select_measure(current or ""):
            for row in range(model.rowCount()):
                if model.item(row).data(CODE_ROLE):
                    self.ui.measureCombo.setCurrentIndex(row)
                    break
        self._measure_changed()

    def measure_codes(self) -> List[str]:
        """Codes listed in the measure combo, in display order."""
        model = self.ui.measureCombo.model()
        return [
            model.index(row, 0).data(CODE_ROLE)
            for row in range(model.rowCount())
            if model.index(row, 0).data(CODE_ROLE)
        ]

    def select_measure(self, code: str) -> bool:
        index = self.ui.measureCombo.findData(code, CODE_ROLE)
        if index < 0:
            return False
        self.ui.measureCombo.setCurrentIndex(index)
        return True

    def current_measure_code(self) -> Optional[str]:
        return self.ui.measureCombo.currentData(CODE_ROLE) or None

    def _measure_changed(self, *args) -> None:
        code = self.current_measure_code()
        measure = self.taxonomy.measures.get(code) if code else None
        if measure is not None:
            self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(measure.unit))
        self._update_quantity()

    def _is_area_measure(self) -> bool:
        code = self.current_measure_code()
        measure = self.taxonomy.measures.get(code) if code else None
        return measure is not None and measure.is_area

    def _polygon_target(self) -> bool:
        return self.target is not None and self.target.geometryType() == QgsWkbTypes.PolygonGeometry

    def _update_quantity(self, *args) -> None:
        use_area = self._is_area_measure() and self._polygon_target()
        self.ui.useAreaCheck.setVisible(use_area)
        by_area = use_area and self.ui.useAreaCheck.isChecked()
        self.ui.quantitySpin.setEnabled(not by_area)
        if by_area:
            self.ui.quantitySpin.setValue(self.selected_area_hm2())

    def selected_area_hm2(self) -> float:
        """Area of the selected features, hm² (what the records will carry in total)."""
        if not self._polygon_target():
            return 0.0
        measurer = AreaMeasurer(self.target.crs(), PLANIMETRIC, self.target.transformContext())
        return round(
            sum(
                m2_to_hm2(measurer.area_m2(feature.geometry()))
                for feature in self.target.getSelectedFeatures()
            ),
            4,
        )

    # selection and records --------------------------------------------------
    def selected_ids(self) -> List[int]:
        return sorted(self.target.selectedFeatureIds()) if self.target is not None else []

    def _selection_changed(self, *args) -> None:
        count = len(self.selected_ids())
        if self.target is None:
            text = tr("Choose a layer")
        elif count == 0:
            text = tr("No features selected in {0}").format(self.target.name())
        else:
            text = tr("{0} features selected in {1}").format(count, self.target.name())
        self.ui.selectionLabel.setText(text)
        self._update_quantity()
        self.refresh_records()

    def refresh_records(self) -> None:
        """Show the measure records of the selected features."""
        table = self.ui.recordsTable
        table.setRowCount(0)
        self.records = []
        self.ui.recordsLabel.setText(tr("Measures of the selection: {0}").format(0))
        if (
            self.measure_layer is None
            or self.target is None
            or self.target.fields().indexOf(UUID_FIELD) < 0
        ):
            return
        ids = self.selected_ids()
        if not ids:
            return
        try:
            self.records = measure_records.measures_of_features(
                self.measure_layer, self.target, ids
            )
        except SwcError as error:
            self._error(error)
            return
        labels = {}
        field = (
            "bgbh"
            if self.target.fields().indexOf("bgbh") >= 0
            else ("tbbh" if self.target.fields().indexOf("tbbh") >= 0 else None)
        )
        for feature in self.target.getSelectedFeatures():
            labels[str(feature[UUID_FIELD])] = str(feature[field]) if field else str(feature.id())
        self.records.sort(key=lambda r: (labels.get(r.mbid, r.mbid), r.nd, r.csdm, r.fid))
        table.setSortingEnabled(False)
        table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            measure = self.taxonomy.measures.get(record.csdm)
            values = (
                labels.get(record.mbid, record.mbid[:8]),
                measure.zh if measure else record.csdm,
                "{0:g}".format(record.sl),
                codes.MEASURE_UNIT.label(record.dw, record.dw),
                str(record.nd),
                record.xmmc,
                record.zjly,
                _township_name(record.xzqdm),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 0:
                    item.setData(FID_ROLE, record.fid)
                table.setItem(row, column, item)
        table.resizeColumnsToContents()
        self.ui.recordsLabel.setText(tr("Measures of the selection: {0}").format(len(self.records)))

    def chosen_record_fids(self) -> List[int]:
        rows = sorted({index.row() for index in self.ui.recordsTable.selectedIndexes()})
        return [self.ui.recordsTable.item(row, 0).data(FID_ROLE) for row in rows]

    def _record_chosen(self) -> None:
        """Load the chosen record into the form so it can be edited."""
        fids = self.chosen_record_fids()
        if len(fids) != 1:
            return
        record = next((r for r in self.records if r.fid == fids[0]), None)
        if record is None:
            return
        self.select_measure(record.csdm)
        self.ui.useAreaCheck.setChecked(False)
        self.ui.quantitySpin.setValue(record.sl)
        self.ui.unitCombo.setCurrentIndex(self.ui.unitCombo.findData(record.dw))
        self.ui.yearSpin.setValue(record.nd)
        self.ui.projectEdit.setText(record.xmmc)
        self.ui.fundingCombo.setCurrentText(record.zjly)

    # actions ------------------------------------------------------------------
    def _form_quantity(self) -> Optional[float]:
        if (
            not self.ui.useAreaCheck.isHidden()
            and self.ui.useAreaCheck.isChecked()
            and self._is_area_measure()
            and self._polygon_target()
        ):
            return None
        return self.ui.quantitySpin.value()

    def tag(self) -> int:
        """Write one record per selected feature (one undoable step); count written."""
        try:
            measure_layer = self._ensure_measure_table()
            if measure_layer is None:
                raise SwcError(
                    tr("No measure table: open a workspace or choose the measure table.")
                )
            if self.target is None:
                raise SwcError(tr("Choose the layer whose features get the measure."))
            records = measure_tagging.tag_features(
                measure_layer,
                self.target,
                self.selected_ids(),
                self.current_measure_code() or "",
                self._form_quantity(),
                self.ui.yearSpin.value(),
                self.ui.projectEdit.text(),
                self.ui.fundingCombo.currentText(),
                unit=self.ui.unitCombo.currentData(),
                taxonomy=self.taxonomy,
            )
        except SwcError as error:
            self._error(error)
            return 0
        self.refresh_records()
        self._message(
            tr("{0} measure records written (undo with Undo; Save keeps them).").format(
                len(records)
            ),
            Qgis.Success,
        )
        year = self.ui.yearSpin.value()
        if not self.ui.yearFromSpin.value() <= year <= self.ui.yearToSpin.value():
            self._message(
                tr("The records of {0} are outside the summary years {1}-{2}.").format(
                    year, self.ui.yearFromSpin.value(), self.ui.yearToSpin.value()
                ),
                Qgis.Warning,
            )
        return len(records)

    def apply_to_record(self) -> bool:
        fids = self.chosen_record_fids()
        try:
            if len(fids) != 1:
                raise SwcError(tr("Choose one measure record in the table to edit."))
            measure_tagging.edit_measure(
                self.measure_layer,
                fids[0],
                measure_code=self.current_measure_code(),
                quantity=self.ui.quantitySpin.value(),
                unit=self.ui.unitCombo.currentData(),
                year=self.ui.yearSpin.value(),
                project=self.ui.projectEdit.text(),
                funding=self.ui.fundingCombo.currentText(),
                taxonomy=self.taxonomy,
            )
        except SwcError as error:
            self._error(error)
            return False
        self.refresh_records()
        return True

    def delete_selected_records(self) -> int:
        try:
            if self.measure_layer is None:
                raise SwcError(tr("No measure table."))
            count = measure_tagging.delete_measures(self.measure_layer, self.chosen_record_fids())
        except SwcError as error:
            self._error(error)
            return 0
        self.refresh_records()
        return count

    def _undo(self, undo: bool) -> None:
        if self.measure_layer is None:
            return
        stack = self.measure_layer.undoStack()
        if undo and stack.canUndo():
            stack.undo()
        elif not undo and stack.canRedo():
            stack.redo()
        self.refresh_records()

    def save(self) -> bool:
        """Save the measure table and, if edited, the feature layer (gully status)."""
        for layer in (self.measure_layer, self.target):
            if layer is None or not layer.isEditable():
                continue
            if not layer.commitChanges():
                self._error(
                    SwcError(
                        tr("Cannot save {0}: {1}").format(
                            layer.name(), "; ".join(layer.commitErrors())
                        )
                    )
                )
                return False
        self._message(tr("Saved."), Qgis.Success)
        return True

    def ask_completion_year(self, count: int) -> Optional[int]:
        """The completion year from a small dialog; None when canceled."""
        self.year_dialog = CompletionYearDialog(count, self)
        try:
            if self.year_dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.year_dialog.year()
        finally:
            self.year_dialog.deleteLater()
            self.year_dialog = None

    def set_status(self) -> int:
        """Set the treatment status of the selected gullies; 已治理 asks the year
        the treatment was completed first (nothing changes when canceled)."""
        status = self.ui.statusCombo.currentData()
        year = None
        ids = self.selected_ids()
        if (
            status == measure_tagging.TREATED
            and ids
            and self.target is not None
            and self.target.fields().indexOf("zlnd") >= 0
        ):
            year = self.ask_completion_year(len(ids))
            if year is None:
                return 0
        try:
            count = measure_tagging.set_treatment_status(self.target, ids, status, year=year)
        except SwcError as error:
            self._error(error)
            return 0
        if year is None:
            self._message(
                tr("Treatment status of {0} gullies set to {1}.").format(
                    count, self.ui.statusCombo.currentText()
                ),
                Qgis.Success,
            )
        else:
            self._message(
                tr("Treatment status of {0} gullies set to {1}, completed in {2}.").format(
                    count, self.ui.statusCombo.currentText(), year
                ),
                Qgis.Success,
            )
        return count

    # summary ------------------------------------------------------------------
    def summarize(self) -> Optional[CoreTask]:
        """Run the summary in a background task on copies of the layers."""
        if self.measure_layer is None:
            self._error(SwcError(tr("No measure table: open a workspace first.")))
            return None
        if self.measure_layer.isModified():
            self._message(
                tr("Unsaved measure records are not in the summary: save first."), Qgis.Warning
            )
        targets = {}
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf(UUID_FIELD) >= 0:
                targets.setdefault(
                    measure_records.layer_key(layer), (layer.source(), layer.providerType())
                )
        self.ui.summaryButton.setEnabled(False)
        self.task = CoreTask(
            tr("Treatment measure summary"),
            summary_from_sources,
            (self.measure_layer.source(), self.measure_layer.providerType()),
            self.ui.yearFromSpin.value(),
            self.ui.yearToSpin.value(),
            targets,
            on_done=self._summary_done,
            on_error=self._summary_failed,
        )
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _summary_failed(self, error: BaseException) -> None:
        self.task = None
        self.ui.summaryButton.setEnabled(True)
        self._error(error)

    def _summary_done(self, summary: MeasureSummary) -> None:
        self.task = None
        self.ui.summaryButton.setEnabled(True)
        self.last_summary = summary
        county = summary.progress.county
        text = tr(
            "{0}-{1}: {2} records; newly treated area {3:.2f} hm² ({4:.1f} % of "
            "{5:.2f} hm²); treated gullies {6} 座 ({7:.1f} % of {8} 座)."
        ).format(
            summary.year_from,
            summary.year_to,
            summary.records,
            county.treated_area_hm2,
            county.area_progress_percent or 0.0,
            county.target_area_hm2 or 0.0,
            county.treated_gullies,
            county.gully_progress_percent or 0.0,
            county.target_gullies or 0,
        )
        if summary.unresolved_records:
            text += " " + tr("{0} records point to missing features.").format(
                summary.unresolved_records
            )
        if summary.progress.undated_gullies:
            text += " " + tr(
                "{0} gullies marked treated have no completion year zlnd; they are not counted."
            ).format(summary.progress.undated_gullies)
        self.ui.totalsLabel.setText(text)
        self.export_button.setEnabled(True)
        self._show_summary()

    def summary_view(self) -> Tuple[List[str], List[tuple]]:
        """Headers and rows of the chosen summary view (shown and exported)."""
        summary = self.last_summary
        if summary is None:
            return [], []
        view = self.ui.summaryViewCombo.currentData()
        if view == "measure":
            headers = [tr("Measure"), tr("Class"), tr("Quantity"), tr("Unit"), tr("Records")]
            rows = [
                (
                    t.csmc,
                    codes.MEASURE_CLASS.label(t.cslb, t.cslb),
                    t.quantity,
                    codes.MEASURE_UNIT.label(t.dw, t.dw),
                    t.records,
                )
                for t in summary.by_measure.values()
            ]
        elif view == "township":
            headers = [
                tr("Township"),
                tr("Records"),
                tr("Newly treated area (hm²)"),
                tr("Re-treated area (hm²)"),
                tr("Treated gullies (座)"),
            ]
            rows = [
                (
                    "{0} {1}".format(r.xzqmc, r.xzqdm).strip(),
                    summary.records_by_township.get(r.xzqdm, 0)
                    if r is not summary.progress.county
                    else summary.records,
                    round(r.treated_area_hm2, 4),
                    round(r.retreated_area_hm2, 4),
                    r.treated_gullies,
                )
                for r in summary.progress.rows
            ]
        elif view == "year":
            headers = [tr("Year"), tr("Records")]
            rows = list(summary.records_by_year.items())
        else:
            headers = [
                tr("Township"),
                tr("Year"),
                tr("Measure"),
                tr("Quantity"),
                tr("Unit"),
                tr("Records"),
            ]
            rows = [
                (
                    r.xzqmc or r.xzqdm,
                    r.nd,
                    r.csmc,
                    r.quantity,
                    codes.MEASURE_UNIT.label(r.dw, r.dw),
                    r.records,
                )
                for r in summary.rows
            ]
        return headers, rows

    def _show_summary(self, *args) -> None:
        table = self.ui.summaryTable
        table.setSortingEnabled(False)
        table.clear()
        if self.last_summary is None:
            table.setRowCount(0)
            return
        headers, rows = self.summary_view()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem()
                if isinstance(value, float):
                    item.setData(Qt.ItemDataRole.DisplayRole, round(value, 4))
                elif isinstance(value, int):
                    item.setData(Qt.ItemDataRole.DisplayRole, value)
                else:
                    item.setText(str(value))
                table.setItem(row, column, item)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export the measure summary"), "", tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if path:
            self.export(path)

    def export(self, path: str) -> Optional[str]:
        """Write the summary table (the ``measuresummary`` OUTPUT columns) to
        ``path`` (.xlsx or .csv)."""
        if self.last_summary is None:
            self._warn(tr("Summarize first: there is nothing to export."))
            return None
        table = summary_table(self.last_summary)
        names = list(table[0]) if table else []
        labels = {"dw": codes.MEASURE_UNIT, "cslb": codes.MEASURE_CLASS}

        def shown(name: str, value):
            # a reader of the file sees 座 and 工程措施, not the codes zuo and E
            if name in labels and value:
                return labels[name].label(value, value)
            return value

        try:
            export_rows(path, names, [[shown(name, row[name]) for name in names] for row in table])
        except SwcError as error:
            self._error(error)
            return None
        self._message(tr("Exported to {0}").format(path), Qgis.Success)
        return path
