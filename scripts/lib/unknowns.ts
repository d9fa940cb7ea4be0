// Which nationalities answer `unknown` at a destination on some day of [from, to]: the measure the
// data issues' "done when" uses. Shared by the coverage report and the draft checker.
import type { Engine } from "../../src/index.js";

export function unknownsBetween(engine: Engine, destination: string, from: string, to: string): string[] {
  const out: string[] = [];
  // Only nationalities with passports of their own: a territory answers as its sovereign.
  for (const { code, passport } of engine.countries()) {
    if (code === destination || passport !== code) continue;
    const { periods } = engine.timeline({ nationality: code, destination });
    const hit = periods.some(
      (p) => p.requirement === "unknown" && (p.from === null || p.from <= to) && (p.until === null || p.until > from),
    );
    if (hit) out.push(code);
  }
  return out;
}
