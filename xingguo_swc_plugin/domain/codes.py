"""Code lists of the domain (SPEC.md), stored as codes, shown as Chinese labels.

Every list is data: a stored ``code`` plus a Chinese label (the domain term the
bureau uses, shown in both UIs) and an English gloss for documentation and logs.
Codes never change once released; labels may.  Pure Python, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Tuple


@dataclass(frozen=True)
class Code:
    """One entry of a code list."""

    code: str
    zh: str
    en: str


class CodeList:
    """An ordered, immutable list of codes with lookups both ways."""

    def __init__(self, name: str, entries: Tuple[Code, ...]):
        self.name = name
        self.entries = entries
        self._by_code = {entry.code: entry for entry in entries}
        self._by_zh = {entry.zh: entry for entry in entries}
        if len(self._by_code) != len(entries):
            raise ValueError("duplicate code in " + name)

    def __iter__(self) -> Iterator[Code]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def codes(self) -> Tuple[str, ...]:
        return tuple(entry.code for entry in self.entries)

    def label(self, code: Optional[str], default: str = "") -> str:
        """Chinese label of ``code``; ``default`` for unknown or empty codes."""
        entry = self._by_code.get(code) if code is not None else None
        return entry.zh if entry else default

    def code_of(self, label: str) -> Optional[str]:
        """Stored code for a Chinese label, or None."""
        entry = self._by_zh.get(label)
        return entry.code if entry else None

    def value_map(self) -> dict:
        """``{label: code}`` in list order, the form QGIS's ValueMap widget takes."""
        return {entry.zh: entry.code for entry in self.entries}


def _codes(name: str, *rows: Tuple[str, str, str]) -> CodeList:
    return CodeList(name, tuple(Code(*row) for row in rows))


BENGGANG_SHAPE = _codes(
    "benggang_shape",
    ("1", "瓢形", "ladle"),
    ("2", "条形", "strip"),
    ("3", "爪形", "claw"),
    ("4", "弧形", "arc"),
    ("5", "混合形", "mixed"),
    ("6", "崩岗群", "cluster"),
)

BENGGANG_ACTIVITY = _codes(
    "benggang_activity",
    ("1", "活动型", "active"),
    ("2", "相对稳定型", "relatively stable"),
)

BENGGANG_SCALE = _codes(
    "benggang_scale",
    ("S", "小型", "small"),
    ("M", "中型", "medium"),
    ("L", "大型", "large"),
)

BENGGANG_PART = _codes(
    "benggang_part",
    ("1", "集水坡面", "water-collecting slope"),
    ("2", "崩壁", "headwall"),
    ("3", "崩积体", "colluvium"),
    ("4", "沟道", "channel"),
    ("5", "冲积扇", "debris fan"),
)

TREATMENT_STATUS = _codes(
    "treatment_status",
    ("0", "未治理", "untreated"),
    ("1", "治理中", "under treatment"),
    ("2", "已治理", "treated"),
)

EROSION_GRADE = _codes(
    "erosion_grade",
    ("1", "微度", "slight"),
    ("2", "轻度", "light"),
    ("3", "中度", "moderate"),
    ("4", "强烈", "intense"),
    ("5", "极强烈", "very intense"),
    ("6", "剧烈", "severe"),
)

COMPLIANCE = _codes(
    "compliance",
    ("01", "合规", "compliant"),
    ("02", "疑似未批先建", "suspected built without approval"),
    ("03", "未批先建", "built without approval"),
    ("04", "疑似超出防治责任范围", "suspected beyond approved boundary"),
    ("05", "超出防治责任范围", "beyond approved boundary"),
    ("06", "疑似建设地点变更", "suspected location change"),
    ("07", "建设地点变更", "location changed"),
    ("08", "已批", "approved"),
    ("09", "可不编报方案", "no plan required"),
)

DISTURBANCE_TYPE = _codes(
    "disturbance_type",
    ("1", "弃土(渣)场", "spoil site"),
    ("2", "取土(石)场", "borrow site"),
    ("3", "其他扰动", "other disturbance"),
    ("4", "非生产建设项目", "not a construction project"),
)

CHANGE_TYPE = _codes(
    "change_type",
    ("1", "新增", "new"),
    ("2", "续建(范围扩大)", "continued, enlarged"),
    ("3", "续建(范围缩小)", "continued, reduced"),
    ("4", "续建(范围不变)", "continued, unchanged"),
    ("5", "完工", "completed"),
)

