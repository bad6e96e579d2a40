#!/usr/bin/env bash
# NLU peer comparison: ChatOps (ML.NET) vs nlp.js on the same training data, the same
# cross-validation folds (for nlp.js's out-of-scope threshold) and the same held-apart test split.
# Prints a Markdown table and writes docs/nlu-comparison.md. Called by `make bench`.
# Exits 0 when the comparison ran (whoever wins), non-zero with a message when a step failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/nlpjs"
DOC="docs/nlu-comparison.md"
CONFIG="${CONFIG:-Release}" # as in the Makefile: the build configuration of the CLI to use
CLI_DLL="src/ChatOps.Cli/bin/$CONFIG/net10.0/chatops.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

WORK="$(mktemp -d "${TMPDIR:-/tmp}/nlu-compare.XXXXXX")"
cleanup() { rm -rf "$WORK"; }
trap cleanup EXIT

fail() {
  echo "compare.sh: $1" >&2
  if [ -n "${2:-}" ] && [ -s "$2" ]; then
    echo "--- last lines of its output ---" >&2
    tail -n 30 "$2" >&2
  fi
  exit 1
}

# run NAME LOG CMD...: runs CMD with its output in LOG; fails with the log's tail if it fails.
run() {
  local name="$1" log="$2"
  shift 2
  local status=0
  "$@" >"$log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || fail "$name failed (exit $status)" "$log"
}

now() { date +%s.%N; }

command -v node >/dev/null 2>&1 || fail "node is not installed (nlp.js needs Node.js 18 or later)"
command -v npm >/dev/null 2>&1 || fail "npm is not installed"
command -v dotnet >/dev/null 2>&1 || fail "dotnet is not installed"

# 1. The CLI (Release unless CONFIG says otherwise); built only when missing.
if [ ! -f "$CLI_DLL" ]; then
  echo "building the $CONFIG CLI (dotnet build src/ChatOps.Cli -c $CONFIG)..." >&2
  run "dotnet build src/ChatOps.Cli -c $CONFIG" "$WORK/build.log" dotnet build src/ChatOps.Cli -c "$CONFIG"
  [ -f "$CLI_DLL" ] || fail "the build finished but $CLI_DLL is missing" "$WORK/build.log"
fi
chatops() { dotnet "$CLI_DLL" "$@"; }
chatops_to() { local out="$1"; shift; dotnet "$CLI_DLL" "$@" >"$out"; } # standard output to a file

# 2. nlp.js (pinned in package.json / package-lock.json).
if [ ! -d "$HERE/node_modules/node-nlp" ] || [ ! -d "$HERE/node_modules/js-yaml" ]; then
  echo "installing nlp.js (npm install in $HERE)..." >&2
  run "npm install in $HERE" "$WORK/npm.log" npm install --prefix "$HERE" --no-audit --no-fund
fi

# 3. The data: training lines with their folds, and the test split.
STALE_HINT="(if the CLI rejects current sources or data, $CLI_DLL may be older than them: \`make build\` rebuilds it)"
run "chatops data export (training data with folds) $STALE_HINT" "$WORK/export-train.log" \
  chatops data export --format jsonl --folds 5 --seed 42 --out "$WORK/train.jsonl"
run "chatops data export (test split)" "$WORK/export-test.log" \
  chatops data export --format jsonl --data training-data/test --out "$WORK/test.jsonl"
[ -s "$WORK/train.jsonl" ] || fail "the training export is empty" "$WORK/export-train.log"
[ -s "$WORK/test.jsonl" ] || fail "the test export is empty" "$WORK/export-test.log"
grep -q '"fold"' "$WORK/train.jsonl" || fail "the training export has no \"fold\" field (does this CLI know --folds?)"
echo "data: $(wc -l <"$WORK/train.jsonl") training lines, $(wc -l <"$WORK/test.jsonl") test lines" >&2

# 4. ChatOps: train on the same data into the temp folder (timed), then score that model.
echo "ChatOps: training (chatops train, 5-fold CV + final model)..." >&2
start="$(now)"
run "chatops train" "$WORK/train.log" chatops train --out "$WORK/model/m.zip" --report "$WORK/model/r.md"
end="$(now)"
OURS_TRAIN_SECONDS="$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
[ -f "$WORK/model/m.zip" ] || fail "chatops train wrote no model" "$WORK/train.log"
echo "ChatOps: trained in ${OURS_TRAIN_SECONDS} s; scoring the test split (chatops eval --json)..." >&2
run "chatops eval --json" "$WORK/ours.log" \
  chatops_to "$WORK/ours.json" eval --json --model "$WORK/model/m.zip" --data training-data/test
grep -q '"accuracy"' "$WORK/ours.json" || fail "chatops eval --json printed no figures" "$WORK/ours.json"

# 5. nlp.js: threshold on the folds, final training, test split, latency.
echo "nlp.js: 5 fold trainings, final training, scoring and latency (about 2 minutes)..." >&2
status=0
node "$HERE/compare.js" --train "$WORK/train.jsonl" --test "$WORK/test.jsonl" \
  --catalog training-data/catalog.yaml >"$WORK/nlpjs.json" 2>"$WORK/nlpjs.log" || status=$?
grep '^nlp.js:' "$WORK/nlpjs.log" >&2 || true
[ "$status" -eq 0 ] || fail "the nlp.js run (tests/nlpjs/compare.js) failed (exit $status)" "$WORK/nlpjs.log"

# 6. The table, on standard output and in docs/nlu-comparison.md.
MACHINE="$(nproc 2>/dev/null || echo '?') cores, $(uname -sm), .NET $(dotnet --version 2>/dev/null || echo '?') ($CONFIG build of the CLI), Node $(node --version)"
echo >&2
status=0
node "$HERE/report.js" --ours "$WORK/ours.json" --ours-train-seconds "$OURS_TRAIN_SECONDS" \
  --nlpjs "$WORK/nlpjs.json" --doc "$DOC" --machine "$MACHINE" --ours-card "$WORK/model/model-card.json" || status=$?
[ "$status" -eq 0 ] || fail "writing the comparison table failed (exit $status)"
