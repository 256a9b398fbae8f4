"""One translation context for the whole plugin.

Write ``tr("Text {0}").format(value)``: the literal goes to pylupdate5, the
values are filled in after translation (never an f-string inside ``tr``).
"""

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "XingguoSWC"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
