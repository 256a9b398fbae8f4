"""The one log helper: the *Xingguo SWC* tab of QGIS's log, and the run's feedback.

Why one: every capability logged through its own copy (``stats._log``,
``postgis_compute._note``, a ``LOG_TAG`` per module); a message must reach the
same tab and, inside Processing, the algorithm's log, wherever it comes from.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import Qgis, QgsFeedback, QgsMessageLog

#: The tab of QGIS's log panel the plugin writes to.
LOG_TAG = "Xingguo SWC"


def log(message: str, feedback: Optional[QgsFeedback] = None, level=Qgis.Info) -> None:
    """Write ``message`` to the plugin's log tab and, when given, to ``feedback``.

    A Processing feedback shows it in the algorithm's log (``pushInfo``, or
    ``reportError`` for warnings and worse, without failing the run).
    """
    QgsMessageLog.logMessage(message, LOG_TAG, level)
    if feedback is None:
        return
    if level in (Qgis.Warning, Qgis.Critical) and hasattr(feedback, "reportError"):
        feedback.reportError(message, False)
    elif hasattr(feedback, "pushInfo"):
        feedback.pushInfo(message)
