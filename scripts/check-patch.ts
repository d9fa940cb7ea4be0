// npx tsx scripts/check-patch.ts PATCH.json [--write DIR]
// Applies a nationality pass (scripts/lib/patch.ts) in memory to rules/destinations/, validates the
// whole dataset, and prints per destination the nationalities it closes and any it leaves newly
// unknown. With --write DIR, writes the patched files to DIR/XX.json for review and merging.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DestinationFile } from "../src/impl/schema.js";
import { createEngine, type Engine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { applyEntry, PatchSchema } from "./lib/patch.js";
import { reportInvalid } from "./lib/report.js";
import { compared, unknownsBetween } from "./lib/unknowns.js";

const [file, flag, dir] = process.argv.slice(2);
if (!file || (flag !== undefined && (flag !== "--write" || !dir))) {
  console.error("usage: npx tsx scripts/check-patch.ts PATCH.json [--write DIR]");
  process.exit(2);
}
const parsed = PatchSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
if (!parsed.success) {
  for (const i of parsed.error.issues) console.log(`${file}: ${i.path.join(".")}: ${i.message}`);
  process.exit(1);
}
const shipped = readRulesDir(new URL("../rules/", import.meta.url).pathname) as Record<string, unknown>;
const rules: Record<string, unknown> = structuredClone(shipped);
const errors: string[] = [];
const touched: string[] = [];
for (const e of parsed.data.entries) {
  const content = rules[`destinations/${e.destination}.json`] as DestinationFile | undefined;
  if (!content) errors.push(`${e.destination}: no rule file`);
  else errors.push(...applyEntry(content, e)), touched.push(e.destination);
}
if (errors.length) (console.log(errors.join("\n")), process.exit(1));

let after: Engine;
try {
  after = await createEngine({ rules });
} catch (e) {
  reportInvalid(e, file);
  process.exit(1);
}
const before = await createEngine({ rules: shipped });
const today = new Date().toISOString().slice(0, 10);
let closed = 0;
let opened = 0;
if (dir) mkdirSync(dir, { recursive: true });
for (const d of new Set(touched)) {
  const b = unknownsBetween(before, d, "2014-01-01", today);
  const a = unknownsBetween(after, d, "2014-01-01", today);
  const { closed: c, opened: o } = compared(b, a);
  closed += c.length;
  opened += o.length;
  console.log(`${d}: ${b.length} -> ${a.length}; closed: ${c.join(" ") || "none"}${o.length ? `; NEWLY UNKNOWN: ${o.join(" ")}` : ""}`);
  if (dir) writeFileSync(join(dir, `${d}.json`), JSON.stringify(rules[`destinations/${d}.json`], null, 2) + "\n");
}
console.log(`patch ${parsed.data.topic}: ${closed} nationality-destination pairs closed, ${opened} newly unknown; dataset valid`);
process.exit(opened ? 1 : 0);
