# Quick start: `make run` and `make test`. Both set up .venv on first use and
# reinstall only when pyproject.toml changes.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bundle eval clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/factdiff gui --demo

test: $(STAMP)
	$(BIN)/ruff check .
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || echo "== $$b: a target was missed"; done

# Engine quality on real articles (needs ../shared): engine and naive baseline side by side.
eval: $(STAMP)
	$(BIN)/python benchmarks/eval_table.py

# The bundle folder dist/factdiff/ and its download beside it (factdiff-VERSION-OS-ARCH.tar.gz).
bundle: $(STAMP)
	$(BIN)/pyinstaller --noconfirm build.spec
	@du -sh dist/factdiff
	@ls -l dist/factdiff-*.tar.gz dist/factdiff-*.zip 2>/dev/null || true

clean:
	rm -rf build dist .pytest_cache
