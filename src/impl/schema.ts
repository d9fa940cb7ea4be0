// The rule-file format. This zod schema is the single source of truth: the JSON Schemas in
// schema/ are generated from it (scripts/gen-schema.ts) and the loader validates with it.
import { z } from "zod";
import {
  PASSPORT_TYPES,
  DATA_REQUIREMENTS,
  FACTS,
  ISO_DATE,
  OPERATORS,
  isRealDate,
  type FileKind,
} from "./vocab.js";

export * from "./vocab.js";

export const IsoDate = z
  .string()
  .regex(ISO_DATE, "expected a date as YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");


const CountryCode = z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166-1 alpha-2 code in capitals");
const GroupId = z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/, "expected a group id in capitals, e.g. EU");
const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{2,95}$/, "expected a lower-case id of letters, digits, dots and dashes");
const Text = z.string().trim().min(1);

export const SourceSchema = z
  .strictObject({
    title: Text.describe("The document's title, as published."),
    url: z
      .url({ protocol: /^https$/, error: "expected an https URL" })
      .optional()
      .describe("Where the document was read (https only). Omit it for a page read at a plain-http address (give that address in readAt) or for an instrument not read online (say so in note)."),
    readAt: z
      .url({ protocol: /^http$/, error: "expected a plain-http URL (an https address goes in url)" })
      .optional()
      .describe("The plain-http address the document was read at, for a source without url: answers link only https, so it is given for checking, not as a link."),
    publisher: Text.optional().describe("Who published it: a gazette, ministry, embassy, newspaper."),
    date: IsoDate.describe("The date the source was published, or read when it has no date."),
    note: Text.optional().describe("What the source says, or why it is cited without a URL."),
  })
  .refine((s) => s.url !== undefined || s.readAt !== undefined || s.note !== undefined, {
    message: "a source without url needs readAt (the plain-http address it was read at) or a note saying it was not read online",
    path: ["url"],
  })
  .refine((s) => s.url === undefined || s.readAt === undefined, {
    message: "a source with an https url needs no readAt",
    path: ["readAt"],
  });

const Leaf = z.strictObject({
  fact: z.enum(FACTS),
  operator: z.enum(OPERATORS),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
});

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | z.infer<typeof Leaf>;

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
    z.strictObject({ not: ConditionSchema }),
    Leaf,
  ]),
);

/** json-rules-engine requires `all`, `any` or `not` at the top. */
export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionSchema).min(1) }),
  z.strictObject({ any: z.array(ConditionSchema).min(1) }),
  z.strictObject({ not: ConditionSchema }),
]);

export const MaxStaySchema = z.strictObject({
  days: z.number().int().positive().describe("Longest stay allowed, in days."),
  withinDays: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("The rolling window the days are counted in (90 within 180)."),
  perStay: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("With withinDays: the limit of each single stay beside the window's (30 days per stay, at most 90 within 180)."),
  perCalendarYear: z
    .number()
    .int()
    .positive()
    .max(366)
    .optional()
    .describe("At most this many days in each calendar year, beside the limit per stay or window (30 days per stay, 90 a year)."),
})
  .refine((m) => m.perCalendarYear === undefined || m.perCalendarYear >= (m.perStay ?? m.days), {
    message: "perCalendarYear is below the limit per stay: a stay could never use that limit",
    path: ["perCalendarYear"],
  })
  .refine((m) => m.perStay === undefined || (m.withinDays !== undefined && m.perStay < m.days), {
    message: "perStay needs withinDays and must be below days (without a window, days is the limit per stay)",
    path: ["perStay"],
  });

export const TravellersSchema = z.union([
  z.literal("others").describe("Everyone this file does not list otherwise: the destination's default."),
  z
    .strictObject({
      nationalities: z.array(CountryCode).min(1).optional(),
      groups: z.array(GroupId).min(1).optional(),
    })
    .refine((t) => t.nationalities !== undefined || t.groups !== undefined, "name nationalities or groups"),
]);

const regimeFields = {
  id: Id.describe("Stable id, unique across the dataset; never reused."),
  travellers: TravellersSchema,
  requirement: z.enum(DATA_REQUIREMENTS),
  maxStay: MaxStaySchema.nullable().describe(
    "null where the rule sets no stay: free movement, a stay set by the visa issued, or a limit the sources do not state (say which in a note).",
  ),
  validFrom: IsoDate.describe("First day enforced at the border, local date at the destination."),
  validUntil: IsoDate.optional().describe("First day no longer in force (half-open); omit: until further notice."),
  published: IsoDate.optional().describe("Day the instrument was published."),
  inForce: IsoDate.optional().describe(
    "Day the instrument entered into force, when it is before validFrom: the days between are a grace period.",
  ),
  authorisation: Text.optional().describe("Name of the document to obtain: e-Visa, ESTA, eTA, ..."),
  conditions: TopConditionSchema.optional().describe("json-rules-engine conditions over the traveller facts."),
  conditionText: Text.optional().describe("The conditions in words, as a traveller reads them."),
  notes: z.array(Text).optional(),
  sources: z.array(SourceSchema).min(1),
};

