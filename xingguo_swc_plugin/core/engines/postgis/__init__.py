"""The PostGIS engine: the same computations as SQL on the server."""
