// Quick check of one draft rule file against the schema and the countries table, for data work
// before the full validator (`travel-rules validate`) sees it with the rest of the dataset.
import { readFileSync } from "node:fs";
import { AreaFileSchema, DestinationFileSchema, GroupFileSchema } from "../src/impl/schema.js";
import { createEngine, type Engine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { reportInvalid } from "./lib/report.js";
import { compared, unknowns } from "./lib/unknowns.js";

const codes = new Set(
  (JSON.parse(readFileSync(new URL("../rules/countries.json", import.meta.url), "utf8")) as {
    countries: { code: string }[];
  }).countries.map((c) => c.code),
);
// The dataset the drafts are checked against, read once.
const dataset = readRulesDir(new URL("../rules/", import.meta.url).pathname) as Record<string, unknown>;
// The shipped dataset's engine, built once for every draft compared with it.
let shipped: Promise<Engine> | undefined;
let bad = 0;
for (const file of process.argv.slice(2)) {
  const json = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  if ("group" in json) {
    const g = GroupFileSchema.safeParse(json);
    if (!g.success) for (const i of g.error.issues) console.log(`${file}: ${i.path.join(".")}: ${i.message}`), bad++;
    else
      for (const m of g.data.members)
        if (!codes.has(m.country)) console.log(`${file}: unknown country ${m.country}`), bad++;
    if (g.success) console.log(`${file}: ${g.data.members.length} memberships`);
    continue;
  }
  const r = "area" in json ? AreaFileSchema.safeParse(json) : DestinationFileSchema.safeParse(json);
  if (!r.success) {
    for (const i of r.error.issues) console.log(`${file}: ${i.path.join(".")}: ${i.message}`), bad++;
    continue;
  }
  const ids = new Set<string>();
  for (const [n, g] of r.data.regimes.entries()) {
    if (ids.has(g.id)) console.log(`${file}: regimes.${n}.id: duplicate ${g.id}`), bad++;
    ids.add(g.id);
    if (g.travellers !== "others")
      for (const c of g.travellers.nationalities ?? [])
        if (!codes.has(c)) console.log(`${file}: regimes.${n}: unknown country ${c}`), bad++;
  }
  console.log(`${file}: ${r.data.regimes.length} regimes`);
  if ("destination" in json) bad += await coverage(file, json);
}

// With the draft in place of (or beside) the destination's rule file, the full validator must
// accept the dataset, and the nationalities that still answer unknown since 2014 are listed.
async function coverage(file: string, json: Record<string, unknown>): Promise<number> {
  const dest = String(json.destination);
  const rules = { ...dataset, [`destinations/${dest}.json`]: json };
  try {
    const engine = await createEngine({ rules });
    const today = new Date().toISOString().slice(0, 10);
    const now = unknowns(engine, dest, "2014-01-01", today);
    // Against the shipped file, if there is one: which the draft answers now, and which it lost.
    let delta = "";
    let deltaToday = "";
    if (`destinations/${dest}.json` in dataset) {
      const before = unknowns(await (shipped ??= createEngine({ rules: dataset })), dest, "2014-01-01", today);
      const { closed, opened } = compared(before.between, now.between);
      delta = ` (shipped file: ${before.between.length}; closed: ${closed.join(" ") || "none"}; newly unknown: ${opened.join(" ") || "none"})`;
      deltaToday = ` (shipped file: ${before.on.length}; now answered: ${compared(before.on, now.on).closed.join(" ") || "none"})`;
    }
    console.log(`${file}: ${now.on.length} nationalities answer unknown today${deltaToday}`);
    console.log(`${file}: ${now.between.length} nationalities answer unknown on some day from 2014-01-01 to ${today}${delta}${now.between.length ? `: ${now.between.join(" ")}` : ""}`);
    return 0;
  } catch (e) {
    return reportInvalid(e, file);
  }
}
process.exit(bad ? 1 : 0);
