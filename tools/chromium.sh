#!/usr/bin/env bash
# Chromium for the browser tests (`make test` runs it before pytest): installs Debian's chromium
# package when missing (playwright cannot download its own browser here) and prints the path of
# the executable, which the tests hand to playwright as `executable_path` (VPERP_CHROMIUM).
# Idempotent, and instant when the browser is already there.
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
find_browser() {
  for b in /usr/lib/chromium/chromium /usr/bin/chromium /usr/bin/chromium-browser; do
    [ -x "$b" ] && { echo "$b"; return 0; }
  done
  return 1
}
if ! find_browser >/dev/null; then
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
find_browser
