#!/usr/bin/env bash
# The whole test suite (`make test`, which CI runs through .ci/run):
#  1. in the background, tools/postgres.sh then tools/chromium.sh install (Debian packages) and
#     start the indexer's database and the dashboard's browser, while `make setup` installs the
#     Python and npm toolchains and the compile runs: apt's work overlaps them;
#  2. `ape compile --force`: Ape recompiles an edited file but not the contracts importing it, so
#     a library edit could be tested against old bytecode; a forced build cannot;
#  3. the forge campaigns and unit tests (tests/forge, ci profile) on that same build
#     (tools/forge_on_ape_build.sh): forge compiles only tests/forge;
#  4. pytest through `ape test` on PYTEST_WORKERS processes (pytest-xdist, default 2: one per
#     core), each with its own Anvil; tests/integration modules run whole on one worker each.
# BIN (the venv's bin), FORGE (the native forge binary) and MAKE come from the Makefile.
set -euo pipefail
: "${BIN:?}" "${FORGE:?}" "${MAKE:?}"
deps=$(mktemp -d -t vperp-test-deps.XXXXXX)
trap 'rm -rf "$deps"' EXIT
(tools/postgres.sh >"$deps/pg" && tools/chromium.sh >"$deps/chromium") 2>"$deps/log" &
deps_pid=$!

phase() { echo "run_tests: $1 done at ${SECONDS} s"; }
# the venv (pip), node_modules (npm) and the solc shim are independent: installed side by side
"$MAKE" --no-print-directory -j3 setup
phase set-up
"$BIN/ape" compile --force
phase compile
tools/forge_on_ape_build.sh
phase forge

if ! wait "$deps_pid"; then
  echo "installing or starting PostgreSQL / Chromium failed:" >&2
  cat "$deps/log" >&2
  exit 1
fi
phase "PostgreSQL and Chromium"
VPERP_TEST_PG_URL="$(cat "$deps/pg")" VPERP_CHROMIUM="$(cat "$deps/chromium")" \
  "$BIN/ape" test tests -q --durations=40 -n "${PYTEST_WORKERS:-2}" --dist loadgroup
phase pytest
