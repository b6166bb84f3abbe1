import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { EngagementRule, FitRule } from "../contracts/agreement.js";
import { applyTouch, decayFactor, engagementFromScratch, firstMatchingRule, gradeFor, meetsMqlRule, readEngagement, scoreFit, withinCap, type EngagementState } from "./scoring.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-01-01T00:00:00Z");

describe("engagement decay", () => {
  it("halves every half-life", () => {
    expect(decayFactor(14 * DAY, 14)).toBe(0.5);
    expect(decayFactor(28 * DAY, 14)).toBe(0.25);
    expect(decayFactor(0, 14)).toBe(1);
  });

  it("matches hand-computed values, including a late event", () => {
    const H = 10;
    let s: EngagementState = { score: 0, at: null };
    s = applyTouch(s, 10, T0, H); // day 0: 10
    s = applyTouch(s, 20, T0 + 10 * DAY, H); // day 10: 10·½ + 20 = 25
    expect(s).toEqual({ score: 25, at: T0 + 10 * DAY });
    s = applyTouch(s, 8, T0 + 5 * DAY, H); // late, day 5: + 8·2^(−5/10) = 8/√2 ≈ 5.656854
    expect(s.at).toBe(T0 + 10 * DAY);
    expect(s.score).toBeCloseTo(25 + 8 / Math.SQRT2, 12);
    // Read on day 20: (25 + 8/√2) · ½ ≈ 15.328427
    expect(readEngagement(s, T0 + 20 * DAY, H)).toBeCloseTo(15.328427, 6);
    expect(engagementFromScratch([{ points: 10, at: T0 }, { points: 20, at: T0 + 10 * DAY }, { points: 8, at: T0 + 5 * DAY }], T0 + 20 * DAY, H)).toBeCloseTo(15.328427, 6);
  });

  it("gives the same score incrementally, in any arrival order, as the closed form", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ points: fc.integer({ min: -20, max: 50 }), day: fc.double({ min: 0, max: 400, noNaN: true }) }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 1, max: 90, noNaN: true }),
        (touches, H) => {
          let s: EngagementState = { score: 0, at: null };
          for (const t of touches) s = applyTouch(s, t.points, T0 + t.day * DAY, H);
          const now = T0 + 500 * DAY;
          const expected = engagementFromScratch(touches.map((t) => ({ points: t.points, at: T0 + t.day * DAY })), now, H);
          expect(readEngagement(s, now, H)).toBeCloseTo(expected, 6);
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("fit", () => {
  const rules: FitRule[] = [
    { id: "big", label: "200+ employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }], points: 20 },
    { id: "senior", label: "VP or C-level", conditions: [{ field: "contact.seniority", op: "in", value: ["vp", "c_level"] }], points: 25 },
    { id: "software", label: "Software", conditions: [{ field: "account.industry", op: "eq", value: "Software" }], points: 15 },
    { id: "freemail", label: "Free-mail", conditions: [{ field: "contact.email_domain", op: "in", value: ["gmail.com", "yahoo.com"] }], points: -30 },
    { id: "student", label: "Student", conditions: [{ field: "contact.seniority", op: "eq", value: "student" }], points: -50 },
  ];
  const thresholds = { A: 50, B: 30, C: 10 };

  it("sums the points of the rules that fire and names them", () => {
    const r = scoreFit(rules, { "account.employees": 500, "contact.seniority": "VP", "account.industry": "software", "contact.email_domain": "acme.com" });
    expect(r.points).toBe(60);
    expect(r.fired.map((f) => f.ruleId)).toEqual(["big", "senior", "software"]);
    expect(gradeFor(r.points, thresholds)).toBe("A");
  });

  it("applies negative rules and treats missing values as not matching", () => {
    const r = scoreFit(rules, { "contact.seniority": "student", "contact.email_domain": "gmail.com", "account.employees": null });
    expect(r.points).toBe(-80);
    expect(gradeFor(r.points, thresholds)).toBe("D");
    expect(gradeFor(30, thresholds)).toBe("B");
    expect(gradeFor(29, thresholds)).toBe("C");
  });
});

describe("engagement rules and the MQL rule", () => {
  const rules: EngagementRule[] = [
    { id: "demo", label: "Demo request", match: { types: ["form_submit"], properties: { form: "demo" } }, points: 40 },
    { id: "form", label: "Any form", match: { types: ["form_submit"] }, points: 10 },
    { id: "views", label: "Page views", match: { types: ["page_view"] }, points: 1, cap: { count: 3, windowDays: 1 } },
  ];
  const facts = (type: string, properties: Record<string, unknown> = {}) => ({ type, channel: null, campaignId: null, assetStage: null, properties });

  it("scores a touch by the first matching rule", () => {
    expect(firstMatchingRule(rules, facts("form_submit", { form: "demo" }))?.id).toBe("demo");
    expect(firstMatchingRule(rules, facts("form_submit", { form: "newsletter" }))?.id).toBe("form");
    expect(firstMatchingRule(rules, facts("email_open"))).toBeNull();
  });

  it("caps scoring touches per rule per window", () => {
    const views = rules[2]!;
    const at = T0 + 10 * DAY;
    expect(withinCap(views, [at - 3600_000, at - 7200_000], at)).toBe(true);
    expect(withinCap(views, [at - 3600_000, at - 7200_000, at - 60_000], at)).toBe(false);
    expect(withinCap(views, [at - 2 * DAY, at - 3 * DAY, at - 4 * DAY], at)).toBe(true);
  });

  it("needs both an allowed grade and enough engagement", () => {
    const rule = { grades: ["A", "B"] as ("A" | "B" | "C" | "D")[], engagementThreshold: 50 };
    expect(meetsMqlRule(rule, "A", 50)).toBe(true);
    expect(meetsMqlRule(rule, "C", 90)).toBe(false);
    expect(meetsMqlRule(rule, "B", 49.9)).toBe(false);
  });
});
