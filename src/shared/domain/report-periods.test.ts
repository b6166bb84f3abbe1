import { describe, expect, it } from "vitest";
import { periodDays, presetPeriod, previousPeriod, todayIn } from "./report-periods.js";

describe("presetPeriod", () => {
  const today = "2026-11-24";
  it.each([
    ["this_month", { from: "2026-11-01", to: "2026-11-24" }],
    ["last_month", { from: "2026-10-01", to: "2026-10-31" }],
    ["this_quarter", { from: "2026-10-01", to: "2026-11-24" }],
    ["last_quarter", { from: "2026-07-01", to: "2026-09-30" }],
    // first day of the month eleven months back, like the server's default period
    ["last_12_months", { from: "2025-12-01", to: "2026-11-24" }],
  ] as const)("%s on %s", (preset, expected) => {
    expect(presetPeriod(preset, today)).toEqual(expected);
  });

  it("crosses the year in January: last month is December, last quarter Q4 of the year before", () => {
    expect(presetPeriod("last_month", "2027-01-15")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(presetPeriod("last_quarter", "2027-02-10")).toEqual({ from: "2026-10-01", to: "2026-12-31" });
    expect(presetPeriod("this_quarter", "2027-03-31")).toEqual({ from: "2027-01-01", to: "2027-03-31" });
  });

  it("last month ends on the last day of February, leap years included", () => {
    expect(presetPeriod("last_month", "2028-03-05")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetPeriod("last_month", "2027-03-05")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
  });

  it("custom takes the picked days, null while incomplete or reversed", () => {
    expect(presetPeriod("custom", today, { from: "2026-01-05", to: "2026-02-04" })).toEqual({ from: "2026-01-05", to: "2026-02-04" });
    expect(presetPeriod("custom", today, { from: "2026-01-05", to: null })).toBeNull();
    expect(presetPeriod("custom", today, { from: "2026-02-05", to: "2026-02-04" })).toBeNull();
    expect(presetPeriod("custom", today)).toBeNull();
  });
});

describe("previousPeriod", () => {
  it("is the same number of days right before", () => {
    // Nov 1–24 is 24 days; the 24 days before Nov 1 are Oct 8–31.
    expect(previousPeriod({ from: "2026-11-01", to: "2026-11-24" })).toEqual({ from: "2026-10-08", to: "2026-10-31" });
    // Q3 is 92 days (Jul 31 + Aug 31 + Sep 30); the 92 days before Jul 1 are Mar 31–Jun 30.
    expect(previousPeriod({ from: "2026-07-01", to: "2026-09-30" })).toEqual({ from: "2026-03-31", to: "2026-06-30" });
    // a single day compares with the day before
    expect(previousPeriod({ from: "2026-03-01", to: "2026-03-01" })).toEqual({ from: "2026-02-28", to: "2026-02-28" });
  });

  it("keeps the length", () => {
    const p = { from: "2025-12-01", to: "2026-11-24" };
    expect(periodDays(previousPeriod(p))).toBe(periodDays(p));
    expect(periodDays(p)).toBe(359);
  });
});

describe("todayIn", () => {
  it("reads the date in the zone", () => {
    const now = new Date("2026-11-24T23:30:00Z");
    expect(todayIn("UTC", now)).toBe("2026-11-24");
    expect(todayIn("Europe/Berlin", now)).toBe("2026-11-25");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-11-24");
    expect(todayIn("Not/A_Zone", now)).toBe("2026-11-24");
  });
});
