# One-command set-up on a fresh machine (Python 3.11 + Node 20). Everything installs into
# this folder: .venv (pinned Python packages), node_modules (solc, anvil, Solidity libraries),
# .solcx (the solc-v0.8.28 shim Ape finds), .ape (Ape's package cache). Idempotent.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(BIN):$(PATH)
export SOLCX_BINARY_PATH := $(CURDIR)/.solcx
export APE_DATA_FOLDER := $(CURDIR)/.ape
NETWORK ?= ethereum:local:foundry
# the native forge binary: node_modules/.bin/forge is a node wrapper that always exits 0
FORGE := $(CURDIR)/node_modules/@foundry-rs/forge-linux-$(shell uname -m | sed 's/x86_64/amd64/;s/aarch64/arm64/')/bin/forge


.PHONY: replays keeper-scale screenshots setup demo deploy up node node-stop node-status test test-fork test-fast fuzz fuzz-deep coverage mutation gas gas-snapshot lint fmt clean flaky-check

setup: $(VENV)/.installed node_modules/.installed .solcx/solc-v0.8.28

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(VENV)/bin/python || $(PY) -m venv $(VENV)
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	$(BIN)/python tools/venv_paths.py  # .venv/bin/ape and vperp find Anvil and the solc shim without tools/env.sh
	touch $@

node_modules/.installed: package.json package-lock.json
	npm install --no-audit --no-fund --loglevel=error  # not `npm ci`: npm 11 rejects locks without other platforms' optional anvil builds
	node_modules/.bin/anvil --version >/dev/null
	touch $@

.solcx/solc-v0.8.28: tools/solc-shim.js
	mkdir -p .solcx
	cp tools/solc-shim.js $@
	chmod +x $@

## main job: local Anvil node, full stack, scripted trading session
demo: setup
	@echo "make demo: compiling the contracts (about 2 minutes on a fresh clone, instant afterwards)"
	$(BIN)/ape compile
	$(BIN)/ape run demo --network $(NETWORK)

deploy: setup
	$(BIN)/ape run deploy --network $(NETWORK)

## the persistent local node (vperp/chain/node.py): a long-lived Anvil in the background on
## $(NODE_URL) without step tracing, bounded history, its state in .node/state.json (dumped on
## exit, loaded at the next start); deploys the stack on first start (deployments/ethereum-local-node.json).
## Attach anything to it: `export APE_FOUNDRY_HOST=$(NODE_URL)`, then `--network ethereum:local:foundry`.
NODE_URL ?= http://127.0.0.1:8645
node: setup
	$(BIN)/ape run node start

## everything on the local machine in one command (tools/up.sh): the persistent node (deployed on
## first start), the indexer following it and the web dashboard on http://127.0.0.1:$(WEB_PORT)/;
## Ctrl-C stops them all (the node only when this command started it)
WEB_PORT ?= 8000
up: setup
	WEB_PORT=$(WEB_PORT) tools/up.sh

node-stop: setup
	$(BIN)/python -m vperp.chain.node stop

node-status: setup
	$(BIN)/python -m vperp.chain.node status

## the whole test suite (CI runs exactly this): tools/run_tests.sh (PostgreSQL and Chromium
## installed in the background during set-up, a forced `ape compile`, the forge campaigns on that build, pytest on
## PYTEST_WORKERS=2 processes). Its last step (tools/check_clean.sh) fails when set-up or a test
## left the clone changed: `git status --porcelain` is hashed when make starts, before set-up.
test: STATUS_BEFORE := $(shell git status --porcelain 2>/dev/null | md5sum | cut -d' ' -f1)
test:
	BIN=$(BIN) FORGE=$(FORGE) MAKE="$(MAKE)" tools/run_tests.sh
	tools/check_clean.sh $(STATUS_BEFORE)

## the crash replays (vperp/sim/replay/batch.py): all five windows at REPLAY_ACCOUNTS accounts
## (default 306), each on its own Anvil without step tracing; writes reports/replays/ (per window
## <window>.json and <window>.png, README.md: the table with the peak memory; and the README's
## table and plots). About 3 min a window on 2 cores.
REPLAY_ACCOUNTS ?= 306
replays: setup
	$(BIN)/ape compile
	$(BIN)/python -m vperp.sim.replay.batch --accounts $(REPLAY_ACCOUNTS)

## the keeper at scale (vperp/sim/keeper_scale.py): 5,000 accounts, 250 liquidatable after a 10%
## drop, liquidated by the bots' keeper one by one and in LiquidationBatcher batches of 100, on
## its own Anvil without step tracing; writes reports/keeper-scale.md. A few minutes on 2 cores.
keeper-scale: setup
	$(BIN)/ape compile
	$(BIN)/python -m vperp.sim.keeper_scale

