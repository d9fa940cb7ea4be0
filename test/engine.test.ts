// The engine's semantics on a small synthetic dataset (test/fixtures/mini), so each rule of
// precedence and time can be shown in isolation. Real data is tested in turkey.test.ts.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  createEngine,
  describeAccess,
  describeStay,
  isTravelRulesError,
  type BestAnswer,
  type Change,
  type Engine,
  type PassportOverview,
  type Source,
  type StayQuery,
  type StayResult,
} from "../src/index.js";
import { explain } from "../src/impl/explain.js";
import { miniRules } from "./helpers.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ rules: miniRules() });
});

const check = (nationality: string, destination: string, date: string, facts = {}) =>
  engine.check({ nationality, destination, date, ...facts });

describe("time", () => {
  it("a regime applies from its validFrom, and not the day before", async () => {
    expect((await check("TJ", "TR", "2018-11-09")).regime).toBe("t.tj.30");
    expect((await check("TJ", "TR", "2018-11-10")).regime).toBe("t.tj.90");
  });

  it("validUntil is the first day a regime no longer applies", async () => {
    expect((await check("DE", "TR", "2015-12-31")).requirement).toBe("e-visa");
    expect((await check("DE", "TR", "2016-01-01")).requirement).toBe("visa-free");
  });

  it("dates before a file's since answer unknown, never a guess", async () => {
    const a = await check("JP", "TR", "2012-12-31");
    expect(a.requirement).toBe("unknown");
    expect(a.regime).toBeNull();
    expect((await check("JP", "TR", "2013-01-01")).requirement).toBe("visa-required");
  });

  it("a destination without a rule file answers unknown", async () => {
    const a = await check("TR", "JP", "2020-01-01");
    expect(a.requirement).toBe("unknown");
    expect(a.explanation).toMatch(/no rule/);
    expect(a.sources).toEqual([]);
  });

  it("inside a grace period the old rule answers and the answer says what comes", async () => {
    const a = await check("TJ", "TR", "2024-04-10");
    expect(a.requirement).toBe("visa-free");
    expect(a.upcoming).toMatchObject({
      date: "2024-04-20",
      requirement: "visa-required",
      inForce: "2024-04-06",
      published: "2024-04-06",
    });
    // Before publication nobody knew: no upcoming change is reported.
    expect((await check("TJ", "TR", "2024-04-05")).upcoming).toBeNull();
    expect((await check("TJ", "TR", "2024-04-20")).upcoming).toBeNull();
  });

  it("an instant becomes the destination's local date", async () => {
    // 21:30 UTC on 19 April is already 20 April in Istanbul (UTC+3).
    const instant = new Date("2024-04-19T21:30:00Z");
    expect((await engine.check({ nationality: "TJ", destination: "TR", date: instant })).date).toBe("2024-04-20");
    const dt = DateTime.fromISO("2024-04-19T23:30:00", { zone: "America/New_York" });
    expect((await engine.check({ nationality: "TJ", destination: "TR", date: dt })).date).toBe("2024-04-20");
    // The same instant is still 19 April in New York... but New Zealand is a day ahead.
    expect((await engine.check({ nationality: "TJ", destination: "NZ", date: dt })).date).toBe("2024-04-20");
  });
});

