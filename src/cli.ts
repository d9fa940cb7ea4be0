#!/usr/bin/env node
// The travel-rules command. Arguments are parsed by node:util's parseArgs and colours come from
// node:util's styleText: both built into Node, so the CLI adds no dependency.
import { parseArgs, styleText } from "node:util";
import { createEngine, type Engine } from "./engine.js";
import { formatIssue, InvalidRulesError, isTravelRulesError, TravelRulesError } from "./errors.js";
import { describeAccess, describeStay } from "./impl/explain.js";
import { embeddedFiles, type RuleFiles } from "./impl/load.js";
import { CountryNames } from "./impl/names.js";
import { ARRIVAL_MODES, PASSPORT_TYPES, PURPOSES } from "./impl/vocab.js";
import { readRulesDir } from "./node/read-rules.js";
import type { Alternative, Answer, Change, HeldDocument, Query, Source } from "./types.js";

declare const __VERSION__: string;

const USAGE = `Usage: travel-rules <command> [options]

Commands:
  check <nationality> <destination> [date]   what a traveller needs to enter (date: YYYY-MM-DD,
                                             default today at the destination); several
                                             nationalities (TJ,RU) give the best passport
  timeline <nationality> <destination>       every period of the pair's history
  passport <nationality> [date]              every destination for one passport, with its
                                             mobility score
  changes --from D1 --to D2                  every change of requirement or stay in [D1, D2]
          [--nationality N] [--destination D]
  stay <nationality> <destination> --on D    days used and left under the rolling-window rule
       --stay CC:ENTRY:EXIT [--stay ...]     (entry and exit days count)
  batch [--fields LIST]                      one JSON query per line on stdin, one JSON answer per line
                                             (--fields requirement,maxStay,regime: only those keys)
  validate [dir]                             validate a rules folder (default: the embedded rules)

Options:
  --passport TYPE        ${PASSPORT_TYPES.join(", ")} (default ordinary)
  --purpose P            ${PURPOSES.join(", ")}
  --arrival MODE         ${ARRIVAL_MODES.join(", ")}
  --birth-date DATE      the traveller's birth date, YYYY-MM-DD
  --passport-expiry DATE the passport's expiry date, YYYY-MM-DD (checks passport-validity rules)
  --biometric yes|no     whether the passport is biometric
  --holds LIST           documents held, e.g. visa:US,residence-permit:GB or visa:US:2027-01-31;
                         none: no visa or residence permit of another country
  --rules DIR            answer from this rules folder instead of the embedded rules
  --json                 print JSON
  -h, --help             this help
  -v, --version          the package and dataset versions

Countries are ISO 3166-1 alpha-2 or alpha-3 codes, any case, or English names ("tajikistan",
"Ivory Coast", "UK"; quote names with spaces). Exit codes: 0 answered, 1 invalid rules
(validate), 2 bad input.`;

class UsageError extends Error {}

