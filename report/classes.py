"""Class breaks for choropleths (mapclassify) and the colours of the app.

Zero is a class of its own: for the crisis cell, "no initiative" is the
information, not the bottom of a quantile.
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from initiatives.formatting import format_number
from initiatives.model import CATEGORIES

SCHEMES = {"quantiles": "Quantiles", "natural_breaks": "Seuils naturels (Jenks)",
           "equal_interval": "Intervalles égaux"}
ZERO_COLOR = "#f2f2f2"
# sequential, colour-blind safe (ColorBrewer YlGnBu)
SEQUENTIAL = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]
# one colour per category (ColorBrewer Dark2 + grey for "autre")
CATEGORY_COLORS = dict(zip(CATEGORIES, ["#1b9e77", "#d95f02", "#7570b3", "#e7298a",
                                        "#66a61e", "#e6ab02", "#a6761d", "#666666"]))


@dataclass(frozen=True)
class Classes:
    bins: tuple[float, ...]      # upper bounds of the non-zero classes
    colors: tuple[str, ...]
    labels: tuple[str, ...]      # the legend, zero class first
    decimals: int = 0

    def color(self, value: float) -> str:
        if not value or np.isnan(value):
            return ZERO_COLOR
        for bound, color in zip(self.bins, self.colors):
            if value <= bound:
                return color
        return self.colors[-1]

    def legend(self) -> list[tuple[str, str]]:
        return list(zip((ZERO_COLOR, *self.colors), self.labels))


def classify(values, scheme: str = "quantiles", k: int = 5, decimals: int = 0) -> Classes:
    """Breaks over the positive values; at most `k` classes, fewer when values repeat."""
    y = np.asarray([v for v in values if v and not np.isnan(v)], dtype=float)
    zero = "0 (aucune)" if decimals == 0 else "0"
    if y.size == 0:
        return Classes((), (), (zero,), decimals)
    k = max(1, min(k, len(np.unique(y))))
    if k == 1:
        bins = (float(y.max()),)
    else:
        # imported here: mapclassify pulls in scipy.stats, ~3 s off the app's cold start
        import mapclassify
        with warnings.catch_warnings():  # "not enough unique values": k is capped above
            warnings.simplefilter("ignore")
            bins = tuple(float(b) for b in mapclassify.classify(y, scheme, k=k).bins)
    if decimals == 0 and np.all(y == np.floor(y)):
        # counts: whole bounds, so a class reads "2 à 3", never "2 à 1" (a quantile
        # of 1,4 between counts 1 and 2); the same counts fall in the same classes
        bins = tuple(float(np.floor(b)) for b in bins if np.floor(b) >= y.min())
    bins = tuple(dict.fromkeys(bins))  # drop repeated bounds
    # spread the classes over the palette, darkest for the highest
    picks = np.linspace(len(SEQUENTIAL) - 1, 1, len(bins)).round().astype(int)[::-1]
    colors = tuple(SEQUENTIAL[i] for i in picks)
    labels, low = [zero], float(y.min())
    for bound in bins:
        a, b = format_number(low, decimals), format_number(bound, decimals)
        labels.append(a if a == b else f"{a} à {b}")
        low = bound + (1 if decimals == 0 else 10 ** -decimals)
    return Classes(bins, colors, tuple(labels), decimals)
