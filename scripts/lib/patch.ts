// Nationality passes: one passport researched across many destinations, written as a patch that
// is applied to each destination's rule file (scripts/check-patch.ts). See docs/data-brief.md.
import { z } from "zod";
import { RegimeSchema, SourceSchema, type DestinationFile, type Regime } from "../../src/impl/schema.js";

const Code = z.string().regex(/^[A-Z]{2}$/);

export const PatchSchema = z.strictObject({
  topic: z.string().min(1),
  entries: z.array(
    z.strictObject({
      destination: Code,
      /** Adds nationalities to existing regimes that the sources show they shared over the regime's whole period. */
      extend: z
        .array(
          z.strictObject({
            regimeIds: z.array(z.string()).min(1),
            nationalities: z.array(Code).min(1),
            sources: z.array(SourceSchema).min(1),
            note: z.string().min(1),
          }),
        )
        .optional(),
      /** New regimes, in the rule-file format. */
      add: z.array(RegimeSchema).optional(),
      /** Nationalities the file's default answers correctly (fileNote says why). */
      removeFromGaps: z.array(Code).optional(),
      fileNote: z.string().min(1),
    }),
  ),
});
export type Patch = z.infer<typeof PatchSchema>;
export type PatchEntry = Patch["entries"][number];

const END = "9999-12-31";

/** Applies one entry to a destination file in place; returns what could not be applied. */
export function applyEntry(file: DestinationFile, e: PatchEntry): string[] {
  const errors: string[] = [];
  const byId = new Map(file.regimes.map((r) => [r.id, r]));
  for (const x of e.extend ?? [])
    for (const id of x.regimeIds) {
      const r = byId.get(id);
      if (!r) errors.push(`${e.destination}: no regime ${id}`);
      else if (r.travellers === "others" || !r.travellers.nationalities)
        errors.push(`${e.destination}: ${id} does not list nationalities`);
      else {
        for (const n of x.nationalities) if (!r.travellers.nationalities.includes(n)) r.travellers.nationalities.push(n);
        r.sources = [...r.sources, ...x.sources];
        r.notes = [...(r.notes ?? []), x.note];
      }
    }
  for (const r of e.add ?? []) {
    if (byId.has(r.id)) errors.push(`${e.destination}: duplicate id ${r.id}`);
    file.regimes.push(r);
  }
  // A nationality leaves a gap only where its own unconditional regimes cover the gap's whole
  // period: inside them they beat the gap anyway, outside them the gap must still answer unknown.
  const removable = new Set(e.removeFromGaps ?? []);
  if (file.gaps) {
    file.gaps = file.gaps
      .map((g) => ({
        ...g,
        nationalities: g.nationalities.filter((n) => !removable.has(n) && !covered(file.regimes, n, g.from, g.until ?? END)),
      }))
      .filter((g) => g.nationalities.length > 0);
    if (!file.gaps.length) delete file.gaps;
  }
  file.notes = [...(file.notes ?? []), e.fileNote];
  return errors;
}

/** Whether the nationality's own unconditional regimes cover every day of [from, until). */
export function covered(regimes: Regime[], nationality: string, from: string, until: string): boolean {
  const spans = regimes
    .filter((r) => r.travellers !== "others" && !r.conditions && r.travellers.nationalities?.includes(nationality))
    .map((r) => [r.validFrom, r.validUntil ?? END] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let at = from;
  for (const [a, b] of spans) if (a <= at && b > at) at = b;
  return at >= until;
}
