// Invalid rule data is refused with every problem listed at once: file, JSON path, message.
import { describe, expect, it } from "vitest";
import { createEngine, InvalidRulesError, type RuleFiles } from "../src/index.js";
import { miniRules } from "./helpers.js";

type Files = ReturnType<typeof miniRules>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function issues(edit: (files: Files) => void): Promise<InvalidRulesError["issues"]> {
  const files = miniRules();
  edit(files);
  try {
    await createEngine({ rules: files as RuleFiles });
  } catch (e) {
    if (e instanceof InvalidRulesError) return e.issues;
    throw e;
  }
  throw new Error("the rules were accepted");
}

const tr = (f: Files): Json => f["destinations/TR.json"] as Json;

describe("rule files", () => {
  it("the fixture is valid", async () => {
    await expect(createEngine({ rules: miniRules() })).resolves.toBeDefined();
  });

  it("unknown keys are errors, so typos cannot pass silently", async () => {
    expect(
      await issues((f) => {
        tr(f).regimes[0].validFrm = "2013-01-01";
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "Unrecognized key: "validFrm"",
          "path": [
            "regimes",
            0,
          ],
        },
      ]
    `);
  });

  it("every problem is listed at once, each with its file and path", async () => {
    expect(
      await issues((f) => {
        tr(f).regimes[1].requirement = "visa-maybe";
        tr(f).regimes[2].validFrom = "2015-02-30";
        tr(f).regimes[3].sources = [{ title: "x", url: "http://example.org", date: "2020-01-01" }];
        (f["groups/EU.json"] as Json).members[0].country = "ZZ";
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "Invalid option: expected one of "free-movement"|"visa-free"|"eta"|"visa-on-arrival"|"e-visa"|"visa-required"|"no-admission"",
          "path": [
            "regimes",
            1,
            "requirement",
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "not a real calendar date",
          "path": [
            "regimes",
            2,
            "validFrom",
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "expected an https URL",
          "path": [
            "regimes",
            3,
            "sources",
            0,
            "url",
          ],
        },
        {
          "file": "groups/EU.json",
          "message": "unknown country code ZZ",
          "path": [
            "members",
            0,
            "country",
          ],
        },
      ]
    `);
  });

  it("an empty period is a schema error, reported before the cross-file checks", async () => {
    expect(
      await issues((f) => {
        tr(f).regimes[5].validUntil = "2014-01-01";
        tr(f).regimes[2].travellers = { groups: ["MERCOSUR"] };
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "validUntil must be after validFrom",
          "path": [
            "regimes",
            5,
            "validUntil",
          ],
        },
      ]
    `);
  });

  it("a plain-http address goes in readAt, only for a source without an https url", async () => {
    const found = await issues((f) => {
      const s = tr(f).regimes[3].sources;
      s.push({ title: "A", date: "2024-01-01", readAt: "https://example.org/a" });
      s.push({ title: "B", date: "2024-01-01", url: "https://example.org/b", readAt: "http://example.org/b" });
      s.push({ title: "C", date: "2024-01-01" });
    });
    expect(found.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "regimes.3.sources.1.readAt: expected a plain-http URL (an https address goes in url)",
      "regimes.3.sources.2.readAt: a source with an https url needs no readAt",
      "regimes.3.sources.3.url: a source without url needs readAt (the plain-http address it was read at) or a note saying it was not read online",
    ]);
    // and a source read at a plain-http address, with no url and no note, is valid
    await expect(
      createEngine({
        rules: (() => {
          const files = miniRules();
          tr(files).regimes[3].sources.push({ title: "D", date: "2024-01-01", readAt: "http://example.org/d" });
          return files as RuleFiles;
        })(),
      }),
    ).resolves.toBeDefined();
  });

  it("cross-file checks: unknown codes and groups, duplicate ids, overlaps", async () => {
    expect(
      await issues((f) => {
        const r = tr(f).regimes;
        r[4].travellers = { nationalities: ["IN", "QQ"] };
        r[2].travellers = { groups: ["MERCOSUR"] };
        r[7].id = "t.tj.30";
        r[8].validFrom = "2024-04-19";
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "unknown group MERCOSUR",
          "path": [
            "regimes",
            2,
            "travellers",
            "groups",
            0,
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "unknown country code QQ",
          "path": [
            "regimes",
            4,
            "travellers",
            "nationalities",
            1,
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "id t.tj.30 is not unique (also in destinations/TR.json)",
          "path": [
            "regimes",
            7,
            "id",
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "overlaps t.tj.30 in time for TJ under the same conditions",
          "path": [
            "regimes",
            8,
          ],
        },
      ]
    `);
  });

  it("a territory answered through another country's passports cannot be listed, nor a place with no nationals", async () => {
    expect(
      await issues((f) => {
        tr(f).regimes[4].travellers = { nationalities: ["IN", "GP"] };
        tr(f).gaps = [{ nationalities: ["AQ"], from: "2020-01-01", reason: "x" }];
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "GP's people travel on passports of FR, and are answered as FR: list FR",
          "path": [
            "regimes",
            4,
            "travellers",
            "nationalities",
            1,
          ],
        },
        {
          "file": "destinations/TR.json",
          "message": "the data knows no passport of AQ: list the nationality of the passport its people hold",
          "path": [
            "gaps",
            0,
            "nationalities",
            0,
          ],
        },
      ]
    `);
  });

  it("a territory answered as another country must say why: sources, or a note where nobody lives", async () => {
    const gp = (f: Files): Json => (f["countries.json"] as Json).countries.find((c: Json) => c.code === "GP");
    // One issue, naming the entry: the codes other files use are not reported again as unknown
    // because the refused list could not define them.
    const found = await issues((f) => {
      delete gp(f).passportSources;
    });
    expect(found).toEqual([
      {
        file: "countries.json",
        path: ["countries", expect.any(Number), "passportSources"],
        message: "a territory answered as another country needs passportSources (or, with no permanent population, a passportNote)",
      },
    ]);
    const noted = miniRules();
    delete gp(noted).passportSources;
    gp(noted).passportNote = "No permanent population.";
    await expect(createEngine({ rules: noted as RuleFiles })).resolves.toBeDefined();
  });

  it("a missing countries.json is one issue, not one per code the other files use", async () => {
    expect(
      await issues((f) => {
        delete f["countries.json"];
      }),
    ).toEqual([{ file: "countries.json", path: [], message: "missing: every rules folder needs countries.json" }]);
  });

  it("the default must cover every date from since", async () => {
    expect(
      await issues((f) => {
        tr(f).regimes[0].validUntil = "2020-01-01";
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "file": "destinations/TR.json",
          "message": "no unconditional regime for "others" from 2020-01-01: every nationality needs an answer on every date since 2013-01-01",
          "path": [
            "regimes",
          ],
        },
      ]
    `);
  });

  it("a file's name must match its content, and unknown files are refused", async () => {
    const found = await issues((f) => {
      f["destinations/TJ.json"] = { ...tr(f) };
      f["notes.json"] = {};
    });
    expect(found.map((i) => `${i.file}: ${i.message}`)).toEqual([
      "notes.json: not a rule file: expected dataset.json, countries.json, groups/X.json, areas/X.json or destinations/XX.json",
      "destinations/TJ.json: does not match the file name (expected destinations/TR.json)",
      "destinations/TJ.json: TR is also the destination of destinations/TR.json",
    ]);
  });
});

