# Every target installs what it needs and skips what is already there.
# `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
WASM_TARGET := wasm32-unknown-unknown

RUST_SOURCES := Cargo.toml Cargo.lock $(shell find core bindings-py bindings-wasm codegen cli -name '*.rs' -o -name Cargo.toml -o -name '*.json')
PY_SOURCES := pyproject.toml $(shell find bindings-py/python -name '*.py' -o -name py.typed)

.PHONY: help demo test test-rust test-python wheel cli wasm codegen bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

demo: wheel ## Build, install into .venv and print the user guide's complete example
	$(VPY) examples/guide_complete_example.py

test: test-rust test-python ## Every suite: Rust (with generated-file freshness, wasm build), Python

test-rust: wasm
	if cargo clippy --version >/dev/null 2>&1; then \
	  cargo clippy --workspace --all-targets --quiet -- -D warnings; \
	else echo "clippy is not installed: lints skipped"; fi
	cargo test --workspace --quiet

test-python: wheel
	$(VPY) -m pytest -q tests/python

wheel: $(VENV)/.wheel-installed ## Build the wheel (target/wheels/) and install it into .venv

cli: ## Build the CLI (target/release/gitlab-runner-config): lint, fmt, convert, schema
	cargo build --release --quiet -p gitlab-runner-config-cli

wasm: $(VENV)/.rust-wasm-target ## Build the engine for WebAssembly (the npm package comes later)
	cargo build --quiet -p gitlab-runner-config-wasm --target $(WASM_TARGET) --profile wasm

codegen: ## Rewrite the files generated from the schema
	cargo run --quiet -p gitlab-runner-config-codegen -- write

bench: wheel $(VENV)/.bench-installed ## Side-by-side benchmarks, written to BENCHMARKS.md
	$(VPY) bench/python_bench.py > BENCHMARKS.md
	cat BENCHMARKS.md

clean: ## Remove build outputs (keeps .venv)
	cargo clean
	rm -f $(VENV)/.wheel-installed

$(VENV)/.tools-installed: tests/requirements.txt
	test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

$(VENV)/.bench-installed: bench/requirements.txt $(VENV)/.tools-installed
	$(VPY) -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

$(VENV)/.rust-wasm-target:
	rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	mkdir -p $(VENV) && touch $@

$(VENV)/.wheel-installed: $(VENV)/.tools-installed $(RUST_SOURCES) $(PY_SOURCES)
	rm -f target/wheels/wetwire_gitlab-*.whl
	$(VENV)/bin/maturin build --release --quiet --out target/wheels
	$(VPY) -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels/wetwire_gitlab-*.whl
	touch $@
