"""Buttons "导出外业包" / "导入外业结果" of the inspection dock (issue 16).

Kept apart from the dock so the dock only adds this row: the export takes the
townships of the selected findings (all findings when none is selected) and
runs ``core.fieldpackage`` in a ``CoreTask``; the import runs
``core.fieldimport`` and refreshes the dock's finding layer and tree.
"""

from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QWidget

from ..core.casework import FindingFilter
from ..tasks import CoreTask
from ..translation import tr


class FieldworkButtons(QWidget):
    """A row with the two field-work buttons, acting on ``dock``."""

    def __init__(self, dock, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.dock = dock
        self.task: Optional[CoreTask] = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.exportButton = QPushButton(tr("Export field package"), self)
        self.importButton = QPushButton(tr("Import field results"), self)
        self.exportButton.setObjectName("fieldExportButton")
        self.importButton.setObjectName("fieldImportButton")
        layout.addWidget(self.exportButton)
        layout.addWidget(self.importButton)
        self.exportButton.clicked.connect(self.choose_export)
        self.importButton.clicked.connect(self.choose_import)

    def say(self, message: str, level=Qgis.Info) -> None:
        """Message bar of the dock (and ``dock.last_message`` for scripts/tests)."""
        self.dock.last_message = (message, level)
        if self.dock.iface is not None:
            self.dock.iface.messageBar().pushMessage(tr("Parcel inspection"), message, level)

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.say(str(error), Qgis.Warning)

    def townships(self) -> List[str]:
        """Township codes of the selected findings (empty: every township)."""
        if self.dock.finding_layer is None:
            return []
        rows = (self.dock.model.finding(fid) for fid in self.dock.selected_fids())
        return sorted({row.township for row in rows if row is not None} - {""})

    def _workspace(self) -> Optional[str]:
        workspace = self.dock.workspace_path()
        if not workspace:
            self.say(tr("Choose a workspace (.gpkg) first."), Qgis.Warning)
            return None
        if self.dock.finding_layer is not None and self.dock.finding_layer.isEditable():
            self.dock.save()  # the package and the import read the saved table
        return workspace

    def choose_export(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Field package folder"))
        if folder:
            self.export_to(folder)

    def choose_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Returned field package"))
        if folder:
            self.import_from(folder)

    def export_to(self, folder: str) -> Optional[CoreTask]:
        from ..core.fieldpackage import write_field_package

        workspace = self._workspace()
        if workspace is None:
            return None
        self.task = CoreTask(
            tr("Export field package"),
            write_field_package,
            workspace,
            FindingFilter(self.townships()),
            folder,
            self.dock.who(),
            on_done=self._exported,
            on_error=self._failed,
        )
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def import_from(self, folder: str) -> Optional[CoreTask]:
        from ..core.fieldimport import import_field_package

        workspace = self._workspace()
        if workspace is None:
            return None
        self.task = CoreTask(
            tr("Import field results"),
            import_field_package,
            folder,
            workspace,
            on_done=self._imported,
            on_error=self._failed,
        )
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _exported(self, result) -> None:
        self.task = None
        self.say(" ".join(result.lines()), Qgis.Success)

    def _imported(self, report) -> None:
        self.task = None
        if self.dock.finding_layer is not None:
            self.dock.finding_layer.reload()
        self.dock.refresh()
        level = Qgis.Warning if report.conflicts or report.refused else Qgis.Success
        self.say(" ".join(report.lines()), level)
