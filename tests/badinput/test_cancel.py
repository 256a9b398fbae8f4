"""Cancel, tried at several moments for every algorithm and for a dock task.

A feedback cancels itself before the run, or at its 1st / 3rd progress report.
When the cancel fired, the run must end as canceled (an exception, never a
result), leave no output file and leave the workspace byte-identical; when the
run finished before the moment came, it must have finished normally.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from data import digest  # noqa: E402

MOMENTS = (0, 1, 3)  # progress reports before the cancel (0: canceled before start)


def make_feedback(moment: int):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.fired = False
    feedback.reports = 0

    def on_progress(_value):
        feedback.reports += 1
        if feedback.reports >= moment and not feedback.fired:
            feedback.fired = True
            feedback.cancel()

    if moment == 0:
        feedback.fired = True
        feedback.cancel()
    else:
        feedback.progressChanged.connect(on_progress)
    return feedback


def copy(source: str, target: Path) -> str:
    with sqlite3.connect(source) as a, sqlite3.connect(str(target)) as b:
        a.backup(b)
    return str(target)


def _cases(ws: str, tmp: Path, empty: str):
    lay = lambda name: ws + "|layername=" + name  # noqa: E731
    return {
        "townshipstats": {
            "TOWNSHIPS": lay("township"),
            "INPUT": lay("parcel"),
            "CLASS_FIELD": "kflx",
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "conservationrate": {
            "TOWNSHIPS": lay("township"),
            "EROSION": lay("erosion"),
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "checkoverlaps": {
            "INPUT": lay("parcel"),
            "OUTPUT": str(tmp / "out.gpkg"),
            "INVALID": str(tmp / "invalid.gpkg"),
        },
        # the ellipsoidal run takes the GEOS path for every candidate pair
        "checkoverlaps-ellipsoidal": {
            "INPUT": lay("parcel"),
            "AREA_METHOD": 1,
            "OUTPUT": str(tmp / "out.gpkg"),
            "INVALID": str(tmp / "invalid.gpkg"),
        },
        "conservationrate-ellipsoidal": {
            "TOWNSHIPS": lay("township"),
            "EROSION": lay("erosion"),
            "AREA_METHOD": 1,
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "benggangattributes": {
            "INPUT": lay("benggang"),
            "TOWNSHIPS": lay("township"),
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "measuresummary": {
            "MEASURES": lay("measure"),
            "TOWNSHIPS": lay("township"),
            "YEAR_FROM": 2022,
            "YEAR_TO": 2025,
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "validateparcels": {
            "PARCELS": lay("parcel"),
            "PROJECTS": lay("dev_project"),
            "OUTPUT": str(tmp / "out.gpkg"),
        },
        "importprojects": {"INPUT": lay("dev_project"), "WORKSPACE": empty},
        "sampledata": {"OUTPUT": str(tmp / "out.gpkg"), "PARCELS": 300, "SEED": 3},
        "createworkspace": {"OUTPUT": str(tmp / "out.gpkg")},
        "atlas": {
            "TOWNSHIPS": lay("township"),
            "OUTPUT_FOLDER": str(tmp / "atlas"),
            "MERGED": True,
            "DPI": 72,
        },
    }


ALGORITHMS = (
    "townshipstats",
    "conservationrate",
    "checkoverlaps",
    "checkoverlaps-ellipsoidal",
    "conservationrate-ellipsoidal",
    "benggangattributes",
    "measuresummary",
    "validateparcels",
    "importprojects",
    "sampledata",
    "createworkspace",
    "atlas",
)


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_cancel_leaves_nothing(sample_workspace, empty_workspace, tmp_path, algorithm, moment):
    import processing
    from qgis.core import QgsProcessingException

    workspace = copy(sample_workspace, tmp_path / "ws.gpkg")
    params = _cases(workspace, tmp_path, empty_workspace)[algorithm]
    before = digest(workspace, empty_workspace)
    feedback = make_feedback(moment)
    try:
        processing.run("xingguoswc:" + algorithm.split("-")[0], params, feedback=feedback)
    except QgsProcessingException as error:
        assert feedback.fired, "failed without a cancel: {0}".format(error)
        assert "Cancel" in str(error) or "取消" in str(error), str(error)
        outputs = [tmp_path / "out.gpkg", tmp_path / "invalid.gpkg"]
        assert not any(p.exists() for p in outputs), "a canceled run left an output file"
        atlas = tmp_path / "atlas"
        assert not atlas.exists() or not any(atlas.iterdir())
        assert digest(workspace, empty_workspace) == before, "a canceled run wrote"
        return
    assert not feedback.fired, "a canceled run reported success"


def test_cancel_of_a_dock_task_gives_no_result(sample_workspace, qgis_app):
    """The docks run core functions in tasks.CoreTask: a canceled task calls
    on_error with CanceledError, never on_done with a partial result."""
    from qgis.core import QgsVectorLayer

    from xingguo_swc_plugin.core.errors import CanceledError
    from xingguo_swc_plugin.core.stats import township_area_stats
    from xingguo_swc_plugin.tasks import CoreTask

    towns = QgsVectorLayer(sample_workspace + "|layername=township", "t", "ogr")
    parcels = QgsVectorLayer(sample_workspace + "|layername=parcel", "p", "ogr")
    done, errors = [], []
    task = CoreTask(
        "stats",
        township_area_stats,
        towns,
        "xzqdm",
        parcels,
        "kflx",
        on_done=done.append,
        on_error=errors.append,
    )
    task.cancel()
    ok = task.run()
    task.finished(ok)
    assert not ok and not done and isinstance(errors[0], CanceledError)


@pytest.mark.parametrize("function", ["township_area_stats", "conservation_rate"])
def test_core_functions_raise_on_cancel(sample_workspace, qgis_app, function):
    from qgis.core import QgsFeedback, QgsVectorLayer

    from xingguo_swc_plugin.core import stats
    from xingguo_swc_plugin.core.errors import CanceledError

    towns = QgsVectorLayer(sample_workspace + "|layername=township", "t", "ogr")
    layer = QgsVectorLayer(
        sample_workspace
        + "|layername="
        + ("parcel" if function == "township_area_stats" else "erosion"),
        "l",
        "ogr",
    )
    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda _v: feedback.cancel())
    with pytest.raises(CanceledError):
        getattr(stats, function)(towns, "xzqdm", layer, feedback=feedback)
