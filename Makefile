# Two commands set everything up on a fresh machine:
#   make run   -> installs claimex into .venv and runs it on corpus/ (outputs/)
#   make test  -> same install, then the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.claimex-installed

.PHONY: run test install bench eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/claimex run corpus/ -o outputs/

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

eval: run
	$(BIN)/claimex eval outputs/ corpus/gold/

clean:
	rm -rf $(VENV) build *.egg-info
