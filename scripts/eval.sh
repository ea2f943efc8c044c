#!/usr/bin/env bash
# Scores extraction on the shared development gold (../shared/eval): the
# development article, the 12 dev articles (mean triple and actor F1), the
# 100 current-events items (event F1) and the PETRARCH-2 unit suite with its
# actor and verb dictionaries, then with its agents dictionary too.
# Usage: scripts/eval.sh [NEWSGRAPH_BINARY] (default build/newsgraph).
# Prints one line per measure. Needs ../shared beside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
NG="${1:-build/newsgraph}"
S=../shared
[ -d "$S/eval" ] || { echo "eval: $S/eval not found" >&2; exit 2; }
PY=python3
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT

"$NG" extract -q "$S/articles/ukraine-peace-talks.txt" --format jsonl > "$tmp/dev1.out"
$PY "$S/eval/score.py" --gold "$S/eval/ukraine-peace-talks.gold.json" --pred "$tmp/dev1.out" --json \
  | $PY -c 'import json,sys; d=json.load(sys.stdin); print("dev article:", json.dumps(d))'

$PY - "$S" "$tmp/dev.jsonl" <<'PYEOF'
import json, glob, sys
s, out = sys.argv[1], sys.argv[2]
ids = {json.load(open(f))['document'] for f in glob.glob(s + '/eval/dev/articles/*.gold.json')}
with open(out, 'w') as o:
    for l in open(s + '/corpora/wikinews-2019-2020.jsonl'):
        if json.loads(l)['id'] in ids: o.write(l)
PYEOF
"$NG" extract -q "$tmp/dev.jsonl" --format jsonl > "$tmp/dev.out"
for g in "$S"/eval/dev/articles/*.gold.json; do
  d="$($PY -c "import json,sys; print(json.load(open(sys.argv[1]))['document'])" "$g")"
  $PY "$S/eval/score.py" --gold "$g" --pred "$tmp/dev.out" --doc "$d" --json | sed "s|^|$d |"
done > "$tmp/articles.txt"
$PY - "$tmp/articles.txt" <<'PYEOF'
import json, sys
rows = []
for line in open(sys.argv[1]):
    doc, js = line.split(' ', 1)
    rows.append((doc, json.loads(js)))
def g(d, *path):
    for p in path: d = d.get(p, {}) if isinstance(d, dict) else {}
    return d if isinstance(d, (int, float)) else 0.0
for doc, d in rows:
    print("  %-32s actors F1 %.3f  triples P %.3f R %.3f F1 %.3f" % (doc, g(d,'actors','f1'), g(d,'triples','precision'), g(d,'triples','recall'), g(d,'triples','f1')))
n = len(rows)
print("dev articles (%d): mean actor F1 %.3f, mean triple P %.3f R %.3f F1 %.3f" % (n,
  sum(g(d,'actors','f1') for _,d in rows)/n, sum(g(d,'triples','precision') for _,d in rows)/n,
  sum(g(d,'triples','recall') for _,d in rows)/n, sum(g(d,'triples','f1') for _,d in rows)/n))
PYEOF

"$NG" extract -q "$S/eval/dev/events-2025.gold.jsonl" --format jsonl > "$tmp/ev.out"
echo "dev events:"; $PY "$S/eval/score_events.py" --gold "$S/eval/dev/events-2025.gold.jsonl" --pred "$tmp/ev.out" | tail -4

P="$S/eval/petrarch-unit"
"$NG" extract -q "$P/petrarch2_unittest.jsonl" --actors "$P/PETR.Validate.actors.txt" \
  --verbs "$P/PETR.Validate.verbs.txt" --format jsonl > "$tmp/pu.out"
echo "petrarch unit (actors+verbs):"; $PY "$S/eval/score_events.py" --gold "$P/petrarch2_unittest.jsonl" \
  --codes "$P/actor_codes.json" --pred "$tmp/pu.out" | tail -3
# The issue's measure: the suite with all three of its dictionaries.
"$NG" extract -q "$P/petrarch2_unittest.jsonl" --actors "$P/PETR.Validate.actors.txt" \
  --agents "$P/PETR.Validate.agents.txt" --verbs "$P/PETR.Validate.verbs.txt" --format jsonl > "$tmp/pua.out"
echo "petrarch unit (actors+agents+verbs):"; $PY "$S/eval/score_events.py" --gold "$P/petrarch2_unittest.jsonl" \
  --codes "$P/actor_codes.json" --pred "$tmp/pua.out" | tail -3
