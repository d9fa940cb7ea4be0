// Prints why the engine refused a dataset (each validation issue, or the error's message), for the
// data scripts; returns how many problems it printed. Anything but the library's errors is rethrown.
import { isTravelRulesError } from "../../src/index.js";

export function reportInvalid(e: unknown, label: string): number {
  if (!isTravelRulesError(e)) throw e;
  const issues = "issues" in e ? (e.issues as { file: string; path: (string | number)[]; message: string }[]) : [];
  for (const i of issues) console.log(`${i.file}: ${i.path.join(".")}: ${i.message}`);
  if (!issues.length) console.log(`${label}: ${e.message}`);
  return Math.max(1, issues.length);
}