describe("precedence", () => {
  it("a regime for the nationality beats one for its group", async () => {
    const a = await check("DE", "TR", "2015-06-01");
    expect(a.regime).toBe("t.de.evisa");
  });

  it("a group regime beats the default, while the traveller is a member", async () => {
    expect((await check("GB", "TR", "2020-01-31")).regime).toBe("t.eu.free");
    expect((await check("GB", "TR", "2020-02-01")).regime).toBe("t.others.visa");
  });

  it("a conditional regime applies when its conditions hold", async () => {
    const facts = { holds: [{ kind: "visa", country: "US" }] };
    expect((await check("IN", "TR", "2020-01-01", facts)).regime).toBe("t.in.cond");
    expect((await check("IN", "TR", "2020-01-01", { holds: [] })).regime).toBe("t.in.visa");
  });

  it("group codes in conditions match documents issued by any member on the date", async () => {
    const fr = { holds: [{ kind: "residence-permit", country: "FRA" }] };
    expect((await check("IN", "TR", "2020-01-01", fr)).requirement).toBe("e-visa");
    // Croatia joined the Schengen area on 2023-01-01 in the fixture.
    const hr = { holds: [{ kind: "visa", country: "HR" }] };
    expect((await check("IN", "TR", "2022-12-31", hr)).requirement).toBe("visa-required");
    expect((await check("IN", "TR", "2023-01-01", hr)).requirement).toBe("e-visa");
  });

  it("an expired document does not count; validUntil is the last valid day", async () => {
    const until = (d: string) => ({ holds: [{ kind: "visa", country: "US", validUntil: d }] });
    expect((await check("IN", "TR", "2020-01-01", until("2020-01-01"))).requirement).toBe("e-visa");
    expect((await check("IN", "TR", "2020-01-01", until("2019-12-31"))).requirement).toBe("visa-required");
  });

  it("a conditional default does not override a nationality's own regime", async () => {
    // t.others.diplomatic is a default-level conditional; Tajik citizens have their own regime.
    expect((await check("TJ", "TR", "2020-01-01", { passport: "diplomatic" })).regime).toBe("t.tj.90");
    expect((await check("JP", "TR", "2020-01-01", { passport: "diplomatic" })).regime).toBe("t.others.diplomatic");
  });

  it("citizens of the destination are citizens", async () => {
    const a = await check("tr", "TUR", "2020-01-01");
    expect(a.requirement).toBe("citizen");
    expect(a.maxStay).toBeNull();
  });
});

describe("territories that travel on another country's passports", () => {
  it("answer as that country, and say so", async () => {
    const fr = await check("FR", "TR", "2020-01-01");
    const gp = await check("GP", "TR", "2020-01-01");
    expect(gp).toMatchObject({ nationality: "GP", requirement: fr.requirement, maxStay: fr.maxStay, regime: fr.regime });
    expect(gp.notes[0]).toBe("People of Guadeloupe travel on passports of France: this is the answer for that passport.");
    expect(gp.notes.slice(1)).toEqual(fr.notes);
  });

  it("are citizens of that country, and of their own territory", async () => {
    expect((await check("GP", "FR", "2020-01-01")).requirement).toBe("citizen");
    expect((await check("GP", "GP", "2020-01-01")).requirement).toBe("citizen");
  });

  it("have the timeline of that country", () => {
    const fr = engine.timeline({ nationality: "FR", destination: "TR" }).periods;
    const gp = engine.timeline({ nationality: "GP", destination: "TR" }).periods;
    expect(gp.map((p) => [p.from, p.until, p.requirement, p.regime])).toEqual(fr.map((p) => [p.from, p.until, p.requirement, p.regime]));
    expect(gp.every((p) => p.notes[0]?.startsWith("People of Guadeloupe"))).toBe(true);
  });

  it("a place whose passport the data does not know answers unknown, with the reason", async () => {
    const a = await check("AQ", "TR", "2020-01-01");
    expect(a.requirement).toBe("unknown");
    expect(a.notes).toEqual(["The data knows no passport of Antarctica: check the nationality of the passport you hold."]);
    expect(engine.timeline({ nationality: "AQ", destination: "TR" }).periods.map((p) => p.requirement)).toEqual(["unknown"]);
  });

  it("countries() says which passport each place's people hold", () => {
    const by = new Map(engine.countries().map((c) => [c.code, c.passport]));
    expect([by.get("FR"), by.get("GP"), by.get("AQ")]).toEqual(["FR", "FR", null]);
  });
});

