"""Governance tooling: proposal metadata and its IPFS CID (`metadata`, `cid`), and the proposal
lifecycle over the Governor and the timelock (`proposals`), used by `ape run governance`."""
