// Compiles one (nationality, destination) pair into periods: each period names the unconditional
// regime that decides it and the conditional regimes to try first, in precedence order. Built once
// per pair and cached, so a check is a search over a handful of periods.
import type { Dataset, PolicyFile } from "./load.js";
import type { Gap, Regime } from "./schema.js";
import { singleStay } from "./stay.js";
import { REQUIREMENTS } from "./vocab.js";

/** How specifically a regime names the traveller: by nationality (3), by group (2), by default (1). */
export type Level = 1 | 2 | 3;

export interface Candidate {
  regime: Regime;
  level: Level;
  /** The group through which the traveller is covered, for level 2. */
  group?: string;
}

export interface Segment {
  from: string | null;
  until: string | null;
  policy: PolicyFile | null;
  /** The unconditional regime that decides when no conditional regime holds; null: unknown. */
  base: Candidate | null;
  /** Conditional regimes to try before `base`, first match wins. */
  conditionals: Candidate[];
  /** Set when the data says this nationality has not been researched for this period. */
  gap?: Gap;
  /** The next segment decided by another regime: the change an answer may announce. */
  next?: Segment;
  /** For a gap: the latest earlier segment a regime decided, what the data last established. */
  previous?: Segment;
  /** The engine's answer parts for `base`, filled on first use (the same for every nationality). */
  decision?: unknown;
}

interface PolicyIndex {
  nationality: Map<string, Regime[]>;
  group: Map<string, Regime[]>;
  others: Regime[];
  /** nationality → the gaps that name it */
  gaps: Map<string, Gap[]>;
}

function push1<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Window {
  from: string | null;
  until: string | null;
  policy: PolicyFile | null;
}

interface Span {
  from: string;
  until?: string;
}

export const rank = (r: string): number => REQUIREMENTS.indexOf(r as (typeof REQUIREMENTS)[number]);

/**
 * Orders candidates: more specific first (a member's own exception, `at`, before the area's
 * common rule of the same level), then more favourable, then the longer stay.
 */
export function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.level - a.level ||
    (b.regime.at ? 1 : 0) - (a.regime.at ? 1 : 0) ||
    rank(a.regime.requirement) - rank(b.regime.requirement) ||
    (singleStay(b.regime.maxStay) ?? Infinity) - (singleStay(a.regime.maxStay) ?? Infinity)
  );
}

export class Index {
  /** destination → nationality → compiled segments */
  private readonly pairs = new Map<string, Map<string, Segment[]>>();
  /** destination → the segments shared by nationalities only its default names */
  private readonly shared = new Map<string, Segment[]>();
  private readonly policyKnown = new Map<string, boolean>();
  private readonly windowCache = new Map<string, Window[]>();
  /** policy → its index; for an area with members' exceptions (`at`), one per member */
  private readonly policyIndex = new WeakMap<PolicyFile, PolicyIndex | Map<string, PolicyIndex>>();
  /** group → country → membership spans */
  private readonly membership = new Map<string, Map<string, Span[]>>();
  /** country → its memberships in every group, for expanding held documents */
  private readonly groupsOfCountry = new Map<string, { group: string; from: string; until?: string }[]>();

  constructor(private readonly data: Dataset) {
    for (const [id, g] of data.groups) {
      const byCountry = new Map<string, Span[]>();
      for (const m of g.members) {
        const spans = byCountry.get(m.country) ?? [];
        spans.push({ from: m.from, ...(m.until ? { until: m.until } : {}) });
        byCountry.set(m.country, spans);
        const list = this.groupsOfCountry.get(m.country) ?? [];
        list.push({ group: id, from: m.from, ...(m.until ? { until: m.until } : {}) });
        this.groupsOfCountry.set(m.country, list);
      }
      this.membership.set(id, byCountry);
    }
  }

  /** Groups the country belongs to on the date. */
  groupsOn(country: string, date: string): string[] {
    const out: string[] = [];
    for (const m of this.groupsOfCountry.get(country) ?? [])
      if (m.from <= date && (m.until === undefined || date < m.until)) out.push(m.group);
    return out;
  }

  segments(nationality: string, destination: string): Segment[] {
    // Hot path: two map lookups, no allocation.
    const byNationality = this.pairs.get(destination);
    const found = byNationality?.get(nationality);
    if (found) return found;
    if (!this.hasPolicy(destination)) return NO_POLICY;
    let segs: Segment[];
    // Nationalities that no regime, group or gap names share the destination's default history.
    if (this.othersOnly(nationality, destination)) {
      segs = this.shared.get(destination) ?? this.compile(nationality, destination);
      this.shared.set(destination, segs);
    } else segs = this.compile(nationality, destination);
    if (byNationality) byNationality.set(nationality, segs);
    else this.pairs.set(destination, new Map([[nationality, segs]]));
    return segs;
  }

