/**
 * Replaying a contact's touches under a definition (DESIGN §6.2): the engagement state a full re-score stores,
 * the points history it writes, and the first moment the MQL rule would have been met (back-tests).
 * Pure: the caller loads the touches, in time order.
 */
import type { EngagementRule, Grade, MqlRule } from "../contracts/agreement.js";
import { applyTouch, firstMatchingRule, meetsMqlRule, withinCap, type EngagementState, type TouchFacts } from "./scoring.js";

export type ReplayTouch = TouchFacts & { id: string; at: number };
export type ReplayRules = { engagementRules: EngagementRule[]; halfLifeDays: number; mqlRule: MqlRule };
export type ScoredTouch = { touchId: string; at: number; ruleId: string; ruleLabel: string; points: number };
export type Replay = { state: EngagementState; scored: ScoredTouch[]; qualifiedAt: number | null };

/**
 * Scores touches in time order (first matching rule, caps counted over earlier scoring touches) and notes when
 * grade and engagement first met the MQL rule. Engagement only decays between touches, so the rule can first be
 * met right after a touch — or from `from` when the threshold is zero.
 */
export function replayTouches(rules: ReplayRules, grade: Grade, touches: readonly ReplayTouch[], from: number | null = null): Replay {
  let state: EngagementState = { score: 0, at: null };
  const scoredTimes = new Map<string, number[]>();
  const scored: ScoredTouch[] = [];
  let qualifiedAt: number | null = from !== null && meetsMqlRule(rules.mqlRule, grade, 0) ? from : null;
  for (const t of touches) {
    const rule = firstMatchingRule(rules.engagementRules, t);
    if (!rule) continue;
    const prior = scoredTimes.get(rule.id) ?? [];
    if (!withinCap(rule, prior, t.at)) continue;
    prior.push(t.at);
    scoredTimes.set(rule.id, prior);
    state = applyTouch(state, rule.points, t.at, rules.halfLifeDays);
    scored.push({ touchId: t.id, at: t.at, ruleId: rule.id, ruleLabel: rule.label, points: rule.points });
    if (qualifiedAt === null && meetsMqlRule(rules.mqlRule, grade, state.score)) qualifiedAt = t.at;
  }
  return { state, scored, qualifiedAt };
}
