// npm run bench [-- --json]: travel-rules against the obvious json-rules-engine design, over the
// real embedded rules, in one run on one machine. Figures are medians; compare within a run.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import { Engine as RulesEngine } from "json-rules-engine";
import { createEngine } from "../dist/index.js";

const JSON_OUT = process.argv.includes("--json");
const DIST = new URL("../dist/", import.meta.url);
const CLI = new URL("cli.js", DIST).pathname;
const log = (...a) => JSON_OUT || console.error(...a);

const engine = await createEngine();
const countries = engine.countries();
const destinations = countries.filter((c) => c.hasRules).map((c) => c.code);
const DATE = "2024-05-01";

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { median: at(0.5), p99: at(0.99), n: s.length };
}

async function time(fn, n, warm = Math.min(2000, n)) {
  for (let i = 0; i < warm; i++) await fn(i);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await fn(i);
    out[i] = Number(process.hrtime.bigint() - t) / 1000; // µs
  }
  return stats(out);
}

const regimes = new Map();
for (const dir of ["destinations", "areas"])
  for (const f of readdirSync(new URL(`../rules/${dir}/`, import.meta.url)))
    for (const r of JSON.parse(readFileSync(new URL(`../rules/${dir}/${f}`, import.meta.url), "utf8")).regimes) regimes.set(r.id, r);
// The obvious design: one json-rules-engine Engine per destination, a rule per nationality and
// period with the date as a condition (yyyymmdd numbers), conditional regimes as extra rules
// of higher priority. Built from the same rules, through the timeline of every pair.
log("building the baseline ...");
const num = (d) => Number(d.replaceAll("-", ""));
const baseline = new Map();
for (const dest of destinations) {
  const rules = [];
  for (const { code: nat } of countries) {
    if (nat === dest) continue;
    for (const p of engine.timeline({ nationality: nat, destination: dest }).periods) {
      if (p.requirement === "unknown") continue;
      const when = [
        { fact: "nationality", operator: "equal", value: nat },
        ...(p.from ? [{ fact: "date", operator: "greaterThanInclusive", value: num(p.from) }] : []),
        ...(p.until ? [{ fact: "date", operator: "lessThan", value: num(p.until) }] : []),
      ];
      rules.push({ conditions: { all: when }, priority: 1, event: { type: p.requirement, params: { regime: p.regime } } });
      for (const alt of p.alternatives) {
        // Conditional alternatives as rules over the same facts the engine derives.
        const regime = regimeById(dest, alt.regime);
        if (!regime?.conditions) continue;
        rules.push({ conditions: { all: [...when, regime.conditions] }, priority: 2, event: { type: alt.requirement, params: { regime: alt.regime } } });
      }
    }
  }
  const e = new RulesEngine(rules, { allowUndefinedFacts: true });
  e.addOperator("containsAny", (a, b) => Array.isArray(a) && Array.isArray(b) && a.some((x) => b.includes(x)));
  baseline.set(dest, e);
}
async function baselineCheck(q) {
  const { events } = await baseline.get(q.destination).run({
    nationality: q.nationality,
    date: num(q.date),
    passport: "ordinary",
    ...(q.purpose && { purpose: q.purpose }),
    visas: q.visas ?? [],
    residencePermits: q.residencePermits ?? [],
  });
  return events[0];
}

function regimeById(_dest, id) {
  return regimes.get(id);
}

const plain = { nationality: "TJ", destination: "TR", date: "2019-06-01" };
// A tourist holding a US visa: Turkey's conditional e-Visa decides, through json-rules-engine.
const conditional = { nationality: "IN", destination: "TR", date: DATE, purpose: "tourism", holds: [{ kind: "visa", country: "US" }] };
// Sanity: both designs agree on the two queries measured.
const agree = [
  [(await engine.check(plain)).requirement, (await baselineCheck(plain))?.type],
  [(await engine.check(conditional)).requirement, (await baselineCheck({ ...conditional, visas: ["US"] }))?.type],
];
for (const [a, b] of agree) if (a !== b) throw new Error(`baseline disagrees: ${a} vs ${b}`);
if (agree[1][0] !== "e-visa") throw new Error(`the conditional query no longer reaches a conditional regime: ${agree[1][0]}`);

