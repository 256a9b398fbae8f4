"""Township map atlas: one print-ready PDF sheet per township, and a merged one.

The sheet is a QGIS layout template (``resources/atlas_township.qpt``) that a
supervisor can edit in the layout designer.  Items are found by id: the map
(``map``, else the first map item) is driven by the atlas over the townships;
the statistics table (frame ``stats``, else the first manual table) gets one row
per figure whose value is an expression over the layout variable ``@swc_stats``,
a JSON map ``{xzqdm: [value, ...]}``.  The figures are therefore frozen in the
layout, so the same layout added to a project reprints identically from the
designer, without this plugin's code.

Thread safety: the export renders snapshots of the layers (``atlas_layers``)
in its own project and layout, in whatever thread runs it.  The figures come
from the statistics and measures cores (``atlas_figures``).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFeedback,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutUtils,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsTableCell,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..domain.thresholds import CRS_PROJECTED
from ..translation import tr
from .atlas_figures import (  # noqa: F401 (part of this module's interface)
    CODE_FIELD,
    NAME_FIELD,
    SheetStatistics,
    format_rate,
    stats_layers,
    township_statistics,
)
from .atlas_figures import (
    check_canceled as _check,
)
from .atlas_layers import (  # noqa: F401 (part of this module's interface)
    LayerInput,
    LayerSnapshot,
    default_layers,
    gpkg_path,
    origin,
    snapshot,
    table_name,
    zone_coverage,
)
from .errors import InputError, SwcError
from .export import move_over
from .pdf_text import fix_pdf_cjk_text
from .workspace.schema import LAYERS_BY_NAME

#: Names re-exported from atlas_figures / atlas_layers: callers import only ``atlas``.
__all__ = [
    "LayerSnapshot",
    "default_layers",
    "format_rate",
    "origin",
    "export_atlas",
    "add_layout_to_project",
    "check_coverage",
    "check_output_folder",
]

#: The bundled template.
TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "resources" / "atlas_township.qpt"
#: Item ids the template uses.
ITEM_MAP = "map"
ITEM_STATS = "stats"
#: Layout variables the template's expressions read.
VAR_TITLE = "swc_title"
VAR_STATS = "swc_stats"
VAR_CRS = "swc_crs"
VAR_DATE = "swc_data_date"
VAR_NOTE = "swc_note"
#: Font of the template; substituted by a CJK font of the system where missing.
FONT_FAMILY = "Noto Sans CJK SC"
FALLBACK_FONTS = (
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "Noto Sans SC",
)
DEFAULT_DPI = 200
#: Workspace tables on the map, top to bottom (others go below, in given order).
MAP_ORDER = ("finding", "benggang_part", "benggang", "parcel", "dev_project", "erosion", "township")
#: Compositing note for synthetic sample data (SPEC: demo data must say so).
SYNTHETIC_NOTE_ZH = "示意数据：乡镇边界及图斑为合成数据，非实测"


def default_title() -> str:
    return tr("Soil and water conservation map")


# --------------------------------------------------------------------------
# Checks (before anything is written)
# --------------------------------------------------------------------------


def check_output_folder(folder: str) -> bool:
    """Refuse a folder that cannot be written; create it if missing.

    Returns whether the folder was created here (so a failure removes it again).
    Writing is tried for real: root ignores permission bits, immutable folders
    and read-only file systems do not show in ``os.access``.
    """
    if not folder:
        raise InputError(tr("No output folder given."))
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise InputError(tr("The output folder {0} is a file, not a folder.").format(folder))
    created = False
    if not os.path.isdir(folder):
        try:
            os.makedirs(folder)
            created = True
        except OSError as error:
            raise InputError(
                tr("The output folder {0} cannot be created: {1}").format(
                    folder, error.strerror or str(error)
                )
            ) from None
    try:
        probe = tempfile.mkdtemp(prefix=".atlas-check-", dir=folder)
        os.rmdir(probe)
    except OSError as error:
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise InputError(
            tr("The output folder {0} cannot be written: {1}").format(
                folder, error.strerror or str(error)
            )
        ) from None
    return created


def read_template(template: Optional[str]) -> QDomDocument:
    path = template or str(TEMPLATE_PATH)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(
            tr("The layout template {0} cannot be read: {1}").format(path, error)
        ) from None
    document = QDomDocument()
    if not document.setContent(text)[0]:
        raise InputError(
            tr("The layout template {0} is not a QGIS layout template (.qpt).").format(path)
        )
    return document


def check_coverage(layer: QgsVectorLayer) -> None:
    if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.PolygonGeometry:
        raise InputError(
            tr("The township layer {0} has no polygons: the atlas needs township polygons.").format(
                layer.name()
            )
        )
    missing = [name for name in (CODE_FIELD, NAME_FIELD) if layer.fields().indexOf(name) < 0]
    if missing:
        raise InputError(
            tr("The township layer {0} lacks the fields {1}.").format(
                layer.name(), ", ".join(missing)
            )
        )
    request = QgsFeatureRequest().setNoAttributes().setLimit(1)
    request.setFilterExpression("NOT is_empty_or_null($geometry)")
    if not any(True for _ in layer.getFeatures(request)):
        raise InputError(
            tr("The township layer {0} has no polygons: the atlas needs township polygons.").format(
                layer.name()
            )
        )
    codes = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    codes.setSubsetOfAttributes([CODE_FIELD], layer.fields())
    seen: dict = {}
    for feature in layer.getFeatures(codes):
        code = str(feature[CODE_FIELD])
        seen[code] = seen.get(code, 0) + 1
    repeated = sorted(code for code, count in seen.items() if count > 1)
    if repeated:  # two sheets with one file name: one would overwrite the other
        raise InputError(
            tr(
                "The township layer {0} stores township {1} as {2} features: "
                "one sheet per township needs one feature per code (dissolve "
                "the layer by {3})."
            ).format(layer.name(), repeated[0], seen[repeated[0]], CODE_FIELD)
        )


# --------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------


def use_cjk_font() -> str:
    """Make the template font resolve to a CJK font of this system; its family."""
    families = set(QFontDatabase().families())
    if FONT_FAMILY in families:
        return FONT_FAMILY
    for family in FALLBACK_FONTS:
        if family in families:
            QFont.insertSubstitution(FONT_FAMILY, family)
            return family
    return FONT_FAMILY


def map_item(layout: QgsPrintLayout) -> Optional[QgsLayoutItemMap]:
    """The atlas map: item ``map``, else the first map item."""
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    for item in maps:
        if item.id() == ITEM_MAP:
            return item
    return maps[0] if maps else None


def stats_table(layout: QgsPrintLayout) -> Optional[QgsLayoutItemManualTable]:
    """The statistics table: frame ``stats``'s table, else the first manual table."""
    tables = [
        frame.multiFrame()
        for frame in layout.items()
        if isinstance(frame, QgsLayoutFrame)
        and isinstance(frame.multiFrame(), QgsLayoutItemManualTable)
    ]
    for frame in layout.items():
        if (
            isinstance(frame, QgsLayoutFrame)
            and frame.id() == ITEM_STATS
            and isinstance(frame.multiFrame(), QgsLayoutItemManualTable)
        ):
            return frame.multiFrame()
    return tables[0] if tables else None


