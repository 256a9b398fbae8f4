"""Township atlas: real PDFs from the real layout engine, read back with poppler.

The sheets are checked with ``pdfinfo`` (pages), ``pdftotext`` (names and the
水保率 the statistics core computed) and ``pdftoppm`` (a page that is not blank).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from atlas_fixtures import TOWNSHIPS, make_small_workspace
from qgis.core import (
    QgsFeature,
    QgsFeedback,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsReadWriteContext,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QImage

from xingguo_swc_plugin.core import atlas, stats
from xingguo_swc_plugin.core.errors import InputError, SwcError
from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def pdf_text(path) -> str:
    """The text as a reader copies or searches it: no normalization, so a radical
    (⻰ for 龙) fails the test."""
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout.decode(
        "utf-8"
    )
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def page_png(pdf, out_base: Path, dpi: int = 50) -> Path:
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(out_base),
        ],
        check=True,
    )
    return out_base.with_suffix(".png")


def pixel_counts(png: Path):
    """(non-white pixels, coloured pixels, all pixels) of an image."""
    image = QImage(str(png))
    assert not image.isNull()
    non_white = coloured = 0
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            colour = QColor(image.pixel(x, y))
            r, g, b = colour.red(), colour.green(), colour.blue()
            if min(r, g, b) < 245:
                non_white += 1
            if max(r, g, b) - min(r, g, b) > 40:
                coloured += 1
    return non_white, coloured, image.width() * image.height()


def folder_entries(folder) -> list:
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


@pytest.fixture(scope="module")
def small_workspace(qgis_app, tmp_path_factory) -> str:
    return make_small_workspace(str(tmp_path_factory.mktemp("atlas") / "small.gpkg"))


def _layers(path: str):
    workspace = open_workspace(path)
    townships = workspace.layer("township")
    return townships, atlas.default_layers(townships)


# --------------------------------------------------------------------------
# A small workspace with figures known by construction
# --------------------------------------------------------------------------


def test_small_atlas_sheets_carry_names_and_figures(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    out = tmp_path / "atlas"
    result = atlas.export_atlas(townships, layers, str(out), merged=True, dpi=72)

    expected = sorted(atlas.sheet_file_name(code, name) for code, name in TOWNSHIPS)
    assert sorted(os.path.basename(f) for f in result.files) == expected
    assert folder_entries(out) == sorted(expected + ["atlas.pdf"])  # no temp folder left
    assert result.pages == 3 and pdf_pages(result.merged) == 3

    # 水保率 from the statistics core, and by construction: township i has
    # (i+1) km² 轻度 + 0.25 km² 剧烈 eroded (微度 does not count) of 100 km²
    rates = {
        row.xzqdm: row.rate_percent
        for row in stats.conservation_rate(
            townships, "xzqdm", open_workspace(small_workspace).layer("erosion")
        )
    }
    for index, (code, name) in enumerate(TOWNSHIPS):
        assert rates[code] == pytest.approx(100 - (index + 1.25))
        assert result.statistics.rates[code] == pytest.approx(rates[code])
        text = pdf_text(out / atlas.sheet_file_name(code, name))
        assert name in text
        assert atlas.format_rate(rates[code]) in text
        # gullies: 大型 = one under treatment, one treated; treated area 0.16+0.49 hm²
        assert "2 (未治理0 治理中1 已治理1)" in text
        assert "0.65" in text
    # the plan figures of the window (plan_progress): 0.65 hm², 2 gullies completed in 2023
    for code, _ in TOWNSHIPS:
        row = result.statistics.progress.row(code)
        assert row.treated_area_hm2 == pytest.approx(0.65)
        assert row.treated_gullies == 2
    assert (result.statistics.progress.year_from, result.statistics.progress.year_to) == (
        2022,
        2025,
    )
    merged_text = pdf_text(result.merged)
    assert all(name in merged_text for _, name in TOWNSHIPS)


def test_filter_and_title(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    out = tmp_path / "one"
    result = atlas.export_atlas(
        townships,
        layers,
        str(out),
        title="水保年报",
        filter_expression="\"xzqdm\" = '360732101'",
        dpi=72,
    )
    assert folder_entries(out) == ["360732101_江背镇.pdf"]
    assert result.merged is None
    assert "江背镇水保年报" in pdf_text(out / "360732101_江背镇.pdf")


def test_merge_without_pdfunite_renders_again(small_workspace, tmp_path, monkeypatch):
    townships, layers = _layers(small_workspace)
    monkeypatch.setattr(atlas.shutil, "which", lambda name: None)
    result = atlas.export_atlas(
        townships, layers, str(tmp_path / "m"), merged=True, merged_name="all.pdf", dpi=72
    )
    assert os.path.basename(result.merged) == "all.pdf"
    assert pdf_pages(result.merged) == 3
    assert "长冈乡" in pdf_text(result.merged)


def test_export_in_a_task_thread(small_workspace, tmp_path, qtbot):
    """The export runs in a QgsTask on snapshots; the caller's layers stay untouched."""
    from qgis.core import QgsApplication

    from xingguo_swc_plugin.tasks import CoreTask

    townships, layers = _layers(small_workspace)
    snapshots = [atlas.LayerSnapshot.of(layer) for layer in layers]
    outcome = {}
    task = CoreTask(
        "atlas",
        atlas.export_atlas,
        atlas.LayerSnapshot.of(townships),
        snapshots,
        str(tmp_path / "task"),
        dpi=72,
        on_done=lambda result: outcome.setdefault("result", result),
        on_error=lambda error: outcome.setdefault("error", error),
    )
    QgsApplication.taskManager().addTask(task)
    qtbot.waitUntil(lambda: bool(outcome), timeout=120_000)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].pages == 3
    assert len(folder_entries(tmp_path / "task")) == 3


