"""The governance page over a governed deployment (vperp.chain.governance, as `ape run deploy`
hands it over): a proposal made with its metadata document (vperp.governance.proposals), voted
on, shows its state, votes, time left and the metadata by its CID; the document is served from
the local proposals folder only when its bytes hash to that CID."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from integration.web.conftest import free_port, open_page, screenshot
from vperp.chain.deploy import deploy
from vperp.chain.governance import deploy_governance
from vperp.governance.proposals import Support, build_metadata, propose, vote
from vperp.indexer.cli import abis_from_build
from vperp.indexer.db import connect
from vperp.sdk import display
from vperp.sdk.units import wad
from vperp.web.context import make_dashboard
from vperp.web.server import Background


def test_governance_page_shows_a_proposal_with_its_metadata(
    project, chain, accounts, cfg, node_url, browser, tmp_path
):
    deployer, guardian, voter = accounts[0], accounts[8], accounts[5]
    d = deploy(project, chain, deployer, cfg)
    g = deploy_governance(project, deployer, d, cfg.governance, deployer.address, guardian.address)
    g.token.transfer(voter, wad(10_000_000), sender=deployer)
    g.token.invoke_transaction("delegate", voter, sender=voter)
    chain.mine(1, deltatime=1)
    spec = {
        "title": "Pause vBTC",
        "summary": "a test proposal",
        "calls": [{"contract": "ClearingHouse", "function": "setPaused", "args": ["vBTC", True]}],
    }
    meta = build_metadata(d, spec, lambda a: len(chain.provider.get_code(a)) > 0)
    folder = tmp_path / "proposals"
    p = propose(g.governor, meta, voter, folder)
    chain.mine(1, deltatime=int(g.governor.proposalSnapshot(p.id)) + 1 - int(chain.blocks.head.timestamp))
    vote(g.governor, p.id, Support.For, voter)

    dashboard = make_dashboard(
        connect(f"sqlite:///{tmp_path / 'index.sqlite'}"), node_url, d.addresses(), abis_from_build()
    )
    dashboard.proposals_dir = folder
    server = Background(dashboard, free_port())
    ctx = None
    try:
        ctx, v = open_page(browser, server.url + "/governance")
        assert not v.console_errors and not v.blocked
        row = v.page.locator(f"#proposals tr[data-proposal='{p.id}']")
        assert "Pause vBTC" in row.inner_text() and "a test proposal" in row.inner_text()
        assert row.locator("[data-field=state]").inner_text() == "Active"
        assert display.base(wad(10_000_000), 0) in row.inner_text()  # the votes for
        deadline = int(g.governor.proposalDeadline(p.id))
        left = (deadline - int(chain.blocks.head.timestamp)) // 3600
        assert f"{display.number(left, 0)} h" in row.inner_text()
        link = row.locator("[data-field=cid] a")
        assert link.get_attribute("href") == f"/governance/metadata/{meta.cid()}"
        screenshot(v, "governance-proposal")
        with urllib.request.urlopen(server.url + f"/governance/metadata/{meta.cid()}") as r:
            assert json.loads(r.read()) == json.loads(meta.to_bytes())
        # a document whose bytes are not its CID's is not served
        (folder / f"{meta.cid()}.json").write_bytes(meta.to_bytes() + b" ")
        with pytest.raises(urllib.error.HTTPError) as e:
            urllib.request.urlopen(server.url + f"/governance/metadata/{meta.cid()}")
        assert e.value.code == 404
    finally:
        if ctx is not None:
            ctx.close()
        server.stop()
        dashboard.engine.dispose()
