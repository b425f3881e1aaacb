"""The choropleth as a static PNG or PDF (matplotlib), for slides and printed notes.

Drawn offline from the reference geography, no web tiles, in Lambert-93 so that
the scale bar is true. Same classes and colours as the interactive map
(`report.classes`): zero is its own class.
"""
from __future__ import annotations

import io
import warnings
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")  # no display on a server

import folium  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib import patheffects  # noqa: E402
from matplotlib.collections import PatchCollection  # noqa: E402
from matplotlib.patches import Patch, PathPatch, Rectangle  # noqa: E402
from matplotlib.path import Path as MPath  # noqa: E402

import config  # noqa: E402
from geo import reference  # noqa: E402
from geo.levels import LAYERS, SINGULAR, check  # noqa: E402
from geo.reference import LAMBERT93  # noqa: E402
from initiatives import metrics  # noqa: E402
from initiatives.filters import Filters  # noqa: E402
from report import maps, place_labels, sources as src  # noqa: E402
from report.classes import classify  # noqa: E402
from report.export_data import anonymised  # noqa: E402
from report.initiatives_map import MapOptions, build_map  # noqa: E402

FORMATS = ("png", "pdf")
BORDER = "#3a3a5c"
HATCH, HATCH_COLOR = "////", "#7a8aa8"
HATCH_LABEL = "seulement via un territoire\ncité en bloc (hachurée)"
plt.rcParams["font.family"] = "DejaVu Sans"  # bundled with matplotlib: every French glyph


def values(store, filters: Filters | None = None, level: str = "commune",
           per_10k: bool = False, dep: str | None = None):
    """(values by code, legend title) as on the map page: `counts_per_unit`."""
    check(level)
    counts = metrics.counts_per_unit(store, filters or Filters(), level, dep,
                                     commune_only=True)
    column = "per_10k" if per_10k else "initiatives"
    title = ("Initiatives nommées pour 10 000 habitants" if per_10k
             else "Initiatives nommées")
    return counts.set_index("code")[column], title


def _scale_bar(ax, extent_m: float) -> None:
    """A bar of a round length (10, 20 or 50 km) at the bottom left."""
    length = next((k for k in (10, 20, 50, 100) if k * 1000 >= extent_m / 8), 100) * 1000
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    x, y = x0 + (x1 - x0) * 0.04, y0 + (y1 - y0) * 0.04
    h = (y1 - y0) * 0.008
    ax.add_patch(Rectangle((x, y), length / 2, h, facecolor="black", edgecolor="black"))
    ax.add_patch(Rectangle((x + length / 2, y), length / 2, h, facecolor="white",
                           edgecolor="black"))
    for dx, label in ((0, "0"), (length, f"{length // 1000} km")):
        ax.text(x + dx, y + 2.2 * h, label, ha="center", va="bottom", fontsize=7)


HALO = [patheffects.withStroke(linewidth=2.2, foreground="white")]


def _place_names(ax, dep: str, size: float = 1.0) -> None:
    """The arrondissements' names (spaced capitals) and the main towns (a dot and the
    name), the same places as on the interactive map (`report.place_labels`)."""
    for lb in place_labels.labels(dep):
        if lb.kind == "arrondissement":
            ax.text(lb.x, lb.y, " ".join(plain(lb.nom).upper()).replace("   ", "  "),
                    ha="center", va="center", fontsize=5.6 * size, color="#3a3a5c",
                    fontweight="bold", path_effects=HALO, zorder=5)
        else:
            ax.plot(lb.x, lb.y, "o", markersize=2.6 * size, color="#1e1e2e",
                    markeredgecolor="white", markeredgewidth=0.5, zorder=6)
            ax.text(lb.x + 1200, lb.y, plain(lb.nom), ha="left", va="center",
                    fontsize=(6.6 if lb.seat else 6) * size, color="#1e1e2e",
                    fontweight="bold" if lb.seat else "normal", path_effects=HALO, zorder=6)