def test_cancel_leaves_nothing(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    out = tmp_path / "canceled"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    feedback = QgsFeedback()
    # cancel as soon as the first sheet is written (progress passes 20 %)
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 25 else None)
    with pytest.raises(SwcError):
        atlas.export_atlas(townships, layers, str(out), merged=True, dpi=72, feedback=feedback)
    assert folder_entries(out) == ["keep.txt"]


def test_layout_in_project_reprints_without_the_plugin(small_workspace, tmp_path):
    """The layout added to a project keeps its figures: saved, reloaded and
    printed with plain QGIS it shows the same 水保率."""
    townships, layers = _layers(small_workspace)
    project = QgsProject()
    project.addMapLayers([townships] + layers)
    layout = atlas.build_layout(project, atlas.read_template(None), townships, layers)
    sheet = atlas.township_statistics(townships, atlas.stats_layers(layers, townships))
    assert atlas.set_statistics(layout, sheet)
    layout.setName("乡镇图集")
    project.layoutManager().addLayout(layout)
    path = str(tmp_path / "project.qgs")
    assert project.write(path)

    reloaded = QgsProject()
    assert reloaded.read(path)
    printed = reloaded.layoutManager().layoutByName("乡镇图集")
    assert printed is not None and printed.atlas().enabled()
    pdf = str(tmp_path / "reprint.pdf")
    result, error = QgsLayoutExporter.exportToPdf(printed.atlas(), pdf, atlas.pdf_settings(72))
    assert result == QgsLayoutExporter.Success, error
    assert pdf_pages(pdf) == 3
    text = pdf_text(pdf)
    for code, rate in sheet.rates.items():
        if code in dict(TOWNSHIPS):
            assert atlas.format_rate(rate) in text


# --------------------------------------------------------------------------
# Bad input: clear error, nothing written
# --------------------------------------------------------------------------


