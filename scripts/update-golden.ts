// Rewrites test/fixtures/golden/*.txt from the current rules. Review the diff before committing.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createEngine } from "../src/index.js";
import { goldenFor, GOLDEN_DIR } from "../test/golden.js";

const rules = new URL("../rules/", import.meta.url);
const files: Record<string, unknown> = {};
const { readRulesDir } = await import("../src/node/read-rules.js");
Object.assign(files, readRulesDir(rules.pathname));
const engine = await createEngine({ rules: files });
const { released } = JSON.parse(readFileSync(new URL("dataset.json", rules), "utf8")) as { released: string };
mkdirSync(GOLDEN_DIR, { recursive: true });
for (const c of engine.countries().filter((x) => x.hasRules)) {
  writeFileSync(new URL(`${c.code}.txt`, GOLDEN_DIR), await goldenFor(engine, c.code, Number(released.slice(0, 4))));
  console.log(`golden ${c.code}`);
}
