import time
import ape
from ape.exceptions import ContractLogicError
from vperp.units import wad, usdc


def test_scratch(stack, funded, alice, bob, ch, vault, amm, eth, chain, accounts):
    a = funded(alice, 10_000)
    t = time.time()
    for _ in range(20):
        ch.getPosition(alice, eth)
    print("call", (time.time() - t) / 20)
    t = time.time()
    for _ in range(5):
        a.long_quote("vETH", 100)
    print("tx", (time.time() - t) / 5)
    for fn in [lambda: a.long_quote("vETH", 500_000), lambda: a.long_quote("vETH", 5), lambda: vault.withdraw(usdc(100000), sender=alice), lambda: a.long_quote("vETH", 200_000)]:
        t = time.time()
        try:
            fn()
        except ContractLogicError as e:
            print(type(e), type(e).__mro__[:3], repr(e)[:200], getattr(e, "revert_message", None), "inputs" , getattr(e, "inputs", None))
        print("revert", time.time() - t)
    print(ch.PriceMoveTooLarge if hasattr(ch, "PriceMoveTooLarge") else "no attr")
    print(amm.PriceMoveTooLarge, vault.InsufficientFreeCollateral)
    s = chain.snapshot(); print("snap", s)
    t = time.time(); chain.restore(s); print("restore", time.time() - t)
