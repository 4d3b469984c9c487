# Every target installs what it needs and skips what is already there.
# `make help` lists them.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
WASM_TARGET := wasm32-unknown-unknown
WASM_BINDGEN_VERSION := 0.2.130
# Three builds of the engine, each with a profile of its own (so none overwrites another's
# output): the browser's library (small: it is downloaded), Node's library (fast: it is read
# from disk) and the npm bin's, which alone carries the command line.
WASM_RAW := target/$(WASM_TARGET)/wasm/gitlab_runner_config_wasm.wasm
WASM_RAW_NODE := target/$(WASM_TARGET)/wasm-node/gitlab_runner_config_wasm.wasm
WASM_RAW_CLI := target/$(WASM_TARGET)/wasm-cli/gitlab_runner_config_wasm.wasm
WASM_OPT := node_modules/.bin/wasm-opt --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue --low-memory-unused
PKG := bindings-wasm/pkg
CHROMIUM := /usr/bin/chromium
DEMO_PORT ?= 8000
PLAYGROUND_SOURCES := $(shell find web-playground -path web-playground/dist -prune -o -type f -print)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# What a Rust build reads (bindings-wasm/pkg/ is what the wasm build writes: never an input).
RUST_SOURCES := Cargo.toml Cargo.lock \
  $(shell find core bindings-py bindings-wasm codegen cli -path bindings-wasm/pkg -prune -o \( -name '*.rs' -o -name Cargo.toml \) -print)
PY_SOURCES := pyproject.toml $(shell find bindings-py/python -name '*.py' -o -name py.typed)

# Python's outputs on the shared inputs, which the Node suite compares its own with.
CROSS_FACE := target/cross-face/python.json

.PHONY: help demo test test-rust test-python test-node test-browser wheel cli wasm playground codegen bench soak fuzz clean

# A recipe that fails leaves no target behind for make to take as fresh.
.DELETE_ON_ERROR:

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

demo: wheel playground ## Print the user guide's complete example from Python, then serve the playground on 127.0.0.1
	$(VPY) examples/guide_complete_example.py
	@echo
	@echo "The playground: http://127.0.0.1:$(DEMO_PORT)/  (Ctrl+C stops it; DEMO_PORT=... picks another port)"
	$(VPY) -m http.server $(DEMO_PORT) --bind 127.0.0.1 --directory web-playground/dist

test: test-rust test-python test-node test-browser ## Every suite: Rust (with generated-file freshness), Python, Node, browser

# Tests that read ../shared are #[ignore]d (reported as ignored, never as passed) and run when
# ../shared is there.
test-rust:
	if cargo clippy --version >/dev/null 2>&1; then \
	  cargo clippy --workspace --all-targets --quiet -- -D warnings; \
	else echo "clippy is not installed: lints skipped"; fi
	if cargo fmt --version >/dev/null 2>&1; then cargo fmt --all --check; \
	else echo "rustfmt is not installed: formatting not checked"; fi
	if [ -d ../shared ]; then cargo test --workspace --quiet -- --include-ignored; \
	else echo "note: ../shared is absent: the tests that read it are ignored"; cargo test --workspace --quiet; fi

# node_modules holds the SARIF schema the CLI's reports are checked against; the npm package's
# bin is one of the three faces of the command the suite compares.
test-python: wheel wasm node_modules/.installed
	$(VPY) -m pytest -q tests/python

test-node: wasm $(CROSS_FACE)
	node --test tests/node/

