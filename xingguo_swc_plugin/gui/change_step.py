"""The "与上期比较" step of the inspection dock (issue 17), a self-contained box.

Choose the previous delivery, compare (``core.parcelchange`` in a ``CoreTask``),
see the new and grown parcels first; with "validate only these" checked the
dock's check runs on those parcels only (``parcel_subset``).
"""

from __future__ import annotations

from typing import List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import SwcError
from ..core.settings import setting
from ..domain import change as classes
from ..tasks import CoreTask
from ..translation import tr


def compare_deliveries(previous, current, feedback=None):
    """Task body: open both layers here (GUI layers stay in the GUI thread)."""
    from ..core.engines.local.zones import computation_crs
    from ..core.parcelchange import parcel_change

    old = QgsVectorLayer(*previous)
    new = QgsVectorLayer(*current)
    if not old.isValid() or not new.isValid():
        raise SwcError(
            tr("Cannot open the layer {0}.").format(
                previous[1] if not old.isValid() else current[1]
            )
        )
    return parcel_change(
        old,
        new,
        computation_crs(new.crs()),
        min_area=setting("change/min_area_m2"),
        feedback=feedback,
    )


class ChangeStep(QgsCollapsibleGroupBox):
    """Previous delivery, compare button, changed parcels first, scope switch."""

    def __init__(self, dock, parent: Optional[QWidget] = None):
        super().__init__(tr("Compare with the previous delivery"), parent)
        self.dock = dock
        self.task: Optional[CoreTask] = None
        self.result = None
        self.previousCombo = QgsMapLayerComboBox(self)
        self.previousCombo.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.previousCombo.setAllowEmptyLayer(True)
        self.previousCombo.setLayer(None)
        self.compareButton = QPushButton(tr("Compare"), self)
        self.summaryLabel = QLabel("", self)
        self.changedList = QListWidget(self)
        self.onlyChangedCheck = QCheckBox(tr("Validate only new and grown parcels"), self)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Previous delivery"), self))
        row.addWidget(self.previousCombo, 1)
        row.addWidget(self.compareButton)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.summaryLabel)
        layout.addWidget(self.changedList)
        layout.addWidget(self.onlyChangedCheck)
        self.compareButton.clicked.connect(self.compare)
        self.setCollapsed(True)

    def compare(self) -> Optional[CoreTask]:
        previous = self.previousCombo.currentLayer()
        current = self.dock.ui.parcelsCombo.currentLayer()
        if previous is None or current is None:
            self.dock._error(SwcError(tr("Choose the parcels and the previous delivery.")))
            return None
        self.task = CoreTask(
            tr("Compare with the previous delivery"),
            compare_deliveries,
            (previous.source(), previous.name(), previous.providerType()),
            (current.source(), current.name(), current.providerType()),
            on_done=self._done,
            on_error=self._failed,
        )
        self.compareButton.setEnabled(False)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def _failed(self, error: BaseException) -> None:
        self.task = None
        self.compareButton.setEnabled(True)
        self.dock._error(error)

    def _done(self, result) -> None:
        self.task = None
        self.compareButton.setEnabled(True)
        self.result = result
        counts = result.counts()
        self.summaryLabel.setText(
            "  ".join("{0} {1}".format(name, counts[name]) for name in classes.CLASSES)
        )
        self.changedList.clear()
        for row in result.rows:  # rows come in class order: 新增, 扩大 first
            if row.change in (classes.NEW, classes.GROWN):
                self.changedList.addItem(
                    tr("{0} {1}: {2:.0f} m² added").format(
                        row.change, row.new_id, row.area_added_m2
                    )
                )
        self.dock._message(
            tr("Compared with the previous delivery: {0} new, {1} grown.").format(
                counts[classes.NEW], counts[classes.GROWN]
            ),
            Qgis.Success,
        )

    def changed_fids(self) -> List[int]:
        """Feature ids of the new and grown parcels of the last comparison."""
        if self.result is None:
            return []
        return [
            row.new_fid
            for row in self.result.rows
            if row.change in (classes.NEW, classes.GROWN) and row.new_fid is not None
        ]

    def parcel_subset(self, layer: QgsVectorLayer):
        """(source, provider, name) of the parcels to validate: all of them, or with
        "validate only" the new and grown ones (an OGR subset on their fids)."""
        source = (layer.source(), layer.providerType(), layer.name())
        if not self.onlyChangedCheck.isChecked():
            return source
        if self.result is None:
            raise SwcError(tr("Compare with the previous delivery first."))
        if layer.providerType() != "ogr" or layer.subsetString():
            raise SwcError(
                tr("Only parcels read from a file can be limited to the new and grown ones.")
            )
        fids = self.changed_fids() or [-1]
        subset = "FID IN ({0})".format(",".join(str(fid) for fid in fids))
        return (layer.source() + "|subset=" + subset, "ogr", layer.name())

    def cleanup(self) -> None:
        if self.task is not None:
            self.task.cancel()
