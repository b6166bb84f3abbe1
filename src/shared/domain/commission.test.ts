import { describe, expect, it } from "vitest";
import { isEarlyChurn, monthsBetween, statementFor, whatIfFor, type RepFacts } from "./commission.js";

const perMeeting = { kind: "per_meeting", amountPerMeeting: 75 } as const;
const share = { kind: "revenue_share", ratePercent: 5, clawbackDays: 90 } as const;

const facts: RepFacts = {
  meetings: [
    { id: "m1", label: "Meeting with Ann", at: "2026-01-05T10:00:00Z", month: "2026-01" },
    { id: "m2", label: "Meeting with Bo", at: "2026-01-20T10:00:00Z", month: "2026-01" },
    { id: "m3", label: "Meeting with Cy", at: "2026-02-03T10:00:00Z", month: "2026-02" },
  ],
  wins: [
    // Won 2026-01-15, churned 2026-03-10: 54 days later, inside the 90-day window → clawed back in March.
    { id: "d1", label: "Acme", amount: 12_345.67, wonAt: "2026-01-15T12:00:00Z", wonMonth: "2026-01", churnedAt: "2026-03-10T12:00:00Z", churnMonth: "2026-03" },
    // Won 2026-02-01, churned 2026-06-01: 120 days later, outside the window → kept.
    { id: "d2", label: "Globex", amount: 40_000, wonAt: "2026-02-01T00:00:00Z", wonMonth: "2026-02", churnedAt: "2026-06-01T00:00:00Z", churnMonth: "2026-06" },
  ],
};

describe("commission statements", () => {
  it("per meeting: 75 per accepted meeting of the month", () => {
    // January: m1 + m2 = 2 × 75 = 150; February: m3 = 75; March: nothing.
    expect(statementFor(perMeeting, "2026-01", facts)).toEqual({
      total: 150,
      lines: [
        { kind: "meeting", refId: "m1", label: "Meeting with Ann", at: "2026-01-05T10:00:00Z", base: 1, amount: 75 },
        { kind: "meeting", refId: "m2", label: "Meeting with Bo", at: "2026-01-20T10:00:00Z", base: 1, amount: 75 },
      ],
    });
    expect(statementFor(perMeeting, "2026-02", facts).total).toBe(75);
    expect(statementFor(perMeeting, "2026-03", facts)).toEqual({ total: 0, lines: [] });
  });

  it("revenue share: 5 % of sourced won revenue, clawed back in the month of an early churn", () => {
    // January: 5 % × 12,345.67 = 617.2835 → 617.28.
    expect(statementFor(share, "2026-01", facts)).toEqual({
      total: 617.28,
      lines: [{ kind: "deal", refId: "d1", label: "Acme", at: "2026-01-15T12:00:00Z", base: 12_345.67, amount: 617.28 }],
    });
    // February: 5 % × 40,000 = 2,000.
    expect(statementFor(share, "2026-02", facts).total).toBe(2000);
    // March: Acme churned 54 days after the win → −617.28.
    expect(statementFor(share, "2026-03", facts)).toEqual({
      total: -617.28,
      lines: [{ kind: "clawback", refId: "d1", label: "Clawback: Acme churned", at: "2026-03-10T12:00:00Z", base: 12_345.67, amount: -617.28 }],
    });
    // June: Globex churned 120 days after its win, past the 90-day window → no clawback.
    expect(statementFor(share, "2026-06", facts)).toEqual({ total: 0, lines: [] });
  });

  it("the clawback window is inclusive and needs the churn after the win", () => {
    expect(isEarlyChurn("2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z", 90)).toBe(true); // exactly 90 days
    expect(isEarlyChurn("2026-01-01T00:00:00Z", "2026-04-01T00:00:01Z", 90)).toBe(false);
    expect(isEarlyChurn("2026-01-01T00:00:00Z", "2025-12-31T00:00:00Z", 90)).toBe(false);
    expect(isEarlyChurn("2026-01-01T00:00:00Z", null, 90)).toBe(false);
  });

  it("what-if: both plans month by month on the same facts", () => {
    // A (per meeting): Jan 150, Feb 75, Mar 0. B (share): Jan 617.28, Feb 2000, Mar −617.28.
    expect(whatIfFor(perMeeting, share, monthsBetween("2026-01", "2026-03"), facts)).toEqual([
      { month: "2026-01", a: 150, b: 617.28 },
      { month: "2026-02", a: 75, b: 2000 },
      { month: "2026-03", a: 0, b: -617.28 },
    ]);
    expect(monthsBetween("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });
});
