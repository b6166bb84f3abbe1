import { WEEKDAYS, type BusinessCalendar, type OpenInterval, type Weekday } from "../../../../shared/contracts/business-calendar.js";

/** One weekday in the editor: open or closed, its first interval, and any further intervals kept as they are. */
export type DayDraft = { open: boolean; start: string; end: string; extra: OpenInterval[] };
export type CalendarDraft = { name: string; timezone: string; days: Record<Weekday, DayDraft>; holidays: string[] };

/** Monday first, as people read a week. */
export const WEEK_ORDER: Weekday[] = [...WEEKDAYS.slice(1), WEEKDAYS[0]];
export const DAY_LABELS: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** Editor values from a stored calendar. */
export function toCalendarDraft(name: string, cal: BusinessCalendar): CalendarDraft {
  const days = {} as Record<Weekday, DayDraft>;
  for (const d of WEEKDAYS) {
    const [first, ...extra] = cal.weeklyHours[d];
    days[d] = { open: !!first, start: first?.start ?? "09:00", end: first?.end ?? "17:00", extra };
  }
  return { name, timezone: cal.timezone, days, holidays: [...cal.holidays].sort() };
}

/** The API's calendar from the editor values (extra intervals of a day stay after its first one). */
export function toCalendar(d: CalendarDraft): BusinessCalendar {
  const weeklyHours = {} as BusinessCalendar["weeklyHours"];
  for (const day of WEEKDAYS) {
    const v = d.days[day];
    weeklyHours[day] = v.open ? [{ start: v.start, end: v.end }, ...v.extra] : [];
  }
  return { timezone: d.timezone, weeklyHours, holidays: d.holidays };
}

/** Error paths (after `body.`) to the editor's rows: `calendar.weeklyHours.mon.0.end` → `mon`, `calendar.holidays.3` → `holidays`. */
export function calendarFieldOf(path: string): string {
  const p = path.replace(/^calendar\./, "");
  const day = /^weeklyHours\.(\w{3})/.exec(p);
  if (day) return day[1]!;
  if (p.startsWith("weeklyHours")) return "weeklyHours";
  if (p.startsWith("holidays")) return "holidays";
  if (p.startsWith("timezone")) return "timezone";
  if (p === "name") return "name";
  return "";
}

/** Every IANA time zone the browser knows (the stored one first if it is not among them). */
export function timeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const all = zones.includes("UTC") ? zones : ["UTC", ...zones];
  return all.includes(current) ? all : [current, ...all];
}
