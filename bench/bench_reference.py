"""Loading the reference layers: cold (read the GeoJSON) against cached (in memory)."""
from __future__ import annotations

from bench.timing import best_of, result
from geo import reference
from report import maps


def _cold() -> None:
    reference.clear_cache()
    for name in reference.LAYERS:
        reference.layer(name, "62")


def _warm() -> None:
    for name in reference.LAYERS:
        reference.layer(name, "62")


def run(quick: bool) -> list[dict]:
    repeat = 3 if quick else 10
    cold = best_of(_cold, repeat)
    _cold()
    warm = best_of(_warm, repeat * 10)
    maps.display_layer.cache_clear()
    html = maps.to_html(maps.base_map("62"))
    return [
        result("reference_load_cold", cold * 1000, "ms", repeat),
        # ratio: how many times faster the cached path is than the cold one
        result("reference_load_cached", warm * 1000, "ms", repeat * 10, baseline=cold * 1000),
        result("base_map_html_size", len(html.encode()) / 1000, "KB", 1),
    ]
