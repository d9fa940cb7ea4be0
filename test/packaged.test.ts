// Under Node the built package reads its rules one file at a time from dist/data/; everywhere
// else (and from the sources, as the other tests run) the bundled form answers. Both must give
// the same answers, sources included, and the built package must really take the per-file path.
import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/index.js";
import { scratchDirs } from "./helpers.js";

const DIST = new URL("../dist/", import.meta.url).pathname;
// Copies of dist/ live inside the project (test-results/ is ignored), so they find node_modules.
const SCRATCH = new URL("../test-results/", import.meta.url).pathname;
const scratch = scratchDirs(SCRATCH);
function copyOfDist(prefix: string): string {
  const dir = scratch(prefix);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

let bundled: Engine;
let packaged: Engine;
beforeAll(async () => {
  bundled = await createEngine();
  const built = (await import(join(DIST, "index.js"))) as { createEngine: () => Promise<Engine> };
  packaged = await built.createEngine();
});

describe("the built package's per-file rules", () => {
  it("answer as the bundled rules do, for every destination with rules", async () => {
    const dests = bundled.countries().filter((c) => c.hasRules).map((c) => c.code);
    expect(dests.length).toBeGreaterThan(50);
    for (const destination of dests)
      for (const nationality of ["TJ", "US", "CN", "IN", "NG", "GB", "GP", "BR"])
        for (const date of ["2014-06-01", "2019-03-15", "2024-05-01", "2026-11-27"]) {
          const q = { nationality, destination, date };
          expect(await packaged.check(q), `${nationality} → ${destination} on ${date}`).toEqual(await bundled.check(q));
        }
  });

  it("timelines agree too", () => {
    for (const destination of ["TR", "GB", "FR", "US", "TH"])
      expect(packaged.timeline({ nationality: "TJ", destination })).toEqual(bundled.timeline({ nationality: "TJ", destination }));
  });

  it("are what the CLI reads: it answers without loading the bundled rules", () => {
    // A copy of dist/ whose bundled rules chunk is replaced by one that throws when loaded.
    const dir = copyOfDist("packaged-");
    const chunk = spawnSync("sh", ["-c", `ls ${dir} | grep '^rules-.*\\.js$'`], { encoding: "utf8" }).stdout.trim();
    expect(chunk).not.toBe("");
    writeFileSync(join(dir, chunk), 'throw new Error("the bundled rules were loaded");\n');
    const r = spawnSync(process.execPath, [join(dir, "cli.js"), "check", "TJ", "TR", "2024-05-01"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^TJ → TR on 2024-05-01: visa-required/);
  });

  it("CommonJS loads the bundled rules only when the per-file copy cannot serve", () => {
    const dir = copyOfDist("cjs-");
    const script = `require(${JSON.stringify(join(dir, "index.cjs"))}).createEngine().then((e) => e.check({ nationality: "TJ", destination: "TR", date: "2024-05-01" })).then((a) => console.log(a.requirement, a.sources.length > 0))`;
    const run = () => spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    writeFileSync(join(dir, "rules.cjs"), 'throw new Error("the bundled rules were loaded");\n');
    expect(run().stdout.trim()).toBe("visa-required true");
    cpSync(join(DIST, "rules.cjs"), join(dir, "rules.cjs"));
    writeFileSync(join(dir, "data", "index.json"), JSON.stringify({ id: "another-build", files: [] }));
    expect(run().stdout.trim()).toBe("visa-required true");
  });

  it("are not used when they come from another build: the bundled rules answer", () => {
    const dir = copyOfDist("stale-");
    writeFileSync(join(dir, "data", "index.json"), JSON.stringify({ id: "another-build", files: [] }));
    const r = spawnSync(process.execPath, [join(dir, "cli.js"), "check", "TJ", "TR", "2024-05-01"], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^TJ → TR on 2024-05-01: visa-required/);
  });

  it("leave out the research logs answers never show, and keep what they do show", () => {
    const dataDir = join(DIST, "data");
    const { files } = JSON.parse(readFileSync(join(dataDir, "index.json"), "utf8")) as { files: string[] };
    let gaps = 0;
    for (const file of files.filter((f) => f.startsWith("destinations/") || f.startsWith("areas/"))) {
      const { file: content } = JSON.parse(readFileSync(join(dataDir, file), "utf8")) as {
        file: { notes?: unknown; gaps?: { reason: string; searched?: unknown }[]; regimes: unknown[] };
      };
      expect(content.notes, `${file}: file notes`).toBeUndefined();
      for (const gap of content.gaps ?? []) {
        expect(gap.searched, `${file}: a gap's searched log`).toBeUndefined();
        expect(gap.reason.length, `${file}: a gap's reason`).toBeGreaterThan(0);
        gaps++;
      }
    }
    expect(gaps).toBeGreaterThan(100);
    // The rules folder keeps them: the logs are for the next research pass.
    const th = JSON.parse(readFileSync(new URL("../rules/destinations/TH.json", import.meta.url), "utf8")) as {
      notes: string[];
      gaps: { searched?: string[] }[];
    };
    expect(th.notes.length).toBeGreaterThan(0);
    expect(th.gaps.some((g) => (g.searched ?? []).length > 0)).toBe(true);
    // The bundled form, for browsers and CommonJS, is cut the same way.
    for (const chunk of readdirSync(DIST).filter((f) => /^rules.*\.(js|cjs)$/.test(f)))
      expect(readFileSync(join(DIST, chunk), "utf8").includes('"searched":'), chunk).toBe(false);
  });
});
