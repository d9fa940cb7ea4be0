// Prints, per destination with rules, what the data covers: regimes, first date, and how many
// nationalities answer unknown on the first day of each year and today. For the README and notes.
import { readFileSync } from "node:fs";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { unknowns } from "./lib/unknowns.js";

const files = readRulesDir(new URL("../rules/", import.meta.url).pathname);
const engine = await createEngine({ rules: files });
const today = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const countries = engine.countries();
const names = new Map(countries.map((n) => [n.code, n.name]));
const rows: string[] = [];
let sumToday = 0;
let sumEver = 0;
for (const content of Object.values(files)) {
  const c = content as { destination?: string; area?: string; since: string; regimes: unknown[]; members?: { country: string }[] };
  if (!c.regimes) continue;
  const dests = c.destination ? [c.destination] : (c.members ?? []).map((m) => m.country);
  // An area answers alike at every member except where a regime or gap names members (`at`):
  // count a nationality once if it is unknown at any member.
  const on = new Set<string>();
  const between = new Set<string>();
  for (const d of dests) {
    const u = unknowns(engine, d, "2014-01-01", today);
    for (const n of u.on) on.add(n);
    for (const n of u.between) between.add(n);
  }
  const unknownToday = on.size;
  const ever = between.size;
  const label = c.destination ? `${names.get(c.destination)} (${c.destination})` : `${c.area} area (${dests.length} destinations)`;
  rows.push(`| ${label} | ${c.since} | ${c.regimes.length} | ${unknownToday} | ${ever} |`);
  sumToday += unknownToday;
  sumEver += ever;
}
const version = (JSON.parse(readFileSync(new URL("../rules/dataset.json", import.meta.url), "utf8")) as { version: string }).version;
console.log(`Dataset ${version}, on ${today}:\n`);
console.log(`Nationalities answering unknown: today, and on some day from 2014-01-01 to ${today} (of ${countries.filter((n) => n.passport === n.code).length - 1} with passports of their own).\n`);
console.log("| destination | since | regimes | unknown today | unknown since 2014 |");
console.log("| --- | --- | --- | --- | --- |");
console.log(rows.sort().join("\n"));
console.log(`\nSummed over the files: ${sumEver} nationality-destination pairs answer unknown on some day since 2014, ${sumToday} today.`);
