import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../contracts/business-calendar.js";
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpening } from "./business-time.js";

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

type Hours = { start: string; end: string }[];
const cal = (timezone: string, hours: Hours, opts: { weekend?: Hours; holidays?: string[] } = {}): BusinessCalendar => ({
  timezone,
  weeklyHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: opts.weekend ?? [], sun: opts.weekend ?? [] },
  holidays: opts.holidays ?? [],
});
const NINE_FIVE = [{ start: "09:00", end: "17:00" }];

const NEW_YORK = cal("America/New_York", NINE_FIVE, { holidays: ["2026-11-26"] });
const NY_NIGHTS = cal("America/New_York", [{ start: "01:00", end: "05:00" }], { weekend: [{ start: "01:00", end: "05:00" }] });
const NY_IN_GAP = cal("America/New_York", [{ start: "02:30", end: "04:00" }], { weekend: [{ start: "02:30", end: "04:00" }] });
const NY_IN_OVERLAP = cal("America/New_York", [{ start: "01:30", end: "03:00" }], { weekend: [{ start: "01:30", end: "03:00" }] });
const BERLIN = cal("Europe/Berlin", NINE_FIVE);
const BERLIN_ALWAYS = cal("Europe/Berlin", [{ start: "00:00", end: "24:00" }], { weekend: [{ start: "00:00", end: "24:00" }] });
const KOLKATA = cal("Asia/Kolkata", NINE_FIVE);
const KOLKATA_WEEKDAYS = cal("Asia/Kolkata", [{ start: "09:30", end: "13:00" }, { start: "14:00", end: "18:30" }], { holidays: ["2026-01-26"] });
const KOLKATA_SPLIT: BusinessCalendar = { ...KOLKATA_WEEKDAYS, weeklyHours: { ...KOLKATA_WEEKDAYS.weeklyHours, sat: [{ start: "10:00", end: "14:00" }] } };

// US clocks: 2026-03-08 02:00 EST → 03:00 EDT (UTC−5 → −4); 2026-11-01 02:00 EDT → 01:00 EST.
// EU clocks: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET. Kolkata: UTC+05:30, no DST.
describe("addBusinessMinutes in other zones", () => {
  it.each([
    ["NY: Fri 16:00 EST + 2 h over the spring-forward → Mon 10:00 EDT", NEW_YORK, "2026-03-06T21:00:00Z", 120, "2026-03-09T14:00:00.000Z"],
    ["NY: Fri 16:00 EDT + 2 h over the fall-back → Mon 10:00 EST", NEW_YORK, "2026-10-30T20:00:00Z", 120, "2026-11-02T15:00:00.000Z"],
    ["NY: a week of 8-hour days across the change", NEW_YORK, "2026-03-06T14:00:00Z", 2400, "2026-03-12T21:00:00.000Z"],
    ["NY: over Thanksgiving", NEW_YORK, "2026-11-25T21:00:00Z", 120, "2026-11-27T15:00:00.000Z"],
    ["NY nights: spring-forward night is 3 h (01:00 EST–05:00 EDT)", NY_NIGHTS, "2026-03-08T06:00:00Z", 180, "2026-03-08T09:00:00.000Z"],
    ["NY nights: and the next minute is Monday 01:01 EDT", NY_NIGHTS, "2026-03-08T06:00:00Z", 181, "2026-03-09T05:01:00.000Z"],
    ["NY nights: fall-back night is 5 h (01:00 EDT–05:00 EST)", NY_NIGHTS, "2026-11-01T05:00:00Z", 300, "2026-11-01T10:00:00.000Z"],
    ["NY nights: through the repeated hour", NY_NIGHTS, "2026-11-01T05:00:00Z", 90, "2026-11-01T06:30:00.000Z"],
    ["NY: an opening inside the gap (02:30) starts at 03:30 EDT", NY_IN_GAP, "2026-03-08T05:00:00Z", 30, "2026-03-08T08:00:00.000Z"],
    ["NY: an ambiguous opening (01:30) is the first one, EDT", NY_IN_OVERLAP, "2026-11-01T04:00:00Z", 150, "2026-11-01T08:00:00.000Z"],
    ["Berlin: Fri 16:00 CET + 2 h → Mon 10:00 CEST", BERLIN, "2026-03-27T15:00:00Z", 120, "2026-03-30T08:00:00.000Z"],
    ["Berlin 24/7: the short day is 23 h", BERLIN_ALWAYS, "2026-03-28T23:00:00Z", 1380, "2026-03-29T22:00:00.000Z"],
    ["Berlin 24/7: the long day is 25 h", BERLIN_ALWAYS, "2026-10-24T22:00:00Z", 1500, "2026-10-25T23:00:00.000Z"],
    ["Kolkata: Fri 16:00 IST + 2 h → Mon 10:00 IST", KOLKATA, "2026-03-06T10:30:00Z", 120, "2026-03-09T04:30:00.000Z"],
    ["Kolkata split: Fri 18:00 + 30 min ends at Friday's close", KOLKATA_SPLIT, "2026-01-23T12:30:00Z", 30, "2026-01-23T13:00:00.000Z"],
    ["Kolkata split: into Saturday morning", KOLKATA_SPLIT, "2026-01-23T12:30:00Z", 90, "2026-01-24T05:30:00.000Z"],
    ["Kolkata split: over Sunday and the Republic Day holiday", KOLKATA_SPLIT, "2026-01-23T12:30:00Z", 300, "2026-01-27T04:30:00.000Z"],
  ])("%s", (_label, calendar, start, minutes, expected) => {
    const end = addBusinessMinutes(calendar, t(start), minutes);
    expect(iso(end)).toBe(expected);
    expect(businessMinutesBetween(calendar, t(start), end)).toBe(minutes);
  });
});