  private compile(nationality: string, destination: string): Segment[] {
    const segs = this.build(nationality, destination);
    // From the end: the next segment decided by another regime is the following one, or its next.
    for (let i = segs.length - 2; i >= 0; i--) {
      const s = segs[i]!;
      const after = segs[i + 1]!;
      const next = after.base?.regime !== s.base?.regime ? after : after.next;
      if (next) s.next = next;
    }
    // From the start: a gap remembers what the data established before it.
    let known: Segment | undefined;
    for (const s of segs)
      if (s.base) known = s;
      else if (s.gap && known) s.previous = known;
    return segs;
  }

  /** Whether any file answers for the destination at some date. */
  hasPolicy(destination: string): boolean {
    let has = this.policyKnown.get(destination);
    if (has === undefined) this.policyKnown.set(destination, (has = this.windows(destination).some((w) => w.policy !== null)));
    return has;
  }

  /** The file that answers for the destination on the date (an area while a member), or null. */
  policyOn(destination: string, date: string): PolicyFile | null {
    for (const w of this.windows(destination))
      if ((w.from === null || w.from <= date) && (w.until === null || date < w.until)) return w.policy;
    return null;
  }


  private build(nationality: string, destination: string): Segment[] {
    const out: Segment[] = [];
    for (const w of this.windows(destination)) {
      if (!w.policy) {
        push(out, { from: w.from, until: w.until, policy: null, base: null, conditionals: [] });
        continue;
      }
      // Before the file's `since` it has no answer: unknown, never guessed.
      const since = w.policy.since;
      const start = w.from !== null && w.from >= since ? w.from : since;
      if (w.until !== null && start >= w.until) {
        push(out, { from: w.from, until: w.until, policy: null, base: null, conditionals: [] });
        continue;
      }
      if (w.from === null || w.from < start)
        push(out, { from: w.from, until: start, policy: null, base: null, conditionals: [] });
      this.resolve(out, nationality, w.policy, destination, start, w.until);
    }
    return out;
  }

  /** Which file answers for the destination over time: an area while it is a member, else its own file. */
  private windows(destination: string): Window[] {
    let cached = this.windowCache.get(destination);
    if (!cached) this.windowCache.set(destination, (cached = this.computeWindows(destination)));
    return cached;
  }

  private computeWindows(destination: string): Window[] {
    const own = this.data.destinations.get(destination) ?? null;
    const spans: { from: string; until: string | null; policy: PolicyFile }[] = [];
    for (const area of this.data.areas)
      for (const m of area.members ?? [])
        if (m.country === destination) spans.push({ from: m.from, until: m.until ?? null, policy: area });
    spans.sort((a, b) => (a.from < b.from ? -1 : 1));
    const out: Window[] = [];
    let cursor: string | null = null;
    for (const s of spans) {
      if (cursor === null ? true : s.from > cursor) out.push({ from: cursor, until: s.from, policy: own });
      out.push({ from: s.from, until: s.until, policy: s.policy });
      cursor = s.until;
      if (cursor === null) return out;
    }
    out.push({ from: cursor, until: null, policy: own });
    return out;
  }


  private othersOnly(nationality: string, destination: string): boolean {
    for (const w of this.windows(destination)) {
      if (!w.policy) continue;
      const ix = this.byTraveller(w.policy, destination);
      if (ix.nationality.has(nationality) || ix.gaps.has(nationality)) return false;
      for (const g of ix.group.keys()) if (this.membership.get(g)?.has(nationality)) return false;
    }
    return true;
  }

  /**
   * A policy's regimes by who they name, as they apply at the destination: built once per policy,
   * or once per member for an area whose regimes or gaps name members (`at`).
   */
  private byTraveller(policy: PolicyFile, destination: string): PolicyIndex {
    let cached = this.policyIndex.get(policy);
    if (!cached) {
      const perMember = policy.regimes.some((r) => r.at) || policy.gaps.some((g) => g.at);
      this.policyIndex.set(policy, (cached = perMember ? new Map() : this.indexAt(policy, null)));
    }
    if (!(cached instanceof Map)) return cached;
    let ix = cached.get(destination);
    if (!ix) cached.set(destination, (ix = this.indexAt(policy, destination)));
    return ix;
  }

