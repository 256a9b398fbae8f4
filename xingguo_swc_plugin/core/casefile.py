"""Case files (案卷): one PDF per finding, one per township, and an index.

A finding's file holds every fact of the case: rule and its suspected class,
parcel ID, township, project (or "not registered"), areas, centroid, a
large-scale map of the parcel with its approved boundary and the offending part
highlighted, the field photos with time and position, the full 查-认-改-罚
history, and for 未批先建 / 超出防治责任范围 the penalty range from the area.
Text is real text in a font whose glyphs map back to the unified ideographs
(``styles.PDF_CJK_FONT_FAMILY``), so the PDFs are searchable.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QFont, QFontDatabase

from ..domain import codes
from ..domain.townships import TOWNSHIPS, TOWNSHIPS_BY_CODE
from ..qgis_compat import set_label_font
from ..translation import tr
from . import casework
from . import findings as case
from .atlas import pdf_settings, sheet_file_name
from .casework import FindingFilter, text
from .errors import CanceledError, InputError, SwcError, WorkspaceError
from .rules import EXCEEDS_APPROVED, RULES, rule_label
from .settings import setting
from .styles import PDF_CJK_FONT_FAMILY, PDF_CJK_FONT_PACKAGE
from .workspace.open import workspace_of

PAGE_W, PAGE_H, MARGIN = 210.0, 297.0, 15.0
DPI = 200


@dataclass
class CaseFileResult:
    findings: List[str] = field(default_factory=list)
    townships: List[str] = field(default_factory=list)
    index: str = ""

    def lines(self) -> List[str]:
        return [
            tr("{0} case file(s) of findings, {1} of townships, index {2}.").format(
                len(self.findings), len(self.townships), self.index
            )
        ]


def penalty_per_m2(party_type: str) -> float:
    """The fine ceiling in 元/m² for a party type: the settings ``penalty/*``
    (SPEC defaults 2 元/m² for an individual, 10 元/m² for a unit)."""
    if party_type not in codes.PENALTY_SETTINGS:
        raise InputError(tr("Unknown party type {0}.").format(party_type))
    return float(setting(codes.PENALTY_SETTINGS[party_type]))


def penalty_range(area_m2: float, party_type: str) -> Tuple[float, float]:
    """Fine range (元) for an offending area: 0 up to the ceiling per m²."""
    return 0.0, round(area_m2 * penalty_per_m2(party_type), 2)


def is_fined_by_area(rule: str) -> bool:
    """未批先建 and 超出防治责任范围 cases carry a penalty range."""
    return casework.confirmed_compliance(rule) in codes.PENALISED_COMPLIANCE


def _font() -> QFont:
    if PDF_CJK_FONT_FAMILY not in QFontDatabase().families():
        raise SwcError(
            tr(
                "The font {0} is missing: install the package {1} so the case "
                "files carry searchable Chinese text."
            ).format(PDF_CJK_FONT_FAMILY, PDF_CJK_FONT_PACKAGE)
        )
    return QFont(PDF_CJK_FONT_FAMILY)


class _Pages:
    """Adds A4 pages and items to a layout."""

    def __init__(self, layout: QgsPrintLayout):
        self.layout = layout
        self.font = _font()
        self.count = 0

    def new_page(self) -> int:
        page = QgsLayoutItemPage(self.layout)
        page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))
        self.layout.pageCollection().addPage(page)
        self.count += 1
        return self.count - 1

    def label(
        self,
        page: int,
        x: float,
        y: float,
        w: float,
        h: float,
        content: str,
        size: float = 9.0,
        bold: bool = False,
    ) -> None:
        item = QgsLayoutItemLabel(self.layout)
        font = QFont(self.font)
        font.setPointSizeF(size)
        font.setBold(bold)
        set_label_font(item, font)
        item.setText(content)
        self.layout.addLayoutItem(item)
        item.attemptResize(QgsLayoutSize(w, h))
        item.attemptMove(QgsLayoutPoint(x, y), page=page)


@dataclass
class _Context:
    workspace: object
    crs: QgsCoordinateReferenceSystem
    parcels: Dict[str, QgsFeature]
    projects: Dict[str, QgsFeature]
    photos: Dict[str, list]
    folder: str
    #: memory layers the map items draw (kept alive until the export)
    keep: list = field(default_factory=list)
    #: imagery drawn under the parcel map, if any
    imagery: list = field(default_factory=list)


def _memory(name: str, crs, geometries, fill: str, stroke: str) -> QgsVectorLayer:
    layer = QgsVectorLayer("MultiPolygon?crs=" + crs.authid(), name, "memory")
    features = []
    for geometry in geometries:
        feature = QgsFeature()
        feature.setGeometry(geometry)
        features.append(feature)
    if not layer.dataProvider().addFeatures(features)[0]:
        raise SwcError(
            tr(
                "The map layer {0} could not take all its {1} features: the sheet would miss some."
            ).format(name, len(features))
        )
    symbol = QgsFillSymbol.createSimple(
        {"color": fill, "outline_color": stroke, "outline_width": "0.6"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def _facts(finding: QgsFeature, ctx: _Context) -> List[Tuple[str, str]]:
    rule = text(finding["gz"])
    parcel = ctx.parcels.get(text(finding["tbbh"]))
    project_id = text(parcel["xmbh"]) if parcel is not None else ""
    project = ctx.projects.get(project_id)
    if project is not None:
        project_text = "{0} {1}".format(project_id, text(project["xmmc"]))
    else:
        project_text = tr("not registered")
    township = TOWNSHIPS_BY_CODE.get(text(finding["xzqdm"]))
    geometry = parcel.geometry() if parcel is not None else finding.geometry()
    parcel_area = geometry.area() if geometry is not None and not geometry.isNull() else 0.0
    offending = float(finding["mj"]) if text(finding["mj"]) else 0.0
    centre = geometry.centroid().asPoint() if parcel_area else None
    if centre is not None:
        wgs = QgsCoordinateTransform(
            ctx.crs, QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance()
        ).transform(centre)
        centroid = "X {0:.2f}, Y {1:.2f} ({2}); {3:.6f}°E, {4:.6f}°N".format(
            centre.x(), centre.y(), ctx.crs.authid(), wgs.x(), wgs.y()
        )
    else:
        centroid = tr("no geometry")
    suspected = RULES.get(rule, (None,))[0]
    party = text(finding["dslx"])
    rows = [
        (tr("Rule"), "{0} ({1})".format(rule_label(rule), rule)),
        (tr("Suspected class"), codes.COMPLIANCE.label(suspected, "—")),
        (tr("Parcel ID"), text(finding["tbbh"])),
        (
            tr("Township"),
            "{0} {1}".format(text(finding["xzqdm"]), township.xzqmc if township else ""),
        ),
        (tr("Project"), project_text),
        (tr("Parcel area (m²)"), "{0:.1f}".format(parcel_area)),
        (tr("Excess area (m²)"), "{0:.1f}".format(offending) if rule == EXCEEDS_APPROVED else "—"),
        (tr("Centroid"), centroid),
        (tr("Case status"), codes.CASE_STATUS.label(text(finding["zt"]) or case.FOUND)),
        (tr("Party type"), codes.PARTY_TYPE.label(party, tr("not recorded"))),
    ]
    if is_fined_by_area(rule):
        parts = []
        for code in (party,) if party in codes.PENALTY_SETTINGS else tuple(codes.PENALTY_SETTINGS):
            low, high = penalty_range(offending, code)
            parts.append(
                tr("{0}: {1:.0f} – {2:.2f} 元 ({3:.0f} 元/m² × {4:.1f} m²)").format(
                    codes.PARTY_TYPE.label(code), low, high, penalty_per_m2(code), offending
                )
            )
        rows.append((tr("Penalty range"), "; ".join(parts)))
    return rows


def _history_lines(finding: QgsFeature) -> List[str]:
    """Readable steps (labels, not the stored codes or event names)."""
    return [
        "{0}  {1}  {2}  {3}".format(step.when, step.who, step.change(), step.note)
        for step in case.history_steps(case.row_of_feature(finding))
    ]


def _finding_pages(pages: _Pages, finding: QgsFeature, ctx: _Context) -> None:
    first = pages.new_page()
    title = tr("Soil and water conservation case file: {0}").format(text(finding["tbbh"]))
    pages.label(first, MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 10, title, 14, True)
    y = MARGIN + 14
    for name, value in _facts(finding, ctx):
        pages.label(first, MARGIN, y, 38, 6, name, 9, True)
        pages.label(first, MARGIN + 40, y, PAGE_W - 2 * MARGIN - 40, 10, value, 9)
        y += 7.5
    # the map: approved boundary (green), parcel (outline), offending part (red)
    parcel = ctx.parcels.get(text(finding["tbbh"]))
    project = ctx.projects.get(text(parcel["xmbh"])) if parcel is not None else None
    layers = [_memory("offending", ctx.crs, [finding.geometry()], "255,0,0,110", "#d50000")]
    extent = QgsRectangle(finding.geometry().boundingBox())
    if parcel is not None:
        layers.append(_memory("parcel", ctx.crs, [parcel.geometry()], "0,0,0,0", "#212121"))
        extent.combineExtentWith(parcel.geometry().boundingBox())
    if project is not None:
        layers.append(_memory("approved", ctx.crs, [project.geometry()], "76,175,80,60", "#1b5e20"))
    map_top = y + 4
    map_h = PAGE_H - MARGIN - map_top - 10
    item = QgsLayoutItemMap(pages.layout)
    item.setCrs(ctx.crs)
    item.setLayers(layers + list(ctx.imagery))
    pages.layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(PAGE_W - 2 * MARGIN, map_h))
    item.attemptMove(QgsLayoutPoint(MARGIN, map_top), page=first)
    item.setFrameEnabled(True)
    if extent.isEmpty():
        extent.grow(50.0)
    extent.scale(1.3)
    item.zoomToExtent(extent)
    ctx.keep.extend(layers)
    pages.label(
        first,
        MARGIN,
        PAGE_H - MARGIN - 8,
        PAGE_W - 2 * MARGIN,
        6,
        tr(
            "Map 1:{0:.0f} — red: offending part; black: parcel; green: approved boundary "
            "(防治责任范围)."
        ).format(item.scale()),
        8,
    )
    # photos and history
    second = pages.new_page()
    pages.label(second, MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 8, tr("Field photos"), 12, True)
    photos = ctx.photos.get(text(finding["uuid"]), [])
    y = MARGIN + 10
    if not photos:
        pages.label(second, MARGIN, y, 120, 6, tr("No field photos."), 9)
        y += 8
    for number, photo in enumerate(photos):
        column = number % 2
        if number and column == 0:
            y += 72
        path = os.path.join(ctx.folder, "{0}_{1}".format(photo.sha1[:12], photo.name))
        with open(path, "wb") as handle:
            handle.write(photo.content)
        picture = QgsLayoutItemPicture(pages.layout)
        picture.setPicturePath(path, QgsLayoutItemPicture.FormatRaster)
        pages.layout.addLayoutItem(picture)
        x = MARGIN + column * 92
        picture.attemptResize(QgsLayoutSize(86, 56))
        picture.attemptMove(QgsLayoutPoint(x, y), page=second)
        where = (
            "—"
            if photo.longitude is None
            else "{0:.6f}°E {1:.6f}°N".format(photo.longitude, photo.latitude or 0.0)
        )
        pages.label(
            second,
            x,
            y + 57,
            86,
            12,
            tr("{0}; taken {1}; {2}; ±{3} m").format(
                photo.name,
                text(photo.taken),
                where,
                "—" if photo.accuracy is None else "{0:.1f}".format(photo.accuracy),
            ),
            7,
        )
    if photos:
        y += 72
    pages.label(second, MARGIN, y, PAGE_W - 2 * MARGIN, 8, tr("History (查-认-改-罚)"), 12, True)
    lines = _history_lines(finding)
    pages.label(
        second,
        MARGIN,
        y + 10,
        PAGE_W - 2 * MARGIN,
        max(10.0, 5.0 * len(lines) + 4),
        "\n".join(lines),
        8,
    )


def _export(layout: QgsPrintLayout, path: str) -> None:
    result = QgsLayoutExporter(layout).exportToPdf(path, pdf_settings(DPI))
    if result != QgsLayoutExporter.Success:
        raise WorkspaceError(tr("Cannot write the case file {0}.").format(path))


def _layout(name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(QgsProject.instance())
    layout.setName(name)
    layout.setUnits(QgsUnitTypes.LayoutMillimeters)
    return layout


def write_case_files(
    workspace,
    selection: FindingFilter,
    folder: str,
    feedback: Optional[QgsFeedback] = None,
    imagery: Sequence[QgsRasterLayer] = (),
) -> CaseFileResult:
    """Write ``folder/<xzqdm>_<xzqmc>/<parcel>_<rule>.pdf``, one township file
    ``<xzqdm>_<xzqmc>.pdf`` per township and ``index.pdf`` (every township with its
    number of cases).  ``imagery``: rasters drawn under each parcel map."""
    workspace = workspace_of(workspace)
    for raster in imagery:
        if raster is None or not raster.isValid():
            raise InputError(tr("An imagery layer is not valid."))
    _font()
    layer = workspace.layer(case.TABLE)
    chosen = casework.select_findings(layer, selection)
    if not chosen:
        raise InputError(tr("No finding matches the filter: no case file to write."))
    created = [] if os.path.isdir(folder) else [folder]
    os.makedirs(folder, exist_ok=True)
    parcel_ids = {text(f["tbbh"]) for f in chosen}
    parcels = {
        text(f["tbbh"]): f
        for f in workspace.layer("parcel").getFeatures()
        if text(f["tbbh"]) in parcel_ids
    }
    projects = {text(f["xmbh"]): f for f in workspace.layer("dev_project").getFeatures()}
    scratch = tempfile.TemporaryDirectory(prefix="xgswc-case-")
    ctx = _Context(
        workspace,
        layer.crs(),
        parcels,
        projects,
        casework.stored_photos(workspace, [text(f["uuid"]) for f in chosen]),
        scratch.name,
        imagery=list(imagery),
    )
    result = CaseFileResult()
    by_township: Dict[str, List[QgsFeature]] = {}
    for feature in chosen:
        by_township.setdefault(text(feature["xzqdm"]), []).append(feature)
    done = 0
    try:
        for code, features in sorted(by_township.items()):
            township = TOWNSHIPS_BY_CODE.get(code)
            name = township.xzqmc if township else code
            sub = os.path.join(folder, sheet_file_name(code, name)[:-4])
            if not os.path.isdir(sub):
                created.append(sub)
            os.makedirs(sub, exist_ok=True)
            for feature in features:
                if feedback is not None:
                    if feedback.isCanceled():
                        raise CanceledError()
                    feedback.setProgress(90.0 * done / (2 * len(chosen)))
                layout = _layout(text(feature["tbbh"]))
                _finding_pages(_Pages(layout), feature, ctx)
                path = os.path.join(
                    sub, sheet_file_name(text(feature["tbbh"]), text(feature["gz"]))
                )
                _export(layout, path)
                result.findings.append(path)
                done += 1
            layout = _layout(name)
            pages = _Pages(layout)
            cover = pages.new_page()
            pages.label(
                cover,
                MARGIN,
                MARGIN,
                PAGE_W - 2 * MARGIN,
                12,
                tr("Case files of {0} ({1}): {2} case(s)").format(name, code, len(features)),
                14,
                True,
            )
            listing = [
                "{0}  {1}  {2}".format(
                    text(f["tbbh"]),
                    rule_label(text(f["gz"])),
                    codes.CASE_STATUS.label(text(f["zt"])),
                )
                for f in features
            ]
            pages.label(
                cover,
                MARGIN,
                MARGIN + 16,
                PAGE_W - 2 * MARGIN,
                PAGE_H - 2 * MARGIN - 16,
                "\n".join(listing),
                8,
            )
            for feature in features:
                _finding_pages(pages, feature, ctx)
                done += 1
                if feedback is not None and feedback.isCanceled():
                    raise CanceledError()
            path = os.path.join(folder, sheet_file_name(code, name))
            _export(layout, path)
            result.townships.append(path)
        layout = _layout("index")
        pages = _Pages(layout)
        page = pages.new_page()
        pages.label(
            page, MARGIN, MARGIN, PAGE_W - 2 * MARGIN, 12, tr("Case files by township"), 14, True
        )
        rows = [
            "{0}  {1}  {2}".format(t.xzqdm, t.xzqmc, len(by_township.get(t.xzqdm, [])))
            for t in TOWNSHIPS
        ]
        pages.label(page, MARGIN, MARGIN + 16, PAGE_W - 2 * MARGIN, 200, "\n".join(rows), 10)
        result.index = os.path.join(folder, "index.pdf")
        _export(layout, result.index)
    except BaseException:
        for path in result.findings + result.townships + [result.index]:
            if path and os.path.exists(path):
                os.remove(path)
        for path in reversed(created):  # folders this run made, now empty
            if os.path.isdir(path) and not os.listdir(path):
                os.rmdir(path)
        raise
    finally:
        scratch.cleanup()
    if feedback is not None:
        feedback.setProgress(100.0)
    return result
