"""Docks and map tools; each dock calls the same core function as its algorithm."""
