"""Export Ape's build of contracts/ as JSON artifacts that forge's `vm.deployCode` reads.

`make test` and `make fuzz` compile the protocol once, with Ape (`ape compile --force`), and the
forge campaigns deploy that same bytecode (tests/forge/utils/Vm.sol, `artifact`): the ci profile
then compiles only tests/forge, not contracts/ a second time. One file per contract type of the
local manifest, `<out>/<Name>.json` = {"bytecode": "0x...", "deployedBytecode": "0x..."} (the
Hardhat shape, which forge accepts).

    python tools/export_artifacts.py [--build .build/__local__.json] [--out .forge/ape]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def export(manifest_path: Path, out: Path) -> int:
    """Write one artifact per contract type that has creation bytecode; returns how many."""
    manifest = json.loads(manifest_path.read_text())
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for name, ct in sorted(manifest.get("contractTypes", {}).items()):
        code = (ct.get("deploymentBytecode") or {}).get("bytecode")
        if not code or code == "0x":
            continue  # interfaces and abstract contracts
        runtime = (ct.get("runtimeBytecode") or {}).get("bytecode") or "0x"
        artifact = {"contractName": name, "bytecode": code, "deployedBytecode": runtime}
        (out / f"{name}.json").write_text(json.dumps(artifact))
        written += 1
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=Path(".build/__local__.json"))
    parser.add_argument("--out", type=Path, default=Path(".forge/ape"))
    args = parser.parse_args()
    if not args.build.exists():
        print(f"{args.build} not found: run `ape compile` first", file=sys.stderr)
        return 1
    n = export(args.build, args.out)
    if n == 0:
        print(f"{args.build} holds no bytecode", file=sys.stderr)
        return 1
    print(f"exported {n} artifacts to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
