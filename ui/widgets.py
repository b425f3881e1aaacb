"""Drawing helpers shared by the pages: key figures with their sources, the map,
tables of sources, escaped text.

Text from releases or users is untrusted: it goes through `md()` before
`st.markdown`, or into `st.dataframe` / `st.text`, never `unsafe_allow_html`.
"""
from __future__ import annotations

import html
import re
import threading
from urllib.parse import quote

import folium
import streamlit as st
import streamlit_folium
from folium.elements import ElementAddToElement, JSCSSMixin
from streamlit_folium import generate_js_hash, generate_leaflet_string

from initiatives.filters import Filters
from initiatives.formatting import format_date, format_number
from initiatives.metrics import BESIDE_DONE, HEADLINE_ITEMS, KeyFigures
from initiatives.model import KIND_LABELS
from initiatives.store import MANUAL_SOURCE
from report import maps, wording
from report.sources import app_name
from ui import tables

_MAP_LOCK = threading.Lock()
DRAWN_KEY = "_carte_dessinee"      # this session's first map has been drawn
WAITING_KEY = "_suite_en_attente"  # the page's run drew the "rest coming" line
FIRST_PAINT = "premier-affichage"  # key of `filters.pending`'s line (class st-key-...)
REST_TIMEOUT = 5  # s: the rest of the page comes then even if the map never reports
_MD_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>$])")  # "$": no maths from untrusted text
FLASH_KEY = "_message"


# web addresses and e-mails in untrusted text: made links of our own, since escaping
# their `-` and `.` would break the markdown's automatic links (`fr\\-fr\\.facebook`)
_LINK = re.compile(r"(?P<url>\b(?:https?://|www\.)[^\s<>\"'`\\]+)"
                   r"|(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)", re.IGNORECASE)
_TRAILING = ".,;:!?»"


def _inert(text: str) -> str:
    return _MD_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def _link(match: re.Match) -> tuple[str, str]:
    """`[label](<href>)` for a web address (http, https) or an e-mail, and what trails it."""
    text = match.group(0)
    rest = ""
    while text and (text[-1] in _TRAILING or (text[-1] == ")"
                                               and text.count(")") > text.count("("))):
        text, rest = text[:-1], text[-1] + rest
    if match.group("mail"):
        href = "mailto:" + text
    else:
        href = text if text.lower().startswith("http") else "https://" + text
    href = quote(href, safe=":/?#[]@!$&'()*+,;=%~-._")
    return f"[{_inert(text)}](<{href}>)", _inert(rest)


def md(text) -> str:
    """Untrusted text made inert for st.markdown: HTML escaped, markdown specials too;
    web addresses and e-mails become links (http, https or mailto only)."""
    text, out, pos = str(text), [], 0
    for match in _LINK.finditer(text):
        link, rest = _link(match)
        out += [_inert(text[pos:match.start()]), link, rest]
        pos = match.end()
    out.append(_inert(text[pos:]))
    return "".join(out)


def page(title: str, icon: str = "🤝") -> None:
    """The browser tab: `Carte · Pas-de-Calais solidaire` (the département is a setting)."""
    st.set_page_config(page_title=f"{title} · {app_name()}", page_icon=icon, layout="wide")


def settle_map(m):
    """Make a (cached) folium map give st_folium the same script on every run.

    st_folium renames folium's elements on its first call; the `addTo` snippets a
    layer made before that keep the old names (a JS error on the next run) and the
    changing script would remount the map. Render and rename once, drop those
    snippets (each render makes them again under the settled names).
    """
    if getattr(m, "_settled", False):
        return m
    m.get_root().render()
    generate_leaflet_string(m)

    def purge(element):
        for name, child in list(element._children.items()):
            if isinstance(child, ElementAddToElement):
                del element._children[name]
            else:
                purge(child)
    purge(m)
    m._settled = True
    return m


