/** Time helpers for the generator: epoch milliseconds throughout, UTC business hours 09:00–17:00 Mon–Fri. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

/** The first millisecond of the UTC month `offset` months before the month of `at`. */
export function monthStart(at: number, offset: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - offset, 1);
}

/** The same instant `months` calendar months earlier. */
export function monthsBefore(at: number, months: number): number {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

/** `YYYY-MM-DD` of an instant (UTC). */
export function isoDate(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** `YYYY-MM` of an instant (UTC). */
export function isoMonth(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

function startOfDay(at: number): number {
  return at - (((at % DAY) + DAY) % DAY);
}

function isWeekday(at: number): boolean {
  const dow = new Date(at).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/** The instant itself if inside business hours, else the next opening. */
export function nextBusinessMoment(at: number): number {
  let day = startOfDay(at);
  const hour = (at - day) / HOUR;
  if (isWeekday(at) && hour >= OPEN_HOUR && hour < CLOSE_HOUR) return at;
  if (!(isWeekday(at) && hour < OPEN_HOUR)) day += DAY;
  while (!isWeekday(day)) day += DAY;
  return day + OPEN_HOUR * HOUR;
}

/** Adds `hours` of business time (weekdays 09:00–17:00 UTC) to an instant. */
export function addBusinessHours(at: number, hours: number): number {
  let remaining = hours * HOUR;
  let cur = nextBusinessMoment(at);
  for (;;) {
    const close = startOfDay(cur) + CLOSE_HOUR * HOUR;
    if (remaining <= close - cur) return cur + remaining;
    remaining -= close - cur;
    cur = nextBusinessMoment(close);
  }
}

/** Moves an instant to a random time inside business hours on or after its day. */
export function duringBusinessHours(at: number, fraction: number): number {
  let day = startOfDay(at);
  while (!isWeekday(day)) day += DAY;
  return day + OPEN_HOUR * HOUR + Math.floor(fraction * (CLOSE_HOUR - OPEN_HOUR) * HOUR);
}
