#!/usr/bin/env bash
# Times `pagelint check --offline` on a generated site beside htmltest
# (CheckExternal: false, TestFilesConcurrently: true), runs alternating, with
# /usr/bin/time -v; prints the median wall time and the peak memory of each,
# and checks that pagelint found every planted defect. Beside them it times
# two references on the same pages (scripts/tokenize-floor): x/net/html's
# tokenizer alone, and its html.Parse building every page's tree (what
# reading pages as a browser does costs with Go's own parser, before
# anything is checked).
#   scripts/bench.sh            # 5,000 pages, 5 runs each
#   PAGES=20000 RUNS=3 scripts/bench.sh
#   PER_PAGE_LINKS=1 scripts/bench.sh   # no two pages share header or footer
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-bench/out}
mkdir -p "$out" && out=$(cd "$out" && pwd)
pages=${PAGES:-5000}
runs=${RUNS:-5}
mkdir -p "$out"
export PATH="$(go env GOPATH)/bin:$PATH"

go run ./scripts/gensite -out "$out/site" -pages "$pages" -per-page-links="${PER_PAGE_LINKS:-0}"
go build -o "$out/pagelint" ./cmd/pagelint
go build -o "$out/tokenize-floor" ./scripts/tokenize-floor
if ! command -v htmltest >/dev/null; then
  # `go install github.com/wjdp/htmltest@latest` fails on the module proxy's
  # deprecation lookup; building it inside a throwaway module works.
  tmp=$(mktemp -d)
  (cd "$tmp" && go mod init htmltest-build >/dev/null 2>&1 &&
    GOFLAGS=-mod=mod go get github.com/wjdp/htmltest@v0.17.0 &&
    go build -o "$(go env GOPATH)/bin/htmltest" github.com/wjdp/htmltest)
fi
cat > "$out/.htmltest.yml" <<YML
DirectoryPath: site
CheckExternal: false
TestFilesConcurrently: true
IgnoreAltMissing: true
LogLevel: 3
YML
echo '{"extends": ["recommended"]}' > "$out/pagelint.json"

measure() { # name, command...: appends "wall_s rss_kb" to $out/$name.times
  local name=$1; shift
  /usr/bin/time -v "$@" > "$out/$name.stdout" 2> "$out/$name.time" || true
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = t[n] + (n > 1 ? t[n-1] * 60 : 0) }
              /Maximum resident set size/ { rss = $2 }
              END { print s, rss }' "$out/$name.time" >> "$out/$name.times"
}
rm -f "$out"/*.times
for _ in $(seq "$runs"); do
  measure pagelint "$out/pagelint" check --offline --no-progress --config "$out/pagelint.json" -f json "$out/site"
  (cd "$out" && measure htmltest htmltest -c .htmltest.yml)
  measure tokenizer "$out/tokenize-floor" "$out/site"
  measure html.Parse "$out/tokenize-floor" -parse "$out/site"
done

summary() { sort -n "$out/$1.times" | awk -v name="$1" '{ w[NR] = $1; if ($2 > m) m = $2 } END { printf "%-10s median wall %.2f s   peak RSS %.0f MB\n", name, w[int((NR + 1) / 2)], m / 1024 }'; }
echo "$pages pages, $(du -sm "$out/site" | cut -f1) MB, $runs runs each, $(nproc) cores"
summary pagelint
summary htmltest
summary tokenizer
summary html.Parse

# Every planted defect must be among pagelint's findings.
missing=0
while read -r rule page target; do
  src="$out/site$page"
  if ! grep -q "\"source\": \"$src\"" "$out/pagelint.stdout" ||
     ! python3 - "$out/pagelint.stdout" "$rule" "$src" "$target" <<'PY'
import json, sys
rep = json.load(open(sys.argv[1]))
ok = any(f["rule"] == sys.argv[2] and f["source"] == sys.argv[3] and sys.argv[4] in f["message"] for f in rep["findings"])
sys.exit(0 if ok else 1)
PY
  then
    echo "not found: $rule $page $target"; missing=$((missing + 1))
  fi
done < "$out/planted.txt"
echo "planted defects: $(wc -l < "$out/planted.txt"), missed by pagelint: $missing"
