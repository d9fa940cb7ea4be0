// The review tool behind `npm run diff-answers` (scripts/lib/diff.ts): which pairs' answers a
// change of the rules alters, over the whole history, and what they answer on the last day.
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";
import { comparePair, diffAnswers } from "../scripts/lib/diff.js";
import { miniRules } from "./helpers.js";

type P = Parameters<typeof comparePair>[0][number];
const p = (from: string | null, until: string | null, requirement: P["requirement"], maxStay: P["maxStay"] = null): P => ({ from, until, requirement, maxStay });

describe("comparing one pair's histories", () => {
  it("sees a requirement change inside the period and reports the last day's answers", () => {
    const before = [p("2014-01-01", null, "visa-required")];
    const after = [p("2014-01-01", "2020-01-01", "visa-required"), p("2020-01-01", null, "visa-free", { days: 90, withinDays: null })];
    expect(comparePair(before, after, "2014-01-01", "2026-11-27")).toEqual({
      requirement: true, stay: false, lost: false, gained: false,
      on: { before: "visa-required", after: "visa-free, 90 days" },
    });
  });

  it("separates stays, lost and gained answers, and ignores changes after the last day", () => {
    const before = [p("2014-01-01", "2016-01-01", "unknown"), p("2016-01-01", null, "visa-free", { days: 30, withinDays: null })];
    const after = [p("2014-01-01", "2015-01-01", "visa-required"), p("2015-01-01", "2017-01-01", "unknown"), p("2017-01-01", "2030-01-01", "visa-free", { days: 90, withinDays: 180 }), p("2030-01-01", null, "e-visa")];
    expect(comparePair(before, after, "2014-01-01", "2026-11-27")).toEqual({
      requirement: false, stay: true, lost: true, gained: true,
      on: { before: "visa-free, 30 days", after: "visa-free, 90 days within any 180-day period" },
    });
  });
});

describe("comparing two rule sets", () => {
  it("finds nothing between identical rules, and exactly the pair a changed regime decides", async () => {
    const same = diffAnswers(await createEngine({ rules: miniRules() }), await createEngine({ rules: miniRules() }), "2014-01-01", "2026-11-27");
    expect(same).toEqual([]);
    const changed = miniRules();
    const tr = changed["destinations/TR.json"] as { regimes: { id: string; requirement: string }[]; revision: number };
    tr.regimes.find((r) => r.id === "t.in.visa")!.requirement = "visa-on-arrival";
    const diff = diffAnswers(await createEngine({ rules: miniRules() }), await createEngine({ rules: changed }), "2014-01-01", "2026-11-27");
    expect(diff.map((c) => `${c.nationality}->${c.destination}`)).toEqual(["IN->TR"]);
    expect(diff[0]).toMatchObject({ requirement: true, stay: false, lost: false, gained: false });
  });
});