const useColour = process.stdout.isTTY === true && !process.env["NO_COLOR"];
const paint = (style: Parameters<typeof styleText>[0], s: string): string => (useColour ? styleText(style, s) : s);

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        passport: { type: "string" },
        purpose: { type: "string" },
        arrival: { type: "string" },
        "birth-date": { type: "string" },
        "passport-expiry": { type: "string" },
        biometric: { type: "string" },
        holds: { type: "string" },
        rules: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        nationality: { type: "string" },
        destination: { type: "string" },
        on: { type: "string" },
        stay: { type: "string", multiple: true },
        fields: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (e) {
    // parseArgs explains at length; the first sentence names the problem.
    throw new UsageError((e as Error).message.split(/\.\s|\n/)[0]!);
  }
  const { values: opts, positionals } = parsed;
  const [command, ...args] = positionals;
  if (opts.help) return print(USAGE), 0;
  if (opts.version) {
    const engine = await createEngine();
    return print(`travel-rules ${__VERSION__} (dataset ${engine.version})`), 0;
  }
  let opened: Promise<Engine> | undefined;
  const engine = (): Promise<Engine> => (opened ??= openEngine(opts.rules));
  let table: CountryNames | undefined;
  const names = async (): Promise<CountryNames> => (table ??= new CountryNames((await engine()).countries()));
  /** A code, or an English name ("tajikistan", "UK"), as the code the engine takes. */
  const place = async (input: string, what: string): Promise<string> => (await names()).resolve(input, what);

  switch (command) {
    case "check": {
      const [nationalityArg, destinationArg, date, extra] = args;
      if (!nationalityArg || !destinationArg) throw new UsageError("check needs <nationality> <destination> [date]");
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      // Several nationalities are separated by commas, unless the whole is one name ("Korea, Republic of").
      const list = await Promise.all(
        (nationalityArg.includes(",") && !(await names()).isName(nationalityArg) ? nationalityArg.split(",").filter(Boolean) : [nationalityArg]).map(
          (n) => place(n, "nationality"),
        ),
      );
      const nationality = list.join(",");
      const destination = await place(destinationArg, "destination");
      const query: Query = {
        nationality,
        destination,
        date: date ?? new Date(),
        ...(opts.passport !== undefined && { passport: opts.passport as Query["passport"] }),
        ...(opts.purpose !== undefined && { purpose: opts.purpose as Query["purpose"] }),
        ...(opts.arrival !== undefined && { arrival: opts.arrival as Query["arrival"] }),
        ...(opts["birth-date"] !== undefined && { birthDate: opts["birth-date"] }),
        ...(opts["passport-expiry"] !== undefined && { passportExpiry: opts["passport-expiry"] }),
        ...(opts.biometric !== undefined && { biometricPassport: yesNo(opts.biometric) }),
        ...(opts.holds !== undefined && { holds: await Promise.all(parseHolds(opts.holds).map(async (h) => ({ ...h, country: await place(h.country, "--holds") }))) }),
      };
      if (list.length > 1) {
        const best = await (await engine()).best({ ...query, nationalities: list });
        if (opts.json) return print(JSON.stringify(best, null, 2)), 0;
        print(renderAnswer(best));
        for (const o of best.others) print(paint("dim", `  With ${o.nationality}: ${o.requirement}${o.maxStay ? `, ${describeStay(o.maxStay)}` : ""}`));
        return 0;
      }
      const answer = await (await engine()).check(query);
      print(opts.json ? JSON.stringify(answer, null, 2) : renderAnswer(answer));
      return 0;
    }
    case "passport": {
      const [nationality, date, extra] = args;
      if (!nationality) throw new UsageError("passport needs <nationality> [date]");
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      const o = await (await engine()).destinations({ nationality: await place(nationality, "nationality"), date: date ?? todayUtc() });
      if (opts.json) return print(JSON.stringify(o, null, 2)), 0;
      print(paint("bold", `${o.nationality} passport on ${o.date}: mobility score ${o.mobilityScore} (${o.known} destinations known, dataset ${o.dataset})`));
      // A destination with rules that has not established this passport's entry is listed (with
      // what the sources leave open); destinations without rules are only counted.
      const withRules = new Set((await engine()).countries().filter((c) => c.hasRules).map((c) => c.code));
      let noRules = 0;
      for (const a of o.answers) {
        if (a.requirement === "unknown" && !withRules.has(a.destination)) noRules++;
        else {
          const detail = a.maxStay ? describeStay(a.maxStay) : a.possible ? leftOpen(a.possible) : "";
          print(`  ${a.destination}  ${paint(colourOf(a.requirement), a.requirement.padEnd(16))}${detail}`);
        }
      }
      print(paint("dim", `  ${noRules} destinations without rules yet (unknown)`));
      return 0;
    }
    case "changes": {
      if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
      if (!opts.from || !opts.to) throw new UsageError("changes needs --from YYYY-MM-DD --to YYYY-MM-DD");
      const list = (await engine()).changes({
        from: opts.from,
        to: opts.to,
        ...(opts.nationality !== undefined && { nationality: await place(opts.nationality, "nationality") }),
        ...(opts.destination !== undefined && { destination: await place(opts.destination, "destination") }),
      });
      if (opts.json) return print(JSON.stringify(list, null, 2)), 0;
      for (const c of list) {
        const fmt = (x: Change["before"]) => `${x.requirement}${x.maxStay ? ` ${describeStay(x.maxStay)}` : ""}`;
        print(`${c.date}  ${c.nationality} → ${c.destination}  ${fmt(c.before)} → ${paint(colourOf(c.after.requirement), fmt(c.after))}`);
      }
      print(paint("dim", `${list.length} change${list.length === 1 ? "" : "s"}`));
      return 0;
    }
    case "stay": {
      const [nationality, destination, extra] = args;
      if (!nationality || !destination) throw new UsageError("stay needs <nationality> <destination> --on YYYY-MM-DD [--stay CC:ENTRY:EXIT ...]");
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      const stays = await Promise.all(
        (opts.stay ?? []).map(async (item) => {
          const [dest, entry, exit, more] = item.split(":");
          if (!dest || !entry || !exit || more !== undefined)
            throw new UsageError(`invalid --stay "${item}": expected CC:YYYY-MM-DD:YYYY-MM-DD`);
          return { destination: await place(dest, "--stay"), entry, exit };
        }),
      );
      const r = await (await engine()).stay({
        nationality: await place(nationality, "nationality"),
        destination: await place(destination, "destination"),
        on: opts.on ?? todayUtc(),
        stays,
      });
      if (opts.json) return print(JSON.stringify(r, null, 2)), 0;
      if (!r.rule) {
        print(`${r.nationality} → ${r.destination} on ${r.on}: no stay limit in the data`);
        return 0;
      }
      const where = r.rule.area ? ` across the ${r.rule.area}` : "";
      // What "used" counts: the rolling window's days, else the calendar year's (where capped), else the current stay's.
      const year = r.on.slice(0, 4);
      const usedText = r.rule.withinDays
        ? `${r.used} days used`
        : r.usedInCalendarYear !== undefined
          ? `${r.usedInCalendarYear} days used in ${year}`
          : `${r.used} days used in the current stay`;
      print(paint("bold", `${r.nationality} → ${r.destination} on ${r.on}: ${usedText}, ${r.left} left${where}`));
      print(`  Rule: ${describeStay(r.rule)} [${r.rule.regime}]`);
      if (r.usedInCalendarYear !== undefined && r.rule.withinDays) print(`  ${r.usedInCalendarYear} days used in ${year} of ${r.rule.perCalendarYear}`);
      if (r.latestExit) print(`  A stay starting on ${r.on} must end by ${r.latestExit}.`);
      for (const s of r.stays)
        print(`  ${s.destination} ${s.entry} → ${s.exit}: ${!s.counted ? "not counted here" : s.complies ? "complies" : `exceeds the limit from ${s.exceedsFrom}`}`);
      return 0;
    }
    case "timeline": {
      const [nationality, destination, extra] = args;
      if (!nationality || !destination) throw new UsageError("timeline needs <nationality> <destination>");
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      const t = (await engine()).timeline({ nationality: await place(nationality, "nationality"), destination: await place(destination, "destination") });
      if (opts.json) return print(JSON.stringify(t, null, 2)), 0;
      print(paint("bold", `${t.nationality} → ${t.destination} (dataset ${t.dataset})`));
      for (const p of t.periods) {
        const span = `${p.from ?? "…"} → ${p.until ? p.until : "until further notice"}`;
        const stay = p.maxStay ? `, ${describeStay(p.maxStay)}` : "";
        const open = p.possible ? ` (${leftOpen(p.possible)})` : "";
        print(`${span.padEnd(40)} ${paint(colourOf(p.requirement), p.requirement)}${stay}${open}${p.regime ? `  [${p.regime}]` : ""}`);
        for (const a of p.alternatives) print(`${"".padEnd(40)}   or ${a.requirement}: ${a.condition}  [${a.regime}]`);
        for (const s of p.sources) print(`${"".padEnd(40)}   ${paint("dim", sourceLine(s))}`);
      }
      return 0;
    }
    case "batch": {
      if (args.length) throw new UsageError(`unexpected argument "${args[0]}"`);
      await batch(await engine(), opts.fields === undefined ? ANSWER_FIELDS : parseFields(opts.fields));
      return 0;
    }
    case "validate": {
      const [dir, extra] = args;
      if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
      if (opts.rules) throw new UsageError("validate takes the folder as its argument, not --rules");
      try {
        const e = dir ? await createEngine({ rules: readRulesDir(dir) }) : await createEngine({ rules: await embeddedRules() });
        print(`valid: ${dir ?? "embedded rules"} (dataset ${e.version})`);
        return 0;
      } catch (err) {
        if (!(err instanceof InvalidRulesError)) throw err;
        for (const i of err.issues) process.stderr.write(formatIssue(i) + "\n");
        process.stderr.write(`${err.issues.length} problem${err.issues.length === 1 ? "" : "s"} found\n`);
        return 1;
      }
    }
    case undefined:
      throw new UsageError("missing command (try travel-rules --help)");
    default:
      throw new UsageError(`unknown command "${command}" (try travel-rules --help)`);
  }
}

