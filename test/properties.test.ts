// Invariants over generated queries (fast-check): whatever a form sends, the engine answers or
// refuses with its own error, always the same way, and check() agrees with timeline().
import fc from "fast-check";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, isTravelRulesError, REQUIREMENTS, type Engine, type Query } from "../src/index.js";
import { dayBefore, readFolder } from "./helpers.js";
import { conditionsHold, mayHold, type Facts } from "../src/impl/conditions.js";
import type { Condition, Regime } from "../src/impl/schema.js";
import { Days, calendarYearLimit, dateOf, dayNumber, longestFrom, rollingLimit, type Limit } from "../src/impl/stay.js";

let engine: Engine;
let codes: string[];
let withRules: string[];
beforeAll(async () => {
  engine = await createEngine();
  const all = engine.countries();
  codes = all.flatMap((c) => [c.code, c.alpha3]);
  withRules = all.filter((c) => c.hasRules).map((c) => c.code);
});

const anyCase = (s: string) =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) =>
    [...s].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join(""),
  );
const validCode = () => fc.constantFrom(...codes).chain(anyCase);
const someCode = () =>
  fc.oneof(
    { weight: 8, arbitrary: validCode() },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
const isoDate = () =>
  fc
    .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
const someDate = () =>
  fc.oneof(
    { weight: 6, arbitrary: isoDate() },
    { weight: 1, arbitrary: fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31") }) },
    { weight: 1, arbitrary: isoDate().map((d) => DateTime.fromISO(`${d}T12:00:00`, { zone: "Pacific/Kiritimati" })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.anything() },
  );
const held = () =>
  fc.record(
    { kind: fc.constantFrom("visa", "residence-permit", "permit"), country: someCode(), validUntil: isoDate() },
    { requiredKeys: ["kind", "country"] },
  );
const facts = () =>
  fc.record(
    {
      passport: fc.constantFrom("ordinary", "diplomatic", "service", "official", "gold"),
      purpose: fc.constantFrom("tourism", "business", "transit", "study", "work", "family", "party"),
      birthDate: fc.oneof(isoDate(), fc.string({ maxLength: 10 })),
      arrival: fc.constantFrom("air", "land", "sea", "teleport"),
      biometricPassport: fc.oneof(fc.boolean(), fc.constant("yes")),
      holds: fc.oneof(fc.array(held(), { maxLength: 3 }), fc.anything()),
      passportExpiry: isoDate(),
    },
    { requiredKeys: [] },
  );
const query = () =>
  fc
    .tuple(someCode(), someCode(), someDate(), facts())
    .map(([nationality, destination, date, f]) => ({ nationality, destination, date, ...f }) as unknown as Query);

describe("generated queries", () => {
  it("never throw anything but the library's errors, and answer alike every time", async () => {
    await fc.assert(
      fc.asyncProperty(query(), async (q) => {
        const first = await engine.safeCheck(q);
        const again = await engine.safeCheck(q);
        if (!first.ok) {
          expect(isTravelRulesError(first.error)).toBe(true);
          expect(again.ok).toBe(false);
          if (!again.ok) expect(again.error.code).toBe(first.error.code);
          return;
        }
        expect(again).toEqual(first);
        expect(REQUIREMENTS).toContain(first.answer.requirement);
        if (first.answer.requirement !== "unknown" && first.answer.requirement !== "citizen")
          expect(first.answer.sources.length).toBeGreaterThan(0);
      }),
      { numRuns: 100_000 },
    );
  }, 300_000);

  it("check agrees with timeline on every date, and a timeline covers every date once", async () => {
    await fc.assert(
      fc.asyncProperty(validCode(), fc.constantFrom(...withRules), isoDate(), async (n, d, date) => {
        const t = engine.timeline({ nationality: n, destination: d });
        expect(t.periods[0]!.from).toBeNull();
        expect(t.periods.at(-1)!.until).toBeNull();
        t.periods.slice(1).forEach((p, i) => expect(p.from).toBe(t.periods[i]!.until));
        const p = t.periods.find((x) => (x.from === null || x.from <= date) && (x.until === null || date < x.until))!;
        const a = await engine.check({ nationality: n, destination: d, date });
        // With no facts given, a conditional regime decides only when its condition holds on defaults.
        if (a.regime === p.regime) expect(a.requirement).toBe(p.requirement);
        else expect(p.alternatives.map((x) => x.regime)).toContain(a.regime);
        // The day before a period starts belongs to the period before it.
        if (p.from !== null) {
          const before = await engine.check({ nationality: n, destination: d, date: dayBefore(p.from) });
          const prev = t.periods[t.periods.indexOf(p) - 1]!;
          if (before.regime === prev.regime) expect(before.requirement).toBe(prev.requirement);
        }
      }),
      { numRuns: 20_000 },
    );
  }, 300_000);

  it("an unknown period's 'last established' note names the last period a rule decided, and its end", () => {
    let seen = 0;
    for (const { code: n, passport } of engine.countries()) {
      if (passport !== n) continue;
      for (const d of withRules) {
        const periods = engine.timeline({ nationality: n, destination: d }).periods;
        periods.forEach((p, i) => {
          const note = p.notes.find((x) => x.startsWith("Last established in the data:"));
          if (p.requirement !== "unknown") return expect(note).toBeUndefined();
          if (!note) return;
          seen++;
          const last = periods.slice(0, i).filter((x) => x.regime !== null).at(-1)!;
          expect(note).toContain(`${last.requirement}`);
          expect(note).toContain(`until ${last.until} (rule ${last.regime}).`);
          expect(last.until! <= p.from!).toBe(true);
        });
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it("only an unknown period lists what is left open: two or more requirements a rule could declare, most favourable first", () => {
    let seen = 0;
    for (const { code: n, passport } of engine.countries()) {
      if (passport !== n) continue;
      for (const d of withRules)
        for (const p of engine.timeline({ nationality: n, destination: d }).periods) {
          if (p.possible === undefined) continue;
          seen++;
          expect(p.requirement).toBe("unknown");
          expect(p.possible.length).toBeGreaterThanOrEqual(2);
          const ranks = p.possible.map((r) => REQUIREMENTS.indexOf(r));
          expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
          expect(new Set(ranks).size).toBe(ranks.length);
          expect(p.possible).not.toContain("unknown");
          expect(p.possible).not.toContain("citizen");
        }
    }
    expect(seen).toBeGreaterThan(100);
  });

  it("a territory travelling on another country's passports answers as that country, with a note", async () => {
    const territories = engine.countries().filter((c) => c.passport !== null && c.passport !== c.code);
    expect(territories.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...territories), fc.constantFrom(...withRules), isoDate(), facts(), async (t, d, date, f) => {
        const q = { destination: d, date, ...f } as unknown as Omit<Query, "nationality">;
        const own = await engine.safeCheck({ ...q, nationality: t.code });
        const sovereign = await engine.safeCheck({ ...q, nationality: t.passport! });
        expect(own.ok).toBe(sovereign.ok);
        if (!own.ok || !sovereign.ok) return;
        const { nationality, notes, ...rest } = own.answer;
        expect(nationality).toBe(t.code);
        if (d === t.code) return expect(own.answer.requirement).toBe("citizen");
        const { nationality: _, notes: sovereignNotes, ...sovereignRest } = sovereign.answer;
        expect(rest).toEqual(sovereignRest);
        expect(notes).toEqual([expect.stringMatching(/^People of .+ travel on passports of /), ...sovereignNotes]);
      }),
      { numRuns: 5_000 },
    );
  }, 300_000);

  it("best is never worse than any single passport", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...codes.filter((c) => c.length === 2)), { minLength: 1, maxLength: 4 }), fc.constantFrom(...withRules), isoDate(), async (list, d, date) => {
        const best = await engine.best({ nationalities: list, destination: d, date });
        expect(list).toContain(best.nationality);
        expect(best.others).toHaveLength(list.length - 1);
        for (const n of list) {
          const one = await engine.check({ nationality: n, destination: d, date });
          expect(REQUIREMENTS.indexOf(best.requirement)).toBeLessThanOrEqual(REQUIREMENTS.indexOf(one.requirement));
        }
      }),
      { numRuns: 5_000 },
    );
  }, 300_000);
});

