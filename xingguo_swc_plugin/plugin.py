"""Wires the docks, menu, toolbar and Processing provider; ``unload`` removes all.

Works without an interface (``iface=None``, as qgis_process loads plugins):
then only the Processing provider is registered.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from qgis.core import QgsApplication, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QDialog

from .dependencies import MISSING, import_capability, missing_message
from .localization import install_translator, remove_translator
from .translation import tr

PLUGIN_DIR = Path(__file__).resolve().parent

#: One SVG icon per capability: resources/icons/<module>.svg.
ICONS = PLUGIN_DIR / "resources" / "icons"
#: Shortcuts (changeable in Settings → Keyboard Shortcuts), by module / action.
SHORTCUTS = {
    "open_workspace": "Ctrl+Alt+Shift+W",
    "benggang_dock": "Ctrl+Alt+Shift+G",
    "measures_dock": "Ctrl+Alt+Shift+M",
    "inspection_dock": "Ctrl+Alt+Shift+I",
    "stats_dock": "Ctrl+Alt+Shift+S",
    "atlas_dock": "Ctrl+Alt+Shift+A",
}

#: (module under gui/, dock class); one line per capability, in menu order.
DOCK_CLASSES = (
    ("benggang_dock", "BenggangDock"),
    ("measures_dock", "MeasuresDock"),
    ("inspection_dock", "InspectionDock"),
    ("stats_dock", "StatsDock"),
    ("atlas_dock", "AtlasDock"),
)


class XingguoSwcPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = install_translator()
        self.docks: List = []
        self.actions: List[QAction] = []
        self.menu_title = tr("Xingguo SWC (兴国水保)")
        self.toolbar = None
        self.options_factory = None
        self._shortcut_actions: List[QAction] = []

    # Processing -----------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS API name)
        from .processing.provider import XingguoProvider

        if self.provider is None:
            self.provider = XingguoProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # GUI ------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 (QGIS API name)
        self.initProcessing()
        if self.iface is None:
            return
        from .gui.help import attach_help, show_help

        self.toolbar = self.iface.addToolBar(tr("Xingguo SWC"))
        self.toolbar.setObjectName("XingguoSwcToolbar")
        self.open_action = QAction(
            QIcon(str(ICONS / "open_workspace.svg")), tr("Open workspace…"), self.iface.mainWindow()
        )
        self.open_action.setObjectName("XingguoSwcOpenWorkspace")
        self.open_action.triggered.connect(self.choose_workspace)
        self._register_shortcut(self.open_action, "open_workspace")
        self.iface.addPluginToMenu(self.menu_title, self.open_action)
        self.toolbar.addAction(self.open_action)
        self.actions.append(self.open_action)
        for module_name, class_name in DOCK_CLASSES:
            module = import_capability(".gui." + module_name, __package__)
            if module is None:
                continue
            dock = getattr(module, class_name)(self.iface, self.iface.mainWindow())
            attach_help(dock, module_name)
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.hide()
            action = dock.toggleViewAction()
            action.setIcon(QIcon(str(ICONS / (module_name + ".svg"))))
            action.setObjectName("XingguoSwcToggle_" + module_name)
            self._register_shortcut(action, module_name)
            self.iface.addPluginToMenu(self.menu_title, action)
            self.toolbar.addAction(action)
            self.docks.append(dock)
            self.actions.append(action)
        self.help_action = QAction(
            QgsApplication.getThemeIcon("/mActionHelpContents.svg"),
            tr("Help"),
            self.iface.mainWindow(),
        )
        self.help_action.setObjectName("XingguoSwcHelp")
        self.help_action.triggered.connect(lambda: show_help("index", self.iface.mainWindow()))
        self.iface.addPluginToMenu(self.menu_title, self.help_action)
        self.actions.append(self.help_action)
        from .gui.options_page import SettingsFactory

        self.options_factory = SettingsFactory(QIcon(str(PLUGIN_DIR / "resources" / "icon.png")))
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        for package_name in MISSING:
            self.iface.messageBar().pushWarning(tr("Xingguo SWC"), missing_message(package_name))

    def _register_shortcut(self, action: QAction, key: str) -> None:
        """A default shortcut the user can change (QGIS's shortcut manager)."""
        if hasattr(self.iface, "registerMainWindowAction"):
            self.iface.registerMainWindowAction(action, SHORTCUTS[key])
            self._shortcut_actions.append(action)

    # Workspace --------------------------------------------------------------
    def choose_workspace(self) -> None:
        """Ask for a GeoPackage or PostGIS workspace and open it."""
        from .core.errors import SwcError
        from .gui.workspace_dialog import WorkspaceDialog

        dialog = WorkspaceDialog(self.iface.mainWindow())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            workspace = dialog.open_chosen()
            self.open_workspace(workspace)
        except SwcError as error:
            self.iface.messageBar().pushWarning(tr("Open workspace"), str(error))

    def open_workspace(self, workspace) -> Dict[str, QgsVectorLayer]:
        """Load the workspace's data tables into one layer group (Chinese names,
        stored styles) and give every dock its layers by table."""
        from .core.workspace.layers import add_workspace_to_project, workspace_layers

        name = Path(workspace.path).stem if hasattr(workspace, "path") else workspace.schema
        layers = add_workspace_to_project(
            workspace_layers(workspace), tr("Workspace {0}").format(name)
        )
        for dock in self.docks:
            if hasattr(dock, "use_workspace"):
                dock.use_workspace(layers)
        if self.iface is not None:
            township = layers.get("township")
            if (
                township is not None
                and township.extent().isFinite()
                and not township.extent().isEmpty()
            ):
                canvas = self.iface.mapCanvas()
                canvas.setExtent(
                    canvas.mapSettings().layerExtentToOutputExtent(township, township.extent())
                )
                canvas.refresh()
            self.iface.messageBar().pushSuccess(
                tr("Open workspace"),
                tr("Workspace {0} opened: {1} tables.").format(name, len(layers)),
            )
        return layers

    def unload(self) -> None:
        if self.iface is not None:
            from .gui.help import close_help

            close_help(self.iface.mainWindow())
        for action in self._shortcut_actions:
            if self.iface is not None:
                self.iface.unregisterMainWindowAction(action)
        self._shortcut_actions.clear()
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(self.menu_title, action)
        self.actions.clear()
        if self.options_factory is not None and self.iface is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        for dock in self.docks:
            if hasattr(dock, "cleanup"):
                dock.cleanup()
            if self.iface is not None:
                self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
