import type { DateTime } from "luxon";
import { TravelRulesError } from "./errors.js";
import { conditionsHold, factsNeeded, mayHold, type Facts } from "./impl/conditions.js";
import { explain, explainGap, sameStay, describeStay } from "./impl/explain.js";
import { bundledSource, loadEmbedded, loadRules, type Dataset, type EmbeddedRules, type PolicyFile, type RuleFiles } from "./impl/load.js";
import { packagedRules } from "./impl/packaged.js";
import type { Regime } from "./impl/schema.js";
import { ARRIVAL_MODES, PASSPORT_TYPES, PURPOSES, REQUIREMENTS, isRealDate } from "./impl/vocab.js";
import { Index, rank, segmentAt, type Candidate, type Segment } from "./impl/timeline.js";
import { Days, calendarYearLimit, dateOf, dayNumber, firstExcess, longestFrom, perStayExcess, rollingLimit, singleStay, used, yearStart, type Limit } from "./impl/stay.js";
import type {
  Alternative,
  Answer,
  BestAnswer,
  Change,
  PassportOverview,
  StayQuery,
  StayResult,
  DateInput,
  MaxStay,
  Period,
  Query,
  Timeline,
  TravellerFacts,
  UpcomingChange,
} from "./types.js";

export interface EngineOptions {
  /**
   * Rule files by path inside a rules folder (`dataset.json`, `countries.json`,
   * `groups/EU.json`, `areas/SCHENGEN.json`, `destinations/TR.json`), as parsed JSON.
   * Defaults to the rules embedded in the package.
   */
  rules?: RuleFiles;
}

export type SafeResult<T> = { ok: true; answer: T } | { ok: false; error: TravelRulesError };

/** The answer's parts that depend only on the deciding regime, shared by every query it decides. */
type Decision = Omit<Answer, "nationality" | "destination" | "date" | "alternatives" | "upcoming" | "warnings">;

export class Engine {
  /** The dataset version every answer carries. */
  readonly version: string;
  private readonly index: Index;
  /** Destinations no file answers for: one shared answer part each, no per-pair index. */
  private readonly unknownDestinations = new Map<string, Decision>();
  private regimes: Map<string, Regime> | undefined;
  private readonly conditionalDecisions = new WeakMap<Regime, Map<string, Decision>>();

  /** @internal Use {@link createEngine}. */
  constructor(private readonly data: Dataset) {
    this.version = data.version;
    this.index = new Index(data);
  }

