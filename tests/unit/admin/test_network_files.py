"""The testnet network files (config/networks/*.yaml) and what the deploy makes of them, without a
chain: every address is sourced and checksummed, a missing one refuses the deploy, the merged
deploy config points every market at its feed, and verification failures are collected and
reported (vperp.chain.live, vperp.chain.verify)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from vperp.chain.config import ROOT, load_config
from vperp.chain.live import NETWORKS_DIR, UnconfirmedAddress, load_live_network
from vperp.chain.verify import FAILED, VERIFIED, VerificationFailed, require_verified, verify_contracts

# Each address with the official page it comes from (the file's `source`), checked offline (see
# each file's `checked` lines); the report of the change lists the same.
EXPECTED = {
    "arbitrum:sepolia": {
        "chain_id": 421614,
        "usdc": "0x75faf114eafb1BDbe2F0316DF893fd58CE46AA4d",
        "pyth": "0x4374e5a8b9C22271E9EB878A2AA31DE97DF15DAF",
        "vETH": "0xd30e2101a97dcbAeBCBC04F14C3f624E67A35165",
        "vBTC": "0x56a43EB56Da12C0dc1D972ACb089c06a5dEF8e69",
    },
    "optimism:sepolia": {
        "chain_id": 11155420,
        "usdc": "0x5fd84259d66Cd46123540766Be93DFE6D43130D7",
        "pyth": "0x0708325268dF9F66270F1401206434524814508b",
        "vETH": "0x61Ec26aA57019C486B10502285c5A3D4A4750AD7",
        "vBTC": "0x3015aa11f5c2D4Bd0f891E708C8927961b38cE7D",
    },
}
OFFICIAL = {
    "USDC": "https://developers.circle.com/",
    "Pyth": "https://docs.pyth.network/",
    "feed": "https://docs.chain.link/",
}


@pytest.mark.parametrize("network", sorted(EXPECTED))
def test_network_file_addresses_and_sources(network):
    live = load_live_network(network)
    want = EXPECTED[network]
    assert live.path == NETWORKS_DIR / f"{network.replace(':', '-')}.yaml"
    assert live.chain_id == want["chain_id"]
    assert (live.usdc.address, live.usdc.decimals) == (want["usdc"], 6)
    assert live.pyth.address == want["pyth"]
    assert {s: f.address for s, f in live.feeds.items()} == {"vETH": want["vETH"], "vBTC": want["vBTC"]}
    assert live.feeds["vETH"].description == "ETH / USD" and live.feeds["vBTC"].description == "BTC / USD"
    assert all(f.decimals == 8 for f in live.feeds.values())
    # no uptime feed is listed for either testnet: null, with its source, the rule skipped
    assert live.sequencer_uptime_feed.address is None
    assert live.sequencer_uptime_feed.source == "https://docs.chain.link/data-feeds/l2-sequencer-feeds"
    assert live.usdc.source.startswith(OFFICIAL["USDC"]) and live.pyth.source.startswith(OFFICIAL["Pyth"])
    assert all(f.source.startswith(OFFICIAL["feed"]) for f in live.feeds.values())
    assert all(c.checked for c in (live.usdc, live.pyth, *live.feeds.values()))


def test_ape_knows_the_networks_and_their_explorers():
    """The chain ids match ape-arbitrum's / ape-optimism's, and ape-config.yaml pins each testnet's
    explorer and API (ape-etherscan would otherwise look them up online)."""
    from ape_arbitrum.ecosystem import NETWORKS as ARBITRUM
    from ape_optimism.ecosystem import NETWORKS as OPTIMISM

    assert ARBITRUM["sepolia"][0] == EXPECTED["arbitrum:sepolia"]["chain_id"]
    assert OPTIMISM["sepolia"][0] == EXPECTED["optimism:sepolia"]["chain_id"]
    etherscan = yaml.safe_load((ROOT / "ape-config.yaml").read_text())["etherscan"]
    for network, want in EXPECTED.items():
        ecosystem, name = network.split(":")
        api = etherscan[ecosystem][name]["api_uri"]
        assert api == f"https://api.etherscan.io/v2/api?chainid={want['chain_id']}"
        assert etherscan[ecosystem][name]["uri"].startswith("https://")


def test_deploy_config_uses_the_network_addresses():
    live = load_live_network("arbitrum:sepolia")
    deployer = "0x00000000000000000000000000000000000000d1"
    cfg = live.deploy_config(load_config(), deployer)
    assert cfg.usdc == EXPECTED["arbitrum:sepolia"]["usdc"]
    assert cfg.pyth == EXPECTED["arbitrum:sepolia"]["pyth"]
    assert {m.symbol: m.chainlink for m in cfg.markets} == {
        "vETH": EXPECTED["arbitrum:sepolia"]["vETH"],
        "vBTC": EXPECTED["arbitrum:sepolia"]["vBTC"],
    }
    assert (cfg.insurance_fund_seed, cfg.liquidity_pool_seed) == (5, 20)
    assert [m.chainlink_max_age for m in cfg.markets] == [86_700, 86_700]  # the network file's
    assert cfg.governance.treasury == cfg.governance.guardian == deployer
    # the rest is config/deploy.yaml's
    assert cfg.markets[0].params == load_config().markets[0].params


def _write(tmp_path: Path, edit) -> Path:
    raw = yaml.safe_load((NETWORKS_DIR / "arbitrum-sepolia.yaml").read_text())
    edit(raw)
    path = tmp_path / "net.yaml"
    path.write_text(yaml.safe_dump(raw))
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda r: r["usdc"].update(address=None), "the USDC address is unconfirmed"),
        (lambda r: r["pyth"].update(address=None), "the Pyth address is unconfirmed"),
        (
            lambda r: r["markets"]["vBTC"].update(address=None),
            "the vBTC Chainlink feed address is unconfirmed",
        ),
        (lambda r: r["pyth"].pop("source"), "`Pyth` needs an address and a `source` line"),
        (lambda r: r["usdc"].update(address=r["usdc"]["address"].lower()), "not a checksummed address"),
        (lambda r: r.update(network="optimism:sepolia"), "is for optimism:sepolia, not arbitrum:sepolia"),
    ],
)
def test_an_unconfirmed_or_unsourced_address_refuses_the_deploy(tmp_path, edit, message):
    path = _write(tmp_path, edit)
    with pytest.raises(UnconfirmedAddress, match=message) as err:
        load_live_network("arbitrum:sepolia", path)
    assert str(path) in str(err.value)


def test_a_network_without_a_file_refuses(tmp_path):
    with pytest.raises(UnconfirmedAddress, match="no network file for arbitrum:mainnet"):
        load_live_network("arbitrum:mainnet", tmp_path / "missing.yaml")


def test_every_verification_is_tried_and_failures_exit_non_zero():
    tried = []

    def verify(address: str) -> None:
        tried.append(address)
        if address == "0xB":
            raise RuntimeError("Fail - Unable to verify")

    results = verify_contracts(
        ["0xA", "0xB", "0xC"], {"0xA": "A", "0xB": "B", "0xC": "C"}.get, "x/{}".format, verify
    )
    assert tried == ["0xA", "0xB", "0xC"]
    assert [r.status for r in results] == [VERIFIED, FAILED, VERIFIED]
    assert results[1].error == "RuntimeError: Fail - Unable to verify" and results[1].url == "x/0xB"
    require_verified([results[0], results[2]])  # all verified: no exit
    with pytest.raises(
        VerificationFailed, match=r"failed for 1 of 3 contracts; addresses and statuses in book"
    ) as e:
        require_verified(results, "book")
    assert "B 0xB: RuntimeError: Fail - Unable to verify" in str(e.value)
    assert e.value.code not in (0, None)


def test_ape_etherscan_never_looks_chains_up_online(networks, chain):
    """tests/conftest.py pins ape-etherscan's chain list (vperp.chain.etherscan): the local chain
    has no explorer and an unknown address is simply unknown (unpinned, both raise ConnectionError
    offline); the testnets' explorers are ape-config.yaml's."""
    from ape_etherscan import Etherscan

    from vperp.chain.etherscan import pin_chain_list

    chains = {c["chainid"]: c for c in pin_chain_list()}
    assert set(chains) == {"421614", "11155420"}
    assert chains["421614"]["blockexplorer"] == "https://sepolia.arbiscan.io"
    assert not Etherscan.supports_chain(chain.chain_id) and Etherscan.supports_chain(421614)
    assert networks.provider.network.explorer is None
    assert chain.contracts.get("0x000000000000000000000000000000000000dEaD") is None
    sepolia = networks.optimism.sepolia
    assert (
        sepolia.explorer is not None
        and sepolia.explorer.etherscan_uri == "https://sepolia-optimism.etherscan.io"
    )


class _Feed:
    def __init__(self, decimals: int, description: str, answer: int, updated_at: int) -> None:
        self.decimals = lambda: decimals
        self.description = lambda: description
        self.latestRoundData = lambda: (1, answer, updated_at, updated_at, 1)


def test_preflight_lists_every_problem_before_any_transaction(monkeypatch):
    """Wrong chain, no API key, no code at Pyth, a feed with the wrong decimals, one with the wrong
    description and stale, a deployer without USDC or ETH: all reported at once."""
    from types import SimpleNamespace

    from vperp.chain.preflight import PreflightFailed, preflight_problems, require_preflight

    live = load_live_network("arbitrum:sepolia")
    deployer = "0x00000000000000000000000000000000000000d1"
    cfg = live.deploy_config(load_config(), deployer)
    want = EXPECTED["arbitrum:sepolia"]
    now = 1_800_000_000
    contracts = {
        want["vETH"]: _Feed(18, "ETH / USD", 3_000 * 10**8, now - 60),
        want["vBTC"]: _Feed(8, "LINK / USD", 60_000 * 10**8, now - 90_000),
        want["usdc"]: SimpleNamespace(decimals=lambda: 6, balanceOf=lambda who: 10**6),
    }
    chain = SimpleNamespace(
        chain_id=31337,
        blocks=SimpleNamespace(head=SimpleNamespace(timestamp=now)),
        provider=SimpleNamespace(
            get_code=lambda a: b"\x01" if a in contracts else b"", get_balance=lambda a: 0
        ),
    )
    at = SimpleNamespace(at=contracts.__getitem__)
    project = SimpleNamespace(ChainlinkAggregatorMock=at, TestUSDC=at)
    monkeypatch.delenv("ETHERSCAN_API_KEY", raising=False)
    problems = preflight_problems(project, chain, live, cfg, deployer, publish=True)
    expected = [
        "connected chain id 31337, but",
        "ETHERSCAN_API_KEY is not set",
        f"no code at the Pyth address {want['pyth']}",
        f"vETH Chainlink feed {want['vETH']}: decimals() is 18, expected 8",
        f"vBTC Chainlink feed {want['vBTC']}: description() is 'LINK / USD', expected 'BTC / USD'",
        "vBTC Chainlink feed",  # stale: 90,000 s > 86,700 s
        f"the deployer {deployer} holds 1000000 USDC units, the seeds need 25000000",
        f"the deployer {deployer} has no ETH for gas",
    ]
    assert len(problems) == len(expected), problems
    for p, start in zip(problems, expected, strict=True):
        assert p.startswith(start), (p, start)
    assert "last updated 90000 s ago, over the market's chainlink_max_age (86700 s)" in problems[5]
    with pytest.raises(PreflightFailed, match="deploy to arbitrum:sepolia refused before any transaction"):
        require_preflight(project, chain, live, cfg, deployer, publish=True)
    # without verification the API key is not needed
    assert not any(
        "ETHERSCAN" in p for p in preflight_problems(project, chain, live, cfg, deployer, publish=False)
    )