def order_layers(layers: Sequence[QgsMapLayer]) -> List[QgsMapLayer]:
    """Top-to-bottom drawing order: points, lines, then polygons by MAP_ORDER."""

    def key(item: Tuple[int, QgsMapLayer]) -> Tuple[int, int, int]:
        position, layer = item
        geometry = layer.geometryType() if isinstance(layer, QgsVectorLayer) else 9
        rank = {QgsWkbTypes.PointGeometry: 0, QgsWkbTypes.LineGeometry: 1}.get(geometry, 2)
        table = table_name(layer)
        order = MAP_ORDER.index(table) if table in MAP_ORDER else len(MAP_ORDER) - 1
        return rank, order, position

    return [layer for _, layer in sorted(enumerate(layers), key=key)]


def map_crs(crs: QgsCoordinateReferenceSystem) -> QgsCoordinateReferenceSystem:
    """The sheet's CRS: the townships' own when projected; CGCS2000 / 3-degree GK
    CM 114°E otherwise (a map in degrees distorts and its scale bar misleads)."""
    if crs.isValid() and not crs.isGeographic():
        return crs
    return QgsCoordinateReferenceSystem(CRS_PROJECTED)


def crs_note(crs: QgsCoordinateReferenceSystem) -> str:
    """The sheet's CRS line in the UI language (PROJ's names are English): the
    CGCS2000 Gauss-Krüger and geographic systems by name, others as PROJ says."""
    text = crs.description()
    gk3_cm = tr("CGCS2000 3-degree Gauss-Kruger, central meridian {0}°E")
    gk3_zone = tr("CGCS2000 3-degree Gauss-Kruger, zone {0}")
    gk6_cm = tr("CGCS2000 6-degree Gauss-Kruger, central meridian {0}°E")
    gk6_zone = tr("CGCS2000 6-degree Gauss-Kruger, zone {0}")
    geographic = tr("CGCS2000 geographic coordinates")
    names = (
        ("^CGCS2000 / 3-degree Gauss-Kruger CM ([0-9]+)E$", gk3_cm),
        ("^CGCS2000 / 3-degree Gauss-Kruger zone ([0-9]+)$", gk3_zone),
        ("^CGCS2000 / Gauss-Kruger CM ([0-9]+)E$", gk6_cm),
        ("^CGCS2000 / Gauss-Kruger zone ([0-9]+)$", gk6_zone),
        ("^China Geodetic Coordinate System 2000$", geographic),
    )
    for pattern, label in names:
        match = re.match(pattern, text)
        if match:
            text = label.format(*match.groups())
            break
    return "{0} ({1})".format(text, crs.authid()) if crs.authid() else text


