"""Entry point, `streamlit run dashboard.py`: the pages and their French titles.

Streamlit names a main script's page after its file ("dashboard"); declaring
the navigation gives every page its French title and a stable address. Accounts
(`ui.auth`) come first: with a provider configured, nothing is shown before login,
and a page a role may not use is hidden (and refuses itself if reached by address).
"""
import streamlit as st

from ui import auth

# path, title, address, default page, the action the page needs
PAGES = [
    ("pages/0_Tableau_de_bord.py", "Tableau de bord", "tableau-de-bord", True, "consulter"),
    ("pages/1_Carte.py", "Carte", "Carte", False, "consulter"),
    ("pages/2_Couverture.py", "Couverture", "Couverture", False, "consulter"),
    ("pages/3_Productions.py", "Productions", "Productions", False, "consulter"),
    ("pages/4_Initiatives.py", "Initiatives", "Initiatives", False, "consulter"),
    ("pages/5_Import.py", "Import", "Import", False, "importer"),
    ("pages/6_Exports.py", "Exports", "Exports", False, "exporter"),
]

shown = auth.gate()  # the login screen instead of the pages when nobody is logged in
navigation = st.navigation(
    [st.Page(path, title=title, url_path=url, default=default,
             visibility="visible" if auth.can(action) else "hidden")
     for path, title, url, default, action in PAGES],
    position="sidebar" if shown else "hidden")
if shown:
    navigation.run()
