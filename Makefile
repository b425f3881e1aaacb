# Two commands on a fresh machine with Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)
PORT   ?= 8501

.PHONY: run test bench static clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

# Leaflet and its plugins, copied from the installed XStatic packages (offline map)
static: $(STAMP)
	@$(PY) -c "from report import assets; assets.install()"

run: static
	$(PY) -m streamlit run dashboard.py --server.port $(PORT)

test: static
	$(PY) -m pytest

bench: static
	$(PY) -m bench

clean:
	rm -rf $(VENV) static/vendor
