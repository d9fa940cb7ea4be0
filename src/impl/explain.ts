// One sentence a traveller understands, built from the answer's fields only.
import type { MaxStay, Requirement } from "../types.js";

export function stayText(s: MaxStay | null): string {
  if (!s) return "";
  const days = `${s.days} day${s.days === 1 ? "" : "s"}`;
  return s.withinDays ? `${days} within any ${s.withinDays}-day period` : days;
}

export function explain(
  requirement: Requirement,
  nationality: string,
  destination: string,
  maxStay: MaxStay | null,
  authorisation: string | null,
  condition: string | null,
): string {
  const who = `Citizens of ${nationality}`;
  const stay = maxStay ? ` for up to ${stayText(maxStay)}` : "";
  // Name the document only where it says more than the requirement itself ("e-Visa" does not).
  const doc = authorisation && squash(authorisation) !== squash(requirement) ? ` (${authorisation})` : "";
  const when = condition ? ` when they meet this condition: ${lower(condition)}` : "";
  switch (requirement) {
    case "citizen":
      return `Citizens of ${destination} enter it as citizens, with no visa and no stay limit.`;
    case "free-movement":
      return `${who} enter ${destination} under free movement, with no visa${maxStay ? `, for up to ${stayText(maxStay)}` : ""}${when}.`;
    case "visa-free":
      return `${who} can enter ${destination} without a visa${stay}${when}.`;
    case "eta":
      return `${who} need an electronic travel authorisation${doc}, obtained online before travel, to enter ${destination}${stay}${when}.`;
    case "visa-on-arrival":
      return `${who} can get a visa on arrival${doc} in ${destination}${stay}${when}.`;
    case "e-visa":
      return `${who} need an e-visa${doc}, obtained online before travel, to enter ${destination}${stay}${when}.`;
    case "visa-required":
      return `${who} need a visa from an embassy or consulate of ${destination} before travelling there${when}.`;
    case "no-admission":
      return `${who} are not admitted to ${destination}${when}.`;
    case "unknown":
      return `travel-rules has no rule for entering ${destination} on this date; check with the authorities of ${destination}.`;
  }
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, "");
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
