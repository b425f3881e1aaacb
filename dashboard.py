"""Entry point, `streamlit run dashboard.py`: the pages and their French titles.

Streamlit names a main script's page after its file ("dashboard"); declaring
the navigation gives every page its French title and a stable address. Accounts
(`ui.auth`) come first: with a provider configured, nothing is shown before login,
and a page a role may not use is hidden (and refuses itself if reached by address).
The pages live in `app_pages/`, not `pages/`: a folder named `pages/` beside the
entry script turns on Streamlit's own menu of files, which came back beside this
one (a « dashboard » entry) once a file was read on the Import page.
"""
import streamlit as st

from ui import auth

# path, title, address, default page, the action the page needs
PAGES = [
    ("app_pages/0_Tableau_de_bord.py", "Tableau de bord", "tableau-de-bord", True, "consulter"),
    ("app_pages/1_Carte.py", "Carte", "Carte", False, "consulter"),
    ("app_pages/2_Couverture.py", "Couverture", "Couverture", False, "consulter"),
    ("app_pages/3_Productions.py", "Productions", "Productions", False, "consulter"),
    ("app_pages/4_Initiatives.py", "Initiatives", "Initiatives", False, "consulter"),
    ("app_pages/5_Import.py", "Import", "Import", False, "importer"),
    ("app_pages/6_Exports.py", "Exports", "Exports", False, "exporter"),
]

shown = auth.gate()  # the login screen instead of the pages when nobody is logged in
navigation = st.navigation(
    [st.Page(path, title=title, url_path=url, default=default,
             visibility="visible" if auth.can(action) else "hidden")
     for path, title, url, default, action in PAGES],
    position="sidebar" if shown else "hidden")
if shown:
    navigation.run()