  /** What a traveller of `nationality` needs to enter `destination` on `date`. */
  async check(query: Query): Promise<Answer> {
    if (query === null || typeof query !== "object")
      throw new TravelRulesError("INVALID_QUERY", "a query must be an object with nationality, destination and date");
    const nationality = this.code(query.nationality, "nationality");
    const destination = this.code(query.destination, "destination");
    const date = typeof query.date === "string" ? calendarDate(query.date) : await this.instantDate(query.date, destination);
    const facts = readFacts(query);
    for (const h of facts.holds ?? []) this.code(h.country, "a held document's country");
    if (nationality === destination) return this.answer(nationality, destination, date, this.citizen(destination));
    const holder = this.passportOf(nationality);
    if (holder !== nationality) {
      if (holder === null) return this.answer(nationality, destination, date, this.noPassport(nationality, destination));
      const answer = await this.check({ ...query, nationality: holder, destination, date });
      return { ...answer, nationality, notes: [this.passportNote(nationality, holder), ...answer.notes] };
    }
    if (!this.index.hasPolicy(destination)) {
      let d = this.unknownDestinations.get(destination);
      if (!d) this.unknownDestinations.set(destination, (d = this.unknown(destination)));
      return this.answer(nationality, destination, date, d);
    }

    const seg = segmentAt(this.index.segments(nationality, destination), date);
    let decided: Candidate | null = seg.base;
    const alternatives: Alternative[] = [];
    if (seg.conditionals.length) {
      const known = this.facts(nationality, date, facts);
      for (const c of seg.conditionals) {
        // Ruled out by the facts the query gave, whatever the others are: neither decides nor is
        // listed (and json-rules-engine runs only for a regime whose conditions may hold).
        if (!mayHold(c.regime, known)) continue;
        if (factsNeeded(c.regime).some((f) => known[f] === undefined)) {
          alternatives.push(alternative(c.regime));
          continue;
        }
        if (await conditionsHold(c.regime, known)) {
          decided = c;
          break;
        }
      }
    }
    const d = decided === seg.base ? this.segmentDecision(seg, destination) : this.conditionalDecision(decided!, destination);
    let warning: string | undefined;
    // Passport validity applies to those the destination admits under its visa rules.
    if (facts.passportExpiry !== undefined && seg.policy && d.requirement !== "free-movement" && d.requirement !== "unknown") {
      const v = this.passportCheck(seg.policy, d, nationality, destination, date, facts);
      if (v && "refused" in v) return this.answer(nationality, destination, date, v.refused);
      warning = v?.warning;
    }
    const answer = this.answer(nationality, destination, date, d);
    if (warning) answer.warnings = [warning];
    // Only alternatives tried before the deciding regime could have changed the answer.
    if (alternatives.length) answer.alternatives = alternatives;
    if (seg.next) answer.upcoming = upcoming(seg.next, date);
    if (!answer.upcoming && decided) {
      const end = this.endWarning(decided.regime, d, nationality, destination, date);
      if (end) answer.warnings = [...answer.warnings, end];
    }
    return answer;
  }

  /**
   * A warning that the deciding rule is set to end, when no published change is announced: only
   * for dates on or after the dataset's release, when every end in the data is already known
   * (for earlier dates it could be hindsight). Says what the data answers from that day.
   */
  private endWarning(regime: Regime, d: Decision, nationality: string, destination: string, date: string): string | null {
    const end = regime.validUntil;
    const released = this.data.released;
    if (end === undefined || released === null || date < released) return null;
    const after = segmentAt(this.index.segments(nationality, destination), end);
    const next = after.base ? this.segmentDecision(after, destination) : null;
    if (next && next.requirement === d.requirement && sameStay(next.maxStay, d.maxStay)) return null;
    const then = next
      ? `from ${end} the data answers ${next.requirement}${next.maxStay ? ` (${describeStay(next.maxStay)})` : ""} (rule ${next.regime}) unless it is extended`
      : `what applies from ${end} has not been established in the data`;
    return `This rule applies until ${dateOf(dayNumber(end) - 1)}, the last day its sources give; ${then}.`;
  }

  /** Like {@link check}, but returns the library's errors instead of throwing them. */
  async safeCheck(query: Query): Promise<SafeResult<Answer>> {
    try {
      return { ok: true, answer: await this.check(query) };
    } catch (error) {
      if (error instanceof TravelRulesError) return { ok: false, error };
      throw error;
    }
  }

  /**
   * The most favourable of several passports for one trip: by requirement (DESIGN.md's order),
   * then the longer stay. `nationality` is the passport chosen; `others` holds the rest.
   */
  async best(query: Omit<Query, "nationality"> & { nationalities: string[] }): Promise<BestAnswer> {
    const list = query?.nationalities;
    if (!Array.isArray(list) || list.length === 0)
      throw new TravelRulesError("INVALID_QUERY", `invalid nationalities ${describe(list)}: expected a non-empty list of country codes`, list);
    const { nationalities: _, ...rest } = query;
    const answers: Answer[] = [];
    for (const nationality of list) answers.push(await this.check({ ...rest, nationality }));
    answers.sort(compareAnswers);
    const [first, ...others] = answers as [Answer, ...Answer[]];
    return { ...first, others };
  }

