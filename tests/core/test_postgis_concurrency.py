"""Two editors at once on one PostGIS workspace: unique gully IDs, no lost updates.

Each editor is a thread with its own QGIS layer (so its own server connection),
started together at a barrier; the server serialises what must be serialised.
"""

from __future__ import annotations

import threading
from typing import Dict, List

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
)

from xingguo_swc_plugin.core.benggang_numbering import next_benggang_id, parse_benggang_id
from xingguo_swc_plugin.core.workspace.postgis import create_postgis_workspace

CRS = QgsCoordinateReferenceSystem("EPSG:4547")
TOWNSHIP = "360732101"
PER_EDITOR = 30


def _square(n: int) -> QgsGeometry:
    x = 600000 + 50 * (n % 40)
    y = 2900000 + 50 * (n // 40)
    return QgsGeometry.fromWkt(
        "MultiPolygon((({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1})))".format(x, y, x + 30, y + 30)
    )


def _run_editors(count: int, work) -> Dict[int, object]:
    """Run ``work(editor, barrier)`` in ``count`` threads at once; results by editor."""
    barrier = threading.Barrier(count, timeout=120)
    results: Dict[int, object] = {}
    errors: List[BaseException] = []

    def run(editor: int) -> None:
        try:
            results[editor] = work(editor, barrier)
        except BaseException as error:  # reported in the main thread
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(300)
    assert not errors, errors
    return results


def test_two_editors_digitizing_in_one_township_get_unique_ids(pg_target, pg_schema, pg_server):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    uri = workspace.uri("benggang")

    def digitize(editor: int, barrier: threading.Barrier) -> List[str]:
        layer = QgsVectorLayer(uri, "benggang {0}".format(editor), "postgres")
        assert layer.isValid()
        given = []
        barrier.wait()
        for n in range(PER_EDITOR):
            bgbh = next_benggang_id(layer, TOWNSHIP)
            feature = QgsFeature(layer.fields())
            feature.setAttribute("bgbh", bgbh)
            feature.setAttribute("xzqdm", TOWNSHIP)
            feature.setGeometry(_square(editor * PER_EDITOR + n))
            ok, _ = layer.dataProvider().addFeatures([feature])
            assert ok, layer.dataProvider().errors()
            given.append(bgbh)
        return given

    results = _run_editors(2, digitize)
    given = results[0] + results[1]
    assert len(given) == len(set(given)) == 2 * PER_EDITOR
    numbers = sorted(parse_benggang_id(bgbh)[1] for bgbh in given)
    assert numbers == list(range(1, 2 * PER_EDITOR + 1))
    # interleaved, not one editor after the other: both got low numbers
    assert min(parse_benggang_id(b)[1] for b in results[1]) < PER_EDITOR
    assert min(parse_benggang_id(b)[1] for b in results[0]) < PER_EDITOR
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            'SELECT count(DISTINCT bgbh), count(*) FROM "{0}".benggang'.format(pg_schema)
        )
        assert cursor.fetchone() == (2 * PER_EDITOR, 2 * PER_EDITOR)


def test_deleted_ids_are_never_handed_out_again(pg_target, pg_schema, pg_server):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    layer = workspace.layer("benggang")
    ids = []
    for n in range(3):
        feature = QgsFeature(layer.fields())
        feature.setAttribute("bgbh", next_benggang_id(layer, TOWNSHIP))
        feature.setGeometry(_square(n))
        assert layer.dataProvider().addFeatures([feature])[0]
        ids.append(feature["bgbh"])
    assert ids == ["360732101-0001", "360732101-0002", "360732101-0003"]
    last = [f.id() for f in layer.getFeatures() if f["bgbh"] == ids[-1]]
    assert layer.dataProvider().deleteFeatures(last)
    assert next_benggang_id(layer, TOWNSHIP, reserve=False) == "360732101-0004"
    assert next_benggang_id(layer, TOWNSHIP) == "360732101-0004"
    # an ID typed by hand beyond the sequence is skipped, not duplicated
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            'INSERT INTO "{0}".benggang (bgbh) VALUES (%s)'.format(pg_schema), ("360732101-0005",)
        )
    assert next_benggang_id(layer, TOWNSHIP) == "360732101-0006"
    assert next_benggang_id(layer, "360732102") == "360732102-0001"


def test_two_editors_changing_one_gully_lose_nothing(pg_target, pg_schema, pg_server):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    layer = workspace.layer("benggang")
    feature = QgsFeature(layer.fields())
    feature.setAttribute("bgbh", "360732101-0001")
    feature.setGeometry(_square(0))
    assert layer.dataProvider().addFeatures([feature])[0]
    uri = workspace.uri("benggang")
    field_of = {0: ("sd", 12.5), 1: ("kd", 7.25)}

    def edit(editor: int, barrier: threading.Barrier) -> bool:
        mine = QgsVectorLayer(uri, "editor {0}".format(editor), "postgres")
        fid = next(mine.getFeatures()).id()  # both read the same version of the row
        assert mine.startEditing()
        name, value = field_of[editor]
        assert mine.changeAttributeValue(fid, mine.fields().indexOf(name), value)
        barrier.wait()  # both edits pending at the same time
        ok = mine.commitChanges()
        assert ok, mine.commitErrors()
        return ok

    assert all(_run_editors(2, edit).values())
    with pg_server.connect() as connection, connection.cursor() as cursor:
        cursor.execute('SELECT sd, kd FROM "{0}".benggang'.format(pg_schema))
        assert cursor.fetchall() == [(12.5, 7.25)]


def test_unique_constraint_stops_a_duplicate_typed_by_hand(pg_target, pg_schema):
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    layer = workspace.layer("benggang")
    first = QgsFeature(layer.fields())
    first.setAttribute("bgbh", next_benggang_id(layer, TOWNSHIP))
    assert layer.dataProvider().addFeatures([first])[0]
    other = QgsVectorLayer(workspace.uri("benggang"), "other", "postgres")
    assert other.startEditing()
    duplicate = QgsFeature(other.fields())
    duplicate.setAttribute("bgbh", first["bgbh"])
    assert other.addFeature(duplicate)
    assert not other.commitChanges()
    assert any(
        "duplicate key" in error or "unique" in error.lower() for error in other.commitErrors()
    )
    other.rollBack()
    assert workspace.layer("benggang").featureCount() == 1


@pytest.mark.parametrize("editors", [4])
def test_many_editors_across_townships(pg_target, pg_schema, editors):
    """Four editors, two townships each: per-township sequences stay gap-free."""
    workspace = create_postgis_workspace(pg_target, pg_schema, CRS, styles=False)
    uri = workspace.uri("benggang")
    towns = ["360732101", "360732102"]

    def digitize(editor: int, barrier: threading.Barrier) -> List[str]:
        layer = QgsVectorLayer(uri, "b", "postgres")
        barrier.wait()
        return [next_benggang_id(layer, towns[(editor + n) % 2]) for n in range(20)]

    results = _run_editors(editors, digitize)
    given = [bgbh for ids in results.values() for bgbh in ids]
    assert len(set(given)) == len(given) == editors * 20
    for town in towns:
        numbers = sorted(parse_benggang_id(b)[1] for b in given if b.startswith(town))
        assert numbers == list(range(1, editors * 10 + 1))