describe("stay counting, against counting day by day", () => {
  // Stays as (start offset, length) across a new year, limits as a rolling window and a year's cap:
  // small enough that windows often end just where a later stay begins.
  const day0 = dayNumber("2024-10-01");
  const staysArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 20 })), { maxLength: 6 });
  const limitArb = fc.record({
    rolling: fc.option(fc.tuple(fc.integer({ min: 5, max: 30 }), fc.integer({ min: 31, max: 60 })), { nil: undefined }),
    year: fc.option(fc.integer({ min: 20, max: 60 }), { nil: undefined }),
  });
  // Whether every day of `set` keeps every limit, counting each window by brute force.
  const keeps = (set: Set<number>, limits: Limit[]): boolean =>
    [...set].every((d) => limits.every((l) => [...set].filter((x) => x >= l.start(d) && x <= d).length <= l.days));

  it("the stay `left` complies, and one day more breaks a limit or the limit per stay", () => {
    fc.assert(
      fc.property(staysArb, limitArb, fc.integer({ min: 0, max: 220 }), fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }), (raw, lim, offset, cap) => {
        const limits: Limit[] = [];
        if (lim.rolling) limits.push(rollingLimit(lim.rolling[0], lim.rolling[1]));
        if (lim.year) limits.push(calendarYearLimit(lim.year));
        fc.pre(limits.length > 0);
        const stays = raw.map(([o, n]) => ({ entry: dateOf(day0 + o), exit: dateOf(day0 + o + n - 1) }));
        const set = new Set<number>();
        for (const s of stays) for (let d = dayNumber(s.entry); d <= dayNumber(s.exit); d++) set.add(d);
        fc.pre(keeps(set, limits)); // the stays so far comply
        const on = day0 + offset;
        const left = longestFrom(new Days(stays), on, limits, cap);
        const withStay = (n: number) => new Set([...set, ...Array.from({ length: n }, (_, i) => on + i)]);
        expect(keeps(withStay(left), limits)).toBe(true);
        if (cap !== undefined && left === cap) return;
        expect(left).toBeLessThan(cap ?? Infinity);
        expect(keeps(withStay(left + 1), limits)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe("a member's own exception in an area (`at`)", () => {
  type AreaRegime = { at?: string[]; travellers: "others" | { nationalities?: string[] } };
  type AreaFile = { members: { country: string }[]; regimes: AreaRegime[]; gaps?: { at?: string[]; nationalities: string[] }[] };
  let without: Engine;
  let members: string[];
  /** member → the nationalities some regime or gap with `at` names there */
  const named = new Map<string, Set<string>>();
  beforeAll(async () => {
    const rules = readFolder(new URL("../rules/", import.meta.url).pathname);
    const area = rules["areas/SCHENGEN.json"] as unknown as AreaFile;
    members = area.members.map((m) => m.country);
    for (const x of [...area.regimes, ...(area.gaps ?? [])]) {
      if (!x.at) continue;
      const ns = "travellers" in x ? (x.travellers === "others" ? codes : (x.travellers.nationalities ?? [])) : x.nationalities;
      for (const m of x.at) named.set(m, new Set([...(named.get(m) ?? []), ...ns]));
    }
    expect(named.size).toBeGreaterThan(0);
    area.regimes = area.regimes.filter((r) => !r.at);
    area.gaps = (area.gaps ?? []).filter((g) => !g.at);
    without = await createEngine({ rules: rules as never });
  });

  it("changes answers only at the members it names, for the nationalities it names", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Mostly the nationalities the exceptions name, asked at every member: where a check could differ.
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...[...new Set([...named.values()].flatMap((s) => [...s]))]) },
          { weight: 1, arbitrary: fc.constantFrom(...codes.filter((c) => /^[A-Z]{2}$/.test(c))) },
        ),
        fc.constantFrom(...members),
        isoDate().filter((d) => d >= "2013-01-01" && d <= "2027-12-31"),
        facts(),
        async (nationality, destination, date, f) => {
          if (named.get(destination)?.has(nationality)) return;
          const q = { nationality, destination, date, ...f } as unknown as Query;
          expect(await engine.safeCheck(q)).toEqual(await without.safeCheck(q));
        },
      ),
      { numRuns: 300 },
    );
  });
});


