"""Import a capability's module, or say which package it needs.

Everything but QGIS itself is optional for loading: a capability whose module
cannot be imported because a package is absent (numpy for the statistics,
overlap and slope engines, for example) is left out, and the user is told which
package to install, in the message log and, in the desktop, in the message bar.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Dict, Optional

from qgis.core import Qgis

from .core.log import log
from .translation import tr

#: Missing package -> the capabilities (modules) left out for it, this session.
MISSING: Dict[str, list] = {}


def import_capability(module_name: str, package: str) -> Optional[ModuleType]:
    """The module, or None when a package it needs is not installed (logged)."""
    try:
        return importlib.import_module(module_name, package)
    except ModuleNotFoundError as error:
        if error.name is None or error.name.startswith(package.split(".")[0]):
            raise  # our own module is missing: a packaging bug, not an option
        missing = error.name.split(".")[0]
        MISSING.setdefault(missing, []).append(module_name.lstrip("."))
        log(missing_message(missing), level=Qgis.Warning)
        return None


def missing_message(package_name: str) -> str:
    return tr(
        "The Python package {0} is not installed: {1} are not available. "
        "Install it (Debian: python3-{0}) and restart QGIS."
    ).format(package_name, ", ".join(MISSING.get(package_name, [])))
