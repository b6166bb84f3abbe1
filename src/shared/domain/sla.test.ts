import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, type BusinessCalendar } from "../contracts/business-calendar.js";
import { DEFAULT_TERMS, TimerTermsSchema, type TimerTerms } from "../contracts/sla.js";
import { LADDER, attainment, checkRecycle, expectedByNow, marketingStatus, median, nextStep, periodContaining, planTimer, previousPeriod, stepAt } from "./sla.js";

const NEW_YORK: BusinessCalendar = { ...DEFAULT_CALENDAR, timezone: "America/New_York" };
const t = (iso: string) => Date.parse(iso);
const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const TERMS: TimerTerms = { dueMinutes: 240, warnFraction: 0.75, escalation: { remindOwnerAfterMinutes: 60, notifyManagerAfterMinutes: 240, reassignAfterMinutes: 480 } };

describe("an accept timer across a weekend and the spring-forward (New York, Mon–Fri 9–17)", () => {
  // Friday 6 March 2026 15:00 EST. Two open hours on Friday; DST starts Sunday 8 March; Monday opens 09:00 EDT.
  const started = t("2026-03-06T20:00:00Z");
  const plan = planTimer(NEW_YORK, started, TERMS);

  it("warns after 180 business minutes: 120 on Friday, 60 on Monday → Monday 10:00 EDT", () => {
    expect(iso(plan.warnAt)).toBe("2026-03-09T14:00:00.000Z");
  });
  it("is due after 240: Monday 11:00 EDT (15:00Z, where EST would have said 16:00Z)", () => {
    expect(iso(plan.dueAt)).toBe("2026-03-09T15:00:00.000Z");
  });
  it("walks the ladder: remind +60 → 12:00, manager +240 → 15:00, reassign +480 → Tuesday 11:00", () => {
    expect(LADDER.map((_, i) => iso(stepAt(NEW_YORK, i, plan, TERMS)))).toEqual([
      "2026-03-09T14:00:00.000Z",
      "2026-03-09T15:00:00.000Z",
      "2026-03-09T16:00:00.000Z",
      "2026-03-09T19:00:00.000Z",
      "2026-03-10T15:00:00.000Z",
    ]);
  });
  it("skips steps the policy leaves out and ends after the last", () => {
    const noManager = { ...TERMS, escalation: { remindOwnerAfterMinutes: null, notifyManagerAfterMinutes: 240, reassignAfterMinutes: null } };
    expect(nextStep(NEW_YORK, 2, plan, noManager)).toEqual({ index: 3, at: t("2026-03-09T19:00:00Z") });
    expect(nextStep(NEW_YORK, 4, plan, noManager)).toBeNull();
  });
});

describe("timer terms", () => {
  it("refuse a ladder whose steps go backwards, naming the step", () => {
    const r = TimerTermsSchema.safeParse({ ...TERMS, escalation: { remindOwnerAfterMinutes: 120, notifyManagerAfterMinutes: 60, reassignAfterMinutes: null } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["escalation", "notifyManagerAfterMinutes"]);
  });
  it("defaults follow DESIGN §6.4: 4 business hours to accept, 1 business day to first touch, 3 attempts over 5 days", () => {
    expect(DEFAULT_TERMS.accept.dueMinutes).toBe(4 * 60);
    expect(DEFAULT_TERMS.first_touch.dueMinutes).toBe(8 * 60);
    expect(DEFAULT_TERMS.recycle_attempts).toEqual({ minAttempts: 3, overBusinessMinutes: 5 * 480 });
  });
});

describe("recycling", () => {
  const terms = DEFAULT_TERMS.recycle_attempts;
  // Mon 2 Nov 2026 10:00 UTC, Wed 10:00, Fri 10:00; five business days later is Mon 9 Nov 10:00.
  const attempts = [t("2026-11-02T10:00:00Z"), t("2026-11-04T10:00:00Z"), t("2026-11-06T10:00:00Z")];
  it("is allowed after 3 attempts spanning 5 business days", () => {
    expect(checkRecycle(DEFAULT_CALENDAR, attempts, t("2026-11-09T10:00:00Z"), terms)).toEqual({ ok: true });
  });
  it("is refused a minute earlier, saying how far along the lead is", () => {
    expect(checkRecycle(DEFAULT_CALENDAR, attempts, t("2026-11-09T09:59:00Z"), terms)).toEqual({
      ok: false,
      message: "recycling needs at least 3 attempts over 5 business days; 3 attempts over 40 business hours so far",
    });
  });
  it("is refused with two attempts however long ago", () => {
    const r = checkRecycle(DEFAULT_CALENDAR, attempts.slice(0, 2), t("2026-12-01T10:00:00Z"), terms);
    expect(r.ok).toBe(false);
  });
  it("counts holidays out: a holiday on Wednesday pushes the fifth business day to Tuesday", () => {
    const cal = { ...DEFAULT_CALENDAR, holidays: ["2026-11-04"] };
    expect(checkRecycle(cal, attempts, t("2026-11-09T10:00:00Z"), terms).ok).toBe(false);
    expect(checkRecycle(cal, attempts, t("2026-11-10T10:00:00Z"), terms).ok).toBe(true);
  });
});

describe("marketing periods and pacing", () => {
  it("finds months and quarters in the workspace's zone", () => {
    // 31 Mar 23:30 in Los Angeles is already 1 April in UTC.
    expect(periodContaining("America/Los_Angeles", "month", t("2026-04-01T06:30:00Z"))).toEqual({ start: "2026-03-01", end: "2026-04-01" });
    expect(periodContaining("UTC", "quarter", t("2026-11-24T12:00:00Z"))).toEqual({ start: "2026-10-01", end: "2027-01-01" });
    expect(previousPeriod("UTC", "quarter", "2026-01-01")).toEqual({ start: "2025-10-01", end: "2026-01-01" });
  });
  it("paces a target evenly: a third of the way through 90 MQLs expects 30", () => {
    expect(expectedByNow(90, 0, 300, 100)).toBe(30);
    expect(expectedByNow(90, 0, 300, 400)).toBe(90);
  });
  it("judges the period: volume and rate at the end, pace while it runs", () => {
    const base = { mqls: 40, mqlTarget: 90, acceptanceRate: 0.6, minAcceptanceRate: 0.5, expected: 30 };
    expect(marketingStatus(base, false)).toBe("on_track");
    expect(marketingStatus({ ...base, acceptanceRate: 0.4 }, false)).toBe("behind");
    expect(marketingStatus(base, true)).toBe("missed");
    expect(marketingStatus({ ...base, mqls: 90, expected: 90 }, true)).toBe("met");
  });
  it("attainment and medians", () => {
    expect(attainment(3, 1)).toBe(0.75);
    expect(attainment(0, 0)).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