def build_layout(
    project: QgsProject,
    template: QDomDocument,
    coverage: QgsVectorLayer,
    layers: Sequence[QgsMapLayer],
    title: Optional[str] = None,
    filter_expression: Optional[str] = None,
    data_date: str = "",
    note: str = "",
) -> QgsPrintLayout:
    """The atlas layout from ``template`` over ``coverage`` showing ``layers``.

    Used for the export (own project, worker thread) and for the layout added to
    the user's project (main thread, project layers).  Raises InputError for a
    template without a map item, a bad filter, or no township left to print.
    """
    check_coverage(coverage)
    use_cjk_font()
    layout = QgsPrintLayout(project)
    items, ok = layout.loadFromTemplate(template, QgsReadWriteContext())
    if not ok:
        raise InputError(tr("The layout template cannot be loaded."))
    the_map = map_item(layout)
    if the_map is None:
        raise InputError(tr("The layout template has no map item: add a map to it."))
    shown = order_layers([layer for layer in layers if layer is not None])
    if coverage not in shown:
        shown.append(coverage)

    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setEnabled(True)
    atlas.setHideCoverage(False)
    atlas.setPageNameExpression('"{0}"'.format(NAME_FIELD))
    atlas.setSortFeatures(True)
    atlas.setSortAscending(True)
    atlas.setSortExpression('"{0}"'.format(CODE_FIELD))
    atlas.setFilenameExpression('"{0}" || \'_\' || "{1}"'.format(CODE_FIELD, NAME_FIELD))
    if filter_expression and filter_expression.strip():
        expression = QgsExpression(filter_expression)
        if expression.hasParserError():
            raise InputError(
                tr("The township filter is not a valid expression: {0}").format(
                    expression.parserErrorString()
                )
            )
        atlas.setFilterFeatures(True)
        atlas.setFilterExpression(filter_expression)
    else:
        atlas.setFilterFeatures(False)

    the_map.setCrs(map_crs(coverage.crs()))
    the_map.setLayers(shown)
    the_map.setKeepLayerSet(True)
    the_map.setAtlasDriven(True)
    clipping = the_map.atlasClippingSettings()
    if clipping.enabled():
        # clip the data to the township, keep the neighbours' outlines for context
        clipping.setRestrictToLayers(True)
        clipping.setLayersToClip([layer for layer in shown if layer is not coverage])

    for item in layout.items():
        if isinstance(item, QgsLayoutItemLegend):
            item.setLinkedMap(item.linkedMap() or the_map)
            item.setAutoUpdateModel(False)
            root = item.model().rootGroup()
            root.removeAllChildren()
            for layer in shown:
                node = root.addLayer(layer)
                spec = LAYERS_BY_NAME.get(table_name(layer))
                if spec is not None:  # 扰动图斑, not the layer's "s — parcel"
                    node.setCustomProperty("legend/title-label", spec.zh)
            item.updateLegend()

    variables = {
        VAR_TITLE: title if title is not None else default_title(),
        VAR_CRS: crs_note(the_map.crs()),
        VAR_DATE: data_date or QDate.currentDate().toString("yyyy-MM-dd"),
        VAR_NOTE: note,
        VAR_STATS: "{}",
    }
    for name, value in variables.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    layout.setName(tr("Township atlas"))
    return layout


