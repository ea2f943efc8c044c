#!/usr/bin/env bash
# Installs what newsgraph needs, builds everything and runs every test. In
# CI (CI=true), or when asked, it then runs the whole suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer, and each libFuzzer target
# for a bounded time (docs/robustness.md); that pass takes 15-20 minutes on
# 2 cores, so a local run skips it unless asked:
#   NEWSGRAPH_SANITIZE_PASS=1   run the sanitizer build and its tests (CI default)
#   NEWSGRAPH_FUZZ_SECONDS=N    seconds per fuzz target (CI default 25; 0 skips)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs="$(nproc)"
if [ "${CI:-}" = true ]; then full=1; else full=0; fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs"
# A throwaway PostgreSQL 15 (as a non-root user, unix socket only) for the
# store suite's PostgreSQL half and the concurrent-builder tests.
bash tests/pg/with_postgres.sh ctest --test-dir build --output-on-failure -j"$jobs"

if [ "${NEWSGRAPH_SANITIZE_PASS:-$full}" != 0 ]; then
  echo "test: the suite under AddressSanitizer + UBSan" >&2
  start=$SECONDS
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_SANITIZE=ON \
    -DNEWSGRAPH_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs"
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}" \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
  echo "test: sanitizer pass took $((SECONDS - start)) s" >&2
fi

fuzz_seconds="${NEWSGRAPH_FUZZ_SECONDS:-$((full * 25))}"
if [ "$fuzz_seconds" != 0 ]; then
  echo "test: fuzzing each target for ${fuzz_seconds} s" >&2
  start=$SECONDS
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_SANITIZE=ON -DNEWSGRAPH_TESTS=OFF -DNEWSGRAPH_BENCH=OFF >/dev/null
  cmake --build build-fuzz -j"$jobs" --target fuzz_reader fuzz_text fuzz_extractor fuzz_verbs
  for target in reader text extractor verbs; do
    # New inputs go to the build tree; the seeds in fuzz/corpus stay as they are.
    mkdir -p "build-fuzz/corpus/$target" "build-fuzz/crashes/$target"
    build-fuzz/fuzz/fuzz_$target -max_total_time="$fuzz_seconds" -max_len=65536 \
      -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
      -artifact_prefix="build-fuzz/crashes/$target/" \
      "build-fuzz/corpus/$target" "fuzz/corpus/$target" 2>"build-fuzz/fuzz_$target.log" || {
        tail -n 60 "build-fuzz/fuzz_$target.log" >&2
        echo "test: fuzz_$target failed; reproduce with build-fuzz/fuzz/fuzz_$target <artifact>" >&2
        exit 1
      }
    grep -E "stat::number_of_executed_units|Done" "build-fuzz/fuzz_$target.log" | tail -n 2 >&2 || true
  done
  echo "test: fuzzing took $((SECONDS - start)) s" >&2
fi