$(CROSS_FACE): $(VENV)/.wheel-installed tests/cross_face/python_outputs.py $(wildcard tests/golden/*.toml)
	$(VPY) tests/cross_face/python_outputs.py $@

test-browser: wasm playground $(CHROMIUM)
	node --test tests/browser/

wheel: $(VENV)/.wheel-installed ## Build the wheel (target/wheels/) and install it into .venv

cli: ## Build the CLI (target/release/gitlab-runner-config): lint, fmt, convert, schema
	cargo build --release --quiet -p gitlab-runner-config-cli

wasm: $(PKG)/package.json ## Build the npm package (bindings-wasm/pkg/): WebAssembly + JS entries + types

playground: web-playground/dist/index.html ## Build the browser playground (web-playground/dist/), static files

codegen: ## Rewrite the files generated from the schema
	cargo run --quiet -p gitlab-runner-config-codegen -- write

bench: wheel wasm playground $(CHROMIUM) $(VENV)/.bench-installed ## Side-by-side benchmarks, written to BENCHMARKS.md
	$(VPY) bench/python_bench.py > BENCHMARKS.md
	node bench/node_bench.mjs >> BENCHMARKS.md
	cargo bench --quiet -p gitlab-runner-config --bench engine >> BENCHMARKS.md
	node bench/playground_bench.mjs >> BENCHMARKS.md
	cat bench/findings.md >> BENCHMARKS.md
	cat BENCHMARKS.md

# SOAK_CASES random configs in all: 40% drawn in Rust, 10% by Hypothesis, 50% by fast-check; each
# read back by the toml crate, tomllib and smol-toml.
SOAK_CASES ?= 1000000
soak: wheel wasm ## Long runs: 1,000,000 random configs through every face and three TOML parsers; 100 MB files
	ROUND_TRIP_DOCUMENTS=$$(( $(SOAK_CASES) * 4 / 10 )) cargo test --release --quiet -p gitlab-runner-config --test round_trip -- --nocapture
	ROBUSTNESS_CASES=$$(( $(SOAK_CASES) / 10 )) $(VPY) -m pytest -q -s tests/python/test_robustness_parsers.py
	ROBUSTNESS_CASES=$$(( $(SOAK_CASES) / 2 )) node --test --test-reporter=spec tests/node/robustness_parsers.test.mjs
	ROBUSTNESS_BIG_MB=100 $(VPY) -m pytest -q -s tests/python/test_robustness_texts.py

fuzz: ## Fuzz the engine (cargo-fuzz, libFuzzer): each target for FUZZ_SECONDS (60), FUZZ_JOBS at a time (1)
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) FUZZ_JOBS=$(or $(FUZZ_JOBS),1) fuzz/run.sh

clean: ## Remove build outputs (keeps .venv)
	cargo clean
	rm -f $(VENV)/.wheel-installed

$(VENV)/.tools-installed: tests/requirements.txt
	test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
	touch $@

# Debian's Chromium for the browser suites (a test tool's own browser download fails here).
$(CHROMIUM):
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium \
	  || ($(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Type-checked, then bundled with the npm package's web build (the .wasm lands beside the JS).
web-playground/dist/index.html: $(PKG)/package.json node_modules/.installed $(PLAYGROUND_SOURCES) docs/diagnostics.md
	node_modules/.bin/tsc -p web-playground
	node_modules/.bin/vite build web-playground --logLevel warn
	@echo "playground: $$(du -sb web-playground/dist | cut -f1) bytes in web-playground/dist/"

# The stamp names the version: changing WASM_BINDGEN_VERSION installs the matching CLI.
$(VENV)/.wasm-bindgen-$(WASM_BINDGEN_VERSION):
	wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' \
	  || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	mkdir -p $(VENV) && touch $@

# The nodejs build loads its .wasm synchronously (Node: ESM and CommonJS, no init needed); the
# web build is for browsers and bundlers (`await init()`). wasm-opt comes from npm's binaryen.
# Built in a folder of this make's own ($(PKG_NEW)) and moved into place whole: a failed build
# never leaves a pkg/ that looks fresh, and two makes at once do not mix their files.
PKG_NEW := $(PKG).new.$(shell echo $$PPID)
$(PKG)/package.json: $(RUST_SOURCES) $(shell find bindings-wasm/npm -type f) node_modules/.installed \
		$(VENV)/.rust-wasm-target $(VENV)/.wasm-bindgen-$(WASM_BINDGEN_VERSION)
	rm -rf $(PKG_NEW) && mkdir -p $(PKG_NEW)
	cp -r bindings-wasm/npm/. $(PKG_NEW)/
	cargo build --quiet -p gitlab-runner-config-wasm --target $(WASM_TARGET) --profile wasm
	wasm-bindgen --target web --out-dir $(PKG_NEW)/web $(WASM_RAW)
	$(WASM_OPT) -Oz $(PKG_NEW)/web/gitlab_runner_config_wasm_bg.wasm -o $(PKG_NEW)/web/gitlab_runner_config_wasm_bg.wasm
	cargo build --quiet -p gitlab-runner-config-wasm --target $(WASM_TARGET) --profile wasm-node
	wasm-bindgen --target nodejs --out-dir $(PKG_NEW)/node $(WASM_RAW_NODE)
	$(WASM_OPT) -O3 $(PKG_NEW)/node/gitlab_runner_config_wasm_bg.wasm -o $(PKG_NEW)/node/gitlab_runner_config_wasm_bg.wasm
	@# The command line only in the bin's own .wasm (node/cli/): neither library loads it.
	cargo build --quiet -p gitlab-runner-config-wasm --target $(WASM_TARGET) --profile wasm-cli --features cli
	wasm-bindgen --target nodejs --out-dir $(PKG_NEW)/node/cli $(WASM_RAW_CLI)
	$(WASM_OPT) -Oz $(PKG_NEW)/node/cli/gitlab_runner_config_wasm_bg.wasm -o $(PKG_NEW)/node/cli/gitlab_runner_config_wasm_bg.wasm
	rm -f $(PKG_NEW)/*/gitlab_runner_config_wasm*.d.ts $(PKG_NEW)/node/cli/*.d.ts
	rm -rf $(PKG) && mv $(PKG_NEW) $(PKG)
	@for wasm in web node node/cli; do file=$(PKG)/$$wasm/gitlab_runner_config_wasm_bg.wasm; \
	  echo "wasm ($$wasm): $$(stat -c %s $$file) bytes, $$(gzip -9c $$file | wc -c) gzipped"; done

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
