"""Form and style of a workspace layer, built from its ``LayerSpec``.

Value maps with Chinese labels over stored codes, aliases, UUID defaults, not-null
constraints and a categorized renderer.  Used for every backend before the style
is stored in the database's ``layer_styles`` table, so a layer opens styled with
dropdowns wherever it is loaded.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from .workspace.schema import LayerSpec

#: Colour ramps per styled field, in code order (pale to strong where ordinal).
_PALETTES = {
    "qsqd": ("#e8f5e9", "#fff59d", "#ffcc80", "#ff8a65", "#e53935", "#7b1fa2"),
    "gm": ("#ffe082", "#ffa726", "#d84315"),
    "bw": ("#aed581", "#8d6e63", "#ffb74d", "#4fc3f7", "#fff176"),
    "zt": ("#ef5350", "#ffa726", "#66bb6a", "#8e24aa", "#9e9e9e"),
    "kflx": ("#ff9800", "#fb8c00", "#8bc34a", "#4caf50", "#cddc39", "#009688", "#9e9e9e"),
}
_TOWNSHIP_OUTLINE = "#37474f"
#: Debian's fonts-noto-cjk; Qt falls back to another CJK font where it is missing.
CJK_FONT_FAMILY = "Noto Sans CJK SC"
#: Font of PDF text that must stay searchable: Noto CJK shares the glyphs of some
#: ideographs with the Kangxi radicals (龙 高 良 方 鼎 长 木), so a PDF written with it
#: extracts 龙口镇 as ⻰口镇; WenQuanYi Micro Hei (Debian fonts-wqy-microhei) does not.
PDF_CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
PDF_CJK_FONT_PACKAGE = "fonts-wqy-microhei"


def apply_form(layer: QgsVectorLayer, spec: LayerSpec) -> None:
    """Aliases, value-map dropdowns, defaults and constraints from the spec."""
    fields = layer.fields()
    for field_spec in spec.fields:
        index = fields.indexOf(field_spec.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, field_spec.zh)
        if field_spec.codelist is not None:
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup(
                    "ValueMap",
                    {
                        "map": [
                            {label: code} for label, code in field_spec.codelist.value_map().items()
                        ]
                    },
                ),
            )
        elif field_spec.kind in ("date", "datetime"):
            display = "yyyy-MM-dd" if field_spec.kind == "date" else "yyyy-MM-dd HH:mm"
            layer.setEditorWidgetSetup(
                index,
                QgsEditorWidgetSetup(
                    "DateTime",
                    {
                        "display_format": display,
                        "field_format": display,
                        "calendar_popup": True,
                        "allow_null": True,
                    },
                ),
            )
        if field_spec.default:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(field_spec.default))
        if field_spec.required:
            layer.setFieldConstraint(
                index,
                QgsFieldConstraints.ConstraintNotNull,
                QgsFieldConstraints.ConstraintStrengthHard,
            )
        if field_spec.name == "uuid":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))


def apply_renderer(layer: QgsVectorLayer, spec: LayerSpec) -> None:
    """Categorized by the spec's style field; township outlines otherwise."""
    if spec.geometry is None:
        return
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    if spec.style_field:
        codelist = spec.field(spec.style_field).codelist
        palette = _PALETTES.get(spec.style_field, ())
        categories = []
        for position, entry in enumerate(codelist):
            symbol = QgsSymbol.defaultSymbol(geometry_type)
            colour = palette[position % len(palette)] if palette else "#90a4ae"
            symbol.setColor(QColor(colour))
            value = int(entry.code) if spec.field(spec.style_field).kind == "int" else entry.code
            categories.append(QgsRendererCategory(value, symbol, entry.zh))
        layer.setRenderer(QgsCategorizedSymbolRenderer(spec.style_field, categories))
    else:
        symbol = QgsSymbol.defaultSymbol(geometry_type)
        symbol.setColor(QColor(0, 0, 0, 0))
        symbol.symbolLayer(0).setStrokeColor(QColor(_TOWNSHIP_OUTLINE))
        symbol.symbolLayer(0).setStrokeWidth(0.6)
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    if spec.name == "township":
        _label_by(layer, "xzqmc")


def _label_by(layer: QgsVectorLayer, field_name: str) -> None:
    """Chinese labels in a CJK font with a white halo (map sheets, atlases)."""
    settings = QgsPalLayerSettings()
    settings.fieldName = field_name
    text = QgsTextFormat()
    text.setFont(QFont(CJK_FONT_FAMILY))
    text.setSize(10)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def apply_style(layer: QgsVectorLayer, spec: LayerSpec) -> None:
    apply_form(layer, spec)
    apply_renderer(layer, spec)
