// Answers drawn at random for an accuracy audit (npm run sample-answers, docs/accuracy.md).
import type { Answer, Change, Engine, Source } from "../../src/index.js";
import { dateOf, dayNumber } from "../../src/impl/stay.js";

/** Widely held passports: half of a mixed sample, all of a "popular" one. */
export const POPULAR = "US GB DE FR IT ES NL PL CN IN JP KR RU BR MX CA AU TR ID PH VN TH MY PK BD NG EG SA AE ZA AR CO UA IR KZ UZ SG IL SE CH".split(" ");

export type RegimeKind = "default" | "list" | "other";

export interface SampleOptions {
  count: number;
  seed: number;
  from: string;
  to: string;
  passports: "popular" | "all" | "mixed";
  kind: "any" | "default" | "list";
  /** What a destination is drawn from: a code, or the members of an area (drawn as one, then a member). */
  destinations: readonly (string | readonly string[])[];
  /** Whether a regime is a destination's default, a list of ten or more nationalities, or other. */
  regimeKind: (id: string) => RegimeKind;
}

export interface SampledAnswer {
  n: number;
  passports: "popular" | "all";
  regimeKind: RegimeKind;
  nationality: string;
  destination: string;
  date: string;
  requirement: Answer["requirement"];
  maxStay: Answer["maxStay"];
  regime: string | null;
  period: [string | null, string | null] | null;
  alternatives: string[];
  sources: string[];
  notes: string[];
}

/**
 * Draws `count` answers: a nationality, a destination and a day at random, skipping `unknown` and
 * `citizen` answers, pairs already drawn and (with `kind`) answers decided by another kind of
 * regime. A linear congruential generator makes the same seed give the same sample.
 */
export async function sampleAnswers(engine: Engine, o: SampleOptions): Promise<SampledAnswer[]> {
  const { random, pick } = generator(o.seed);
  const [first, last] = [dayNumber(o.from), dayNumber(o.to)];
  const all = engine.countries().filter((c) => c.passport === c.code).map((c) => c.code);
  const out: SampledAnswer[] = [];
  const drawn = new Set<string>();
  for (let tries = 0; out.length < o.count; tries++) {
    if (tries > o.count * 1000) throw new Error(`only ${out.length} answers found for these options`);
    const popular = o.passports === "popular" || (o.passports === "mixed" && out.length % 2 === 0);
    const nationality = pick(popular ? POPULAR : all);
    const choice = pick(o.destinations);
    const destination = typeof choice === "string" ? choice : pick(choice);
    const date = dateOf(first + Math.floor(random() * (last - first + 1)));
    if (nationality === destination || drawn.has(nationality + destination)) continue;
    const a = await engine.check({ nationality, destination, date });
    if (a.requirement === "unknown" || a.requirement === "citizen") continue;
    const kind = a.regime ? o.regimeKind(a.regime) : "other";
    if (o.kind !== "any" && kind !== o.kind) continue;
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
      sources: a.sources.map(cite),
      notes: a.notes,
    });
  }
  return out;
}

/** A linear congruential generator: the same seed gives the same draws. */
function generator(start: number): { random: () => number; pick: <T>(list: readonly T[]) => T } {
  let seed = start % 2147483648;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { random, pick: (list) => list[Math.floor(random() * list.length)]! };
}

const cite = (s: Source): string => `${s.title} — ${s.publisher}, ${s.date} <${s.url ?? s.readAt ?? "not read online"}>`;

export interface ChangeSampleOptions {
  count: number;
  seed: number;
  from: string;
  to: string;
  /**
   * "popular": only changes that concern a widely held passport, checked on one; "mixed": every
   * other change is checked on a widely held passport where it concerns one; "all": any.
   */
  passports: "popular" | "all" | "mixed";
}

export interface SampledChange {
  n: number;
  /** The first day of the new answer: the day the data says the border applied the change. */
  date: string;
  /** One nationality and one destination the change concerns, drawn at random to check it on. */
  nationality: string;
  destination: string;
  /** Every nationality, and every destination (an area's members), with the same change that day. */
  nationalities: string[];
  destinations: string[];
  before: { requirement: Answer["requirement"]; maxStay: Answer["maxStay"]; regime: string | null; sources: string[] };
  after: { requirement: Answer["requirement"]; maxStay: Answer["maxStay"]; regime: string | null; published: string | null; sources: string[]; notes: string[] };
}

/**
 * Draws `count` changes at random for an audit of their dates. A change here is one event: the
 * same move from one regime to another on one day, for all the nationalities and destinations
 * it concerns (a list leaving a visa requirement is one change, not one per nationality), so a
 * large list weighs no more than a single bilateral agreement. Each event is drawn once.
 */
export async function sampleChanges(engine: Engine, o: ChangeSampleOptions): Promise<SampledChange[]> {
  const { random, pick } = generator(o.seed);
  const events = new Map<string, { nationalities: Set<string>; destinations: Set<string>; change: Change }>();
  for (const c of engine.changes({ from: o.from, to: o.to })) {
    const key = JSON.stringify([c.date, c.before, c.after]);
    const e = events.get(key) ?? { nationalities: new Set<string>(), destinations: new Set<string>(), change: c };
    e.nationalities.add(c.nationality);
    e.destinations.add(c.destination);
    events.set(key, e);
  }
  const popular = new Set(POPULAR);
  const list = [...events.values()];
  // Fisher-Yates with the seeded generator: the same seed and rules give the same order.
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  const out: SampledChange[] = [];
  for (const e of list) {
    if (out.length === o.count) break;
    const nats = [...e.nationalities].sort();
    const widely = nats.filter((n) => popular.has(n));
    if (o.passports === "popular" && widely.length === 0) continue;
    // "mixed": every other change is checked on a widely held passport where it concerns one.
    const wantPopular = o.passports === "popular" || (o.passports === "mixed" && out.length % 2 === 0);
    const candidates = wantPopular && widely.length > 0 ? widely : nats;
    const nationality = pick(candidates);
    const destinations = [...e.destinations].sort();
    const destination = pick(destinations);
    const dayBefore = dateOf(dayNumber(e.change.date) - 1);
    const [a, b] = await Promise.all([
      engine.check({ nationality, destination, date: dayBefore }),
      engine.check({ nationality, destination, date: e.change.date }),
    ]);
    out.push({
      n: out.length + 1,
      date: e.change.date,
      nationality,
      destination,
      nationalities: nats,
      destinations,
      before: { requirement: a.requirement, maxStay: a.maxStay, regime: a.regime, sources: a.sources.map(cite) },
      after: { requirement: b.requirement, maxStay: b.maxStay, regime: b.regime, published: e.change.published, sources: b.sources.map(cite), notes: b.notes },
    });
  }
  if (out.length < o.count) throw new Error(`only ${out.length} changes found for these options`);
  return out;
}