describe("facts left out", () => {
  it("the answer is given without them, with the conditional alternatives listed", async () => {
    const a = await check("IN", "TR", "2020-01-01");
    expect(a.requirement).toBe("visa-required");
    expect(a.alternatives).toEqual([
      {
        requirement: "e-visa",
        maxStay: { days: 30, withinDays: null },
        condition: "Holds a valid US or Schengen visa or residence permit",
        regime: "t.in.cond",
        authorisation: "e-Visa",
      },
    ]);
  });

  it("age comes from the birth date on the day of entry", async () => {
    expect((await check("RU", "TR", "2020-06-15", { birthDate: "2002-06-16" })).requirement).toBe("visa-free");
    expect((await check("RU", "TR", "2020-06-15", { birthDate: "2002-06-15" })).requirement).toBe("e-visa");
    expect((await check("RU", "TR", "2020-06-15")).alternatives.map((x) => x.regime)).toEqual(["t.ru.minor"]);
  });
});

describe("alternatives the given facts rule out", () => {
  // An e-Visa for tourists and business visitors who hold a US visa, beside the visa requirement.
  let e: Engine;
  beforeAll(async () => {
    const rules = miniRules();
    (rules["destinations/TR.json"] as { regimes: unknown[] }).regimes.push({
      id: "t.jp.tourist-cond",
      travellers: { nationalities: ["JP"] },
      requirement: "e-visa",
      maxStay: { days: 30 },
      validFrom: "2014-01-01",
      conditions: {
        all: [
          { fact: "purpose", operator: "in", value: ["tourism", "business"] },
          { any: [{ fact: "visas", operator: "containsAny", value: ["US"] }, { fact: "residencePermits", operator: "containsAny", value: ["US"] }] },
        ],
      },
      conditionText: "Travelling for tourism or business and holding a US visa or residence permit.",
      sources: [{ title: "Synthetic test source", url: "https://example.org/travel-rules-fixture", date: "2014-01-01" }],
    });
    e = await createEngine({ rules });
  });
  const alts = async (facts: object) =>
    (await e.check({ nationality: "JP", destination: "TR", date: "2020-01-01", ...facts })).alternatives.map((a) => a.regime);

  it("are not listed: a work trip is never offered the tourists' e-Visa", async () => {
    expect(await alts({})).toEqual(["t.jp.tourist-cond"]);
    expect(await alts({ purpose: "tourism" })).toEqual(["t.jp.tourist-cond"]);
    expect(await alts({ holds: [{ kind: "visa", country: "US" }] })).toEqual(["t.jp.tourist-cond"]);
    expect(await alts({ purpose: "work" })).toEqual([]);
    expect(await alts({ holds: [] })).toEqual([]);
    expect(await alts({ purpose: "tourism", holds: [{ kind: "visa", country: "GB" }] })).toEqual([]);
  });

  it("and a condition that holds still decides", async () => {
    const a = await e.check({ nationality: "JP", destination: "TR", date: "2020-01-01", purpose: "business", holds: [{ kind: "residence-permit", country: "US" }] });
    expect(a.regime).toBe("t.jp.tourist-cond");
    const w = await e.check({ nationality: "JP", destination: "TR", date: "2020-01-01", purpose: "work", holds: [{ kind: "visa", country: "US" }] });
    expect([w.requirement, w.alternatives]).toEqual(["visa-required", []]);
  });
});

describe("areas", () => {
  it("a member answers from the area file over its membership, and from its own file before", async () => {
    expect((await check("US", "HR", "2022-12-31")).regime).toBe("h.us");
    expect((await check("US", "HR", "2023-01-01")).regime).toBe("s.us");
    expect((await check("DE", "FR", "2020-01-01")).requirement).toBe("free-movement");
  });
});

