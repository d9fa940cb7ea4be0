/** Stable error codes: match on these, never on messages. */
export type ErrorCode =
  | "UNKNOWN_COUNTRY"
  | "INVALID_DATE"
  | "INVALID_FACT"
  | "INVALID_QUERY"
  | "INVALID_RULES";

/** One problem found in rule data: the file, the JSON path inside it, and what is wrong. */
export interface RuleIssue {
  file: string;
  path: (string | number)[];
  message: string;
}

/** The one error class this library throws. Use {@link isTravelRulesError} to narrow. */
export class TravelRulesError extends Error {
  override readonly name: string = "TravelRulesError";
  readonly code: ErrorCode;
  /** The offending value, where there is one. */
  readonly value?: unknown;

  constructor(code: ErrorCode, message: string, value?: unknown) {
    super(message);
    this.code = code;
    if (value !== undefined) this.value = value;
  }

  toJSON(): { code: ErrorCode; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** Rule data failed validation; `issues` lists every problem at once. */
export class InvalidRulesError extends TravelRulesError {
  override readonly name: string = "InvalidRulesError";
  readonly issues: RuleIssue[];

  constructor(issues: RuleIssue[]) {
    const first = issues[0];
    const head = first ? `${formatIssue(first)}` : "no rule data";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super("INVALID_RULES", `invalid rules: ${head}${more}`);
    this.issues = issues;
  }
}

export function formatIssue(i: RuleIssue): string {
  const path = i.path.length ? `: ${i.path.join(".")}` : "";
  return `${i.file}${path}: ${i.message}`;
}

export function isTravelRulesError(error: unknown): error is TravelRulesError {
  return error instanceof TravelRulesError;
}
