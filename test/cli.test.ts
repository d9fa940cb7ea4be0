// The CLI spawned as a user runs it: the built dist/cli.js, real processes, real exit codes.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MINI, scratchDirs } from "./helpers.js";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("travel-rules check", () => {
  it("a Tajik citizen entering Turkey on 2024-05-01 needs a visa, and is told why", () => {
    const r = run(["check", "TJ", "TR", "2024-05-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TJ → TR on 2024-05-01: visa-required/);
    expect(r.stdout).toMatch(/Sources:\n\s+- .+https:\/\//);
    expect(r.stdout).toMatch(/Rule: tr\.tj\./);
    expect(r.stderr).toBe("");
  });

  it("prints addresses readably, decoding letters of other scripts, and keeps them as stored in --json", () => {
    const r = run(["timeline", "TJ", "TR"]);
    expect(r.stdout).toContain("<https://vm.ru/news/1127697-tranzit-dlya-grazhdan-tadzhikistana-cherez-turciyu-ostanetsya-bezvizovym>");
    expect(r.stdout).toMatch(/<https:\/\/dailysabah\.com\/russian\/politics\/2018\/11\/12\/граждане-казахстана[^>%]*>/);
    expect(r.stdout).not.toMatch(/%d0%b3%d1%80/);
    const json = JSON.parse(run(["check", "TJ", "TR", "2018-12-01", "--json"]).stdout);
    expect(json.sources.map((s: { url?: string }) => s.url).join(" ")).toMatch(/%d0%b3%d1%80/);
  });

  it("timeline names the rule of each alternative, so its sources can be found", () => {
    const r = run(["timeline", "RU", "EE"]);
    expect(r.stdout).toMatch(/2022-09-19 → until further notice\s+visa-required[^\n]*\n\s+or no-admission: [^\n]+\[sch\.ee\.ru\.no-admission-tourism-business\.2022-09-19\]/);
  });

  it("--json prints the answer as JSON", () => {
    const r = run(["check", "tjk", "tur", "2019-06-01", "--json"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ nationality: "TJ", destination: "TR", requirement: "visa-free", maxStay: { days: 90, withinDays: 180 } });
  });

  it("the date defaults to today at the destination", () => {
    const r = run(["check", "TJ", "TR", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("--holds none says the traveller holds no other document, so conditions over documents decide", () => {
    // Estonia refuses Russian tourists with a Schengen visa unless they hold an EU/EEA/Swiss residence permit.
    const unsaid = JSON.parse(run(["check", "RU", "EE", "2024-05-01", "--purpose", "tourism", "--json"]).stdout);
    expect(unsaid.requirement).toBe("visa-required");
    expect(unsaid.alternatives.map((a: { requirement: string }) => a.requirement)).toContain("no-admission");
    const none = JSON.parse(run(["check", "RU", "EE", "2024-05-01", "--purpose", "tourism", "--holds", "none", "--json"]).stdout);
    expect(none.requirement).toBe("no-admission");
    const family = JSON.parse(run(["check", "RU", "EE", "2024-05-01", "--purpose", "family", "--holds", "none", "--json"]).stdout);
    expect(family.requirement).toBe("visa-required");
  });

  it("--passport and --holds reach conditional regimes", () => {
    const dip = run(["check", "TJ", "TR", "2024-05-01", "--passport", "diplomatic", "--json"]);
    expect(JSON.parse(dip.stdout).requirement).toBe("visa-free");
    const withVisa = run(["check", "IN", "TR", "2024-05-01", "--purpose", "tourism", "--holds", "visa:US", "--json"]);
    expect(JSON.parse(withVisa.stdout).requirement).toBe("e-visa");
    // A purpose the e-Visa does not serve rules it out: no alternative is offered.
    const work = run(["check", "IN", "TR", "2024-05-01", "--purpose", "work"]);
    expect(work.stdout).toMatch(/visa-required/);
    expect(work.stdout).not.toMatch(/Alternatives:/);
    const without = run(["check", "IN", "TR", "2024-05-01"]);
    expect(without.stdout).toMatch(/Alternatives:\n\s+- e-visa[^\n]*\[tr\.[^\]]+\]\n\s+Condition: \S/);
  });

  it("takes English names for countries, ignoring case, accents and punctuation", () => {
    const byCode = run(["check", "TJ", "TR", "2024-05-01"]);
    expect(run(["check", "tajikistan", "Türkiye", "2024-05-01"]).stdout).toBe(byCode.stdout);
    expect(run(["check", "Tajikistan", "turkey", "2024-05-01"]).stdout).toBe(byCode.stdout);
    expect(run(["check", "U.S.A.", "UK", "2026-01-01"]).stdout).toMatch(/^US → GB on 2026-01-01: eta/);
    expect(run(["check", "US", "cote d'ivoire", "2024-01-01"]).stdout).toMatch(/^US → CI /);
    expect(run(["check", "US", "Ivory Coast", "2024-01-01"]).stdout).toMatch(/^US → CI /);
    // A comma inside one name does not split it; between names it does.
    expect(run(["check", "Korea, Republic of", "JP", "2026-01-01"]).stdout).toMatch(/^KR → JP /);
    expect(run(["check", "Tajikistan,Russia", "TR", "2024-05-01"]).stdout).toMatch(/^RU → TR on 2024-05-01: visa-free[^]*With TJ: visa-required/);
    expect(run(["check", "IN", "TR", "2024-05-01", "--holds", "visa:United States", "--json"]).stdout).toMatch(/"requirement": "e-visa"/);
  });

  it.each([
    [["check", "TJ", "XX", "2024-05-01"], /unknown country "XX" for destination$/m],
    [["check", "Tajikstan", "TR"], /unknown country "Tajikstan" for nationality \(did you mean Tajikistan \(TJ\)/],
    [["check", "US", "Congo"], /ambiguous country "Congo" for destination: Democratic Republic of the Congo \(CD\) or Republic of the Congo \(CG\)\?/],
    [["check", "IN", "TR", "--holds", "visa:Untied States"], /unknown country "Untied States" for --holds \(did you mean United States \(US\)/],
    [["check", "TJ", "TR", "2024-02-30"], /invalid date "2024-02-30"/],
    [["check", "TJ"], /check needs <nationality> <destination>/],
    [["check", "TJ", "TR", "--frobnicate"], /Unknown option '--frobnicate'/],
    [["check", "TJ", "TR", "--passport", "gold"], /invalid passport "gold"/],
    [["check", "TJ", "TR", "--holds", "visa"], /invalid --holds item "visa"/],
    [["check", "TJ", "TR", "--holds", "none,visa:US"], /invalid --holds item "none"/],
    [["fly", "TJ", "TR"], /unknown command "fly"/],
    [[], /missing command/],
  ])("bad input %j: one line on stderr, exit 2", (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("travel-rules timeline", () => {
  it("prints every period of the pair with its source", () => {
    const r = run(["timeline", "TJ", "TR"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2018-11-11 → 2024-04-20\s+visa-free, 90 days within any 180-day period/);
    expect(r.stdout).toMatch(/2024-04-20 → until further notice\s+visa-required/);
    expect(run(["timeline", "Tajikistan", "Turkey"]).stdout).toBe(r.stdout);
  });
});

describe("a reader that stops early", () => {
  it("`changes ... | head -1` ends quietly: no stack trace when the pipe closes", () => {
    // Megabytes of output: the pipe fills and closes long before the CLI is done writing.
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${CLI}" changes --from 2014-01-01 --to 2026-11-27 | head -1`], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d{4}-\d{2}-\d{2} /);
    expect(r.stderr).toBe("");
  });
});

describe("travel-rules stay", () => {
  it("a Russian in Jordan in 2026: 30 days per stay, and the days used of the year's 90", () => {
    const r = run(["stay", "RU", "JO", "--on", "2026-06-01", "--stay", "JO:2026-01-01:2026-01-30", "--stay", "JO:2026-03-01:2026-03-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Rule: 30 days, at most 90 days per calendar year \[jo\.ru\./);
    // No rolling window: the header counts the calendar year's days, not the (empty) current stay's.
    expect(r.stdout).toMatch(/^RU → JO on 2026-06-01: 60 days used in 2026, 30 left\n/);
    expect(r.stdout).toMatch(/must end by 2026-06-30/);
  });

  it("the header counts the rolling window's days, or without one the calendar year's", () => {
    const r = run(["stay", "TJ", "TR", "--on", "2016-06-01", "--stay", "TR:2016-05-20:2016-06-10"]);
    expect(r.stdout).toMatch(/^TJ → TR on 2016-06-01: 13 days used, 18 left/);
    const ru = run(["stay", "RU", "JO", "--on", "2026-06-01", "--stay", "JO:2026-05-25:2026-06-10"]);
    // The day itself counts (as in the rolling window); the 30 days per stay bind before the year.
    expect(ru.stdout).toMatch(/^RU → JO on 2026-06-01: 8 days used in 2026, 23 left/);
  });

  it("stays across the Schengen area count together, whether given by code or by name", () => {
    const byName = run(["stay", "United States", "France", "--on", "2025-04-01", "--stay", "Germany:2025-03-01:2025-03-30"]);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toMatch(/^US → FR on 2025-04-01: 30 days used, 60 left across the Schengen area/);
    expect(run(["stay", "US", "FR", "--on", "2025-04-01", "--stay", "DE:2025-03-01:2025-03-30"]).stdout).toBe(byName.stdout);
  });
});

describe("travel-rules batch", () => {
  it("answers each line in order; a bad line gets an error in its place", () => {
    const input = [
      JSON.stringify({ nationality: "TJ", destination: "TR", date: "2016-06-01" }),
      "{not json",
      JSON.stringify({ nationality: "TJ", destination: "ZZ", date: "2016-06-01" }),
      JSON.stringify({ nationality: "TJ", destination: "TR", date: "2024-05-01" }),
    ].join("\n");
    const r = run(["batch"], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].requirement).toBe("visa-free");
    expect(lines[1].error.code).toBe("INVALID_QUERY");
    expect(lines[2].error).toEqual({ code: "UNKNOWN_COUNTRY", message: 'unknown country code "ZZ" for destination' });
    expect(lines[3].requirement).toBe("visa-required");
  });
});

describe("batch output", () => {
  it("is exactly JSON.stringify of each answer, as check --json gives it", () => {
    const queries = [
      { nationality: "TJ", destination: "TR", date: "2024-04-10" },
      { nationality: "IN", destination: "TR", date: "2024-05-01" },
      { nationality: "IN", destination: "TR", date: "2024-05-01", holds: [{ kind: "visa", country: "US" }] },
      { nationality: "US", destination: "FR", date: "2024-05-01", passportExpiry: "2024-08-15" },
      { nationality: "JP", destination: "ZW", date: "2024-05-01" },
      { nationality: "GB", destination: "GB", date: "2024-05-01" },
      { nationality: "US", destination: "ET", date: "2024-05-01" },
    ];
    const lines = run(["batch"], queries.map((q) => JSON.stringify(q)).join("\n")).stdout.trim().split("\n");
    queries.forEach((q, i) => {
      const args = ["check", q.nationality, q.destination, q.date, "--json"];
      if (q.holds) args.push("--holds", "visa:US");
      if (q.passportExpiry) args.push("--passport-expiry", q.passportExpiry);
      expect(lines[i]).toBe(JSON.stringify(JSON.parse(run(args).stdout)));
    });
  });
});

describe("an answer the sources leave open", () => {
  it("stays unknown and names what is left open, in check, timeline and batch", () => {
    const check = run(["check", "US", "ET", "2024-05-01"]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("US → ET on 2024-05-01: unknown");
    expect(check.stdout).toContain("has not been established in the data: the sources leave open a visa on arrival or an e-visa");
    expect(run(["timeline", "US", "ET"]).stdout).toMatch(/2023-09-26 → until further notice +unknown \(visa-on-arrival or e-visa: not established which\)/);
    const lines = run(["batch", "--fields", "requirement,possible"], '{"nationality":"US","destination":"ET","date":"2024-05-01"}\n{"nationality":"US","destination":"ET","date":"2023-01-01"}')
      .stdout.trim()
      .split("\n");
    expect(lines).toEqual(['{"requirement":"unknown","possible":["visa-on-arrival","e-visa"]}', '{"requirement":"e-visa"}']);
  });
});

describe("batch --fields", () => {
  const queries = [
    { nationality: "TJ", destination: "TR", date: "2019-06-01" },
    { nationality: "TJ", destination: "TR", date: "2024-05-01" },
    { nationality: "TJ", destination: "ZZ", date: "2024-05-01" },
  ];
  const input = queries.map((q) => JSON.stringify(q)).join("\n");

  it("keeps only the keys asked for, in the order answers carry them; errors are whole", () => {
    const full = run(["batch"], input).stdout.trim().split("\n").map((l) => JSON.parse(l));
    const r = run(["batch", "--fields", "regime,requirement, maxStay"], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ requirement: "visa-free", maxStay: { days: 90, withinDays: 180 }, regime: full[0].regime });
    expect(Object.keys(lines[0])).toEqual(["requirement", "maxStay", "regime"]);
    expect(lines[1]).toEqual({ requirement: "visa-required", maxStay: full[1].maxStay, regime: "tr.tj.visa-required.2024-04-20" });
    expect(lines[2]).toEqual(full[2]);
    expect(lines[2].error.code).toBe("UNKNOWN_COUNTRY");
  });

  it.each([["requirement,colour"], [","]])("refuses %j with the list of fields, exit 2", (fields) => {
    const r = run(["batch", "--fields", fields], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/invalid --fields .*expected a comma-separated list of nationality, destination, date, requirement/);
  });
});

describe("travel-rules validate and --rules", () => {
  const temp = scratchDirs(tmpdir());
  const broken = (): string => {
    const dir = temp("tr-rules-");
    cpSync(MINI, dir, { recursive: true });
    return dir;
  };

  it("the embedded rules and the fixture are valid", () => {
    expect(run(["validate"]).code).toBe(0);
    const r = run(["validate", MINI]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid/);
  });

  it("lists every problem with its file, exit 1", () => {
    const dir = broken();
    writeFileSync(join(dir, "destinations", "TR.json"), '{"destination":"TR","regimes":[]}');
    writeFileSync(join(dir, "groups", "EU.json"), "{oops");
    const r = run(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/groups\/EU.json: not valid JSON/);
    const again = run(["validate", join(dir, "nowhere")]);
    expect(again.code).toBe(1);
  });

  it("--rules answers from another folder", () => {
    const r = run(["check", "TJ", "TR", "2019-06-01", "--rules", MINI, "--json"]);
    expect(JSON.parse(r.stdout).dataset).toBe("2000.1");
  });

  it("a source without a link gives the plain-http address it was read at, or says it was not read online", () => {
    const dir = broken();
    const file = join(dir, "destinations", "TR.json");
    const tr = JSON.parse(readFileSync(file, "utf8")) as { regimes: { id: string; sources: unknown[] }[] };
    const visa = tr.regimes.find((r) => r.id === "t.tj.visa")!;
    visa.sources.push(
      { title: "Plain-http page", publisher: "Example", readAt: "http://example.org/page", date: "2024-04-08", note: "Read at http://example.org/page (plain http, so not given as url)." },
      { title: "Older note", publisher: "Example", date: "2024-04-07", note: "Read at a plain-http address of example.org, so not given as url." },
      { title: "Decree No. 1", publisher: "Example Gazette", date: "2024-04-06", note: "Cited by name and number; not read online." },
    );
    writeFileSync(file, JSON.stringify(tr));
    const r = run(["check", "TJ", "TR", "2024-05-01", "--rules", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Plain-http page — Example, 2024-04-08 \(read at http:\/\/example\.org\/page, plain http, not linked\)/);
    expect(r.stdout).toMatch(/Older note — Example, 2024-04-07 \(read at a plain-http address given in its note, not linked\)/);
    expect(r.stdout).toMatch(/Decree No\. 1 — Example Gazette, 2024-04-06 \(not read online\)/);
  });

  it("a hostile folder is refused with the file named: a link outside the folder", () => {
    const dir = broken();
    const outside = temp("tr-outside-");
    writeFileSync(join(outside, "secret.json"), "{}");
    symlinkSync(join(outside, "secret.json"), join(dir, "destinations", "JP.json"));
    const r = run(["check", "TJ", "TR", "2019-06-01", "--rules", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/destinations\/JP.json: a link that points outside the rules folder/);
  });

  it("a hostile folder is refused with the file named: an oversized file", () => {
    const dir = broken();
    mkdirSync(join(dir, "destinations"), { recursive: true });
    writeFileSync(join(dir, "destinations", "JP.json"), " ".repeat(3 * 1024 * 1024));
    const r = run(["check", "TJ", "TR", "2019-06-01", "--rules", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/destinations\/JP.json: larger than/);
  });

  it("a hostile folder is refused with the file named: a JSONPath condition", () => {
    const dir = broken();
    const file = join(dir, "destinations", "HR.json");
    writeFileSync(
      file,
      JSON.stringify({
        destination: "HR",
        revision: 1,
        reviewed: "2020-01-01",
        since: "2013-01-01",
        regimes: [
          {
            id: "h.others",
            travellers: "others",
            requirement: "visa-free",
            maxStay: null,
            validFrom: "2013-01-01",
            conditions: { all: [{ fact: "visas", path: "$..constructor", operator: "equal", value: 1 }] },
            conditionText: "x",
            sources: [{ title: "x", url: "https://example.org", date: "2020-01-01" }],
          },
        ],
      }),
    );
    const r = run(["check", "TJ", "TR", "2019-06-01", "--rules", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/destinations\/HR.json: regimes.0.conditions/);
  });
});

describe("trip questions from the command line", () => {
  it("stay: days used and left across the Schengen area", () => {
    const r = run(["stay", "US", "FR", "--on", "2025-04-01", "--stay", "FR:2025-01-01:2025-02-14", "--stay", "DE:2025-03-01:2025-03-30"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/75 days used, 15 left across the Schengen area/);
    expect(r.stdout).toMatch(/must end by 2025-04-15/);
    const bad = run(["stay", "US", "FR", "--on", "2025-04-01", "--stay", "FR:2025-02-01:2025-01-01"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/exit 2025-01-01 is before entry 2025-02-01/);
  });

  it("changes: the feed between two dates", () => {
    const r = run(["changes", "--from", "2024-04-01", "--to", "2024-04-30", "--nationality", "TJ", "--destination", "TR"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2024-04-20\s+TJ → TR\s+visa-free .* → visa-required/);
    expect(run(["changes", "--from", "2024-04-01"]).code).toBe(2);
  });

  it("passport: every destination with a mobility score", () => {
    const r = run(["passport", "US", "2025-06-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^US passport on 2025-06-01: mobility score \d+/);
    expect(r.stdout).toMatch(/\n\s+TR\s+visa-free/);
    // A destination with rules that has not established the entry is listed, with what is left open;
    // destinations without rules are counted, not called unknown for want of research.
    expect(r.stdout).toMatch(/\n\s+ET\s+unknown\s+visa-on-arrival or e-visa: not established which/);
    expect(r.stdout).toMatch(/\n\s+\d+ destinations without rules yet \(unknown\)\n$/);
    expect(r.stdout).not.toContain("no rules yet");
  });

  it("check with several nationalities picks the best passport", () => {
    const r = run(["check", "TJ,RU", "TR", "2024-05-01", "--json"]);
    const a = JSON.parse(r.stdout);
    expect([a.nationality, a.requirement, a.others[0].nationality]).toEqual(["RU", "visa-free", "TJ"]);
  });

  it("--passport-expiry turns a short passport into a refusal", () => {
    const r = run(["check", "US", "TR", "2024-05-01", "--passport-expiry", "2024-08-01"]);
    expect(r.stdout).toMatch(/no-admission/);
    expect(r.stdout).toMatch(/valid until at least 2024-09-28/);
  });
});
