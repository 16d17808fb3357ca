#!/usr/bin/env bash
# `make test`'s last step: set-up and the tests must leave the clone as they found it (issue 10,
# "a dirty clone"). $1: `git status --porcelain` hashed before set-up (the Makefile takes it when
# it starts); on a fresh clone that is the empty status, so any file the set-up or a test
# created or changed (and .gitignore does not cover) fails the run, listed.
set -euo pipefail
git rev-parse --is-inside-work-tree >/dev/null 2>&1 || exit 0  # not a git clone: nothing to check
now="$(git status --porcelain | md5sum | cut -d' ' -f1)"
if [ "$now" != "$1" ]; then
  echo "set-up or the tests changed the clone (git status --porcelain now):" >&2
  git status --porcelain >&2
  exit 1
fi
echo "the clone is as clean as before the tests"