class MapDrawn(folium.FeatureGroup):
    """Reports that the map is drawn: st_folium runs it once Leaflet has drawn the
    map's layers, and it sets the component's value (`window.Streamlit`, st_folium's
    component library), which reruns the page (`show_map(on_drawn=...)`)."""

    _template = folium.template.Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.featureGroup();
        // in the next task: the browser paints the layers before the rerun's elements
        setTimeout(function() {
          window.Streamlit.setComponentValue({"dessinee": true});
        }, 0);
        {% endmacro %}""")

    def __init__(self):
        super().__init__(name="Carte dessinée", control=False)


def show_map(m, key: str, height: int = 620, focus: str | None = None,
             dep: str | None = None, on_drawn=None):
    """A cached folium map, drawn with no data sent back (no rerun on map clicks).
    `focus`: a commune's code; the map moves to it and outlines it, without being
    drawn again (st_folium changes the view and adds the outline in place).
    `on_drawn`: called (then the page reruns) once the browser has drawn the map."""
    center = zoom = outline = None
    if focus:
        center, zoom = maps.commune_view(focus, dep)
        outline = maps.commune_outline(focus, dep)
    # added in place too: no new map, no new iframe, and dropped on the next run
    groups = [g for g in (outline, MapDrawn() if on_drawn else None) if g is not None]
    with _MAP_LOCK:  # cached maps are shared by sessions and st_folium mutates them
        args = rendered(m)
        try:
            added = "".join(streamlit_folium._get_feature_group_string(g, map=m, idx=i)
                            for i, g in enumerate(groups)) or None
        finally:  # st_folium adds the groups to the (cached) map: the next run's map
            for group in groups:  # would differ, be drawn anew and lose its layers
                m._children.pop(group.get_name(), None)
    # st_folium's call with returned_objects=[] and the container's width
    return streamlit_folium._component_func(
        **args, key=generate_js_hash(args["script"], key, False), height=height,
        width=None, returned_objects=[], default={}, zoom=zoom, center=center,
        feature_group=added, return_on_hover=False, layer_control=None, pixelated=False,
        on_change=on_drawn, wrap_longitude=False)


def rendered(m) -> dict:
    """What st_folium sends of a settled map (its script, header and links), rendered
    once and kept on the (cached) map: st_folium renders the whole map again on each
    run, 0.05 to 0.4 s of templates giving the same text (`settle_map`). Its own
    steps, in its order (streamlit-folium is pinned in requirements.txt)."""
    if getattr(m, "_rendered", None) is None:
        settle_map(m)
        m.render()
        html, header = streamlit_folium._get_html(m), streamlit_folium._get_header(m)
        script = streamlit_folium._get_map_string(m)
        css, js = [], []
        for element in _elements(m):  # the maps here have no branca colormap (d3)
            if isinstance(element, JSCSSMixin):
                css += [href for _, href in element.default_css]
                js += [src for _, src in element.default_js]
        m._rendered = {"script": script, "header": header, "html": html,
                       "id": streamlit_folium.get_full_id(m),
                       "css_links": list(dict.fromkeys(css)),
                       "js_links": list(dict.fromkeys(js))}
    return m._rendered


def _elements(element):
    yield element
    for child in element._children.values():
        yield from _elements(child)


def first_paint() -> bool:
    """The first run of a session in a browser, until its map reports drawn: a page
    then draws what comes with the map only, and the rest once it is drawn (the
    browser draws one thing at a time: every element before or beside the map delays
    it). Without a browser (AppTest, a script: no request headers) no map is drawn
    and nothing is waited for."""
    return bool(st.context.headers) and not st.session_state.get(DRAWN_KEY)


def map_drawn() -> None:
    """`show_map(on_drawn=...)`: the session's first map is drawn."""
    st.session_state[DRAWN_KEY] = True


@st.fragment(run_every=REST_TIMEOUT)
def _rest_timer() -> None:
    if st.session_state.pop(WAITING_KEY, False):  # the page's run: say what is coming
        st.caption("Chargement des filtres et de la suite de la page…")
        return
    map_drawn()  # the timer: the map never reported (a script error); the rest anyway
    st.rerun()


def rest_pending() -> None:
    """Under a first paint's map: a line saying the rest is coming, and a timer that
    brings it if the map never reports."""
    st.session_state[WAITING_KEY] = True
    _rest_timer()