  /** One passport's answer for every destination on a date, with its mobility score. */
  async destinations(query: { nationality: string; date: DateInput } & TravellerFacts): Promise<PassportOverview> {
    const nationality = this.code(query?.nationality, "nationality");
    const answers: Answer[] = [];
    for (const c of this.data.countries.keys()) {
      if (c === nationality) continue;
      answers.push(await this.check({ ...query, nationality, destination: c }));
    }
    const reach = new Set(["free-movement", "visa-free", "eta", "visa-on-arrival"]);
    return {
      nationality,
      date: answers[0]?.date ?? "",
      mobilityScore: answers.filter((a) => reach.has(a.requirement)).length,
      known: answers.filter((a) => a.requirement !== "unknown").length,
      answers,
      dataset: this.version,
    };
  }

  /**
   * Every change of requirement or stay between `from` and `to` (both included), for one or all
   * nationalities and destinations, including changes already announced for future dates.
   */
  changes(query: { from: string; to: string; nationality?: string; destination?: string }): Change[] {
    const from = calendarDate(query?.from);
    const to = calendarDate(query?.to);
    if (to < from) throw new TravelRulesError("INVALID_QUERY", `invalid interval: to (${to}) is before from (${from})`, query);
    // Over all nationalities, a territory answered as its sovereign would repeat the sovereign's changes.
    const nats =
      query.nationality !== undefined
        ? [this.code(query.nationality, "nationality")]
        : [...this.data.countries.values()].filter((c) => c.passport === undefined).map((c) => c.code);
    const dests =
      query.destination !== undefined
        ? [this.code(query.destination, "destination")]
        : [...this.data.countries.keys()].filter((d) => this.index.hasPolicy(d));
    const out: Change[] = [];
    for (const destination of dests)
      for (const nationality of nats) {
        if (nationality === destination) continue;
        const periods = this.timeline({ nationality, destination }).periods;
        for (let i = 1; i < periods.length; i++) {
          const a = periods[i - 1]!;
          const b = periods[i]!;
          if (b.from === null || b.from < from || b.from > to) continue;
          if (a.requirement === b.requirement && sameStay(a.maxStay, b.maxStay)) continue;
          // Where the data starts or stops knowing, no rule changed.
          if (a.requirement === "unknown" || b.requirement === "unknown") continue;
          out.push({
            date: b.from,
            nationality,
            destination,
            before: { requirement: a.requirement, maxStay: a.maxStay, regime: a.regime },
            after: { requirement: b.requirement, maxStay: b.maxStay, regime: b.regime },
            published: b.regime ? (this.regime(b.regime)?.published ?? null) : null,
            sources: b.sources,
          });
        }
      }
    return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
  }

