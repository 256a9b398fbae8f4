"""Treatment measure taxonomy of SPEC.md: the seed of the workspace table.

The bureau extends the taxonomy in the workspace (table ``measure_type``); this
list is only what a new workspace starts with.  A measure whose unit is an area
(hm²) takes its default quantity from the tagged feature's area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Tuple


@dataclass(frozen=True)
class MeasureType:
    """One measure: stored code, class code (E/V/T), labels and unit code;
    ``terrace`` marks measures that satisfy the terrace rule (梯田, 台地,
    水平竹节沟 and contour measures; stored in ``measure_type.tt``)."""

    code: str
    measure_class: str
    zh: str
    en: str
    unit: str
    terrace: bool = False

    @property
    def is_area(self) -> bool:
        return self.unit == "hm2"


SEED_MEASURES: Tuple[MeasureType, ...] = (
    MeasureType("E01", "E", "梯田(土坎)", "terrace, earth bank", "hm2", True),
    MeasureType("E02", "E", "梯田(石坎)", "terrace, stone bank", "hm2", True),
    MeasureType("E03", "E", "截水沟", "intercepting ditch", "m"),
    MeasureType("E04", "E", "排水沟", "drainage ditch", "m"),
    MeasureType("E05", "E", "截排水沟", "intercepting and drainage ditch", "m"),
    MeasureType("E06", "E", "谷坊", "check dam", "zuo"),
    MeasureType("E07", "E", "拦沙坝", "sediment dam", "zuo"),
    MeasureType("E08", "E", "塘坝", "pond dam", "zuo"),
    MeasureType("E09", "E", "蓄水池", "storage tank", "zuo"),
    MeasureType("E10", "E", "沉沙池", "sedimentation basin", "zuo"),
    MeasureType("E11", "E", "挡土墙", "retaining wall", "m"),
    MeasureType("E12", "E", "削坡开级", "slope cutting and benching", "m3"),
    MeasureType("E13", "E", "削坡开级(面积)", "slope cutting and benching (area)", "hm2"),
    MeasureType("E14", "E", "沟头防护", "gully head protection", "chu"),
    MeasureType("E15", "E", "沟头防护(长度)", "gully head protection (length)", "m"),
    MeasureType("E16", "E", "水平竹节沟", "level bamboo-node trench", "m", True),
    MeasureType("E17", "E", "台地", "bench platform", "hm2", True),
    MeasureType("V01", "V", "乔木林", "arbor forest", "hm2"),
    MeasureType("V02", "V", "灌木林", "shrub forest", "hm2"),
    MeasureType("V03", "V", "经济林/果园", "economic forest / orchard", "hm2"),
    MeasureType("V04", "V", "种草", "grass planting", "hm2"),
    MeasureType("V05", "V", "封育治理", "closure for natural recovery", "hm2"),
    MeasureType("T01", "T", "等高耕作/农业耕作", "contour tillage", "hm2", True),
)

#: Seed measures that count as terraces for the TERRACE_REQUIRED rule (the
#: workspace's own flags in ``measure_type.tt`` are what the rule reads).
TERRACE_MEASURES: Tuple[str, ...] = tuple(m.code for m in SEED_MEASURES if m.terrace)
