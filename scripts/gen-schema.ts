// Writes schema/*.schema.json from the zod schema, so editors validate rule files as people type.
import { mkdirSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { FILE_SCHEMAS } from "../src/impl/schema.js";

const dir = new URL("../schema/", import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [kind, schema] of Object.entries(FILE_SCHEMAS)) {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
  const out = { ...json, title: `travel-rules ${kind} file` };
  writeFileSync(new URL(`${kind}.schema.json`, dir), JSON.stringify(out, null, 2) + "\n");
}
console.log(`wrote ${Object.keys(FILE_SCHEMAS).length} schemas`);