def test_output_folder_that_is_a_file(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    target = tmp_path / "file.pdf"
    target.write_bytes(b"x")
    with pytest.raises(InputError, match="is a file"):
        atlas.export_atlas(townships, layers, str(target))
    assert target.read_bytes() == b"x"
    with pytest.raises(InputError, match="cannot be created"):
        atlas.export_atlas(townships, layers, str(target / "sub"))


def test_output_folder_not_writable(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    if os.access(readonly, os.W_OK):  # root ignores permission bits
        readonly.chmod(0o755)
        if os.system("chattr +i " + str(readonly) + " 2>/dev/null") != 0:
            pytest.skip("cannot make a folder read-only here (root without chattr)")
    try:
        with pytest.raises(InputError, match="cannot be written"):
            atlas.export_atlas(townships, layers, str(readonly))
        with pytest.raises(InputError, match="cannot be created"):
            atlas.export_atlas(townships, layers, str(readonly / "new"))
        assert folder_entries(readonly) == []
    finally:
        os.system("chattr -i " + str(readonly) + " 2>/dev/null")
        readonly.chmod(0o755)


def test_template_without_map_item(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    project = QgsProject()  # kept alive: the layout points to it
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText("no map here")
    layout.addLayoutItem(label)
    template = str(tmp_path / "nomap.qpt")
    assert layout.saveAsTemplate(template, QgsReadWriteContext())
    out = tmp_path / "nomap_out"
    with pytest.raises(InputError, match="no map item"):
        atlas.export_atlas(townships, layers, str(out), template=template)
    assert not out.exists()  # the folder it created is gone again

    broken = tmp_path / "broken.qpt"
    broken.write_text("<not a layout", encoding="utf-8")
    with pytest.raises(InputError, match="not a QGIS layout template"):
        atlas.export_atlas(townships, layers, str(out), template=str(broken))
    assert not out.exists()


def test_coverage_without_polygons(small_workspace, tmp_path):
    _, layers = _layers(small_workspace)
    points = QgsVectorLayer(
        "Point?crs=EPSG:4547&field=xzqdm:string&field=xzqmc:string", "points", "memory"
    )
    feature = QgsFeature(points.fields())
    feature.setAttributes(["360732100", "潋江镇"])
    feature.setGeometry(QgsGeometry.fromWkt("Point (645000 2915000)"))
    points.dataProvider().addFeatures([feature])
    empty = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:4547&field=xzqdm:string&field=xzqmc:string", "empty", "memory"
    )
    out = tmp_path / "cov"
    for coverage in (points, empty):
        with pytest.raises(InputError, match="no polygons"):
            atlas.export_atlas(coverage, layers, str(out))
        assert not out.exists()
    out.mkdir()
    with pytest.raises(InputError, match="no polygons"):
        atlas.export_atlas(empty, layers, str(out))
    assert folder_entries(out) == []  # an existing folder stays, and stays empty


def test_bad_filter(small_workspace, tmp_path):
    townships, layers = _layers(small_workspace)
    out = tmp_path / "filter"
    with pytest.raises(InputError, match="not a valid expression"):
        atlas.export_atlas(townships, layers, str(out), filter_expression='"xzqdm" = ')
    with pytest.raises(InputError, match="No township matches"):
        atlas.export_atlas(townships, layers, str(out), filter_expression="1 = 2")
    assert not out.exists()


# --------------------------------------------------------------------------
# The sample workspace: 25 townships through Processing
# --------------------------------------------------------------------------


def test_sample_workspace_atlas_processing(sample_workspace, tmp_path):
    import processing

    out = tmp_path / "atlas25"
    result = processing.run(
        "xingguoswc:atlas",
        {
            "TOWNSHIPS": sample_workspace + "|layername=township",
            "OUTPUT_FOLDER": str(out),
            "MERGED": True,
            "DPI": 100,
        },
    )
    assert result["PAGES"] == 25
    sheets = [
        name for name in folder_entries(out) if name != os.path.basename(result["MERGED_FILE"])
    ]
    assert len(sheets) == 25 and all(name.endswith(".pdf") for name in sheets)
    assert pdf_pages(result["MERGED_FILE"]) == 25
    merged_text = pdf_text(result["MERGED_FILE"])

    workspace = open_workspace(sample_workspace)
    townships = workspace.layer("township")
    rates = {
        row.xzqdm: row
        for row in stats.conservation_rate(townships, "xzqdm", workspace.layer("erosion"))
    }
    names = {f["xzqdm"]: f["xzqmc"] for f in townships.getFeatures()}
    assert len(names) == 25
    for code, name in names.items():
        path = out / atlas.sheet_file_name(code, name)
        assert path.is_file(), path
        text = pdf_text(path)
        assert name in text, name
        assert name in merged_text, name
        assert atlas.format_rate(rates[code].rate_percent) in text, (name, text)

    png = page_png(out / sorted(sheets)[0], tmp_path / "page")
    non_white, coloured, total = pixel_counts(png)
    assert non_white > 0.03 * total  # frame, map, table, legend
    assert coloured > 0.002 * total  # styled map features, not only black lines


def test_processing_refuses_bad_output(sample_workspace, tmp_path):
    import processing

    target = tmp_path / "a_file"
    target.write_text("x")
    with pytest.raises(QgsProcessingException, match="is a file"):
        processing.run(
            "xingguoswc:atlas",
            {
                "TOWNSHIPS": sample_workspace + "|layername=township",
                "OUTPUT_FOLDER": str(target),
                "MERGED": False,
                "DPI": 72,
            },
        )
    assert target.read_text() == "x"


def test_unsaved_edits_are_printed_and_figures_still_found(small_workspace, tmp_path):
    """A township layer in edit mode is printed as edited (an in-memory copy);
    the figures still come from its workspace."""
    townships, layers = _layers(small_workspace)
    assert townships.startEditing()
    feature = next(townships.getFeatures("\"xzqdm\" = '360732101'"))
    townships.changeAttributeValue(feature.id(), townships.fields().indexOf("xzqmc"), "江背新镇")
    try:
        result = atlas.export_atlas(
            townships,
            layers,
            str(tmp_path / "edit"),
            dpi=72,
            filter_expression="\"xzqdm\" = '360732101'",
        )
    finally:
        townships.rollBack()
    assert [os.path.basename(f) for f in result.files] == ["360732101_江背新镇.pdf"]
    text = pdf_text(result.files[0])
    assert "江背新镇" in text
    assert atlas.format_rate(97.75) in text  # erosion found through the workspace
    assert "0.65" in text  # treated area: measures found through the workspace


def test_geographic_townships_get_a_projected_map(small_workspace):
    import processing

    townships, layers = _layers(small_workspace)
    geographic = processing.run(
        "native:reprojectlayer",
        {"INPUT": townships, "TARGET_CRS": "EPSG:4490", "OUTPUT": "memory:"},
    )["OUTPUT"]
    project = QgsProject()
    layout = atlas.build_layout(project, atlas.read_template(None), geographic, layers)
    assert atlas.map_item(layout).crs().authid() == "EPSG:4547"
    assert (
        "EPSG:4547"
        in layout.customProperty("variableValues")[
            layout.customProperty("variableNames").index(atlas.VAR_CRS)
        ]
    )


def test_text_is_set_in_the_embedded_cjk_font(small_workspace, tmp_path):
    """Every text of a sheet uses the embedded Noto CJK font: no missing glyphs."""
    townships, layers = _layers(small_workspace)
    result = atlas.export_atlas(
        townships,
        layers,
        str(tmp_path / "fonts"),
        dpi=72,
        filter_expression="\"xzqdm\" = '360732203'",
    )
    fonts = (
        subprocess.run(["pdffonts", result.files[0]], capture_output=True, check=True)
        .stdout.decode("utf-8")
        .splitlines()[2:]
    )
    assert fonts, "no fonts embedded"
    assert all("NotoSansCJK" in line and " yes " in line for line in fonts), fonts


def test_processing_in_a_background_task_with_project_layers(small_workspace, tmp_path, qtbot):
    """As the toolbox runs it: layers of the project by id, the algorithm in a
    QgsProcessingAlgRunnerTask (prepared on the main thread, run in a worker)."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
    )

    townships, layers = _layers(small_workspace)
    project = QgsProject.instance()
    project.addMapLayers([townships] + layers)
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("xingguoswc:atlas")
        context = QgsProcessingContext()
        context.setProject(project)
        feedback = QgsProcessingFeedback()
        outcome = {}
        task = QgsProcessingAlgRunnerTask(
            algorithm,
            {
                "TOWNSHIPS": townships.id(),
                "LAYERS": [layer.id() for layer in layers],
                "OUTPUT_FOLDER": str(tmp_path / "bg"),
                "MERGED": True,
                "DPI": 72,
                "FILTER": "\"xzqdm\" <> '360732100'",
            },
            context,
            feedback,
        )
        task.executed.connect(lambda ok, results: outcome.update(ok=ok, results=results))
        QgsApplication.taskManager().addTask(task)
        qtbot.waitUntil(lambda: "ok" in outcome, timeout=120_000)
    finally:
        project.removeAllMapLayers()
    assert outcome["ok"], outcome
    assert outcome["results"]["PAGES"] == 2
    assert folder_entries(tmp_path / "bg") == [
        "360732101_江背镇.pdf",
        "360732203_长冈乡.pdf",
        "atlas.pdf",
    ]
    assert feedback.progress() == pytest.approx(100)


def test_pdf_text_extracts_unified_ideographs_not_radicals(qgis_app, tmp_path):
    """Noto CJK shares glyphs between 龙 and the radical ⻰ (口 ⼝, 高 ⾼, 木 ⽊,
    方 ⽅, 鼎 ⿍, 长 ⻓): Qt's PDF maps them to the radicals; the fix maps back."""
    from qgis.PyQt.QtGui import QFont, QPainter, QPdfWriter

    from xingguo_swc_plugin.core.pdf_text import fix_pdf_cjk_text
    from xingguo_swc_plugin.domain.townships import TOWNSHIPS

    names = [township.xzqmc for township in TOWNSHIPS]
    assert len(names) == 25
    path = tmp_path / "names.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    painter.setFont(QFont("Noto Sans CJK SC", 12))
    for row, name in enumerate(names):
        painter.drawText(100, 300 + 300 * row, name)
    painter.end()
    before = pdf_text(path)
    assert "⻰" in before or "龙" in before  # the bug shows with Debian's font
    fix_pdf_cjk_text(str(path))
    after = pdf_text(path)
    assert [name for name in names if name not in after] == []
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in after), after
    assert pdf_pages(path) == 1


def _watershed_workspace(small_workspace, tmp_path):
    """A copy of the small workspace with two small watersheds (towns 1-2, town 3)."""
    import sqlite3

    from qgis.core import QgsFeature, QgsGeometry

    path = str(tmp_path / "zones.gpkg")
    with sqlite3.connect(small_workspace) as source, sqlite3.connect(path) as target:
        source.backup(target)
    workspace = open_workspace(path)
    towns = sorted(workspace.layer("township").getFeatures(), key=lambda f: f["xzqdm"])
    watershed = workspace.layer("watershed")
    features = []
    for code, name, members in (
        ("LY01", "平川河小流域", towns[:2]),
        ("LY02", "长冈小流域", towns[2:]),
    ):
        feature = QgsFeature(watershed.fields())
        feature.setAttribute("uuid", code)
        feature.setAttribute("lydm", code)
        feature.setAttribute("lymc", name)
        feature.setAttribute("xzqdm", ",".join(str(f["xzqdm"]) for f in members))
        feature.setGeometry(QgsGeometry.unaryUnion([f.geometry() for f in members]))
        features.append(feature)
    assert watershed.dataProvider().addFeatures(features)[0]
    return workspace


def test_sheets_per_small_watershed(small_workspace, tmp_path):
    """A zoning other than townships (小流域): one sheet per watershed with the plan
    figures of plan_progress's ZONES."""
    from xingguo_swc_plugin.core.plan import plan_progress

    workspace = _watershed_workspace(small_workspace, tmp_path)
    zones = workspace.layer("watershed")
    out = tmp_path / "atlas"
    result = atlas.export_atlas(
        zones,
        atlas.default_layers(workspace.layer("township")),
        str(out),
        dpi=72,
        zone_field="lydm",
        zone_name_field="lymc",
    )
    assert folder_entries(out) == ["LY01_平川河小流域.pdf", "LY02_长冈小流域.pdf"]
    expected = plan_progress(
        workspace.layer("measure"), workspace.layer("township"), zones=zones, zone_field="lydm"
    )
    assert [
        (r.xzqdm, round(r.treated_area_hm2, 6), r.treated_gullies)
        for r in result.statistics.progress.rows
    ] == [(r.xzqdm, round(r.treated_area_hm2, 6), r.treated_gullies) for r in expected.rows]
    assert expected.row("LY01").treated_area_hm2 == pytest.approx(1.3)  # 2 × 0.65
    assert expected.row("LY01").treated_gullies == 4
    text = pdf_text(out / "LY01_平川河小流域.pdf")
    assert "平川河小流域" in text and "1.30" in text
    with pytest.raises(InputError, match="no field"):
        atlas.export_atlas(zones, [], str(tmp_path / "bad"), zone_field="nope")


def test_atlas_algorithm_per_small_watershed(small_workspace, tmp_path):
    import processing

    workspace = _watershed_workspace(small_workspace, tmp_path)
    result = processing.run(
        "xingguoswc:atlas",
        {
            "TOWNSHIPS": workspace.layer("watershed"),
            "ZONE_FIELD": "lydm",
            "ZONE_NAME_FIELD": "lymc",
            "MERGED": False,
            "DPI": 72,
            "YEAR_FROM": 2024,
            "YEAR_TO": 2025,
            "OUTPUT_FOLDER": str(tmp_path / "out"),
        },
    )
    assert result["PAGES"] == 2
    assert folder_entries(tmp_path / "out") == ["LY01_平川河小流域.pdf", "LY02_长冈小流域.pdf"]
    text = pdf_text(tmp_path / "out" / "LY02_长冈小流域.pdf")
    # the window asked for: LY02's two gullies were completed in 2023, before it
    gully_line = [line for line in text.splitlines() if "Treated gullies" in line][0]
    assert gully_line.split()[-1] == "0", gully_line
