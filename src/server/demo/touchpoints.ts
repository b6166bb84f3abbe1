/**
 * A contact's touchpoints, derived from its lifecycle: acquisition touches, nurture while it waits,
 * an engagement burst and a converting touch before each MQL, and sales activity once sales has it.
 */
import type { Stage } from "../../shared/domain/lifecycle.js";
import type { Channel, TouchpointType } from "../../shared/domain/touchpoints.js";
import { DAY, MINUTE } from "./calendar.js";
import type { CampaignPlan } from "./campaigns.js";
import type { DemoContact, DemoContext, Touch } from "./context.js";
import { Rng, weighted, type WeightedTable } from "./prng.js";
import { touchProperties } from "./touch-properties.js";
import { ENGAGEMENT_HALF_LIFE_DAYS, ENGAGEMENT_POINTS } from "./story.js";

type T = TouchpointType;
const mix = (entries: [T, number][]) => weighted<T>(entries);

const CHANNEL_MIX: Record<Channel, WeightedTable<T>> = {
  email: mix([["email_sent", 1]]),
  paid_search: mix([["ad_click", 6], ["page_view", 4]]),
  paid_social: mix([["ad_click", 6], ["page_view", 3], ["content_view", 1]]),
  organic_search: mix([["page_view", 8], ["content_view", 2]]),
  social: mix([["page_view", 6], ["content_view", 3], ["ad_click", 1]]),
  content: mix([["content_view", 5], ["content_download", 3], ["page_view", 2]]),
  webinar: mix([["webinar_register", 5], ["webinar_attend", 3], ["content_view", 1]]),
  event: mix([["event_visit", 1]]),
  referral: mix([["page_view", 1]]),
  partner: mix([["page_view", 5], ["webinar_attend", 2], ["content_view", 2]]),
  direct: mix([["page_view", 7], ["chat", 1], ["content_view", 2]]),
  outbound: mix([["sales_email", 1]]),
};
const ENGAGED_MIX = mix([["page_view", 5], ["content_view", 3], ["email_click", 2], ["webinar_attend", 1], ["chat", 1]]);
const CONVERSION: Record<Channel, T> = {
  email: "form_submit", paid_search: "form_submit", paid_social: "form_submit", organic_search: "form_submit", social: "content_download",
  content: "content_download", webinar: "webinar_attend", event: "event_visit", referral: "form_submit", partner: "form_submit",
  direct: "form_submit", outbound: "form_submit",
};
const ENTRY: Record<Channel, T[]> = {
  email: ["form_submit"], paid_search: ["ad_click", "form_submit"], paid_social: ["ad_click", "form_submit"], organic_search: ["page_view", "form_submit"],
  social: ["page_view", "content_download"], content: ["page_view", "content_download"], webinar: ["webinar_register"], event: ["event_visit"],
  referral: ["form_submit"], partner: ["form_submit"], direct: ["page_view", "form_submit"], outbound: [],
};
/** Marketing touches per 30 days while a contact sits in a stage. */
const NURTURE_PER_MONTH: Partial<Record<Stage, number>> = {
  subscriber: 0.5, lead: 0.55, sal: 0.25, sql: 0.25, opportunity: 0.3, customer: 0.2, rejected: 0.3, recycled: 0.35, lost: 0.3, no_decision: 0.3,
};
const SALES_CALL_OR_EMAIL = mix([["call", 1], ["sales_email", 1]]);

type Add = (at: number, type: T | "sdr_meeting", campaign: CampaignPlan | null, actor?: string | null) => void;

function emailCascade(rng: Rng, at: number, campaign: CampaignPlan | null, add: Add): void {
  add(at, "email_sent", campaign);
  if (!rng.chance(0.3)) return;
  const opened = at + Math.floor(rng.between(5 * MINUTE, 2 * DAY));
  add(opened, "email_open", campaign);
  if (rng.chance(0.3)) add(opened + Math.floor(rng.between(MINUTE, 30 * MINUTE)), "email_click", campaign);
  else if (rng.chance(0.03)) add(opened + Math.floor(rng.between(10 * MINUTE, DAY)), "email_reply", campaign);
}

function nurture(ctx: DemoContext, rng: Rng, stage: Stage, start: number, end: number, add: Add): void {
  const n = rng.poisson(((NURTURE_PER_MONTH[stage] ?? 0) * (end - start)) / (30 * DAY));
  for (let i = 0; i < n; i++) {
    const at = start + Math.floor(rng.next() * (end - start));
    const table = ctx.campaigns.touchTableAt(at);
    const campaign = table && rng.chance(0.88) ? rng.from(table) : null;
    const type = rng.from(CHANNEL_MIX[campaign?.spec.channel ?? "direct"]);
    if (type === "email_sent") emailCascade(rng, at, campaign, add);
    else add(at, type, campaign);
  }
}

function spread(rng: Rng, n: number, start: number, end: number, fn: (at: number) => void): void {
  for (let i = 0; i < n; i++) fn(start + Math.floor(rng.next() * (end - start)));
}