def set_statistics(layout: QgsPrintLayout, sheet: SheetStatistics) -> bool:
    """Put the figures in the layout: variable ``@swc_stats`` and the table rows.

    Returns False when the template has no statistics table (figures then only
    live in the variable, for the template's own expressions).
    """
    QgsExpressionContextUtils.setLayoutVariable(layout, VAR_STATS, sheet.to_json())
    table = stats_table(layout)
    if table is None:
        return False
    rows = []
    for position, caption in enumerate(sheet.captions):
        value = QgsProperty.fromExpression(
            "coalesce(array_get(map_get(from_json(@{0}), attribute(@atlas_feature, '{1}')),"
            " {2}), '')".format(VAR_STATS, CODE_FIELD, position)
        )
        rows.append([QgsTableCell(caption), QgsTableCell(value)])
    table.setTableContents(rows)
    _fit_value_column(table, sheet)
    return True


def _fit_value_column(table: QgsLayoutItemManualTable, sheet: SheetStatistics) -> None:
    """An automatic (0) value column gets the width of the widest figure.

    The values are expressions of the atlas feature: QGIS 3.22 sized the column from
    their results, 3.40 before they are known, wrapping "2 (未治理0 治理中1 已治理1)"
    over lines.  A measured width reads the same on both."""
    widths = list(table.columnWidths())
    texts = [text for values in sheet.values.values() for text in values]
    if len(widths) < 2 or widths[-1] > 0 or not texts:
        return
    font = table.contentTextFormat().toQFont()
    widest = max(QgsLayoutUtils.textWidthMM(font, text) for text in texts)
    table.setColumnWidths(widths[:-1] + [widest + 1.0])


def codes_filter(codes_: Sequence[str], expression: Optional[str] = None) -> str:
    """Filter expression for the townships ``codes_`` (and ``expression``, if any)."""
    quoted = ", ".join(QgsExpression.quotedValue(str(code)) for code in codes_)
    selection = '"{0}" IN ({1})'.format(CODE_FIELD, quoted) if codes_ else "FALSE"
    if expression and expression.strip():
        return "({0}) AND ({1})".format(selection, expression)
    return selection


def add_layout_to_project(
    project: QgsProject,
    townships: QgsVectorLayer,
    layers: Sequence[QgsMapLayer],
    sheet: SheetStatistics,
    template: Optional[str] = None,
    title: Optional[str] = None,
    filter_expression: Optional[str] = None,
    *,
    zone_field: str = "",
    zone_name_field: str = "",
) -> QgsPrintLayout:
    """The atlas layout over the project's own layers, added to its layout
    manager under a new name (an earlier one, maybe adjusted, is kept).

    Main thread only: it uses the project's layers.  The figures are frozen in
    the layout (``@swc_stats``), so it reprints from the designer.  With
    ``zone_field`` the sheets are zones (``zone_coverage``, added to the project).
    """
    if zone_field and zone_field != CODE_FIELD:
        townships = zone_coverage(townships, zone_field, zone_name_field)
        townships.setName(tr("{0} (atlas sheets)").format(townships.name()))
        project.addMapLayer(townships)
    layout = build_layout(
        project,
        read_template(template),
        townships,
        layers,
        title,
        filter_expression,
        data_date(layers),
        synthetic_note(townships),
    )
    set_statistics(layout, sheet)
    manager = project.layoutManager()
    base = tr("Township atlas")
    name, number = base, 1
    while manager.layoutByName(name) is not None:
        number += 1
        name = "{0} ({1})".format(base, number)
    layout.setName(name)
    if not manager.addLayout(layout):
        raise SwcError(tr("The layout {0} cannot be added to the project.").format(name))
    return layout


