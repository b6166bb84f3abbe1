/** Field insights (docs/ENABLEMENT.md, "Field insights"): what sales hears, triaged by marketing. */

/** What an insight is about (insights.kind). */
export const INSIGHT_KINDS = ["who_is_buying", "why_buying", "pain_point", "decision_criterion", "objection", "competitor_move"] as const;
export type InsightKind = (typeof INSIGHT_KINDS)[number];

export const INSIGHT_KIND_LABELS: Record<InsightKind, string> = {
  who_is_buying: "Who is buying",
  why_buying: "Why they buy",
  pain_point: "Pain point",
  decision_criterion: "Decision criterion",
  objection: "Objection",
  competitor_move: "Competitor move",
};

/** Marketing's triage: new → reviewed → actioned (actioned is final). */
export const INSIGHT_STATUSES = ["new", "reviewed", "actioned"] as const;
export type InsightStatus = (typeof INSIGHT_STATUSES)[number];

const NEXT: Record<InsightStatus, InsightStatus | null> = { new: "reviewed", reviewed: "actioned", actioned: null };

/** Whether triage may move an insight from `from` to `to`: one step forward at a time, never back. */
export function canTriage(from: InsightStatus, to: InsightStatus): boolean {
  return NEXT[from] === to;
}
