import type { LeadAction } from "../../../../shared/contracts/feedback.js";

/** Button words, past tense and colors of the four lead actions. */
export const ACTION_META: Record<LeadAction, { label: string; done: string; color: string; key: string }> = {
  accept: { label: "Accept", done: "accepted", color: "teal", key: "a" },
  reject: { label: "Reject", done: "rejected", color: "red", key: "r" },
  recycle: { label: "Recycle", done: "recycled", color: "orange", key: "c" },
  disqualify: { label: "Disqualify", done: "disqualified", color: "gray", key: "d" },
};

/** Whether an action applies to a lead in `stage` (accept and reject answer an MQL only). */
export function isActionAllowed(action: LeadAction, stage: string): boolean {
  if (action === "accept" || action === "reject") return stage === "mql";
  return stage === "mql" || stage === "sal";
}
