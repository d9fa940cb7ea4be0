// Golden answers: for each destination with rules, every nationality's answer on the first day
// of each year since 2014 and on each side of every change. Stored under test/fixtures/golden
// by `npm run golden`, so that a data change shows up as a reviewable diff.
import type { Engine } from "../src/index.js";
import { dayBefore } from "./helpers.js";

export const GOLDEN_DIR = new URL("./fixtures/golden/", import.meta.url);

export async function goldenFor(engine: Engine, destination: string, lastYear: number): Promise<string> {
  const lines: string[] = [];
  for (const { code: nationality } of engine.countries()) {
    if (nationality === destination) continue;
    const dates = new Set<string>();
    for (let y = 2014; y <= lastYear; y++) dates.add(`${y}-01-01`);
    for (const p of engine.timeline({ nationality, destination }).periods)
      if (p.from !== null && p.from >= "2013-01-01") (dates.add(dayBefore(p.from)), dates.add(p.from));
    for (const date of [...dates].sort()) {
      const a = await engine.check({ nationality, destination, date });
      const stay = a.maxStay ? `${a.maxStay.days}${a.maxStay.withinDays ? `/${a.maxStay.withinDays}` : ""}` : "-";
      const alts = a.alternatives.map((x) => x.requirement).join(",");
      lines.push([nationality, date, a.requirement, stay, a.regime ?? "-", alts ? `or:${alts}` : ""].join(" ").trimEnd());
    }
  }
  return `# ${destination}: nationality date requirement stay regime [or:alternatives]\n${lines.join("\n")}\n`;
}
