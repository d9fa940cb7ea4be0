// Rolling-window stay counting with the EU's convention: the days of entry and exit both count,
// and the window of N days ends on the day asked about (it covers that day and the N-1 before).
// Dates are handled as day numbers (days since 1970-01-01, UTC) so that counting is exact.

export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Days of `days` (a set of day numbers) inside the window of `within` days ending on `end`. */
function usedIn(days: Set<number>, end: number, within: number): number {
  let n = 0;
  for (let d = end - within + 1; d <= end; d++) if (days.has(d)) n++;
  return n;
}

export interface Window {
  days: number;
  within: number;
}

/** The days stayed, as a set of day numbers. */
export function daysOf(stays: { entry: string; exit: string }[]): Set<number> {
  const out = new Set<number>();
  for (const s of stays) for (let d = dayNumber(s.entry); d <= dayNumber(s.exit); d++) out.add(d);
  return out;
}

/** Days used in the window of `within` days ending on `on`. */
export function used(days: Set<number>, on: number, within: number): number {
  return usedIn(days, on, within);
}

/**
 * The longest stay that could start on `on` without any day of it exceeding `w.days` in its
 * window, given the other days already stayed (which may include later, planned stays).
 */
export function longestFrom(days: Set<number>, on: number, w: Window): number {
  const trial = new Set(days);
  let length = 0;
  // A stay never needs more than `within` days of simulation: after that the window only holds it.
  for (let d = on; d < on + w.within + w.days; d++) {
    trial.add(d);
    if (usedIn(trial, d, w.within) > w.days) break;
    // Later days already stayed must stay within the limit too.
    let ok = true;
    for (let later = d + 1; later < d + w.within; later++)
      if (trial.has(later) && usedIn(trial, later, w.within) > w.days) {
        ok = false;
        break;
      }
    if (!ok) break;
    length++;
  }
  return length;
}

/** The first day of a stay on which the limit is exceeded, or null if it complies. */
export function firstExcess(days: Set<number>, stay: { entry: string; exit: string }, w: Window): number | null {
  for (let d = dayNumber(stay.entry); d <= dayNumber(stay.exit); d++) if (usedIn(days, d, w.within) > w.days) return d;
  return null;
}

/** Without a rolling window: the first day beyond `limit` days of one stay, or null. */
export function perStayExcess(stay: { entry: string; exit: string }, limit: number): number | null {
  const entry = dayNumber(stay.entry);
  return dayNumber(stay.exit) - entry + 1 > limit ? entry + limit : null;
}
