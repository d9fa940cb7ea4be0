// The questions travellers ask next, on real cases from the embedded rules.
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/index.js";
import { miniRules } from "./helpers.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

describe("several passports", () => {
  it("a Tajik citizen who also holds Russian citizenship enters Turkey on the Russian passport in 2024", async () => {
    const a = await engine.best({ nationalities: ["TJ", "RU"], destination: "TR", date: "2024-05-01" });
    expect(a.nationality).toBe("RU");
    expect(a.requirement).toBe("visa-free");
    expect(a.others.map((o) => [o.nationality, o.requirement])).toEqual([["TJ", "visa-required"]]);
  });

  it("prefers the longer stay when the requirement is the same", async () => {
    // In 2019 both were visa-free in Turkey: Tajik citizens for 90 days, Russian citizens for 60.
    const a = await engine.best({ nationalities: ["RU", "TJ"], destination: "TR", date: "2019-06-01" });
    expect(a.nationality).toBe("TJ");
    expect(a.maxStay?.days).toBe(90);
  });

  it("is never worse than any single passport", async () => {
    for (const date of ["2014-06-01", "2019-06-01", "2024-05-01"])
      for (const dest of ["TR", "FR", "GB", "RS"]) {
        const list = ["TJ", "RU", "IN", "US", "GB"];
        const best = await engine.best({ nationalities: list, destination: dest, date });
        for (const n of list) {
          const one = await engine.check({ nationality: n, destination: dest, date });
          const order = ["citizen", "free-movement", "visa-free", "eta", "visa-on-arrival", "e-visa", "visa-required", "no-admission", "unknown"];
          expect(order.indexOf(best.requirement)).toBeLessThanOrEqual(order.indexOf(one.requirement));
        }
      }
  });

  it("refuses an empty list, naming it", async () => {
    await expect(engine.best({ nationalities: [], destination: "TR", date: "2024-05-01" })).rejects.toMatchObject({
      code: "INVALID_QUERY",
      message: expect.stringMatching(/nationalities \[\]/),
    });
  });
});

describe("a passport's overview", () => {
  it("answers every destination and counts those reachable without a visa in advance", async () => {
    const o = await engine.destinations({ nationality: "US", date: "2025-06-01" });
    expect(o.answers).toHaveLength(engine.countries().length - 1);
    const reach = o.answers.filter((a) => ["free-movement", "visa-free", "eta", "visa-on-arrival"].includes(a.requirement));
    expect(o.mobilityScore).toBe(reach.length);
    expect(o.answers.find((a) => a.destination === "TR")?.requirement).toBe("visa-free");
    expect(o.answers.find((a) => a.destination === "GB")?.requirement).toBe("eta");
    expect(o.known).toBeGreaterThan(30);
  });

  it("a Tajik passport lost Turkey in April 2024", async () => {
    const before = await engine.destinations({ nationality: "TJ", date: "2024-04-19" });
    const after = await engine.destinations({ nationality: "TJ", date: "2024-04-20" });
    expect(after.mobilityScore).toBe(before.mobilityScore - 1);
  });
});

