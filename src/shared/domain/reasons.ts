import type { ReasonKind } from "../contracts/reason-codes.js";

/** The taxonomy every new workspace starts with; admins edit it later. */
export const DEFAULT_REASON_CODES: Record<ReasonKind, { code: string; label: string }[]> = {
  reject: [
    { code: "not_icp", label: "Not our ideal customer profile" },
    { code: "student", label: "Student or job seeker" },
    { code: "competitor", label: "Works for a competitor" },
    { code: "no_budget", label: "No budget" },
    { code: "no_authority", label: "No buying authority" },
    { code: "bad_data", label: "Bad or fake contact data" },
    { code: "already_customer", label: "Already a customer" },
    { code: "duplicate", label: "Duplicate" },
  ],
  recycle: [
    { code: "no_response", label: "No response after attempts" },
    { code: "bad_timing", label: "Bad timing, revisit later" },
    { code: "no_project", label: "No active project" },
  ],
  disqualify: [
    { code: "not_icp", label: "Not our ideal customer profile" },
    { code: "student", label: "Student or job seeker" },
    { code: "competitor", label: "Works for a competitor" },
    { code: "spam", label: "Spam" },
  ],
  loss: [
    { code: "competitor", label: "Lost to a competitor" },
    { code: "price", label: "Price" },
    { code: "missing_feature", label: "Missing feature" },
    { code: "timing", label: "Timing" },
    { code: "champion_left", label: "Champion left" },
  ],
  no_decision: [
    { code: "status_quo", label: "Stayed with the status quo" },
    { code: "budget_frozen", label: "Budget frozen" },
    { code: "priorities_changed", label: "Priorities changed" },
  ],
  win: [
    { code: "product_fit", label: "Best product fit" },
    { code: "relationship", label: "Relationship and trust" },
    { code: "price", label: "Price and value" },
    { code: "integration", label: "Integrations" },
  ],
};

/** Which reason taxonomy a lifecycle stage or deal outcome draws from. */
export const REASON_KIND_FOR = {
  rejected: "reject",
  recycled: "recycle",
  disqualified: "disqualify",
  lost: "loss",
  no_decision: "no_decision",
  won: "win",
} as const satisfies Record<string, ReasonKind>;
