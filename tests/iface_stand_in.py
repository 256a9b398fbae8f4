"""The part of QgisInterface the docks use, for dock tests without the desktop.

``DesktopIface`` is backed by real QGIS widgets (canvas, message bar, advanced
digitizing dock); ``MessageIface`` only records message-bar messages, for docks
that use nothing else.  The end-to-end test covers the real QgisInterface.
"""

from __future__ import annotations

from qgis.core import QgsMapLayer
from qgis.gui import QgsAdvancedDigitizingDockWidget, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QMainWindow


class DesktopIface(QObject):
    """Main window, a real 400×400 canvas, message bar and active layer."""

    currentLayerChanged = pyqtSignal(QgsMapLayer)

    def __init__(self):
        super().__init__()
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.canvas.resize(400, 400)
        self.bar = QgsMessageBar(self.window)
        self.cad = QgsAdvancedDigitizingDockWidget(self.canvas, self.window)
        self.active = None

    def mainWindow(self):  # noqa: N802 (QGIS API names)
        return self.window

    def mapCanvas(self):  # noqa: N802
        return self.canvas

    def messageBar(self):  # noqa: N802
        return self.bar

    def cadDockWidget(self):  # noqa: N802
        return self.cad

    def activeLayer(self):  # noqa: N802
        return self.active

    def setActiveLayer(self, layer):  # noqa: N802
        self.active = layer
        self.currentLayerChanged.emit(layer)
        return True


class RecordingBar:
    def __init__(self):
        self.messages = []

    def pushMessage(self, title, text, level=0, duration=0):  # noqa: N802 (Qt name)
        self.messages.append((title, text, level))


class MessageIface:
    """Only the message bar, recording (title, text, level)."""

    def __init__(self):
        self.bar = RecordingBar()

    def messageBar(self):  # noqa: N802 (QGIS name)
        return self.bar
