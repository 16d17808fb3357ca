#!/usr/bin/env bash
# PostgreSQL for the indexer tests (`make test` runs it before pytest): installs the Debian
# package when missing, creates and starts the cluster with pg_ctlcluster (PostgreSQL's tools
# refuse to run as root; pg_ctlcluster switches to the postgres user), creates the `vperp` role
# (login, createdb, pg_signal_backend) and prints the SQLAlchemy URL of its maintenance database. Idempotent, and
# quick (well under a second) when everything is already there.
set -euo pipefail
exec 3>&1 1>&2 # what the tools print goes to stderr: stdout carries only the URL
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null; then
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main"' | grep -q .; then
  $SUDO pg_createcluster "$ver" main >/dev/null 3>&-
fi
if ! pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $4}' | grep -q online; then
  $SUDO pg_ctlcluster "$ver" main start 3>&- # the server must not inherit the URL pipe
fi
port=$(pg_lsclusters -h | awk -v v="$ver" '$1==v && $2=="main" {print $3}')
psql_pg() { $SUDO runuser -u postgres -- psql -p "$port" -qtAX "$@"; }
for _ in $(seq 50); do psql_pg -c "select 1" >/dev/null 2>&1 && break; sleep 0.2; done
if [ "$(psql_pg -c "select count(*) from pg_roles where rolname='vperp'")" != "1" ]; then
  psql_pg -c "create role vperp login password 'vperp' createdb"
fi
# DROP DATABASE ... WITH (FORCE) of a test database may have to end an autovacuum worker
if [ "$(psql_pg -c "select pg_has_role('vperp', 'pg_signal_backend', 'member')")" != "t" ]; then
  psql_pg -c "grant pg_signal_backend to vperp"
fi
echo "postgresql+psycopg://vperp:vperp@127.0.0.1:${port}/postgres" >&3
