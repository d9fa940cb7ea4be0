// Reads a rules folder into RuleFiles for the CLI. Refuses what a hostile folder could use:
// links that lead outside the folder, oversized files, and anything that is not JSON.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { InvalidRulesError, type RuleIssue } from "../errors.js";
import { MAX_RULE_FILE_BYTES, type RuleFiles } from "../impl/load.js";

export function readRulesDir(dir: string): RuleFiles {
  const issues: RuleIssue[] = [];
  const files: Record<string, unknown> = {};
  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) throw new Error("not a folder");
  } catch {
    throw new InvalidRulesError([{ file: dir, path: [], message: "not a readable folder" }]);
  }
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs).sort()) {
      const path = join(abs, entry);
      const rel = relative(root, path).split(sep).join("/");
      const link = lstatSync(path).isSymbolicLink();
      let real: string;
      try {
        real = realpathSync(path);
      } catch {
        issues.push({ file: rel, path: [], message: "a link that leads nowhere" });
        continue;
      }
      if (link && relative(root, real).startsWith("..")) {
        issues.push({ file: rel, path: [], message: "a link that points outside the rules folder" });
        continue;
      }
      const st = statSync(real);
      if (st.isDirectory()) {
        walk(path);
        continue;
      }
      if (!entry.endsWith(".json")) continue;
      if (rel.startsWith("schema/")) continue;
      if (st.size > MAX_RULE_FILE_BYTES) {
        issues.push({ file: rel, path: [], message: `larger than ${MAX_RULE_FILE_BYTES} bytes` });
        continue;
      }
      try {
        files[rel] = JSON.parse(readFileSync(real, "utf8"));
      } catch (e) {
        issues.push({ file: rel, path: [], message: `not valid JSON: ${(e as Error).message}` });
      }
    }
  };
  walk(root);
  if (issues.length) throw new InvalidRulesError(issues);
  return files;
}