describe("change feeds", () => {
  it("list each change of requirement with its date, pair, before, after and sources", () => {
    const list = engine.changes({ from: "2024-01-01", to: "2024-12-31", nationality: "TJ", destination: "TR" });
    expect(list).toEqual([
      expect.objectContaining({
        date: "2024-04-20",
        nationality: "TJ",
        destination: "TR",
        before: expect.objectContaining({ requirement: "visa-free" }),
        after: expect.objectContaining({ requirement: "visa-required" }),
        published: "2024-04-06",
        sources: expect.arrayContaining([expect.objectContaining({ url: expect.stringMatching(/^https:/) })]),
      }),
    ]);
  });

  it("include changes of stay, not only of requirement", () => {
    const list = engine.changes({ from: "2018-11-11", to: "2018-11-11", destination: "TR" });
    expect(list.map((c) => c.nationality)).toEqual(expect.arrayContaining(["TJ", "KZ", "UZ"]));
    const tj = list.find((c) => c.nationality === "TJ")!;
    // 30 days per stay (within Law No. 6458's 90 in 180) became 90 days within 180
    const perStay = (m: typeof tj.before.maxStay) => m?.perStay ?? m?.days;
    expect([perStay(tj.before.maxStay), perStay(tj.after.maxStay)]).toEqual([30, 90]);
  });

  it("include changes announced for future dates", async () => {
    const rules = miniRules();
    const tr = rules["destinations/TR.json"] as { regimes: Record<string, unknown>[] };
    const open = tr.regimes.find((r) => r["id"] === "t.tj.visa")!;
    open["validUntil"] = "2099-01-01";
    tr.regimes.push({ ...open, id: "t.tj.back", requirement: "visa-free", maxStay: { days: 30 }, validFrom: "2099-01-01", validUntil: undefined, published: "2026-01-01" });
    delete tr.regimes.at(-1)!["validUntil"];
    delete tr.regimes.at(-1)!["inForce"];
    const e = await createEngine({ rules });
    expect(e.changes({ from: "2098-01-01", to: "2099-12-31" }).map((c) => [c.date, c.nationality, c.after.requirement])).toEqual([
      ["2099-01-01", "TJ", "visa-free"],
    ]);
    expect((await e.check({ nationality: "TJ", destination: "TR", date: "2026-06-01" })).upcoming?.date).toBe("2099-01-01");
  });

  it("refuse an interval that ends before it starts", () => {
    expect(() => engine.changes({ from: "2024-02-01", to: "2024-01-01" })).toThrow(/before from/);
  });
});

describe("stay counting", () => {
  const stays = [
    { destination: "FR", entry: "2025-01-01", exit: "2025-02-14" },
    { destination: "DE", entry: "2025-03-01", exit: "2025-03-30" },
  ];

  it("a US citizen who stayed in France and Germany has used 75 days on 2025-04-01 and can stay 15 more", async () => {
    const r = await engine.stay({ nationality: "US", destination: "IT", stays, on: "2025-04-01" });
    expect(r).toMatchObject({ used: 75, left: 15, latestExit: "2025-04-15", rule: { days: 90, withinDays: 180, area: "Schengen area" } });
    expect(r.stays.every((s) => s.counted && s.complies)).toBe(true);
  });

  it("days drop out of the window 180 days later: entry and exit days both count", async () => {
    // 2025-01-01 leaves the window ending on 2025-06-30 (which covers 2025-01-02 .. 2025-06-30).
    expect((await engine.stay({ nationality: "US", destination: "FR", stays, on: "2025-06-29" })).used).toBe(75);
    expect((await engine.stay({ nationality: "US", destination: "FR", stays, on: "2025-06-30" })).used).toBe(74);
  });

  it("a planned stay that breaks the rule says from which day", async () => {
    const planned = [...stays, { destination: "ES", entry: "2025-04-01", exit: "2025-04-20" }];
    const r = await engine.stay({ nationality: "US", destination: "ES", stays: planned, on: "2025-04-01" });
    expect(r.stays[2]).toMatchObject({ complies: false, exceedsFrom: "2025-04-16" });
  });

  it("without a rolling window the limit applies per stay: a British visitor to Thailand in 2016 had 30 days", async () => {
    const stays = [{ destination: "TH", entry: "2016-05-01", exit: "2016-06-15" }];
    const r = await engine.stay({ nationality: "GB", destination: "TH", stays, on: "2016-05-10" });
    expect(r.rule).toMatchObject({ days: 30, withinDays: null, area: null });
    expect([r.used, r.left]).toEqual([9, 21]);
    expect(r.stays[0]).toMatchObject({ complies: false, exceedsFrom: "2016-05-31" });
  });

  it("a per-stay limit inside a window: a Tajik visitor to Turkey in 2016 had 30 days per stay, 90 within 180", async () => {
    const stays = [{ destination: "TR", entry: "2016-05-01", exit: "2016-06-15" }];
    const r = await engine.stay({ nationality: "TJ", destination: "TR", stays, on: "2016-05-10" });
    expect(r.rule).toMatchObject({ days: 90, withinDays: 180, perStay: 30, area: null });
    expect([r.used, r.left]).toEqual([10, 21]);
    expect(r.stays[0]).toMatchObject({ complies: false, exceedsFrom: "2016-05-31" });
  });

  it("stays outside the area do not count", async () => {
    const r = await engine.stay({ nationality: "US", destination: "FR", stays: [...stays, { destination: "GB", entry: "2025-03-31", exit: "2025-03-31" }], on: "2025-04-01" });
    expect(r.used).toBe(75);
    expect(r.stays[2]).toMatchObject({ counted: false, complies: null });
  });

  it.each([
    [[{ destination: "FR", entry: "2025-02-01", exit: "2025-01-01" }], /exit 2025-01-01 is before entry 2025-02-01/],
    [[...[{ destination: "FR", entry: "2025-01-01", exit: "2025-02-14" }], { destination: "DE", entry: "2025-02-14", exit: "2025-02-20" }], /stays overlap/],
    [[{ destination: "ZZ", entry: "2025-01-01", exit: "2025-01-02" }], /"ZZ"/],
  ])("refuses bad stays, naming them (%#)", async (bad, message) => {
    await expect(engine.stay({ nationality: "US", destination: "FR", stays: bad, on: "2025-04-01" })).rejects.toThrow(message);
  });
});

