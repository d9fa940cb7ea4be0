// Validates a set of rule files and turns it into a Dataset. Every problem is collected, so one
// run of `travel-rules validate` lists them all.
import { InvalidRulesError, type RuleIssue } from "../errors.js";
import type { FILE_SCHEMAS } from "./schema.js";
import { FILE_PATTERNS, type FileKind } from "./vocab.js";
import type {
  AreaFile,
  Condition,
  CountriesFile,
  DatasetFile,
  DestinationFile,
  Gap,
  GroupFile,
  PassportValidity,
  Regime,
  Source,
} from "./schema.js";

/** The largest rule file accepted, in bytes (as JSON text). */
export const MAX_RULE_FILE_BYTES = 2 * 1024 * 1024;

/** Rule files by their path inside a rules folder, e.g. `destinations/TR.json`, parsed from JSON. */
export type RuleFiles = Readonly<Record<string, unknown>>;

export interface Country {
  code: string;
  alpha3: string;
  name: string;
  /** The name takes "the" in a sentence. */
  definite?: true;
  /** Its people travel on passports of this country (answered as it); `null`: it issues none. */
  passport?: string | null;
  timeZone: string;
}

/** A file that answers for destinations: a destination's own file or an area's. */
export interface PolicyFile {
  file: string;
  since: string;
  regimes: Regime[];
  gaps: Gap[];
  passportValidity: PassportValidity[];
  /** For an area: the destinations it serves and when. */
  members?: { country: string; from: string; until?: string }[];
  name: string;
  notes: string[];
}

/** Destination files by code. The embedded rules parse each one on first use. */
export interface Policies {
  get(code: string): PolicyFile | undefined;
  has(code: string): boolean;
  all(): PolicyFile[];
}

export interface Dataset {
  version: string;
  /** The day the dataset was released (rules/dataset.json); null for rule folders without one. */
  released: string | null;
  countries: Map<string, Country>;
  alpha3: Map<string, string>;
  groups: Map<string, GroupFile>;
  destinations: Policies;
  areas: PolicyFile[];
}

/**
 * The embedded form written by scripts/embed-rules.ts: every file as JSON text, with each
 * source replaced by its index in one shared table (sources repeat across regimes).
 */
export interface EmbeddedRules {
  sources: string;
  files: Record<string, string>;
}

/**
 * Trusted rule files (validated when the package was built), read one at a time: the bundled
 * form in any runtime, or the per-file copy next to the bundle under Node (src/impl/packaged.ts).
 */
export interface RuleSource {
  /** Paths of the files, e.g. `destinations/TR.json`. */
  files: string[];
  /** One file's content, parsed, sources in place. */
  read(file: string): unknown;
}

function destinationPolicy(file: string, d: DestinationFile, countries: Map<string, Country>): PolicyFile {
  const name = countries.get(d.destination)?.name ?? d.destination;
  return { file, since: d.since, regimes: d.regimes, gaps: d.gaps ?? [], passportValidity: d.passportValidity ?? [], name, notes: d.notes ?? [] };
}

function areaPolicy(file: string, a: AreaFile): PolicyFile {
  return { file, since: a.since, regimes: a.regimes, gaps: a.gaps ?? [], passportValidity: a.passportValidity ?? [], members: a.members, name: a.name, notes: a.notes ?? [] };
}

function eager(map: Map<string, PolicyFile>): Policies {
  return { get: (c) => map.get(c), has: (c) => map.has(c), all: () => [...map.values()] };
}

/** A rule file whose regimes and passport rules cite sources by their index in a table. */
export type Cited = { regimes?: { sources: unknown[] }[]; passportValidity?: { sources: unknown[] }[] };

/** The items of a rule file that cite sources: its regimes and its passport-validity rules. */
export function citedItems(data: Cited): { sources: unknown[] }[] {
  return [...(data.regimes ?? []), ...(data.passportValidity ?? [])];
}

/** Calls `cite` with each item of a file and its source indices. */
function eachCited(data: Cited, cite: (item: { sources: unknown[] }, refs: number[]) => void): Cited {
  for (const item of citedItems(data)) cite(item, item.sources as number[]);
  return data;
}

/** Puts each item's sources in place from the file's own table. */
export function citeFrom(data: Cited, table: Source[]): Cited {
  return eachCited(data, (item, refs) => (item.sources = refs.map((i) => table[i]!)));
}

