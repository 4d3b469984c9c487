#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 60) each, FUZZ_JOBS at a time (default 1),
# seeded with the project's fixtures and, when ../shared is beside the repository, its corpus
# (copied under target/, never committed). Crashes land in fuzz/artifacts/<target>/.
# FUZZ_ARGS go to libFuzzer (`-fork=1 -ignore_crashes=1` keeps going past a known crash).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-parse round_trip update fix json}
corpus=../target/fuzz-corpus
# cargo-fuzz needs nightly's -Z flags: a nightly toolchain, or stable told to allow them.
if rustup run nightly rustc --version >/dev/null 2>&1; then cargo=(cargo +nightly fuzz); else cargo=(env RUSTC_BOOTSTRAP=1 cargo fuzz); fi

seed() {
  local dir=$corpus/$1
  mkdir -p "$dir"
  if [ "$1" = json ]; then
    # The golden files as JSON in the TOML's shape, as `convert --to json` writes them.
    (cd .. && cargo build --quiet -p gitlab-runner-config-cli)
    for file in ../tests/golden/*.toml; do
      ../target/debug/gitlab-runner-config convert --from toml --to json --no-check "$file" >"$dir/$(basename "$file" .toml).json" || true
    done
  else
    local sources=(../tests/golden ../core/tests/fixtures)
    if [ -d ../../shared/corpus ]; then sources+=(../../shared/corpus)
    else echo "note: ../shared is absent: $1 is seeded with the project's fixtures only"; fi
    # Named by their path: files of the same name in different folders all count.
    find "${sources[@]}" -name '*.toml' -print0 | while IFS= read -r -d '' file; do
      cp "$file" "$dir/$(echo "${file#../}" | tr '/' '_')"
    done
  fi
}

for target in $targets; do
  seed "$target"
  "${cargo[@]}" build --release "$target" 2>&1 | tail -1
done
run() {
  nice "${cargo[@]}" run --release "$1" "$corpus/$1" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 ${FUZZ_ARGS:-} >"$corpus/$1.log" 2>&1 || { tail -40 "$corpus/$1.log"; return 1; }
  # libFuzzer's final count; in fork mode, the last progress line's.
  local runs
  runs=$(grep -E '^stat::number_of_executed_units' "$corpus/$1.log" | awk '{print $2}')
  [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$corpus/$1.log" | tail -1 | tr -d '#')
  echo "$1: $runs executions in ${seconds}s; artifacts: $(ls "artifacts/$1" 2>/dev/null | wc -l)"
}
jobs=${FUZZ_JOBS:-1}
pids=()
failed=0
for target in $targets; do
  run "$target" & pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}" || failed=1; pids=("${pids[@]:1}"); fi
done
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
exit $failed
