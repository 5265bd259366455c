#!/usr/bin/env bash
# External-link benchmark: generates a site of PAGES pages linking URLS
# distinct URLs on HOSTS loopback servers (127.0.0.1 only) that add 20–100 ms
# of latency, answer 5% 404, hang on 0.2%, refuse HEAD, redirect, fail once
# with 503 or 429, and answer 429 beyond RATE requests a second. Then it
# times pagelint's checker and, where they are installed or installable,
# pagelint's CLI, muffet, htmltest and linkinator on the same site, and
# prints which broken URLs each reported against the truth.
#
#   scripts/bench-links.sh                 # defaults below
#   PAGES=500 URLS=1000 scripts/bench-links.sh
#   SKIP="htmltest linkinator-retry" scripts/bench-links.sh   # leave out the slow runs
#   MUFFET=/path/to/muffet scripts/bench-links.sh              # a muffet binary to compare
#
# Results go to $WORK (default /tmp/bench-links). Each tool gets the same
# per-request timeout (TIMEOUT seconds); the server forgets its 429/503
# state before each tool, so every tool meets the same site.
set -euo pipefail
cd "$(dirname "$0")/.."

PAGES=${PAGES:-2000}
URLS=${URLS:-5000}
HOSTS=${HOSTS:-8}
PORT=${PORT:-18100}
RATE=${RATE:-150}
TIMEOUT=${TIMEOUT:-5}
WORK=${WORK:-/tmp/bench-links}
SKIP=${SKIP:-}
SITE=$WORK/site

rm -rf "$WORK" && mkdir -p "$WORK"
go build -o "$WORK/bench-links" ./scripts/bench-links
have_cli=0
if go build -o "$WORK/pagelint" ./cmd/pagelint 2>"$WORK/pagelint-build.log"; then have_cli=1; fi

"$WORK/bench-links" serve -dir "$SITE" -pages "$PAGES" -urls "$URLS" -hosts "$HOSTS" -port "$PORT" -rate "$RATE" &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -f "$SITE/ready" ] && break; sleep 0.1; done
[ -f "$SITE/ready" ] || { echo "bench-links: the site server did not start" >&2; exit 1; }

results=()
# run NAME COMMAND...: times COMMAND (wall seconds, peak memory) with its
# output in $WORK/NAME.out.
run() {
	local name=$1; shift
	case " $SKIP " in *" $name "*) echo "== $name: skipped (SKIP)" >&2; return;; esac
	"$WORK/bench-links" reset -port "$PORT"
	echo "== $name: $*" >&2
	/usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>&1 || true
	# time writes "Command exited with non-zero status N" first when
	# the tool found broken links; the figures are on the last line.
	read -r secs kb user sys < <(tail -n 1 "$WORK/$name.time") || true
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
	echo "   ${secs}s, $((kb / 1024)) MiB, ${cpu}s CPU" >&2
	printf '| %s | %s | %s | %s |\n' "$name" "$secs" "$((kb / 1024))" "$cpu" >>"$WORK/times.md"
	results+=("$WORK/$name.out")
}

printf '| tool | seconds | peak MiB | CPU seconds (user+sys) |\n|---|---|---|---|\n' >"$WORK/times.md"

run pagelint-checker "$WORK/bench-links" check -dir "$SITE" -timeout "${TIMEOUT}s" -cache "$WORK/links-cache.json"
run pagelint-checker-warm-cache "$WORK/bench-links" check -dir "$SITE" -timeout "${TIMEOUT}s" -cache "$WORK/links-cache.json"
run pagelint-checker-perhost16 "$WORK/bench-links" check -dir "$SITE" -timeout "${TIMEOUT}s" -per-host 16 -concurrency 128

if [ "$have_cli" = 1 ]; then
	# The link servers are on loopback and the site is a directory:
	# links.allowPrivate lets pagelint check them (docs/SECURITY.md).
	printf '{"links": {"external": true, "allowPrivate": true, "timeout": "%ss"}}\n' "$TIMEOUT" >"$WORK/pagelint.json"
	run pagelint "$WORK/pagelint" check --no-progress --no-cache -c "$WORK/pagelint.json" "$SITE"
fi

GOBIN=${GOBIN:-$(go env GOPATH)/bin}
if ! command -v muffet >/dev/null && [ ! -x "$GOBIN/muffet" ]; then
	GOFLAGS= go install github.com/raviqqe/muffet/v2@latest >/dev/null 2>&1 || echo "muffet: not installable here, skipped" >&2
fi
muffet=${MUFFET:-$(command -v muffet || { [ -x "$GOBIN/muffet" ] && echo "$GOBIN/muffet"; } || true)}
if [ -n "$muffet" ]; then
	# At pagelint's total concurrency (links.concurrency, 64): muffet's
	# own default is 512 connections.
	run muffet "$muffet" --timeout "$TIMEOUT" --max-connections 64 "http://127.0.0.1:$PORT/"
fi

if ! command -v htmltest >/dev/null && [ ! -x "$GOBIN/htmltest" ]; then
	GOFLAGS= go install github.com/wjdp/htmltest@latest >/dev/null 2>&1 || echo "htmltest: not installable here, skipped" >&2
fi
htmltest=$(command -v htmltest || { [ -x "$GOBIN/htmltest" ] && echo "$GOBIN/htmltest"; } || true)
if [ -n "$htmltest" ]; then
	cat >"$WORK/htmltest.yml" <<YAML
DirectoryPath: "$SITE"
CheckExternal: true
ExternalTimeout: $TIMEOUT
EnableCache: true  # also what makes it check each URL once in a run; WORK is fresh, so it starts cold
OutputDir: "$WORK/htmltest-tmp"
YAML
	run htmltest "$htmltest" -c "$WORK/htmltest.yml"
fi

LINKINATOR_DIR=${LINKINATOR_DIR:-$WORK/node}
if [ ! -x "$LINKINATOR_DIR/node_modules/.bin/linkinator" ] && command -v npm >/dev/null; then
	mkdir -p "$LINKINATOR_DIR"
	# linkinator 8 needs Node.js 22 and crashes at its start on older ones.
	node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
	linkinator=linkinator@latest
	if [ "$node_major" -lt 22 ]; then linkinator=linkinator@7; fi
	(cd "$LINKINATOR_DIR" && npm install --silent "$linkinator" >/dev/null 2>&1) || echo "linkinator: not installable here, skipped" >&2
fi
if [ -x "$LINKINATOR_DIR/node_modules/.bin/linkinator" ]; then
	run linkinator "$LINKINATOR_DIR/node_modules/.bin/linkinator" "$SITE" --recurse --timeout "$((TIMEOUT * 1000))" --verbosity error
	run linkinator-retry "$LINKINATOR_DIR/node_modules/.bin/linkinator" "$SITE" --recurse --timeout "$((TIMEOUT * 1000))" --verbosity error --retry --retry-errors
fi

echo
echo "Site: $PAGES pages, $URLS distinct URLs on $HOSTS hosts, timeout ${TIMEOUT}s, $(nproc) cores"
echo
cat "$WORK/times.md"
echo
"$WORK/bench-links" compare -truth "$SITE/truth.txt" "${results[@]}"
