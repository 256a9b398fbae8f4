"""Regenerate ``resources/atlas_township.qpt``, the bundled township atlas template.

The template is a normal QGIS layout template: edit it in the layout designer and
save it over the file, or change this script and run it again
(``/usr/bin/python3 tests/tools/make_atlas_template.py``).  Items are found by
their ids (``core.atlas.ITEM_*``); every text that changes per township is an
expression over layout variables that ``core.atlas`` sets (``@swc_title``,
``@swc_crs``, ``@swc_data_date``, ``@swc_stats``) and the atlas feature.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsMapClippingRegion,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsScaleBarSettings,
    QgsTableCell,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

FONT = "Noto Sans CJK SC"
PAGE_W, PAGE_H = 420.0, 297.0  # A3 landscape, mm
MARGIN = 10.0
PANEL_X = 302.0
PANEL_W = PAGE_W - MARGIN - PANEL_X


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _text_format(size: float, bold: bool = False) -> QgsTextFormat:
    text_format = QgsTextFormat()
    text_format.setFont(_font(size, bold))
    text_format.setSize(size)
    text_format.setSizeUnit(QgsUnitTypes.RenderPoints)
    return text_format


def _label(layout, item_id, text, rect, size, bold=False, align=Qt.AlignmentFlag.AlignLeft):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(_font(size, bold))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    layout.addLayoutItem(label)
    label.attemptSetSceneRect(QRectF(*rect))
    return label


def build(layout: QgsPrintLayout) -> None:
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, QgsUnitTypes.LayoutMillimeters))
    layout.setName("兴国县乡镇水土保持图集")

    frame = QgsLayoutItemShape(layout)
    frame.setId("border")
    frame.setShapeType(QgsLayoutItemShape.Rectangle)
    frame.setSymbol(
        QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "40,40,40", "outline_width": "0.5"}
        )
    )
    layout.addLayoutItem(frame)
    frame.attemptSetSceneRect(
        QRectF(MARGIN - 4, MARGIN - 4, PAGE_W - 2 * MARGIN + 8, PAGE_H - 2 * MARGIN + 8)
    )

    _label(
        layout,
        "title",
        "[% attribute(@atlas_feature, 'xzqmc') %][% @swc_title %]",
        (MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 14),
        22,
        True,
        Qt.AlignmentFlag.AlignHCenter,
    )

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    map_item.setFrameEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.08)
    map_item.setKeepLayerSet(True)
    clipping = map_item.atlasClippingSettings()
    clipping.setEnabled(True)
    clipping.setFeatureClippingType(QgsMapClippingRegion.FeatureClippingType.ClipPainterOnly)
    clipping.setForceLabelsInsideFeature(True)
    layout.addLayoutItem(map_item)
    map_top = MARGIN + 17
    map_w, map_h = PANEL_X - MARGIN - 4, PAGE_H - MARGIN - map_top
    map_item.attemptSetSceneRect(QRectF(MARGIN, map_top, map_w, map_h))
    # a county-sized extent of the item's shape, so the item keeps its size
    map_item.setCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    centre_x, centre_y, half_h = 645_000.0, 2_913_000.0, 45_000.0
    half_w = half_h * map_w / map_h
    map_item.setExtent(
        QgsRectangle(centre_x - half_w, centre_y - half_h, centre_x + half_w, centre_y + half_h)
    )

    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    north.setPicturePath("/usr/share/qgis/svg/arrows/NorthArrow_02.svg")
    north.setLinkedMap(map_item)
    north.setNorthMode(QgsLayoutItemPicture.GridNorth)
    north.setBackgroundEnabled(False)
    layout.addLayoutItem(north)
    north.attemptSetSceneRect(QRectF(PANEL_X - 4 - 20, map_top + 4, 14, 18))

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("千米")
    scalebar.setNumberOfSegments(4)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scalebar.setMinimumBarWidth(40)
    scalebar.setMaximumBarWidth(70)
    scalebar.setTextFormat(_text_format(8))
    scalebar.setBackgroundEnabled(True)
    scalebar.setBackgroundColor(QColor(255, 255, 255, 220))
    layout.addLayoutItem(scalebar)
    scalebar.attemptMove(QgsLayoutPoint(MARGIN + 4, PAGE_H - MARGIN - 18))

    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    table_frame = QgsLayoutFrame(layout, table)
    table_frame.setId("stats")
    table.addFrame(table_frame)
    table_frame.attemptSetSceneRect(QRectF(PANEL_X, map_top, PANEL_W, 150))
    table.setIncludeTableHeader(True)
    table.setHeaders([QgsLayoutTableColumn("指标"), QgsLayoutTableColumn("数值")])
    table.setHeaderTextFormat(_text_format(9, True))
    table.setContentTextFormat(_text_format(8))
    table.setColumnWidths([52.0, 0.0])
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setCellMargin(0.8)
    table.setTableContents([[QgsTableCell("水土保持率(%)"), QgsTableCell("")]])

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("图  例")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    legend.setLegendFilterOutAtlas(True)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setSymbolWidth(6)
    legend.setSymbolHeight(3.5)
    for style, size, bold in (
        (QgsLegendStyle.Title, 11, True),
        (QgsLegendStyle.Group, 9, True),
        (QgsLegendStyle.Subgroup, 9, True),
        (QgsLegendStyle.SymbolLabel, 8, False),
    ):
        legend.setStyleFont(style, _font(size, bold))
    legend.setFrameEnabled(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(PANEL_X, map_top + 154))

    _label(
        layout,
        "notes",
        "坐标系：[% @swc_crs %]\n数据日期：[% @swc_data_date %]\n"
        "制图：兴国县水土保持监管  [% @swc_note %]",
        (PANEL_X, PAGE_H - MARGIN - 16, PANEL_W, 16),
        7.5,
    )


def main(path: Path) -> None:
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = QgsPrintLayout(project)
    build(layout)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise SystemExit("cannot write " + str(path))
    print("wrote", path)
    del layout
    app.exitQgis()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "atlas_township.qpt")