  /**
   * Counts days against the rolling-window rule the data records for the destination on `on`
   * (90 within 180 across the whole Schengen area), with the EU's convention.
   */
  async stay(query: StayQuery): Promise<StayResult> {
    const nationality = this.code(query?.nationality, "nationality");
    const destination = this.code(query?.destination, "destination");
    const on = calendarDate(query.on);
    if (!Array.isArray(query.stays))
      throw new TravelRulesError("INVALID_QUERY", `invalid stays ${describe(query.stays)}: expected a list of { destination, entry, exit }`, query.stays);
    const stays = query.stays.map((s) => {
      if (s === null || typeof s !== "object")
        throw new TravelRulesError("INVALID_QUERY", `invalid stay ${describe(s)}: expected { destination, entry, exit }`, s);
      const st = { destination: this.code(s.destination, "a stay's destination"), entry: calendarDate(s.entry), exit: calendarDate(s.exit) };
      if (st.exit < st.entry)
        throw new TravelRulesError("INVALID_QUERY", `invalid stay in ${st.destination}: exit ${st.exit} is before entry ${st.entry}`, s);
      return st;
    });
    const sorted = [...stays].sort((a, b) => (a.entry < b.entry ? -1 : 1));
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i]!.entry <= sorted[i - 1]!.exit)
        throw new TravelRulesError(
          "INVALID_QUERY",
          `stays overlap: ${sorted[i - 1]!.destination} ${sorted[i - 1]!.entry}..${sorted[i - 1]!.exit} and ${sorted[i]!.destination} ${sorted[i]!.entry}..${sorted[i]!.exit}`,
          sorted[i],
        );

    const answer = await this.check({ nationality, destination, date: on });
    const policy = this.index.policyOn(destination, on);
    const counted = stays.map((s) => s.destination === destination || (policy !== null && this.index.policyOn(s.destination, s.entry) === policy));
    const days = new Days(stays.filter((_, i) => counted[i]));
    const ms = answer.maxStay;
    const area = policy?.members ? policy.name : null;
    const rule = ms && answer.regime ? { ...ms, regime: answer.regime, area } : null;
    const today = dayNumber(on);
    // Windows to count in: the rolling one, and the calendar year where the data caps it; without
    // a rolling window, `days` limits each stay.
    const rolling = rule?.withinDays ? rollingLimit(rule.days, rule.withinDays) : null;
    const limits: Limit[] = [];
    if (rolling) limits.push(rolling);
    if (rule?.perCalendarYear) limits.push(calendarYearLimit(rule.perCalendarYear));
    const perStay = rule ? (rule.withinDays ? (rule.perStay ?? null) : rule.days) : null;
    // The stay that `on` falls in, if any: its days before `on` count against a limit per stay.
    const current = stays.find((s, i) => counted[i] && s.entry <= on && on <= s.exit);
    const inStay = current ? today - dayNumber(current.entry) : 0;
    let usedDays = 0;
    let left: number | null = null;
    if (rule) {
      usedDays = rolling ? used(days, today, rolling) : inStay;
      const stayLeft = perStay === null ? Infinity : Math.max(0, perStay - inStay);
      left = limits.length ? longestFrom(days, today, limits, stayLeft) : stayLeft;
    }
    return {
      nationality,
      destination,
      on,
      rule,
      used: usedDays,
      ...(rule?.perCalendarYear && { usedInCalendarYear: days.count(yearStart(today), today) }),
      left,
      latestExit: left !== null && left > 0 ? dateOf(today + left - 1) : null,
      stays: stays.map((s, i) => {
        if (!counted[i] || !rule) return { ...s, counted: counted[i]!, complies: null, exceedsFrom: null };
        const excesses = [perStay === null ? null : perStayExcess(s, perStay), firstExcess(days, s, limits)].filter((d) => d !== null);
        const over = excesses.length ? Math.min(...excesses) : null;
        return { ...s, counted: true, complies: over === null, exceedsFrom: over === null ? null : dateOf(over) };
      }),
      dataset: this.version,
    };
  }

  /** Every period of a pair's history, from the first date the data knows to the last announced change. */
  timeline(query: { nationality: string; destination: string }): Timeline {
    const nationality = this.code(query?.nationality, "nationality");
    const destination = this.code(query?.destination, "destination");
    const base = { nationality, destination, dataset: this.version };
    const holder = nationality === destination ? destination : this.passportOf(nationality);
    if (holder === destination || holder === null) {
      const d = holder === null ? this.noPassport(nationality, destination) : this.citizen(destination);
      return { ...base, periods: [period(null, null, d, [])] };
    }
    const note = holder === nationality ? [] : [this.passportNote(nationality, holder)];
    const periods = this.index.segments(holder, destination).map((s) => {
      const d = this.segmentDecision(s, destination);
      const p = period(s.from, s.until, d, s.conditionals.map((c) => alternative(c.regime)));
      return note.length ? { ...p, notes: [...note, ...p.notes] } : p;
    });
    return { ...base, periods };
  }

  /**
   * The countries the data knows, with their names and time zones. `passport` is the country
   * whose passports its people travel on: itself, its sovereign for some territories (Guadeloupe:
   * France), or null where nobody is a national (Antarctica).
   */
  countries(): { code: string; alpha3: string; name: string; timeZone: string; passport: string | null; hasRules: boolean }[] {
    return [...this.data.countries.values()].map((c) => ({
      code: c.code,
      alpha3: c.alpha3,
      name: c.name,
      timeZone: c.timeZone,
      passport: c.passport === undefined ? c.code : c.passport,
      hasRules:
        this.data.destinations.has(c.code) || this.data.areas.some((a) => a.members?.some((m) => m.country === c.code)),
    }));
  }

  /**
   * The country whose passport a nationality travels on: itself, or the sovereign of a territory
   * whose people hold its passports (Guadeloupe: France), or null where nobody is a national.
   */
  private passportOf(nationality: string): string | null {
    const passport = this.data.countries.get(nationality)?.passport;
    return passport === undefined ? nationality : passport;
  }

  /** No passport of the place is known (Antarctica, Western Sahara): unknown, and why. */
  private noPassport(nationality: string, destination: string): Decision {
    const d = this.unknown(destination);
    return { ...d, notes: [`The data knows no passport of ${this.name(nationality)}: check the nationality of the passport you hold.`] };
  }

  private passportNote(nationality: string, holder: string): string {
    return `People of ${this.name(nationality)} travel on passports of ${this.name(holder)}: this is the answer for that passport.`;
  }

  /** Normalises an alpha-2 or alpha-3 code in any case to alpha-2, or throws UNKNOWN_COUNTRY. */
  private code(input: unknown, what: string): string {
    if (typeof input !== "string" || input === "")
      throw new TravelRulesError("INVALID_QUERY", `missing ${what}: expected an ISO 3166-1 country code`, input);
    if (this.data.countries.has(input)) return input;
    const up = input.toUpperCase();
    if (this.data.countries.has(up)) return up;
    const a2 = this.data.alpha3.get(up);
    if (a2) return a2;
    throw new TravelRulesError("UNKNOWN_COUNTRY", `unknown country code "${input}" for ${what}`, input);
  }

  /** An instant (a Date or a luxon DateTime) becomes the local date at the destination. */
  private async instantDate(input: DateInput, destination: string): Promise<string> {
    const isDate = input instanceof Date;
    // luxon's own test (DateTime.isDateTime) reads this flag; checking it first lets luxon load lazily.
    const isDateTime = !isDate && typeof input === "object" && input !== null && (input as { isLuxonDateTime?: unknown }).isLuxonDateTime === true;
    if (!isDate && !isDateTime)
      throw new TravelRulesError("INVALID_DATE", `invalid date ${describe(input)}: expected YYYY-MM-DD, a Date or a luxon DateTime`, input);
    const { DateTime } = await import("luxon");
    const zone = this.data.countries.get(destination)!.timeZone;
    const dt = isDate ? DateTime.fromJSDate(input, { zone }) : (input as DateTime).setZone(zone);
    const iso = dt.isValid ? dt.toISODate() : null;
    if (!iso) throw new TravelRulesError("INVALID_DATE", `invalid date ${describe(input)}`, input);
    return iso;
  }

  private facts(nationality: string, date: string, q: TravellerFacts): Facts {
    const facts: Facts = { nationality, passport: q.passport ?? "ordinary" };
    if (q.biometricPassport !== undefined) facts.biometric = q.biometricPassport;
    if (q.purpose) facts.purpose = q.purpose;
    if (q.arrival) facts.arrival = q.arrival;
    if (q.birthDate) facts.age = ageOn(q.birthDate, date);
    if (q.holds) {
      const visas = new Set<string>();
      const permits = new Set<string>();
      for (const h of q.holds) {
        if (h.validUntil !== undefined && h.validUntil < date) continue;
        const country = this.code(h.country, "a held document's country");
        // validUntil is the last valid day, as printed on the document.
        const into = h.kind === "visa" ? visas : permits;
        into.add(country);
        for (const g of this.index.groupsOn(country, date)) into.add(g);
      }
      facts.visas = [...visas];
      facts.residencePermits = [...permits];
    }
    return facts;
  }

  /**
   * Applies the destination's passport-validity rule on the date: a refusal when the passport
   * cannot satisfy it even for the shortest stay, a warning when it limits the stay.
   */
  private passportCheck(
    policy: PolicyFile,
    d: Decision,
    nationality: string,
    destination: string,
    date: string,
    facts: TravellerFacts,
  ): { refused: Decision } | { warning: string } | null {
    const expiry = facts.passportExpiry!;
    const passport = facts.passport ?? "ordinary";
    // A rule for the traveller's nationality first, else one for everyone (less its exceptions).
    const applies = policy.passportValidity.filter(
      (x) =>
        x.validFrom <= date &&
        (x.validUntil === undefined || date < x.validUntil) &&
        !x.exceptPassports?.includes(passport) &&
        !x.exceptNationalities?.includes(nationality) &&
        (x.nationalities === undefined || x.nationalities.includes(nationality)),
    );
    const v = applies.find((x) => x.nationalities !== undefined) ?? applies[0];
    if (!v) return null;
    const extend = (from: string): string => (v.months !== undefined ? addMonths(from, v.months) : addDays(from, v.days!));
    const stayDays = singleStay(d.maxStay) ?? 0;
    // The passport must be valid until `required`: at the least for a same-day visit, in full for the longest stay.
    const least = v.beyond === "stay" ? extend(addDays(date, stayDays)) : extend(date);
    const full = v.beyond === "departure" && stayDays > 0 ? extend(addDays(date, stayDays - 1)) : least;
    const place = this.name(destination);
    if (expiry < least) {
      const e = `Your passport expires on ${expiry}; ${place} requires it to be valid until at least ${least} for this entry: ${lowerFirst(v.rule)}`;
      return {
        refused: {
          requirement: "no-admission",
          maxStay: null,
          regime: v.id,
          authorisation: null,
          condition: v.rule,
          explanation: e.endsWith(".") ? e : `${e}.`,
          sources: v.sources,
          notes: v.notes ?? [],
          dataset: this.version,
        },
      };
    }
    if (expiry < full) {
      const back = v.months !== undefined ? addMonths(expiry, -v.months) : addDays(expiry, -v.days!);
      return { warning: `Your passport expires on ${expiry}: ${lowerFirst(v.rule)} So your stay must end by ${back}.` };
    }
    return null;
  }

  /** The answer parts of a segment's base regime (or unknown), built once per segment. */
  private segmentDecision(seg: Segment, destination: string): Decision {
    seg.decision ??= seg.base ? this.decision(seg.base, destination) : this.unknown(destination, seg);
    return seg.decision as Decision;
  }

  private conditionalDecision(c: Candidate, destination: string): Decision {
    let byDestination = this.conditionalDecisions.get(c.regime);
    if (!byDestination) this.conditionalDecisions.set(c.regime, (byDestination = new Map()));
    let d = byDestination.get(destination);
    if (!d) byDestination.set(destination, (d = this.decision(c, destination)));
    return d;
  }

  private decision(c: Candidate, destination: string): Decision {
    const r = c.regime;
    const maxStay = stay(r);
    const condition = r.conditionText ?? null;
    const authorisation = r.authorisation ?? null;
    return {
      requirement: r.requirement,
      maxStay,
      regime: r.id,
      authorisation,
      condition,
      explanation: explain(r.requirement, this.name(destination), maxStay, authorisation, condition),
      sources: r.sources,
      notes: r.notes ?? [],
      dataset: this.version,
    };
  }

  private citizen(destination: string): Decision {
    const name = this.name(destination);
    return empty("citizen", explain("citizen", name, null, null, null), this.version);
  }

  private unknown(destination: string, seg?: Segment): Decision {
    const name = this.name(destination);
    const possible = seg?.gap?.possible && [...seg.gap.possible].sort((a, b) => rank(a) - rank(b));
    const d = empty("unknown", seg?.gap ? explainGap(name, possible) : explain("unknown", name, null, null, null), this.version);
    if (seg?.gap) {
      d.notes = [`Not established in the data: ${seg.gap.reason}`];
      if (possible) d.possible = possible;
      // Context, not an answer: what held before the gap, and until when.
      const last = seg.previous?.base?.regime;
      if (last && seg.previous!.until)
        d.notes.push(
          `Last established in the data: ${last.requirement}${last.maxStay ? ` for up to ${describeStay(stay(last)!)}` : ""} until ${seg.previous!.until} (rule ${last.id}).`,
        );
    }
    return d;
  }

  private regime(id: string): Regime | undefined {
    if (!this.regimes) {
      this.regimes = new Map();
      for (const p of [...this.data.destinations.all(), ...this.data.areas]) for (const r of p.regimes) this.regimes.set(r.id, r);
    }
    return this.regimes.get(id);
  }

  /** The country's name as it stands in a sentence ("the United States"). */
  private name(code: string): string {
    const c = this.data.countries.get(code);
    return c ? (c.definite ? `the ${c.name}` : c.name) : code;
  }

  private answer(nationality: string, destination: string, date: string, d: Decision): Answer {
    return {
      nationality,
      destination,
      date,
      requirement: d.requirement,
      maxStay: d.maxStay,
      regime: d.regime,
      authorisation: d.authorisation,
      condition: d.condition,
      explanation: d.explanation,
      sources: d.sources,
      notes: d.notes,
      alternatives: NONE,
      upcoming: null,
      warnings: NO_WARNINGS,
      ...(d.possible && { possible: d.possible }),
      dataset: d.dataset,
    };
  }
}

