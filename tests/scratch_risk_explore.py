import ape
from vperp.units import wad

def test_explore(stack, funded, alice, bob, ch, eth, amm, oracle, chain, owner):
    head = chain.blocks.head.timestamp
    print("head", head, "pending", chain.pending_timestamp)
    feed = stack.markets["vETH"].chainlink
    feed.updateRoundData(5, 3000 * 10**8, chain.pending_timestamp, 0, sender=owner)
    print("after tx head", chain.blocks.head.timestamp, "pending", chain.pending_timestamp, "latestTimestamp", feed.latestTimestamp())
    chain.pending_timestamp += 100
    print("pending now", chain.pending_timestamp, "head", chain.blocks.head.timestamp)
    print(oracle.chainlinkPrice(eth))
    a = funded(alice, 100_000)
    try:
        a.long_quote("vETH", 400_000)
    except Exception as e:
        print("EXC", type(e), type(e).__mro__, getattr(e, "inputs", None))
    tx = a.long_quote("vETH", 3000)
    print("fees", tx.total_fees_paid, tx.gas_used, tx.gas_price)
    print(ch.NotLiquidatable, type(ch.NotLiquidatable))
    try:
        ch.liquidate(alice, eth, sender=bob)
    except Exception as e:
        print("EXC", type(e).__name__, e.inputs)