/** Today's UTC date: a default for commands that span destinations in several time zones. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The embedded rules as plain rule files, for `validate` with no folder. */
async function embeddedRules(): Promise<RuleFiles> {
  return embeddedFiles((await import("./generated/rules.js")).default);
}

async function openEngine(dir: string | undefined): Promise<Engine> {
  return dir === undefined ? createEngine() : createEngine({ rules: readRulesDir(dir) });
}

function yesNo(v: string): boolean {
  if (v === "yes") return true;
  if (v === "no") return false;
  throw new TravelRulesError("INVALID_FACT", `invalid --biometric "${v}": expected yes or no`, v);
}

/** `visa:US,residence-permit:GB:2027-01-31` → held documents; `none` → none (the fact is known). */
function parseHolds(text: string): HeldDocument[] {
  if (text.trim() === "none") return [];
  return text.split(",").map((item) => {
    const [kind, country, validUntil, extra] = item.trim().split(":");
    if ((kind !== "visa" && kind !== "residence-permit") || !country || extra !== undefined)
      throw new TravelRulesError("INVALID_FACT", `invalid --holds item "${item}": expected visa:CC or residence-permit:CC[:YYYY-MM-DD], or none`, item);
    return { kind, country, ...(validUntil !== undefined && { validUntil }) };
  });
}