// The last date found valid: a batch asks about one date many times over.
let lastDate = "";

/** A date string is taken as the destination's local date. */
function calendarDate(input: unknown): string {
  if (input === lastDate) return input;
  if (typeof input === "string" && isRealDate(input)) return (lastDate = input);
  throw new TravelRulesError("INVALID_DATE", `invalid date "${input}": expected a real date as YYYY-MM-DD`, input);
}

/** Loads, validates and indexes rule data. With no `rules`, uses the rules embedded in the package. */
export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  if (options.rules) {
    // zod loads only when there is something to validate.
    const { FILE_SCHEMAS } = await import("./impl/schema.js");
    return new Engine(loadRules(options.rules, FILE_SCHEMAS));
  }
  // The embedded rules were validated when the package was built (scripts/embed-rules.ts).
  const packaged = packagedRules();
  if (packaged) return new Engine(loadEmbedded(packaged));
  // Imported from the CommonJS build, dist/rules.cjs arrives wrapped once more in `default`.
  const { default: mod } = (await import("./generated/rules.js")) as { default: EmbeddedRules | { default: EmbeddedRules } };
  return new Engine(loadEmbedded(bundledSource("files" in mod ? mod : mod.default)));
}

/** Most favourable first: by requirement, then the longer single stay (no limit is longest). */
function compareAnswers(a: Answer, b: Answer): number {
  const ra = REQUIREMENTS.indexOf(a.requirement);
  const rb = REQUIREMENTS.indexOf(b.requirement);
  if (ra !== rb) return ra - rb;
  return (singleStay(b.maxStay) ?? Infinity) - (singleStay(a.maxStay) ?? Infinity);
}

