// The trading page's browser wallet (EIP-1193, window.ethereum, through ethers v5, npm-pinned and
// served from the project): connect (the wallet must be on the dashboard's chain), then open,
// close, queue a netted order, deposit (with a USDC permit) or withdraw: the server quotes trades
// with the SDK and answers the transactions to sign ([{to, data}]) only when the quote passes; the
// wallet signs and sends them, and the page waits for each receipt.
(function () {
  "use strict";
  let account = null;
  let provider = null;
  const $ = (id) => document.getElementById(id);

  function show(html) { $("result").innerHTML = html; }
  function say(cls, id, text) {
    const p = document.createElement("p");
    p.className = cls; p.id = id; p.textContent = text;
    $("result").prepend(p);
  }

  async function connect() {
    provider = new window.ethers.providers.Web3Provider(window.ethereum, "any");
    provider.pollingInterval = 500; // receipts polled every 0.5 s (ethers' default: 4 s)
    const want = parseInt($("trade-form").dataset.chainId, 10);
    const chain = parseInt(await provider.send("eth_chainId", []), 16);
    if (chain !== want) {
      $("wallet-status").textContent = "the wallet is on chain " + chain + ", the dashboard's node on chain " + want;
      return;
    }
    const accounts = await provider.send("eth_requestAccounts", []);
    account = window.ethers.utils.getAddress(accounts[0]);
    $("wallet-address").textContent = account;
    $("wallet-status").textContent = "";
    document.querySelectorAll(".wallet-only").forEach((e) => { e.hidden = false; });
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
  // deposit: the permit signed first (EIP-712, eth_signTypedData_v4), then the permit and the deposit
  async function trade(action) {
    const signer = provider.getSigner(account);
    let j;
    if (action === "deposit") {
      const p = await post("permit");
      if (!p.ok) { show(""); say("error", "trade-error", p.error); return; }
      const types = Object.assign({}, p.typed.types);
      delete types.EIP712Domain; // ethers derives it from the domain
      const signature = await signer._signTypedData(p.typed.domain, types, p.typed.message);
      j = await post("deposit", { typed: JSON.stringify(p.typed), signature });
    } else {
      j = await post(action);
    }
    if (!j.ok) { show(""); say("error", "trade-error", j.error); return; }
    show(j.html || "");
    let last = null;
    for (const tx of j.txs) {
      const hash = await signer.sendUncheckedTransaction({ to: tx.to, data: tx.data });
      const rc = await provider.waitForTransaction(hash, 1, 60000);
      if (rc.status !== 1) { say("error", "trade-error", "the transaction reverted (tx " + hash + ")"); return; }
      last = [rc, hash];
    }
    say("ok", "trade-ok", j.what + " in block " + last[0].blockNumber + " (tx " + last[1] + ")");
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
