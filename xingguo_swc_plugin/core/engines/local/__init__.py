"""The local engine: bulk reading, numpy kernels, zoning, slope (GEOS/numpy)."""