/** Shared by every answer without alternatives; frozen so that no caller can change it for others. */
const NONE: Alternative[] = Object.freeze([]) as unknown as Alternative[];
const NO_WARNINGS: string[] = Object.freeze([]) as unknown as string[];

function addDays(date: string, n: number): string {
  return dateOf(dayNumber(date) + n);
}

/** Adds calendar months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29). */
function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function empty(requirement: "citizen" | "unknown", explanation: string, dataset: string): Decision {
  return { requirement, maxStay: null, regime: null, authorisation: null, condition: null, explanation, sources: [], notes: [], dataset };
}

function stay(r: Regime): MaxStay | null {
  if (!r.maxStay) return null;
  const { days, withinDays, perStay, perCalendarYear } = r.maxStay;
  return { days, withinDays: withinDays ?? null, ...(perStay !== undefined && { perStay }), ...(perCalendarYear !== undefined && { perCalendarYear }) };
}

function alternative(r: Regime): Alternative {
  return {
    requirement: r.requirement,
    maxStay: stay(r),
    condition: r.conditionText ?? "",
    regime: r.id,
    authorisation: r.authorisation ?? null,
  };
}

function period(from: string | null, until: string | null, d: Decision, alternatives: Alternative[]): Period {
  const { requirement, maxStay, regime, authorisation, sources, notes, possible } = d;
  return { from, until, requirement, maxStay, regime, authorisation, sources, notes, ...(possible && { possible }), alternatives };
}

