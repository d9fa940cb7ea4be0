// Lists pairs where one file records a bilateral agreement for the other's citizens and the other
// direction does not agree: the partner answers something else when the agreement took effect or
// today, or starts its own agreement regime on a different day. A review aid for the data (each
// line is a lead to check against the sources, not an error: exemptions can be one-sided, and a
// destination may admit exempt visitors with a free permit on arrival). Usage:
//   npm run mutual [date]      (date: the "today" compared, default today)
import { createEngine } from "../src/index.js";
import type { Regime } from "../src/impl/schema.js";
import { readRulesDir } from "../src/node/read-rules.js";

/** Words in a regime's notes that name an agreement between two states. */
const AGREEMENT = /agreement|reciproc|mutual|memorandum|\bMoU\b/i;
/** A regime naming more nationalities than this is a list, not a bilateral arrangement. */
const MAX_NAMED = 3;
/** Start dates further apart than this are separate decisions, not one agreement dated twice. */
const SAME_AGREEMENT_DAYS = 400;

const files = readRulesDir(new URL("../rules/", import.meta.url).pathname);
const engine = await createEngine({ rules: files });
const today = process.argv[2] ?? new Date().toISOString().slice(0, 10);

interface Bilateral {
  destination: string;
  partner: string;
  regime: Regime;
}

/** Unconditional visa-free regimes that name at most MAX_NAMED nationalities and cite an agreement. */
function bilaterals(): Bilateral[] {
  const out: Bilateral[] = [];
  for (const content of Object.values(files)) {
    const file = content as { destination?: string; regimes?: Regime[] };
    if (!file.destination || !file.regimes) continue;
    for (const regime of file.regimes) {
      const t = regime.travellers;
      if (t === "others" || !t.nationalities || t.nationalities.length > MAX_NAMED || regime.conditions) continue;
      if (regime.requirement !== "visa-free" || !AGREEMENT.test((regime.notes ?? []).join(" "))) continue;
      for (const partner of t.nationalities) out.push({ destination: file.destination, partner, regime });
    }
  }
  return out;
}

const withFile = new Set(
  Object.values(files).flatMap((c) => ((c as { destination?: string }).destination ? [(c as { destination: string }).destination] : [])),
);
const all = bilaterals();
const lines: string[] = [];
for (const { destination, partner, regime } of all) {
  if (!withFile.has(partner)) continue;
  // The reverse direction: the destination's citizens entering the partner.
  const start = regime.validFrom > "2014-01-01" ? regime.validFrom : "2014-01-01";
  const atStart = await engine.check({ nationality: destination, destination: partner, date: start });
  const current =
    regime.validUntil === undefined || regime.validUntil > today ? await engine.check({ nationality: destination, destination: partner, date: today }) : undefined;
  const differs = (a: typeof atStart | undefined) => a !== undefined && a.requirement !== "visa-free";
  if (differs(atStart) || differs(current)) {
    const parts = [`${partner} in ${destination}: ${regime.id}`, `${destination} in ${partner} on ${start}: ${atStart.requirement} (${atStart.regime ?? "no rule"})`];
    if (current) parts.push(`on ${today}: ${current.requirement} (${current.regime ?? "no rule"})`);
    lines.push(parts.join("; "));
  }
}
// The same agreement dated differently on the two sides.
const byPair = new Map<string, Bilateral[]>();
for (const b of all) {
  const key = [b.destination, b.partner].sort().join("-");
  byPair.set(key, [...(byPair.get(key) ?? []), b]);
}
const dateLines: string[] = [];
for (const list of byPair.values())
  for (const a of list)
    for (const b of list) {
      if (a.destination >= b.destination || a.partner !== b.destination || b.partner !== a.destination) continue;
      const days = Math.abs(Date.parse(a.regime.validFrom) - Date.parse(b.regime.validFrom)) / 864e5;
      if (days > 0 && days < SAME_AGREEMENT_DAYS && a.regime.validFrom > "2014-01-01" && b.regime.validFrom > "2014-01-01")
        dateLines.push(`${a.regime.id} (${a.regime.validFrom}) / ${b.regime.id} (${b.regime.validFrom})`);
    }
console.log(`Bilateral visa-free regimes whose other direction answers otherwise (${lines.length}):\n`);
console.log(lines.sort().join("\n"));
console.log(`\nThe two directions starting on different days (${dateLines.length}):\n`);
console.log(dateLines.sort().join("\n"));