  /** The index of a policy's regimes and gaps that apply at `destination` (null: the policy has no `at`). */
  private indexAt(policy: PolicyFile, destination: string | null): PolicyIndex {
    const here = (at: string[] | undefined): boolean => !at || (destination !== null && at.includes(destination));
    const ix: PolicyIndex = { nationality: new Map(), group: new Map(), others: [], gaps: new Map() };
    for (const g of policy.gaps) if (here(g.at)) for (const n of g.nationalities) push1(ix.gaps, n, g);
    for (const r of policy.regimes) {
      if (!here(r.at)) continue;
      const t = r.travellers;
      if (t === "others") ix.others.push(r);
      else {
        for (const n of t.nationalities ?? []) push1(ix.nationality, n, r);
        // A regime naming the nationality itself is found at level 3; groups serve the rest.
        for (const g of t.groups ?? []) push1(ix.group, g, r);
      }
    }
    return ix;
  }

  private resolve(
    out: Segment[],
    nationality: string,
    policy: PolicyFile,
    destination: string,
    from: string,
    until: string | null,
  ): void {
    const ix = this.byTraveller(policy, destination);
    const own = ix.nationality.get(nationality) ?? [];
    const relevant: { regime: Regime; level: Level; groups: string[] }[] = [];
    for (const regime of own) relevant.push({ regime, level: 3, groups: [] });
    const cuts: string[] = [from];
    const addCut = (d: string | undefined): void => {
      if (d !== undefined && d > from && (until === null || d < until)) cuts.push(d);
    };
    const viaGroup = new Map<Regime, string[]>();
    for (const [g, regimes] of ix.group) {
      const spans = this.membership.get(g)?.get(nationality);
      if (!spans) continue;
      for (const s of spans) (addCut(s.from), addCut(s.until));
      for (const r of regimes) {
        if (own.includes(r)) continue;
        const list = viaGroup.get(r);
        if (list) list.push(g);
        else viaGroup.set(r, [g]);
      }
    }
    for (const [regime, groups] of viaGroup) relevant.push({ regime, level: 2, groups });
    for (const regime of ix.others) relevant.push({ regime, level: 1, groups: [] });
    for (const { regime } of relevant) (addCut(regime.validFrom), addCut(regime.validUntil));
    const gaps = ix.gaps.get(nationality) ?? NO_GAPS;
    for (const g of gaps) (addCut(g.from), addCut(g.until));
    // The order of candidates does not depend on the date: sort once (stably), then each period
    // keeps the ones in force, in that order.
    relevant.sort(compareCandidates);
    const dates = [...new Set(cuts)].sort();
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      const end = dates[i + 1] ?? until;
      let base: Candidate | null = null;
      const active: Candidate[] = [];
      for (const { regime, level, groups } of relevant) {
        if (regime.validFrom > d || (regime.validUntil !== undefined && regime.validUntil <= d)) continue;
        let c: Candidate;
        if (level === 2) {
          const group = groups.find((g) =>
            this.membership.get(g)!.get(nationality)!.some((s) => s.from <= d && (s.until === undefined || d < s.until)),
          );
          if (!group) continue;
          c = { regime, level, group };
        } else c = { regime, level };
        active.push(c);
        if (!base && !regime.conditions) base = c;
      }
      // A gap stands where no regime names the nationality: a group or the default would be a guess.
      const gap = base?.level === 3 ? undefined : gaps.find((g) => g.from <= d && (g.until === undefined || d < g.until));
      if (gap) base = null;
      const floor = gap ? 3 : (base?.level ?? 0);
      const conditionals = active.filter((c) => c.regime.conditions && c.level >= floor);
      push(out, { from: d, until: end, policy, base, conditionals, ...(gap && { gap }) });
    }
  }
}

const NO_GAPS: Gap[] = [];

/** The whole timeline of a destination no file answers for: shared by every nationality. */
const NO_POLICY: Segment[] = [{ from: null, until: null, policy: null, base: null, conditionals: [] }];

/** Appends a segment, merging it into the previous one when both decide alike. */
function push(out: Segment[], s: Segment): void {
  const prev = out[out.length - 1];
  if (
    prev &&
    prev.until === s.from &&
    prev.policy === s.policy &&
    prev.gap === s.gap &&
    prev.base?.regime === s.base?.regime &&
    prev.conditionals.length === s.conditionals.length &&
    prev.conditionals.every((c, i) => c.regime === s.conditionals[i]!.regime)
  ) {
    prev.until = s.until;
    return;
  }
  out.push(s);
}

/** The segment holding the date (segments are sorted and cover every date). */
export function segmentAt(segs: Segment[], date: string): Segment {
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const from = segs[mid]!.from;
    if (from !== null && from <= date) lo = mid;
    else hi = mid - 1;
  }
  return segs[lo]!;
}
