import { describe, expect, it } from "vitest";
import { previousQuarter, quarterOf, quarterRange } from "./quarters.js";

describe("quarters", () => {
  it("spans three whole months, leap February included", () => {
    expect(quarterRange("2026-Q3")).toEqual({ quarter: "2026-Q3", from: "2026-07-01", to: "2026-09-30" });
    expect(quarterRange("2024-Q1")).toEqual({ quarter: "2024-Q1", from: "2024-01-01", to: "2024-03-31" });
    expect(quarterRange("2025-Q4").to).toBe("2025-12-31");
    expect(() => quarterRange("2025-Q5")).toThrow();
  });

  it("finds the quarter of a day and the one before", () => {
    expect(quarterOf("2026-03-31")).toBe("2026-Q1");
    expect(quarterOf("2026-04-01")).toBe("2026-Q2");
    expect(quarterOf("2026-12-31")).toBe("2026-Q4");
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4");
    expect(previousQuarter("2026-Q3")).toBe("2026-Q2");
  });
});