/** The next change for the pair, once it has been published or has entered into force. */
function upcoming(next: Segment, date: string): UpcomingChange | null {
  const r = next.base?.regime;
  if (!r || next.from === null) return null;
  const announced = r.published ?? r.inForce;
  if (announced === undefined || announced > date) return null;
  return {
    date: next.from,
    requirement: r.requirement,
    maxStay: stay(r),
    regime: r.id,
    published: r.published ?? null,
    inForce: r.inForce !== undefined && r.inForce <= date ? r.inForce : null,
    sources: r.sources,
  };
}

function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function describe(v: unknown): string {
  if (v instanceof Date) return "Date(NaN)";
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

function checkEnum(key: string, v: unknown, allowed: readonly string[]): void {
  if (v !== undefined && !allowed.includes(v as string))
    throw new TravelRulesError("INVALID_FACT", `invalid ${key} ${describe(v)}: expected one of ${allowed.join(", ")}`, v);
}

/** Checks the traveller facts of a query; throws INVALID_FACT naming the offending value. */
function readFacts(q: Query): TravellerFacts {
  checkEnum("passport", q.passport, PASSPORT_TYPES);
  checkEnum("purpose", q.purpose, PURPOSES);
  checkEnum("arrival", q.arrival, ARRIVAL_MODES);
  if (q.biometricPassport !== undefined && typeof q.biometricPassport !== "boolean")
    throw new TravelRulesError("INVALID_FACT", `invalid biometricPassport ${describe(q.biometricPassport)}: expected true or false`, q.biometricPassport);
  for (const key of ["birthDate", "passportExpiry"] as const) {
    const v = q[key];
    if (v !== undefined && (typeof v !== "string" || !isRealDate(v)))
      throw new TravelRulesError("INVALID_FACT", `invalid ${key} ${describe(v)}: expected a real date as YYYY-MM-DD`, v);
  }
  if (q.holds !== undefined) {
    if (!Array.isArray(q.holds))
      throw new TravelRulesError("INVALID_FACT", `invalid holds ${describe(q.holds)}: expected an array of documents`, q.holds);
    for (const h of q.holds) {
      if (h === null || typeof h !== "object" || (h.kind !== "visa" && h.kind !== "residence-permit"))
        throw new TravelRulesError("INVALID_FACT", `invalid held document ${describe(h)}: kind must be "visa" or "residence-permit"`, h);
      if (h.validUntil !== undefined && (typeof h.validUntil !== "string" || !isRealDate(h.validUntil)))
        throw new TravelRulesError("INVALID_FACT", `invalid validUntil ${describe(h.validUntil)} of a held document: expected YYYY-MM-DD`, h);
    }
  }
  return q;
}
