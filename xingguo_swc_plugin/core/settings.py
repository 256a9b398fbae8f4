"""User settings with SPEC defaults (``domain.thresholds.DEFAULTS``).

Stored in QgsSettings under ``xingguo_swc/``; the defaults are the SPEC values,
so a value marked *(practice)* can be changed per installation.
"""

from __future__ import annotations

from typing import Any

from qgis.core import QgsSettings

from ..domain.thresholds import DEFAULTS

PREFIX = "xingguo_swc/"


def setting(name: str) -> Any:
    """Current value of a setting, typed like its default."""
    default = DEFAULTS[name]
    return QgsSettings().value(PREFIX + name, default, type=type(default))


def set_setting(name: str, value: Any) -> None:
    if name not in DEFAULTS:
        raise KeyError(name)
    QgsSettings().setValue(PREFIX + name, value)


def reset_setting(name: str) -> None:
    QgsSettings().remove(PREFIX + name)


def plan_window() -> tuple[int, int]:
    """The plan window (settings ``plan/year_from``, ``plan/year_to``): the default
    period of every figure of the plugin."""
    return int(setting("plan/year_from")), int(setting("plan/year_to"))
