import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../contracts/business-calendar.js";
import { addBusinessMinutes, businessMinutesBetween, isOpenAt, nextOpening, warnAt } from "./business-time.js";

const t = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const weekdays = (hours: { start: string; end: string }[]): BusinessCalendar["weeklyHours"] => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] });
const allDays = (hours: { start: string; end: string }[]): BusinessCalendar["weeklyHours"] => ({ ...weekdays(hours), sat: hours, sun: hours });

const UTC = DEFAULT_CALENDAR;
const SPLIT: BusinessCalendar = { timezone: "UTC", weeklyHours: weekdays([{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }]), holidays: [] };
const ALWAYS: BusinessCalendar = { timezone: "Europe/Berlin", weeklyHours: allDays([{ start: "00:00", end: "24:00" }]), holidays: [] };
const MONDAY_OFF: BusinessCalendar = { ...UTC, holidays: ["2026-03-09"] };

// 2026-03-06 is a Friday; 2026-03-09 a Monday.
describe("addBusinessMinutes on Mon–Fri 09:00–17:00 UTC", () => {
  it.each([
    ["Friday 16:00 + 2 h runs over the weekend", UTC, "2026-03-06T16:00:00Z", 120, "2026-03-09T10:00:00.000Z"],
    ["a Saturday start waits for Monday's opening", UTC, "2026-03-07T12:00:00Z", 60, "2026-03-09T10:00:00.000Z"],
    ["a Sunday-night start likewise", UTC, "2026-03-08T23:59:00Z", 1, "2026-03-09T09:01:00.000Z"],
    ["a holiday Monday is skipped", MONDAY_OFF, "2026-03-06T16:00:00Z", 120, "2026-03-10T10:00:00.000Z"],
    ["a start on the holiday itself", MONDAY_OFF, "2026-03-09T10:00:00Z", 30, "2026-03-10T09:30:00.000Z"],
    ["exactly at opening, a full day ends at closing", UTC, "2026-03-09T09:00:00Z", 480, "2026-03-09T17:00:00.000Z"],
    ["exactly at opening, one minute more rolls over", UTC, "2026-03-09T09:00:00Z", 481, "2026-03-10T09:01:00.000Z"],
    ["exactly at closing counts from the next opening", UTC, "2026-03-09T17:00:00Z", 1, "2026-03-10T09:01:00.000Z"],
    ["before opening", UTC, "2026-03-09T07:15:00Z", 45, "2026-03-09T09:45:00.000Z"],
    ["a duration ending exactly at Friday's close stays on Friday", UTC, "2026-03-06T16:00:00Z", 60, "2026-03-06T17:00:00.000Z"],
    ["three weeks (15 business days)", UTC, "2026-03-02T09:00:00Z", 7200, "2026-03-20T17:00:00.000Z"],
    ["three weeks and a minute", UTC, "2026-03-02T09:00:00Z", 7201, "2026-03-23T09:01:00.000Z"],
    ["5 business days from mid-day", UTC, "2026-03-04T13:30:00Z", 2400, "2026-03-11T13:30:00.000Z"],
    // 100,000 min = 208 days + 160 min = 41 weeks + 3 days + 2 h 40; 41 weeks after Mon 5 Jan is Mon 19 Oct.
    ["100,000 minutes", UTC, "2026-01-05T09:00:00Z", 100_000, "2026-10-22T11:40:00.000Z"],
    ["split hours: across lunch", SPLIT, "2026-03-09T11:00:00Z", 120, "2026-03-09T14:00:00.000Z"],
    ["split hours: up to the lunch close", SPLIT, "2026-03-09T11:00:00Z", 60, "2026-03-09T12:00:00.000Z"],
    ["split hours: a start at lunch", SPLIT, "2026-03-09T12:30:00Z", 30, "2026-03-09T13:30:00.000Z"],
    ["split hours: a 7-hour day", SPLIT, "2026-03-09T09:00:00Z", 421, "2026-03-10T09:01:00.000Z"],
    ["24/7: plain elapsed time", ALWAYS, "2026-03-06T16:00:00Z", 120, "2026-03-06T18:00:00.000Z"],
    ["24/7: across local midnight", ALWAYS, "2026-03-06T22:30:00Z", 60, "2026-03-06T23:30:00.000Z"],
  ])("%s", (_label, cal, start, minutes, expected) => {
    const end = addBusinessMinutes(cal, t(start), minutes);
    expect(iso(end)).toBe(expected);
    expect(businessMinutesBetween(cal, t(start), end)).toBe(minutes);
  });

  it("0 minutes is the start itself when open, else the next opening", () => {
    expect(iso(addBusinessMinutes(UTC, t("2026-03-09T10:00:00Z"), 0))).toBe("2026-03-09T10:00:00.000Z");
    expect(iso(addBusinessMinutes(UTC, t("2026-03-07T10:00:00Z"), 0))).toBe("2026-03-09T09:00:00.000Z");
    expect(iso(addBusinessMinutes(UTC, t("2026-03-09T17:00:00Z"), 0))).toBe("2026-03-10T09:00:00.000Z");
  });

  it("rejects negative or non-finite minutes", () => {
    expect(() => addBusinessMinutes(UTC, t("2026-03-09T10:00:00Z"), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(UTC, t("2026-03-09T10:00:00Z"), Number.NaN)).toThrow(RangeError);
  });
});

describe("isOpenAt and nextOpening", () => {
  it.each([
    [UTC, "2026-03-09T09:00:00Z", true, "2026-03-09T09:00:00.000Z"],
    [UTC, "2026-03-09T08:59:59.999Z", false, "2026-03-09T09:00:00.000Z"],
    [UTC, "2026-03-09T16:59:59.999Z", true, "2026-03-09T16:59:59.999Z"],
    [UTC, "2026-03-09T17:00:00Z", false, "2026-03-10T09:00:00.000Z"],
    [UTC, "2026-03-06T17:00:00Z", false, "2026-03-09T09:00:00.000Z"],
    [UTC, "2026-03-07T09:00:00Z", false, "2026-03-09T09:00:00.000Z"],
    [MONDAY_OFF, "2026-03-09T10:00:00Z", false, "2026-03-10T09:00:00.000Z"],
    [SPLIT, "2026-03-09T12:00:00Z", false, "2026-03-09T13:00:00.000Z"],
    [SPLIT, "2026-03-09T11:59:00Z", true, "2026-03-09T11:59:00.000Z"],
    [ALWAYS, "2026-03-08T23:00:00Z", true, "2026-03-08T23:00:00.000Z"],
  ])("%#: at %s", (cal, at, open, next) => {
    expect(isOpenAt(cal, t(at))).toBe(open);
    expect(iso(nextOpening(cal, t(at)))).toBe(next);
  });
});

describe("businessMinutesBetween", () => {
  it.each([
    ["over a weekend", UTC, "2026-03-06T16:00:00Z", "2026-03-09T10:00:00Z", 120],
    ["a whole week", UTC, "2026-03-07T00:00:00Z", "2026-03-14T00:00:00Z", 2400],
    ["a week with a holiday", MONDAY_OFF, "2026-03-07T00:00:00Z", "2026-03-14T00:00:00Z", 1920],
    ["both ends closed on the same night", UTC, "2026-03-09T18:00:00Z", "2026-03-09T23:00:00Z", 0],
    ["reversed", UTC, "2026-03-09T12:00:00Z", "2026-03-09T10:00:00Z", 0],
    ["equal", UTC, "2026-03-09T12:00:00Z", "2026-03-09T12:00:00Z", 0],
    ["fractional", UTC, "2026-03-09T09:00:30Z", "2026-03-09T09:01:00Z", 0.5],
    ["split day", SPLIT, "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", 420],
    ["24/7 week", ALWAYS, "2026-03-07T00:00:00Z", "2026-03-14T00:00:00Z", 10_080],
  ])("%s", (_label, cal, from, to, expected) => {
    expect(businessMinutesBetween(cal, t(from), t(to))).toBe(expected);
  });
});

describe("warnAt", () => {
  it("is the rounded fraction of the duration in business time", () => {
    expect(iso(warnAt(UTC, t("2026-03-09T09:00:00Z"), 240, 0.75))).toBe("2026-03-09T12:00:00.000Z");
    expect(iso(warnAt(UTC, t("2026-03-09T09:00:00Z"), 45, 0.5))).toBe("2026-03-09T09:23:00.000Z");
    expect(iso(warnAt(UTC, t("2026-03-06T16:00:00Z"), 240, 0.5))).toBe("2026-03-09T10:00:00.000Z");
    expect(warnAt(UTC, t("2026-03-09T09:00:00Z"), 240, 1)).toBe(addBusinessMinutes(UTC, t("2026-03-09T09:00:00Z"), 240));
  });
});

const NEW_YORK: BusinessCalendar = { timezone: "America/New_York", weeklyHours: weekdays([{ start: "09:00", end: "17:00" }]), holidays: ["2026-07-03", "2026-11-26", "2026-12-25"] };
const KOLKATA_SPLIT: BusinessCalendar = { timezone: "Asia/Kolkata", weeklyHours: { ...weekdays([{ start: "09:30", end: "13:00" }, { start: "14:00", end: "18:30" }]), sat: [{ start: "10:00", end: "14:00" }] }, holidays: ["2026-01-26"] };
const NY_NIGHTS: BusinessCalendar = { timezone: "America/New_York", weeklyHours: allDays([{ start: "01:00", end: "05:00" }]), holidays: [] };
const NY_IN_GAP: BusinessCalendar = { timezone: "America/New_York", weeklyHours: allDays([{ start: "02:30", end: "04:00" }]), holidays: [] };
const CALENDARS = [UTC, SPLIT, ALWAYS, MONDAY_OFF, NEW_YORK, KOLKATA_SPLIT, NY_NIGHTS, NY_IN_GAP];

describe("properties", () => {
  const from = t("2025-12-01T00:00:00Z");
  const to = t("2027-02-01T00:00:00Z");
  const arbitraries = [fc.constantFrom(...CALENDARS), fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 20_000 })] as const;

  it("businessMinutesBetween inverts addBusinessMinutes, from any start", () => {
    fc.assert(
      fc.property(...arbitraries, (cal, start, minutes) => {
        const end = addBusinessMinutes(cal, start, minutes);
        expect(businessMinutesBetween(cal, start, end)).toBe(minutes);
        expect(businessMinutesBetween(cal, nextOpening(cal, start), end)).toBe(minutes);
        if (minutes > 0) expect(end).toBeGreaterThan(nextOpening(cal, start));
      }),
      { seed: 11, numRuns: 400 },
    );
  });

  // b ≥ 1: a duration can end at a closing instant, where 0 more minutes means "the next opening".
  it("durations add up, and the next opening is open", () => {
    fc.assert(
      fc.property(...arbitraries, fc.integer({ min: 1, max: 5_000 }), (cal, start, a, b) => {
        const mid = addBusinessMinutes(cal, start, a);
        expect(addBusinessMinutes(cal, mid, b)).toBe(addBusinessMinutes(cal, start, a + b));
        const open = nextOpening(cal, start);
        expect(isOpenAt(cal, open)).toBe(true);
        expect(businessMinutesBetween(cal, start, open)).toBe(0);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});