function salesActivity(rng: Rng, c: DemoContact, stage: Stage, start: number, end: number, add: Add): void {
  const window = (d: number) => Math.min(end, start + d * DAY);
  const touch = (actor: string | null) => (at: number) => add(at, rng.from(SALES_CALL_OR_EMAIL), null, actor);
  if (end - start < 10 * MINUTE) return;
  switch (stage) {
    case "mql":
      return spread(rng, rng.int(0, 2), start, window(2), touch(c.sdrId));
    case "sal":
      return spread(rng, rng.int(1, 3), start, window(20), touch(c.sdrId ?? c.ownerId));
    case "sql":
      add(start + Math.floor(rng.next() * (window(14) - start)), "meeting", null, c.ownerId);
      return spread(rng, rng.int(1, 2), start, window(20), touch(c.ownerId));
    case "opportunity":
      spread(rng, rng.int(1, 3), start, end, (at) => add(at, "meeting", null, c.ownerId));
      spread(rng, rng.int(0, 2), start, end, (at) => add(at, "content_share", null, c.ownerId));
      return spread(rng, rng.int(2, 5), start, end, touch(c.ownerId));
    case "customer":
      return add(start + Math.floor(rng.between(1, 10) * DAY), "meeting", null, c.ownerId);
    case "lost":
    case "no_decision":
      return add(start + Math.floor(rng.between(1, 20) * DAY), "sales_email", null, c.ownerId);
    default:
  }
}

// Engagement that earns the MQL: a few touches in the three weeks before, then the converting touch itself.
function mqlBurst(ctx: DemoContext, rng: Rng, c: DemoContact, mqlAt: number, since: number, first: boolean, add: Add): void {
  const from = Math.max(since, mqlAt - 21 * DAY);
  for (let i = rng.int(2, 5); i > 0 && mqlAt - from > 2 * MINUTE; i--) {
    const at = from + Math.floor(rng.next() * (mqlAt - MINUTE - from));
    const table = ctx.campaigns.touchTableAt(at);
    const campaign = c.kind === "ebook" && first ? ctx.campaigns.ebook : table && rng.chance(0.85) ? rng.from(table) : null;
    const type = rng.from(campaign && campaign.spec.channel !== "email" ? CHANNEL_MIX[campaign.spec.channel] : ENGAGED_MIX);
    add(at, type === "email_sent" ? "email_click" : type, campaign);
  }
  const original = c.originalCampaign;
  const table = ctx.campaigns.touchTableAt(mqlAt);
  const converting = c.kind === "ebook" && first ? ctx.campaigns.ebook
    : first && original && original.startsAt <= mqlAt && mqlAt < original.endsAt && rng.chance(0.5) ? original
    : table ? rng.from(table) : null;
  const type = c.kind === "ebook" && first ? "content_download" : CONVERSION[converting?.spec.channel ?? "direct"];
  add(mqlAt - 30_000, type, converting);
}

/** Generates and time-orders every touchpoint of a contact inside the window. */
export function generateTouches(ctx: DemoContext, rng: Rng, c: DemoContact): void {
  const out: Touch[] = [];
  const lo = Math.max(c.createdAt, ctx.windowStart);
  const add: Add = (at, type, campaign, actor = null) => {
    if (at < lo || at > ctx.now) return;
    const t: T = type === "sdr_meeting" ? "meeting" : type;
    const channel = campaign ? campaign.spec.channel : actor ? null : "direct";
    out.push({ at, type: t, campaign, channel, properties: touchProperties(rng, campaign, type), actor });
  };
  const entry = c.originalCampaign;
  if (entry) ENTRY[entry.spec.channel].forEach((type, i) => add(c.createdAt + i * Math.floor(rng.between(MINUTE, 5 * MINUTE)), c.kind === "ebook" && i > 0 ? "content_download" : type, entry));
  if (c.kind === "outbound") spread(rng, rng.int(2, 5), c.createdAt, Math.min(ctx.now, c.transitions[1]?.at ?? c.createdAt + 30 * DAY, c.createdAt + 30 * DAY), (at) => add(at, rng.from(SALES_CALL_OR_EMAIL), null, c.sdrId));
  let mqls = 0;
  c.transitions.forEach((t, i) => {
    const end = Math.min(ctx.now, c.transitions[i + 1]?.at ?? ctx.now);
    const start = Math.max(t.at, lo);
    if (t.to === "mql") mqlBurst(ctx, rng, c, t.at, c.transitions[i - 1]?.at ?? c.createdAt, mqls++ === 0, add);
    if (end <= start) return;
    nurture(ctx, rng, t.to, start, end, add);
    salesActivity(rng, c, t.to, start, end, add);
  });
  for (const m of c.meetings) add(m.at, "sdr_meeting", null, m.actor);
  out.sort((a, b) => a.at - b.at);
  c.touches = out;
}

const POINTS: Partial<Record<T, number>> = ENGAGEMENT_POINTS;
const HALF_LIFE = ENGAGEMENT_HALF_LIFE_DAYS * DAY;

/** The decayed engagement score (DESIGN §6.2) after a contact's touches, and when it was last updated. */
export function engagementOf(touches: readonly Touch[]): { score: number; at: number | null } {
  let score = 0;
  let at: number | null = null;
  for (const t of touches) {
    const p = POINTS[t.type];
    if (!p) continue;
    score = at === null ? p : score * Math.pow(2, -(t.at - at) / HALF_LIFE) + p;
    at = t.at;
  }
  return { score: Math.round(score * 1000) / 1000, at };
}
