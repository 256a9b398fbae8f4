"""Reports (atlas, CSV/XLSX export): clear messages instead of tracebacks, and
nothing changed when refused (issue 13, "Raw tracebacks")."""

from __future__ import annotations

import os

import pytest
from data import digest, townships  # noqa: E402

ALG = "xingguoswc:"


def _towns_with_duplicate(tmp_path) -> str:
    return townships(
        str(tmp_path / "dup.gpkg"),
        [
            ("360732100", "潋江镇", 630000.0, 2910000.0, 635000.0, 2915000.0),
            ("360732100", "潋江镇", 635000.0, 2910000.0, 640000.0, 2915000.0),
        ],
    )


def test_atlas_refuses_a_township_stored_twice(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    towns = _towns_with_duplicate(tmp_path)
    out = tmp_path / "atlas"
    before = digest(towns)
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            ALG + "atlas",
            {"TOWNSHIPS": towns + "|layername=township", "OUTPUT_FOLDER": str(out), "DPI": 72},
        )
    message = str(info.value)
    assert "360732100" in message and "2 features" in message and "Traceback" not in message
    assert digest(towns) == before and not out.exists()


def test_atlas_refuses_a_folder_named_like_a_sheet(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    towns = townships(str(tmp_path / "towns.gpkg"))
    out = tmp_path / "atlas"
    out.mkdir()
    (out / "360732101_江背镇.pdf").mkdir()  # a folder with a sheet's name
    edited = out / "360732100_潋江镇.pdf"
    edited.write_bytes(b"hand-edited sheet")  # must survive the refusal
    before = digest(str(out))
    with pytest.raises(QgsProcessingException) as info:
        processing.run(
            ALG + "atlas",
            {"TOWNSHIPS": towns + "|layername=township", "OUTPUT_FOLDER": str(out), "DPI": 72},
        )
    message = str(info.value)
    assert "360732101_江背镇.pdf" in message and "folder" in message
    assert "Traceback" not in message
    assert edited.read_bytes() == b"hand-edited sheet" and digest(str(out)) == before
    assert sorted(p.name for p in out.iterdir()) == ["360732100_潋江镇.pdf", "360732101_江背镇.pdf"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_into_an_unwritable_folder_is_refused(qgis_app, tmp_path, suffix):
    from xingguo_swc_plugin.core.errors import InputError
    from xingguo_swc_plugin.core.export import export_rows

    folder = tmp_path / "readonly"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):  # root ignores permission bits
        folder.chmod(0o755)
        if os.system("chattr +i " + str(folder) + " 2>/dev/null") != 0:
            pytest.skip("cannot make a folder read-only here (root without chattr)")
        immutable = True
    try:
        with pytest.raises(InputError) as info:
            export_rows(
                str(folder / ("table" + suffix)), ["xzqdm", "area_m2"], [["360732100", 1.5]]
            )
        assert "table" + suffix in str(info.value)
        assert list(folder.iterdir()) == []
    finally:
        if immutable:
            os.system("chattr -i " + str(folder) + " 2>/dev/null")
        folder.chmod(0o755)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_writes_every_row(qgis_app, tmp_path, suffix):
    from osgeo import ogr

    from xingguo_swc_plugin.core.export import export_rows

    path = tmp_path / ("table" + suffix)
    rows = [["3607321%02d" % k, float(k)] for k in range(30)]
    export_rows(str(path), ["xzqdm", "area_m2"], rows)
    dataset = ogr.Open(str(path))
    read = [(f.GetField(0), float(f.GetField(1))) for f in dataset.GetLayer(0)]
    assert read == [(code, value) for code, value in rows]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-")]