describe("conditions are data only", () => {
  const withCondition = (leaf: Json) => (f: Files) => {
    tr(f).regimes[5].conditions = { all: [leaf] };
  };

  it("a JSONPath `path` is refused", async () => {
    const found = await issues(withCondition({ fact: "visas", operator: "contains", value: "US", path: "$..x" }));
    expect(found[0]).toMatchObject({ file: "destinations/TR.json", message: expect.stringMatching(/path/) });
  });

  it("an operator outside the documented set is refused", async () => {
    const found = await issues(withCondition({ fact: "visas", operator: "eval", value: "US" }));
    expect(found[0]?.file).toBe("destinations/TR.json");
    expect(found[0]?.message).toMatch(/Invalid/);
  });

  it("a fact outside the documented set is refused", async () => {
    const found = await issues(withCondition({ fact: "process", operator: "equal", value: "x" }));
    expect(found[0]?.file).toBe("destinations/TR.json");
  });

  it("a file larger than 2 MiB is refused, naming it", async () => {
    const found = await issues((f) => {
      tr(f).notes = ["x".repeat(2 * 1024 * 1024)];
    });
    expect(found).toEqual([{ file: "destinations/TR.json", path: [], message: "larger than 2097152 bytes" }]);
  });

  it("a __proto__ or constructor key is refused", async () => {
    const proto = await issues((f) => {
      tr(f).regimes[0] = JSON.parse(JSON.stringify(tr(f).regimes[0]).replace(/^\{/, '{"__proto__":{"polluted":1},'));
    });
    expect(proto[0]).toMatchObject({ file: "destinations/TR.json", message: expect.stringMatching(/__proto__/) });
    expect(({} as Json).polluted).toBeUndefined();
    const ctor = await issues((f) => {
      Object.defineProperty(tr(f), "constructor", { value: { x: 1 }, enumerable: true });
    });
    expect(ctor[0]).toMatchObject({ file: "destinations/TR.json", message: expect.stringMatching(/constructor/) });
  });
});

describe("a member's own exception in an area file (`at`)", () => {
  it("`at` is checked: area files only (the schema), members only, overlaps only where both apply", async () => {
    const area = (f: Files): Json => f["areas/SCHENGEN.json"] as Json;
    const src = [{ title: "x", url: "https://example.org", date: "2020-01-01" }];
    const exception = (id: string, at: string[]) => ({
      id,
      at,
      travellers: { nationalities: ["US"] },
      requirement: "visa-required",
      maxStay: null,
      validFrom: "2020-01-01",
      sources: src,
    });
    const found = await issues((f) => {
      tr(f).regimes[1].at = ["FR"];
      area(f).regimes.push(exception("s.x1", ["FR", "ES"]), exception("s.x2", ["DE", "FR"]), exception("s.x3", ["HR"]));
    });
    expect(found.map((i) => `${i.file} ${i.path.join(".")}: ${i.message}`)).toEqual([
      'destinations/TR.json regimes.1: Unrecognized key: "at"',
      "areas/SCHENGEN.json regimes.3.at.1: ES is not a member of this area",
      "areas/SCHENGEN.json regimes.4: overlaps s.x1 in time for US under the same conditions",
    ]);
  });

  it("a default that applies at some members only does not cover the others' days", async () => {
    const found = await issues((f) => {
      const a = f["areas/SCHENGEN.json"] as Json;
      const others = a.regimes.find((r: Json) => r.travellers === "others");
      others.at = ["DE"];
    });
    expect(found.map((i) => i.message)).toContainEqual(expect.stringMatching(/no unconditional regime for "others" from 2013-01-01/));
  });
});
