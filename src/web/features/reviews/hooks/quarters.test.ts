import { describe, expect, it } from "vitest";
import { lastFinishedQuarter, quarterLabel, startedQuarters } from "./quarters.js";

describe("review quarters", () => {
  it("offers the current quarter and the ones before it, newest first, across a year boundary", () => {
    // 2026-02-10 is in 2026-Q1; the three before are 2025-Q4, Q3, Q2.
    expect(startedQuarters("2026-02-10", 4)).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2"]);
  });

  it("takes the last finished quarter as the one before today's (still running on its last day)", () => {
    expect(lastFinishedQuarter("2026-11-24")).toBe("2026-Q3");
    expect(lastFinishedQuarter("2026-10-01")).toBe("2026-Q3");
    expect(lastFinishedQuarter("2026-12-31")).toBe("2026-Q3");
    expect(lastFinishedQuarter("2026-01-01")).toBe("2025-Q4");
  });

  it("labels a quarter the way people say it", () => {
    expect(quarterLabel("2026-Q3")).toBe("Q3 2026");
  });
});
