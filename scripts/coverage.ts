// Prints, per destination with rules, what the data covers: regimes, first date, and how many
// nationalities answer unknown on the first day of each year and today. For the README and notes.
import { readFileSync } from "node:fs";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";

const files = readRulesDir(new URL("../rules/", import.meta.url).pathname);
const engine = await createEngine({ rules: files });
const today = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const countries = engine.countries();
const rows: string[] = [];
for (const content of Object.values(files)) {
  const c = content as { destination?: string; area?: string; since: string; regimes: unknown[]; members?: { country: string }[] };
  if (!c.regimes) continue;
  const dests = c.destination ? [c.destination] : (c.members ?? []).map((m) => m.country);
  const probe = dests[0]!;
  let unknownToday = 0;
  for (const n of countries) {
    if (n.code === probe) continue;
    const a = await engine.check({ nationality: n.code, destination: probe, date: today });
    if (a.requirement === "unknown") unknownToday++;
  }
  rows.push(`| ${c.destination ?? `${c.area} (${dests.length} destinations)`} | ${c.since} | ${c.regimes.length} | ${unknownToday} of ${countries.length - 1} |`);
}
const version = (JSON.parse(readFileSync(new URL("../rules/dataset.json", import.meta.url), "utf8")) as { version: string }).version;
console.log(`Dataset ${version}, on ${today}:\n`);
console.log("| destination | since | regimes | nationalities answering unknown |");
console.log("| --- | --- | --- | --- |");
console.log(rows.sort().join("\n"));
