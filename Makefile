# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export GX_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1

.PHONY: install run test lint bench bench-smoke server validate report clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)  ## parse raw/ into outputs/ (Parquet, validation report, HTML report)
	$(BIN)/nato-briefs run --raw raw --out outputs

test: $(STAMP)  ## ruff + the whole test suite
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q -n 2 --dist loadfile

validate: $(STAMP)
	$(BIN)/nato-briefs validate --out outputs

report: $(STAMP)
	$(BIN)/nato-briefs report --out outputs

server: $(STAMP)  ## a local Prefect server for scheduled runs (127.0.0.1 unless HOST is given)
	$(BIN)/prefect server start --host $${HOST:-127.0.0.1} --port $${PORT:-4200}

bench: $(STAMP)
	$(BIN)/python -m bench --sizes 1000 10000 100000 --repeat 3

bench-smoke: $(STAMP)
	$(BIN)/python -m bench --sizes 50 --repeat 1 --no-results

clean:
	rm -rf outputs/* .pytest_cache .ruff_cache
