// The audit sampler behind `npm run sample-answers` (scripts/lib/sample.ts): answers drawn at
// random, the same for the same seed, never unknown or a citizen's, each pair once.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";
import { POPULAR, sampleAnswers, sampleChanges, type SampleOptions } from "../scripts/lib/sample.js";
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

describe("drawing changes for an audit of their dates", () => {
  const changeOptions = { count: 8, seed: 7, from: "2014-01-01", to: "2026-11-27", passports: "all" } as const;

  it("draws each change once, however many nationalities and destinations it concerns", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const s = await sampleChanges(engine, changeOptions);
    expect(s).toHaveLength(8);
    const keys = s.map((x) => JSON.stringify([x.date, x.before.regime, x.after.regime, x.before.maxStay, x.after.maxStay]));
    expect(new Set(keys).size).toBe(8);
    // The 2015 exemption of a list of nationalities is one change, listed with all of them.
    const list = s.filter((x) => x.nationalities.length > 1);
    expect(list.length).toBeGreaterThan(0);
    expect(engine.changes({ from: "2014-01-01", to: "2026-11-27" })).toHaveLength(11);
  });

  it("records the engine's answers on the day before and the day of, which differ", async () => {
    const engine = await createEngine({ rules: miniRules() });
    for (const x of await sampleChanges(engine, changeOptions)) {
      expect(x.nationalities).toContain(x.nationality);
      expect(x.destinations).toContain(x.destination);
      const before = new Date(Date.parse(x.date + "T00:00:00Z") - 864e5).toISOString().slice(0, 10);
      const a = await engine.check({ nationality: x.nationality, destination: x.destination, date: before });
      const b = await engine.check({ nationality: x.nationality, destination: x.destination, date: x.date });
      expect([x.before.requirement, x.before.regime, x.after.requirement, x.after.regime]).toEqual([a.requirement, a.regime, b.requirement, b.regime]);
      expect([x.before.requirement, x.before.maxStay]).not.toEqual([x.after.requirement, x.after.maxStay]);
    }
  });

  it("gives the same changes for the same seed, in another order for another seed, within the days asked", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const a = await sampleChanges(engine, { ...changeOptions, count: 5 });
    expect(await sampleChanges(engine, { ...changeOptions, count: 5 })).toEqual(a);
    const c = await sampleChanges(engine, { ...changeOptions, count: 5, seed: 8 });
    expect(c.map((x) => x.date + x.after.regime)).not.toEqual(a.map((x) => x.date + x.after.regime));
    const late = await sampleChanges(engine, { ...changeOptions, count: 2, from: "2020-01-01", to: "2024-12-31" });
    expect(late.every((x) => x.date >= "2020-01-01" && x.date <= "2024-12-31")).toBe(true);
  });

  it("checks a widely held passport when asked to", async () => {
    const engine = await createEngine({ rules: miniRules() });
    const s = await sampleChanges(engine, { ...changeOptions, count: 3, passports: "popular" });
    expect(s.every((x) => POPULAR.includes(x.nationality))).toBe(true);
  });

  it("says so instead of returning fewer changes than asked", async () => {
    const engine = await createEngine({ rules: miniRules() });
    await expect(sampleChanges(engine, { ...changeOptions, count: 9 })).rejects.toThrow(/only 8 changes found/);
  });
});

describe("npm run sample-answers", () => {
  // Run as a user pipes it into jq: a large output must arrive whole (a process.exit after
  // console.log cut it at 64 KB on a pipe).
  it("writes the whole JSON to a pipe", () => {
    const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
    const script = fileURLToPath(new URL("../scripts/sample-answers.ts", import.meta.url));
    const r = spawnSync("sh", ["-c", `"${tsx}" "${script}" --changes --count 60 --seed 3 | cat`], { encoding: "utf8", maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65536);
    expect(JSON.parse(r.stdout)).toHaveLength(60);
  }, 60_000);
});
