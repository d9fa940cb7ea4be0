// The audit sampler behind `npm run sample-answers` (scripts/lib/sample.ts): answers drawn at
// random, the same for the same seed, never unknown or a citizen's, each pair once.
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";
import { sampleAnswers, type SampleOptions } from "../scripts/lib/sample.js";
import { miniRules } from "./helpers.js";

const options = (o: Partial<SampleOptions> = {}): SampleOptions => ({
  count: 12,
  seed: 7,
  from: "2014-01-01",
  to: "2026-11-27",
  passports: "all",
  kind: "any",
  destinations: ["TR", ["DE", "FR"]],
  regimeKind: (id) => (id.includes(".others") || id === "s.others" || id === "h.others" ? "default" : "other"),
  ...o,
});

describe("drawing answers for an audit", () => {
  it("gives the same sample for the same seed and another for another seed", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const a = await sampleAnswers(engine, options());
    const b = await sampleAnswers(engine, options());
    const c = await sampleAnswers(engine, options({ seed: 8 }));
    expect(a).toEqual(b);
    expect(a.map((x) => x.nationality + x.destination + x.date)).not.toEqual(c.map((x) => x.nationality + x.destination + x.date));
  });

  it("skips unknown and citizen answers and draws each pair once, within the days asked", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const s = await sampleAnswers(engine, options({ count: 20, from: "2024-01-01", to: "2024-12-31" }));
    expect(s).toHaveLength(20);
    for (const x of s) {
      expect(["unknown", "citizen"]).not.toContain(x.requirement);
      expect(x.date >= "2024-01-01" && x.date <= "2024-12-31").toBe(true);
      expect(["TR", "DE", "FR"]).toContain(x.destination);
      // The answer recorded is the engine's answer on that day.
      const again = await engine.check({ nationality: x.nationality, destination: x.destination, date: x.date });
      expect([x.requirement, x.regime]).toEqual([again.requirement, again.regime]);
    }
    expect(new Set(s.map((x) => x.nationality + x.destination)).size).toBe(20);
  });

  it("keeps only answers decided by the kind of regime asked for", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const s = await sampleAnswers(engine, options({ kind: "default", count: 5 }));
    expect(s.every((x) => x.regimeKind === "default")).toBe(true);
  });

  it("says so instead of looping when the options leave too few answers", async () => {
    const engine = await createEngine({ rules: miniRules() });
    await expect(sampleAnswers(engine, options({ count: 500 }))).rejects.toThrow(/only \d+ answers found/);
  });
});
