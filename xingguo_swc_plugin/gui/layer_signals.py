"""Keep a dock's slot connected to whichever layer the user currently picked.

Docks follow a chosen layer (gullies, townships, findings, measures, selection
targets).  Switching layers must move the connections, and a layer deleted in the
meantime must not break the dock: this is the one place that does both.
"""

from __future__ import annotations

from typing import Callable, Optional

from qgis.core import QgsVectorLayer


class LayerSignals:
    """``slot`` connected to the signals ``names`` of the watched layer."""

    def __init__(self, slot: Callable, *names: str):
        self.slot = slot
        self.names = names
        self.layer: Optional[QgsVectorLayer] = None

    def watch(self, layer: Optional[QgsVectorLayer]) -> None:
        """Connect to ``layer`` (None: to nothing), disconnecting the previous one."""
        if layer is self.layer:
            return
        if self.layer is not None:
            for name in self.names:
                try:
                    getattr(self.layer, name).disconnect(self.slot)
                except (TypeError, RuntimeError):  # not connected, or layer deleted
                    pass
        self.layer = layer
        if layer is not None:
            for name in self.names:
                getattr(layer, name).connect(self.slot)

    def release(self) -> None:
        self.watch(None)
