#!/usr/bin/env bash
# Concurrent builders into one PostgreSQL (docs/scaling.md): 1, 2 and 4
# `newsgraph build` processes, each given an equal slice of one corpus,
# writing into one database at once, against a throwaway PostgreSQL 15
# (tests/pg/with_postgres.sh; fsync on, default settings); and one
# `newsgraph build` into SQLite beside them. Prints, per run, wall seconds,
# documents per second, and the store's counts, which must be the same for
# every run (it fails when they are not).
#   bench/concurrent_builders.sh BUILD_DIR [CORPUS.jsonl] [DOCS] [EXTRA BUILD FLAGS...]
# Default corpus: ../shared/corpora/current-events-2025.jsonl, first 1200
# documents; default flags: --word-order (relations from word order, no
# dependency parse) so that the store, not extraction, is a larger share
# of what is measured. Pass "--" as the flags to measure full extraction.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "${1:?build dir}" && pwd)"
corpus="${2:-$here/../../shared/corpora/current-events-2025.jsonl}"
docs="${3:-1200}"
shift $(( $# >= 3 ? 3 : $# ))
flags=("$@")
if [ "${#flags[@]}" -eq 0 ]; then flags=(--word-order); fi
if [ "${flags[0]}" = "--" ]; then flags=("${flags[@]:1}"); fi
ng="$build/newsgraph"
[ -x "$ng" ] || { echo "no $ng" >&2; exit 1; }
[ -f "$corpus" ] || { echo "no corpus $corpus" >&2; exit 1; }
if [ -z "${NEWSGRAPH_TEST_PG:-}" ]; then
  exec bash "$here/../tests/pg/with_postgres.sh" bash "$0" "$build" "$corpus" "$docs" -- "${flags[@]}"
fi
tmp="$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-cbench.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
head -n "$docs" "$corpus" >"$tmp/corpus.jsonl"
n=$(wc -l <"$tmp/corpus.jsonl")
echo "corpus: $n documents, $(du -k "$tmp/corpus.jsonl" | cut -f1) KB from $corpus; build flags: ${flags[*]:-(none)}"
echo "machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql_base="$NEWSGRAPH_TEST_PG"
counts() {  # documents sentences actors issues mentions relations
  psql -X -q -A -t -F' ' "$psql_base" -c "SET search_path TO $1; SELECT (SELECT count(*) FROM documents),
    (SELECT count(*) FROM sentences), (SELECT count(*) FROM entities WHERE kind = 'actor'),
    (SELECT count(*) FROM entities WHERE kind = 'issue'), (SELECT count(*) FROM mentions),
    (SELECT count(*) FROM relations)" | tail -n1
}
printf '%-22s %8s %8s  %s\n' run seconds docs/s "documents sentences actors issues mentions relations"
# SQLite alone: one build.
start=$(date +%s.%N)
"$ng" build -q "${flags[@]}" --db "$tmp/one.db" "$tmp/corpus.jsonl" >/dev/null 2>"$tmp/sqlite.log" || true
end=$(date +%s.%N)
sq=$(sqlite3 "$tmp/one.db" "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences),
  (SELECT count(*) FROM entities WHERE kind = 'actor'), (SELECT count(*) FROM entities WHERE kind = 'issue'),
  (SELECT count(*) FROM mentions), (SELECT count(*) FROM relations)" | tr '|' ' ')
printf '%-22s %8.1f %8.1f  %s\n' "sqlite x1" "$(echo "$end - $start" | bc)" "$(echo "$n / ($end - $start)" | bc -l)" "$sq"
reference=""
for workers in 1 2 4; do
  schema="bench_w$workers"
  psql -X -q "$psql_base" -c "DROP SCHEMA IF EXISTS $schema CASCADE; CREATE SCHEMA $schema"
  uri="$psql_base&options=-csearch_path%3D$schema"
  # Round-robin slices, so that every worker sees every period.
  for ((w = 0; w < workers; w++)); do
    awk -v w="$w" -v n="$workers" 'NR % n == w' "$tmp/corpus.jsonl" >"$tmp/part$w.jsonl"
  done
  start=$(date +%s.%N)
  pids=()
  for ((w = 0; w < workers; w++)); do
    "$ng" build -q "${flags[@]}" --db "$uri" "$tmp/part$w.jsonl" >/dev/null 2>"$tmp/w$w.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || { echo "a worker failed:" >&2; cat "$tmp"/w*.log >&2; exit 1; }; done
  end=$(date +%s.%N)
  c=$(counts "$schema")
  printf '%-22s %8.1f %8.1f  %s\n' "postgresql x$workers" "$(echo "$end - $start" | bc)" \
    "$(echo "$n / ($end - $start)" | bc -l)" "$c"
  if [ -z "$reference" ]; then reference="$c"; elif [ "$c" != "$reference" ]; then
    echo "counts differ from one worker's: $c vs $reference" >&2; mismatch=1; fi
done
echo "postgresql server: $(psql -X -A -t "$psql_base" -c 'SHOW shared_buffers') shared_buffers," \
     "synchronous_commit $(psql -X -A -t "$psql_base" -c 'SHOW synchronous_commit'), fsync $(psql -X -A -t "$psql_base" -c 'SHOW fsync')"
exit "${mismatch:-0}"
