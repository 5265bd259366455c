#!/usr/bin/env bash
# The builder's bounds (docs/BENCHMARKS.md): pagelint check --offline on
#   - pages of 1,000, 10,000 and 100,000 nested divs (time linear in depth);
#   - pages of 1, 10 and 49 MB (under the default 50 MB limit) of navs of links (memory and time linear in
#     bytes): every link a link-broken finding, then with a config that
#     turns that rule off (no findings: the parse's peak decides the run's);
#   - generated sites of SITES pages (default "10000 50000 100000", "" for
#     none: memory that grows with distinct links and menus, not with pages).
# It prints CPU time (user+sys) and peak RSS of each run. What a large
# page's run retains (its findings and pages) is measured by
# `go test ./internal/lint -bench LargePage` (retained-MB), the parse's own
# peak by `go test ./internal/page/htmlpage -bench LargePage` (peak-live-MB).
#   scripts/bench-limits.sh
#   SITES=10000 scripts/bench-limits.sh
#   SITES= scripts/bench-limits.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-bench/out-limits}
mkdir -p "$out" && out=$(realpath "$out")
go build -o "$out/pagelint" ./cmd/pagelint
run() { # label, input, extra arguments
  /usr/bin/time -f "%U %S %M" "$out/pagelint" check --offline --no-progress -f json "${@:3}" "$2" > "$out/last.json" 2> "$out/last.time" || true
  tail -1 "$out/last.time" | awk -v l="$1" -v b="$(du -b "$2" | tail -1 | cut -f1)" \
    '{ printf "%-22s %8.1f MB  %7.2f s CPU  %7.0f MB peak RSS  (%.1f x the input)\n", l, b / 1048576, $1 + $2, $3 / 1024, $3 * 1024 / b }'
}
python3 - "$out" <<'PY'
import sys
out = sys.argv[1]
for depth in (1000, 10000, 100000):
    with open(f"{out}/nested-{depth}.html", "w") as f:
        f.write("<!DOCTYPE html><body>" + "<div>" * depth + '<nav><a href="/x">x</a></nav>' + "</div>" * depth)
for mb in (1, 10, 49):
    with open(f"{out}/large-{mb}mb.html", "w") as f:
        f.write("<!DOCTYPE html><html><head><title>Large</title></head><body>\n")
        n, i = 0, 0
        while n < mb << 20:
            nav = f'<nav aria-label="Section {i}"><ul>\n' + "".join(
                f'<li><a href="/section-{i}/page-{j}.html" class="nav-link">Page {i}.{j}</a></li>\n' for j in range(50)) + "</ul></nav>\n"
            f.write(nav)
            n, i = n + len(nav), i + 1
        f.write("</body></html>\n")
PY
for depth in 1000 10000 100000; do run "nested divs: $depth" "$out/nested-$depth.html"; done
for mb in 1 10 49; do run "large page: $mb MB" "$out/large-${mb}mb.html"; done
echo '{ "rules": { "link-broken": "off" } }' > "$out/no-link-broken.json"
for mb in 1 10 49; do run "no link-broken: $mb MB" "$out/large-${mb}mb.html" -c "$out/no-link-broken.json"; done
for pages in ${SITES-10000 50000 100000}; do
  rm -rf "$out/site"
  go run ./scripts/gensite -out "$out/site" -pages "$pages" > /dev/null
  run "site: $pages pages" "$out/site"
done
rm -rf "$out/site"
