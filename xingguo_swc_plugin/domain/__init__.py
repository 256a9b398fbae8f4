"""Domain facts of SPEC.md: codes, thresholds, units, taxonomy.  Pure Python, no Qt."""
