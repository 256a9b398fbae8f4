"""Area units of SPEC.md.  1 hm² = 10,000 m² = 15 亩; 1 亩 = 2000/3 m²."""

M2_PER_HM2 = 10_000.0
M2_PER_KM2 = 1_000_000.0
M2_PER_MU = 2000.0 / 3.0


def m2_to_hm2(area_m2: float) -> float:
    return area_m2 / M2_PER_HM2


def m2_to_km2(area_m2: float) -> float:
    return area_m2 / M2_PER_KM2


def m2_to_mu(area_m2: float) -> float:
    return area_m2 / M2_PER_MU
