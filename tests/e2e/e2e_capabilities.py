"""Capability steps of the e2e: one per dock, driven through its widgets.

A dock is found by a keyword of its module name in ``DOCK_CLASSES``; a step is
skipped only while its dock is not registered.
"""

from __future__ import annotations

from typing import Callable, List, Optional, Tuple

from e2e_steps import Context, Skip


def find_module(ctx: Context, *keywords: str) -> Optional[str]:
    plugin_module = __import__(ctx.plugin_name + ".plugin", fromlist=["DOCK_CLASSES"])
    for module_name, class_name in plugin_module.DOCK_CLASSES:
        name = (module_name + " " + class_name).lower()
        if any(keyword in name for keyword in keywords):
            return module_name
    return None


def _needs(ctx: Context, keywords: Tuple[str, ...], label: str,
           function: Callable[[Context, str], object]) -> Callable[[], object]:
    def run():
        module = find_module(ctx, *keywords)
        if module is None:
            return Skip(label + " dock not registered in DOCK_CLASSES")
        return function(ctx, module)
    return run


def steps(ctx: Context) -> List[Tuple[str, Callable]]:
    return [
        ("digitize_gully", _needs(ctx, ("benggang", "gully"), "collapse gully",
                                  digitize_gully)),
        ("tag_measure", _needs(ctx, ("measure",), "treatment measure", tag_measure)),
        ("township_stats", _needs(ctx, ("stat",), "township statistics", township_stats)),
        ("parcel_validation", _needs(ctx, ("parcel", "inspect", "valid"),
                                     "parcel inspection", parcel_validation)),
        ("atlas", _needs(ctx, ("atlas",), "atlas", atlas)),
    ]


def digitize_gully(ctx: Context, module: str):
    raise AssertionError("e2e step not written yet for " + module)


def tag_measure(ctx: Context, module: str):
    raise AssertionError("e2e step not written yet for " + module)


def township_stats(ctx: Context, module: str):
    raise AssertionError("e2e step not written yet for " + module)


def parcel_validation(ctx: Context, module: str):
    raise AssertionError("e2e step not written yet for " + module)


def atlas(ctx: Context, module: str):
    raise AssertionError("e2e step not written yet for " + module)
