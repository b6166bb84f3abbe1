import type { Stage } from "../../shared/domain/lifecycle.js";
import type { DealStage } from "../../shared/domain/deals.js";
import { humanize } from "./format";

const STAGE_LABELS: Record<Stage, string> = {
  subscriber: "Subscriber",
  lead: "Lead",
  mql: "MQL",
  sal: "SAL",
  sql: "SQL",
  opportunity: "Opportunity",
  customer: "Customer",
  rejected: "Rejected",
  recycled: "Recycled",
  disqualified: "Disqualified",
  lost: "Lost",
  no_decision: "No decision",
};

const STAGE_COLORS: Record<Stage, string> = {
  subscriber: "gray",
  lead: "blue",
  mql: "violet",
  sal: "indigo",
  sql: "cyan",
  opportunity: "teal",
  customer: "green",
  rejected: "red",
  recycled: "orange",
  disqualified: "dark",
  lost: "red",
  no_decision: "yellow",
};

const STAGE_DESCRIPTIONS: Record<Stage, string> = {
  subscriber: "Opted in to content, not yet a lead",
  lead: "Known contact, not yet qualified",
  mql: "Meets the agreed lead definition; waiting for sales",
  sal: "Sales accepted the lead",
  sql: "Sales qualified: a real buying conversation",
  opportunity: "An open deal is in progress",
  customer: "Bought from us",
  rejected: "Sales rejected the MQL (reason recorded)",
  recycled: "Back to nurture; may re-qualify later",
  disqualified: "Permanently out (terminal)",
  lost: "The opportunity was lost",
  no_decision: "The buyer made no decision",
};

/** Display label of a lifecycle stage (`mql` → `MQL`). */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage as Stage] ?? humanize(stage);
}

/** Mantine color of a lifecycle stage badge. */
export function stageColor(stage: string): string {
  return STAGE_COLORS[stage as Stage] ?? "gray";
}

/** One-line meaning of a lifecycle stage. */
export function stageDescription(stage: string): string {
  return STAGE_DESCRIPTIONS[stage as Stage] ?? "";
}

const DEAL_STAGE_COLORS: Record<DealStage, string> = {
  discovery: "blue",
  qualification: "indigo",
  proposal: "violet",
  negotiation: "grape",
  closed_won: "green",
  closed_lost: "red",
};

/** Display label of a deal stage. */
export function dealStageLabel(stage: string): string {
  if (stage === "closed_won") return "Closed won";
  if (stage === "closed_lost") return "Closed lost";
  return humanize(stage);
}

/** Mantine color of a deal stage badge. */
export function dealStageColor(stage: string): string {
  return DEAL_STAGE_COLORS[stage as DealStage] ?? "gray";
}

const CAMPAIGN_STATUS_COLORS: Record<string, string> = { planned: "gray", active: "green", completed: "blue", cancelled: "red" };

/** Mantine color of a campaign status badge. */
export function campaignStatusColor(status: string): string {
  return CAMPAIGN_STATUS_COLORS[status] ?? "gray";
}

const CUSTOMER_STATUS_COLORS: Record<string, string> = { prospect: "blue", customer: "green", former_customer: "orange", partner: "grape" };

/** Mantine color of an account's customer-status badge. */
export function customerStatusColor(status: string): string {
  return CUSTOMER_STATUS_COLORS[status] ?? "gray";
}

const FIT_GRADE_COLORS: Record<string, string> = { A: "green", B: "teal", C: "yellow", D: "red" };

/** Mantine color of a fit grade. */
export function fitGradeColor(grade: string | null): string {
  return grade ? (FIT_GRADE_COLORS[grade] ?? "gray") : "gray";
}

/** Select options `{value, label}` for a list of codes. */
export function codeOptions<T extends string>(codes: readonly T[], label: (code: T) => string = humanize): { value: T; label: string }[] {
  return codes.map((c) => ({ value: c, label: label(c) }));
}

/** Human label for a channel code (`paid_social` → `Paid social`). */
export function channelLabel(channel: string | null | undefined): string {
  return humanize(channel);
}
