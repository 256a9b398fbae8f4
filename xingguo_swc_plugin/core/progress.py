"""Progress over consecutive phases of one run, raising when the user cancels.

Why shared: a long run (validation on either engine) reports 0-100 % over its
phases and hands nested core calls a feedback mapped onto the current phase.
"""

from __future__ import annotations

from typing import Optional

from qgis.core import QgsFeedback

from .errors import raise_if_canceled


class Steps:
    """Progress over consecutive phases; raises CanceledError when the user cancels.

    The bar only moves forward: a phase may hold several passes (read the projects,
    then check every parcel), and a later pass starting at 0 must not pull it back."""

    def __init__(self, feedback: Optional[QgsFeedback]):
        self.feedback = feedback
        self.start = 0.0
        self.end = 0.0
        self.shown = 0.0

    def _show(self, value: float) -> None:
        self.shown = max(self.shown, value)
        self.feedback.setProgress(self.shown)

    def phase(self, start: float, end: float) -> None:
        self.start, self.end = start, end
        self.progress(0, 1)

    def progress(self, done: int, total: int) -> None:
        if self.feedback is None:
            return
        raise_if_canceled(self.feedback)
        fraction = done / total if total else 1.0
        self._show(self.start + (self.end - self.start) * fraction)

    def sub_feedback(self) -> Optional[QgsFeedback]:
        """A feedback for a nested core call, mapped onto the current phase."""
        if self.feedback is None:
            return None
        sub = QgsFeedback()
        start, end = self.start, self.end
        sub.progressChanged.connect(lambda value: self._show(start + (end - start) * value / 100.0))
        parent = self.feedback
        if parent.isCanceled():
            sub.cancel()
        parent.canceled.connect(sub.cancel)
        return sub
