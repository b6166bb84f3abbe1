/**
 * Lead routing (DESIGN §6.3): ordered rules pick the rep an MQL goes to, SDR pods are checked against the 3–6 AE
 * band, and a handoff carries the context the rep needs. Pure functions; callers load the data.
 */
import type { Condition } from "../contracts/agreement.js";
import type { Role } from "./roles.js";
import { isSalesSide } from "./roles.js";
import { matchesFitRule, type FitSubject } from "./scoring.js";

export const ROUTING_RULE_KINDS = ["account_owner", "territory", "round_robin"] as const;
export type RoutingRuleKind = (typeof ROUTING_RULE_KINDS)[number];

/** What routing needs of a rule, in evaluation order. */
export type RoutableRule = {
  id: string;
  kind: RoutingRuleKind;
  enabled: boolean;
  conditions: Condition[];
  assigneeId: string | null;
  teamId: string | null;
  capacity: number | null;
  lastAssigneeId: string | null;
};

/** An active member who could take a lead, with the open leads (mql/sal) they own now. */
export type RoutableMember = { userId: string; role: Role; teamId: string | null; openLeads: number };

/** The lead being routed: the values conditions read and its account's owner. */
export type RoutableLead = { subject: FitSubject; accountOwnerId: string | null };

export type RoutingDecision = { ruleId: string; kind: RoutingRuleKind; assigneeId: string };

/** Whether a member may own leads: anyone but marketing (leads are handed to the sales side, managers and admins). */
export function canOwnLeads(role: Role): boolean {
  return role !== "marketing";
}

/** Whether every condition holds for the lead (no conditions: always). */
export function matchesConditions(conditions: Condition[], subject: FitSubject): boolean {
  // Routing conditions have the shape and meaning of fit-rule conditions; reuse that evaluator.
  return matchesFitRule({ id: "routing", label: "routing", points: 0, conditions }, subject);
}

/**
 * The next rep of a round-robin rule: members of its team on the sales side, in id order, starting after the last
 * assignee (or after where they would sort, if they left) and skipping anyone at or over capacity.
 */
export function nextRoundRobin(rule: Pick<RoutableRule, "teamId" | "capacity" | "lastAssigneeId">, members: RoutableMember[]): string | null {
  if (!rule.teamId) return null;
  const pool = members.filter((m) => m.teamId === rule.teamId && isSalesSide(m.role)).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  if (pool.length === 0) return null;
  const last = rule.lastAssigneeId;
  const start = last === null ? 0 : pool.findIndex((m) => m.userId > last);
  const from = start === -1 ? 0 : start;
  for (let i = 0; i < pool.length; i++) {
    const m = pool[(from + i) % pool.length]!;
    if (rule.capacity === null || m.openLeads < rule.capacity) return m.userId;
  }
  return null;
}

/** Evaluates the rules in order; the first enabled rule whose conditions hold and that names someone wins. */
export function routeLead(rules: RoutableRule[], lead: RoutableLead, members: RoutableMember[]): RoutingDecision | null {
  // Leads go to the sales side: an account owned by a marketer, or an assignee whose role changed, falls through.
  const active = new Set(members.filter((m) => canOwnLeads(m.role)).map((m) => m.userId));
  for (const rule of rules) {
    if (!rule.enabled || !matchesConditions(rule.conditions, lead.subject)) continue;
    const named = rule.kind === "account_owner" ? lead.accountOwnerId : rule.kind === "territory" ? rule.assigneeId : nextRoundRobin(rule, members);
    const assigneeId = named && active.has(named) ? named : null;
    if (assigneeId) return { ruleId: rule.id, kind: rule.kind, assigneeId };
  }
  return null;
}

export const POD_AE_BAND = { min: 3, max: 6 } as const;
export type PodRatioStatus = "ok" | "understaffed" | "overloaded";

/** The SDR:AE ratio of a pod and whether it sits in the 3–6 AE band, e.g. `1:2 — below 3 AEs`. */
export function podRatio(aeCount: number): { status: PodRatioStatus; label: string } {
  const ratio = `1:${aeCount}`;
  if (aeCount < POD_AE_BAND.min) return { status: "understaffed", label: `${ratio} — below ${POD_AE_BAND.min} AEs` };
  if (aeCount > POD_AE_BAND.max) return { status: "overloaded", label: `${ratio} — above ${POD_AE_BAND.max} AEs` };
  return { status: "ok", label: ratio };
}