/** The mini rules with one Turkish regime's stay replaced: the shapes the shipped data cannot show. */
async function miniWithStay(regimeId: string, maxStay: unknown): Promise<Engine> {
  const rules = miniRules();
  const tr = rules["destinations/TR.json"] as { regimes: { id: string; maxStay: unknown }[] };
  tr.regimes.find((r) => r.id === regimeId)!.maxStay = maxStay;
  return createEngine({ rules });
}

describe("a cap per calendar year", () => {
  // The mini rules' 30-day stay for Tajik citizens in Turkey (to 2018), capped at 90 days a year.
  let capped: Engine;
  beforeAll(async () => {
    capped = await miniWithStay("t.tj.30", { days: 30, perCalendarYear: 90 });
  });
  const at = (on: string, stays: { entry: string; exit: string }[]) =>
    capped.stay({ nationality: "TJ", destination: "TR", on, stays: stays.map((s) => ({ destination: "TR", ...s })) });
  const ninety = [
    { entry: "2016-01-10", exit: "2016-02-08" },
    { entry: "2016-03-01", exit: "2016-03-30" },
    { entry: "2016-05-01", exit: "2016-05-30" },
  ];

  it("the answer says both limits", async () => {
    const a = await capped.check({ nationality: "TJ", destination: "TR", date: "2016-06-01" });
    expect(a.maxStay).toEqual({ days: 30, withinDays: null, perCalendarYear: 90 });
    expect(a.explanation).toMatch(/for up to 30 days, at most 90 days per calendar year/);
  });

  it("a Tajik visitor who spent 90 days in Turkey in 2016 has none left that year, and 30 from 1 January", async () => {
    expect(await at("2016-07-01", ninety)).toMatchObject({ used: 0, usedInCalendarYear: 90, left: 0, latestExit: null });
    expect(await at("2017-01-01", ninety)).toMatchObject({ usedInCalendarYear: 0, left: 30, latestExit: "2017-01-30" });
  });

  it("the year's cap can end a stay before its own limit, and a new year starts afresh", async () => {
    const eightyFive = [...ninety.slice(0, 2), { entry: "2016-05-01", exit: "2016-05-25" }];
    // 85 days used: 5 more in 2016 (25 to 29 December), and the stay cannot run on into 2017.
    expect((await at("2016-12-25", eightyFive)).left).toBe(5);
    // From 27 December the stay reaches 1 January: 5 days in 2016, the rest counts in 2017.
    expect((await at("2016-12-27", eightyFive)).left).toBe(30);
  });

  it("planned stays later in the year count against it: 90 days planned for 2017 leave only 31 December", async () => {
    const planned2017 = [
      { entry: "2017-02-01", exit: "2017-03-02" },
      { entry: "2017-04-01", exit: "2017-04-30" },
      { entry: "2017-06-01", exit: "2017-06-30" },
    ];
    expect(await at("2016-12-31", planned2017)).toMatchObject({ left: 1, latestExit: "2016-12-31" });
  });

  it("a planned stay that breaks the year's cap says from which day", async () => {
    const r = await at("2016-07-01", [...ninety, { entry: "2016-08-01", exit: "2016-08-10" }]);
    expect(r.stays[3]).toMatchObject({ complies: false, exceedsFrom: "2016-08-01" });
    expect(r.stays.slice(0, 3).every((s) => s.complies)).toBe(true);
  });

  it("a cap below the limit per stay is refused", async () => {
    await expect(miniWithStay("t.tj.30", { days: 30, perCalendarYear: 20 })).rejects.toThrow(/perCalendarYear is below the limit per stay/);
  });
});

