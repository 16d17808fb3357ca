"""Bulk trading traffic on a local node, for the indexer's load and crash tests and its
throughput benchmark: many accounts opening and closing small positions, one transaction per
account a block, sent in JSON-RPC batches with automine off and mined with `evm_mine`.

Every transaction is a real trade on the deployed core (one PositionChanged each): each account
opens a 1,000 USD position every other block and closes it the block after; in every block the
opening accounts are half long, half short, over two markets, so the mark stays near the index. The accounts are fresh
addresses, impersonated (anvil_autoImpersonateAccount), given USDC from the TestUSDC faucet and
a deposit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from eth_abi import encode as abi_encode
from eth_utils import keccak, to_checksum_address

from vperp.chain.rpc import Rpc

FAR_DEADLINE = 2**63
TRADE_QUOTE = 1_000 * 10**18  # USD notional of each open (18 decimals)
DEPOSIT_USDC = 20_000 * 10**6
GAS = hex(1_500_000)


def _sel(sig: str) -> bytes:
    return keccak(text=sig)[:4]


OPEN = _sel("openPosition((address,bool,bool,uint256,uint256,uint256))")
CLOSE = _sel("closePosition(address,uint256,uint256)")
MINT = _sel("mint(address,uint256)")
APPROVE = _sel("approve(address,uint256)")
DEPOSIT = _sel("deposit(uint256)")


def trader_addresses(n: int, salt: str = "vperp-traffic") -> list[str]:
    return [to_checksum_address(keccak(text=f"{salt}-{i}")[12:]) for i in range(n)]


def tx_of(sender: str, to: str, data: bytes) -> dict[str, Any]:
    return {"from": sender, "to": to, "data": "0x" + data.hex(), "gas": GAS}


def send_block(rpc: Rpc, txs: list[dict[str, Any]]) -> None:
    rpc.batch([("eth_sendTransaction", [tx]) for tx in txs])
    rpc.request("evm_mine", [])


def prepare(
    rpc: Rpc,
    addresses: Mapping[str, Any],
    traders: list[str],
    per_block: int = 100,
    deposits: Mapping[str, int] | None = None,
) -> None:
    """Impersonation, gas money, USDC and a deposit for every trader (`addresses`: a deployment
    file's content, `Deployment.addresses()`); `deposits`: USDC (6 decimals) per trader, else
    DEPOSIT_USDC each."""
    amount = (lambda t: deposits[t]) if deposits is not None else (lambda _t: DEPOSIT_USDC)
    ch, usdc = addresses["clearing_house"], addresses["usdc"]
    rpc.request("anvil_autoImpersonateAccount", [True])
    rpc.batch([("anvil_setBalance", [t, hex(10**20)]) for t in traders])
    rpc.request("evm_setAutomine", [False])
    try:
        for data_of, to in (
            (lambda t: MINT + abi_encode(["address", "uint256"], [t, amount(t)]), usdc),
            (lambda _t: APPROVE + abi_encode(["address", "uint256"], [ch, 2**256 - 1]), usdc),
            (lambda t: DEPOSIT + abi_encode(["uint256"], [amount(t)]), ch),
        ):
            for i in range(0, len(traders), per_block):
                send_block(rpc, [tx_of(t, to, data_of(t)) for t in traders[i : i + per_block]])
    finally:
        rpc.request("evm_setAutomine", [True])


def trade_blocks(
    rpc: Rpc,
    addresses: Mapping[str, Any],
    traders: list[str],
    blocks: int,
    symbols: tuple[str, ...] = ("vETH", "vBTC"),
    progress: Callable[[int], None] | None = None,
) -> int:
    """`blocks` blocks of len(traders) trades each (open, then close the next block): the number
    of PositionChanged events emitted."""
    ch = addresses["clearing_house"]
    bases = [addresses["markets"][s]["base_token"] for s in symbols]
    core_topic = (
        "0x"
        + keccak(text="PositionChanged(address,address,int256,int256,uint256,int256,int256,uint256)").hex()
    )
    first = int(rpc.request("eth_blockNumber", []), 16) + 1
    rpc.request("evm_setAutomine", [False])
    try:
        for b in range(blocks):
            txs = []
            for i, t in enumerate(traders):
                base = bases[(i // 4) % len(bases)]
                short = (i // 2) % 2 == 1
                if (b + i) % 2 == 0:  # open: long with exact quote in, or short with exact quote out
                    params = (base, short, not short, TRADE_QUOTE, 0, FAR_DEADLINE)
                    data = OPEN + abi_encode(["(address,bool,bool,uint256,uint256,uint256)"], [params])
                elif b == 0:
                    continue  # nothing to close yet
                else:
                    data = CLOSE + abi_encode(["address", "uint256", "uint256"], [base, 0, FAR_DEADLINE])
                txs.append(tx_of(t, ch, data))
            send_block(rpc, txs)
            if progress is not None:
                progress(b + 1)
    finally:
        rpc.request("evm_setAutomine", [True])
    last = int(rpc.request("eth_blockNumber", []), 16)
    logs = rpc.request(
        "eth_getLogs",
        [{"fromBlock": hex(first), "toBlock": hex(last), "address": ch, "topics": [core_topic]}],
    )
    return len(logs)