log("check without conditions ...");
const plainTR = await time(() => engine.check(plain), 50_000);
const plainBase = await time(() => baselineCheck(plain), 300, 30);
log("check with conditions ...");
const condTR = await time(() => engine.check(conditional), 20_000);
const condBase = await time(() => baselineCheck({ ...conditional, visas: ["US"] }), 300, 30);

// The baseline has served; drop it so its heap does not slow what follows in this process.
baseline.clear();
globalThis.gc?.();

log("matrix ...");
const pairs = [];
for (const n of countries) for (const d of countries) pairs.push({ nationality: n.code, destination: d.code, date: DATE });
// Measured in a fresh process, so that the baseline's engines held here do not slow its GC.
const matrixRuns = JSON.parse(
  spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { createEngine } from ${JSON.stringify(new URL("index.js", DIST).href)};
       const runs = [];
       for (let r = 0; r < 7; r++) {
         const e = await createEngine(); // a cold index: every pair compiled inside the timing
         const cs = e.countries();
         const t = performance.now();
         for (const n of cs) for (const d of cs) await e.check({ nationality: n.code, destination: d.code, date: ${JSON.stringify(DATE)} });
         runs.push(performance.now() - t);
       }
       console.log(JSON.stringify(runs));`,
    ],
    { encoding: "utf8" },
  ).stdout,
);
const matrix = stats(matrixRuns).median;

const input = pairs.map((q) => JSON.stringify(q)).join("\n") + "\n";
async function batchTimes(extra) {
  const runs = [];
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    await new Promise((resolve, reject) => {
      const p = spawn(process.execPath, [CLI, "batch", ...extra], { stdio: ["pipe", "pipe", "inherit"] });
      let lines = 0;
      p.stdout.on("data", (b) => {
        for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) lines++;
      });
      p.on("close", (code) => (code === 0 && lines === pairs.length ? resolve() : reject(new Error(`batch: ${code}, ${lines} lines`))));
      p.stdin.end(input);
    });
    runs.push(performance.now() - t);
  }
  return runs;
}
const batchRuns = await batchTimes([]);
// What an app checking eligibility asks for: the requirement, the stay and the rule, not the sources.
const FIELDS = "requirement,maxStay,regime";
const batchFieldsRuns = await batchTimes(["--fields", FIELDS]);
const batch = stats(batchRuns).median;
const batchFields = stats(batchFieldsRuns).median;

log("cold start ...");
const wall = (args) => {
  const runs = [];
  for (let i = 0; i < 11; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { stdio: "ignore" });
    if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
    runs.push(performance.now() - t);
  }
  return stats(runs).median;
};
const bare = wall(["-e", ""]);
const cold = wall([CLI, "check", "TJ", "TR", DATE]);
// A library user's first answer through CommonJS: require, createEngine, one check.
const coldRequire = wall([
  "-e",
  `require(${JSON.stringify(new URL("index.cjs", DIST).pathname)}).createEngine().then((e) => e.check({ nationality: "TJ", destination: "TR", date: ${JSON.stringify(DATE)} }))`,
]);

log("memory ...");
// In a fresh process: every rule loaded and every pair's history compiled, against a bare node
// process measured the same way in the same run.
const measure = (body) =>
  JSON.parse(
    spawnSync(
      process.execPath,
      [
        "--expose-gc",
        "--input-type=module",
        "-e",
        `${body}
         globalThis.gc(); globalThis.gc();
         const m = process.memoryUsage();
         console.log(JSON.stringify({ heap: m.heapUsed, rss: m.rss }));`,
      ],
      { encoding: "utf8" },
    ).stdout,
  );
const bareMem = measure("");
const mem = measure(`import { createEngine } from ${JSON.stringify(new URL("index.js", DIST).href)};
  const e = await createEngine();
  const cs = e.countries();
  for (const n of cs) for (const d of cs) e.timeline({ nationality: n.code, destination: d.code });`);

const esm = readFileSync(new URL("index.js", DIST));
const chunks = readdirSync(DIST).filter((f) => f.endsWith(".js") && f !== "cli.js" && f !== "index.js");
const entry = Buffer.concat([esm, ...chunks.map((f) => readFileSync(new URL(f, DIST)))]);
const size = { raw: entry.length, gzip: gzipSync(entry, { level: 9 }).length };

const r = (x, d = 1) => Number(x.toFixed(d));
const figures = {
  machine: { cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length, memoryGiB: r(totalmem() / 2 ** 30, 0), node: process.version },
  rules: { destinations: destinations.length, nationalities: countries.length, version: engine.version },
  check: {
    plain: { medianUs: r(plainTR.median, 2), p99Us: r(plainTR.p99, 2), baselineMedianUs: r(plainBase.median), ratio: r(plainBase.median / plainTR.median, 0) },
    conditional: { medianUs: r(condTR.median, 2), p99Us: r(condTR.p99, 2), baselineMedianUs: r(condBase.median), ratio: r(condBase.median / condTR.median, 0) },
  },
  matrix: { pairs: pairs.length, inProcessMs: r(matrix), batchMs: r(batch), batchFieldsMs: r(batchFields), fields: FIELDS },
  coldStart: { bareNodeMs: r(bare), checkMs: r(cold), aboveBareMs: r(cold - bare), requireCheckMs: r(coldRequire), requireAboveBareMs: r(coldRequire - bare) },
  memory: {
    heapMB: r(mem.heap / 2 ** 20),
    rssMB: r(mem.rss / 2 ** 20),
    bareNodeRssMB: r(bareMem.rss / 2 ** 20),
    rssAboveBareMB: r((mem.rss - bareMem.rss) / 2 ** 20),
  },
  size: { files: ["index.js", ...chunks], rawKB: r(size.raw / 1024), gzipKB: r(size.gzip / 1024) },
};
const targets = [
  ["check without conditions: ≥300× baseline", figures.check.plain.ratio >= 300],
  ["check without conditions: ≤5 µs median", figures.check.plain.medianUs <= 5],
  ["check with conditions: ≥30× baseline", figures.check.conditional.ratio >= 30],
  ["matrix in-process ≤150 ms", figures.matrix.inProcessMs <= 150],
  ["matrix through batch ≤1.5 s", figures.matrix.batchMs <= 1500],
  ["cold start ≤150 ms above bare node", figures.coldStart.aboveBareMs <= 150],
  ["RSS ≤40 MB with every rule loaded (above a bare node process)", figures.memory.rssAboveBareMB <= 40],
  ["engine and rules ≤200 KB gzip", figures.size.gzipKB <= 200],
];
figures.targets = Object.fromEntries(targets);

if (JSON_OUT) console.log(JSON.stringify(figures, null, 2));
else {
  const m = figures.machine;
  console.log(`travel-rules bench — ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; dataset ${figures.rules.version}, ${figures.rules.destinations} destinations with rules × ${figures.rules.nationalities} nationalities\n`);
  console.log("| measure | travel-rules | baseline (json-rules-engine) | ratio |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| check, no conditions | ${figures.check.plain.medianUs} µs median, ${figures.check.plain.p99Us} µs p99 | ${figures.check.plain.baselineMedianUs} µs | ${figures.check.plain.ratio}× |`);
  console.log(`| check, with conditions | ${figures.check.conditional.medianUs} µs median, ${figures.check.conditional.p99Us} µs p99 | ${figures.check.conditional.baselineMedianUs} µs | ${figures.check.conditional.ratio}× |`);
  console.log(`| matrix (${pairs.length} pairs, ${DATE}) in-process | ${figures.matrix.inProcessMs} ms | | |`);
  console.log(`| matrix through \`travel-rules batch\` | ${figures.matrix.batchMs} ms | | |`);
  console.log(`| matrix through \`travel-rules batch --fields ${FIELDS}\` | ${figures.matrix.batchFieldsMs} ms | | |`);
  console.log(`| cold start, \`check\` | ${figures.coldStart.checkMs} ms (bare node ${figures.coldStart.bareNodeMs} ms, +${figures.coldStart.aboveBareMs} ms) | | |`);
  console.log(`| cold start, \`require\` + one check | ${figures.coldStart.requireCheckMs} ms (+${figures.coldStart.requireAboveBareMs} ms) | | |`);
  console.log(`| memory, every pair compiled | heap ${figures.memory.heapMB} MB, RSS ${figures.memory.rssMB} MB (bare node ${figures.memory.bareNodeRssMB} MB, +${figures.memory.rssAboveBareMB} MB) | | |`);
  console.log(`| size, ESM entry + embedded rules | ${figures.size.rawKB} KB raw, ${figures.size.gzipKB} KB gzip | | |`);
  console.log("\nTargets:");
  for (const [name, ok] of targets) console.log(`  ${ok ? "met   " : "MISSED"} ${name}`);
}
