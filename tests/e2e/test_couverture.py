"""The Couverture page in a real browser, with no internet (issue 6)."""
import pytest

from tests.helpers.browser import download

pytestmark = pytest.mark.e2e


def test_gap_map_draws_offline_and_call_list_downloads(offline_page, tmp_path):
    page = offline_page.goto("/Couverture")
    page.get_by_text("pas forcément absent").first.wait_for(timeout=30_000)
    frame = offline_page.map_frame()
    polygons = frame.locator("path.leaflet-interactive")
    polygons.nth(886).wait_for(state="attached", timeout=30_000)
    assert polygons.count() >= 887  # every commune, coloured by coverage
    assert frame.get_by_text("aucune initiative signalée").count() >= 1  # the legend
    offline_page.screenshot("couverture")

    file = download(offline_page, "Télécharger la liste (CSV)")
    assert file.suggested_filename.startswith("pas-de-calais-solidaire_appels_")
    assert file.suggested_filename.endswith(".csv")
    path = tmp_path / file.suggested_filename
    file.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0].startswith("Commune;Code INSEE;Population")
    assert offline_page.outside == []


def test_gap_map_draws_again_in_a_second_session(offline_page):
    # the map is cached between sessions; st_folium alters the object it draws, so a
    # cached map handed out twice used to stay blank ("geo_json_… is not defined")
    errors = []
    for _ in range(2):
        page = offline_page.goto("/Couverture")
        page.on("pageerror", lambda e: errors.append(str(e)))
        polygons = offline_page.map_frame().locator("path.leaflet-interactive")
        polygons.nth(886).wait_for(state="attached", timeout=60_000)
    assert errors == [] and offline_page.outside == []
