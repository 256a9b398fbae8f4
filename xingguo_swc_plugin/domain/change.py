"""Change classes between two deliveries of disturbance parcels (扰动图斑).

The output of ``xingguoswc:parcelchange`` names the class in Chinese (a domain
label, like the code lists); ``CHANGE_TYPE_CODE`` maps it to the SPEC code list
``codes.CHANGE_TYPE`` of the workspace field ``parcel.bhlx``.
"""

from __future__ import annotations

from typing import Dict, Optional

NEW = "新增"
GROWN = "扩大"
SHRUNK = "缩小"
UNCHANGED = "不变"
GONE = "消失"

#: Display and count order.
CLASSES = (NEW, GROWN, SHRUNK, UNCHANGED, GONE)

#: How the parcel relates to the previous delivery.
ONE_TO_ONE = "一对一"
SPLIT = "分割"
MERGE = "合并"
SPLIT_MERGE = "分割合并"

#: Change class -> code of ``codes.CHANGE_TYPE`` (新增 1, 续建 扩大/缩小/不变 2/3/4).
#: A parcel gone from the delivery is not a parcel of it: no code.
CHANGE_TYPE_CODE: Dict[str, Optional[str]] = {
    NEW: "1",
    GROWN: "2",
    SHRUNK: "3",
    UNCHANGED: "4",
    GONE: None,
}


# --- which parcels are "new development" (issue 17 rules) -----------------------------

#: ``codes.CHANGE_TYPE`` codes of new development: 新增 and 续建(范围扩大).
NEW_DEVELOPMENT_CODES = ("1", "2")
#: ``codes.DEVELOPMENT_TYPE`` codes of orchards (果园, 脐橙) and of navel oranges.
ORCHARD_CODES = ("1", "2")
NAVEL_ORANGE_CODE = "2"


def code_in(value: str, codelist, wanted) -> Optional[bool]:
    """Whether a field value (code or Chinese/English label) is one of ``wanted``
    codes; None when the value is empty or not of the code list (unknown)."""
    text = (value or "").strip()
    if not text:
        return None
    code = text if text in codelist else codelist.code_of(text)
    if code is None:
        return None
    return code in wanted
