"""Domain: initiatives extracted from press releases, their store and metrics."""