/** The embedded rules as plain rule files, sources in place (for validating them again). */
export function embeddedFiles(embedded: EmbeddedRules): RuleFiles {
  const table = JSON.parse(embedded.sources) as Source[];
  return Object.fromEntries(
    Object.entries(embedded.files).map(([file, text]) => [
      file,
      citeFrom(JSON.parse(text) as Cited, table),
    ]),
  );
}

/** The bundled rules as a RuleSource; the shared source table is parsed when an answer first needs a source. */
export function bundledSource(embedded: EmbeddedRules): RuleSource {
  let table: Source[] | undefined;
  return {
    files: Object.keys(embedded.files),
    read: (file) =>
      eachCited(JSON.parse(embedded.files[file]!) as Cited, (item, refs) => {
        let resolved: Source[] | undefined;
        Object.defineProperty(item, "sources", {
          enumerable: true,
          get: () => (resolved ??= refs.map((i) => (table ??= JSON.parse(embedded.sources) as Source[])[i]!)),
        });
      }),
  };
}

/** Reads trusted rules (validated at build time): destination files on first use. */
export function loadEmbedded(source: RuleSource): Dataset {
  const eagerFiles: Record<string, unknown> = {};
  const lazy = new Map<string, string>();
  for (const file of source.files) {
    const m = /^destinations\/([A-Z]{2})\.json$/.exec(file);
    if (m) lazy.set(m[1]!, file);
    else eagerFiles[file] = source.read(file);
  }
  const data = loadRules(eagerFiles, null);
  const parsed = new Map<string, PolicyFile>();
  data.destinations = {
    get(code) {
      let p = parsed.get(code);
      const file = lazy.get(code);
      if (!p && file) parsed.set(code, (p = destinationPolicy(file, source.read(file) as DestinationFile, data.countries)));
      return p;
    },
    has: (code) => lazy.has(code),
    all: () => [...lazy.keys()].map((c) => data.destinations.get(c)!),
  };
  return data;
}

/**
 * Reads rule files into a Dataset. With `schemas` every file is validated and cross-checked;
 * without, the files are trusted (the embedded rules, validated when the package was built).
 */
export function loadRules(files: RuleFiles, schemas: typeof FILE_SCHEMAS | null): Dataset {
  const options = { validate: schemas !== null };
  const issues: RuleIssue[] = [];
  const parsed: { [K in FileKind]: { file: string; data: unknown }[] } = {
    dataset: [],
    countries: [],
    group: [],
    area: [],
    destination: [],
  };

  for (const [file, content] of Object.entries(files)) {
    const kind = (Object.keys(FILE_PATTERNS) as FileKind[]).find((k) => FILE_PATTERNS[k].test(file));
    if (!kind) {
      issues.push({ file, path: [], message: "not a rule file: expected dataset.json, countries.json, groups/X.json, areas/X.json or destinations/XX.json" });
      continue;
    }
    if (!schemas) {
      parsed[kind].push({ file, data: content });
      continue;
    }
    // The same limit as for files read from a folder, so rule data cannot exhaust memory.
    const size = JSON.stringify(content)?.length ?? 0;
    if (size > MAX_RULE_FILE_BYTES) {
      issues.push({ file, path: [], message: `larger than ${MAX_RULE_FILE_BYTES} bytes` });
      continue;
    }
    const result = schemas[kind].safeParse(content);
    if (!result.success) {
      for (const i of result.error.issues)
        issues.push({ file, path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message });
      continue;
    }
    parsed[kind].push({ file, data: result.data });
  }

  const dataset = parsed.dataset[0]?.data as DatasetFile | undefined;
  const countriesFile = parsed.countries[0]?.data as CountriesFile | undefined;
  if (!files["dataset.json"]) issues.push({ file: "dataset.json", path: [], message: "missing: every rules folder needs dataset.json" });
  if (!files["countries.json"]) issues.push({ file: "countries.json", path: [], message: "missing: every rules folder needs countries.json" });

  const countries = new Map<string, Country>();
  const alpha3 = new Map<string, string>();
  (countriesFile?.countries ?? []).forEach((c, i) => {
    if (options.validate && (countries.has(c.code) || alpha3.has(c.alpha3)))
      issues.push({ file: "countries.json", path: ["countries", i], message: `${c.code} (${c.alpha3}) is listed twice` });
    countries.set(c.code, c);
    alpha3.set(c.alpha3, c.code);
  });
  if (options.validate)
    (countriesFile?.countries ?? []).forEach((c, i) => {
      if (!c.passport) return;
      const target = countries.get(c.passport);
      if (!target || target.passport !== undefined || c.passport === c.code)
        issues.push({ file: "countries.json", path: ["countries", i, "passport"], message: `${c.passport} is not a country that issues its own passports` });
    });

  // Codes are checked against countries.json only when it was read: a refused or missing list is
  // reported once above, not again as every code the other files use.
  const codes = countriesFile ? countries : null;
  const groups = new Map<string, GroupFile>();
  for (const { file, data } of parsed.group) {
    const g = data as GroupFile;
    groups.set(g.group, g);
    if (options.validate) {
      expectName(issues, file, `groups/${g.group}.json`, ["group"]);
      g.members.forEach((m, i) => {
        checkCountry(issues, codes, file, ["members", i, "country"], m.country, true);
        if (m.until !== undefined && m.until <= m.from)
          issues.push({ file, path: ["members", i, "until"], message: "until must be after from" });
      });
    }
  }

  const areas: PolicyFile[] = [];
  const destinations = new Map<string, PolicyFile>();
  for (const { file, data } of parsed.area) {
    const a = data as AreaFile;
    if (options.validate) {
      expectName(issues, file, `areas/${a.area}.json`, ["area"]);
      a.members.forEach((m, i) => checkCountry(issues, codes, file, ["members", i, "country"], m.country));
    }
    areas.push(areaPolicy(file, a));
  }
  for (const { file, data } of parsed.destination) {
    const d = data as DestinationFile;
    if (options.validate) {
      expectName(issues, file, `destinations/${d.destination}.json`, ["destination"]);
      checkCountry(issues, codes, file, ["destination"], d.destination);
    }
    const twin = destinations.get(d.destination);
    if (twin) issues.push({ file, path: ["destination"], message: `${d.destination} is also the destination of ${twin.file}` });
    destinations.set(d.destination, destinationPolicy(file, d, countries));
  }

  if (options.validate) {
    const ids = new Map<string, string>();
    for (const policy of [...areas, ...destinations.values()]) {
      checkPolicy(issues, policy, codes, groups, ids);
    }
  }

  if (issues.length) throw new InvalidRulesError(issues);
  return { version: dataset?.version ?? "unversioned", released: dataset?.released ?? null, countries, alpha3, groups, destinations: eager(destinations), areas };
}

