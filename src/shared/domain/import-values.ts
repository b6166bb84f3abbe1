/**
 * How CRM values in an import file become ours (docs/IMPORTS.md): deal stages and outcomes with their reasons,
 * deal types, campaign channels and statuses, touchpoint types. Names are compared as header keys (lower-case,
 * letters and digits only), so "Negotiation/Review", "negotiationreview" and "NEGOTIATION REVIEW" are one name.
 * Pure: the import runs these on each row after the cells are parsed.
 */
import { CHANNELS, TOUCHPOINT_TYPES, type Channel, type TouchpointType } from "./touchpoints.js";
import { DEAL_STAGES, type DealOutcome, type DealStage, type DealType } from "./deals.js";
import type { CellValue } from "./imports.js";

const key = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, "");
const own = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [key(v), v])) as Record<string, T>;

// Salesforce's default opportunity stages (with their default probabilities 10–90 %) and HubSpot's default
// pipeline (internal values and labels reduce to the same keys), folded onto our four open stages.
const DEAL_STAGE_NAMES: Record<string, DealStage> = {
  ...own(DEAL_STAGES),
  prospecting: "discovery",
  needsanalysis: "qualification",
  valueproposition: "proposal",
  iddecisionmakers: "proposal",
  perceptionanalysis: "proposal",
  proposalpricequote: "proposal",
  negotiationreview: "negotiation",
  appointmentscheduled: "discovery",
  qualifiedtobuy: "qualification",
  presentationscheduled: "proposal",
  decisionmakerboughtin: "proposal",
  contractsent: "negotiation",
  won: "closed_won",
  lost: "closed_lost",
};

/** Our deal stage for a stage name from a file (Salesforce, HubSpot or ours); null if unknown. */
export function mapDealStage(value: string): DealStage | null {
  return DEAL_STAGE_NAMES[key(value)] ?? null;
}

/** Our deal type: renewals, existing-business variants (expansion), everything else (incl. empty) new business. */
export function mapDealType(value: CellValue): DealType {
  const k = typeof value === "string" ? key(value) : "";
  if (k.includes("renewal")) return "renewal";
  if (k.startsWith("existing") || k.includes("upsell") || k.includes("upgrade") || k.includes("expansion")) return "expansion";
  return "new";
}

/** A reason code of the workspace's taxonomy, as the deal mapping matches them (by code or label). */
export type ReasonOption = { kind: string; code: string; label: string; active: boolean };

/** The mapped deal a row describes: stage and, when closed, outcome, reason and close time; or why it cannot be. */
export type DealState =
  | { stage: DealStage; outcome: DealOutcome | null; reasonCode: string | null; closedAt: string | null; expectedCloseAt: string | null }
  | { error: string };

function findReason(reasons: readonly ReasonOption[], kinds: readonly string[], value: string) {
  const k = key(value);
  for (const kind of kinds) {
    const hit = reasons.find((r) => r.kind === kind && r.active && (key(r.code) === k || key(r.label) === k));
    if (hit) return hit;
  }
  return null;
}

/**
 * The stage, outcome and reason of a deal row. The stage name decides; without one (or with a custom one) the
 * Closed/Won flags do. A closed deal needs a close date; its reason (won: win reason, lost: loss reason, which may
 * also name a no-decision reason, making the outcome "no decision") must be in the taxonomy when given, and may be
 * missing (the deal is imported without a recorded reason).
 */