CONSTRUCTION_STATE = _codes(
    "construction_state",
    ("1", "未开工", "not started"),
    ("2", "停工", "suspended"),
    ("3", "施工", "under construction"),
    ("4", "完工", "completed"),
    ("5", "已验收", "accepted"),
)

DEVELOPMENT_TYPE = _codes(
    "development_type",
    ("1", "果园", "orchard"),
    ("2", "脐橙", "navel orange"),
    ("3", "油茶", "camellia oil"),
    ("4", "茶园", "tea garden"),
    ("5", "经济林", "economic forest"),
    ("6", "林地开发", "forestry development"),
    ("9", "其他", "other"),
)

CASE_STATUS = _codes(
    "case_status",
    ("1", "待核查", "found"),
    ("2", "已认定", "identified"),
    ("3", "已整改", "rectified"),
    ("4", "已处罚", "penalised"),
    ("5", "已销号", "closed"),
)

#: Case workflow 查-认-改-罚 (SPEC): allowed next statuses of each case status.  The
#: one place the steps are defined; a false alarm closes from 待核查, an identified
#: case may be fined without rectification (已认定 → 已处罚) or rectified and closed.
CASE_TRANSITIONS = {
    "1": ("2", "5"),
    "2": ("3", "4"),
    "3": ("4", "5"),
    "4": ("5",),
    "5": (),
}

#: Confirming a case (待核查 → 已认定) turns the parcel's suspected compliance class
#: into the confirmed one.
CONFIRMED_COMPLIANCE = {"02": "03", "04": "05", "06": "07"}

PARTY_TYPE = _codes(
    "party_type",
    ("1", "个人", "individual"),
    ("2", "单位", "unit"),
)

#: Penalty ceiling per m² of the offending area by party type (SPEC, Ganzhou
#: regulation), for the classes that are fined by area.
#: Party type -> setting of the fine ceiling in 元/m² (SPEC: 2 individual, 10 unit).
PENALTY_SETTINGS = {"1": "penalty/individual_yuan_per_m2", "2": "penalty/unit_yuan_per_m2"}
PENALISED_COMPLIANCE = ("03", "05")

MEASURE_CLASS = _codes(
    "measure_class",
    ("E", "工程措施", "engineering"),
    ("V", "林草措施", "vegetation"),
    ("T", "耕作措施", "tillage"),
)

MEASURE_UNIT = _codes(
    "measure_unit",
    ("hm2", "hm²", "hectare"),
    ("m", "m", "metre"),
    ("m3", "m³", "cubic metre"),
    ("zuo", "座", "structure"),
    ("chu", "处", "site"),
)

TREATMENT_MODE = _codes(
    "treatment_mode",
    ("1", "生态恢复", "ecological restoration"),
    ("2", "农林开发", "farm/forestry development"),
    ("3", "新增造地", "new farmland"),
    ("4", "综合", "integrated"),
)

WATERSHED_TYPE = _codes(
    "watershed_type",
    ("1", "生态清洁型", "eco-clean"),
    ("2", "生态经济型", "eco-economic"),
    ("3", "生态旅游型", "eco-tourism"),
)

TOWNSHIP_KIND = _codes(
    "township_kind",
    ("镇", "镇", "town"),
    ("乡", "乡", "township"),
)

#: Severity of a validation finding (stored as the English word, shown 高/中/低).
SEVERITY = _codes(
    "severity",
    ("high", "高", "high"),
    ("medium", "中", "medium"),
    ("low", "低", "low"),
)

ALL_CODE_LISTS: Tuple[CodeList, ...] = (
    BENGGANG_SHAPE,
    BENGGANG_ACTIVITY,
    BENGGANG_SCALE,
    BENGGANG_PART,
    TREATMENT_STATUS,
    EROSION_GRADE,
    COMPLIANCE,
    DISTURBANCE_TYPE,
    CHANGE_TYPE,
    CONSTRUCTION_STATE,
    DEVELOPMENT_TYPE,
    CASE_STATUS,
    PARTY_TYPE,
    MEASURE_CLASS,
    MEASURE_UNIT,
    TOWNSHIP_KIND,
    TREATMENT_MODE,
    WATERSHED_TYPE,
    SEVERITY,
)
