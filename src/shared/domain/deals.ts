/** Deal stages in order; `closed_won` and `closed_lost` close a deal. */
export const DEAL_STAGES = ["discovery", "qualification", "proposal", "negotiation", "closed_won", "closed_lost"] as const;
export type DealStage = (typeof DEAL_STAGES)[number];
/**
 * `new` wins a new logo; `cross_sell` sells an existing customer a product it does not own, `upsell` more of one it
 * owns (seats, tier); `expansion` is growth not split further (older records, imports); `renewal` renews a contract.
 */
export const DEAL_TYPES = ["new", "cross_sell", "upsell", "expansion", "renewal"] as const;
export type DealType = (typeof DEAL_TYPES)[number];
/** The types whose won revenue counts as expansion (growth from existing customers). */
export const EXPANSION_DEAL_TYPES = ["cross_sell", "upsell", "expansion"] as const satisfies readonly DealType[];
/** Deal types whose win adds the deal's products to the account's owned products (a renewal keeps what it renews). */
export const PRODUCT_ADDING_DEAL_TYPES: readonly DealType[] = ["new", "cross_sell", "upsell", "expansion"];
export const DEAL_OUTCOMES = ["won", "lost", "no_decision"] as const;
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];
export const DEAL_CONTACT_ROLES = ["decision_maker", "champion", "influencer", "user", "blocker"] as const;
export type DealContactRole = (typeof DEAL_CONTACT_ROLES)[number];

/** Whether a deal stage is closed. */
export function isClosedStage(stage: DealStage): boolean {
  return stage === "closed_won" || stage === "closed_lost";
}
