#!/usr/bin/env bash
# Counts the instructions of `pagelint check --offline` (no config: every
# `recommended` rule) on a site, beside the tokenizer floor and html.Parse
# (scripts/tokenize-floor, -parse), with valgrind's callgrind. Unlike CPU
# time, which moves with the machine and the day by more than most changes
# (docs/BENCHMARKS.md), the counts repeat within ±0.3%: compare changes by
# them. The collector is off (GOGC=off) and preemption by signal too, so
# that a count does not depend on when the collector ran. BASE names
# another pagelint binary (an earlier commit's) to count beside it.
#   scripts/bench-instructions.sh ../shared/corpus/sites/govuk-developer-docs
#   BASE=/tmp/pagelint-before scripts/bench-instructions.sh SITE
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SITE" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "$0: valgrind is not installed" >&2; exit 2; }
site=$(realpath "$1")
cd "$(dirname "$0")/.."
out=${OUT:-bench/out-instructions}
mkdir -p "$out/empty" && out=$(realpath "$out") # no pagelint.json in empty
go build -o "$out/pagelint" ./cmd/pagelint
go build -o "$out/tokenize-floor" ./scripts/tokenize-floor

count() { # command...: prints the instructions it ran (pagelint exits 1 on findings)
  (cd "$out/empty" && GOGC=off GOMEMLIMIT=64GiB GODEBUG=cpu.rdtscp=off,asyncpreemptoff=1 \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null || true) |
    awk '/Collected :/ { print $NF }'
}
floor=$(count "$out/tokenize-floor" "$site")
parse=$(count "$out/tokenize-floor" -parse "$site")
pagelint=$(count "$out/pagelint" check --offline --no-progress "$site")
show() { awk -v n="$1" -v i="$2" -v f="$floor" 'BEGIN { printf "%-16s %7.3f G  %5.2f x the floor\n", n, i / 1e9, i / f }'; }
echo "$(find "$site" -name '*.html' | wc -l) pages; instructions (callgrind)"
show "tokenizer floor" "$floor"
show html.Parse "$parse"
show pagelint "$pagelint"
if [ -n "${BASE:-}" ]; then
  show BASE "$(count "$BASE" check --offline --no-progress "$site")"
fi
