"""Shared plumbing of the plugin's Processing algorithms (kept thin on purpose).

An algorithm declares parameters, calls one core function with the feedback, and
turns a core ``SwcError`` into a ``QgsProcessingException`` with the same message.
"""

from __future__ import annotations

from typing import Any, Dict

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
)

from ..core.errors import SwcError
from ..translation import tr


class SwcAlgorithm(QgsProcessingAlgorithm):
    """Base: subclasses set NAME, DISPLAY (English source text), GROUP, and
    implement ``initAlgorithm`` and ``execute``."""

    NAME = ""
    DISPLAY = ""
    GROUP = ""
    HELP = ""

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return tr(self.DISPLAY)

    def group(self) -> str:
        return tr(self.GROUP)

    def groupId(self) -> str:
        return self.GROUP.lower().replace(" ", "")

    def shortHelpString(self) -> str:
        return tr(self.HELP)

    def createInstance(self):
        return type(self)()

    def processAlgorithm(self, parameters: Dict[str, Any], context: QgsProcessingContext,
                         feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        try:
            return self.execute(parameters, context, feedback)
        except SwcError as error:
            raise QgsProcessingException(str(error)) from error

    def execute(self, parameters: Dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> Dict[str, Any]:
        raise NotImplementedError
