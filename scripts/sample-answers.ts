// npm run sample-answers -- [--count N] [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
//                            [--passports popular|all|mixed] [--kind any|default|list]
// Draws answers at random for an accuracy audit (docs/accuracy.md): a nationality, a destination
// with its own rules (the Schengen area counts once, at a random member) and a day, answered by
// the rules in rules/; prints them as JSON with the deciding regime, its period, sources and notes,
// for a reviewer to check against sources. The same seed and rules give the same sample.
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { sampleAnswers, type RegimeKind } from "./lib/sample.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "112" },
    seed: { type: "string", default: "20261127" },
    from: { type: "string", default: "2014-01-01" },
    to: { type: "string", default: new Date().toISOString().slice(0, 10) },
    passports: { type: "string", default: "mixed" },
    kind: { type: "string", default: "any" },
  },
});
const fail = (m: string): never => {
  console.error(m);
  process.exit(2);
};
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) fail(`--count must be a positive whole number, got ${values.count}`);
if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a whole number, got ${values.seed}`);
for (const d of [values.from, values.to]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(`dates must be YYYY-MM-DD, got ${d}`);
if (values.from > values.to) fail(`--from ${values.from} is after --to ${values.to}`);
const passports = values.passports;
if (passports !== "popular" && passports !== "all" && passports !== "mixed") fail(`--passports must be popular, all or mixed`);
const kind = values.kind;
if (kind !== "any" && kind !== "default" && kind !== "list") fail(`--kind must be any, default or list`);

const root = new URL("../rules/", import.meta.url).pathname;
const engine = await createEngine({ rules: readRulesDir(root) });
type Travellers = "others" | { nationalities?: string[] };
const kinds = new Map<string, RegimeKind>();
for (const f of readdirSync(root + "destinations"))
  for (const r of (JSON.parse(readFileSync(`${root}destinations/${f}`, "utf8")) as { regimes: { id: string; travellers: Travellers }[] }).regimes)
    kinds.set(r.id, r.travellers === "others" ? "default" : (r.travellers.nationalities?.length ?? 0) >= 10 ? "list" : "other");
const schengen = (JSON.parse(readFileSync(root + "areas/SCHENGEN.json", "utf8")) as { members: { country: string; until?: string }[] }).members
  .filter((m) => !m.until)
  .map((m) => m.country);

const sample = await sampleAnswers(engine, {
  count,
  seed,
  from: values.from,
  to: values.to,
  passports: passports as "popular" | "all" | "mixed",
  kind: kind as "any" | "default" | "list",
  destinations: [...readdirSync(root + "destinations").map((f) => f.slice(0, 2)), schengen],
  regimeKind: (id) => kinds.get(id) ?? "other",
});
console.log(JSON.stringify(sample, null, 1));
