"""Dock "Collapse gullies" (崩岗调查): digitize, check, number and list gullies.

The dock only wires widgets to ``core.benggang``: a finished polygon is evaluated
(township, area, scale, previewed ID and every problem) and shown before anything
is written; Save adds it as one undoable edit command; a later geometry edit of
a gully recomputes its area, scale and township.  Messages go to a message bar
inside the dock (readable in tests through ``messages``), so it works without iface.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Set, Tuple

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import (
    QgsAdvancedDigitizingDockWidget,
    QgsDockWidget,
    QgsMapCanvas,
    QgsMapLayerComboBox,
    QgsMessageBar,
    QgsMessageBarItem,
    QgsRubberBand,
)
from qgis.PyQt.QtCore import QDate, Qt, QTimer
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import benggang, benggang_digitize, benggang_lists, benggang_parts
from ..core.benggang import TownshipIndex
from ..core.benggang_digitize import GullyDraft
from ..core.errors import SwcError
from ..core.log import log
from ..domain import codes
from ..domain.codes import CodeList
from ..translation import tr
from .layer_signals import LayerSignals
from .map_tools import PolygonDigitizingTool
from .scrolling import scrolled
from .table_combos import TableCombos


def _code_combo(codelist: CodeList, empty_text: str) -> QComboBox:
    """A dropdown of a SPEC code list: Chinese labels, codes as item data."""
    combo = QComboBox()
    combo.addItem(empty_text, None)
    for entry in codelist:
        combo.addItem(entry.zh, entry.code)
    return combo


class BenggangDock(QgsDockWidget):
    """The collapse gully dock; ``canvas`` overrides iface's canvas (tests)."""

    def __init__(
        self, iface, parent: Optional[QWidget] = None, canvas: Optional[QgsMapCanvas] = None
    ):
        super().__init__(tr("Collapse gullies"), parent)
        self.setObjectName("XingguoBenggangDock")
        self.iface = iface
        self.canvas: QgsMapCanvas = canvas or (iface.mapCanvas() if iface else None)
        self.messages: List[Tuple[int, str]] = []
        self.message_label: Optional[QLabel] = None  # the whole last message
        self.draft: Optional[GullyDraft] = None
        self.tool: Optional[PolygonDigitizingTool] = None
        self._tool_target = ""  # "gully" | "part"
        self._townships: Optional[TownshipIndex] = None
        self._townships_key: Tuple[str, str] = ("", "")
        self._gully_signals = LayerSignals(self._geometry_changed, "geometryChanged")
        self._township_signals = LayerSignals(
            self._townships_edited,
            "dataChanged",
            "attributeValueChanged",
            "geometryChanged",
            "featureAdded",
            "featureDeleted",
            "afterRollBack",
        )
        self._pending: Set[int] = set()
        edit_signals = (
            "layerModified",
            "editingStarted",
            "editingStopped",
            "afterCommitChanges",
            "afterRollBack",
        )
        self._gully_edits = LayerSignals(self._update_commit_button, *edit_signals)
        self._part_edits = LayerSignals(self._update_commit_button, *edit_signals)
        self._own_cad: Optional[QgsAdvancedDigitizingDockWidget] = None
        self.rubber_band: Optional[QgsRubberBand] = None
        self.rows: List[benggang_lists.GullyRow] = []
        self.counts: Dict[str, Dict[str, int]] = {}
        self._build()
        self._pick_default_layers()
        QgsProject.instance().layersAdded.connect(self._pick_default_layers)
        self._township_layer_changed()
        self._gully_layer_changed()

    # UI -----------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.message_bar = QgsMessageBar()
        layout.addWidget(self.message_bar)
        layers = QFormLayout()
        self.gully_combo = QgsMapLayerComboBox()
        self.gully_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.township_combo = QgsMapLayerComboBox()
        self.township_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.part_combo = QgsMapLayerComboBox()
        self.part_combo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.part_combo.setAllowEmptyLayer(True)
        self.table_combos = TableCombos(self._warn, follow_project=False)
        self.table_combos.add(self.gully_combo, benggang.GULLY_TABLE)
        self.table_combos.add(self.township_combo, "township")
        self.table_combos.add(self.part_combo, benggang.PART_TABLE)
        layers.addRow(tr("Gully layer"), self.gully_combo)
        layers.addRow(tr("Township layer"), self.township_combo)
        layers.addRow(tr("Part layer"), self.part_combo)
        layout.addLayout(layers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_digitize_tab(), tr("Digitize"))
        self.tabs.addTab(self._build_part_tab(), tr("Parts"))
        self.tabs.addTab(self._build_list_tab(), tr("List"))
        layout.addWidget(self.tabs)
        self.commit_button = QPushButton(tr("Save layer edits"))
        self.commit_button.setToolTip(
            tr("Write the gully and part edits to the workspace (as QGIS's Save Layer Edits)")
        )
        self.commit_button.setEnabled(False)
        self.commit_button.clicked.connect(self.commit_edits)
        layout.addWidget(self.commit_button)
        self.setWidget(scrolled(body))
        self.gully_combo.layerChanged.connect(self._gully_layer_changed)
        self.township_combo.layerChanged.connect(self._township_layer_changed)
        self.part_combo.layerChanged.connect(self._part_layer_changed)

    def _build_digitize_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.digitize_button = QPushButton(tr("Digitize gully"))
        self.digitize_button.setCheckable(True)
        self.digitize_button.setToolTip(
            tr(
                "Left click adds vertices, right click "
                "finishes; snapping and the advanced "
                "digitizing panel work as in QGIS."
            )
        )
        self.digitize_button.clicked.connect(self._digitize_clicked)
        layout.addWidget(self.digitize_button)
        derived = QGroupBox(tr("Derived before saving"))
        grid = QGridLayout(derived)
        self.township_label = QLabel("-")
        self.area_label = QLabel("-")
        self.scale_label = QLabel("-")
        self.id_label = QLabel("-")
        for row, (text, label) in enumerate(
            (
                (tr("Township"), self.township_label),
                (tr("Area (m²)"), self.area_label),
                (tr("Scale"), self.scale_label),
                (tr("Gully ID"), self.id_label),
            )
        ):
            grid.addWidget(QLabel(text), row, 0)
            grid.addWidget(label, row, 1)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label = QLabel("")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b71c1c")
        grid.addWidget(self.problem_label, 4, 0, 1, 2)
        layout.addWidget(derived)
        form_box = QGroupBox(tr("Survey"))
        form = QFormLayout(form_box)
        self.shape_combo = _code_combo(codes.BENGGANG_SHAPE, tr("(not set)"))
        self.activity_combo = _code_combo(codes.BENGGANG_ACTIVITY, tr("(not set)"))
        self.status_combo = _code_combo(codes.TREATMENT_STATUS, tr("(not set)"))
        self.status_combo.setCurrentIndex(self.status_combo.findData("0"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.surveyor_edit = QLineEdit()
        self.notes_edit = QLineEdit()
        form.addRow(tr("Shape"), self.shape_combo)
        form.addRow(tr("Activity"), self.activity_combo)
        form.addRow(tr("Treatment status"), self.status_combo)
        form.addRow(tr("Survey date"), self.date_edit)
        form.addRow(tr("Surveyor"), self.surveyor_edit)
        form.addRow(tr("Notes"), self.notes_edit)
        layout.addWidget(form_box)
        buttons = QHBoxLayout()
        self.repair_button = QPushButton(tr("Use repaired polygon"))
        self.save_button = QPushButton(tr("Save gully"))
        self.discard_button = QPushButton(tr("Discard"))
        for button in (self.repair_button, self.save_button, self.discard_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        self.repair_button.clicked.connect(self.use_repaired)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return tab

    def _build_part_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.part_kind_combo = QComboBox()
        for entry in codes.BENGGANG_PART:
            self.part_kind_combo.addItem(entry.zh, entry.code)
        self.part_gully_edit = QLineEdit()
        self.part_gully_edit.setPlaceholderText(tr("empty: the gully under the part"))
        self.part_button = QPushButton(tr("Digitize part"))
        self.part_button.setCheckable(True)
        self.part_button.clicked.connect(self._part_clicked)
        form.addRow(tr("Part"), self.part_kind_combo)
        form.addRow(tr("Gully ID"), self.part_gully_edit)
        form.addRow(self.part_button)
        return tab

    def _build_list_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        filters = QFormLayout()
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(tr("Township"), "township")
        self.scope_combo.addItem(tr("Map extent"), "extent")
        self.scope_combo.addItem(tr("Whole layer"), "all")
        self.list_township_combo = QComboBox()
        self.filter_scale = _code_combo(codes.BENGGANG_SCALE, tr("(all)"))
        self.filter_activity = _code_combo(codes.BENGGANG_ACTIVITY, tr("(all)"))
        self.filter_status = _code_combo(codes.TREATMENT_STATUS, tr("(all)"))
        filters.addRow(tr("Gullies of"), self.scope_combo)
        township_row = QHBoxLayout()
        township_row.addWidget(self.list_township_combo, 1)
        self.centre_button = QPushButton(tr("At map centre"))
        self.centre_button.setToolTip(tr("Choose the township under the centre of the map"))
        self.centre_button.clicked.connect(self.select_township_at_centre)
        township_row.addWidget(self.centre_button)
        filters.addRow(tr("Township"), township_row)
        filters.addRow(tr("Scale"), self.filter_scale)
        filters.addRow(tr("Activity"), self.filter_activity)
        filters.addRow(tr("Treatment status"), self.filter_status)
        layout.addLayout(filters)
        self.refresh_button = QPushButton(tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh_list)
        layout.addWidget(self.refresh_button)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                tr("Gully ID"),
                tr("Township"),
                tr("Area (m²)"),
                tr("Scale"),
                tr("Activity"),
                tr("Treatment status"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.cellClicked.connect(self._row_clicked)
        layout.addWidget(self.table)
        self.counts_label = QLabel("")
        self.counts_label.setWordWrap(True)
        layout.addWidget(self.counts_label)
        for combo in (
            self.scope_combo,
            self.list_township_combo,
            self.filter_scale,
            self.filter_activity,
            self.filter_status,
        ):
            combo.currentIndexChanged.connect(self.refresh_list)
        return tab

    # Messages -----------------------------------------------------------
    def _warn(self, text: str) -> None:
        self.show_message(text, Qgis.Warning)

    def show_message(self, text: str, level: int = Qgis.Info) -> None:
        """Show in the dock's message bar, whole (a wrapping label: the bar's own
        text is one line, cut at the dock's width); kept in ``messages``."""
        self.messages.append((level, text))
        self.message_bar.clearWidgets()
        problem = level in (Qgis.Warning, Qgis.Critical)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label = label
        self.message_bar.pushItem(QgsMessageBarItem("", "", label, level, 0 if problem else 5))
        if problem:
            log(text, level=level)

    # Layers -------------------------------------------------------------
    def gully_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.gully_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def township_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.township_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def part_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.part_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def _pick_default_layers(self, *_args) -> None:
        """Select the workspace tables benggang / township / benggang_part if loaded
        (also when a project or workspace is loaded after the dock was created)."""
        self.table_combos.pick()
        self._sync_layers()

    def use_workspace(self, layers: Dict[str, QgsVectorLayer]) -> None:
        """The tables of a workspace just opened, by table name."""
        self.table_combos.pick(layers)
        self._sync_layers()

    def _sync_layers(self) -> None:
        self._part_edits.watch(self.part_layer())
        # a combo may pick its first layer without emitting layerChanged
        if self.township_layer() is not self._township_signals.layer:
            self._township_layer_changed()
        if self.gully_layer() is not self._gully_signals.layer:
            self._gully_layer_changed()
        else:
            self._ensure_relation()

    def set_layers(
        self,
        gully: QgsVectorLayer,
        townships: QgsVectorLayer,
        parts: Optional[QgsVectorLayer] = None,
    ) -> None:
        self.gully_combo.setLayer(gully)
        self.township_combo.setLayer(townships)
        if parts is not None:
            self.part_combo.setLayer(parts)

    def _update_commit_button(self, *_args) -> None:
        """Enabled only with edits to save (never a "saved" for nothing)."""
        self.commit_button.setEnabled(
            any(
                layer is not None and layer.isModified()
                for layer in (self.gully_layer(), self.part_layer())
            )
        )

    def commit_edits(self) -> bool:
        """Save the pending edits of the gully and part layers; on a refusal the
        edits stay in the layer and the message says why."""
        saved = []
        for layer in (self.gully_layer(), self.part_layer()):
            if layer is None or not layer.isModified():
                continue
            if not layer.commitChanges():
                self.show_message(
                    tr("Cannot save the edits of {0}: {1}").format(
                        layer.name(), "; ".join(layer.commitErrors())
                    ),
                    Qgis.Critical,
                )
                self._update_commit_button()
                return False
            saved.append(layer.name())
        self._update_commit_button()
        if saved:
            self.show_message(tr("Saved the edits of {0}.").format("、".join(saved)), Qgis.Success)
        return bool(saved)

    def _gully_layer_changed(self, *_args) -> None:
        self._gully_signals.watch(self.gully_layer())
        self._gully_edits.watch(self.gully_layer())
        self._update_commit_button()
        self.refresh_button.setEnabled(self.gully_layer() is not None)
        self._townships = None
        self.discard()
        self._stop_tool()
        self._ensure_relation()
        self.refresh_list()

    def _township_layer_changed(self, *_args) -> None:
        self._townships = None
        layer = self.township_layer()
        self._township_signals.watch(layer)
        self.list_township_combo.blockSignals(True)
        self.list_township_combo.clear()
        if layer is not None and "xzqdm" in layer.fields().names():
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
            entries = sorted(
                {
                    (str(f["xzqdm"]), str(f["xzqmc"]) if "xzqmc" in layer.fields().names() else "")
                    for f in layer.getFeatures(request)
                }
            )
            for code, name in entries:
                self.list_township_combo.addItem("{0} {1}".format(code, name), code)
        self.list_township_combo.blockSignals(False)
        self.centre_button.setEnabled(self.list_township_combo.count() > 0)
        self.refresh_list()

    def _townships_edited(self, *_args) -> None:
        """Townships edited (buffer, commit or rollback): rebuild the index on next use."""
        self._townships = None

    def _part_layer_changed(self, *_args) -> None:
        self._part_edits.watch(self.part_layer())
        self._update_commit_button()
        self._ensure_relation()

    def _ensure_relation(self) -> None:
        """Relate gullies and parts once both are in the project and have the
        key field (combos still holding other layers meanwhile need no relation
        and no warning)."""
        gully, parts = self.gully_layer(), self.part_layer()
        project = QgsProject.instance()
        if (
            gully is None
            or parts is None
            or project.mapLayer(gully.id()) is None
            or project.mapLayer(parts.id()) is None
            or "bgbh" not in gully.fields().names()
            or "bgbh" not in parts.fields().names()
        ):
            return
        try:
            benggang_parts.ensure_part_relation(project, gully, parts)
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)

    def townships(self) -> TownshipIndex:
        """Township index in the gully layer's CRS, rebuilt when a layer changes."""
        gully, townships = self.gully_layer(), self.township_layer()
        if townships is None:
            raise SwcError(tr("Choose the township layer first."))
        key = (gully.id() + gully.crs().authid(), townships.id())
        if self._townships is None or self._townships_key != key:
            self._townships = TownshipIndex(townships, gully.crs())
            self._townships_key = key
        return self._townships

    # Digitizing ----------------------------------------------------------
    def _cad_dock(self) -> QgsAdvancedDigitizingDockWidget:
        if self.iface is not None:
            return self.iface.cadDockWidget()
        if self._own_cad is None:
            self._own_cad = QgsAdvancedDigitizingDockWidget(self.canvas, self)
            self._own_cad.hide()
        return self._own_cad

    def _digitize_clicked(self, checked: bool) -> None:
        if checked:
            self.start_digitizing()
        else:
            self._stop_tool()

    def _part_clicked(self, checked: bool) -> None:
        if checked:
            self.start_part_digitizing()
        else:
            self._stop_tool()

    def start_digitizing(self) -> bool:
        """Check the layers, start editing the gully layer, activate the map tool."""
        try:
            self.table_combos.check()
            gully = self.gully_layer()
            benggang_digitize.check_layer(gully)
            self.townships()
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            self.digitize_button.setChecked(False)
            return False
        return self._start_tool(gully, "gully")

    def start_part_digitizing(self) -> bool:
        try:
            self.table_combos.check()
            parts = self.part_layer()
            if parts is None:
                raise SwcError(tr("Choose the part layer (benggang_part) first."))
            benggang_digitize.check_layer(parts, benggang.PART_FIELDS)
            benggang_digitize.check_layer(self.gully_layer())
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            self.part_button.setChecked(False)
            return False
        self._ensure_relation()
        return self._start_tool(parts, "part")

    def _start_tool(self, layer: QgsVectorLayer, target: str) -> bool:
        if self.canvas is None:
            self.show_message(tr("No map canvas."), Qgis.Critical)
            return False
        if not layer.isEditable() and not layer.startEditing():
            self.show_message(tr("Layer {0} cannot be edited.").format(layer.name()), Qgis.Warning)
            return False
        self._stop_tool()
        if self.iface is not None:
            # QGIS's own tools (select, undo) act on the layer being edited
            self.iface.setActiveLayer(layer)
        self.tool = PolygonDigitizingTool(self.canvas, self._cad_dock(), layer)
        self.tool.polygonCaptured.connect(
            self._gully_captured if target == "gully" else self._part_captured
        )
        self.tool.deactivated.connect(self._tool_deactivated)
        self._tool_target = target
        self.canvas.setMapTool(self.tool)
        self.digitize_button.setChecked(target == "gully")
        self.part_button.setChecked(target == "part")
        return True

    def _stop_tool(self) -> None:
        if self.tool is not None:
            tool, self.tool = self.tool, None
            if self.canvas is not None and self.canvas.mapTool() is tool:
                self.canvas.unsetMapTool(tool)
            tool.deleteLater()
        self.digitize_button.setChecked(False)
        self.part_button.setChecked(False)

    def _tool_deactivated(self) -> None:
        # another tool took over the canvas: reflect it on the buttons
        if self.canvas is not None and self.canvas.mapTool() is not self.tool:
            self.digitize_button.setChecked(False)
            self.part_button.setChecked(False)

    def _gully_captured(self, geometry: QgsGeometry) -> None:
        self.evaluate(geometry)

    def evaluate(self, geometry: QgsGeometry) -> GullyDraft:
        """Derive and show township, area, scale, ID and problems of a polygon."""
        try:
            draft = benggang_digitize.evaluate_gully(self.gully_layer(), self.townships(), geometry)
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            raise
        self.draft = draft
        self.township_label.setText(
            "{0} {1}".format(draft.xzqdm, draft.xzqmc) if draft.xzqdm else "-"
        )
        has_area = any(p.code not in ("empty", "invalid") for p in draft.problems) or draft.ok
        self.area_label.setText("{0:.2f}".format(draft.mj) if has_area else "-")
        self.scale_label.setText(codes.BENGGANG_SCALE.label(draft.gm, "-"))
        self.id_label.setText(draft.bgbh or "-")
        self.problem_label.setText(draft.message())
        self.save_button.setEnabled(draft.ok)
        self.repair_button.setEnabled(draft.repaired is not None)
        self.discard_button.setEnabled(True)
        self._show_rubber_band(draft.geometry)
        if draft.ok:
            self.show_message(
                tr("Gully {0}: {1:.2f} m², {2}, {3}. Fill in the survey and save.").format(
                    draft.bgbh, draft.mj, codes.BENGGANG_SCALE.label(draft.gm), draft.xzqmc
                ),
                Qgis.Info,
            )
        else:
            self.show_message(draft.message(), Qgis.Warning)
        return draft

    def use_repaired(self) -> None:
        if self.draft is not None and self.draft.repaired is not None:
            self.evaluate(self.draft.repaired)

    def form_values(self) -> Dict[str, object]:
        return {
            "xt": self.shape_combo.currentData(),
            "hdx": self.activity_combo.currentData(),
            "zlzt": self.status_combo.currentData(),
            "dcrq": self.date_edit.date(),
            "dcy": self.surveyor_edit.text().strip() or None,
            "bz": self.notes_edit.text().strip() or None,
        }

    def save(self) -> bool:
        """Save the pending gully as one undoable edit command (checks run again)."""
        if self.draft is None:
            self.show_message(tr("Digitize a gully first."), Qgis.Warning)
            return False
        layer = self.gully_layer()
        try:
            feature = benggang_digitize.save_gully(
                layer, self.townships(), self.draft.geometry, self.form_values()
            )
        except SwcError as error:
            self.problem_label.setText(str(error))
            self.show_message(str(error), Qgis.Warning)
            return False
        self.show_message(
            tr(
                "Saved gully {0} ({1:.2f} m²). Undo with Ctrl+Z; save the layer edits to keep it."
            ).format(feature["bgbh"], feature["mj"]),
            Qgis.Success,
        )
        self.part_gully_edit.setText(feature["bgbh"])
        self.discard(keep_message=True)
        layer.triggerRepaint()
        self.refresh_list()
        return True

    def discard(self, keep_message: bool = False) -> None:
        self.draft = None
        for label in (self.township_label, self.area_label, self.scale_label, self.id_label):
            label.setText("-")
        self.problem_label.setText("")
        for button in (self.save_button, self.repair_button, self.discard_button):
            button.setEnabled(False)
        self._clear_rubber_band()

    def _show_rubber_band(self, geometry: QgsGeometry) -> None:
        if self.canvas is None:
            return
        if self.rubber_band is None:
            self.rubber_band = QgsRubberBand(self.canvas, QgsWkbTypes.PolygonGeometry)
            self.rubber_band.setColor(QColor(216, 67, 21, 180))
            self.rubber_band.setFillColor(QColor(216, 67, 21, 60))
            self.rubber_band.setWidth(2)
        self.rubber_band.setToGeometry(geometry, self.gully_layer())

    def _clear_rubber_band(self) -> None:
        if self.rubber_band is not None:
            self.rubber_band.reset(QgsWkbTypes.PolygonGeometry)

    def _part_captured(self, geometry: QgsGeometry) -> None:
        self.save_part(geometry)

    def save_part(self, geometry: QgsGeometry) -> bool:
        code = self.part_kind_combo.currentData()
        bgbh = self.part_gully_edit.text().strip() or None
        try:
            feature = benggang_parts.save_part(
                self.part_layer(), self.gully_layer(), geometry, code, bgbh
            )
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            return False
        self.show_message(
            tr("Saved {0} of gully {1}.").format(codes.BENGGANG_PART.label(code), feature["bgbh"]),
            Qgis.Success,
        )
        self.part_layer().triggerRepaint()
        return True

    # Geometry edits -------------------------------------------------------
    def _geometry_changed(self, fid: int, _geometry: QgsGeometry) -> None:
        """Recompute area, scale and township of an edited gully.

        Inside an edit command (QGIS's vertex tool wraps every move in one) the
        attribute changes join it, so one undo reverts both; otherwise (e.g. the
        geometry is being undone) it runs after the event, changing only what differs.
        """
        layer = self._gully_signals.layer
        if layer is None:
            return
        if layer.isEditCommandActive():
            self.recompute(fid)
            return
        if not self._pending:
            QTimer.singleShot(0, self._recompute_pending)
        self._pending.add(fid)

    def _recompute_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for fid in sorted(pending):
            self.recompute(fid)

    def recompute(self, fid: int) -> Dict[str, object]:
        layer = self._gully_signals.layer
        if layer is None or self.township_layer() is None:
            return {}
        try:
            townships = self.townships()
            changes = benggang_digitize.recompute_gully(layer, fid, townships)
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            return {}
        if changes:
            feature = layer.getFeature(fid)
            draft = benggang_digitize.evaluate_gully(
                layer, townships, feature.geometry(), exclude_fid=fid, preview_id=False
            )
            text = tr("Gully {0} recomputed: {1:.2f} m², {2}, {3}.").format(
                feature["bgbh"],
                feature["mj"],
                codes.BENGGANG_SCALE.label(feature["gm"]),
                feature["xzqmc"] or tr("no township"),
            )
            if draft.ok:
                self.show_message(text, Qgis.Info)
            else:
                self.show_message(text + " " + draft.message(), Qgis.Warning)
        return changes

    # List ---------------------------------------------------------------
    def refresh_list(self, *_args) -> None:
        layer = self.gully_layer()
        self.table.setRowCount(0)
        if layer is None:
            self.counts_label.setText("")
            return
        scope = self.scope_combo.currentData()
        township, extent = None, None
        if scope == "township":
            township = self.list_township_combo.currentData()
        elif scope == "extent" and self.canvas is not None:
            extent = self.canvas.extent()
            if self.canvas.mapSettings().destinationCrs() != layer.crs():
                extent = QgsCoordinateTransform(
                    self.canvas.mapSettings().destinationCrs(), layer.crs(), QgsProject.instance()
                ).transformBoundingBox(extent)
        try:
            rows = benggang_lists.list_gullies(
                layer,
                township,
                extent,
                self.filter_scale.currentData(),
                self.filter_activity.currentData(),
                self.filter_status.currentData(),
            )
        except Exception as error:  # a foreign layer may lack fields: say so, keep going
            self.counts_label.setText(str(error))
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for position, row in enumerate(rows):
            values = (
                row.bgbh,
                row.xzqmc or row.xzqdm,
                "{0:.2f}".format(row.mj),
                codes.BENGGANG_SCALE.label(row.gm, row.gm),
                codes.BENGGANG_ACTIVITY.label(row.hdx, row.hdx),
                codes.TREATMENT_STATUS.label(row.zlzt, row.zlzt),
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.fid)
                self.table.setItem(position, column, item)
        self.counts = benggang_lists.count_by_class(rows)
        self.counts_label.setText(self._counts_text(len(rows), self.counts))

    @staticmethod
    def _counts_text(total: int, counts: Dict[str, Dict[str, int]]) -> str:
        parts = [tr("{0} gullies").format(total)]
        for name, codelist in (
            ("gm", codes.BENGGANG_SCALE),
            ("hdx", codes.BENGGANG_ACTIVITY),
            ("zlzt", codes.TREATMENT_STATUS),
        ):
            parts.append(
                " · ".join(
                    "{0} {1}".format(codelist.label(code, tr("(none)")), count)
                    for code, count in counts[name].items()
                )
            )
        return "\n".join(parts)

    def select_township_at_centre(self) -> Optional[str]:
        """List the gullies of the township under the map centre (the current one)."""
        if self.canvas is None or self.gully_layer() is None or self.township_layer() is None:
            return None
        centre = QgsGeometry.fromPointXY(self.canvas.extent().center())
        destination = self.canvas.mapSettings().destinationCrs()
        if destination != self.gully_layer().crs():
            centre.transform(
                QgsCoordinateTransform(destination, self.gully_layer().crs(), QgsProject.instance())
            )
        try:
            township = self.townships().township_of(centre.buffer(1e-6, 4))
        except SwcError as error:
            self.show_message(str(error), Qgis.Warning)
            return None
        if township is None:
            self.show_message(tr("The map centre is outside every township."), Qgis.Warning)
            return None
        self.scope_combo.setCurrentIndex(self.scope_combo.findData("township"))
        self.list_township_combo.setCurrentIndex(self.list_township_combo.findData(township[0]))
        self.refresh_list()
        return township[0]

    def _row_clicked(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.zoom_to(int(item.data(Qt.ItemDataRole.UserRole)))

    def zoom_to(self, fid: int) -> None:
        """Select the gully and zoom the canvas to it."""
        layer = self.gully_layer()
        feature = layer.getFeature(fid)
        if not feature.isValid():
            return
        layer.selectByIds([fid])
        self.part_gully_edit.setText(feature["bgbh"] or "")
        if self.canvas is None:
            return
        box = feature.geometry().boundingBox()
        destination = self.canvas.mapSettings().destinationCrs()
        if destination != layer.crs():
            box = QgsCoordinateTransform(
                layer.crs(), destination, QgsProject.instance()
            ).transformBoundingBox(box)
        box.scale(1.5)
        self.canvas.setExtent(box)
        self.canvas.refresh()

    # Lifecycle ----------------------------------------------------------
    def cleanup(self) -> None:
        """Remove the map tool, rubber band and signal connections (plugin unload)."""
        try:
            QgsProject.instance().layersAdded.disconnect(self._pick_default_layers)
        except (TypeError, RuntimeError):
            pass
        self._stop_tool()
        self._clear_rubber_band()
        if self.rubber_band is not None and self.canvas is not None:
            self.canvas.scene().removeItem(self.rubber_band)
            self.rubber_band = None
        self._gully_signals.release()
        self._township_signals.release()
        self._gully_edits.release()
        self._part_edits.release()
        self.table_combos.release()
