// The CLI's country names (src/impl/names.ts): every name it knows leads to its country, codes
// pass through, and what is not a country is refused with a suggestion, never guessed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";
import { COUNTRY_NAMES } from "../src/generated/country-names.js";
import { CountryNames, normalName as key } from "../src/impl/names.js";
import { isTravelRulesError } from "../src/errors.js";

const engine = await createEngine();
const names = new CountryNames(engine.countries());
const owners = new Map<string, Set<string>>();
for (const [code, list] of Object.entries(COUNTRY_NAMES))
  for (const n of list) owners.set(key(n), (owners.get(key(n)) ?? new Set()).add(code));

describe("country names in the CLI", () => {
  it("every name of every country leads to that country, unless another country has it too", () => {
    for (const [code, list] of Object.entries(COUNTRY_NAMES))
      for (const n of list) {
        if (owners.get(key(n))!.size > 1) expect(() => names.resolve(n, "destination")).toThrow(/ambiguous/);
        else expect(names.resolve(n, "destination")).toBe(code);
      }
  });

  it("codes pass through as typed, in any case, for the engine to check", () => {
    for (const c of engine.countries()) {
      expect(names.resolve(c.code.toLowerCase(), "nationality")).toBe(c.code.toLowerCase());
      expect(names.resolve(c.alpha3, "nationality")).toBe(c.alpha3);
    }
  });

  it("case, accents, punctuation and a leading 'the' do not matter", () => {
    expect(names.resolve("  CÔTE D'IVOIRE ", "destination")).toBe("CI");
    expect(names.resolve("the netherlands", "destination")).toBe("NL");
    expect(names.resolve("U.S.A.", "destination")).toBe("US");
    expect(names.resolve("bosnia & herzegovina", "destination")).toBe("BA");
  });

  it("anything else is refused as UNKNOWN_COUNTRY, never resolved to a guess", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), (text) => {
        let code: string | undefined;
        try {
          code = names.resolve(text, "destination");
        } catch (e) {
          expect(isTravelRulesError(e) && e.code === "UNKNOWN_COUNTRY").toBe(true);
          return;
        }
        // Resolved: the text was a code or one country's name.
        const known = engine.countries().some((c) => c.code === text.trim().toUpperCase() || c.alpha3 === text.trim().toUpperCase());
        expect(known || owners.get(key(text))?.has(code) === true).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
