# Source me: the environment the Makefile uses (for running `ape` by hand).
_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_root/node_modules/.bin:$_root/.venv/bin:$PATH"
export SOLCX_BINARY_PATH="$_root/.solcx"
export APE_DATA_FOLDER="$_root/.ape"