describe("conditions with facts left out (three-valued, `mayHold`)", () => {
  // Leaves over the facts a query may give, with operators that suit each fact's type; few values,
  // so that boundaries (an age equal to the limit) come up often.
  const countries = ["US", "GB", "SCHENGEN", "CA"];
  const leaf = fc.oneof(
    fc.record({ fact: fc.constant("purpose"), operator: fc.constantFrom("in", "notIn"), value: fc.subarray(["tourism", "business", "transit", "work"]) }),
    fc.record({ fact: fc.constant("purpose"), operator: fc.constantFrom("equal", "notEqual"), value: fc.constantFrom("tourism", "work") }),
    fc.record({ fact: fc.constantFrom("visas", "residencePermits"), operator: fc.constant("containsAny"), value: fc.subarray(countries) }),
    fc.record({ fact: fc.constantFrom("visas", "residencePermits"), operator: fc.constantFrom("contains", "doesNotContain"), value: fc.constantFrom(...countries) }),
    fc.record({
      fact: fc.constant("age"),
      operator: fc.constantFrom("lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "equal"),
      value: fc.constantFrom(12, 18, 65),
    }),
    fc.record({ fact: fc.constant("biometric"), operator: fc.constantFrom("equal", "notEqual"), value: fc.boolean() }),
  );
  const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
    tree: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf as fc.Arbitrary<Condition>,
      fc.record({ all: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie("tree"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie("tree") }),
    ),
  }));
  const top = fc.oneof(
    fc.record({ all: fc.array(tree, { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tree, { minLength: 1, maxLength: 3 }) }),
  );
  const fullFacts = fc.record({
    purpose: fc.constantFrom("tourism", "business", "transit", "work", "study"),
    visas: fc.subarray(countries),
    residencePermits: fc.subarray(countries),
    age: fc.constantFrom(12, 18, 65),
    biometric: fc.boolean(),
  });
  // A regime as the engine sees it: only its id and conditions matter here.
  const regime = (conditions: Condition) => ({ id: "p.cond", conditions }) as unknown as Regime;

  it("agree with json-rules-engine when every fact is known", async () => {
    await fc.assert(
      fc.asyncProperty(top, fullFacts, async (c, facts) => {
        const r = regime(c);
        expect(mayHold(r, facts)).toBe(await conditionsHold(r, facts));
      }),
      { numRuns: 400 },
    );
  });

  it("rule a regime out only when no value of the missing facts would let it hold", async () => {
    await fc.assert(
      fc.asyncProperty(top, fullFacts, fc.subarray(["purpose", "visas", "residencePermits", "age", "biometric"] as const), async (c, facts, left) => {
        const given: Facts = { ...facts };
        for (const f of left) delete given[f];
        const r = regime(c);
        if (!mayHold(r, given)) expect(await conditionsHold(r, facts)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});
