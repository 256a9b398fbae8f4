"""Processing provider and one thin algorithm per core operation."""
