// The nationality-pass tool (scripts/lib/patch.ts): what it does to a destination file's regimes
// and gaps decides whether a partly researched passport answers unknown or a guess.
import { describe, expect, it } from "vitest";
import type { DestinationFile } from "../src/impl/schema.js";
import { applyEntry, covered } from "../scripts/lib/patch.js";

const source = { title: "t", url: "https://example.org/a", date: "2020-01-01" };

function file(): DestinationFile {
  return {
    destination: "XX" as string,
    revision: 1,
    reviewed: "2026-11-27",
    since: "2014-01-01",
    regimes: [
      { id: "xx.gb.visa-free.2014-01-01", travellers: { nationalities: ["GB"] }, requirement: "visa-free", maxStay: { days: 90 }, validFrom: "2014-01-01", sources: [source] },
      { id: "xx.others.visa-required.2014-01-01", travellers: "others", requirement: "visa-required", maxStay: null, validFrom: "2014-01-01", sources: [source] },
    ],
    gaps: [{ nationalities: ["BM", "KY"], from: "2014-01-01", reason: "not established" }],
  } as DestinationFile;
}

describe("a nationality pass", () => {
  it("extends an existing regime and takes the nationality out of a gap its regimes now cover", () => {
    const f = file();
    const errors = applyEntry(f, {
      destination: "XX",
      extend: [{ regimeIds: ["xx.gb.visa-free.2014-01-01"], nationalities: ["BM"], sources: [source], note: "BM passports share it" }],
      fileNote: "pass",
    });
    expect(errors).toEqual([]);
    const gb = f.regimes[0]!;
    expect(gb.travellers !== "others" && gb.travellers.nationalities).toEqual(["GB", "BM"]);
    expect(gb.sources).toHaveLength(2);
    expect(gb.notes).toEqual(["BM passports share it"]);
    expect(f.gaps?.[0]?.nationalities).toEqual(["KY"]);
    expect(f.notes).toEqual(["pass"]);
  });

  it("keeps the gap where a new regime covers only part of its period", () => {
    const f = file();
    applyEntry(f, {
      destination: "XX",
      add: [{ id: "xx.ky.visa-free.2019-01-01", travellers: { nationalities: ["KY"] }, requirement: "visa-free", maxStay: null, validFrom: "2019-01-01", sources: [source] }],
      fileNote: "pass",
    });
    expect(f.gaps?.[0]?.nationalities).toEqual(["BM", "KY"]);
  });

  it("drops an emptied gap, and a conditional regime never covers", () => {
    const f = file();
    applyEntry(f, {
      destination: "XX",
      add: [
        { id: "xx.bm.e-visa.2014-01-01", travellers: { nationalities: ["BM"] }, requirement: "e-visa", maxStay: null, validFrom: "2014-01-01", sources: [source], conditions: { all: [{ fact: "age", operator: "lessThan", value: 18 }] }, conditionText: "minors" },
      ],
      removeFromGaps: ["KY"],
      fileNote: "pass",
    });
    expect(f.gaps?.[0]?.nationalities).toEqual(["BM"]);
    const g = file();
    applyEntry(g, { destination: "XX", removeFromGaps: ["BM", "KY"], fileNote: "default is right" });
    expect(g.gaps).toBeUndefined();
  });

  it("reports a missing regime, a regime that lists no nationalities and a reused id", () => {
    const f = file();
    const errors = applyEntry(f, {
      destination: "XX",
      extend: [{ regimeIds: ["xx.nope", "xx.others.visa-required.2014-01-01"], nationalities: ["BM"], sources: [source], note: "n" }],
      add: [{ ...f.regimes[0]! }],
      fileNote: "pass",
    });
    expect(errors).toEqual([
      "XX: no regime xx.nope",
      "XX: xx.others.visa-required.2014-01-01 does not list nationalities",
      "XX: duplicate id xx.gb.visa-free.2014-01-01",
    ]);
  });

  it("covers a period only without holes between regimes", () => {
    const r = (from: string, until?: string) =>
      ({ id: `x.${from}`, travellers: { nationalities: ["KY"] }, requirement: "visa-free", maxStay: null, validFrom: from, ...(until && { validUntil: until }), sources: [source] }) as DestinationFile["regimes"][number];
    expect(covered([r("2014-01-01", "2018-01-01"), r("2018-01-01")], "KY", "2014-01-01", "9999-12-31")).toBe(true);
    expect(covered([r("2014-01-01", "2018-01-01"), r("2018-02-01")], "KY", "2014-01-01", "9999-12-31")).toBe(false);
    expect(covered([r("2015-01-01")], "KY", "2014-01-01", "9999-12-31")).toBe(false);
    expect(covered([r("2014-01-01", "2016-01-01")], "KY", "2014-01-01", "2016-01-01")).toBe(true);
  });
});
