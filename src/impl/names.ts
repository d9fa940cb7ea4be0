// Country names for the CLI: "tajikistan", "Ivory Coast" or "UK" where a code is expected, and a
// suggestion when nothing matches. The library itself takes codes only.
import { COUNTRY_NAMES } from "../generated/country-names.js";
import { TravelRulesError } from "../errors.js";

interface Known {
  code: string;
  alpha3: string;
  name: string;
}

/** Lower case, no accents or punctuation ("U.S.A." is "usa"), "&" as "and", no leading "the". */
export function normalName(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\.(?=\p{L}|$)/gu, "")
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
}

/** Optimal string alignment distance (Levenshtein with transpositions), capped at `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

export class CountryNames {
  /** Normalised name → codes (two for an ambiguous name: "Congo"). */
  private readonly byName = new Map<string, string[]>();
  private readonly codes = new Set<string>();

  constructor(private readonly known: readonly Known[]) {
    for (const c of known) {
      this.codes.add(c.code).add(c.alpha3);
      for (const n of [c.name, ...(COUNTRY_NAMES[c.code] ?? [])]) {
        const key = normalName(n);
        const codes = this.byName.get(key) ?? [];
        if (!codes.includes(c.code)) this.byName.set(key, [...codes, c.code]);
      }
    }
  }

  /** Whether `text` is one country's name (so a comma in it does not separate two countries). */
  isName(text: string): boolean {
    return this.byName.has(normalName(text));
  }

  /**
   * The code for what a user typed: a code (alpha-2 or alpha-3, any case) is returned as typed,
   * for the engine to check; an English name gives its code. Anything else is an UNKNOWN_COUNTRY
   * error that suggests the nearest names.
   */
  resolve(input: string, what: string): string {
    const text = input.trim();
    if (this.codes.has(text.toUpperCase())) return text;
    const codes = this.byName.get(normalName(text));
    if (codes?.length === 1) return codes[0]!;
    const hint = codes ? codes.map((c) => this.label(c)) : this.suggest(text);
    if (codes)
      throw new TravelRulesError("UNKNOWN_COUNTRY", `ambiguous country "${input}" for ${what}: ${hint.join(" or ")}?`, input);
    throw new TravelRulesError(
      "UNKNOWN_COUNTRY",
      `unknown country "${input}" for ${what}${hint.length ? ` (did you mean ${hint.join(" or ")}?)` : ""}`,
      input,
    );
  }

  /** Up to three countries whose name is within a few edits of `text`, or starts with it. */
  private suggest(text: string): string[] {
    const t = normalName(text);
    if (!t) return [];
    const max = t.length <= 3 ? 1 : t.length <= 7 ? 2 : 3;
    const scored = new Map<string, number>();
    const consider = (code: string, score: number) => {
      if (score <= max && score < (scored.get(code) ?? Infinity)) scored.set(code, score);
    };
    for (const [name, codes] of this.byName)
      for (const code of codes) {
        consider(code, distance(t, name, max));
        if (t.length >= 3 && name.startsWith(t)) consider(code, max);
      }
    return [...scored]
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([code]) => this.label(code));
  }

  private label(code: string): string {
    return `${this.known.find((c) => c.code === code)!.name} (${code})`;
  }
}
