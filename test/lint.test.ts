// Data lint over the shipped rules/: what the schema cannot say but reviewers rely on.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { citedItems, type Cited } from "../src/impl/load.js";
import { readFolder } from "./helpers.js";

const rules = readFolder(new URL("../rules/", import.meta.url).pathname);
const news = readFileSync(new URL("../NEWS.md", import.meta.url), "utf8");
type Source = { title: string; url?: string; readAt?: string; note?: string };
type Regime = { id: string; travellers: unknown; conditions?: unknown; at?: string[]; validFrom: string; notes?: string[]; sources: Source[] };
// How research passes tag their notes ("Audit (2026-11-27, sixth session, 'x' helper): ...", "the
// seventh-session stay audit", "added in this pass"): fine in file notes and gaps' `searched` logs, which answers never show,
// but not in regime notes or gap reasons, which every answer citing them prints.
const researchTag = /\(\d{4}-\d{2}-\d{2}, \w+ session|\b(?:first|second|third|\w+th)[- ]session\b|\bhelpers?\b|\bthis session\b|\bverification pass(?:es)?\b|\b(?:this|earlier|previous|later|first|second|third) pass(?:es)?\b/i;
// What the data used to answer and how it was researched ("Correction: the stay was given as 30
// days", "the brief's rule", "fourth pass"): history for NEWS.md, not for every answer.
const dataHistory = /[Cc]orrection: |\bthe brief\b|\b(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth) pass\b|\bthis check\b|[Aa]dded in the audit|\ban earlier version\b|\bearlier review\b/;
const policies = Object.entries(rules).filter(([f]) => f.startsWith("destinations/") || f.startsWith("areas/"));

describe.each(policies)("%s", (file, content) => {
  const regimes = content["regimes"] as Regime[];

  it("has regimes for the same travellers in the order of their dates", () => {
    const last = new Map<string, Regime>();
    for (const r of regimes) {
      const key = JSON.stringify([r.travellers, r.conditions ?? null, r.at ?? null]);
      const prev = last.get(key);
      if (prev) expect(r.validFrom > prev.validFrom, `${r.id} comes after ${prev.id} but starts earlier`).toBe(true);
      last.set(key, r);
    }
  });

  it("cites an https source in every regime", () => {
    for (const r of regimes) expect(r.sources.some((s) => s.url?.startsWith("https://")), r.id).toBe(true);
  });

  it("keeps research-process tags out of what answers show (regime notes, gap reasons)", () => {
    for (const r of regimes) for (const note of r.notes ?? []) expect(note, r.id).not.toMatch(researchTag);
    for (const gap of (content["gaps"] as { reason: string }[] | undefined) ?? []) expect(gap.reason).not.toMatch(researchTag);
  });

  it("keeps the data's own history out of what answers show", () => {
    for (const r of regimes) for (const note of r.notes ?? []) expect(note, r.id).not.toMatch(dataHistory);
    for (const gap of (content["gaps"] as { reason: string }[] | undefined) ?? []) expect(gap.reason).not.toMatch(dataHistory);
  });

  it("gives the plain-http address a url-less source was read at in readAt, where its note names one", () => {
    for (const s of citedItems(content as Cited).flatMap((c) => c.sources as Source[])) if (s.url === undefined && s.readAt === undefined) expect(s.note ?? "", s.title).not.toMatch(/\bhttp:\/\/\S/);
  });

  it("has a NEWS.md entry for its current revision", () => {
    expect(news).toContain(`${file} revision ${content["revision"] as number}`);
  });
});
