// npm run sample-answers -- [--count N] [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
//                            [--passports popular|all|mixed] [--kind any|default|list] [--changes]
// Draws answers at random for an accuracy audit (docs/accuracy.md): a nationality, a destination
// with its own rules (the Schengen area counts once, at a random member) and a day, answered by
// the rules in rules/; prints them as JSON with the deciding regime, its period, sources and notes,
// for a reviewer to check against sources. The same seed and rules give the same sample.
// With --changes it draws dated changes instead (one event however many nationalities it concerns),
// each with the answers on the day before and the day of, to audit the dates of changes.
import { parseArgs } from "node:util";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { sampleAnswers, sampleChanges, type RegimeKind } from "./lib/sample.js";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "112" },
    seed: { type: "string", default: "20261127" },
    from: { type: "string", default: "2014-01-01" },
    to: { type: "string", default: new Date().toISOString().slice(0, 10) },
    passports: { type: "string", default: "mixed" },
    kind: { type: "string", default: "any" },
    changes: { type: "boolean", default: false },
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
if (values.changes && kind !== "any") fail(`--kind applies to answers, not to --changes`);

// The rule files are read once: the engine answers from them, and they say which destinations
// have rules of their own, who each regime names and which states the Schengen area serves.
const files = readRulesDir(new URL("../rules/", import.meta.url).pathname);
const engine = await createEngine({ rules: files });

// Changes need only the engine; answers also need the destinations and regime kinds below.
// (No process.exit here: it would cut a large output short when stdout is a pipe.)
if (values.changes) {
  const changes = await sampleChanges(engine, { count, seed, from: values.from, to: values.to, passports: passports as "popular" | "all" | "mixed" });
  console.log(JSON.stringify(changes, null, 1));
} else {
  console.log(JSON.stringify(await sampleOfAnswers(), null, 1));
}

async function sampleOfAnswers() {
  type Travellers = "others" | { nationalities?: string[] };
  const own: string[] = [];
  const kinds = new Map<string, RegimeKind>();
  for (const [path, content] of Object.entries(files)) {
    const m = /^destinations\/([A-Z]{2})\.json$/.exec(path);
    if (!m) continue;
    own.push(m[1]!);
    for (const r of (content as { regimes: { id: string; travellers: Travellers }[] }).regimes)
      kinds.set(r.id, r.travellers === "others" ? "default" : (r.travellers.nationalities?.length ?? 0) >= 10 ? "list" : "other");
  }
  const schengen = (files["areas/SCHENGEN.json"] as { members: { country: string; until?: string }[] }).members
    .filter((m) => !m.until)
    .map((m) => m.country);

  return sampleAnswers(engine, {
    count,
    seed,
    from: values.from,
    to: values.to,
    passports: passports as "popular" | "all" | "mixed",
    kind: kind as "any" | "default" | "list",
    destinations: [...own.sort(), schengen],
    regimeKind: (id) => kinds.get(id) ?? "other",
  });
}