/** A touch as the handoff shows it. */
export type HandoffTouch = {
  at: Date;
  type: string;
  channel: string | null;
  campaignId: string | null;
  campaignName: string | null;
  campaignChannel: string | null;
  properties: Record<string, unknown>;
};

const CONTENT_TYPES = new Set(["content_view", "content_download"]);
const FORM_OR_CONTENT_TYPES = new Set(["form_submit", "content_view", "content_download", "content_share"]);

/** The asset title a touch's properties carry, if any. */
export function assetTitleOf(properties: Record<string, unknown>): string | null {
  for (const key of ["asset_title", "assetTitle", "title"]) {
    const v = properties[key];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return null;
}

/** Which kind of follow-up the last touch calls for. */
export function followUpKind(touch: Pick<HandoffTouch, "type" | "channel"> | null): "email" | "webinar" | "content" | "call" {
  if (!touch) return "call";
  if (touch.type.startsWith("email_")) return "email";
  if (touch.type.startsWith("webinar_")) return "webinar";
  if (FORM_OR_CONTENT_TYPES.has(touch.type)) return "content";
  if (touch.channel === "email") return "email";
  if (touch.channel === "webinar") return "webinar";
  if (touch.channel === "content") return "content";
  return "call";
}

/** The recommended next step for the rep, from the lead's last touch and the converting campaign. */
export function recommendedNextStep(last: HandoffTouch | null, campaignName: string | null): string {
  const campaign = campaignName ? `"${campaignName}"` : null;
  switch (followUpKind(last)) {
    case "email":
      return `Reply by e-mail within 4 business hours referencing ${campaign ?? "the e-mail they answered"}`;
    case "webinar": {
      const title = typeof last?.properties.webinar_title === "string" ? `"${last.properties.webinar_title}"` : campaign;
      return `Call within 4 business hours referencing the webinar${title ? ` ${title}` : ""}`;
    }
    case "content": {
      const asset = last ? assetTitleOf(last.properties) : null;
      const topic = asset ? `"${asset}"` : (campaign ?? "what they downloaded");
      return `E-mail related content that follows up on ${topic}`;
    }
    default:
      return campaign ? `Call within 4 business hours referencing ${campaign}` : "Call within 4 business hours to qualify the need";
  }
}

export type HandoffContextInput = {
  /** Newest first; the first 20 become the timeline. */
  touches: HandoffTouch[];
  /** The latest touch that came through a campaign, however far back. */
  lastCampaignTouch: HandoffTouch | null;
  /** Content views and downloads, newest first. */
  contentTouches: HandoffTouch[];
  scoreExplanation: string | null;
  fitPoints: number;
  fitGrade: string | null;
  engagement: number;
  originalCampaign: { id: string; name: string; channel: string | null } | null;
  note?: string | null;
};

export const HANDOFF_TIMELINE_LIMIT = 20;

/** The context a handoff carries: timeline, content consumed, score explanation, converting campaign, next step. */
export function buildHandoffContext(input: HandoffContextInput) {
  const withCampaign = input.lastCampaignTouch;
  const convertingCampaign = withCampaign?.campaignId && withCampaign.campaignName
    ? { id: withCampaign.campaignId, name: withCampaign.campaignName, channel: withCampaign.campaignChannel }
    : input.originalCampaign;
  const last = input.touches[0] ?? null;
  return {
    scoreExplanation: input.scoreExplanation,
    fit: { points: input.fitPoints, grade: input.fitGrade },
    engagement: Math.round(input.engagement * 10) / 10,
    timeline: input.touches.slice(0, HANDOFF_TIMELINE_LIMIT).map((t) => ({
      at: t.at.toISOString(),
      type: t.type,
      channel: t.channel,
      campaignName: t.campaignName,
      assetTitle: assetTitleOf(t.properties),
    })),
    contentConsumed: input.contentTouches
      .filter((t) => CONTENT_TYPES.has(t.type))
      .map((t) => ({ title: assetTitleOf(t.properties) ?? t.campaignName ?? (t.type === "content_download" ? "Downloaded content" : "Viewed content"), at: t.at.toISOString() })),
    convertingCampaign,
    recommendedNextStep: recommendedNextStep(last, convertingCampaign?.name ?? null),
    note: input.note ?? null,
  };
}
