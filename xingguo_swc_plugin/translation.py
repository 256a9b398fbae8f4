"""One translation context for the whole plugin.

Write ``tr("Text {0}").format(value)``: the literal goes to pylupdate5, the
values are filled in after translation (never an f-string inside ``tr``).
"""

from qgis.PyQt.QtCore import QCoreApplication

CONTEXT = "XingguoSWC"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the marker name pylupdate5 looks for)
    """Mark a literal for translation where it is defined (class attributes such as
    an algorithm's DISPLAY, GROUP, HELP); ``tr(value)`` translates it where shown."""
    return text
