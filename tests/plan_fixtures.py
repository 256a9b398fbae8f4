"""A sample workspace with what the plan figures depend on (dashboard, stats
dock and consistency tests)."""

from __future__ import annotations

import random

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from xingguo_swc_plugin.core.workspace.geopackage import open_workspace


def layer(path: str, name: str) -> QgsVectorLayer:
    return QgsVectorLayer(path + "|layername=" + name, name, "ogr")


def add_plan_figures(sample_copy: str) -> str:
    """The sample workspace with what the plan figures depend on: gullies treated
    in and out of the window (with bgsl > 1 and without a year), area measures
    covering part of their feature, land treated before the window and again."""
    from xingguo_swc_plugin.core.measure_tagging import tag_features

    rng = random.Random(5)
    ws = open_workspace(sample_copy)
    gullies = ws.layer("benggang")
    fields = gullies.fields()
    changes = {}
    for feature in rng.sample(list(gullies.getFeatures()), 40):
        year = rng.choice([2019, 2021, 2022, 2023, 2024, 2025, 2026, None])
        changes[feature.id()] = {
            fields.indexOf("zlzt"): "2",
            fields.indexOf("zlnd"): year,
            fields.indexOf("bgsl"): rng.choice([1, 1, 2, 3]),
        }
    assert gullies.dataProvider().changeAttributeValues(changes)
    parcels = ws.layer("parcel")
    measure = ws.layer("measure")
    ids = [f.id() for f in parcels.getFeatures()]
    tag_features(measure, parcels, rng.sample(ids, 30), "V02", 0.05, 2023, commit=True)
    again = rng.sample(ids, 20)
    tag_features(measure, parcels, again, "V01", None, 2019, commit=True)
    tag_features(measure, parcels, again[:10], "V01", None, 2024, commit=True)
    tag_features(measure, parcels, rng.sample(ids, 25), "V04", None, 2022, commit=True)
    tag_features(measure, parcels, rng.sample(ids, 25), "E03", 300, 2023, commit=True)
    # small watersheds: pairs of townships merged (a zoning other than townships)
    towns = sorted(layer(sample_copy, "township").getFeatures(), key=lambda f: f["xzqdm"])
    watershed = ws.layer("watershed")
    # this zoning replaces the sample's own small watersheds (a zoning must not overlap)
    assert watershed.dataProvider().deleteFeatures([f.id() for f in watershed.getFeatures()])
    features = []
    for number, start in enumerate(range(0, 10, 2)):
        feature = QgsFeature(watershed.fields())
        feature.setAttribute("uuid", "ws-{0}".format(number))
        feature.setAttribute("lydm", "LY{0:02d}".format(number + 1))
        feature.setAttribute("lymc", "小流域{0}".format(number + 1))
        feature.setGeometry(
            QgsGeometry.unaryUnion([towns[start].geometry(), towns[start + 1].geometry()])
        )
        features.append(feature)
    assert watershed.dataProvider().addFeatures(features)[0]
    return sample_copy
