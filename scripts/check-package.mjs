// Checks that the built package works the way consumers load it: `import` (ESM) and
// `require` (CJS) through the package's own exports, each answering from the embedded rules.
import { createRequire } from "node:module";
import assert from "node:assert/strict";

const require = createRequire(import.meta.url);
const esm = await import("travel-rules");
const cjs = require("travel-rules");

for (const [kind, lib] of [["import", esm], ["require", cjs]]) {
  const engine = await lib.createEngine();
  const answer = await engine.check({ nationality: "TJ", destination: "TR", date: "2024-05-01" });
  assert.equal(answer.requirement, "visa-required", `${kind}: TJ → TR on 2024-05-01`);
  assert.ok(answer.sources.length > 0, `${kind}: the answer cites sources`);
  assert.equal(typeof lib.isTravelRulesError, "function", `${kind}: exports isTravelRulesError`);
  console.log(`package ${kind}: ok (dataset ${answer.dataset})`);
}

// The library never fetches anything: no network API appears in what it ships.
import { readdirSync, readFileSync } from "node:fs";
const dist = new URL("../dist/", import.meta.url);
for (const file of readdirSync(dist).filter((f) => f.endsWith(".js") || f.endsWith(".cjs"))) {
  const text = readFileSync(new URL(file, dist), "utf8");
  for (const api of ["fetch(", "XMLHttpRequest", "WebSocket", "node:http", "node:https", "node:net", "node:dgram", '"http"', '"https"'])
    assert.ok(!text.includes(api), `dist/${file} mentions ${api}: the library must not use the network`);
}
console.log("package: no network API in dist/");
