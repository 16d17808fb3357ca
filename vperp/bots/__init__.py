"""Off-chain bots run by the `ape run keeper` / `ape run funding_bot` scripts: the liquidation
keeper (`keeper`) and the funding-rate updater (`funding`)."""
