"""Dock "Township statistics" (乡镇统计): areas by township and class, 水保率,
a bar chart and the county's progress to its targets; export to XLSX / CSV.

The work runs in a ``CoreTask`` calling ``core.dashboard.county_dashboard`` (the
dashboard model: the statistics cores and ``core.plan.plan_progress``); the
dock only shows the result.  The zones are the townships or any zoning layer
and code field (the workspace's small watersheds ``watershed``/``lydm``).
"""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.dashboard import Dashboard, county_dashboard, dashboard_table
from ..core.errors import SwcError
from ..core.export import export_rows
from ..core.workspace.layers import class_labels, project_layers_of_table, table_of, workspace_key
from ..core.workspace.schema import (
    BENGGANG,
    DEV_PROJECT,
    EROSION,
    MEASURE,
    PARCEL,
    TOWNSHIP,
    WATERSHED,
)
from ..domain.thresholds import COUNTY_CODE
from ..tasks import CoreTask
from ..translation import tr
from .scrolling import scrolled
from .table_combos import TableCombos


class BarChart(QWidget):
    """Horizontal bars, one per township (QPainter; no plotting library)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: List[Tuple[str, float]] = []
        self.unit = ""
        self.target: Optional[float] = None
        self.setMinimumHeight(160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_values(
        self, values: Sequence[Tuple[str, float]], unit: str, target: Optional[float] = None
    ) -> None:
        self.values = list(values)
        self.unit = unit
        self.target = target
        self.setMinimumHeight(max(160, 16 * len(self.values) + 20))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API name)
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        if not self.values:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("No statistics yet"))
            painter.end()
            return
        top = max((v for _, v in self.values), default=0.0)
        if self.target:
            top = max(top, self.target)
        top = top or 1.0
        label_width = 70
        width = max(10, self.width() - label_width - 70)
        row = max(14.0, (self.height() - 10) / len(self.values))
        for i, (label, value) in enumerate(self.values):
            y = 5 + i * row
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 4, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar = QRectF(label_width, y + 1, width * value / top, max(2.0, row - 3))
            painter.fillRect(bar, QColor(70, 130, 180))
            painter.drawText(
                QRectF(label_width + bar.width() + 4, y, 66, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                "{0:.1f}".format(value),
            )
        if self.target:
            x = label_width + width * self.target / top
            painter.setPen(QColor(200, 30, 30))
            painter.drawLine(int(x), 0, int(x), self.height())
        painter.end()


class StatsDock(QgsDockWidget):
    """Township statistics dock (tr("Township statistics"))."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Township statistics"), parent)
        self.setObjectName("XingguoSwcStatsDock")
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.result: Optional[Dashboard] = None
        self.headers: List[str] = []
        self.table_rows: List[list] = []
        #: (input layer, class field) of the last run: labels for its class codes
        self._class_source: Tuple[Optional[QgsVectorLayer], str] = (None, "")
        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.townships_combo = QgsMapLayerComboBox()
        self.townships_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.township_field = QgsFieldComboBox()
        self.input_combo = QgsMapLayerComboBox()
        self.input_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.class_field = QgsFieldComboBox()
        self.class_field.setAllowEmptyFieldName(True)
        self.method_combo = QComboBox()
        self.method_combo.addItem(tr("Planimetric (projected CRS)"), 0)
        self.method_combo.addItem(tr("Ellipsoidal (CGCS2000)"), 1)
        self.erosion_combo = QgsMapLayerComboBox()
        self.erosion_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.erosion_combo.setAllowEmptyLayer(True)
        self.grade_field = QgsFieldComboBox()
        self.grade_field.setFilters(QgsFieldProxyModel.AllTypes)
        self.table_combos = TableCombos(self._message)
        self.table_combos.add(self.townships_combo, TOWNSHIP.name)
        self.table_combos.add(self.erosion_combo, EROSION.name)
        # statistics per zone of another zoning (small watersheds) instead
        self.zones_combo = QgsMapLayerComboBox()
        self.zones_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.zones_combo.setAllowEmptyLayer(True)
        self.zones_combo.setLayer(None)
        self.zones_combo.setToolTip(
            tr("Empty: per township. A zoning layer (small watersheds): per zone.")
        )
        self.zone_field = QgsFieldComboBox()
        self.zone_field.setEnabled(False)
        form.addRow(tr("Townships"), self.townships_combo)
        form.addRow(tr("Township code field"), self.township_field)
        form.addRow(tr("Zones"), self.zones_combo)
        form.addRow(tr("Zone code field"), self.zone_field)
        form.addRow(tr("Input polygons"), self.input_combo)
        form.addRow(tr("Class field"), self.class_field)
        form.addRow(tr("Area"), self.method_combo)
        form.addRow(tr("Soil erosion"), self.erosion_combo)
        form.addRow(tr("Erosion grade field"), self.grade_field)
        from ..core.measure_checks import YEAR_MAX, YEAR_MIN
        from ..core.settings import plan_window

        period = QHBoxLayout()
        self.year_from_spin = QSpinBox()
        self.year_to_spin = QSpinBox()
        for spin, year in zip((self.year_from_spin, self.year_to_spin), plan_window()):
            spin.setRange(YEAR_MIN, YEAR_MAX)
            spin.setValue(year)
            period.addWidget(spin)
        form.addRow(tr("Plan progress years"), period)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.export_button = QPushButton(tr("Export…"))
        self.export_button.setEnabled(False)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        layout.addWidget(self.progress)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(180)
        layout.addWidget(self.table, 3)
        self.chart_combo = QComboBox()
        self.chart_combo.addItem(tr("Area (hm²)"), "area")
        self.chart_combo.addItem(tr("Soil conservation rate (%)"), "rate")
        layout.addWidget(self.chart_combo)
        self.chart = BarChart()
        # one row per township at a readable height: scroll rather than overlap
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        layout.addWidget(chart_scroll, 2)
        county = QGroupBox(tr("County targets"))
        county.setObjectName("planProgressGroup")  # progress to the plan targets
        county_form = QFormLayout(county)
        self.rate_label = QLabel("-")
        self.rate_bar = QProgressBar()
        self.area_label = QLabel("-")
        self.area_bar = QProgressBar()
        self.gully_label = QLabel("-")
        self.gully_bar = QProgressBar()
        for bar in (self.rate_bar, self.area_bar, self.gully_bar):
            bar.setRange(0, 100)
            bar.setValue(0)
        county_form.addRow(tr("Soil conservation rate"), self.rate_label)
        county_form.addRow("", self.rate_bar)
        county_form.addRow(tr("Treated area"), self.area_label)
        county_form.addRow("", self.area_bar)
        county_form.addRow(tr("Treated gullies"), self.gully_label)
        county_form.addRow("", self.gully_bar)
        layout.addWidget(county)
        self.setWidget(scrolled(body))

        self.townships_combo.layerChanged.connect(self._townships_changed)
        self.zones_combo.layerChanged.connect(self._zones_changed)
        self.input_combo.layerChanged.connect(self.class_field.setLayer)
        self.erosion_combo.layerChanged.connect(self._erosion_changed)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button.clicked.connect(self.export_dialog)
        self.chart_combo.currentIndexChanged.connect(self._update_chart)
        self._townships_changed(self.townships_combo.currentLayer())
        self.class_field.setLayer(self.input_combo.currentLayer())
        self._erosion_changed(self.erosion_combo.currentLayer())
        self.table_combos.pick()
        #: the user chose the input polygons (else the workspace's erosion is used)
        self._input_chosen = False
        self.input_combo.activated.connect(self._input_activated)
        self._pick_input()
        QgsProject.instance().layersAdded.connect(self._pick_input)

    # -- inputs ---------------------------------------------------------------
    def use_workspace(self, layers) -> None:
        """The tables of a workspace just opened, by table name: its townships,
        erosion as input (by grade) and as erosion layer."""
        self.table_combos.pick(layers)
        if EROSION.name in layers:
            self.input_combo.setLayer(layers[EROSION.name])
            self.class_field.setField("qsqd")

    def _input_activated(self, *_args) -> None:
        self._input_chosen = True

    def _pick_input(self, *_args) -> None:
        """Input polygons: the workspace's erosion (by grade) rather than a table
        that makes no sense to sum (findings, townships themselves)."""
        current = table_of(self.input_combo.currentLayer())
        if current == EROSION.name or (
            self._input_chosen
            and (
                current in (PARCEL.name, BENGGANG.name, DEV_PROJECT.name)
                or (self.input_combo.currentLayer() is not None and not current)
            )
        ):
            return
        candidates = project_layers_of_table(EROSION.name)
        if candidates:
            self.input_combo.setLayer(candidates[0])
            self.class_field.setLayer(candidates[0])
            self.class_field.setField("qsqd")

    def _townships_changed(self, layer) -> None:
        self.township_field.setLayer(layer)
        if layer is not None and layer.fields().lookupField("xzqdm") >= 0:
            self.township_field.setField("xzqdm")

    def _zones_changed(self, layer) -> None:
        self.zone_field.setLayer(layer)
        self.zone_field.setEnabled(layer is not None)
        if layer is None:
            return
        name = "lydm" if table_of(layer) == WATERSHED.name else "xzqdm"
        if layer.fields().lookupField(name) >= 0:
            self.zone_field.setField(name)

    def _measure_layers(self) -> Tuple[Optional[QgsVectorLayer], Optional[QgsVectorLayer]]:
        """The workspace's measure and township tables for the plan progress: the
        project's, else None (the core then looks beside the zones)."""
        prefer = workspace_key(self.townships_combo.currentLayer())
        measures = project_layers_of_table(MEASURE.name, prefer=prefer)
        townships = project_layers_of_table(TOWNSHIP.name, prefer=prefer)
        return (
            self._for_task(measures[0]) if measures else None,
            self._for_task(townships[0]) if townships else None,
        )

    def _erosion_changed(self, layer) -> None:
        self.grade_field.setLayer(layer)
        if layer is not None and layer.fields().lookupField("qsqd") >= 0:
            self.grade_field.setField("qsqd")

    def _message(self, text: str, level=Qgis.Warning) -> None:
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("Township statistics"), text, level, 8)

    @staticmethod
    def _for_task(layer: Optional[QgsVectorLayer]) -> Optional[QgsVectorLayer]:
        """A layer object of the task's own (file/database layers), the same one
        for memory layers whose features live only in that object."""
        if layer is None or layer.providerType() == "memory" or layer.isModified():
            return layer
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
        return copy if copy.isValid() else layer

    # -- run ------------------------------------------------------------------
    def run(self) -> None:
        townships = self.townships_combo.currentLayer()
        layer = self.input_combo.currentLayer()
        if townships is None or layer is None:
            self._message(tr("Choose the townships and the input layer."))
            return
        try:
            self.table_combos.check()
        except SwcError as error:
            self._message(str(error))
            return
        erosion = self.erosion_combo.currentLayer()
        self.progress.setValue(0)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._class_source = (layer, self.class_field.currentField())
        measures, county = self._measure_layers()
        zones, zone_field = townships, self.township_field.currentField() or "xzqdm"
        if self.zones_combo.currentLayer() is not None:
            if not self.zone_field.currentField():
                self._message(tr("Choose the zone code field."))
                self._finish()
                return
            zones, zone_field = self.zones_combo.currentLayer(), self.zone_field.currentField()
            county = self._for_task(townships)
        self.task = CoreTask(
            tr("Township statistics"),
            county_dashboard,
            self._for_task(zones),
            zone_field,
            self._for_task(layer),
            self.class_field.currentField() or None,
            int(self.method_combo.currentData()),
            self._for_task(erosion),
            self.grade_field.currentField() or "qsqd",
            measures,
            year_from=self.year_from_spin.value(),
            year_to=self.year_to_spin.value(),
            townships=county,
            on_done=self._done,
            on_error=self._failed,
        )
        self.task.progressChanged.connect(self._progress)
        QgsApplication.taskManager().addTask(self.task)

    def _progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finish(self) -> None:
        self.task = None
        self.run_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self._message(str(error), Qgis.Critical)

    def _done(self, result: Dashboard) -> None:
        self._finish()
        self.progress.setValue(100)
        self.show_result(result)

    # -- display --------------------------------------------------------------
    def show_result(self, result: Dashboard) -> None:
        self.result = result
        layer, field_name = self._class_source
        self.headers, self.table_rows = dashboard_table(
            result,
            class_labels(layer, field_name),
            table_of(layer) == EROSION.name and field_name == "qsqd",
        )
        self.table.clear()
        self.table.setColumnCount(len(self.headers))
        self.table.setRowCount(len(self.table_rows))
        self.table.setHorizontalHeaderLabels(self.headers)
        for r, values in enumerate(self.table_rows):
            for c, value in enumerate(values):
                text = (
                    ""
                    if value is None
                    else ("{0:,.2f}".format(value) if isinstance(value, float) else str(value))
                )
                item = QTableWidgetItem(text)
                if isinstance(value, (int, float)):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._update_county(result)
        self._update_chart()
        self.export_button.setEnabled(True)
        if result.areas.invalid_repaired:
            self._message(
                tr(
                    "{0} invalid geometries were repaired for the computation "
                    "(the layer is not changed)."
                ).format(result.areas.invalid_repaired),
                Qgis.Info,
            )
        # skipped and outside input is said here as in the algorithm (issue 13)
        if result.areas.skipped_geometries:
            self._message(
                tr("{0} features without geometry were skipped.").format(
                    result.areas.skipped_geometries
                ),
                Qgis.Warning,
            )
        for table in (result.areas, result.rates):
            outside = getattr(table, "outside_area_m2", 0.0) if table is not None else 0.0
            if outside > 0.005:
                self._message(
                    tr(
                        "{0} m² of the input lie outside every township and count in no row."
                    ).format("{0:.2f}".format(outside)),
                    Qgis.Warning,
                )

    def _update_county(self, result: Dashboard) -> None:
        if result.rates:
            county = result.rates[-1]
            self.rate_label.setText(
                tr("{0:.2f} % (target ≥ {1:.0f} %)").format(
                    county.rate_percent, result.target_rate_percent
                )
            )
            # the bar is the rate itself (87.75 %), not the progress to the target
            self.rate_bar.setRange(0, 10000)
            self.rate_bar.setValue(int(round(100.0 * county.rate_percent)))
            self.rate_bar.setFormat("{0:.2f} %".format(county.rate_percent))
        else:
            self.rate_label.setText(tr("no erosion layer chosen"))
            self.rate_bar.setRange(0, 100)
            self.rate_bar.setValue(0)
            self.rate_bar.setFormat("%p%")
        progress = result.progress
        if progress is not None:
            county = progress.county
            self.area_label.setText(
                tr("{0:.2f} km² of {1:.0f} km² ({2}-{3})").format(
                    county.treated_area_hm2 / 100.0,
                    (county.target_area_hm2 or 0.0) / 100.0,
                    progress.year_from,
                    progress.year_to,
                )
            )
            self.area_bar.setValue(int(min(100.0, county.area_progress_percent or 0.0)))
            self.gully_label.setText(
                tr("{0} of {1} gullies (座)").format(
                    county.treated_gullies, county.target_gullies or 0
                )
            )
            self.gully_bar.setValue(int(min(100.0, county.gully_progress_percent or 0.0)))
        else:
            self.area_label.setText(tr("no measure table in the workspace"))
            self.area_bar.setValue(0)
            self.gully_label.setText(tr("no measure table in the workspace"))
            self.gully_bar.setValue(0)

    def _update_chart(self) -> None:
        if self.result is None:
            return
        if self.chart_combo.currentData() == "rate" and self.result.rates:
            values = [
                (r.xzqmc or r.xzqdm, r.rate_percent)
                for r in self.result.rates
                if r.xzqdm != COUNTY_CODE
            ]
            self.chart.set_values(values, "%", self.result.target_rate_percent)
            return
        totals = {}
        names = {}
        for row in self.result.areas:
            if row.xzqdm == COUNTY_CODE:
                continue
            totals[row.xzqdm] = totals.get(row.xzqdm, 0.0) + row.area_hm2
            names[row.xzqdm] = row.xzqmc or row.xzqdm
        self.chart.set_values([(names[c], v) for c, v in totals.items()], "hm²")

    # -- export ---------------------------------------------------------------
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, tr("Export township statistics"), "", tr("Excel workbook (*.xlsx);;CSV (*.csv)")
        )
        if path:
            self.export(path)

    def export(self, path: str) -> str:
        if not self.table_rows:
            raise ValueError("nothing to export")
        try:
            export_rows(path, self.headers, self.table_rows)
        except Exception as error:  # shown to the user, not raised into Qt
            self._message(str(error), Qgis.Critical)
            raise
        self._message(tr("Exported to {0}").format(path), Qgis.Success)
        return path

    def cleanup(self) -> None:
        """Detach a running task from this dock (unload): it may outlive the widgets."""
        self.table_combos.release()
        try:
            QgsProject.instance().layersAdded.disconnect(self._pick_input)
        except (TypeError, RuntimeError):
            pass
        if self.task is not None:
            task, self.task = self.task, None
            task.on_done = task.on_error = None
            try:
                task.progressChanged.disconnect(self._progress)
            except (TypeError, RuntimeError):
                pass
            task.cancel()
