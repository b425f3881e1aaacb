"""Entry point, `streamlit run dashboard.py`: the pages and their French titles.

Streamlit names a main script's page after its file ("dashboard"); declaring
the navigation gives every page its French title and a stable address.
"""
import streamlit as st

PAGES = [
    ("pages/0_Tableau_de_bord.py", "Tableau de bord", "tableau-de-bord", True),
    ("pages/1_Carte.py", "Carte", "Carte", False),
    ("pages/2_Couverture.py", "Couverture", "Couverture", False),
    ("pages/3_Productions.py", "Productions", "Productions", False),
    ("pages/4_Initiatives.py", "Initiatives", "Initiatives", False),
    ("pages/5_Import.py", "Import", "Import", False),
    ("pages/6_Exports.py", "Exports", "Exports", False),
]

st.navigation([st.Page(path, title=title, url_path=url, default=default)
               for path, title, url, default in PAGES]).run()
