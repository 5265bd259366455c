#!/usr/bin/env bash
# Records the CPU profile that `go build` optimises pagelint with,
# cmd/pagelint/default.pgo (docs/BENCHMARKS.md, "Profile-guided
# optimisation"): `pagelint check --offline` on a generated site of 5,000
# pages and on each site given, 20 times each. Run it on a real site build too,
# and again when the parse or the checks change much. Recordings differ: of
# two on the same code, one built a binary that ran 4% more instructions, so
# count a run's instructions (docs/BENCHMARKS.md) before keeping a profile.
#   scripts/pgo-profile.sh [SITE...]
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./scripts/gensite -out "$tmp/site" -pages 5000 > /dev/null
sites=$tmp/site
for site in "$@"; do sites=$sites:$(realpath "$site"); done
PAGELINT_PROFILE_SITES=$sites go test ./cmd/pagelint -run '^$' -bench ProfileSites -benchtime 20x \
  -cpuprofile "$tmp/cpu.pprof" -o "$tmp/pagelint.test" > /dev/null
cp "$tmp/cpu.pprof" cmd/pagelint/default.pgo.tmp
mv cmd/pagelint/default.pgo.tmp cmd/pagelint/default.pgo
echo "wrote cmd/pagelint/default.pgo ($(wc -c < cmd/pagelint/default.pgo) bytes)"