const At = (what: string) =>
  z
    .array(CountryCode)
    .min(1)
    .optional()
    .describe(
      `The members where this ${what} applies: a member state's own exception to the area's common policy (a regime takes precedence there over the common regimes of the same level). Omit: every member.`,
    );

function checkRegime(r: z.infer<z.ZodObject<typeof regimeFields>>, ctx: z.RefinementCtx): void {
  if (r.validUntil !== undefined && r.validUntil <= r.validFrom)
    ctx.addIssue({ code: "custom", path: ["validUntil"], message: "validUntil must be after validFrom" });
  if (r.inForce !== undefined && r.inForce > r.validFrom)
    ctx.addIssue({ code: "custom", path: ["inForce"], message: "inForce must not be after validFrom" });
  if (r.published !== undefined && r.published > r.validFrom)
    ctx.addIssue({ code: "custom", path: ["published"], message: "published must not be after validFrom" });
  if ((r.conditions === undefined) !== (r.conditionText === undefined))
    ctx.addIssue({
      code: "custom",
      path: [r.conditions === undefined ? "conditionText" : "conditions"],
      message: "conditions and conditionText go together",
    });
  if (!r.sources.some((s) => s.url !== undefined))
    ctx.addIssue({ code: "custom", path: ["sources"], message: "at least one source needs an https url" });
}

/** One regime of a destination file. */
export const RegimeSchema = z.strictObject(regimeFields).superRefine(checkRegime);

/** One regime of an area file: it may name the members where it applies. */
export const AreaRegimeSchema = z.strictObject({ ...regimeFields, at: At("regime") }).superRefine(checkRegime);

/**
 * Nationalities whose entry has not been researched for a period: they answer `unknown` there
 * instead of falling to a group or the default, which would be a guess.
 */
const gapFields = {
  nationalities: z.array(CountryCode).min(1),
  from: IsoDate,
  until: IsoDate.optional(),
  reason: Text.describe("What is missing and what was found so far: shown with every answer the gap decides."),
  possible: z
    .array(z.enum(DATA_REQUIREMENTS))
    .min(2)
    .refine((l) => new Set(l).size === l.length, { message: "possible must not repeat a requirement" })
    .optional()
    .describe(
      "The requirements the sources leave open for these nationalities in this period (e-visa or visa-on-arrival, say), each supported by the reason; the answer stays unknown and lists them. Never a guess: leave it out where the sources do not narrow it.",
    ),
  searched: z
    .array(Text)
    .optional()
    .describe("What each research pass searched, and found short of an answer, one entry per pass: for the next pass, not shown in answers."),
};

const gapPeriod = (g: { from: string; until?: string }): boolean => g.until === undefined || g.until > g.from;
const gapPeriodError = { message: "until must be after from", path: ["until"] };

export const GapSchema = z.strictObject(gapFields).refine(gapPeriod, gapPeriodError);

/** A gap of an area file: it may name the members where it applies. */
export const AreaGapSchema = z.strictObject({ ...gapFields, at: At("gap") }).refine(gapPeriod, gapPeriodError);

/**
 * How long a passport must be valid at entry: `days`/`months` beyond the arrival, beyond the
 * longest stay allowed (counted from arrival), or beyond the intended departure.
 */
export const PassportValiditySchema = z
  .strictObject({
    id: Id,
    validFrom: IsoDate,
    validUntil: IsoDate.optional(),
    beyond: z.enum(["arrival", "stay", "departure"]),
    days: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe('0 only beyond "departure": the passport must be valid for the whole stay, to the day of leaving.'),
    months: z.number().int().positive().optional(),
    exceptPassports: z.array(z.enum(PASSPORT_TYPES)).optional().describe("Passport types the rule does not apply to."),
    nationalities: z
      .array(CountryCode)
      .min(1)
      .optional()
      .describe("Only for travellers of these nationalities (it takes precedence over a rule for everyone). Omit: everyone."),
    exceptNationalities: z.array(CountryCode).min(1).optional().describe("Nationalities the rule does not apply to."),
    rule: Text.describe("The rule in words, as a traveller reads it."),
    notes: z.array(Text).optional(),
    sources: z.array(SourceSchema).min(1),
  })
  .refine((v) => (v.days === undefined) !== (v.months === undefined), "give either days or months")
  .refine((v) => v.days !== 0 || v.beyond === "departure", {
    message: 'days 0 is for "beyond": "departure" (valid for the whole stay)',
    path: ["days"],
  })
  .refine((v) => v.nationalities === undefined || v.exceptNationalities === undefined, {
    message: "give nationalities or exceptNationalities, not both",
    path: ["exceptNationalities"],
  })
  .refine((v) => v.validUntil === undefined || v.validUntil > v.validFrom, {
    message: "validUntil must be after validFrom",
    path: ["validUntil"],
  })
  .refine((v) => v.sources.some((s) => s.url !== undefined), { message: "at least one source needs an https url", path: ["sources"] });

