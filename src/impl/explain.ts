// One sentence a traveller understands, built from the answer's fields only. It speaks to the
// traveller ("you"), so that one sentence serves every nationality a regime decides for.
import type { MaxStay, Requirement, Source } from "../types.js";

/** Whether two stays are the same limit (field by field, whatever the objects' key order). */
export function sameStay(a: MaxStay | null, b: MaxStay | null): boolean {
  return (
    a === b ||
    (a !== null && b !== null && a.days === b.days && a.withinDays === b.withinDays && a.perStay === b.perStay && a.perCalendarYear === b.perCalendarYear)
  );
}

/**
 * A stay in words, as answers print it: "90 days within any 180-day period", "30 days per stay, at most
 * 90 days within any 180-day period", with a calendar-year cap where there is one; "" for no stay.
 */
export function describeStay(s: MaxStay | null): string {
  if (!s) return "";
  const days = `${s.days} day${s.days === 1 ? "" : "s"}`;
  const window = s.withinDays ? `${days} within any ${s.withinDays}-day period` : days;
  const text = s.perStay ? `${s.perStay} days per stay, at most ${window}` : window;
  return s.perCalendarYear ? `${text}, at most ${s.perCalendarYear} days per calendar year` : text;
}

/**
 * How a source without a link was read, for a line that cites it: answers link only https addresses.
 * `null` for a source with a `url` (link it); otherwise "read at http://…, plain http, not linked" (its
 * `readAt`), "read at a plain-http address given in its note, not linked" (a few older sources name only
 * the host in their note), or "not read online" (an instrument cited by name and number).
 */
export function describeAccess(s: Source): string | null {
  if (s.url) return null;
  if (s.readAt) return `read at ${s.readAt}, plain http, not linked`;
  return /\bhttp\b/.test(s.note ?? "") ? "read at a plain-http address given in its note, not linked" : "not read online";
}

export function explain(
  requirement: Requirement,
  destination: string,
  maxStay: MaxStay | null,
  authorisation: string | null,
  condition: string | null,
): string {
  const stay = maxStay ? ` for up to ${describeStay(maxStay)}` : "";
  // Name the document only where it says more than the requirement itself ("e-Visa" does not).
  const named = authorisation && squash(authorisation) !== squash(requirement) ? authorisation : null;
  const doc = named ? ` (${named})` : "";
  // The condition itself is in the answer's `condition` field; the sentence stays short.
  const when = condition ? ", because you meet its condition" : "";
  switch (requirement) {
    case "citizen":
      return `As a citizen of ${destination} you enter it freely, with no visa and no stay limit.`;
    case "free-movement":
      return `You enter ${destination} under free movement, with no visa${maxStay ? `, for up to ${describeStay(maxStay)}` : ""}${when}.`;
    case "visa-free":
      return `You can enter ${destination} without a visa${stay}${when}.`;
    case "eta":
      return `You need an electronic travel authorisation${doc}, obtained online before travel, to enter ${destination}${stay}${when}.`;
    case "visa-on-arrival":
      return `You can get a visa on arrival${doc} in ${destination}${stay}${when}.`;
    case "e-visa":
      return `You need an e-visa${doc}, obtained online before travel, to enter ${destination}${stay}${when}.`;
    case "visa-required":
      // The document named by the data says where it comes from (a tourist card from the airline,
      // an entry permit, a referral visa); without one, the usual place: a mission. A permit or
      // card that is not called a visa is not called one here either.
      if (!named) return `You need a visa from an embassy or consulate of ${destination} before travelling there${when}.`;
      return `You need ${/visa/i.test(named) ? "a visa" : "this document, in place of a visa,"} before travelling to ${destination}${when}: ${named.replace(/\.$/, "")}.`;
    case "no-admission":
      return `You are not admitted to ${destination}${when}.`;
    case "unknown":
      return `travel-rules has no rule for entering ${destination} on this date; check with the authorities of ${destination}.`;
  }
}

/** A requirement as a noun phrase: "a visa on arrival", for sentences that weigh several. */
const NOUNS: Record<Requirement, string> = {
  citizen: "entry as a citizen",
  "free-movement": "free movement",
  "visa-free": "entry without a visa",
  eta: "an electronic travel authorisation",
  "visa-on-arrival": "a visa on arrival",
  "e-visa": "an e-visa",
  "visa-required": "a visa from an embassy or consulate",
  "no-admission": "no admission",
  unknown: "an unknown requirement",
};

/**
 * The sentence for an `unknown` that a gap decides: the destination has rules, but not for this
 * traveller on this date; where the sources leave only some requirements open, it names them.
 */
export function explainGap(destination: string, possible?: readonly Requirement[]): string {
  const nouns = possible?.map((r) => NOUNS[r]) ?? [];
  // "a, b or c": the last two joined by "or", any before them by commas.
  const open = nouns.length ? `: the sources leave open ${[nouns.slice(0, -1).join(", "), nouns.at(-1)].filter(Boolean).join(" or ")}` : "";
  return `What you need to enter ${destination} on this date has not been established in the data${open} (the notes say what is missing); check with the authorities of ${destination}.`;
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, "");
}