function expectName(issues: RuleIssue[], file: string, expected: string, path: string[]): void {
  if (file !== expected) issues.push({ file, path, message: `does not match the file name (expected ${expected})` });
}

/**
 * A known country code; as a nationality (of a group member, a regime's travellers, a gap) also
 * one that issues its own passports.
 */
function checkCountry(
  issues: RuleIssue[],
  countries: Map<string, Country> | null,
  file: string,
  path: (string | number)[],
  code: string,
  asNationality = false,
): void {
  if (!countries) return;
  if (!countries.has(code)) issues.push({ file, path, message: `unknown country code ${code}` });
  const passport = asNationality ? countries.get(code)?.passport : undefined;
  if (passport === null) issues.push({ file, path, message: `the data knows no passport of ${code}: list the nationality of the passport its people hold` });
  else if (passport)
    issues.push({ file, path, message: `${code}'s people travel on passports of ${passport}, and are answered as ${passport}: list ${passport}` });
}

function checkPolicy(
  issues: RuleIssue[],
  policy: PolicyFile,
  countries: Map<string, Country> | null,
  groups: Map<string, GroupFile>,
  ids: Map<string, string>,
): void {
  const { file } = policy;
  policy.regimes.forEach((r, i) => {
    const at = ["regimes", i];
    const seen = ids.get(r.id);
    if (seen) issues.push({ file, path: [...at, "id"], message: `id ${r.id} is not unique (also in ${seen})` });
    ids.set(r.id, file);
    if (r.travellers !== "others") {
      r.travellers.nationalities?.forEach((c, j) => checkCountry(issues, countries, file, [...at, "travellers", "nationalities", j], c, true));
      r.travellers.groups?.forEach((g, j) => {
        if (!groups.has(g)) issues.push({ file, path: [...at, "travellers", "groups", j], message: `unknown group ${g}` });
      });
    }
    if (r.conditions) checkConditionCodes(issues, file, [...at, "conditions"], r.conditions, countries, groups);
    checkAt(issues, policy, [...at, "at"], r.at);
  });

  policy.passportValidity.forEach((v, i) => {
    const seen = ids.get(v.id);
    if (seen) issues.push({ file, path: ["passportValidity", i, "id"], message: `id ${v.id} is not unique (also in ${seen})` });
    for (const key of ["nationalities", "exceptNationalities"] as const)
      v[key]?.forEach((c, j) => checkCountry(issues, countries, file, ["passportValidity", i, key, j], c, true));
    ids.set(v.id, file);
  });
  policy.gaps.forEach((g, i) => {
    g.nationalities.forEach((c, j) => checkCountry(issues, countries, file, ["gaps", i, "nationalities", j], c, true));
    checkAt(issues, policy, ["gaps", i, "at"], g.at);
  });

  // Two regimes for the same travellers under the same conditions must not overlap in time.
  const regimes = policy.regimes;
  for (let i = 0; i < regimes.length; i++) {
    for (let j = i + 1; j < regimes.length; j++) {
      const a = regimes[i]!;
      const b = regimes[j]!;
      if (!periodsOverlap(a, b) || !sameConditions(a, b) || !sameReach(a, b)) continue;
      const shared = sharedTravellers(a, b);
      if (shared)
        issues.push({
          file,
          path: ["regimes", j],
          message: `overlaps ${a.id} in time for ${shared} under the same conditions`,
        });
    }
  }

  // The default must cover every day from `since` on, so every nationality gets an answer; a
  // member's own exception (`at`) covers only some members.
  const defaults = regimes
    .filter((r) => r.travellers === "others" && !r.conditions && !r.at)
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  let cursor: string | undefined = policy.since;
  for (const r of defaults) {
    if (cursor === undefined) break;
    if (r.validFrom > cursor) break;
    if (r.validUntil === undefined) cursor = undefined;
    else if (r.validUntil > cursor) cursor = r.validUntil;
  }
  if (cursor !== undefined)
    issues.push({
      file,
      path: ["regimes"],
      message: `no unconditional regime for "others" from ${cursor}: every nationality needs an answer on every date since ${policy.since}`,
    });
}