def _north_arrow(ax) -> None:
    ax.annotate("N", xy=(0.95, 0.95), xytext=(0.95, 0.87), xycoords="axes fraction",
                ha="center", va="center", fontsize=9, fontweight="bold",
                arrowprops={"arrowstyle": "-|>", "color": "black", "lw": 1.2})


@lru_cache(maxsize=8)
def _projected(name: str, dep: str):
    """A reference layer in Lambert-93 as (codes, matplotlib paths); do not mutate."""
    geo = reference.layer(name, dep).to_crs(LAMBERT93)
    return list(geo["code"]), [_path(g) for g in geo.geometry]


def _path(geom) -> MPath:
    """One compound path per (multi)polygon, holes included."""
    verts, codes = [], []
    for poly in getattr(geom, "geoms", [geom]):
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)[:, :2]
            verts.append(xy)
            codes.append([MPath.MOVETO] + [MPath.LINETO] * (len(xy) - 2) + [MPath.CLOSEPOLY])
    return MPath(np.concatenate(verts), np.concatenate(codes))


def _draw(ax, paths, **style) -> None:
    # one collection, drawn once (GeoDataFrame.plot redraws the whole figure per call)
    ax.add_collection(PatchCollection([PathPatch(p) for p in paths], **style))


def plain(text: str) -> str:
    """Untrusted text (titles and footers cite releases) for matplotlib: each `$` a dollar
    sign, never maths (`$x$` drawn as a formula, `$$` or `$a_b_c$` failing the export).
    `parse_math=False` is not enough: wrapped text is measured as maths all the same."""
    return text.replace("$", r"\$")


def figure(series, title: str, legend_title: str, footer: str, level: str = "commune",
           dep: str | None = None, scheme: str = "quantiles", k: int = 5,
           decimals: int = 0, size: tuple[float, float] = (8, 7), north: bool = True,
           hatched: frozenset[str] = frozenset(), labels: float = 1.0):
    """A matplotlib figure of `series` (values by unit code; missing units are zero).
    `hatched`: communes reached only through a territory cited in bloc, hatched over
    their colour so they never read as communes where an initiative is named.
    `labels`: the size of the place names (1 for a page-wide map), 0 for none."""
    dep = dep or config.departement()
    codes, paths = _projected(LAYERS[level], dep)
    y = pd.Series(codes).map(series).fillna(0).astype(float)
    with warnings.catch_warnings():  # mapclassify warns when values repeat; fewer classes is fine
        warnings.simplefilter("ignore", UserWarning)
        classes = classify(y.tolist(), scheme, k, decimals)
    fig, ax = plt.subplots(figsize=size, layout="constrained")
    ax.set_axis_off()
    _draw(ax, paths, facecolors=[classes.color(v) for v in y], edgecolors="#8a8aa3",
          linewidths=0.2 if level == "commune" else 0.6)
    marked = [p for c, p in zip(codes, paths) if c in hatched] if level == "commune" else []
    if marked:
        _draw(ax, marked, facecolors="none", edgecolors=HATCH_COLOR, linewidths=0,
              hatch=HATCH)
    if level != "arrondissement":
        _draw(ax, _projected("arrondissements", dep)[1], facecolors="none", edgecolors=BORDER,
              linewidths=0.9)
    _draw(ax, _projected("departement", dep)[1], facecolors="none", edgecolors="black",
          linewidths=1.1)
    ax.autoscale_view()
    ax.set_aspect("equal")
    if labels:
        _place_names(ax, dep, labels)
    ax.set_title(plain(title), loc="left", fontsize=13, fontweight="bold")
    handles = [Patch(facecolor=c, edgecolor="#777", label=label)
               for c, label in classes.legend()]
    if marked:
        handles.append(Patch(facecolor="white", edgecolor=HATCH_COLOR, hatch=HATCH,
                             label=HATCH_LABEL))
    ax.legend(handles=handles, title=legend_title, loc="lower right", fontsize=8,
              title_fontsize=8.5, frameon=True, framealpha=0.95)
    x0, x1 = ax.get_xlim()
    _scale_bar(ax, x1 - x0)
    if north:
        _north_arrow(ax)
    if footer:
        fig.text(0.01, 0.005, plain(footer), fontsize=7, color="#444", ha="left",
                 va="bottom", wrap=True)
    fig.get_layout_engine().set(h_pad=0.3)
    return fig


