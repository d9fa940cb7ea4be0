import type { DateTime } from "luxon";
import type { ArrivalMode, PassportType, Purpose, Requirement, Source } from "./impl/schema.js";

export type { ArrivalMode, PassportType, Purpose, Requirement, Source };

/** A calendar date `YYYY-MM-DD` (local to the destination), or an instant. */
export type DateInput = string | Date | DateTime;

/** A visa or residence permit of another country that the traveller holds. */
export interface HeldDocument {
  kind: "visa" | "residence-permit";
  /** Issuing country, alpha-2 or alpha-3. */
  country: string;
  /** First day it is no longer valid (`YYYY-MM-DD`); omit if it does not expire. */
  validUntil?: string;
}

/** What a traveller may add beyond nationality, destination and date. */
export interface TravellerFacts {
  /** Defaults to `ordinary`. */
  passport?: PassportType;
  /** Whether the passport is biometric (an e-passport with a chip). */
  biometricPassport?: boolean;
  purpose?: Purpose;
  /** `YYYY-MM-DD`; conditions see the age on the date of entry. */
  birthDate?: string;
  /** Visas and residence permits held. Leave out when unknown; `[]` means none. */
  holds?: HeldDocument[];
  /** `YYYY-MM-DD` */
  passportExpiry?: string;
  arrival?: ArrivalMode;
}

export interface Query extends TravellerFacts {
  /** ISO 3166-1 alpha-2 or alpha-3, any case. */
  nationality: string;
  /** ISO 3166-1 alpha-2 or alpha-3, any case. */
  destination: string;
  date: DateInput;
}

export interface MaxStay {
  /** Days per stay, or within the rolling window where one applies. */
  days: number;
  /** The rolling window the days are counted in, where one applies (90 within 180). */
  withinDays: number | null;
  /** With a rolling window, where the data sets one: the limit of each single stay (30 per stay, 90 within 180). */
  perStay?: number;
  /** Where the data caps it: at most this many days in each calendar year (30 per stay, 90 a year). */
  perCalendarYear?: number;
}

/** A conditional regime that would change the answer, if the traveller meets its condition. */
export interface Alternative {
  requirement: Requirement;
  maxStay: MaxStay | null;
  /** The condition in words. */
  condition: string;
  regime: string;
  authorisation: string | null;
}

/** A change already decided for this pair, reported once it is published or in force. */
export interface UpcomingChange {
  /** First day the new requirement is enforced at the border. */
  date: string;
  requirement: Requirement;
  maxStay: MaxStay | null;
  regime: string;
  published: string | null;
  /** Set when the instrument is already in force: the query date is in a grace period. */
  inForce: string | null;
  sources: Source[];
}

export interface Answer {
  nationality: string;
  destination: string;
  /** The local date at the destination the answer is for. */
  date: string;
  requirement: Requirement;
  maxStay: MaxStay | null;
  /** The id of the regime that decided; null for `citizen` and `unknown`. */
  regime: string | null;
  /** What to obtain: "e-Visa", "ESTA", ... where the data names it. */
  authorisation: string | null;
  /** The condition that made a conditional regime decide, in words. */
  condition: string | null;
  /** One sentence a traveller understands. */
  explanation: string;
  sources: Source[];
  notes: string[];
  /** Conditional regimes that need facts the query left out. */
  alternatives: Alternative[];
  upcoming: UpcomingChange | null;
  /** Things the traveller must watch, e.g. a passport that limits the stay. */
  warnings: string[];
  /**
   * Only with `unknown`, where the data records what the sources leave open: the requirements one
   * of which applies (most favourable first), e.g. `["visa-on-arrival", "e-visa"]`. Not an answer.
   */
  possible?: Requirement[];
  /** The dataset version that produced this answer. */
  dataset: string;
}

/** One period of a pair's history. `from`/`until` are half-open; null is unbounded. */
export interface Period {
  from: string | null;
  until: string | null;
  requirement: Requirement;
  maxStay: MaxStay | null;
  regime: string | null;
  authorisation: string | null;
  sources: Source[];
  notes: string[];
  /** Only for an `unknown` period: the requirements the sources leave open (see `Answer.possible`). */
  possible?: Requirement[];
  /** Conditional regimes that apply instead during this period, when their conditions hold. */
  alternatives: Alternative[];
}

export interface Timeline {
  nationality: string;
  destination: string;
  periods: Period[];
  dataset: string;
}

/** `best`: the most favourable of several passports. */
export interface BestAnswer extends Answer {
  /** The answers for the other passports, most favourable first. */
  others: Answer[];
}

/** `destinations`: one passport's answer for every destination on a date. */
export interface PassportOverview {
  nationality: string;
  date: string;
  /** Destinations reachable with free movement, visa-free, with an ETA or a visa on arrival. */
  mobilityScore: number;
  /** How many destinations the data answers for (not unknown) on that date. */
  known: number;
  answers: Answer[];
  dataset: string;
}

/** `changes`: a change of requirement or stay for one pair. */
export interface Change {
  date: string;
  nationality: string;
  destination: string;
  before: { requirement: Requirement; maxStay: MaxStay | null; regime: string | null };
  after: { requirement: Requirement; maxStay: MaxStay | null; regime: string | null };
  /** When the new rule was published, where the data records it. */
  published: string | null;
  sources: Source[];
}

export interface StayEntry {
  /** Alpha-2 or alpha-3; stays in any destination sharing the same area policy count together. */
  destination: string;
  /** `YYYY-MM-DD`, the day of entry (counts as a day of stay). */
  entry: string;
  /** `YYYY-MM-DD`, the day of exit (counts as a day of stay). */
  exit: string;
}

export interface StayQuery {
  nationality: string;
  destination: string;
  stays: StayEntry[];
  /** The day the window ends on, and the day a new stay would start. */
  on: string;
}

export interface StayResult {
  nationality: string;
  destination: string;
  on: string;
  /** The limit applied: from the regime deciding on `on`; null where the data sets none. */
  rule: (MaxStay & { regime: string; area: string | null }) | null;
  /** Days stayed in the window ending on `on` (entry and exit days count); without a window, in the stay `on` falls in, before it. */
  used: number;
  /** Where the rule caps the calendar year: days stayed from 1 January to `on`. */
  usedInCalendarYear?: number;
  /** The longest stay that could start on `on` without breaking the rule; null: no limit known. */
  left: number | null;
  /** The last day of a stay starting on `on` that keeps within the rule. */
  latestExit: string | null;
  /** Each stay given, normalised, with whether it counts here and whether it complies. */
  stays: (StayEntry & { counted: boolean; complies: boolean | null; exceedsFrom: string | null })[];
  dataset: string;
}
