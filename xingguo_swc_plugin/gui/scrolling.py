"""Dock contents in a scroll area, so every button stays reachable on a laptop
screen (1280×800) however tall the dock's form is."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QFrame, QScrollArea, QWidget


def scrolled(body: QWidget) -> QScrollArea:
    """``body`` in a frameless, resizable scroll area (the dock's widget)."""
    area = QScrollArea()
    area.setObjectName("XingguoSwcDockScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(body)
    return area
