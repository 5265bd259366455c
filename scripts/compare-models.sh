#!/usr/bin/env bash
# Compares the page models and offline findings of two pagelint binaries:
#   scripts/compare-models.sh OLD NEW
# over every fixture (in its folder, with its config), examples/, a
# generated site, and the real pages of CORPUS (a folder with pages/*.html,
# *.html and sites/*, not in the repository). For each input it runs
# `extract` and `check --offline -f json` with both binaries and prints,
# page by page, the fields of the model (or the findings) that differ.
#   CORPUS=../shared/corpus scripts/compare-models.sh /tmp/pagelint-old ./pagelint
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OLD NEW" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2")
cd "$(dirname "$0")/.."
out=${OUT:-bench/out-compare}
rm -rf "$out" && mkdir -p "$out" && out=$(realpath "$out")
go run ./scripts/gensite -out "$out/gensite" -pages "${PAGES:-300}" >/dev/null

inputs=()                      # "name<TAB>directory to run in<TAB>input"
for d in fixtures/*/; do
  d=${d%/}
  ls "$d"/*.html >/dev/null 2>&1 && inputs+=("$(basename "$d")	$d	.")
done
inputs+=("examples	.	examples" "gensite	$out	gensite")
if [ -n "${CORPUS:-}" ]; then
  corpus=$(realpath "$CORPUS")
  for f in "$corpus"/pages/*.html "$corpus"/*.html; do
    inputs+=("$(basename "$f")	$out	$f")
  done
  for s in "$corpus"/sites/*/; do
    inputs+=("$(basename "$s")	$out	${s%/}")
  done
fi

differ=0
for entry in "${inputs[@]}"; do
  IFS=$'\t' read -r name dir input <<<"$entry"
  for bin in old new; do
    exe=$old; [ $bin = new ] && exe=$new
    (cd "$dir" && "$exe" extract "$input" >"$out/$name.$bin.model.json" 2>"$out/$name.$bin.model.err" || true)
    (cd "$dir" && "$exe" check --offline --no-progress -f json "$input" >"$out/$name.$bin.check.json" 2>"$out/$name.$bin.check.err" || true)
  done
  if ! python3 - "$out/$name" <<'PY'
import json, sys
base = sys.argv[1]
def load(kind, bin):
    try:
        return json.load(open(f"{base}.{bin}.{kind}.json"))
    except ValueError:
        return open(f"{base}.{bin}.{kind}.err").read().strip()
same = True
def report(what, a, b):
    global same
    same = False
    print(f"  {what}:\n    old {json.dumps(a)[:400]}\n    new {json.dumps(b)[:400]}")
old, new = load("model", "old"), load("model", "new")
if isinstance(old, list) and isinstance(new, list):
    olds, news = {p["source"]: p for p in old}, {p["source"]: p for p in new}
    for src in sorted(set(olds) | set(news)):
        a, b = olds.get(src), news.get(src)
        if a is None or b is None:
            report(f"{src}: page", a is not None, b is not None)
            continue
        for k in sorted(set(a) | set(b)):
            if a.get(k) != b.get(k):
                report(f"{src}: {k}", a.get(k), b.get(k))
elif old != new:
    report("model", old, new)
old, new = load("check", "old"), load("check", "new")
key = lambda f: json.dumps(f, sort_keys=True)
if isinstance(old, dict) and isinstance(new, dict):
    a = sorted(map(key, old.get("findings", [])))
    b = sorted(map(key, new.get("findings", [])))
    gone, added = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    for f in gone:
        report("finding only old", json.loads(f), None)
    for f in added:
        report("finding only new", None, json.loads(f))
elif old != new:
    report("check", old, new)
sys.exit(0 if same else 1)
PY
  then
    echo "^ $name differs"
    differ=$((differ + 1))
  fi
done
echo "${#inputs[@]} inputs compared, $differ differ"