describe("a member's own exception in an area (`at`)", () => {
  const src = [{ title: "Synthetic test source", url: "https://example.org/travel-rules-fixture", date: "2022-01-01" }];
  let withAt: Engine;
  beforeAll(async () => {
    const rules = miniRules();
    const area = rules["areas/SCHENGEN.json"] as { regimes: unknown[]; gaps?: unknown[] };
    area.regimes.push(
      // DE refuses US tourists from 2022-09-19 (a conditional exception), FR asks a visa of them (unconditional).
      {
        id: "s.de.us.tourism-refused",
        at: ["DE"],
        travellers: { nationalities: ["US"] },
        requirement: "no-admission",
        maxStay: null,
        validFrom: "2022-09-19",
        conditions: { all: [{ fact: "purpose", operator: "in", value: ["tourism", "business"] }] },
        conditionText: "You travel for tourism or business.",
        sources: src,
      },
      { id: "s.fr.us.visa", at: ["FR"], travellers: { nationalities: ["US"] }, requirement: "visa-required", maxStay: null, validFrom: "2022-09-19", sources: src },
    );
    area.gaps = [{ nationalities: ["JP"], from: "2022-01-01", at: ["FR"], reason: "Synthetic: not established at FR." }];
    withAt = await createEngine({ rules });
  });
  const at = (n: string, d: string, date: string, facts = {}) => withAt.check({ nationality: n, destination: d, date, ...facts });

  it("applies only at the members it names, and beats the common rule there", async () => {
    expect((await at("US", "FR", "2022-09-18")).regime).toBe("s.us");
    expect((await at("US", "FR", "2022-09-19")).regime).toBe("s.fr.us.visa");
    expect((await at("US", "HR", "2023-06-01")).regime).toBe("s.us");
    expect((await at("US", "DE", "2022-09-19")).regime).toBe("s.us");
  });

  it("a conditional exception decides when its condition holds, and is an alternative when the fact is missing", async () => {
    expect((await at("US", "DE", "2022-09-19", { purpose: "tourism" })).requirement).toBe("no-admission");
    expect((await at("US", "DE", "2022-09-18", { purpose: "tourism" })).requirement).toBe("visa-free");
    expect((await at("US", "DE", "2022-09-19", { purpose: "family" })).regime).toBe("s.us");
    const missing = await at("US", "DE", "2022-09-19");
    expect(missing.regime).toBe("s.us");
    expect(missing.alternatives.map((a) => a.regime)).toEqual(["s.de.us.tourism-refused"]);
  });

  it("a gap with `at` answers unknown only at its members", async () => {
    expect((await at("JP", "FR", "2022-06-01")).requirement).toBe("unknown");
    expect((await at("JP", "DE", "2022-06-01")).requirement).not.toBe("unknown");
  });
});

describe("answers", () => {
  it("carry the dataset version, the regime, its sources and one sentence", async () => {
    const a = await check("TJ", "TR", "2019-06-01");
    expect(a).toMatchObject({
      nationality: "TJ",
      destination: "TR",
      date: "2019-06-01",
      requirement: "visa-free",
      maxStay: { days: 90, withinDays: 180 },
      regime: "t.tj.90",
      dataset: "2000.1",
    });
    expect(a.sources[0]).toMatchObject({ title: expect.any(String), url: expect.stringMatching(/^https:/) });
    expect(a.explanation).toBe(
      "You can enter Türkiye without a visa for up to 90 days within any 180-day period.",
    );
  });

  it("accept alpha-2 and alpha-3 codes in any case", async () => {
    const a = await engine.check({ nationality: "tjk", destination: "tUr", date: "2019-06-01" });
    expect([a.nationality, a.destination]).toEqual(["TJ", "TR"]);
  });
});

describe("timeline", () => {
  it("lists a pair's periods in order, covering every date once", () => {
    const t = engine.timeline({ nationality: "TJ", destination: "TR" });
    expect(t.periods.map((p) => [p.from, p.until, p.requirement])).toEqual([
      [null, "2013-01-01", "unknown"],
      ["2013-01-01", "2018-11-10", "visa-free"],
      ["2018-11-10", "2024-04-20", "visa-free"],
      ["2024-04-20", null, "visa-required"],
    ]);
  });
});