const PolicyFields = {
  $schema: z.string().optional(),
  revision: z.number().int().positive().describe("Raised by one at every change of this file."),
  reviewed: IsoDate.describe("The day the whole file was last checked against its sources."),
  since: IsoDate.describe("The first date this file answers for; earlier dates answer unknown."),
  notes: z.array(Text).optional(),
  gaps: z.array(GapSchema).optional(),
  passportValidity: z.array(PassportValiditySchema).optional(),
  regimes: z.array(RegimeSchema).min(1),
};

export const DestinationFileSchema = z.strictObject({ destination: CountryCode, ...PolicyFields });

export const MembershipSchema = z.strictObject({
  country: CountryCode,
  from: IsoDate,
  until: IsoDate.optional(),
  notes: z.array(Text).optional(),
  sources: z.array(SourceSchema).optional(),
});

export const GroupFileSchema = z.strictObject({
  $schema: z.string().optional(),
  group: GroupId,
  name: Text,
  notes: z.array(Text).optional(),
  sources: z.array(SourceSchema).min(1),
  members: z.array(MembershipSchema).min(1),
});

export const AreaFileSchema = z.strictObject({
  area: GroupId,
  name: Text,
  members: z.array(MembershipSchema).min(1).describe("The destinations this file answers for, over time."),
  ...PolicyFields,
  gaps: z.array(AreaGapSchema).optional(),
  regimes: z.array(AreaRegimeSchema).min(1),
});

export const CountriesFileSchema = z.strictObject({
  $schema: z.string().optional(),
  countries: z
    .array(
      z.strictObject({
        code: CountryCode,
        alpha3: z.string().regex(/^[A-Z]{3}$/),
        name: Text,
        definite: z.literal(true).optional().describe('The name takes "the" in a sentence.'),
        passport: CountryCode.nullable()
          .optional()
          .describe("A territory whose people travel on passports of this country, and are answered as it; null: no passports at all (Antarctica)."),
        passportSources: z
          .array(SourceSchema)
          .min(1)
          .optional()
          .describe("Where `passport` names a country: what shows that the territory's people hold its passports."),
        passportNote: Text.optional().describe("Why `passport` is what it is, where no source is cited (no permanent population)."),
        timeZone: Text.describe("IANA zone whose local date counts at this destination."),
      })
      .refine((c) => typeof c.passport !== "string" || c.passportSources !== undefined || c.passportNote !== undefined, {
        message: "a territory answered as another country needs passportSources (or, with no permanent population, a passportNote)",
        path: ["passportSources"],
      }),
    )
    .min(1),
});

export const DatasetFileSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.string().regex(/^\d{4}\.\d+$/, "expected a version like 2026.1"),
  released: IsoDate,
});

export type Source = z.infer<typeof SourceSchema>;
/** A regime as the engine reads it: a destination file's, or an area file's (which may name members, `at`). */
export type Regime = z.infer<typeof AreaRegimeSchema>;
export type Gap = z.infer<typeof AreaGapSchema>;
export type PassportValidity = z.infer<typeof PassportValiditySchema>;
export type MaxStay = z.infer<typeof MaxStaySchema>;
export type DestinationFile = z.infer<typeof DestinationFileSchema>;
export type GroupFile = z.infer<typeof GroupFileSchema>;
export type AreaFile = z.infer<typeof AreaFileSchema>;
export type CountriesFile = z.infer<typeof CountriesFileSchema>;
export type DatasetFile = z.infer<typeof DatasetFileSchema>;

/** The schema each kind of rule file is read with. */
export const FILE_SCHEMAS = {
  dataset: DatasetFileSchema,
  countries: CountriesFileSchema,
  group: GroupFileSchema,
  area: AreaFileSchema,
  destination: DestinationFileSchema,
} satisfies Record<FileKind, z.ZodType>;