def commune_search(dep: str | None = None, key: str = "carte_commune",
                   container=st) -> str | None:
    """A commune picked by typing its name (the code of the commune, or None)."""
    choices = maps.commune_choices(dep)
    return container.selectbox("Aller à une commune", list(choices), index=None,
                        format_func=choices.get, key=key,
                        placeholder="Tapez le nom d'une commune…",
                        help="La carte se centre sur la commune et l'entoure en rouge.")


def flash(message: str | None = None, kind: str = "success") -> None:
    """Keep a message across `st.rerun()` (set it), or show and drop it (no argument)."""
    if message is not None:
        st.session_state[FLASH_KEY] = (kind, message)
        return
    kind, text = st.session_state.pop(FLASH_KEY, (None, None))
    if text:
        getattr(st, kind)(text)


def release_labels(releases: list[dict]) -> dict[str, str]:
    labels = {r["id"]: r["label"] for r in releases}
    labels[""] = MANUAL_SOURCE
    return labels


def production_figures(kf: KeyFigures, filters: Filters | None = None
                       ) -> dict[str, tuple[str, str | None]]:
    """Headline items -> (done, how much of it is to review) as French text, for
    st.metric: `5 300`, `dont 1 200 à relire`. Goals are not here (see `goal_lines`)."""
    out = {}
    for item, p in kf.production.items():
        done = format_number(p["done"]) if p["done"] is not None else "–"
        beside = [f"{KIND_LABELS[k]} : {format_number(p[k])}" for k in BESIDE_DONE
                  if p.get(k)]
        review = wording.review_note(p["to_review"], p["done"], filters) \
            if p["done"] is not None else ""
        out[item] = (done, " · ".join(x for x in (review, *beside) if x) or None)
    return out


def goal_lines(kf: KeyFigures) -> list[str]:
    """`masques : 1 600 réalisés sur un objectif de 11 000 (15 %) pour l'initiative…`."""
    return [wording.goal_line(item, p["goal"]) for item, p in kf.production.items()
            if p.get("goal")]


def key_figures(kf: KeyFigures, filters: Filters | None = None) -> None:
    """The overview's figures; each one's origin is in `figure_sources` below.

    Coverage comes first, said plainly: communes where an initiative is named, then
    apart the communes reached only because their territory was mentioned, then the
    rest. The three are never added into one "communes touchées"."""
    total = format_number(kf.communes_total)
    st.caption(wording.COVERAGE_LEAD)
    row = st.columns(4)
    row[0].metric(
        "Communes nommées", f"{format_number(kf.communes_named)} / {total}",
        delta=f"{format_number(kf.population_named)} habitants", delta_color="off",
        delta_arrow="off",
        help="Communes citées comme lieu d'au moins une initiative, et leur population "
             f"municipale. {_review_sentence(kf.communes_named_to_review, kf.communes_named, filters, 'nommée(s) seulement par des initiatives')}")
    row[1].metric(
        "Via un territoire seulement", format_number(kf.communes_territory),
        delta=f"{format_number(kf.population_territory)} habitants", delta_color="off",
        delta_arrow="off",
        help="Communes d'un territoire cité en bloc (intercommunalité, calaisis…) où aucune "
             "initiative n'est nommée : comptées à part, jamais ajoutées aux communes "
             "nommées. Rien ne dit qu'une initiative y agit.")
    rest = kf.communes_total - kf.communes_named - kf.communes_territory
    row[2].metric("Sans initiative signalée", f"{format_number(rest)} / {total}",
                  delta=f"{format_number(kf.population_total - kf.population_named - kf.population_territory)} habitants",
                  delta_color="off", delta_arrow="off",
                  help="Ni nommées, ni dans un territoire cité. Ce qui n'est pas signalé "
                       "n'est pas forcément absent. La page Couverture liste les mairies "
                       "à appeler.")
    row[3].metric("Initiatives", format_number(kf.initiatives),
                  delta=wording.review_note(kf.initiatives_to_review, kf.initiatives, filters)
                  or None, delta_color="off", delta_arrow="off",
                  help="Initiatives placées dans le département qui passent les filtres ; "
                       f"dont {format_number(kf.initiatives_wide)} à l'échelle du "
                       "département ou nationales. « À relire » : pas encore vérifiées "
                       "par une personne.")
    row = st.columns(4)
    figures = production_figures(kf, filters)
    for col, item in zip(row, HEADLINE_ITEMS):
        done, beside = figures.get(item, ("–", None))  # no source, no figure
        col.metric(f"{item.capitalize()} réalisés" if item != "visières"
                   else "Visières réalisées", done, delta=beside, delta_color="off",
                   delta_arrow="off", help="Dernier chiffre cumulé connu de chaque "
                   "initiative, additionné (jamais la somme des communiqués successifs). "
                   "Les objectifs ne sont comparés qu'au réalisé de la même initiative.")
    row[3].metric("Dernier communiqué", format_date(kf.latest_release)
                  if kf.latest_release else "aucun")
    lines = goal_lines(kf)
    if lines:
        st.caption("Objectifs, initiative par initiative : "
                   + " — ".join(md(line) for line in lines) + ".")