describe("whole local days across DST changes", () => {
  it.each([
    ["NY 9–17, the week of the spring-forward", NEW_YORK, "2026-03-07T05:00:00Z", "2026-03-14T05:00:00Z", 2400],
    ["NY 9–17, the week of the fall-back", NEW_YORK, "2026-10-31T04:00:00Z", "2026-11-07T05:00:00Z", 2400],
    ["NY nights, the Saturday before", NY_NIGHTS, "2026-03-07T05:00:00Z", "2026-03-08T05:00:00Z", 240],
    ["NY nights, spring-forward Sunday", NY_NIGHTS, "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 180],
    ["NY nights, fall-back Sunday", NY_NIGHTS, "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 300],
    ["NY 02:30–04:00, spring-forward Sunday", NY_IN_GAP, "2026-03-08T05:00:00Z", "2026-03-09T04:00:00Z", 30],
    ["NY 01:30–03:00, fall-back Sunday", NY_IN_OVERLAP, "2026-11-01T04:00:00Z", "2026-11-02T05:00:00Z", 150],
    ["Berlin 24/7, spring-forward Sunday", BERLIN_ALWAYS, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z", 1380],
    ["Berlin 24/7, fall-back Sunday", BERLIN_ALWAYS, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z", 1500],
    ["Kolkata split, a Saturday", KOLKATA_SPLIT, "2026-01-23T18:30:00Z", "2026-01-24T18:30:00Z", 240],
  ])("%s", (_label, calendar, from, to, expected) => {
    expect(businessMinutesBetween(calendar, t(from), t(to))).toBe(expected);
  });
});

describe("isOpenAt and nextOpening in other zones", () => {
  it.each([
    [NEW_YORK, "2026-03-06T13:59:00Z", false, "2026-03-06T14:00:00.000Z"],
    [NEW_YORK, "2026-03-09T12:59:00Z", false, "2026-03-09T13:00:00.000Z"],
    [NEW_YORK, "2026-03-09T13:00:00Z", true, "2026-03-09T13:00:00.000Z"],
    [NEW_YORK, "2026-11-26T15:00:00Z", false, "2026-11-27T14:00:00.000Z"],
    [NY_NIGHTS, "2026-03-08T07:30:00Z", true, "2026-03-08T07:30:00.000Z"],
    [NY_NIGHTS, "2026-03-08T09:00:00Z", false, "2026-03-09T05:00:00.000Z"],
    [NY_NIGHTS, "2026-11-01T09:30:00Z", true, "2026-11-01T09:30:00.000Z"],
    [NY_IN_GAP, "2026-03-08T05:00:00Z", false, "2026-03-08T07:30:00.000Z"],
    [KOLKATA, "2026-03-09T03:29:59.999Z", false, "2026-03-09T03:30:00.000Z"],
    [KOLKATA, "2026-03-09T03:30:00Z", true, "2026-03-09T03:30:00.000Z"],
    [KOLKATA, "2026-03-07T06:00:00Z", false, "2026-03-09T03:30:00.000Z"],
    [KOLKATA_SPLIT, "2026-01-23T07:45:00Z", false, "2026-01-23T08:30:00.000Z"],
  ])("%#: at %s", (calendar, at, open, next) => {
    expect(isOpenAt(calendar, t(at))).toBe(open);
    expect(iso(nextOpening(calendar, t(at)))).toBe(next);
  });
});
