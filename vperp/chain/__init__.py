"""On-chain plumbing: deployment config (`config`), the deployment itself and its address files
(`deploy`), deploying to the connected Ape network (`network`), who signs (`signers`) and the
fast raw JSON-RPC/ABI layer (`rpc`) that the replays and the stateful tests drive contracts with."""
