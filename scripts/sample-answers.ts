// npm run sample-answers -- [--count N] [--seed S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
//                            [--passports popular|all|mixed] [--kind any|default|list]
// Draws answers at random for an accuracy audit (docs/accuracy.md): a nationality, a destination
// with its own rules (the Schengen area counts once, at a random member) and a day, answered by
// the rules in rules/; prints them as JSON with the deciding regime, its period, sources and notes,
// for a reviewer to check against sources. Unknown and citizen answers are skipped, and so is a
// pair already drawn. The same seed and rules give the same sample.
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";

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
if (!Number.isInteger(count) || count < 1) fail(`--count must be a positive whole number, got ${values.count}`);
for (const d of [values.from, values.to]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) fail(`dates must be YYYY-MM-DD, got ${d}`);
if (!["popular", "all", "mixed"].includes(values.passports)) fail(`--passports must be popular, all or mixed`);
if (!["any", "default", "list"].includes(values.kind)) fail(`--kind must be any, default or list`);

// Widely held passports: the first half of a mixed sample, all of a "popular" one.
const POPULAR = "US GB DE FR IT ES NL PL CN IN JP KR RU BR MX CA AU TR ID PH VN TH MY PK BD NG EG SA AE ZA AR CO UA IR KZ UZ SG IL SE CH".split(" ");

const root = new URL("../rules/", import.meta.url).pathname;
const engine = await createEngine({ rules: readRulesDir(root) });
const countries = engine.countries();
const passports = countries.filter((c) => c.passport === c.code).map((c) => c.code);
const own = readdirSync(root + "destinations").map((f) => f.slice(0, 2));
const schengen = (JSON.parse(readFileSync(root + "areas/SCHENGEN.json", "utf8")) as { members: { country: string; until?: string }[] }).members
  .filter((m) => !m.until)
  .map((m) => m.country);
const regimes = new Map<string, { travellers: "others" | { nationalities?: string[] } }>();
for (const f of readdirSync(root + "destinations"))
  for (const r of (JSON.parse(readFileSync(`${root}destinations/${f}`, "utf8")) as { regimes: { id: string; travellers: "others" | { nationalities?: string[] } }[] }).regimes)
    regimes.set(r.id, r);

// A linear congruential generator: reproducible without a dependency.
let seed = Number(values.seed) % 2147483648;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const day = (s: string) => Date.parse(s + "T00:00:00Z") / 864e5;
const [first, last] = [day(values.from), day(values.to)];

const out: Record<string, unknown>[] = [];
const drawn = new Set<string>();
for (let tries = 0; out.length < count; tries++) {
  if (tries > count * 1000) fail(`only ${out.length} answers found for these options`);
  const popular: boolean = values.passports === "popular" || (values.passports === "mixed" && out.length % 2 === 0);
  const nationality: string = pick(popular ? POPULAR : passports);
  const area = pick([...own, "SCHENGEN"]);
  const destination = area === "SCHENGEN" ? pick(schengen) : area;
  const date = new Date((first + Math.floor(random() * (last - first + 1))) * 864e5).toISOString().slice(0, 10);
  if (nationality === destination || drawn.has(nationality + destination)) continue;
  const a = await engine.check({ nationality, destination, date });
  if (a.requirement === "unknown" || a.requirement === "citizen") continue;
  const t = a.regime ? regimes.get(a.regime)?.travellers : undefined;
  const kind = t === "others" ? "default" : (t?.nationalities?.length ?? 0) >= 10 ? "list" : "other";
  if (values.kind !== "any" && kind !== values.kind) continue;
  drawn.add(nationality + destination);
  const period = engine.timeline({ nationality, destination }).periods.find((p) => (p.from ?? "") <= date && (p.until === null || date < p.until));
  out.push({
    n: out.length + 1,
    passports: popular ? "popular" : "all",
    regimeKind: kind,
    nationality,
    destination,
    date,
    requirement: a.requirement,
    maxStay: a.maxStay,
    regime: a.regime,
    period: period ? [period.from, period.until] : null,
    alternatives: a.alternatives.map((x) => `${x.requirement} if ${x.condition} (${x.regime})`),
    sources: a.sources.map((s) => `${s.title} — ${s.publisher}, ${s.date} <${s.url ?? s.readAt ?? "not read online"}>`),
    notes: a.notes,
  });
}
console.log(JSON.stringify(out, null, 1));
