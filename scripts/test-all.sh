#!/usr/bin/env bash
# Every check `npm test` promises, in order, stopping at the first failure.
# Meant to work on a fresh Debian machine that has only Node 20: the e2e tests need Debian's Chromium,
# which is installed here with apt-get when missing (Playwright's own browser download is never used).
set -euo pipefail

cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
declare -a SUMMARY=()

say() { printf '\n==> %s\n' "$*"; }

summary() {
  printf '\n==> Summary\n'
  local line
  for line in "${SUMMARY[@]}"; do
    printf '  %s\n' "$line"
  done
}

fail() {
  local step=$1 why=$2
  SUMMARY+=("FAIL  $step")
  summary
  printf '\nnpm test FAILED at step "%s": %s\n' "$step" "$why" >&2
  exit 1
}

# Installs a Debian package when the program it provides is missing (CHROMIUM for the e2e tests; jq,
# which the bash active-response scaffolds need, and patch, which applies the exported .diff, for the
# unit tests that run them).
ensure_package() {
  local package=$1 program=$2
  if [ -x "$program" ]; then
    SUMMARY+=("ok    $package (already at $program)")
    return 0
  fi
  say "$package: $program is missing; installing Debian's $package with apt-get"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      fail "$package" "$program is missing, this user is not root and sudo is not installed; run as root: apt-get update && apt-get install -y $package"
    fi
    sudo=(sudo)
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    fail "$package" "$program is missing and apt-get is not available (not a Debian system?); install $package so that $program exists"
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update; then
    fail "$package" "apt-get update failed (no network access to the Debian mirrors, or no permission)"
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$package"; then
    fail "$package" "apt-get install -y $package failed (see apt's output above)"
  fi
  if [ ! -x "$program" ]; then
    fail "$package" "apt-get installed $package but $program still does not exist"
  fi
  SUMMARY+=("ok    $package (installed with apt-get)")
}

step() {
  local name=$1
  shift
  say "$name: $*"
  local started=$SECONDS
  if "$@"; then
    SUMMARY+=("ok    $name ($((SECONDS - started)) s)")
  else
    fail "$name" "\`$*\` exited with status $?"
  fi
}

ensure_package chromium "$CHROMIUM"
ensure_package jq /usr/bin/jq
ensure_package patch /usr/bin/patch
step typecheck npx tsc -b
step lint npx biome check --error-on-warnings .
step unit npx vitest run
step build npx vite build
step e2e npx playwright test

summary
printf '\nnpm test passed: every step succeeded.\n'
