"""Dock contents in a scroll area, so every button stays reachable on a laptop
screen (1280×800) however tall the dock's form is."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QScrollArea, QWidget


def scrolled(body: QWidget) -> QScrollArea:
    """``body`` in a frameless, resizable scroll area (the dock's widget).

    It scrolls vertically only: the dock is at least as wide as its form, since a
    horizontally scrolled form cuts its labels on the left (seen at 1280×800)."""
    area = QScrollArea()
    area.setObjectName("XingguoSwcDockScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(body)
    area.setMinimumWidth(
        body.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width()
    )
    return area
