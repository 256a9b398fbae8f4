"""Which engine computes: decided once, here, for every capability.

Why one place: statistics, overlaps and validation each used to ask PostGIS
through a lazy import of their own whether the server could do the work, and
tests could only tell which engine ran from the log text.  A front door
(``stats.township_area_stats``, ``stats.conservation_rate``,
``overlaps.find_overlaps``, ``validation.validate_parcels``) now calls
``choose`` with its inputs and dispatches on the answer; tests ask ``choose``.

The server computes when every input layer is a plain table of one PostGIS
database, the areas are planimetric (the ellipsoidal method stays local: QGIS
and PostGIS geodesic areas differ by more than the engines must agree to), the
front door says the work can run there (no DEM, no client-only inputs), and
``XGSWC_SERVER_COMPUTE`` is not "0".  A workspace (``WorkspaceBase``) runs on
its own backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsFeedback

from ...translation import tr
from ..area import PLANIMETRIC
from ..log import log
from ..workspace.base import WorkspaceBase
from .postgis.compute import PgDatabase, same_postgis_database

#: Engine names.
LOCAL = "local"
POSTGIS = "postgis"


@dataclass(frozen=True)
class Engine:
    """The chosen engine; ``database`` holds the inputs' tables on the server."""

    name: str
    database: Optional[PgDatabase] = None

    @property
    def on_server(self) -> bool:
        return self.name == POSTGIS


def choose(
    *inputs,
    area_method: int = PLANIMETRIC,
    server: bool = True,
    what: str = "",
    feedback: Optional[QgsFeedback] = None,
) -> Engine:
    """The engine for ``inputs`` (layers, None for absent optional inputs, or a workspace).

    ``server=False``: the front door needs the client for this run (a DEM, ...).
    ``what`` names the computation in the one log line that says it runs on the server.
    """
    workspaces = [item for item in inputs if isinstance(item, WorkspaceBase)]
    if workspaces:
        return Engine(
            POSTGIS if server and all(w.backend == "postgis" for w in workspaces) else LOCAL
        )
    if not server or area_method != PLANIMETRIC:
        return Engine(LOCAL)
    database = same_postgis_database(*inputs)
    if database is None:
        return Engine(LOCAL)
    if what:
        log(
            tr("{0}: computed in the PostGIS database {1}.").format(
                what, database.target.describe()
            ),
            feedback,
        )
    return Engine(POSTGIS, database)
