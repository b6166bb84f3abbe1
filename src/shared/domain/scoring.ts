/**
 * Scoring maths (DESIGN §6.2): fit points and grade from rules, and an exponentially decaying engagement score
 * kept incrementally in O(1) per event. Pure functions; callers pass `now`.
 */
import type { Condition, EngagementRule, FitField, FitRule, Grade, GradeThresholds, MqlRule } from "../contracts/agreement.js";

const DAY_MS = 86_400_000;

/** The decaying score as stored: its value `score` as of time `at` (ms since epoch). */
export type EngagementState = { score: number; at: number | null };

/** `2^(−Δt/H)` for a gap in milliseconds and a half-life in days. */
export function decayFactor(deltaMs: number, halfLifeDays: number): number {
  return Math.pow(2, -deltaMs / (halfLifeDays * DAY_MS));
}

/**
 * Adds a touch worth `points` at time `t`: a touch at or after the stored time decays the stored score to `t`
 * and adds; a late touch (before it) adds its points decayed to the stored time.
 */
export function applyTouch(state: EngagementState, points: number, t: number, halfLifeDays: number): EngagementState {
  if (state.at === null) return { score: points, at: t };
  if (t >= state.at) return { score: state.score * decayFactor(t - state.at, halfLifeDays) + points, at: t };
  return { score: state.score + points * decayFactor(state.at - t, halfLifeDays), at: state.at };
}

/** The score as of `now`. */
export function readEngagement(state: EngagementState, now: number, halfLifeDays: number): number {
  if (state.at === null) return 0;
  return now >= state.at ? state.score * decayFactor(now - state.at, halfLifeDays) : state.score;
}

/** The reference definition: `E(t) = Σ p_i · 2^(−(t − t_i)/H)` over touches at or before t (for tests and back-tests). */
export function engagementFromScratch(touches: { points: number; at: number }[], now: number, halfLifeDays: number): number {
  return touches.filter((x) => x.at <= now).reduce((sum, x) => sum + x.points * decayFactor(now - x.at, halfLifeDays), 0);
}

/** The values fit rules read, by field name. */
export type FitSubject = Partial<Record<FitField, string | number | null>>;

function compare(actual: string | number | null | undefined, c: Condition): boolean {
  const norm = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : v);
  const a = norm(actual);
  const missing = a === null || a === undefined || a === "";
  switch (c.op) {
    case "exists":
      return !missing;
    case "not_exists":
      return missing;
    case "eq":
      return !missing && a === norm(c.value);
    case "neq":
      return missing || a !== norm(c.value);
    case "in":
      return !missing && Array.isArray(c.value) && c.value.map(norm).includes(a);
    case "not_in":
      return missing || !(Array.isArray(c.value) && c.value.map(norm).includes(a));
    case "contains":
      return !missing && String(a).includes(String(norm(c.value)));
    case "gt":
      return typeof a === "number" && a > Number(c.value);
    case "gte":
      return typeof a === "number" && a >= Number(c.value);
    case "lt":
      return typeof a === "number" && a < Number(c.value);
    case "lte":
      return typeof a === "number" && a <= Number(c.value);
  }
}

/** Whether every condition of a rule holds for the subject. */
export function matchesFitRule(rule: FitRule, subject: FitSubject): boolean {
  return rule.conditions.every((c) => compare(subject[c.field], c));
}

/** Fit points and the rules that fired. */
export function scoreFit(rules: FitRule[], subject: FitSubject): { points: number; fired: { ruleId: string; label: string; points: number }[] } {
  const fired = rules.filter((r) => matchesFitRule(r, subject)).map((r) => ({ ruleId: r.id, label: r.label, points: r.points }));
  return { points: fired.reduce((s, r) => s + r.points, 0), fired };
}

/** The grade for fit points. */
export function gradeFor(points: number, t: GradeThresholds): Grade {
  return points >= t.A ? "A" : points >= t.B ? "B" : points >= t.C ? "C" : "D";
}

/** What an engagement rule sees of a touch. */
export type TouchFacts = {
  type: string;
  channel: string | null;
  campaignId: string | null;
  assetStage: "engage" | "convert" | null;
  properties: Record<string, unknown>;
};

/** The first engagement rule matching a touch, or null. */
export function firstMatchingRule(rules: EngagementRule[], t: TouchFacts): EngagementRule | null {
  for (const r of rules) {
    const m = r.match;
    if (m.types?.length && !m.types.includes(t.type as never)) continue;
    if (m.channels?.length && (!t.channel || !m.channels.includes(t.channel))) continue;
    if (m.campaignIds?.length && (!t.campaignId || !m.campaignIds.includes(t.campaignId))) continue;
    if (m.assetStages?.length && (!t.assetStage || !m.assetStages.includes(t.assetStage))) continue;
    if (m.properties && !Object.entries(m.properties).every(([k, v]) => t.properties[k] === v)) continue;
    return r;
  }
  return null;
}

/** Whether a capped rule may still score: fewer than `count` scoring touches of it in the window before `at`. */
export function withinCap(rule: EngagementRule, priorScoringTimes: number[], at: number): boolean {
  if (!rule.cap) return true;
  const from = at - rule.cap.windowDays * DAY_MS;
  return priorScoringTimes.filter((x) => x > from && x <= at).length < rule.cap.count;
}

/** Whether grade and engagement meet the MQL rule. */
export function meetsMqlRule(rule: MqlRule, grade: Grade, engagement: number): boolean {
  return rule.grades.includes(grade) && engagement >= rule.engagementThreshold;
}
