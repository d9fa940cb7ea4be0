import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../src/index.js";
import { goldenFor, GOLDEN_DIR } from "./golden.js";

const engine = await createEngine();
const released = JSON.parse(readFileSync(new URL("../rules/dataset.json", import.meta.url), "utf8")).released as string;

describe("golden answers (regenerate with `npm run golden` and review the diff)", () => {
  for (const { code } of engine.countries().filter((c) => c.hasRules)) {
    it(`${code} answers as recorded in test/fixtures/golden/${code}.txt`, async () => {
      const file = new URL(`${code}.txt`, GOLDEN_DIR);
      expect(existsSync(file), `missing golden file for ${code}: run npm run golden`).toBe(true);
      expect(await goldenFor(engine, code, Number(released.slice(0, 4)))).toBe(readFileSync(file, "utf8"));
    });
  }
});
