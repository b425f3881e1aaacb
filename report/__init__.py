"""Charts, maps, exports and the briefing; no streamlit here."""