describe("errors", () => {
  it.each([
    [{ nationality: "XX", destination: "TR", date: "2020-01-01" }, "UNKNOWN_COUNTRY", /"XX" for nationality/],
    [{ nationality: "TJ", destination: "", date: "2020-01-01" }, "INVALID_QUERY", /missing destination/],
    [{ nationality: "TJ", destination: "TR", date: "2023-02-29" }, "INVALID_DATE", /"2023-02-29"/],
    [{ nationality: "TJ", destination: "TR", date: new Date(Number.NaN) }, "INVALID_DATE", /invalid date/],
    [{ nationality: "TJ", destination: "TR", date: 20200101 }, "INVALID_DATE", /20200101/],
    [{ nationality: "TJ", destination: "TR", date: "2020-01-01", passport: "gold" }, "INVALID_FACT", /passport "gold"/],
    [{ nationality: "TJ", destination: "TR", date: "2020-01-01", holds: [{ kind: "visa", country: "QQ" }] }, "UNKNOWN_COUNTRY", /"QQ"/],
    [{ nationality: "TJ", destination: "TR", date: "2020-01-01", holds: [{ kind: "permit", country: "US" }] }, "INVALID_FACT", /"permit"/],
  ])("%o is refused with %s", async (query, code, message) => {
    const r = await engine.safeCheck(query as never);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(isTravelRulesError(r.error)).toBe(true);
    expect(r.error.code).toBe(code);
    expect(r.error.message).toMatch(message);
    await expect(engine.check(query as never)).rejects.toMatchObject({ code });
  });
});

describe("the explanation sentence", () => {
  it("a visa requirement names the document the data records, else the mission", async () => {
    expect(explain("visa-required", "Cuba", null, "Tourist card (tarjeta del turista), bought before travel.", null)).toBe(
      "You need this document, in place of a visa, before travelling to Cuba: Tourist card (tarjeta del turista), bought before travel.",
    );
    expect(explain("visa-required", "Kenya", null, "Referred visa (prior approval of the Director of Immigration Services)", null)).toBe(
      "You need a visa before travelling to Kenya: Referred visa (prior approval of the Director of Immigration Services).",
    );
    // Hong Kong passports: the mainland asks for the Home Return Permit, which is not a visa.
    const shipped = await createEngine();
    expect((await shipped.check({ nationality: "HK", destination: "CN", date: "2020-01-01" })).explanation).toBe(
      "You need this document, in place of a visa, before travelling to China: Mainland Travel Permit for Hong Kong and Macao Residents (Home Return Permit).",
    );
    expect(explain("visa-required", "Turkey", null, null, null)).toBe(
      "You need a visa from an embassy or consulate of Turkey before travelling there.",
    );
    expect((await check("JP", "TR", "2013-01-01")).explanation).toMatch(/^You need a visa from an embassy or consulate of /);
  });

  it("a document that only repeats the requirement is not named twice", () => {
    expect(explain("e-visa", "Turkey", { days: 30, withinDays: null }, "e-Visa", null)).toBe(
      "You need an e-visa, obtained online before travel, to enter Turkey for up to 30 days.",
    );
  });
});

describe("the words an app can print beside an answer", () => {
  it("describeStay says a stay as answers do, with its window, per-stay limit and calendar-year cap", () => {
    expect(describeStay(null)).toBe("");
    expect(describeStay({ days: 30, withinDays: null })).toBe("30 days");
    expect(describeStay({ days: 90, withinDays: 180 })).toBe("90 days within any 180-day period");
    expect(describeStay({ days: 90, withinDays: 180, perStay: 30 })).toBe("30 days per stay, at most 90 days within any 180-day period");
    expect(describeStay({ days: 90, withinDays: 365, perCalendarYear: 90 })).toBe(
      "90 days within any 365-day period, at most 90 days per calendar year",
    );
  });

  it("describeAccess says how a source without a link was read, and nothing for a linked one", () => {
    const base: Source = { title: "T", publisher: "P", date: "2024-01-01" };
    expect(describeAccess({ ...base, url: "https://example.org/a" })).toBeNull();
    expect(describeAccess({ ...base, readAt: "http://example.org/a" })).toBe("read at http://example.org/a, plain http, not linked");
    expect(describeAccess({ ...base, note: "Read at the ministry's site over http." })).toBe(
      "read at a plain-http address given in its note, not linked",
    );
    expect(describeAccess({ ...base, note: "Decree No. 5, cited by name; not read online." })).toBe("not read online");
  });
});

