import { describe, expect, it } from "vitest";
import { replayTouches, type ReplayRules, type ReplayTouch } from "./scoring-replay.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const rules: ReplayRules = {
  halfLifeDays: 10,
  mqlRule: { grades: ["A", "B"], engagementThreshold: 25 },
  engagementRules: [
    { id: "demo", label: "Demo request", match: { types: ["form_submit"] }, points: 20 },
    { id: "open", label: "E-mail open", match: { types: ["email_open"] }, points: 5, cap: { count: 2, windowDays: 7 } },
  ],
};
const touch = (id: string, type: string, day: number): ReplayTouch => ({ id, type, channel: null, campaignId: null, assetStage: null, properties: {}, at: T0 + day * DAY });

describe("replayTouches", () => {
  it("scores in time order with caps and decay, and finds the first MQL crossing", () => {
    const r = replayTouches(rules, "A", [touch("a", "email_open", 0), touch("b", "email_open", 1), touch("c", "email_open", 2), touch("d", "form_submit", 10), touch("e", "page_view", 11)]);
    // c is the third open inside 7 days: capped. e matches no rule.
    expect(r.scored.map((s) => s.touchId)).toEqual(["a", "b", "d"]);
    // At day 10: 5·2^(−1) + 5·2^(−0.9) + 20 = 2.5 + 2.6795 + 20 = 25.1795 ≥ 25 → qualifies at d.
    expect(r.state.score).toBeCloseTo(2.5 + 5 * Math.pow(2, -0.9) + 20, 10);
    expect(r.qualifiedAt).toBe(T0 + 10 * DAY);
  });

  it("never qualifies a grade the rule does not allow, however engaged", () => {
    const r = replayTouches(rules, "C", [touch("a", "form_submit", 0), touch("b", "form_submit", 1)]);
    expect(r.state.score).toBeCloseTo(20 * Math.pow(2, -0.1) + 20, 10);
    expect(r.qualifiedAt).toBeNull();
  });

  it("qualifies at the start of the period when the threshold is zero", () => {
    const r = replayTouches({ ...rules, mqlRule: { grades: ["A"], engagementThreshold: 0 } }, "A", [], T0);
    expect(r.qualifiedAt).toBe(T0);
  });
});
