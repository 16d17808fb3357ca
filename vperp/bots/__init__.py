"""Off-chain bots run by the `ape run keeper` / `ape run funding_bot` / `ape run executor`
scripts: the liquidation keeper (`keeper`), the funding-rate updater (`funding`) and the netting
batch executor (`executor`)."""
