import { describe, expect, it } from "vitest";
import { availabilityOf, localQuarter, referenceSizeOf } from "./references.js";

describe("reference quarters and availability", () => {
  it("takes the quarter in the workspace's zone, not UTC", () => {
    // 2026-07-01T02:00Z is 2026-06-30 22:00 in New York (EDT, UTC−4): still Q2 there, Q3 in UTC.
    const ny = localQuarter("America/New_York", new Date("2026-07-01T02:00:00Z"));
    expect(ny.quarter).toBe("2026-Q2");
    // Q2 in New York: 2026-04-01 00:00 EDT = 04:00Z … 2026-07-01 00:00 EDT = 04:00Z.
    expect(ny.start.toISOString()).toBe("2026-04-01T04:00:00.000Z");
    expect(ny.end.toISOString()).toBe("2026-07-01T04:00:00.000Z");
    expect(ny.nextStartsOn).toBe("2026-07-01");
    expect(localQuarter("UTC", new Date("2026-07-01T02:00:00Z")).quarter).toBe("2026-Q3");
    // Auckland (NZDT, UTC+13 in December): 2026-12-31T11:00Z is already 2027-01-01 → 2027-Q1, which starts 2026-12-31T11:00Z.
    const akl = localQuarter("Pacific/Auckland", new Date("2026-12-31T11:00:00Z"));
    expect(akl.quarter).toBe("2027-Q1");
    expect(akl.start.toISOString()).toBe("2026-12-31T11:00:00.000Z");
    expect(localQuarter("Pacific/Auckland", new Date("2026-12-31T10:59:59Z")).quarter).toBe("2026-Q4");
  });

  it("is unavailable at the cap until the next quarter, and never when inactive", () => {
    const q = { quarter: "2026-Q3", nextStartsOn: "2026-10-01" };
    expect(availabilityOf(q, 2, 1)).toEqual({ quarter: "2026-Q3", cap: 2, used: 1, remaining: 1, available: true, nextAvailableOn: null });
    expect(availabilityOf(q, 2, 2)).toEqual({ quarter: "2026-Q3", cap: 2, used: 2, remaining: 0, available: false, nextAvailableOn: "2026-10-01" });
    // A cap lowered below the uses already approved: none remain (never negative).
    expect(availabilityOf(q, 1, 3)).toMatchObject({ remaining: 0, available: false });
    expect(availabilityOf(q, 2, 0, false)).toMatchObject({ available: false, nextAvailableOn: null });
  });

  it("bands accounts by head count", () => {
    expect([referenceSizeOf(null), referenceSizeOf(199), referenceSizeOf(200), referenceSizeOf(1999), referenceSizeOf(2000)]).toEqual([null, "smb", "mid_market", "mid_market", "enterprise"]);
  });
});
