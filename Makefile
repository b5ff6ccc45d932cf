# FinSQL: every command sets up what it needs first, so each works on a fresh clone.
#   make run    set everything up, then start FinSQL on the bundled databases with the default model;
#               it listens on 127.0.0.1 only: `make run HOST=0.0.0.0` opens it to the network (it serves a database)
#   make test   set everything up for the tests, then run them
#   make train  retrain the shipped LoRA modules: fund, stock, macro with
#               TRAIN_FLAGS="--device cuda --epochs 3 --max-steps 0 --batch-tokens 8192" as shipped,
#               then bank (67 train pairs) with its own flags, as shipped (2 epochs; ~83 min on a 2-core CPU
#               with native bf16, ~5.7 h on an AVX2-only one)
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8501
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.finsql-installed
DATABASES := fund stock macro bank
DB_FILES := $(DATABASES:%=data/%.sqlite)

.PHONY: setup setup-test run browser servers test test-slow train lint data models-default models-test clean

$(INSTALLED): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	# The CPU build of torch first: a looser pin would pull several GB of CUDA packages.
	$(PY) -m pip install -q torch==2.13.0
	# constraints.txt holds every other package at the version the tests last passed with.
	# llama-cpp-python compiles llama.cpp for this CPU (about 5 minutes on 2 cores; pip keeps the wheel),
	# without the multimodal and example parts FinSQL does not use.
	CMAKE_ARGS="-DLLAVA_BUILD=OFF -DLLAMA_BUILD_COMMON=OFF" CMAKE_BUILD_PARALLEL_LEVEL=$$(nproc) \
		$(PY) -m pip install -q -c constraints.txt -e '.[dev]'
	touch $@

# any builder change rebuilds all four (20 s): their shared modules and the fund package are among them
data/%.sqlite: $(wildcard finsql/data/*.py finsql/data/*/*.py) finsql/data/pools.json | $(INSTALLED)
	$(PY) -m finsql.data build --only $*

data: $(DB_FILES)

models-test: | $(INSTALLED)
	$(PY) -m finsql models fetch smollm2-135m all-minilm-l6-v2

models-default: | $(INSTALLED)
	$(PY) -m finsql models fetch qwen2.5-coder-0.5b all-minilm-l6-v2

setup: $(INSTALLED) data models-default

setup-test: $(INSTALLED) data models-test browser servers

# PostgreSQL's and MariaDB's servers for the warehouse tests (each starts a throwaway server of its own);
# skipped quietly without apt-get or root, and the tests then say why they skip.
servers:
	@if { ! ls /usr/lib/postgresql/*/bin/pg_ctl || [ ! -x /usr/sbin/mariadbd ]; } >/dev/null 2>&1 \
		&& command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
			postgresql mariadb-server; } || echo "could not install the database servers; their tests will skip"; \
	fi

# Headless Chromium (and a CJK font) for the browser test; skipped quietly without apt-get or root.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-zenhei; \
	fi

run: setup
	$(PY) -m streamlit run app/streamlit_app.py --server.headless true --server.address $(HOST) --server.port $(PORT) \
		--browser.gatherUsageStats false --client.toolbarMode minimal

test: setup-test
	$(PY) -m pytest

test-slow: setup setup-test
	$(PY) -m pytest -m slow

train: setup
	$(PY) -m finsql.train fund stock macro $(TRAIN_FLAGS)
	$(PY) -m finsql.train bank --epochs 2 --max-steps 0 --no-gradient-checkpointing

lint: | $(INSTALLED)
	$(PY) -m ruff check finsql tests app benchmarks

clean:
	rm -rf $(VENV) $(DB_FILES)
