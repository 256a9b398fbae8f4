"""Layer combos that hold one workspace table each (parcels = ``parcel``).

``TableCombos`` picks, for every combo of a dock, the project's layer of its
table — when the dock starts, whenever layers are added and when a workspace is
opened — and refuses a layer of another workspace table (a finding layer chosen
as parcels), putting the combo back, with a message when the user chose it.  Layers from outside a
workspace (a shapefile, a memory layer) stay allowed.
"""

from __future__ import annotations

import weakref
from typing import Callable, Dict, List, Optional, Tuple

from qgis.core import QgsMapLayer, QgsProject
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import QTimer

from ..core.errors import InputError
from ..core.workspace.layers import check_table, project_layers_of_table, table_of, workspace_key


class TableCombos:
    """Keeps each combo on its workspace table; ``warn(text)`` shows refusals.

    Create it before connecting the dock's own ``layerChanged`` slots: a refused
    layer is put back right after the dock has seen it, so the dock always ends
    on the combo's final layer.
    """

    def __init__(self, warn: Callable[[str], None], follow_project: bool = True):
        """``warn``: a bound method of the dock (held weakly: no reference cycle,
        so a closed dock is freed at once, never by a garbage collection that may
        run in a task's thread); ``follow_project``: pick again whenever layers are
        added (False when the dock calls ``pick`` from its own handler)."""
        self._warn = weakref.WeakMethod(warn)
        self.combos: List[Tuple[QgsMapLayerComboBox, str]] = []
        self._previous: Dict[int, Optional[QgsMapLayer]] = {}
        self._following = follow_project
        if follow_project:
            QgsProject.instance().layersAdded.connect(self._layers_added)

    def add(self, combo: QgsMapLayerComboBox, table: str) -> None:
        self.combos.append((combo, table))
        self._previous[id(combo)] = combo.currentLayer()
        combo.layerChanged.connect(_ComboSlot(self._changed, combo, table))
        combo.activated.connect(_ComboSlot(self._chosen_index, combo, table))

    def release(self) -> None:
        """Disconnect from the project (dock unloaded)."""
        if self._following:
            self._following = False
            try:
                QgsProject.instance().layersAdded.disconnect(self._layers_added)
            except (TypeError, RuntimeError):
                pass

    def check(self) -> None:
        """Raise InputError when a combo holds a layer of another table (a combo
        may have picked its first layer by itself)."""
        for combo, table in self.combos:
            check_table(combo.currentLayer(), table)

    def pick(self, layers: Optional[Dict[str, QgsMapLayer]] = None) -> None:
        """Each combo to its table: from ``layers`` (an opened workspace, by
        table) when given, else the project's layer of the table, the workspace of
        the combos' other layers first.  A combo already on its table keeps it."""
        prefer = ""
        for combo, table in self.combos:
            if table_of(combo.currentLayer()) == table:
                prefer = prefer or workspace_key(combo.currentLayer())
        for combo, table in self.combos:
            if layers is not None and table in layers:
                self._set(combo, layers[table])
                continue
            current = combo.currentLayer()
            if table_of(current) == table:
                continue
            candidates = project_layers_of_table(table, prefer=prefer)
            if candidates:
                self._set(combo, candidates[0])
            elif table_of(current) and combo.allowEmptyLayer():
                self._set(combo, None)

    def _set(self, combo: QgsMapLayerComboBox, layer: Optional[QgsMapLayer]) -> None:
        if combo.currentLayer() is not layer:
            combo.setLayer(layer)
        elif self._previous.get(id(combo)) is not layer:
            # the combo picked it by itself without telling (several layers added
            # at once): tell the dock now
            combo.layerChanged.emit(layer)
        self._previous[id(combo)] = layer

    def _chosen_index(self, combo: QgsMapLayerComboBox, table: str, _index=None) -> None:
        self._chosen(combo, table)

    def _chosen(self, combo: QgsMapLayerComboBox, table: str) -> None:
        """The user picked a layer in the list: say why a wrong table is refused."""
        try:
            check_table(combo.currentLayer(), table)
        except InputError as error:
            warn = self._warn()
            if warn is not None:
                warn(str(error))

    @staticmethod
    def _restore(combo: QgsMapLayerComboBox, layer: Optional[QgsMapLayer]) -> None:
        try:
            combo.setLayer(layer)
        except RuntimeError:  # the dock was closed meanwhile
            pass

    def _layers_added(self, _layers) -> None:
        self.pick()

    def _changed(
        self, combo: QgsMapLayerComboBox, table: str, layer: Optional[QgsMapLayer]
    ) -> None:
        try:
            check_table(layer, table)
        except InputError:
            # put back silently: the combo may have picked it by itself while
            # layers were added; a user's choice is answered in _chosen
            previous = self._previous.get(id(combo))
            if table_of(previous) not in ("", table):
                previous = None
            if previous is None:
                candidates = project_layers_of_table(table)
                previous = candidates[0] if candidates else None
            if previous is None and not combo.allowEmptyLayer():
                return  # nothing better to show; running refuses it (check())
            QTimer.singleShot(0, lambda: self._restore(combo, previous))
            return
        self._previous[id(combo)] = layer


class _ComboSlot:
    """A slot bound to one combo and its table (a plain callable: PyQt keeps it
    alive with the connection and calls it with the signal's arguments).

    When the dock owning the combos is garbage-collected as a cycle while its C++
    combos still live, the collector clears this object's attributes; a signal
    arriving after that is ignored instead of raising inside Qt's event loop."""

    def __init__(self, method: Callable, combo: QgsMapLayerComboBox, table: str):
        self.method, self.combo, self.table = method, combo, table

    def __call__(self, *args) -> None:
        method = getattr(self, "method", None)
        if method is not None:
            method(self.combo, self.table, *args[:1])
