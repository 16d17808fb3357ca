"""Writes the venv's `vperp_toolchain.pth` (run by `make setup`): every Python of .venv, hence
`.venv/bin/ape` and `.venv/bin/vperp` run without `source tools/env.sh`, finds the project's
Anvil (node_modules/.bin) and solc shim (.solcx) and Ape's project data folder (.ape), as the
Makefile and tools/env.sh set them. A variable already set is left as it is."""

from __future__ import annotations

import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

LINE = (
    "import os; "
    "b = {bin!r}; p = os.environ.get('PATH', ''); "
    "os.environ['PATH'] = p if b in p.split(os.pathsep) or not os.path.isdir(b) else b + os.pathsep + p; "
    "os.environ.setdefault('SOLCX_BINARY_PATH', {solcx!r}); "
    "os.environ.setdefault('APE_DATA_FOLDER', {ape!r})\n"
)


def main() -> None:
    target = Path(sysconfig.get_paths()["purelib"]) / "vperp_toolchain.pth"
    target.write_text(
        LINE.format(
            bin=str(ROOT / "node_modules" / ".bin"), solcx=str(ROOT / ".solcx"), ape=str(ROOT / ".ape")
        )
    )
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
