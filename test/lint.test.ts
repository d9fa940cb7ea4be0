// Data lint over the shipped rules/: what the schema cannot say but reviewers rely on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readFolder } from "./helpers.js";

const rules = readFolder(new URL("../rules/", import.meta.url).pathname);
const news = readFileSync(new URL("../NEWS.md", import.meta.url), "utf8");
type Regime = { id: string; travellers: unknown; conditions?: unknown; validFrom: string; sources: { url?: string }[] };
const policies = Object.entries(rules).filter(([f]) => f.startsWith("destinations/") || f.startsWith("areas/"));

describe.each(policies)("%s", (file, content) => {
  const regimes = content["regimes"] as Regime[];

  it("has regimes for the same travellers in the order of their dates", () => {
    const last = new Map<string, Regime>();
    for (const r of regimes) {
      const key = JSON.stringify([r.travellers, r.conditions ?? null]);
      const prev = last.get(key);
      if (prev) expect(r.validFrom > prev.validFrom, `${r.id} comes after ${prev.id} but starts earlier`).toBe(true);
      last.set(key, r);
    }
  });

  it("cites an https source in every regime", () => {
    for (const r of regimes) expect(r.sources.some((s) => s.url?.startsWith("https://")), r.id).toBe(true);
  });

  it("has a NEWS.md entry for its current revision", () => {
    expect(news).toContain(`${file} revision ${content["revision"] as number}`);
  });
});
