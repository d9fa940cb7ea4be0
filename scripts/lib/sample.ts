// Answers drawn at random for an accuracy audit (npm run sample-answers, docs/accuracy.md).
import type { Answer, Engine } from "../../src/index.js";

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
  let seed = o.seed % 2147483648;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const day = (s: string): number => Date.parse(s + "T00:00:00Z") / 864e5;
  const [first, last] = [day(o.from), day(o.to)];
  const all = engine.countries().filter((c) => c.passport === c.code).map((c) => c.code);
  const out: SampledAnswer[] = [];
  const drawn = new Set<string>();
  for (let tries = 0; out.length < o.count; tries++) {
    if (tries > o.count * 1000) throw new Error(`only ${out.length} answers found for these options`);
    const popular = o.passports === "popular" || (o.passports === "mixed" && out.length % 2 === 0);
    const nationality = pick(popular ? POPULAR : all);
    const choice = pick(o.destinations);
    const destination = typeof choice === "string" ? choice : pick(choice);
    const date = new Date((first + Math.floor(random() * (last - first + 1))) * 864e5).toISOString().slice(0, 10);
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
      sources: a.sources.map((s) => `${s.title} — ${s.publisher}, ${s.date} <${s.url ?? s.readAt ?? "not read online"}>`),
      notes: a.notes,
    });
  }
  return out;
}