function checkConditionCodes(
  issues: RuleIssue[],
  file: string,
  path: (string | number)[],
  c: Condition,
  countries: Map<string, Country> | null,
  groups: Map<string, GroupFile>,
): void {
  if (!countries) return;
  if ("all" in c) c.all.forEach((x, i) => checkConditionCodes(issues, file, [...path, "all", i], x, countries, groups));
  else if ("any" in c) c.any.forEach((x, i) => checkConditionCodes(issues, file, [...path, "any", i], x, countries, groups));
  else if ("not" in c) checkConditionCodes(issues, file, [...path, "not"], c.not, countries, groups);
  else if (c.fact === "visas" || c.fact === "residencePermits" || c.fact === "nationality") {
    const values = Array.isArray(c.value) ? c.value : [c.value];
    for (const v of values)
      if (typeof v !== "string" || !(countries.has(v) || (c.fact !== "nationality" && groups.has(v))))
        issues.push({ file, path: [...path, "value"], message: `unknown country or group code ${String(v)}` });
  }
}

/** `at` (area files only: the schema refuses it elsewhere) names members of its area. */
function checkAt(issues: RuleIssue[], policy: PolicyFile, path: (string | number)[], at: string[] | undefined): void {
  at?.forEach((c, j) => {
    if (!policy.members?.some((m) => m.country === c))
      issues.push({ file: policy.file, path: [...path, j], message: `${c} is not a member of this area` });
  });
}

/**
 * Whether two regimes can apply at the same destination: a member's exception (`at`) and the
 * common rule can (the exception takes precedence, see the engine), so only two regimes that
 * both apply everywhere, or both at a shared member, are compared.
 */
function sameReach(a: Regime, b: Regime): boolean {
  if (!a.at && !b.at) return true;
  if (!a.at || !b.at) return false;
  return a.at.some((c) => b.at!.includes(c));
}

function periodsOverlap(a: Regime, b: Regime): boolean {
  return (a.validUntil === undefined || b.validFrom < a.validUntil) && (b.validUntil === undefined || a.validFrom < b.validUntil);
}

function sameConditions(a: Regime, b: Regime): boolean {
  return JSON.stringify(a.conditions ?? null) === JSON.stringify(b.conditions ?? null);
}

function sharedTravellers(a: Regime, b: Regime): string | undefined {
  const ta = a.travellers;
  const tb = b.travellers;
  if (ta === "others" || tb === "others") return ta === tb ? "others" : undefined;
  const nat = ta.nationalities?.find((n) => tb.nationalities?.includes(n));
  if (nat) return nat;
  return ta.groups?.find((g) => tb.groups?.includes(g));
}