def _review_sentence(part: int, total: int, filters: Filters | None, what: str) -> str:
    if filters is not None and filters.reviewed_only:
        return "Chiffres relus seulement."
    if not total:
        return ""
    if not part:
        return "Toutes nommées par des initiatives relues."
    return f"Dont {format_number(part)} {what} à relire."


def figure_sources(totals: dict | None, labels: dict[str, str],
                   title: str = "D'où viennent ces chiffres ?") -> None:
    """Every total's sentences and releases, one click away. `totals` None: a first
    paint (`first_paint`), the folded table comes with the rest of the page."""
    with st.expander(title):
        st.caption("Chaque total additionne le dernier chiffre connu de chaque initiative. "
                   "Voici, pour chacun, la phrase du communiqué dont il est tiré.")
        if totals is None:
            st.caption("Chargement du tableau…")
            return
        st.dataframe(tables.totals_frame(totals, labels), hide_index=True, width="stretch")


def sources_table(sources: list[dict]) -> None:
    st.dataframe(tables.sources_frame(sources), hide_index=True, width="stretch")


def source_caption(sources: list[dict]) -> None:
    """`Source : n°2 du 8 avril 2020, n°7 du 30 avril 2020` under a chart or table."""
    labels = [md(s["label"]) for s in sources]  # titles come from the releases
    st.caption("Source : " + (", ".join(labels) if labels else "aucun communiqué ne "
                              "correspond aux filtres") + ".")


def changes_since(releases: list[dict]):
    """The reference date of "what changed": empty means the previous release."""
    days = [r["date"] for r in releases if r["date"]]
    if not days:
        return None
    return st.columns([1, 3])[0].date_input("Depuis le", value=None, min_value=min(days), max_value=max(days),
                         format="DD/MM/YYYY", key="depuis",
                         help="Vide : depuis le communiqué précédent (l'avant-dernier). "
                              "Sinon, ce qui est paru après la date choisie.")


def changes(ch, labels: dict[str, str]) -> None:
    """What changed: one sentence, then the new initiatives, figures and communes."""
    st.markdown(md(wording.changes_summary(ch)))
    if ch.empty:
        return
    if len(ch.communes):
        st.caption("Communes nommées pour la première fois : "
                   + " ; ".join(md(wording.commune_change(r))
                                for _, r in ch.communes.head(8).iterrows())
                   + (" ; …" if len(ch.communes) > 8 else "") + ".")
    left, right = st.columns(2)
    with left:
        st.markdown(f"**Nouvelles initiatives ({format_number(len(ch.initiatives))})**")
        st.dataframe(tables.new_initiatives_frame(ch, labels), hide_index=True,
                     width="stretch", height=min(36 * (len(ch.initiatives) + 1) + 2, 300))
    with right:
        st.markdown(f"**Nouveaux chiffres ({format_number(len(ch.figures))})**")
        st.dataframe(tables.new_figures_frame(ch, labels), hide_index=True,
                     width="stretch", height=min(36 * (len(ch.figures) + 1) + 2, 300))
    if len(ch.communes) > 8:
        with st.expander("Toutes les communes nommées pour la première fois"):
            st.dataframe(tables.new_communes_frame(ch), hide_index=True, width="stretch")
