// Every dated change in the shipped rules, the day before and the day of: each regime that names
// nationalities decides for them from its first day and not the day before, and stops on its
// validUntil. This catches overlapping or mis-dated regimes that validation alone cannot.
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/index.js";
import { dayBefore, readFolder } from "./helpers.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

type R = { id: string; at?: string[]; travellers: "others" | { nationalities?: string[] }; validFrom: string; validUntil?: string; conditions?: unknown };
type Member = { country: string; from: string; until?: string };
const rules = readFolder(new URL("../rules/", import.meta.url).pathname);
const areaMembers = Object.entries(rules)
  .filter(([f]) => f.startsWith("areas/"))
  .flatMap(([, c]) => c["members"] as Member[]);
/** Whether a destination file answers on the date: not while the destination is in an area. */
const ownFileAnswers = (dest: string, date: string) =>
  !areaMembers.some((m) => m.country === dest && m.from <= date && (m.until === undefined || date < m.until));
const cases: [string, string, string, string, string | undefined][] = [];
for (const [file, content] of Object.entries(rules)) {
  if (!file.startsWith("destinations/") && !file.startsWith("areas/")) continue;
  const members = (content["members"] as Member[] | undefined) ?? [{ country: content["destination"] as string, from: "0000-01-01" }];
  for (const r of content["regimes"] as R[]) {
    if (r.travellers === "others" || r.conditions || !r.travellers.nationalities) continue;
    for (const n of r.travellers.nationalities) {
      // An area is asked through a member that belongs on both sides of the boundary.
      const first = dayBefore(r.validFrom);
      const at = members.find(
        (m) =>
          m.country !== n &&
          (!r.at || r.at.includes(m.country)) &&
          m.from <= first &&
          (m.until === undefined || (r.validUntil ?? r.validFrom) < m.until),
      );
      if (at) cases.push([r.id, n, at.country, r.validFrom, r.validUntil]);
    }
  }
}

describe("every boundary of every regime", () => {
  it.each(cases)("%s decides for %s → %s from %s, and not the day before", async (id, n, dest, from, until) => {
    const on = (date: string) => engine.check({ nationality: n, destination: dest, date }).then((a) => a.regime);
    const isArea = id.startsWith("sch.");
    if (!isArea && !ownFileAnswers(dest, from)) return; // the area decides from before this regime starts
    expect(await on(from)).toBe(id);
    expect(await on(dayBefore(from))).not.toBe(id);
    if (until && (isArea || ownFileAnswers(dest, dayBefore(until)))) {
      expect(await on(dayBefore(until))).toBe(id);
      expect(await on(until)).not.toBe(id);
    }
  });
});

// A member's own conditional exception (`at`): asked at each of its members with facts that meet
// its condition, it decides from its first day and not the day before, and stops on validUntil.
type Leaf = { fact: string; operator: string; value: unknown };
type Cond = { all?: Cond[]; not?: Cond } & Partial<Leaf>;
/** Facts meeting a condition built of `all`, purpose/arrival (equal, in), visas (contains) and a negated document test. */
function factsMeeting(c: Cond, facts: Record<string, unknown> = { holds: [] }): Record<string, unknown> | null {
  if (c.all) {
    for (const x of c.all) if (!factsMeeting(x, facts)) return null;
    return facts;
  }
  if (c.not) return c.not.fact === "residencePermits" || c.not.fact === "visas" ? facts : null;
  const v = c.operator === "in" && Array.isArray(c.value) ? c.value[0] : c.value;
  if ((c.fact === "purpose" || c.fact === "arrival") && (c.operator === "equal" || c.operator === "in")) facts[c.fact] = v;
  else if (c.fact === "visas" && c.operator === "contains") (facts["holds"] as unknown[]).push({ kind: "visa", country: v });
  else return null;
  return facts;
}
const exceptions: [string, string, string, Record<string, unknown>, string, string | undefined][] = [];
for (const [file, content] of Object.entries(rules)) {
  if (!file.startsWith("areas/")) continue;
  for (const r of content["regimes"] as R[]) {
    if (!r.at || !r.conditions || r.travellers === "others" || !r.travellers.nationalities) continue;
    const facts = factsMeeting(r.conditions as Cond);
    if (!facts) throw new Error(`${r.id}: extend factsMeeting for its condition`);
    for (const n of r.travellers.nationalities) for (const m of r.at) exceptions.push([r.id, n, m, facts, r.validFrom, r.validUntil]);
  }
}

describe("every member's own conditional exception", () => {
  it.each(exceptions)("%s decides for %s → %s", async (id, n, dest, facts, from, until) => {
    const on = (date: string) => engine.check({ nationality: n, destination: dest, date, ...facts }).then((a) => a.regime);
    expect(await on(from)).toBe(id);
    expect(await on(dayBefore(from))).not.toBe(id);
    if (until) {
      expect(await on(dayBefore(until))).toBe(id);
      expect(await on(until)).not.toBe(id);
    }
  });
});