/** What an unknown answer's gap leaves open, as `passport` and `timeline` print it. */
const leftOpen = (possible: readonly string[]): string => `${possible.join(" or ")}: not established which`;

/** An answer's keys, in the order answers carry them (a Record: adding a key to Answer without listing it fails to compile). */
const ANSWER_KEYS: Record<keyof Answer, true> = {
  nationality: true,
  destination: true,
  date: true,
  requirement: true,
  maxStay: true,
  regime: true,
  authorisation: true,
  condition: true,
  explanation: true,
  sources: true,
  notes: true,
  alternatives: true,
  upcoming: true,
  warnings: true,
  possible: true,
  dataset: true,
};
const ANSWER_FIELDS = Object.keys(ANSWER_KEYS) as (keyof Answer)[];

/** `requirement,maxStay` → those keys, in the order answers carry them. */
function parseFields(text: string): readonly (keyof Answer)[] {
  const asked = text.split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = asked.find((f) => !(ANSWER_FIELDS as readonly string[]).includes(f));
  if (unknown !== undefined || asked.length === 0)
    throw new UsageError(`invalid --fields "${text}": expected a comma-separated list of ${ANSWER_FIELDS.join(", ")}`);
  return ANSWER_FIELDS.filter((f) => asked.includes(f));
}

/**
 * JSON.stringify(answer) as UTF-8, faster for batches: the parts answers share (sources, notes,
 * stays, explanations: the same values for every answer a regime decides) are encoded once.
 * Same bytes, same key order; test/cli.test.ts compares the two.
 */
interface FieldCache {
  key: Buffer;
  objects: WeakMap<object, Buffer>;
  texts: Map<string, Buffer>;
}
const fields = new Map<string, FieldCache>();
/** `"key":value` (with `{` or `,` before it) as UTF-8, encoded once per key and value. */
function fieldBytes(id: string, prefix: string, v: unknown): Buffer {
  let f = fields.get(id);
  if (!f) fields.set(id, (f = { key: Buffer.from(prefix), objects: new WeakMap(), texts: new Map() }));
  if (v !== null && typeof v === "object") {
    let b = f.objects.get(v);
    if (b === undefined) f.objects.set(v, (b = fieldEncoding(f.key, v)));
    return b;
  }
  // Codes, dates, requirements, ids and explanations repeat across a batch: encode each once.
  const text = typeof v === "string" ? v : `\u0000${String(v)}`;
  let b = f.texts.get(text);
  if (b === undefined) {
    if (f.texts.size > 100_000) f.texts.clear(); // bounded, whatever the input
    f.texts.set(text, (b = fieldEncoding(f.key, v)));
  }
  return b;
}
const fieldEncoding = (key: Buffer, v: unknown): Buffer => Buffer.concat([key, Buffer.from(JSON.stringify(v) ?? "null")]);
function answerBytes(a: Answer, keys: readonly (keyof Answer)[], into: Buffer[]): void {
  let first = true;
  for (const k of keys) {
    if (a[k] === undefined) continue; // as JSON.stringify: `possible` only where the answer has it
    into.push(first ? fieldBytes(`{${k}`, `{"${k}":`, a[k]) : fieldBytes(k, `,"${k}":`, a[k]));
    first = false;
  }
  if (first) into.push(OPEN);
  into.push(CLOSE_LINE);
}
const OPEN = Buffer.from("{");
const CLOSE_LINE = Buffer.from("}\n");

/** Lines of stdin as they arrive (chunks split by hand: readline's per-line iteration costs more). */
async function* stdinLines(): AsyncGenerator<string[]> {
  let rest = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop()!;
    yield parts.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  }
  if (rest) yield [rest];
}

