#!/usr/bin/env bash
# `make up`: the whole local stack in one command. Starts the persistent node (`ape run node
# start`: deploys on first start), the indexer following it (`python -m vperp.indexer --follow`,
# into .indexer/ethereum-local-node.sqlite) and the web dashboard (`python -m vperp.web`), prints
# the URL, and on Ctrl-C (or SIGTERM) stops the dashboard and the indexer, then the node if this
# command started it (its state is dumped: the next `make up` continues the same chain).
# WEB_PORT (8000), VPERP_NODE_PORT (8645) and VPERP_INDEXER_DB override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
py=.venv/bin/python
web_port="${WEB_PORT:-8000}"
deployment="${VPERP_DEPLOYMENTS_DIR:-deployments}/ethereum-local-node.json"
mkdir -p .indexer
db="${VPERP_INDEXER_DB:-sqlite:///$PWD/.indexer/ethereum-local-node.sqlite}"

out=$(ape run node start)
echo "$out" | head -2
started_node=0
grep -q "^node started" <<<"$out" && started_node=1
rpc=$($py -m vperp.chain.node url)

pids=()
stopping=0
cleanup() {
  [ "$stopping" = 1 ] && return
  stopping=1
  trap - INT TERM
  echo "stopping the dashboard and the indexer..."
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "$started_node" = 1 ]; then $py -m vperp.chain.node stop; fi
  echo "stopped"
}
trap 'cleanup; exit 130' INT TERM
trap cleanup EXIT

# one pass to the head first (it creates or migrates the database before the dashboard opens it)
echo "indexing to the head..."
$py -m vperp.indexer --rpc "$rpc" --deployment "$deployment" --db "$db" | tail -1
$py -m vperp.indexer --rpc "$rpc" --deployment "$deployment" --db "$db" --follow \
  > .indexer/up-indexer.log 2>&1 &
pids+=($!)
$py -m vperp.web --rpc "$rpc" --deployment "$deployment" --db "$db" --port "$web_port" --dev-wallet &
pids+=($!)
echo "indexer log: .indexer/up-indexer.log; Ctrl-C stops everything"
wait -n "${pids[@]}" || true  # one of them ended on its own: stop the other
