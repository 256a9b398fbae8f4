"""The workspace data model, defined once and used by every backend.

GeoPackage (``core.workspace.geopackage``) and PostGIS (``core.workspace.postgis``) both build their
tables, value maps, aliases and styles from these specs, so the two never drift.
Field names are the customary pinyin abbreviations; each layer has a stable
text UUID per feature (``uuid``) that links records across layers.

Bump ``SCHEMA_VERSION`` whenever a spec changes in a way existing workspaces must
follow.  The generic upgrade (``core.workspace.geopackage.MIGRATIONS`` and
``core.workspace.postgis.PG_MIGRATIONS``) adds every table and column of these specs that
a workspace lacks, so adding a field or a table needs no migration code of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional, Tuple

from ...domain import codes
from ...domain.codes import CodeList

SCHEMA_VERSION = 2

#: Marks a workspace: the name of the table that holds the schema version.
META_TABLE = "xgswc_meta"


@dataclass(frozen=True)
class FieldSpec:
    """One attribute: name, type ('text'|'int'|'real'|'date'|'datetime'|'blob'),
    labels."""

    name: str
    kind: str
    zh: str
    en: str
    length: int = 0
    codelist: Optional[CodeList] = None
    required: bool = False
    #: QGIS expression for the default value (e.g. a new UUID).
    default: Optional[str] = None


@dataclass(frozen=True)
class LayerSpec:
    """One table: geometry kind ('Polygon', 'LineString', 'Point' or None)."""

    name: str
    geometry: Optional[str]
    zh: str
    en: str
    fields: Tuple[FieldSpec, ...]
    #: Field whose labels colour the layer (categorized renderer), if any.
    style_field: Optional[str] = None
    #: Unique constraints beyond ``uuid`` (tuples of field names).
    unique: Tuple[Tuple[str, ...], ...] = field(default_factory=tuple)

    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def field_names(self) -> Tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)


UUID_FIELD = "uuid"
_UUID = FieldSpec(
    UUID_FIELD, "text", "唯一标识", "UUID", 38, required=True, default="uuid('WithoutBraces')"
)
_XZQDM = FieldSpec("xzqdm", "text", "乡镇代码", "township code", 9)
_XZQMC = FieldSpec("xzqmc", "text", "乡镇名称", "township name", 20)
_AREA = FieldSpec("mj", "real", "面积(m²)", "area (m²)")
_NOTE = FieldSpec("bz", "text", "备注", "notes", 254)

TOWNSHIP = LayerSpec(
    "township",
    "MultiPolygon",
    "乡镇",
    "Townships",
    (
        _UUID,
        FieldSpec("xzqdm", "text", "乡镇代码", "township code", 9, required=True),
        FieldSpec("xzqmc", "text", "乡镇名称", "township name", 20, required=True),
        FieldSpec("pym", "text", "拼音", "pinyin", 30),
        FieldSpec("xzqlx", "text", "类型", "kind", 2, codes.TOWNSHIP_KIND),
    ),
    unique=(("xzqdm",),),
)

BENGGANG = LayerSpec(
    "benggang",
    "MultiPolygon",
    "崩岗",
    "Collapse gullies",
    (
        _UUID,
        FieldSpec("bgbh", "text", "崩岗编号", "gully ID", 20, required=True),
        _XZQDM,
        _XZQMC,
        _AREA,
        FieldSpec("gm", "text", "规模", "scale", 1, codes.BENGGANG_SCALE),
        FieldSpec("xt", "text", "形态", "shape", 2, codes.BENGGANG_SHAPE),
        FieldSpec("hdx", "text", "活动性", "activity", 2, codes.BENGGANG_ACTIVITY),
        FieldSpec("zlzt", "text", "治理状态", "treatment status", 2, codes.TREATMENT_STATUS),
        FieldSpec("sd", "real", "深度(m)", "depth (m)"),
        FieldSpec("kd", "real", "宽度(m)", "width (m)"),
        FieldSpec("dcrq", "date", "调查日期", "survey date"),
        FieldSpec("dcy", "text", "调查人", "surveyor", 30),
        _NOTE,
        # Plan progress (schema 2): a gully counts as treated when zlzt = 已治理 and
        # zlnd lies in the plan window; it counts bgsl 座 (a 崩岗群 holds several).
        FieldSpec("zlnd", "int", "治理完成年度", "treatment completion year"),
        FieldSpec("bgsl", "int", "崩岗数量(座)", "number of gullies (座)", default="1"),
        FieldSpec("zlms", "text", "治理模式", "treatment mode", 2, codes.TREATMENT_MODE),
        FieldSpec("xzgd", "real", "新增耕地(hm²)", "new farmland (hm²)"),
    ),
    style_field="gm",
    unique=(("bgbh",),),
)

BENGGANG_PART = LayerSpec(
    "benggang_part",
    "MultiPolygon",
    "崩岗部位",
    "Gully parts",
    (
        _UUID,
        FieldSpec("bgbh", "text", "崩岗编号", "gully ID", 20, required=True),
        FieldSpec("bw", "text", "部位", "part", 2, codes.BENGGANG_PART, required=True),
        _AREA,
        _NOTE,
    ),
    style_field="bw",
)

MEASURE = LayerSpec(
    "measure",
    None,
    "治理措施",
    "Treatment measures",
    (
        _UUID,
        FieldSpec(
            "cslb", "text", "措施类别", "measure class", 1, codes.MEASURE_CLASS, required=True
        ),
        FieldSpec("csdm", "text", "措施", "measure", 10, required=True),
        FieldSpec("sl", "real", "数量", "quantity", required=True),
        FieldSpec("dw", "text", "单位", "unit", 4, codes.MEASURE_UNIT, required=True),
        FieldSpec("nd", "int", "年度", "year", required=True),
        FieldSpec("xmmc", "text", "项目名称", "project name", 100),
        FieldSpec("zjly", "text", "资金来源", "funding source", 100),
        FieldSpec("mbtc", "text", "对象图层", "target layer", 60, required=True),
        FieldSpec("mbid", "text", "对象标识", "target UUID", 38, required=True),
        _XZQDM,
        _NOTE,
    ),
)

MEASURE_TYPE = LayerSpec(
    "measure_type",
    None,
    "措施分类",
    "Measure taxonomy",
    (
        FieldSpec("csdm", "text", "措施代码", "measure code", 10, required=True),
        FieldSpec(
            "cslb", "text", "措施类别", "measure class", 1, codes.MEASURE_CLASS, required=True
        ),
        FieldSpec("csmc", "text", "措施名称", "measure name", 50, required=True),
        FieldSpec("csmc_en", "text", "英文名称", "English name", 80),
        FieldSpec("dw", "text", "单位", "unit", 4, codes.MEASURE_UNIT, required=True),
        # issue 17: 1 = the measure satisfies the terrace rule (梯田, 台地, 水平竹节沟, contour)
        FieldSpec("tt", "int", "计为梯田", "counts as terrace"),
    ),
    unique=(("csdm",),),
)

PARCEL = LayerSpec(
    "parcel",
    "MultiPolygon",
    "农林开发图斑",
    "Development parcels",
    (
        _UUID,
        FieldSpec("tbbh", "text", "图斑编号", "parcel ID", 30, required=True),
        FieldSpec("xmbh", "text", "项目编号", "project number", 30),
        _XZQDM,
        FieldSpec("kflx", "text", "开发类型", "development type", 2, codes.DEVELOPMENT_TYPE),
        FieldSpec("rdlx", "text", "扰动类型", "disturbance type", 2, codes.DISTURBANCE_TYPE),
        FieldSpec("bhlx", "text", "扰动变化类型", "change type", 2, codes.CHANGE_TYPE),
        FieldSpec("jszt", "text", "建设状态", "construction state", 2, codes.CONSTRUCTION_STATE),
        FieldSpec("hgx", "text", "合规性", "compliance", 2, codes.COMPLIANCE),
        FieldSpec("jcrq", "date", "监测日期", "detection date"),
        # issue 17: delivery the parcel came with (e.g. 2024-2) and the matched
        # parcel of the previous delivery (from parcelchange)
        FieldSpec("jcpc", "text", "监测批次", "delivery", 20),
        FieldSpec("sqtbbh", "text", "上期图斑编号", "previous parcel ID", 30),
        _AREA,
        _NOTE,
    ),
    style_field="kflx",
)

DEV_PROJECT = LayerSpec(
    "dev_project",
    "MultiPolygon",
    "农林开发项目",
    "Development projects",
    (
        _UUID,
        FieldSpec("xmbh", "text", "项目编号", "project number", 30, required=True),
        FieldSpec("xmmc", "text", "项目名称", "project name", 100),
        FieldSpec("jsdw", "text", "建设单位", "developer", 100),
        _XZQDM,
        FieldSpec("kflx", "text", "开发类型", "development type", 2, codes.DEVELOPMENT_TYPE),
        FieldSpec("pfwh", "text", "批复文号", "approval number", 60),
        FieldSpec("pfrq", "date", "批复日期", "approval date"),
        FieldSpec("pfmj", "real", "批复面积(m²)", "approved area (m²)"),
        # issue 17: approval number of the soil-conservation plan; empty = no plan
        FieldSpec("stbcfa", "text", "水土保持方案", "soil-conservation plan", 60),
        _NOTE,
    ),
    unique=(("xmbh",),),
)

EROSION = LayerSpec(
    "erosion",
    "MultiPolygon",
    "土壤侵蚀",
    "Soil erosion",
    (
        _UUID,
        FieldSpec(
            "qsqd", "int", "侵蚀强度", "erosion grade", 0, codes.EROSION_GRADE, required=True
        ),
        FieldSpec("qsms", "real", "侵蚀模数(t/km²·a)", "soil loss modulus (t/km²·a)"),
        _XZQDM,
        FieldSpec("nd", "int", "年度", "year"),
    ),
    style_field="qsqd",
)

FINDING = LayerSpec(
    "finding",
    "MultiPolygon",
    "核查发现",
    "Inspection findings",
    (
        _UUID,
        FieldSpec("tbbh", "text", "图斑编号", "parcel ID", 30, required=True),
        FieldSpec("gz", "text", "规则", "rule", 30, required=True),
        FieldSpec("hgx", "text", "合规性", "compliance", 2, codes.COMPLIANCE),
        FieldSpec("yzcd", "text", "严重程度", "severity", 10),
        FieldSpec("xx", "text", "说明", "message", 254),
        _AREA,
        _XZQDM,
        FieldSpec(
            "zt",
            "text",
            "处理状态",
            "case status",
            2,
            codes.CASE_STATUS,
            required=True,
            default="'1'",
        ),
        FieldSpec("czr", "text", "经办人", "handled by", 30),
        FieldSpec("czsj", "datetime", "经办时间", "handled at"),
        FieldSpec("clyj", "text", "处理意见", "note", 254),
        FieldSpec("lsjl", "text", "处理记录", "history (JSON)", 0),
        #: Row version for optimistic concurrency: every case step saved adds 1, and
        #: a save is refused when the row's version is no longer the one read.
        FieldSpec("bbh", "int", "版本号", "row version"),
        # field verification (QField round trip, issue 16) and the case file
        FieldSpec("dslx", "text", "当事人类型", "party type", 2, codes.PARTY_TYPE),
        FieldSpec("hcr", "text", "核查人", "inspector", 30),
        FieldSpec("hcsj", "datetime", "核查时间", "verified at"),
        FieldSpec("hcjd", "real", "核查经度", "verification longitude"),
        FieldSpec("hcwd", "real", "核查纬度", "verification latitude"),
        FieldSpec("dwjd", "real", "定位精度(m)", "position accuracy (m)"),
    ),
    style_field="zt",
)

#: Field photos of findings: the workspace's attachment store (content in the
#: table, so GeoPackage and PostGIS workspaces keep them the same way).
FINDING_PHOTO = LayerSpec(
    "finding_photo",
    None,
    "核查照片",
    "Finding photos",
    (
        _UUID,
        FieldSpec("fxuuid", "text", "核查发现标识", "finding UUID", 38, required=True),
        FieldSpec("wjm", "text", "文件名", "file name", 254, required=True),
        FieldSpec("pssj", "datetime", "拍摄时间", "taken at"),
        FieldSpec("jd", "real", "经度", "longitude"),
        FieldSpec("wd", "real", "纬度", "latitude"),
        FieldSpec("dwjd", "real", "定位精度(m)", "position accuracy (m)"),
        FieldSpec("sha1", "text", "校验值", "SHA-1", 40, required=True),
        FieldSpec("nr", "blob", "内容", "content"),
    ),
    unique=(("fxuuid", "sha1"),),
)


TOWNSHIP_TARGET = LayerSpec(
    "township_target",
    None,
    "乡镇考核目标",
    "Township targets",
    (
        FieldSpec("xzqdm", "text", "乡镇代码", "township code", 9, required=True),
        FieldSpec("nd", "int", "年度", "year", required=True),
        FieldSpec("bcl_mb", "real", "水土保持率目标(%)", "conservation rate target (%)"),
        FieldSpec("zlmj_mb", "real", "新增治理面积目标(hm²)", "treated area target (hm²)"),
        FieldSpec("zlbg_mb", "int", "治理崩岗目标(座)", "treated gullies target (座)"),
        FieldSpec("xh_mb", "real", "核查发现办结率目标(%)", "finding closure target (%)"),
        _NOTE,
    ),
    unique=(("xzqdm", "nd"),),
)

WATERSHED = LayerSpec(
    "watershed",
    "MultiPolygon",
    "小流域",
    "Small watersheds",
    (
        _UUID,
        FieldSpec("lydm", "text", "小流域代码", "watershed code", 30, required=True),
        FieldSpec("lymc", "text", "小流域名称", "watershed name", 50),
        FieldSpec("lylx", "text", "小流域类型", "watershed type", 2, codes.WATERSHED_TYPE),
        FieldSpec("xzqdm", "text", "涉及乡镇代码", "township codes", 254),
        _AREA,
        _NOTE,
    ),
    style_field="lylx",
    unique=(("lydm",),),
)

#: All tables of a workspace, in creation order.
LAYERS: Tuple[LayerSpec, ...] = (
    TOWNSHIP,
    BENGGANG,
    BENGGANG_PART,
    MEASURE,
    MEASURE_TYPE,
    PARCEL,
    DEV_PROJECT,
    EROSION,
    FINDING,
    FINDING_PHOTO,
    TOWNSHIP_TARGET,
    WATERSHED,
)
LAYERS_BY_NAME: Dict[str, LayerSpec] = {spec.name: spec for spec in LAYERS}