def render(fig, fmt: str, dpi: int = 200, tight: bool = False) -> bytes:
    if fmt not in FORMATS:
        raise ValueError(f"Format inconnu : {fmt} (png ou pdf).")
    out = io.BytesIO()
    fig.savefig(out, format=fmt, dpi=dpi, bbox_inches="tight" if tight else None,
                pad_inches=0.04, metadata={"Title": fig.axes[0].get_title(loc="left")}
                if fmt == "pdf" else None)
    plt.close(fig)
    return out.getvalue()


def title_of(level: str, per_10k: bool) -> str:
    what = "Initiatives solidaires pour 10 000 habitants" if per_10k else "Initiatives solidaires"
    return f"{what} par {SINGULAR[level]}"


def choropleth(store, filters: Filters | None = None, level: str = "commune",
               per_10k: bool = False, fmt: str = "png", dep: str | None = None,
               dpi: int = 200, size: tuple[float, float] = (8, 7), north: bool = True,
               footer: str | None = None, title: str | None = None,
               tight: bool = False, labels: float = 1.0) -> bytes:
    """The map page's choropleth of the filtered data as PNG or PDF bytes."""
    dep, filters = dep or config.departement(), filters or Filters()
    series, legend_title = values(store, filters, level, per_10k, dep)
    hatched = frozenset(metrics.territory_only(store, filters, dep)) \
        if level == "commune" else frozenset()
    if footer is None:
        footer = src.footer(src.cited_by_figures(store, filters, dep), dep)
    footer = " ; ".join(t for t in (footer, "fonds : IGN (Admin Express), INSEE (COG, "
                                          "populations légales)") if t)
    title = title or f"{title_of(level, per_10k)} — {reference.departement_name(dep)}"
    fig = figure(series, title,
                 legend_title, footer, level, dep, decimals=1 if per_10k else 0, size=size,
                 north=north, hatched=hatched, labels=labels)
    return render(fig, fmt, dpi, tight)


def interactive_html(store, filters: Filters | None = None, level: str = "commune",
                     per_10k: bool = False, dep: str | None = None,
                     anonymise: bool = True) -> bytes:
    """The app's interactive map (choropleth, territory areas, markers with their
    sources) as one self-contained HTML file, Leaflet inlined: it opens without
    the app and without internet. Anonymised by default, like the briefing: no private
    person's name (in any variant), e-mail or phone in markers, areas or sources."""
    dep, filters = dep or config.departement(), filters or Filters()
    store = anonymised(store, anonymise)
    options = MapOptions(level=level, measure="per_10k" if per_10k else "initiatives",
                         collapsed=False, anonymise=anonymise)
    m = build_map(store, filters, dep, options)
    footer = src.footer(src.cited_by_figures(store, filters, dep), dep)
    title = f"{title_of(level, per_10k)} — {reference.departement_name(dep)}"
    m.get_root().html.add_child(folium.Element(
        f"<div style='position:absolute;z-index:9999;top:8px;left:54px;background:#fff;"
        f"padding:4px 8px;border:1px solid #999;border-radius:4px;font:13px sans-serif'>"
        f"<b>{maps.safe(title)}</b><br><span style='font-size:11px;color:#444'>"
        f"{maps.safe(footer)}</span></div>"))
    m.get_root().title = title
    return maps.standalone_html(m).encode("utf-8")
