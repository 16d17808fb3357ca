"""On-chain plumbing: deployment config (`config`), the deployment itself and its address files
(`deploy`), deploying to the connected Ape network (`network`), a testnet's network file
(`live`), its checks before deploying (`preflight`), explorer verification (`verify`, `etherscan`),
what an address file records beside the addresses (`addressbook`), who signs (`signers`) and the
fast raw JSON-RPC/ABI layer (`rpc`) that the replays and the stateful tests drive contracts with."""
