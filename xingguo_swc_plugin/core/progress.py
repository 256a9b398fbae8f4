"""Progress over consecutive phases of one run, raising when the user cancels.

Why shared: a long run (validation on either engine) reports 0-100 % over its
phases and hands nested core calls a feedback mapped onto the current phase.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeedback

from .errors import raise_if_canceled


class Steps:
    """Progress over consecutive phases; raises CanceledError when the user cancels."""

    def __init__(self, feedback: Optional[QgsFeedback]):
        self.feedback = feedback
        self.start = 0.0
        self.end = 0.0

    def phase(self, start: float, end: float) -> None:
        self.start, self.end = start, end
        self.progress(0, 1)

    def progress(self, done: int, total: int) -> None:
        if self.feedback is None:
            return
        raise_if_canceled(self.feedback)
        fraction = done / total if total else 1.0
        self.feedback.setProgress(self.start + (self.end - self.start) * fraction)

    def sub_feedback(self) -> Optional[QgsFeedback]:
        """A feedback for a nested core call, mapped onto the current phase."""
        if self.feedback is None:
            return None
        sub = QgsFeedback()
        start, end, parent = self.start, self.end, self.feedback
        sub.progressChanged.connect(
            lambda value: parent.setProgress(start + (end - start) * value / 100.0)
        )
        if parent.isCanceled():
            sub.cancel()
        parent.canceled.connect(sub.cancel)
        return sub
