// The trading page's browser wallet (EIP-1193, window.ethereum): connect (the wallet must be on
// the dashboard's chain), then "Quote and open" / "Quote and close": the server quotes with the
// SDK and answers the transaction to sign ({to, data}) only when the quote passes; the wallet
// signs and sends it, and the page waits for its receipt.
(function () {
  "use strict";
  let account = null;
  const $ = (id) => document.getElementById(id);

  function show(html) { $("result").innerHTML = html; }
  function say(cls, id, text) {
    const p = document.createElement("p");
    p.className = cls; p.id = id; p.textContent = text;
    $("result").prepend(p);
  }

  async function connect() {
    const eth = window.ethereum;
    const want = parseInt($("trade-form").dataset.chainId, 10);
    const chain = parseInt(await eth.request({ method: "eth_chainId" }), 16);
    if (chain !== want) {
      $("wallet-status").textContent = "the wallet is on chain " + chain + ", the dashboard's node on chain " + want;
      return;
    }
    const accounts = await eth.request({ method: "eth_requestAccounts" });
    account = accounts[0];
    $("wallet-address").textContent = account;
    $("wallet-status").textContent = "";
    document.querySelectorAll(".wallet-only").forEach((e) => { e.hidden = false; });
  }

  async function receipt(eth, hash) {
    for (let i = 0; i < 120; i++) {
      const r = await eth.request({ method: "eth_getTransactionReceipt", params: [hash] });
      if (r) return r;
      await new Promise((ok) => setTimeout(ok, 500));
    }
    throw new Error("no receipt for " + hash + " after 60 s");
  }

  async function trade(action) {
    const body = new URLSearchParams(new FormData($("trade-form")));
    body.set("account", account);
    const r = await fetch("/trade/wallet/" + action, {
      method: "POST",
      headers: { "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    const j = await r.json();
    if (!j.ok) { show(""); say("error", "trade-error", j.error); return; }
    show(j.html);
    const eth = window.ethereum;
    const hash = await eth.request({ method: "eth_sendTransaction", params: [{ from: account, to: j.tx.to, data: j.tx.data }] });
    const rc = await receipt(eth, hash);
    if (rc.status === "0x1") say("ok", "trade-ok", j.what + " in block " + parseInt(rc.blockNumber, 16) + " (tx " + hash + ")");
    else say("error", "trade-error", "the transaction reverted (tx " + hash + ")");
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!window.ethereum) return;
    $("no-wallet").hidden = true;
    $("connect-btn").hidden = false;
    $("connect-btn").addEventListener("click", () => connect().catch((e) => { $("wallet-status").textContent = e.message; }));
    document.querySelectorAll("[data-action]").forEach((b) =>
      b.addEventListener("click", () => trade(b.dataset.action).catch((e) => { show(""); say("error", "trade-error", e.message); })));
  });
})();
