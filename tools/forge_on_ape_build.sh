#!/usr/bin/env bash
# The forge suite (tests/forge, ci profile) on Ape's build of contracts/ (`make test`, `make fuzz`):
# exports the build that `ape compile` left in .build as forge artifacts (.forge/ape), then runs
# forge with the sources limited to tests/forge, compiled without via-IR (the protocol's own
# bytecode, via-IR, comes from the artifacts: tests/forge/utils/Vm.sol `artifact`). Arguments go
# to `forge test`. BIN and FORGE come from the Makefile (or tools/env.sh).
set -euo pipefail
: "${BIN:?}" "${FORGE:?}"
"$BIN/python" tools/export_artifacts.py
VPERP_FORGE_ARTIFACTS=.forge/ape FOUNDRY_PROFILE=ci FOUNDRY_SRC=tests/forge FOUNDRY_VIA_IR=false \
  FOUNDRY_OUT=.forge/out-ape FOUNDRY_CACHE_PATH=.forge/cache-ape "$FORGE" test "$@"
