import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll } from "vitest";
import type { RuleFiles } from "../src/index.js";

export const MINI = new URL("./fixtures/mini/", import.meta.url).pathname;

/** Reads a rules folder into a mutable map, for tests that break it on purpose. */
export function readFolder(dir: string): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const walk = (d: string): void => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith(".json")) out[relative(dir, p)] = JSON.parse(readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

export function miniRules(): Record<string, Record<string, unknown>> & RuleFiles {
  return readFolder(MINI);
}

/**
 * Makes scratch folders under `parent`, removed after the tests of the suite (or file) that
 * called it: copies of the rules or of dist/ would otherwise pile up run after run.
 */
export function scratchDirs(parent: string): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    mkdirSync(parent, { recursive: true });
    const dir = mkdtempSync(join(parent, prefix));
    made.push(dir);
    return dir;
  };
}

/** The day before a YYYY-MM-DD date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
