"""Explorer verification of every contract a deployment created, through ape-etherscan.

Generic over the deploy code: the contracts are found from the deployer's nonces (every CREATE
the deployer sent between two nonces), not from a list of names, so a contract added to the
deployment later is verified too. Each is sent to ape-etherscan's SourceVerifier (the code path
of Ape's `deploy(..., publish=True)`: standard-JSON input, constructor arguments from the explorer's
record of the creation transaction, status polling) with the API of ape-config.yaml's `etherscan:`
section, or $VPERP_EXPLORER_API_URL. Unlike `publish=True`, a failure is not only logged: it is
recorded per contract and `require_verified` ends the run with a non-zero exit.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from vperp.chain.deploy import create_address

API_URL_VAR = "VPERP_EXPLORER_API_URL"  # another Etherscan-compatible API (the tests' stand-in)

VERIFIED = "verified"
FAILED = "failed"


class VerificationFailed(SystemExit):
    pass


@dataclass(frozen=True)
class Verification:
    name: str
    address: str
    status: str  # VERIFIED or FAILED
    url: str  # the contract's page on the explorer
    error: str = ""

    def record(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if v}


def created_contracts(provider: Any, deployer: str, first_nonce: int, next_nonce: int) -> list[str]:
    """Addresses of the contracts `deployer` created with nonces first_nonce .. next_nonce - 1, in
    deployment order (a nonce spent on a call leaves no code at its CREATE address)."""
    found = (create_address(deployer, n) for n in range(first_nonce, next_nonce))
    return [a for a in found if provider.get_code(a)]


def explorer_clients(explorer: Any) -> Any:
    """ape-etherscan's ClientFactory for `explorer` (the connected network's Etherscan), its API
    URL replaced by $VPERP_EXPLORER_API_URL when set."""
    from ape_etherscan.client import ClientFactory
    from ape_etherscan.types import EtherscanInstance

    network = explorer.network
    return ClientFactory(
        EtherscanInstance(
            ecosystem_name=network.ecosystem.name,
            network_name=network.name.replace("-fork", ""),
            uri=explorer.etherscan_uri,
            api_uri=os.environ.get(API_URL_VAR) or explorer.etherscan_api_uri,
        )
    )


def build_compiler(project: Any, name: str) -> Any:
    """The compiler entry of the build (version and the exact settings it compiled with) for the
    contract `name`, in the form SourceVerifier takes as-is. Without it, ape-etherscan 0.8.7 looks
    for contract names among outputSelection's source paths, never finds them, and recomputes
    the settings for every contract (~2 s each)."""
    from ethpm_types import Compiler

    compiler = project.manifest.get_contract_compiler(name)
    if compiler is None:
        return None
    return Compiler(
        name=compiler.name, version=compiler.version, settings=compiler.settings, contractTypes=[]
    )


def etherscan_verifier(explorer: Any, project: Any) -> Callable[[str], None]:
    """Verifies one address through ape-etherscan's SourceVerifier (raises on failure)."""
    from ape_etherscan.verify import SourceVerifier

    clients = explorer_clients(explorer)

    def verify(address: str) -> None:
        verifier = SourceVerifier(address, clients, project=project)
        verifier.attempt_verification(compiler=build_compiler(project, verifier.contract_name))

    return verify


def verify_contracts(
    addresses: Iterable[str],
    name_of: Callable[[str], str],
    url_of: Callable[[str], str],
    verify: Callable[[str], None],
) -> list[Verification]:
    """Verifies each address in turn; a failure is recorded and the next one is tried."""
    results = []
    for address in addresses:
        name = name_of(address)
        try:
            verify(address)
        except Exception as err:  # noqa: BLE001 - every failure is reported, none is swallowed
            results.append(
                Verification(name, address, FAILED, url_of(address), f"{type(err).__name__}: {err}")
            )
        else:
            results.append(Verification(name, address, VERIFIED, url_of(address)))
    return results


def verify_deployment(
    project: Any, chain: Any, explorer: Any, deployer: str, first_nonce: int, next_nonce: int
) -> list[Verification]:
    """Verifies every contract `deployer` created between the two nonces on the connected network."""
    if explorer is None:
        raise VerificationFailed(
            f"no block explorer for {chain.provider.network.choice}: is ape-etherscan installed?"
        )

    def name_of(address: str) -> str:
        ct = chain.contracts.get(address)
        return (ct.name if ct else None) or "?"

    addresses = created_contracts(chain.provider, deployer, first_nonce, next_nonce)
    return verify_contracts(
        addresses, name_of, explorer.get_address_url, etherscan_verifier(explorer, project)
    )


def require_verified(results: list[Verification], address_book: Any = None) -> None:
    """Raises VerificationFailed (non-zero exit) naming every contract that failed."""
    failed = [r for r in results if r.status != VERIFIED]
    if failed:
        lines = "\n".join(f"  - {r.name} {r.address}: {r.error}" for r in failed)
        where = f"; addresses and statuses in {address_book}" if address_book else ""
        raise VerificationFailed(
            f"explorer verification failed for {len(failed)} of {len(results)} contracts{where}:\n{lines}"
        )
