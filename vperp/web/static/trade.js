// The trading page's browser wallet (EIP-1193, window.ethereum): connect (the wallet must be on
// the dashboard's chain), then open, close, queue a netted order, deposit (with a USDC permit) or
// withdraw: the server quotes trades with the SDK and answers the transactions to sign
// ([{to, data}]) only when the quote passes; the wallet signs and sends them, and the page waits
// for each receipt.
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

  async function post(action, extra) {
    const body = new URLSearchParams(new FormData($("trade-form")));
    body.set("account", account);
    for (const [k, v] of Object.entries(extra || {})) body.set(k, v);
    const r = await fetch("/trade/wallet/" + action, {
      method: "POST",
      headers: { "HX-Request": "true", "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });
    return r.json();
  }

  // open, close, queue, withdraw: the quote first (trades), then each transaction in order;
  // deposit: the permit signed first (eth_signTypedData_v4), then the permit and the deposit
  async function trade(action) {
    let j;
    if (action === "deposit") {
      const p = await post("permit");
      if (!p.ok) { show(""); say("error", "trade-error", p.error); return; }
      const typed = JSON.stringify(p.typed);
      const signature = await window.ethereum.request({ method: "eth_signTypedData_v4", params: [account, typed] });
      j = await post("deposit", { typed, signature });
    } else {
      j = await post(action);
    }
    if (!j.ok) { show(""); say("error", "trade-error", j.error); return; }
    show(j.html || "");
    const eth = window.ethereum;
    let last = null;
    for (const tx of j.txs) {
      const hash = await eth.request({ method: "eth_sendTransaction", params: [{ from: account, to: tx.to, data: tx.data }] });
      const rc = await receipt(eth, hash);
      if (rc.status !== "0x1") { say("error", "trade-error", "the transaction reverted (tx " + hash + ")"); return; }
      last = [rc, hash];
    }
    say("ok", "trade-ok", j.what + " in block " + parseInt(last[0].blockNumber, 16) + " (tx " + last[1] + ")");
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
