/** Deal stages in order; `closed_won` and `closed_lost` close a deal. */
export const DEAL_STAGES = ["discovery", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
export const DEAL_TYPES = ["new", "expansion", "renewal"] as const;
export type DealType = (typeof DEAL_TYPES)[number];
export const DEAL_OUTCOMES = ["won", "lost", "no_decision"] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];
export const DEAL_CONTACT_ROLES = ["decision_maker", "champion", "influencer", "user", "blocker"] as const;
export type DealContactRole = (typeof DEAL_CONTACT_ROLES)[number];

/** Whether a deal stage is closed. */
export function isClosedStage(stage: DealStage): boolean {
  return stage === "closed_won" || stage === "closed_lost";
}