class StepFeedback(QgsFeedback):
    """A feedback for one step: its 0-100 % maps to ``start``-``end`` of ``parent``,
    and canceling the parent cancels it (direct connection: the step may run in
    a worker thread without an event loop)."""

    def __init__(self, parent: QgsFeedback, start: float, end: float):
        super().__init__()
        self.parent_feedback = parent
        self.start, self.end = start, end
        parent.canceled.connect(self.cancel, Qt.ConnectionType.DirectConnection)
        if parent.isCanceled():
            self.cancel()
        self.progressChanged.connect(self._forward, Qt.ConnectionType.DirectConnection)

    def _forward(self, progress: float) -> None:
        self.parent_feedback.setProgress(self.start + (self.end - self.start) * progress / 100)


def data_date(layers: Sequence[QgsMapLayer]) -> str:
    """Latest survey/detection date in the shown layers (yyyy-MM-dd), else ''."""
    latest: Optional[QDate] = None
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer):
            continue
        for name in ("jcrq", "dcrq"):
            index = layer.fields().indexOf(name)
            if index < 0:
                continue
            value = layer.maximumValue(index)
            if isinstance(value, QDate) and value.isValid() and (latest is None or value > latest):
                latest = value
    return latest.toString("yyyy-MM-dd") if latest else ""


def synthetic_note(coverage: QgsVectorLayer) -> str:
    """Sheet note for the synthetic sample workspace (SPEC: it must say so)."""
    path = gpkg_path(coverage)
    if not path:
        return ""
    try:
        with sqlite3.connect("file:" + path + "?mode=ro", uri=True) as connection:
            row = connection.execute(
                "SELECT value FROM xgswc_meta WHERE key = 'synthetic'"
            ).fetchone()
    except sqlite3.Error:
        return ""
    return SYNTHETIC_NOTE_ZH if row else ""


# --------------------------------------------------------------------------
# Export
# --------------------------------------------------------------------------


@dataclass
class AtlasResult:
    folder: str
    files: List[str]
    merged: Optional[str]
    pages: int
    seconds: float
    statistics: SheetStatistics


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def sheet_file_name(code: str, name: str) -> str:
    """``<xzqdm>_<xzqmc>.pdf`` with characters no file system accepts replaced."""
    return _UNSAFE.sub("_", "{0}_{1}".format(code, name)).strip(" .") + ".pdf"


def pdf_settings(dpi: int) -> QgsLayoutExporter.PdfExportSettings:
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.appendGeoreference = True
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    # text stays text: searchable, and pdftotext can check it
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    return settings


def export_atlas(
    townships: LayerInput,
    layers: Sequence[LayerInput],
    output_folder: str,
    template: Optional[str] = None,
    title: Optional[str] = None,
    filter_expression: Optional[str] = None,
    merged: bool = False,
    dpi: int = DEFAULT_DPI,
    merged_name: Optional[str] = None,
    feedback: Optional[QgsFeedback] = None,
    *,
    zone_field: str = "",
    zone_name_field: str = "",
    year_from: Optional[int] = None,
    year_to: Optional[int] = None,
) -> AtlasResult:
    """Export one PDF per township (``<xzqdm>_<xzqmc>.pdf``) and, if ``merged``,
    one PDF with every sheet.

    With ``zone_field`` the sheets are the zones of ``townships`` by that code
    field (and ``zone_name_field``), e.g. the small watersheds by ``lydm``/``lymc``;
    the plan figures are those of ``year_from``..``year_to`` (default: the plan
    window).

    Runs in any thread: pass ``LayerSnapshot``s made on the layers' thread (or
    layers when called on that thread).  Checks the template, folder and
    townships before writing; writes into a hidden folder inside the output
    folder and moves the sheets out only when all succeeded, so a failure or a
    cancel leaves nothing behind (and a folder it created is removed again).
    """
    started = time.perf_counter()
    feedback = feedback or QgsFeedback()
    coverage_snapshot = snapshot(townships)
    layer_snapshots = [snapshot(layer) for layer in layers]
    document = read_template(template)
    created = check_output_folder(output_folder)
    project = QgsProject()
    layout = None
    work = None
    try:
        coverage = coverage_snapshot.create()
        shown = [
            item.create() for item in layer_snapshots if item.source != coverage_snapshot.source
        ]
        tables = stats_layers(shown, coverage)
        if zone_field and zone_field != CODE_FIELD:
            zones = coverage
            coverage = zone_coverage(zones, zone_field, zone_name_field)
            tables.setdefault(table_name(zones), zones)
        project.addMapLayers([coverage] + shown, False)
        layout = build_layout(
            project,
            document,
            coverage,
            shown,
            title,
            filter_expression,
            data_date(shown),
            synthetic_note(coverage),
        )
        count = atlas_count(layout)
        sheet = township_statistics(
            coverage, tables, StepFeedback(feedback, 0, 20), year_from=year_from, year_to=year_to
        )
        set_statistics(layout, sheet)
        _check(feedback)
        work = tempfile.mkdtemp(prefix=".atlas-", dir=output_folder)
        files = _export_sheets(layout, work, dpi, StepFeedback(feedback, 20, 95))
        merged_file = None
        if merged:
            merged_file = _merge(
                layout,
                files,
                work,
                merged_name or tr("atlas") + ".pdf",
                dpi,
                StepFeedback(feedback, 95, 100),
            )
        _check(feedback)
        final = []
        outputs = files + ([merged_file] if merged_file else [])
        for path in outputs:  # all checked before the first is moved: all or nothing
            target = os.path.join(output_folder, os.path.basename(path))
            if os.path.isdir(target):
                raise InputError(
                    tr(
                        "{0} is a folder with the name of a sheet: rename or "
                        "remove it; nothing was written."
                    ).format(target)
                )
        for path in outputs:
            target = os.path.join(output_folder, os.path.basename(path))
            move_over(path, target)
            final.append(target)
        shutil.rmtree(work, ignore_errors=True)
        work = None
        feedback.setProgress(100)
        return AtlasResult(
            output_folder,
            final[:count],
            final[-1] if merged_file else None,
            count,
            time.perf_counter() - started,
            sheet,
        )
    except BaseException:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        if created:
            shutil.rmtree(output_folder, ignore_errors=True)
        raise
    finally:
        if layout is not None:
            del layout
        project.removeAllMapLayers()