describe("an answer the data has not established", () => {
  it("says what is missing and what the data last established, not the research log", async () => {
    const rules = miniRules();
    rules["destinations/TR.json"]!["gaps"] = [
      { nationalities: ["JP"], from: "2020-01-01", reason: "The 2020 list was not found.", searched: ["Pass 1: searched the gazette."] },
    ];
    const e = await createEngine({ rules });
    const a = await e.check({ nationality: "JP", destination: "TR", date: "2021-01-01" });
    expect(a.requirement).toBe("unknown");
    // A gap is not a missing rule: the sentence says the data has not established it.
    expect(a.explanation).toBe(
      "What you need to enter Türkiye on this date has not been established in the data (the notes say what is missing); check with the authorities of Türkiye.",
    );
    expect((await e.check({ nationality: "JP", destination: "TR", date: "2012-01-01" })).explanation).toMatch(/^travel-rules has no rule for entering Türkiye/);
    expect(a.notes).toEqual([
      "Not established in the data: The 2020 list was not found.",
      "Last established in the data: visa-required until 2020-01-01 (rule t.others.visa).",
    ]);
    // The day before the gap is still answered by the rule.
    expect((await e.check({ nationality: "JP", destination: "TR", date: "2019-12-31" })).regime).toBe("t.others.visa");
  });

  it("names the stay last established, and says nothing when the gap starts the file", async () => {
    const rules = miniRules();
    rules["destinations/TR.json"]!["gaps"] = [
      { nationalities: ["FR"], from: "2020-01-01", reason: "Not researched." },
      { nationalities: ["JP"], from: "2013-01-01", reason: "Not researched." },
    ];
    const e = await createEngine({ rules });
    expect((await e.check({ nationality: "FR", destination: "TR", date: "2021-01-01" })).notes).toEqual([
      "Not established in the data: Not researched.",
      "Last established in the data: visa-free for up to 90 days within any 180-day period until 2020-01-01 (rule t.eu.free).",
    ]);
    expect((await e.check({ nationality: "JP", destination: "TR", date: "2021-01-01" })).notes).toEqual([
      "Not established in the data: Not researched.",
    ]);
  });
});

describe("the public types", () => {
  it("name what every method takes and returns, so callers can declare them", async () => {
    // Checked when the tests are typechecked (npm test): a type the package does not export fails.
    expectTypeOf(engine.best).returns.resolves.toEqualTypeOf<BestAnswer>();
    expectTypeOf(engine.destinations).returns.resolves.toEqualTypeOf<PassportOverview>();
    expectTypeOf(engine.changes).returns.toEqualTypeOf<Change[]>();
    expectTypeOf(engine.stay).parameter(0).toEqualTypeOf<StayQuery>();
    expectTypeOf(engine.stay).returns.resolves.toEqualTypeOf<StayResult>();
    const changes: Change[] = engine.changes({ from: "2024-01-01", to: "2024-12-31", nationality: "TJ" });
    expect(changes.map((c) => [c.date, c.destination, c.after.requirement])).toContainEqual(["2024-04-20", "TR", "visa-required"]);
  });
});