## the Arbitrum One fork tests (not part of `make test`, which runs the same scenarios on the
## offline twin): tests/integration/arbitrum/test_fork.py on ape-arbitrum's mainnet-fork network,
## upstream $$ARBITRUM_RPC_URL, the block pinned in ape-config.yaml (foundry: fork:)
test-fork: setup
	@test -n "$$ARBITRUM_RPC_URL" || { echo "ARBITRUM_RPC_URL is unset: set it to an Arbitrum One RPC URL"; exit 1; }
	$(BIN)/ape compile --force
	$(BIN)/ape test tests/integration/arbitrum/test_fork.py --network arbitrum:mainnet-fork:foundry -q -p no:cacheprovider

## the README's dashboard screenshots (reports/web/*.png): the browser tests, writing there
## instead of reports/web/latest/ (where `make test` writes them, git-ignored)
screenshots: setup
	$(BIN)/ape compile --force
	pg="$$(tools/postgres.sh)" && VPERP_TEST_PG_URL="$$pg" VPERP_CHROMIUM="$$(tools/chromium.sh)" \
	  VPERP_SCREENSHOT_DIR=reports/web $(BIN)/ape test tests/integration/web -q

## flakiness check (not part of `make test`): runs the liquidation and oracle test folders
## FLAKY_RUNS times in a row (default 20) on one forced build, prints each run's result and the
## count, and fails if any run failed (a failed run's log is kept and its path printed).
## reports/flakiness.md records the last result.
FLAKY_RUNS ?= 20
FLAKY_TESTS ?= tests/unit/liquidation tests/unit/oracle
flaky-check: setup
	$(BIN)/ape compile --force
	@logs=$$(mktemp -d -t flaky-check.XXXXXX); pass=0; fail=0; start=$$(date +%s); \
	for i in $$(seq 1 $(FLAKY_RUNS)); do \
	  t0=$$(date +%s); \
	  if $(BIN)/ape test $(FLAKY_TESTS) -q -p no:cacheprovider > $$logs/run-$$i.log 2>&1; then \
	    pass=$$((pass + 1)); rm -f $$logs/run-$$i.log; \
	    echo "flaky-check: run $$i/$(FLAKY_RUNS) passed ($$(( $$(date +%s) - t0 )) s)"; \
	  else \
	    fail=$$((fail + 1)); \
	    echo "flaky-check: run $$i/$(FLAKY_RUNS) FAILED ($$(( $$(date +%s) - t0 )) s), log $$logs/run-$$i.log"; \
	    grep -E '^(FAILED|ERROR) ' $$logs/run-$$i.log || tail -5 $$logs/run-$$i.log; \
	  fi; \
	done; \
	echo "flaky-check: $(FLAKY_RUNS) runs, $$pass passed, $$fail failed, $$(( $$(date +%s) - start )) s ($(FLAKY_TESTS))"; \
	test $$fail -eq 0

## native-speed invariant campaigns (tests/forge, forge): `fuzz` is the CI profile,
## `fuzz-deep` the long one (FOUNDRY_INVARIANT_RUNS / _DEPTH override either)
fuzz: setup
	$(BIN)/ape compile --force
	BIN=$(BIN) FORGE=$(FORGE) tools/forge_on_ape_build.sh

fuzz-deep: setup
	FOUNDRY_PROFILE=deep $(FORGE) test

## Solidity line and branch coverage of contracts/ (reports/coverage.md)
coverage: setup
	$(BIN)/python tools/coverage_report.py --forge $(FORGE)

## mutation testing (issue 15; not part of `make test`; 2-4 minutes per mutant on two cores):
## tools/mutate.py mutates contracts/core, libraries and logic one line at a time in a sandbox copy
## (never this tree), runs forge (when its test folder, tests/forge, has an invariant suite) then the Python tests
## mapped from the mutated contract, and writes reports/mutation.md. The seven mutants named in the
## issue plus a deterministic sample (MUTATION_SAMPLE, MUTATION_SEED); --resume continues an
## interrupted run from reports/mutation-results.json. `python tools/mutate.py --help` for the rest.
MUTATION_SAMPLE ?= 40
MUTATION_SEED ?= 15
MUTATION_JOBS ?= 1
mutation: setup
	$(BIN)/python tools/mutate.py --ids-file tools/mutation-named.txt --sample $(MUTATION_SAMPLE) \
		--seed $(MUTATION_SEED) --jobs $(MUTATION_JOBS) --resume --report reports/mutation.md

## gas report for the hot paths (written to reports/gas.md, with contract sizes)
gas: setup
	$(BIN)/ape compile --force
	$(BIN)/ape run gas_report --network $(NETWORK)

## rewrites reports/gas-snapshot.json on purpose (tests/integration/test_gas_snapshot.py compares to it, 1%)
gas-snapshot: setup
	$(BIN)/ape compile --force
	VPERP_UPDATE_GAS_SNAPSHOT=1 $(BIN)/ape test tests -q -k test_gas_snapshot

lint: setup
	$(BIN)/ruff check vperp scripts tests tools
	$(BIN)/ruff format --check vperp scripts tests tools
	$(BIN)/python tools/check_imports.py

fmt: setup
	$(BIN)/ruff format vperp scripts tests tools
	$(BIN)/ruff check --fix vperp scripts tests tools

clean:
	rm -rf .build contracts/.cache .ape
