// What a change of the rules does to the answers: for every nationality and destination, the
// history from `from` to `to` under the old and the new rules, compared day range by day range.
// Review tool for data changes (npm run diff-answers); the golden files show the same per file.
import type { Engine, MaxStay, Requirement } from "../../src/index.js";
import { sameStay, describeStay } from "../../src/impl/explain.js";

export interface PairChange {
  nationality: string;
  destination: string;
  /** Another requirement (both known) on some days. */
  requirement: boolean;
  /** The same known requirement with another stay on some days. */
  stay: boolean;
  /** Known before, unknown now, on some days. */
  lost: boolean;
  /** Unknown before, known now, on some days. */
  gained: boolean;
  /** The answers on `to`, where they differ. */
  on?: { before: string; after: string };
}

interface Period { from: string | null; until: string | null; requirement: Requirement; maxStay: MaxStay | null }

function at(periods: readonly Period[], day: string): Period | undefined {
  return periods.find((p) => (p.from === null || p.from <= day) && (p.until === null || day < p.until));
}

function label(p: Period | undefined): string {
  if (!p || p.requirement === "unknown") return "unknown";
  return p.maxStay ? `${p.requirement}, ${describeStay(p.maxStay)}` : p.requirement;
}

/** Compares one pair's histories over [from, to] (both included). */
export function comparePair(before: readonly Period[], after: readonly Period[], from: string, to: string): Omit<PairChange, "nationality" | "destination"> {
  const bounds = new Set([from]);
  for (const p of [...before, ...after]) for (const d of [p.from, p.until]) if (d !== null && d > from && d <= to) bounds.add(d);
  const out = { requirement: false, stay: false, lost: false, gained: false };
  for (const day of bounds) {
    const a = at(before, day);
    const b = at(after, day);
    const ra = a?.requirement ?? "unknown";
    const rb = b?.requirement ?? "unknown";
    if (ra !== rb) {
      if (rb === "unknown") out.lost = true;
      else if (ra === "unknown") out.gained = true;
      else out.requirement = true;
    } else if (ra !== "unknown" && !sameStay(a?.maxStay ?? null, b?.maxStay ?? null)) out.stay = true;
  }
  const lb = label(at(before, to));
  const la = label(at(after, to));
  return lb === la ? out : { ...out, on: { before: lb, after: la } };
}

/** Every pair whose answers differ on some day of [from, to]; territories answer as their sovereign and are skipped. */
export function diffAnswers(before: Engine, after: Engine, from: string, to: string): PairChange[] {
  const passports = after.countries().filter((c) => c.passport === c.code);
  const destinations = after.countries().filter((c) => c.hasRules);
  const out: PairChange[] = [];
  for (const n of passports) {
    for (const d of destinations) {
      if (n.code === d.code) continue;
      const b = before.timeline({ nationality: n.code, destination: d.code }).periods;
      const a = after.timeline({ nationality: n.code, destination: d.code }).periods;
      const c = comparePair(b, a, from, to);
      if (c.requirement || c.stay || c.lost || c.gained || c.on) out.push({ nationality: n.code, destination: d.code, ...c });
    }
  }
  return out;
}