describe("an answer the sources leave open between a few requirements", () => {
  it("stays unknown and lists what the gap leaves open, most favourable first, in the sentence and the timeline", async () => {
    const rules = miniRules();
    rules["destinations/TR.json"]!["gaps"] = [
      { nationalities: ["JP"], from: "2020-01-01", until: "2021-01-01", reason: "The 2020 list was not found.", possible: ["visa-required", "e-visa"] },
      { nationalities: ["IN"], from: "2020-01-01", reason: "Not researched." },
    ];
    const e = await createEngine({ rules });
    const a = await e.check({ nationality: "JP", destination: "TR", date: "2020-06-01" });
    expect(a.requirement).toBe("unknown");
    expect(a.regime).toBeNull();
    expect(a.possible).toEqual(["e-visa", "visa-required"]);
    expect(a.explanation).toBe(
      "What you need to enter Türkiye on this date has not been established in the data: the sources leave open an e-visa or a visa from an embassy or consulate (the notes say what is missing); check with the authorities of Türkiye.",
    );
    const unknown = e.timeline({ nationality: "JP", destination: "TR" }).periods.find((p) => p.from === "2020-01-01")!;
    expect([unknown.requirement, unknown.possible]).toEqual(["unknown", ["e-visa", "visa-required"]]);
    // Only where the data records it, and never on a decided answer.
    expect((await e.check({ nationality: "IN", destination: "TR", date: "2020-06-01" })).possible).toBeUndefined();
    expect("possible" in (await e.check({ nationality: "JP", destination: "TR", date: "2021-06-01" }))).toBe(false);
  });

  it("refuses a list that decides nothing: one value, a repeat, or a requirement the data cannot declare", async () => {
    for (const possible of [["e-visa"], ["e-visa", "e-visa"], ["e-visa", "unknown"]]) {
      const rules = miniRules();
      rules["destinations/TR.json"]!["gaps"] = [{ nationalities: ["JP"], from: "2020-01-01", reason: "x", possible }];
      await expect(createEngine({ rules })).rejects.toMatchObject({ code: "INVALID_RULES" });
    }
  });
});

describe("a rule set to end", () => {
  // The mini dataset was released on 2020-01-01: from then every end in the data is known.
  const trial = (validUntil: string) => ({
    id: "t.us.trial",
    travellers: { nationalities: ["US"] },
    requirement: "visa-free",
    maxStay: { days: 30 },
    validFrom: "2019-06-01",
    validUntil,
    sources: [{ title: "Synthetic test source", url: "https://example.org/travel-rules-fixture", date: "2019-05-01" }],
  });

  it("warns, from the dataset's release on, when the deciding rule ends and says what follows", async () => {
    const rules = miniRules();
    (rules["destinations/TR.json"]!["regimes"] as unknown[]).push(trial("2021-01-01"));
    const e = await createEngine({ rules });
    const a = await e.check({ nationality: "US", destination: "TR", date: "2020-06-01" });
    expect(a.requirement).toBe("visa-free");
    expect(a.upcoming).toBeNull();
    expect(a.warnings).toEqual([
      "This rule applies until 2020-12-31, the last day its sources give; from 2021-01-01 the data answers visa-required (rule t.others.visa) unless it is extended.",
    ]);
    // Before the release the end may not have been known then: no warning (no hindsight).
    expect((await e.check({ nationality: "US", destination: "TR", date: "2019-12-31" })).warnings).toEqual([]);
    // A published change is announced as `upcoming` instead.
    const tj = await e.check({ nationality: "TJ", destination: "TR", date: "2024-04-10" });
    expect(tj.upcoming).not.toBeNull();
    expect(tj.warnings).toEqual([]);
  });

  it("says when what follows has not been established", async () => {
    const rules = miniRules();
    (rules["destinations/TR.json"]!["regimes"] as unknown[]).push(trial("2021-01-01"));
    rules["destinations/TR.json"]!["gaps"] = [{ nationalities: ["US"], from: "2021-01-01", reason: "No extension found." }];
    const e = await createEngine({ rules });
    expect((await e.check({ nationality: "US", destination: "TR", date: "2020-06-01" })).warnings).toEqual([
      "This rule applies until 2020-12-31, the last day its sources give; what applies from 2021-01-01 has not been established in the data.",
    ]);
  });

  it("stays silent when the next rule gives the same answer", async () => {
    const rules = miniRules();
    (rules["destinations/TR.json"]!["regimes"] as unknown[]).push(trial("2021-01-01"), {
      ...trial("2030-01-01"),
      id: "t.us.after",
      validFrom: "2021-01-01",
    });
    const e = await createEngine({ rules });
    expect((await e.check({ nationality: "US", destination: "TR", date: "2020-06-01" })).warnings).toEqual([]);
  });
});