describe("a limit per stay beside a rolling window", () => {
  // The mini rules' 90-in-180 stay for Tajik citizens in Turkey (2018-2024), with 30 days per stay.
  const withPerStay = (maxStay: unknown): Promise<Engine> => miniWithStay("t.tj.90", maxStay);
  let e: Engine;
  beforeAll(async () => {
    e = await withPerStay({ days: 90, withinDays: 180, perStay: 30 });
  });
  const at = (on: string, stays: { entry: string; exit: string }[]) =>
    e.stay({ nationality: "TJ", destination: "TR", on, stays: stays.map((s) => ({ destination: "TR", ...s })) });
  const two = [
    { entry: "2019-01-01", exit: "2019-01-30" },
    { entry: "2019-02-10", exit: "2019-03-11" },
  ];

  it("the answer says both limits", async () => {
    const a = await e.check({ nationality: "TJ", destination: "TR", date: "2019-06-01" });
    expect(a.maxStay).toEqual({ days: 90, withinDays: 180, perStay: 30 });
    expect(a.explanation).toMatch(/for up to 30 days per stay, at most 90 days within any 180-day period/);
  });

  it("a new stay gets at most 30 days, and less where the window is nearly used", async () => {
    expect(await at("2019-04-01", two)).toMatchObject({ used: 60, left: 30, latestExit: "2019-04-30" });
    // Inside the second stay, 19 of its days are behind: 11 left of the 30.
    expect((await at("2019-03-01", two)).left).toBe(11);
    const three = [...two, { entry: "2019-04-01", exit: "2019-04-20" }];
    // 80 days in the window ending on 2019-05-01: the window leaves 10, less than a stay's 30.
    expect((await at("2019-05-01", three)).left).toBe(10);
  });

  it("a planned stay longer than 30 days breaks the rule on its 31st day", async () => {
    const r = await at("2019-06-01", [{ entry: "2019-06-01", exit: "2019-07-15" }]);
    expect(r.stays[0]).toMatchObject({ complies: false, exceedsFrom: "2019-07-01" });
  });

  it("a limit per stay without a window is refused: days is that limit", async () => {
    await expect(withPerStay({ days: 90, perStay: 30 })).rejects.toThrow(/perStay needs withinDays/);
  });
});

describe("passport validity", () => {
  it("Turkey refuses a passport not valid 60 days beyond the stay, citing the rule", async () => {
    const a = await engine.check({ nationality: "US", destination: "TR", date: "2024-05-01", passportExpiry: "2024-08-01" });
    expect(a.requirement).toBe("no-admission");
    expect(a.regime).toMatch(/passport-validity/);
    expect(a.explanation).toMatch(/2024-09-28/);
    expect(a.sources.length).toBeGreaterThan(0);
    const ok = await engine.check({ nationality: "US", destination: "TR", date: "2024-05-01", passportExpiry: "2024-09-28" });
    expect(ok.requirement).toBe("visa-free");
  });

  it("holders of diplomatic passports are exempt in Turkey", async () => {
    const a = await engine.check({ nationality: "TJ", destination: "TR", date: "2024-05-01", passportExpiry: "2024-05-10", passport: "diplomatic" });
    expect(a.requirement).toBe("visa-free");
  });

  it("the Schengen area warns when the passport limits the stay, and refuses when it cannot be met", async () => {
    const warn = await engine.check({ nationality: "US", destination: "FR", date: "2024-05-01", passportExpiry: "2024-08-15" });
    expect(warn.requirement).toBe("visa-free");
    expect(warn.warnings[0]).toMatch(/must end by 2024-05-15/);
    const no = await engine.check({ nationality: "US", destination: "FR", date: "2024-05-01", passportExpiry: "2024-07-31" });
    expect(no.requirement).toBe("no-admission");
  });

  it("does not apply to free movement", async () => {
    const a = await engine.check({ nationality: "DE", destination: "FR", date: "2024-05-01", passportExpiry: "2024-05-02" });
    expect(a.requirement).toBe("free-movement");
  });
});

