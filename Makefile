# Two entry points for a fresh machine with only python3: `make run` and
# `make test`. Each creates .venv and installs the project into it when
# pyproject.toml or constraints.txt changed since the last install.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench bench-instructions mutation clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/finale $(ARGS)

# The checks run first and stop the run: a broken layer contract fails `make test`.
# pytest runs on every core (pytest-xdist; JOBS=0 runs it in this one process). worksteal
# hands a slow file's remaining tests to an idle worker, so one slow file does not set the pace.
JOBS ?= auto
test: $(STAMP)
	$(BIN)/ruff check tui tests benchmarks
	$(BIN)/mypy
	$(BIN)/mypy --strict tui/core  # the plain-Python core, strictly: no Textual generics to excuse
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# Start-up in user-space instructions (perf): what to optimise against on a noisy machine.
bench-instructions: $(STAMP)
	$(BIN)/python benchmarks/instructions.py $(BENCH_ARGS)

# Mutation testing of the modules that keep the data promises (store, atomic writes, session,
# saving, sanitising, typeahead), with mutmut; configured in pyproject.toml's [tool.mutmut].
# Not part of `make test`: over an hour on a busy 2-core machine. The kill rate and the mutants that
# survive by design are in benchmarks/MUTATION.md.
MUTATION_STAMP := $(VENV)/.mutation-installed
$(MUTATION_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test,mutation]'
	@touch $(MUTATION_STAMP)

mutation: $(MUTATION_STAMP)
	nice $(BIN)/mutmut run --max-children $(if $(filter auto,$(JOBS)),$$(nproc),$(JOBS))
	$(BIN)/python benchmarks/mutation_score.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache mutants
