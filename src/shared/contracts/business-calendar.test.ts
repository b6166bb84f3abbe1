import { describe, expect, it } from "vitest";
import { BusinessCalendarSchema, DEFAULT_CALENDAR, isKnownTimeZone } from "./business-calendar.js";

const valid = { ...DEFAULT_CALENDAR, timezone: "Europe/Berlin", holidays: ["2026-12-25", "2028-02-29"] };
const withDay = (day: string, hours: unknown) => ({ ...valid, weeklyHours: { ...valid.weeklyHours, [day]: hours } });

describe("BusinessCalendarSchema", () => {
  it("accepts the default, split hours, 24:00 closes and half-hour zones", () => {
    expect(BusinessCalendarSchema.safeParse(DEFAULT_CALENDAR).success).toBe(true);
    expect(BusinessCalendarSchema.safeParse(valid).success).toBe(true);
    const split = withDay("mon", [{ start: "00:00", end: "12:00" }, { start: "12:00", end: "24:00" }]);
    expect(BusinessCalendarSchema.safeParse({ ...split, timezone: "Asia/Kolkata" }).success).toBe(true);
  });

  it.each([
    ["an unknown zone", { ...valid, timezone: "Mars/Olympus" }, ["timezone"]],
    ["an offset instead of a zone", { ...valid, timezone: "+01:00" }, ["timezone"]],
    ["an hour past 24", withDay("mon", [{ start: "25:00", end: "26:00" }]), ["weeklyHours", "mon", 0, "start"]],
    ["24:30", withDay("tue", [{ start: "09:00", end: "24:30" }]), ["weeklyHours", "tue", 0, "end"]],
    ["a time without leading zero", withDay("wed", [{ start: "9:00", end: "17:00" }]), ["weeklyHours", "wed", 0, "start"]],
    ["end before start", withDay("thu", [{ start: "17:00", end: "09:00" }]), ["weeklyHours", "thu", 0, "end"]],
    ["an empty interval", withDay("fri", [{ start: "09:00", end: "09:00" }]), ["weeklyHours", "fri", 0, "end"]],
    ["overlapping intervals", withDay("sat", [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }]), ["weeklyHours", "sat", 1, "start"]],
    ["unsorted intervals", withDay("sun", [{ start: "13:00", end: "17:00" }, { start: "09:00", end: "12:00" }]), ["weeklyHours", "sun", 1, "start"]],
    ["a missing day", { ...valid, weeklyHours: { ...valid.weeklyHours, sun: undefined } }, ["weeklyHours", "sun"]],
    ["a week with no open hours", { ...valid, weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } }, ["weeklyHours"]],
    ["an impossible holiday", { ...valid, holidays: ["2026-02-30"] }, ["holidays", 0]],
    ["a holiday in another format", { ...valid, holidays: ["2026-12-25", "25/12/2026"] }, ["holidays", 1]],
    ["too many holidays", { ...valid, holidays: Array.from({ length: 401 }, () => "2026-12-25") }, ["holidays"]],
  ])("rejects %s, naming the path", (_label, input, path) => {
    const result = BusinessCalendarSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe("isKnownTimeZone", () => {
  it.each([
    ["UTC", true],
    ["America/New_York", true],
    ["Asia/Kathmandu", true],
    ["Nowhere/Special", false],
    ["", false],
    ["Europe/Berlin; DROP", false],
  ])("%s → %s", (zone, known) => expect(isKnownTimeZone(zone)).toBe(known));
});
