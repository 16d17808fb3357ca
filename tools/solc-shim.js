#!/usr/bin/env node
// solc CLI stand-in over the npm `solc` package (solcjs), for py-solc-x / ape-solidity.
// Native solc cannot be downloaded here; this answers the subset of the CLI they use:
// --version, --standard-json (stdin), --base-path, --include-path, --allow-paths.
"use strict";
const fs = require("fs");
const path = require("path");
const solc = require("solc");

const args = process.argv.slice(2);
const write = (text) => fs.writeSync(1, text); // synchronous: no truncated pipes

if (args.includes("--version")) {
  write("solc, the solidity compiler commandline interface\nVersion: 0.8.28+commit.7893614a.Linux.g++\n");
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("solc-shim: only --standard-json and --version are supported\n");
  process.exit(1);
}

const roots = [process.cwd()];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const take = (flag) => (a === flag ? args[++i] : a.startsWith(flag + "=") ? a.slice(flag.length + 1) : null);
  const base = take("--base-path");
  if (base) { roots.unshift(path.resolve(base)); continue; }
  const inc = take("--include-path");
  if (inc) { roots.push(path.resolve(inc)); continue; }
  const allow = take("--allow-paths");
  if (allow) { for (const p of allow.split(",")) if (p) roots.push(path.resolve(p)); }
}

function findImports(p) {
  const candidates = path.isAbsolute(p) ? [p] : roots.map((r) => path.join(r, p));
  for (const c of candidates) {
    try { return { contents: fs.readFileSync(c, "utf8") }; } catch (_) { /* next root */ }
  }
  return { error: `File not found: ${p}` };
}

const input = fs.readFileSync(0, "utf8");
write(solc.compile(input, { import: findImports }));
