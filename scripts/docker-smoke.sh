#!/usr/bin/env bash
# Builds both container images (Dockerfile) and runs them on the example
# site. Skips, saying so, when no Docker engine answers (`docker info`).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker >/dev/null 2>&1 || ! docker info >/dev/null 2>&1; then
  echo "docker-smoke: skipped: no Docker engine (docker info fails)"
  exit 0
fi

version=0.0.0-ci
docker build --target static --build-arg VERSION="$version" -t pagelint:ci .
docker build --target chromium --build-arg VERSION="$version" -t pagelint:ci-chromium .

expect() { # expect CODE COMMAND...: run COMMAND, which must exit CODE
  local want=$1
  shift
  set +e
  "$@"
  local got=$?
  set -e
  if [ "$got" != "$want" ]; then
    echo "docker-smoke: $* exited $got, want $want" >&2
    exit 1
  fi
}

for image in pagelint:ci pagelint:ci-chromium; do
  test "$(docker run --rm "$image" version)" = "pagelint version $version"
  # The example site has defects on purpose: exit 1, with findings.
  expect 1 docker run --rm -v "$PWD/examples/contoso:/work:ro" "$image" check --offline --no-progress .
done
# Chromium renders the site inside the image.
expect 1 docker run --rm -v "$PWD/examples/contoso:/work:ro" pagelint:ci-chromium check --offline --no-progress --render .
echo "docker-smoke: ok"
