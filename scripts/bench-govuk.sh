#!/usr/bin/env bash
# Times four programs side by side on a real site build (the GOV.UK developer
# docs, 1,544 pages; not in the repository: give its folder):
#   - the floor: x/net/html's tokenizer over every page, 2 workers
#     (scripts/tokenize-floor);
#   - html.Parse: the same, building each page's tree with x/net/html's
#     Parse (tokenize-floor -parse): what reading pages as a browser does
#     costs with Go's own parser, before anything is checked;
#   - pagelint check --offline, no config (every `recommended` rule);
#   - htmltest (CheckExternal: false), from PATH or HTMLTEST.
# Runs alternate, RUNS times each (default 5), under /usr/bin/time -v; the
# script prints the median CPU time (user+sys) and peak RSS of each, and
# pagelint's CPU as a multiple of the floor's and of htmltest's. BASE names
# another pagelint binary (an earlier commit's) to run in the same rotation:
# the machine's speed, and how it treats each tool, changes from day to day
# (docs/BENCHMARKS.md), so a change is measured beside what it changed.
#   scripts/bench-govuk.sh ../shared/corpus/sites/govuk-developer-docs
#   HTMLTEST=../shared/peers/htmltest RUNS=9 scripts/bench-govuk.sh SITE
#   BASE=/tmp/pagelint-before scripts/bench-govuk.sh SITE
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 SITE" >&2; exit 2; }
site=$(realpath "$1")
cd "$(dirname "$0")/.."
out=${OUT:-bench/out-govuk}
mkdir -p "$out" && out=$(realpath "$out")
runs=${RUNS:-5}
htmltest=${HTMLTEST:-htmltest}
go build -o "$out/pagelint" ./cmd/pagelint
go build -o "$out/tokenize-floor" ./scripts/tokenize-floor
mkdir -p "$out/empty" # no pagelint.json here: the recommended rules
cat > "$out/.htmltest.yml" <<YML
DirectoryPath: $site
CheckExternal: false
TestFilesConcurrently: true
IgnoreAltMissing: true
LogLevel: 3
YML

measure() { # name, command...: appends "cpu_s rss_kb" to $out/$name.times
  local name=$1; shift
  /usr/bin/time -v "$@" > "$out/$name.stdout" 2> "$out/$name.time" || true
  awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident set size/ { rss = $2 }
              END { print u + s, rss }' "$out/$name.time" >> "$out/$name.times"
}
rm -f "$out"/*.times
for _ in $(seq "$runs"); do
  measure floor "$out/tokenize-floor" "$site"
  measure parse "$out/tokenize-floor" -parse "$site"
  (cd "$out/empty" && measure pagelint "$out/pagelint" check --offline --no-progress "$site")
  if [ -n "${BASE:-}" ]; then
    (cd "$out/empty" && measure base "$BASE" check --offline --no-progress "$site")
  fi
  (cd "$out" && measure htmltest "$htmltest" -c .htmltest.yml)
done

median() { sort -n "$out/$1.times" | awk '{ c[NR] = $1; if ($2 > m) m = $2 } END { print c[int((NR + 1) / 2)], m / 1024 }'; }
read -r floor_cpu floor_rss <<<"$(median floor)"
read -r pl_cpu pl_rss <<<"$(median pagelint)"
read -r ht_cpu ht_rss <<<"$(median htmltest)"
read -r parse_cpu parse_rss <<<"$(median parse)"
echo "$(find "$site" -name '*.html' | wc -l) pages, $runs runs each, $(nproc) cores; median CPU (user+sys), peak RSS"
printf '%-16s %6.2f s  %6.0f MB\n' "tokenizer floor" "$floor_cpu" "$floor_rss" html.Parse "$parse_cpu" "$parse_rss" pagelint "$pl_cpu" "$pl_rss" htmltest "$ht_cpu" "$ht_rss"
if [ -n "${BASE:-}" ]; then
  read -r base_cpu base_rss <<<"$(median base)"
  printf '%-16s %6.2f s  %6.0f MB\n' "BASE" "$base_cpu" "$base_rss"
  awk -v b="$base_cpu" -v f="$floor_cpu" -v h="$ht_cpu" 'BEGIN { printf "BASE: %.2f x the floor, %.2f x htmltest\n", b / f, b / h }'
fi
awk -v p="$pl_cpu" -v f="$floor_cpu" -v h="$ht_cpu" -v t="$parse_cpu" 'BEGIN { printf "pagelint: %.2f x the floor, %.2f x htmltest, %.2f x html.Parse\nhtml.Parse: %.2f x the floor, %.2f x htmltest\n", p / f, p / h, p / t, t / f, t / h }'
