// npm run diff-answers -- [git-ref] [--to YYYY-MM-DD] [--list]
// Compares the answers of the working rules/ with those of rules/ at a git ref (default HEAD),
// for every nationality and destination from 2014-01-01 to --to (default today): which pairs'
// requirement or stay changed on some day, which gained or lost an answer, and what changed on
// --to itself. For reviewing a data change before it lands (NEWS.md's figures come from it).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { createEngine } from "../src/index.js";
import { readRulesDir } from "../src/node/read-rules.js";
import { diffAnswers } from "./lib/diff.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { to: { type: "string" }, list: { type: "boolean", default: false } },
});
const ref = positionals[0] ?? "HEAD";
const to = values.to ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) {
  console.error(`--to must be YYYY-MM-DD, got ${to}`);
  process.exit(2);
}
const root = new URL("../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "travel-rules-diff-"));
try {
  let tar: Buffer;
  try {
    tar = execFileSync("git", ["archive", ref, "rules"], { cwd: root, maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    console.error(`cannot read rules/ at ${ref} (not a git ref of this repository?)`);
    process.exit(2);
  }
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  const before = await createEngine({ rules: readRulesDir(join(dir, "rules")) });
  const after = await createEngine({ rules: readRulesDir(join(root, "rules")) });
  const changes = diffAnswers(before, after, "2014-01-01", to);
  const count = (f: (c: (typeof changes)[number]) => boolean) => changes.filter(f).length;
  console.log(`rules/ against ${ref}, 2014-01-01 to ${to}, pairs whose answers changed on some day:`);
  console.log(`  requirement ${count((c) => c.requirement)}, stay ${count((c) => c.stay)}, answer gained ${count((c) => c.gained)}, answer lost ${count((c) => c.lost)}`);
  const onTo = changes.filter((c) => c.on);
  console.log(`on ${to}: ${onTo.length} pairs answer differently`);
  if (values.list) {
    for (const c of changes) {
      const kinds = (["requirement", "stay", "gained", "lost"] as const).filter((k) => c[k]).join(",");
      console.log(`${c.nationality} -> ${c.destination}  ${kinds}${c.on ? `  on ${to}: ${c.on.before} -> ${c.on.after}` : ""}`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