async function batch(engine: Engine, keys: readonly (keyof Answer)[]): Promise<void> {
  let out: Buffer[] = [];
  const flush = async (): Promise<void> => {
    if (!process.stdout.write(Buffer.concat(out))) await new Promise((r) => process.stdout.once("drain", r));
    out = [];
  };
  for await (const lines of stdinLines())
    for (const line of lines) {
      let error: { code: string; message: string };
      try {
        const r = await engine.safeCheck(JSON.parse(line) as Query);
        if (r.ok) {
          answerBytes(r.answer, keys, out);
          if (out.length > 16384) await flush();
          continue;
        }
        error = r.error.toJSON();
      } catch (e) {
        error = { code: "INVALID_QUERY", message: `not a JSON query: ${(e as Error).message}` };
      }
      out.push(Buffer.from(JSON.stringify({ error }) + "\n"));
    }
  await flush();
}

function colourOf(r: string): "green" | "yellow" | "gray" | "red" {
  if (r === "citizen" || r === "free-movement" || r === "visa-free") return "green";
  if (r === "eta" || r === "visa-on-arrival" || r === "e-visa") return "yellow";
  if (r === "unknown") return "gray";
  return "red";
}

/** One cited source: linked where it has an https address, otherwise how it was read. */
function sourceLine(s: Source): string {
  const access = describeAccess(s);
  return `${s.title}${s.publisher ? ` — ${s.publisher}` : ""}, ${s.date}${access ? ` (${access})` : ` <${readableUrl(s.url ?? "")}>`}`;
}

/**
 * An address as a reader wants to see it: percent-encoded letters of other scripts decoded
 * (".../турция-отменила-..." rather than ".../%d1%82%d1%83..."). Reserved characters stay
 * encoded (decodeURI), and an address that would decode to spaces, controls or invisible
 * formatting characters (which could disguise it) is printed as stored. `--json` keeps the
 * stored address.
 */
function readableUrl(url: string): string {
  let decoded: string;
  try {
    decoded = decodeURI(url);
  } catch {
    return url;
  }
  return /[\s\p{C}]/u.test(decoded) ? url : decoded;
}

function renderAnswer(a: Answer): string {
  const lines = [
    `${paint("bold", `${a.nationality} → ${a.destination} on ${a.date}:`)} ${paint(["bold", colourOf(a.requirement)], a.requirement)}`,
    `  ${a.explanation}`,
  ];
  if (a.maxStay) lines.push(`  Stay: ${describeStay(a.maxStay)}`);
  for (const w of a.warnings) lines.push(paint("yellow", `  Warning: ${w}`));
  if (a.condition) lines.push(`  Condition: ${a.condition}`);
  if (a.upcoming) {
    const u = a.upcoming;
    const grace = u.inForce ? ` (in force since ${u.inForce}; the current rule is tolerated until then)` : "";
    lines.push(`  Changes on ${u.date}: ${u.requirement}${u.maxStay ? `, ${describeStay(u.maxStay)}` : ""}${grace}`);
  }
  if (a.alternatives.length) {
    lines.push("  Alternatives:");
    for (const x of a.alternatives) lines.push(`    - ${altLine(x)}`, `      Condition: ${x.condition}`);
  }
  if (a.regime) lines.push(paint("dim", `  Rule: ${a.regime} (dataset ${a.dataset})`));
  if (a.sources.length) {
    lines.push("  Sources:");
    for (const s of a.sources) lines.push(`    - ${sourceLine(s)}`);
  }
  if (a.notes.length) {
    lines.push("  Notes:");
    for (const n of a.notes) lines.push(paint("dim", `    - ${n}`));
  }
  return lines.join("\n");
}

function altLine(x: Alternative): string {
  const stay = x.maxStay ? `, ${describeStay(x.maxStay)}` : "";
  return `${x.requirement}${x.authorisation ? ` (${x.authorisation})` : ""}${stay} [${x.regime}]`;
}

function print(s: string): void {
  process.stdout.write(s + "\n");
}

// A reader that stops early (`travel-rules timeline TJ TR | head -1`) closes the pipe: stop
// quietly, as Unix tools do, instead of failing with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InvalidRulesError) {
      for (const i of e.issues) process.stderr.write(`travel-rules: ${formatIssue(i)}\n`);
    } else if (isTravelRulesError(e) || e instanceof UsageError) {
      process.stderr.write(`travel-rules: ${e.message}\n`);
    } else {
      process.stderr.write(`travel-rules: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
      return;
    }
    process.exitCode = 2;
  },
);
