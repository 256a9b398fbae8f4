"""Map tools of the plugin's docks.

``PolygonDigitizingTool`` captures one polygon at a time on a vector layer with
QGIS's own capture machinery (QgsMapToolDigitizeFeature): snapping, tracing, the
advanced digitizing panel, backspace to remove the last vertex and Esc to cancel
work exactly as in QGIS's "Add polygon feature".  It does not write anything: it
hands the finished polygon (in the layer's CRS) to the dock, which checks it and
saves it with one undoable edit command.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
from qgis.gui import (
    QgsAdvancedDigitizingDockWidget,
    QgsMapCanvas,
    QgsMapToolCapture,
    QgsMapToolDigitizeFeature,
)
from qgis.PyQt.QtCore import pyqtSignal


class PolygonDigitizingTool(QgsMapToolDigitizeFeature):
    """Digitize polygons on ``layer`` (which must be editable, as in QGIS).

    Left click adds a vertex, right click finishes; ``polygonCaptured`` then
    carries the polygon in the layer's CRS.  The tool stays active for the next one.
    """

    polygonCaptured = pyqtSignal(QgsGeometry)

    def __init__(
        self,
        canvas: QgsMapCanvas,
        cad_dock: QgsAdvancedDigitizingDockWidget,
        layer: Optional[QgsVectorLayer] = None,
    ):
        super().__init__(canvas, cad_dock, QgsMapToolCapture.CapturePolygon)
        self.digitizingCompleted.connect(self._completed)
        if layer is not None:
            self.setLayer(layer)

    def _completed(self, feature: QgsFeature) -> None:
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isEmpty():
            self.polygonCaptured.emit(geometry)
