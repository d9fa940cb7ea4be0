import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { unknownsBetween } from "./lib/unknowns.js";
const engine = await createEngine({ rules: readRulesDir("/work/main/rules") });
for (const d of process.argv.slice(2)) console.log(d, unknownsBetween(engine, d, "2014-01-01", "2026-11-27").join(" "));