export function mapDealState(v: Record<string, CellValue | undefined>, reasons: readonly ReasonOption[]): DealState {
  const name = typeof v.stageName === "string" ? v.stageName : null;
  const byName = name ? mapDealStage(name) : null;
  let stage: DealStage;
  if (byName) stage = byName;
  else if (v.isClosed === true) stage = v.isWon === true ? "closed_won" : "closed_lost";
  else if (name) return { error: `Stage "${name}" is not a deal stage we know (Salesforce's and HubSpot's default stages, or ${DEAL_STAGES.join(", ")})` };
  else stage = v.isWon === true ? "closed_won" : "discovery";
  const closed = stage === "closed_won" || stage === "closed_lost";
  if (closed && v.isClosed === false) return { error: `Stage "${name}" is closed but Closed is false` };
  if (!closed && v.isClosed === true) return { error: `Stage "${name}" is open but Closed is true` };
  if (v.isWon !== undefined && v.isWon !== null && (stage === "closed_won") !== v.isWon && closed) return { error: `Stage "${name}" disagrees with Won (${String(v.isWon)})` };
  const closeDate = typeof v.closeDate === "string" ? v.closeDate : null;
  if (!closed) return { stage, outcome: null, reasonCode: null, closedAt: null, expectedCloseAt: closeDate };
  if (!closeDate) return { error: "a closed deal needs a close date" };
  const won = stage === "closed_won";
  const given = won ? v.winReason : v.lossReason;
  if (typeof given !== "string") return { stage, outcome: won ? "won" : "lost", reasonCode: null, closedAt: closeDate, expectedCloseAt: null };
  const kinds = won ? ["win"] : ["loss", "no_decision"];
  const reason = findReason(reasons, kinds, given);
  if (!reason) {
    const valid = reasons.filter((r) => kinds.includes(r.kind) && r.active).map((r) => r.code);
    return { error: `${won ? "Win" : "Loss"} reason "${given}" is not in the ${kinds.join(" or ")} reasons; use one of: ${valid.join(", ")}` };
  }
  const outcome: DealOutcome = won ? "won" : reason.kind === "no_decision" ? "no_decision" : "lost";
  return { stage, outcome, reasonCode: reason.code, closedAt: closeDate, expectedCloseAt: null };
}

// Salesforce campaign types and HubSpot source/channel names, folded onto our channels.
const CHANNEL_NAMES: Record<string, Channel> = {
  ...own(CHANNELS),
  conference: "event",
  tradeshow: "event",
  events: "event",
  webinars: "webinar",
  emailmarketing: "email",
  advertisement: "paid_social",
  bannerads: "paid_social",
  paidads: "paid_social",
  ppc: "paid_search",
  socialmedia: "social",
  organicsocial: "social",
  seo: "organic_search",
  directtraffic: "direct",
  referrals: "referral",
  referralprogram: "referral",
  partners: "partner",
  publicrelations: "content",
  directmail: "outbound",
  telemarketing: "outbound",
  coldcall: "outbound",
};

/** Our channel for a channel or campaign type name; null if unknown. */
export function mapChannel(value: string): Channel | null {
  return CHANNEL_NAMES[key(value)] ?? null;
}

export const CAMPAIGN_STATUSES = ["planned", "active", "completed", "cancelled"] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
const STATUS_NAMES: Record<string, CampaignStatus> = { ...own(CAMPAIGN_STATUSES), inprogress: "active", aborted: "cancelled", canceled: "cancelled", scheduled: "planned", draft: "planned" };

/** Our campaign status for Salesforce's (Planned, In Progress, Completed, Aborted) or our names; null if unknown. */
export function mapCampaignStatus(value: string): CampaignStatus | null {
  return STATUS_NAMES[key(value)] ?? null;
}

// Salesforce task types/subtypes and HubSpot activity types are sales activities; our own type names as well.
const TOUCH_TYPE_NAMES: Record<string, TouchpointType> = {
  ...own(TOUCHPOINT_TYPES),
  calls: "call",
  phonecall: "call",
  loggedcall: "call",
  meetings: "meeting",
  email: "sales_email",
  emails: "sales_email",
  loggedemail: "sales_email",
  formsubmission: "form_submit",
  webinarattended: "webinar_attend",
  webinarregistered: "webinar_register",
  pageview: "page_view",
};

/** Our touchpoint type for a type name from a file; null if unknown. */
export function mapTouchpointType(value: string): TouchpointType | null {
  return TOUCH_TYPE_NAMES[key(value)] ?? null;
}
