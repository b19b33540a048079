"""Anonymous statistics for coordinators: event counts per hour, the monthly table, charts, advice."""