def atlas_count(layout: QgsPrintLayout) -> int:
    """Townships the atlas will print; InputError when the filter leaves none."""
    atlas = layout.atlas()
    started = atlas.beginRender()
    count = atlas.count() if started else 0
    if started:
        atlas.endRender()
    if count == 0:
        if atlas.filterFeatures():
            raise InputError(tr("No township matches the filter."))
        raise InputError(tr("The township layer has no township to print."))
    return count


def _export_sheets(
    layout: QgsPrintLayout, folder: str, dpi: int, feedback: QgsFeedback
) -> List[str]:
    atlas = layout.atlas()
    exporter = QgsLayoutExporter(layout)
    settings = pdf_settings(dpi)
    files: List[str] = []
    atlas.beginRender()
    try:
        count = atlas.count()
        for position in range(count):
            _check(feedback)
            if not atlas.seekTo(position):
                raise SwcError(tr("The atlas cannot show township {0}.").format(position + 1))
            feature = layout.reportContext().feature()
            path = os.path.join(
                folder, sheet_file_name(str(feature[CODE_FIELD]), str(feature[NAME_FIELD]))
            )
            result = exporter.exportToPdf(path, settings)
            if result != QgsLayoutExporter.Success:
                raise SwcError(tr("Writing {0} failed (error {1}).").format(path, result))
            fix_pdf_cjk_text(path)  # 龙 not the radical ⻰ when copied or searched
            files.append(path)
            feedback.setProgress(100.0 * (position + 1) / count)
    finally:
        atlas.endRender()
    return files


def _merge(
    layout: QgsPrintLayout,
    files: List[str],
    folder: str,
    name: str,
    dpi: int,
    feedback: QgsFeedback,
    use_tool: bool = True,
) -> str:
    """The merged PDF: the sheets joined by pdfunite where installed, else the
    atlas rendered again into one file."""
    path = os.path.join(folder, _UNSAFE.sub("_", name))
    tool = shutil.which("pdfunite") if use_tool else None
    if tool:
        completed = subprocess.run(
            [tool] + files + [path], capture_output=True, timeout=600, check=False
        )
        if completed.returncode == 0 and os.path.isfile(path):
            fix_pdf_cjk_text(path)
            return path
    result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), path, pdf_settings(dpi), feedback)
    _check(feedback)
    if result != QgsLayoutExporter.Success:
        raise SwcError(tr("Writing {0} failed: {1}").format(path, error))
    fix_pdf_cjk_text(path)
    return path
