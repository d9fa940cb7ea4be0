// Stay counting with the EU's convention: the days of entry and exit both count, and a limit's
// window ends on the day asked about (a rolling window of N days covers that day and the N-1
// before; a calendar-year window covers 1 January to that day). Dates are handled as day
// numbers (days since 1970-01-01, UTC) so that counting is exact.

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The longest single stay a limit allows: `perStay` beside a window, else `days`; null: no limit. */
export function singleStay(ms: { days: number; perStay?: number } | null | undefined): number | null {
  return ms ? (ms.perStay ?? ms.days) : null;
}

/** At most `days` days in the window ending on each day; `start(day)` is that window's first day. */
export interface Limit {
  days: number;
  start: (day: number) => number;
}

/** 90 within any 180 days. */
export const rollingLimit = (days: number, within: number): Limit => ({ days, start: (d) => d - within + 1 });

/** At most `days` in each calendar year (1 January to 31 December). */
export const calendarYearLimit = (days: number): Limit => ({ days, start: yearStart });

export function yearStart(day: number): number {
  return Date.UTC(new Date(day * 86_400_000).getUTCFullYear(), 0, 1) / 86_400_000;
}

/** The longest window a limit can have: no day's window reaches further back. */
const LONGEST_WINDOW = 366;

/** The days stayed, sorted, counted over any span by binary search. */
export class Days {
  private readonly sorted: number[];

  constructor(stays: { entry: string; exit: string }[]) {
    const set = new Set<number>();
    for (const s of stays) for (let d = dayNumber(s.entry); d <= dayNumber(s.exit); d++) set.add(d);
    this.sorted = [...set].sort((a, b) => a - b);
  }

  /** Days stayed in [from, to]. */
  count(from: number, to: number): number {
    return to < from ? 0 : this.index(to + 1) - this.index(from);
  }

  /** The stayed days after `day`, in order, up to `last`. */
  *after(day: number, last: number): Generator<number> {
    for (let i = this.index(day + 1); i < this.sorted.length && this.sorted[i]! <= last; i++) yield this.sorted[i]!;
  }

  /** The position of the first stayed day on or after `day`. */
  private index(day: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Days used in the limit's window ending on `on`. */
export function used(days: Days, on: number, limit: Limit): number {
  return days.count(limit.start(on), on);
}

/**
 * The longest stay that could start on `on` without any day of it, or any later day already
 * stayed (planned stays count), exceeding a limit in its window; at most `cap` days.
 */
export function longestFrom(days: Days, on: number, limits: Limit[], cap = Infinity): number {
  // Days in [from, to] with the trial stay [on, end] added to those already stayed.
  const withTrial = (from: number, to: number, end: number): number => {
    const a = Math.max(from, on);
    const b = Math.min(to, end);
    return days.count(from, to) + (b < a ? 0 : b - a + 1 - days.count(a, b));
  };
  let length = 0;
  // A stay never needs more simulation than a window and a limit: after that it has broken one.
  const last = on + LONGEST_WINDOW + Math.max(...limits.map((l) => l.days));
  for (let d = on; d < last && length < cap; d++) {
    if (limits.some((l) => withTrial(l.start(d), d, d) > l.days)) break;
    let ok = true;
    for (const later of days.after(d, d + LONGEST_WINDOW))
      if (limits.some((l) => l.start(later) <= d && withTrial(l.start(later), later, d) > l.days)) {
        ok = false;
        break;
      }
    if (!ok) break;
    length++;
  }
  return length;
}

/** The first day of a stay (already among `days`) on which a limit is exceeded, or null. */
export function firstExcess(days: Days, stay: { entry: string; exit: string }, limits: Limit[]): number | null {
  for (let d = dayNumber(stay.entry); d <= dayNumber(stay.exit); d++) if (limits.some((l) => used(days, d, l) > l.days)) return d;
  return null;
}

/** Without a rolling window: the first day beyond `limit` days of one stay, or null. */
export function perStayExcess(stay: { entry: string; exit: string }, limit: number): number | null {
  const entry = dayNumber(stay.entry);
  return dayNumber(stay.exit) - entry + 1 > limit ? entry + limit : null;
}
