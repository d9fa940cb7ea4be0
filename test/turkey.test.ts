// The embedded rules for Turkey and Tajikistan: the history the project was created for, and
// every boundary of every regime (the day before and the day of).
import { beforeAll, describe, expect, it } from "vitest";
import { createEngine, type Engine } from "../src/index.js";
import { readFolder } from "./helpers.js";

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

const check = (nationality: string, destination: string, date: string, facts = {}) =>
  engine.check({ nationality, destination, date, ...facts });

describe("Tajik citizens entering Turkey", () => {
  it("are visa-free for 30 days per stay, at most 90 within 180 (Law No. 6458), on 2016-06-01", async () => {
    const a = await check("TJ", "TR", "2016-06-01");
    expect(a.requirement).toBe("visa-free");
    expect(a.maxStay).toEqual({ days: 90, withinDays: 180, perStay: 30 });
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it("are visa-free for 90 days within 180 on 2019-06-01, after Presidential Decision No. 327", async () => {
    const a = await check("TJ", "TR", "2019-06-01");
    expect(a.requirement).toBe("visa-free");
    expect(a.maxStay).toEqual({ days: 90, withinDays: 180 });
    expect(a.notes.join(" ")).toMatch(/327/);
  });

  it("gain the 90-day stay on the day Decision No. 327 was published (2018-11-11)", async () => {
    expect((await check("TJ", "TR", "2018-11-10")).maxStay).toEqual({ days: 90, withinDays: 180, perStay: 30 });
    expect((await check("TJ", "TR", "2018-11-11")).maxStay).toEqual({ days: 90, withinDays: 180 });
  });

  it("are still admitted visa-free during the grace period of April 2024, and told it ends", async () => {
    const a = await check("TJ", "TR", "2024-04-19");
    expect(a.requirement).toBe("visa-free");
    expect(a.upcoming).toMatchObject({ date: "2024-04-20", requirement: "visa-required", inForce: "2024-04-06" });
    // Before the decree was published nothing was announced.
    expect((await check("TJ", "TR", "2024-04-05")).upcoming).toBeNull();
  });

  it("need a visa from a Turkish mission on 2024-05-01, with sources", async () => {
    const a = await check("TJ", "TR", "2024-05-01");
    expect(a.requirement).toBe("visa-required");
    expect(a.sources.every((s) => s.url === undefined || s.url.startsWith("https://"))).toBe(true);
    expect(a.sources.some((s) => s.url)).toBe(true);
    expect((await check("TJ", "TR", "2024-04-20")).requirement).toBe("visa-required");
  });

  it("with a diplomatic passport remain visa-free after April 2024", async () => {
    const a = await check("TJ", "TR", "2024-05-01", { passport: "diplomatic" });
    expect(a.requirement).toBe("visa-free");
    expect(a.condition).toMatch(/diplomatic/);
  });
});

describe("Turkish citizens entering Tajikistan", () => {
  it("are visa-free for 30 days in 2023 and need a visa from 2024-04-20", async () => {
    expect((await check("TR", "TJ", "2023-06-01")).requirement).toBe("visa-free");
    expect((await check("TR", "TJ", "2024-04-19")).requirement).toBe("visa-free");
    expect((await check("TR", "TJ", "2024-04-20")).requirement).toBe("visa-required");
  });
});

describe("Indian citizens entering Turkey", () => {
  it("need a visa, or an e-Visa as tourists or business visitors holding a US, UK, Irish or Schengen visa", async () => {
    const bare = await check("IN", "TR", "2024-05-01");
    expect(bare.requirement).toBe("visa-required");
    expect(bare.alternatives[0]).toMatchObject({ requirement: "e-visa" });
    const us = await check("IN", "TR", "2024-05-01", { purpose: "tourism", holds: [{ kind: "visa", country: "US" }] });
    expect(us.requirement).toBe("e-visa");
    const de = await check("IN", "TR", "2024-05-01", { purpose: "business", holds: [{ kind: "residence-permit", country: "DE" }] });
    expect(de.requirement).toBe("e-visa");
    const jp = await check("IN", "TR", "2024-05-01", { purpose: "tourism", holds: [{ kind: "visa", country: "JP" }] });
    expect(jp.requirement).toBe("visa-required");
    // The e-Visa is for tourism and business: without the purpose it stays an alternative, and a
    // student is not offered it at all.
    const noPurpose = await check("IN", "TR", "2024-05-01", { holds: [{ kind: "visa", country: "US" }] });
    expect([noPurpose.requirement, noPurpose.alternatives[0]?.requirement]).toEqual(["visa-required", "e-visa"]);
    const study = await check("IN", "TR", "2024-05-01", { purpose: "study", holds: [{ kind: "visa", country: "US" }] });
    expect([study.requirement, study.alternatives]).toEqual(["visa-required", []]);
  });
});

describe("nationalities not researched yet", () => {
  it("answer unknown with a note, never the default", async () => {
    const rules = readFolder(new URL("../rules/", import.meta.url).pathname);
    const gaps = (rules["destinations/TR.json"]!["gaps"] ?? []) as { nationalities: string[]; from: string }[];
    for (const g of gaps) {
      const a = await check(g.nationalities[0]!, "TR", g.from);
      expect(a.requirement).toBe("unknown");
      expect(a.notes[0]).toMatch(/^Not established in the data: /);
    }
  });
});
