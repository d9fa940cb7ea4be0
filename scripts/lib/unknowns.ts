// Which nationalities answer `unknown` at a destination on some day of [from, to], and on `to`
// itself: the measures the data issues' "done when" and the coverage table use. Shared by the
// coverage report, the draft checker and the patch checker.
import type { Engine } from "../../src/index.js";

export interface Unknowns {
  /** Unknown on at least one day of [from, to]. */
  between: string[];
  /** Unknown on `to`. */
  on: string[];
}

export function unknowns(engine: Engine, destination: string, from: string, to: string): Unknowns {
  const out: Unknowns = { between: [], on: [] };
  // Only nationalities with passports of their own: a territory answers as its sovereign.
  for (const { code, passport } of engine.countries()) {
    if (code === destination || passport !== code) continue;
    const { periods } = engine.timeline({ nationality: code, destination });
    const unknown = periods.filter((p) => p.requirement === "unknown" && (p.from === null || p.from <= to));
    if (unknown.some((p) => p.until === null || p.until > from)) out.between.push(code);
    if (unknown.some((p) => p.until === null || p.until > to)) out.on.push(code);
  }
  return out;
}

export function unknownsBetween(engine: Engine, destination: string, from: string, to: string): string[] {
  return unknowns(engine, destination, from, to).between;
}

/** What a change of the rules did to a list of unknown nationalities. */
export function compared(before: string[], after: string[]): { closed: string[]; opened: string[] } {
  return { closed: before.filter((c) => !after.includes(c)), opened: after.filter((c) => !before.includes(c)) };
}
