"""Dialog "Open workspace" (打开工作空间): a GeoPackage file or a PostGIS schema.

Only asks where the workspace is; ``open_chosen`` opens it with the same core
functions as Processing (``open_workspace`` / ``open_postgis_workspace``), so a
workspace that cannot be opened is refused with the core's message.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsSettings
from qgis.gui import QgsFileWidget, QgsProviderConnectionComboBox
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.workspace.geopackage import open_workspace
from ..translation import tr

_SETTINGS_PATH = "xingguo_swc/last_workspace"
DEFAULT_SCHEMA = "xingguo_swc"


class WorkspaceDialog(QDialog):
    """Choose a GeoPackage workspace or a PostgreSQL connection and schema."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setObjectName("XingguoSwcWorkspaceDialog")
        self.setWindowTitle(tr("Open workspace"))
        layout = QVBoxLayout(self)
        self.gpkg_radio = QRadioButton(tr("GeoPackage workspace"))
        self.pg_radio = QRadioButton(tr("Shared PostGIS workspace"))
        self.file_widget = QgsFileWidget()
        self.file_widget.setStorageMode(QgsFileWidget.GetFile)
        self.file_widget.setFilter(tr("GeoPackage workspace (*.gpkg)"))
        self.connection_combo = QgsProviderConnectionComboBox("postgres")
        self.schema_edit = QLineEdit(DEFAULT_SCHEMA)
        form = QFormLayout()
        form.addRow(self.gpkg_radio)
        form.addRow(tr("File"), self.file_widget)
        form.addRow(self.pg_radio)
        form.addRow(tr("PostgreSQL connection"), self.connection_combo)
        form.addRow(tr("Schema"), self.schema_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.gpkg_radio.toggled.connect(self._kind_changed)
        self.file_widget.fileChanged.connect(self._kind_changed)
        self.schema_edit.textChanged.connect(self._kind_changed)
        settings = QgsSettings()
        self.file_widget.setFilePath(settings.value(_SETTINGS_PATH + "/path", "", str))
        postgis = settings.value(_SETTINGS_PATH + "/kind", "gpkg", str) == "postgis"
        (self.pg_radio if postgis else self.gpkg_radio).setChecked(True)
        if postgis:
            self.connection_combo.setConnection(
                settings.value(_SETTINGS_PATH + "/connection", "", str)
            )
            self.schema_edit.setText(
                settings.value(_SETTINGS_PATH + "/schema", DEFAULT_SCHEMA, str)
            )
        self._kind_changed()

    def is_postgis(self) -> bool:
        return self.pg_radio.isChecked()

    def _kind_changed(self, *_args) -> None:
        postgis = self.is_postgis()
        self.file_widget.setEnabled(not postgis)
        self.connection_combo.setEnabled(postgis)
        self.schema_edit.setEnabled(postgis)
        ready = (
            bool(self.connection_combo.currentConnection() and self.schema_edit.text().strip())
            if postgis
            else bool(self.file_widget.filePath().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ready)

    def open_chosen(self):
        """The chosen workspace, opened (and upgraded); SwcError says why not."""
        settings = QgsSettings()
        if self.is_postgis():
            from ..core.workspace.postgis import PgTarget, open_postgis_workspace

            connection = self.connection_combo.currentConnection()
            schema_name = self.schema_edit.text().strip()
            workspace = open_postgis_workspace(PgTarget(connection), schema_name)
            settings.setValue(_SETTINGS_PATH + "/kind", "postgis")
            settings.setValue(_SETTINGS_PATH + "/connection", connection)
            settings.setValue(_SETTINGS_PATH + "/schema", schema_name)
            return workspace
        path = self.file_widget.filePath().strip()
        workspace = open_workspace(path)
        settings.setValue(_SETTINGS_PATH + "/kind", "gpkg")
        settings.setValue(_SETTINGS_PATH + "/path", path)
        return workspace
