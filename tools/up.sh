#!/usr/bin/env bash
# `make up`: the whole local stack in one command. Starts the persistent node (`ape run node
# start`: deploys on first start), the bots (`python -m vperp.bots keeper|funding|executor`, signing
# with the node's test accounts 7, 8 and 9; logs in .indexer/up-<bot>.log), the indexer following
# it (`python -m vperp.indexer --follow`, into .indexer/ethereum-local-node.sqlite) and the web
# dashboard (`python -m vperp.web`), prints the URL, and on Ctrl-C (or SIGTERM) stops the
# dashboard, the indexer and the bots, then the node if this command started it (its state is
# dumped: the next `make up` continues the same chain).
# WEB_PORT (8000), VPERP_NODE_PORT (8645), VPERP_INDEXER_DB and VPERP_UP_LOGS (.indexer) override
# the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/env.sh
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
py=.venv/bin/python
web_port="${WEB_PORT:-8000}"
deployment="${VPERP_DEPLOYMENTS_DIR:-deployments}/ethereum-local-node.json"
logs="${VPERP_UP_LOGS:-.indexer}"
mkdir -p .indexer "$logs"
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
  echo "stopping the dashboard, the indexer and the bots..."
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
  > "$logs/up-indexer.log" 2>&1 &
pids+=($!)
account=7
for bot in keeper funding executor; do
  $py -m vperp.bots "$bot" --rpc-url "$rpc" --deployment "$deployment" --test-account "$account" \
    > "$logs/up-$bot.log" 2>&1 &
  pids+=($!)
  account=$((account + 1))
done
$py -m vperp.web --rpc "$rpc" --deployment "$deployment" --db "$db" --port "$web_port" --dev-wallet &
pids+=($!)
echo "logs: $logs/up-{indexer,keeper,funding,executor}.log; Ctrl-C stops everything"
wait -n "${pids[@]}" || true  # one of them ended on its own: stop the other
