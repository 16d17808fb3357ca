import time
def test_explore(stack, chain, ch, eth, funded, alice, set_price, accounts):
    t0 = int(ch.lastFundingTime(eth))
    print("t0", t0, "latest", chain.blocks.head.timestamp, "pending", chain.pending_timestamp)
    a = funded(alice, 10_000)
    chain.pending_timestamp = t0 + 600
    s = time.time()
    tx = a.long_quote("vETH", 30_000)
    print("tx time", time.time() - s)
    print("trade ts", chain.provider.get_block(tx.block_number).timestamp, getattr(tx, "timestamp", None))
    tx2 = a.long_quote("vETH", 1_000)
    print("next ts", chain.provider.get_block(tx2.block_number).timestamp)
    print(tx.events)
    print([l for l in tx.events.filter(ch.PositionChanged)])
    print(hasattr(accounts, "generate_test_account"))
    chain.mine(deltatime=3600)
    print("after mine", chain.blocks.head.timestamp)
    with __import__("ape").reverts(ch.FundingTooEarly):
        ch.updateFundingRate(eth, sender=alice)
