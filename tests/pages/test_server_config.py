"""The served dashboard's Streamlit settings that its speed and its offline map rely on."""
import tomllib

import config


def server_settings() -> dict:
    with open(config.ROOT / ".streamlit" / "config.toml", "rb") as f:
        return tomllib.load(f)["server"]


def test_the_served_dashboard_watches_no_source_file():
    # to choose what to watch, Streamlit goes through every loaded module (thousands:
    # pandas, spaCy…) whenever a run imported new ones: 0.7 s of a page load
    # (bench/RESULTS.md); a served dashboard is not being edited
    assert server_settings()["fileWatcherType"] == "none"


def test_the_map_s_javascript_is_served_by_the_app_itself():
    assert server_settings()["enableStaticServing"] is True
