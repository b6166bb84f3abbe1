/**
 * Business-time arithmetic (DESIGN §6.4): SLA durations count only the open hours of a business calendar.
 * Instants are epoch milliseconds. Open hours are local wall-clock times in the calendar's zone, so across a DST
 * change a 09:00–17:00 day stays 8 h; a change inside open hours shortens or lengthens that day's interval.
 * A wall time skipped by a spring-forward maps to the instant just as far past the gap, an ambiguous one to its
 * first occurrence (as Temporal's "compatible"). Intervals are half-open: open at the opening, closed at closing.
 */
import { WEEKDAYS, type BusinessCalendar } from "../contracts/business-calendar.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
// A validated calendar opens at least weekly and has at most 400 holidays, so this only stops bad input.
const MAX_CLOSED_DAYS = 4_000;

type Compiled = { zone: string; week: [number, number][][]; holidays: Set<number> };

const formatters = new Map<string, Intl.DateTimeFormat>();
const compiled = new WeakMap<BusinessCalendar, Compiled>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(zone, f);
  }
  return f;
}

// Offsets by zone and quarter hour: every zone's transitions fall on a quarter hour, so an offset holds for its whole
// quarter hour, and formatting a date through Intl is what business-time arithmetic spends its time on.
const QUARTER_HOUR = 15 * MINUTE;
const OFFSET_CACHE_LIMIT = 200_000;
const offsetCache = new Map<string, number>();

/** The zone's offset from UTC at `at`, in ms (local = UTC + offset). */
function offsetAt(zone: string, at: number): number {
  const key = `${zone}|${Math.floor(at / QUARTER_HOUR)}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  const offset = computeOffset(zone, at);
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(zone: string, at: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant of local wall time `wall` (local ms as if UTC); gaps resolve later, overlaps earlier. */
function instantOf(zone: string, wall: number): number {
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(zone, t) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function compile(cal: BusinessCalendar): Compiled {
  let c = compiled.get(cal);
  if (!c) {
    const week = WEEKDAYS.map((d) => cal.weeklyHours[d].map((i): [number, number] => [minutesOf(i.start), minutesOf(i.end)]));
    c = { zone: cal.timezone, week, holidays: new Set(cal.holidays.map((h) => Date.parse(`${h}T00:00:00Z`) / DAY)) };
    compiled.set(cal, c);
  }
  return c;
}

/** Open intervals of local day `day` (days since 1970-01-01) as instants, in order. */
function intervalsOn(c: Compiled, day: number): [number, number][] {
  if (c.holidays.has(day)) return [];
  const hours = c.week[(((day + 4) % 7) + 7) % 7]!; // 1970-01-01 was a Thursday
  if (hours.length === 0) return [];
  // Zones change offset at most once or twice a year, so one offset across three days means none on this one.
  const base = day * DAY;
  const before = offsetAt(c.zone, base - DAY);
  const uniform = before === offsetAt(c.zone, base + 2 * DAY);
  const toInstant = (minute: number) => (uniform ? base + minute * MINUTE - before : instantOf(c.zone, base + minute * MINUTE));
  return hours.map(([s, e]): [number, number] => [toInstant(s), toInstant(e)]).filter(([s, e]) => e > s);
}

/** Open intervals ending after `at`, clipped to start no earlier than `at` nor before the previous one ends. */
function* intervalsFrom(c: Compiled, at: number): Generator<[number, number]> {
  let day = Math.floor((at + offsetAt(c.zone, at)) / DAY) - 1;
  let floor = at;
  let closedDays = 0;
  for (;;) {
    const found = intervalsOn(c, day++);
    closedDays = found.length === 0 ? closedDays + 1 : 0;
    if (closedDays > MAX_CLOSED_DAYS) throw new Error(`business calendar has no open hours within ${MAX_CLOSED_DAYS} days`);
    for (const [s, e] of found) {
      if (e <= floor) continue;
      yield [Math.max(s, floor), e];
      floor = e;
    }
  }
}

/** Whether `at` falls in business time. */
export function isOpenAt(cal: BusinessCalendar, at: number): boolean {
  for (const [s] of intervalsFrom(compile(cal), at)) return s === at;
  return false;
}

/** The next instant business time starts: `at` itself when open. */
export function nextOpening(cal: BusinessCalendar, at: number): number {
  for (const [s] of intervalsFrom(compile(cal), at)) return s;
  throw new Error("unreachable");
}

/** The instant when `minutes` of business time have elapsed after `start` (the clock starts at the next opening). */
export function addBusinessMinutes(cal: BusinessCalendar, start: number, minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative number, got ${minutes}`);
  let remaining = Math.round(minutes * MINUTE);
  for (const [s, e] of intervalsFrom(compile(cal), start)) {
    if (remaining <= e - s) return s + remaining;
    remaining -= e - s;
  }
  throw new Error("unreachable");
}

/** Business minutes between `from` and `to` (0 when `to` ≤ `from`); fractional when the instants are. */
export function businessMinutesBetween(cal: BusinessCalendar, from: number, to: number): number {
  let total = 0;
  if (to <= from) return 0;
  for (const [s, e] of intervalsFrom(compile(cal), from)) {
    if (s >= to) break;
    total += Math.min(e, to) - s;
  }
  return total / MINUTE;
}

/** The warning instant: `fraction` of `minutes` (rounded to whole minutes) of business time after `start`. */
export function warnAt(cal: BusinessCalendar, start: number, minutes: number, fraction: number): number {
  return addBusinessMinutes(cal, start, Math.round(minutes * fraction));
}

/** The instant local midnight starts `date` (`YYYY-MM-DD`) in `zone`. */
export function startOfLocalDay(zone: string, date: string): number {
  return instantOf(zone, Date.parse(`${date}T00:00:00Z`));
}

/** The local calendar date (`YYYY-MM-DD`) of `at` in `zone`. */
export function localDateOf(zone: string, at: number): string {
  return new Date(at + offsetAt(zone, at)).toISOString().slice(0, 10);
}
