"""The 25 townships of Xingguo County, keyed on their 9-digit code (xzqdm).

The CSV beside this module is a copy of ``shared/domain/townships.csv``
(a test keeps them equal).  Names have variants (古龙冈/古龙岗): look up by code.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Tuple

CSV_PATH = Path(__file__).with_name("townships.csv")

#: Known name variants -> the name used in townships.csv.
NAME_VARIANTS = {"古龙岗镇": "古龙冈镇", "古龙岗": "古龙冈镇", "长岗乡": "长冈乡"}


@dataclass(frozen=True)
class Township:
    xzqdm: str
    xzqmc: str
    pinyin: str
    kind: str


def load_townships() -> Tuple[Township, ...]:
    with CSV_PATH.open(encoding="utf-8") as handle:
        return tuple(Township(**row) for row in csv.DictReader(handle))


TOWNSHIPS: Tuple[Township, ...] = load_townships()
TOWNSHIPS_BY_CODE: Dict[str, Township] = {t.xzqdm: t for t in TOWNSHIPS}


def code_for_name(name: str) -> str:
    """Township code for a name or a known variant; KeyError if unknown."""
    name = NAME_VARIANTS.get(name.strip(), name.strip())
    for township in TOWNSHIPS:
        if name in (township.xzqmc, township.xzqmc[:-1]):
            return township.xzqdm
    raise KeyError(name)