describe("passport validity rules for some nationalities", () => {
  const src = [{ title: "Synthetic test source", url: "https://example.org/travel-rules-fixture", date: "2020-01-01" }];
  let scoped: Engine;
  beforeAll(async () => {
    const rules = miniRules();
    const tr = rules["destinations/TR.json"] as { passportValidity?: unknown[] };
    tr.passportValidity = [
      // Everyone 6 months beyond the stay, except the "club" (US), whose own rule is 1 day beyond it.
      { id: "t.pv.all", validFrom: "2013-01-01", beyond: "stay", months: 6, exceptNationalities: ["US"], rule: "Six months beyond the stay.", sources: src },
      { id: "t.pv.us", validFrom: "2013-01-01", beyond: "stay", days: 1, nationalities: ["US"], rule: "Valid for the stay.", sources: src },
    ];
    scoped = await createEngine({ rules });
  });

  it("a rule naming the nationality decides for it; the rule for everyone skips its exceptions", async () => {
    const us = await scoped.check({ nationality: "US", destination: "TR", date: "2020-01-01", passportExpiry: "2020-04-15" });
    expect(us.requirement).not.toBe("no-admission");
    const jp = await scoped.check({ nationality: "JP", destination: "TR", date: "2020-01-01", passportExpiry: "2020-04-15" });
    expect([jp.requirement, jp.regime]).toEqual(["no-admission", "t.pv.all"]);
  });

  it("a rule of 0 days beyond departure (valid for the whole stay) warns when the passport ends mid-stay", async () => {
    const rules = miniRules();
    const tr = rules["destinations/TR.json"] as { passportValidity?: unknown[] };
    tr.passportValidity = [{ id: "t.pv.stay", validFrom: "2013-01-01", beyond: "departure", days: 0, rule: "Valid for the whole stay.", sources: src }];
    const e = await createEngine({ rules });
    // Tajik citizens may stay 90 days in the fixture in 2020.
    const mid = await e.check({ nationality: "TJ", destination: "TR", date: "2020-01-01", passportExpiry: "2020-01-20" });
    expect(mid.requirement).not.toBe("no-admission");
    expect(mid.warnings.join(" ")).toMatch(/stay must end by 2020-01-20/);
    const expired = await e.check({ nationality: "TJ", destination: "TR", date: "2020-01-01", passportExpiry: "2019-12-31" });
    expect(expired.requirement).toBe("no-admission");
    tr.passportValidity = [{ id: "t.pv.bad", validFrom: "2013-01-01", beyond: "arrival", days: 0, rule: "x", sources: src }];
    await expect(createEngine({ rules })).rejects.toThrow(/days 0 is for/);
  });

  it("nationalities and exceptNationalities are checked like any other code, and not both at once", async () => {
    const rules = miniRules();
    const tr = rules["destinations/TR.json"] as { passportValidity?: unknown[] };
    tr.passportValidity = [{ id: "t.pv.x", validFrom: "2013-01-01", beyond: "stay", months: 6, nationalities: ["ZZ"], exceptNationalities: ["US"], rule: "x", sources: src }];
    await expect(createEngine({ rules })).rejects.toThrow(/not both|unknown country code ZZ/);
  });
});

describe("passport validity never turns unknown into an answer", () => {
  it("a nationality not researched stays unknown whatever its passport", async () => {
    const a = await engine.check({ nationality: "SR", destination: "TR", date: "2024-05-01", passportExpiry: "2024-05-02" });
    expect(a.requirement).toBe("unknown");
  });
});
