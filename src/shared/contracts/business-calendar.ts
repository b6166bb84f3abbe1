import { z } from "zod";
import { DateOnlySchema } from "./common.js";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local wall-clock time `HH:MM`, 00:00 to 24:00 inclusive (24:00 closes at the end of the day). */
export const WallTimeSchema = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: "must be HH:MM between 00:00 and 24:00" });

/** One open interval of a day, local wall time. */
export const OpenIntervalSchema = z
  .object({ start: WallTimeSchema, end: WallTimeSchema })
  .refine((i) => i.start < i.end, { message: "must be after start", path: ["end"] });
export type OpenInterval = z.infer<typeof OpenIntervalSchema>;

/** A day's open intervals, sorted and non-overlapping; empty means closed. */
export const DayHoursSchema = z
  .array(OpenIntervalSchema)
  .max(12)
  .superRefine((day, ctx) => {
    for (let i = 1; i < day.length; i++) {
      if (day[i]!.start < day[i - 1]!.end) ctx.addIssue({ code: "custom", message: "must start at or after the previous interval ends", path: [i, "start"] });
    }
  });

/** Whether the runtime knows `zone` as an IANA time zone. */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A business calendar (DESIGN §6.4): weekly hours in the zone's wall time, and local holidays closed all day. */
export const BusinessCalendarSchema = z.object({
  timezone: z.string().max(64).refine(isKnownTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }),
  weeklyHours: z
    .object({ mon: DayHoursSchema, tue: DayHoursSchema, wed: DayHoursSchema, thu: DayHoursSchema, fri: DayHoursSchema, sat: DayHoursSchema, sun: DayHoursSchema })
    .refine((w) => WEEKDAYS.some((d) => w[d].length > 0), { message: "needs at least one open interval in the week" }),
  holidays: z.array(DateOnlySchema).max(400),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

const nineToFive = [{ start: "09:00", end: "17:00" }];
/** Mon–Fri 09:00–17:00 in UTC, no holidays; the API swaps in the workspace's time zone. */
export const DEFAULT_CALENDAR: BusinessCalendar = {
  timezone: "UTC",
  weeklyHours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive, sat: [], sun: [] },
  holidays: [],
};
