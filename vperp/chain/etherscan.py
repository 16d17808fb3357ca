"""ape-etherscan without its online chain list.

ape-etherscan 0.8.7 asks https://api.etherscan.io/v2/chainlist which chains it supports whenever
Ape looks for the explorer of a network that has no `etherscan:` entry in the config: every local
network (Ape's NetworkAPI.explorer calls Etherscan.supports_chain for the chain id), and a
network of another ecosystem listed after it. Offline (CI, these machines) that lookup raises
ConnectionError out of Ape's explorer lookup and out of `chain.contracts.get` for any address Ape
has not cached; online it is one request per process. `pin_chain_list` makes the list the networks
ape-config.yaml configures under `etherscan:` (chain id from the API URL's `chainid`), read
without the network: other chains have no explorer, as before the plugin was installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, urlparse

import yaml

from vperp.chain.config import ROOT


def configured_chains(etherscan: Mapping[str, Any]) -> list[dict[str, str]]:
    """Chain-list entries (the fields ape-etherscan reads) for each configured network."""
    chains = []
    for ecosystem, networks in etherscan.items():
        for name, net in (networks or {}).items() if isinstance(networks, Mapping) else ():
            if not isinstance(net, Mapping) or not net.get("api_uri") or not net.get("uri"):
                continue
            chain_id = parse_qs(urlparse(str(net["api_uri"])).query).get("chainid", [""])[0]
            if chain_id:
                chains.append(
                    {
                        "chainid": chain_id,
                        "chainname": f"{ecosystem}:{name}",
                        "blockexplorer": str(net["uri"]),
                        "apiurl": str(net["api_uri"]),
                    }
                )
    return chains


def pin_chain_list(config_file: Any = None) -> list[dict[str, str]]:
    """Replaces ape-etherscan's online chain list with ape-config.yaml's networks (no-op without
    ape-etherscan); returns the list."""
    try:
        import ape_etherscan.client as client
        import ape_etherscan.explorer as explorer
    except ImportError:
        return []
    raw = yaml.safe_load((config_file or ROOT / "ape-config.yaml").read_text()) or {}
    chains = configured_chains(raw.get("etherscan") or {})

    def offline_chain_list() -> list[dict[str, str]]:
        return chains

    client.get_supported_chains = offline_chain_list
    explorer.get_supported_chains = offline_chain_list
    return chains
