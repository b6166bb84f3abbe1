/**
 * Report periods as calendar days in the workspace's time zone, both ends included (like the reports' `from`/`to`).
 * The presets the dashboards offer, the previous period a comparison uses, and "today" in a zone. Pure: callers pass
 * today's date.
 */

export const PERIOD_PRESETS = ["this_month", "last_month", "this_quarter", "last_quarter", "last_12_months", "custom"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_month: "This month",
  last_month: "Last month",
  this_quarter: "This quarter",
  last_quarter: "Last quarter",
  last_12_months: "Last 12 months",
  custom: "Custom dates",
};

export type DayRange = { from: string; to: string };

const DAY = 86_400_000;

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function monthStart(y: number, m0: number): string {
  return isoDay(new Date(Date.UTC(y, m0, 1)));
}

/** A calendar day `n` days after (or before, n < 0) another. */
export function addDays(day: string, n: number): string {
  return isoDay(new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * DAY));
}

function dayBefore(date: string): string {
  return addDays(date, -1);
}

/** Number of calendar days in a period, both ends included. */
export function periodDays(p: DayRange): number {
  return Math.round((Date.parse(p.to) - Date.parse(p.from)) / DAY) + 1;
}

/** The same period shifted back by its own length (for "compared with the previous period"). */
export function previousPeriod(p: DayRange): DayRange {
  const days = periodDays(p);
  return { from: isoDay(new Date(Date.parse(p.from) - days * DAY)), to: dayBefore(p.from) };
}

/**
 * A preset as days, given today in the workspace zone. Periods that contain today end today (this month, this
 * quarter, last 12 months), so the comparison with the previous period is like for like; last month and last
 * quarter are whole. "Last 12 months" is the reports' default period: the first day of the month eleven months
 * back through today. `custom` gives the picked days, or null while one is missing or they are reversed.
 */
export function presetPeriod(preset: PeriodPreset, today: string, custom?: { from: string | null; to: string | null }): DayRange | null {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const m0 = m - 1;
  const q0 = m0 - (m0 % 3);
  switch (preset) {
    case "this_month":
      return { from: monthStart(y, m0), to: today };
    case "last_month":
      return { from: monthStart(y, m0 - 1), to: dayBefore(monthStart(y, m0)) };
    case "this_quarter":
      return { from: monthStart(y, q0), to: today };
    case "last_quarter":
      return { from: monthStart(y, q0 - 3), to: dayBefore(monthStart(y, q0)) };
    case "last_12_months":
      return { from: monthStart(y, m0 - 11), to: today };
    case "custom":
      if (!custom?.from || !custom.to || custom.to < custom.from) return null;
      return { from: custom.from, to: custom.to };
  }
}

/** Today's date (`YYYY-MM-DD`) in a time zone; UTC when the zone is unknown. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
    const part = (type: string) => parts.find((x) => x.type === type)?.value ?? "";
    return `${part("year")}-${part("month")}-${part("day")}`;
  } catch {
    return isoDay(now);
  }
}
