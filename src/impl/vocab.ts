// The vocabulary of DESIGN.md and the documented condition language, without zod, so that the
// engine can load embedded (already validated) rules without paying for the schema library.

/** What a regime may declare, most favourable first; `citizen` and `unknown` are the engine's. */
export const DATA_REQUIREMENTS = [
  "free-movement",
  "visa-free",
  "eta",
  "visa-on-arrival",
  "e-visa",
  "visa-required",
  "no-admission",
] as const;

/** Requirements in order, most favourable first (DESIGN.md). `unknown` is never written in data. */
export const REQUIREMENTS = ["citizen", ...DATA_REQUIREMENTS, "unknown"] as const;

export const PASSPORT_TYPES = [
  "ordinary",
  "diplomatic",
  "service",
  "official",
  "special",
  "emergency",
  "refugee",
  "stateless",
] as const;
export const PURPOSES = ["tourism", "business", "transit", "study", "work", "family", "medical"] as const;
export const ARRIVAL_MODES = ["air", "land", "sea"] as const;

/**
 * The facts a condition may test. Each is derived from the query (see README, "Conditions").
 * `biometric` is whether the passport is biometric (an e-passport with a chip).
 * `visas` and `residencePermits` list the issuing countries of the documents held and valid on
 * the date of entry, plus every group those countries belong to on that date (e.g. "SCHENGEN").
 */
export const FACTS = [
  "nationality",
  "passport",
  "biometric",
  "purpose",
  "age",
  "arrival",
  "visas",
  "residencePermits",
] as const;

/** The documented operator set: json-rules-engine's own operators plus `containsAny`. */
export const OPERATORS = [
  "equal",
  "notEqual",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "containsAny",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
] as const;

export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d >= 1 && d <= days;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export type Requirement = (typeof REQUIREMENTS)[number];
export type PassportType = (typeof PASSPORT_TYPES)[number];
export type Purpose = (typeof PURPOSES)[number];
export type ArrivalMode = (typeof ARRIVAL_MODES)[number];

/** Which kind of file a path inside a rules folder holds. */
export const FILE_PATTERNS = {
  dataset: /^dataset\.json$/,
  countries: /^countries\.json$/,
  group: /^groups\/[A-Z][A-Z0-9-]*\.json$/,
  area: /^areas\/[A-Z][A-Z0-9-]*\.json$/,
  destination: /^destinations\/[A-Z]{2}\.json$/,
} as const;
export type FileKind = keyof typeof FILE_PATTERNS;
