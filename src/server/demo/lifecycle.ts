/**
 * Walks each contact through the lifecycle table of src/shared/domain/lifecycle.ts. Every move goes
 * through `checkTransition`, so a path the table refuses is a generator bug and fails loudly.
 */
import { checkTransition, type Stage } from "../../shared/domain/lifecycle.js";
import { DEFAULT_REASON_CODES } from "../../shared/domain/reasons.js";
import type { ReasonKind } from "../../shared/contracts/reason-codes.js";
import { DAY, MINUTE, addBusinessHours, duringBusinessHours } from "./calendar.js";
import type { ActorKind, DemoContact, DemoContext, DemoDeal } from "./context.js";
import { Rng, weighted, type WeightedTable } from "./prng.js";
import { EBOOK, PERSONA_ODDS, RESPONSE_HOURS, SDR_PROFILE } from "./story.js";

/** Opens a deal when a contact reaches opportunity; null when the account already has one open (they join it). */
export type DealDesk = { open(contact: DemoContact, at: number, closeAt?: number): DemoDeal | null };

// A move without an actor is automation (scoring, deal follow-up) unless `kind` says otherwise.
type Move = { to: Stage; at: number; actor: string | null; reason?: string | null; kind?: ActorKind };
type Sim = { ctx: DemoContext; rng: Rng; c: DemoContact; desk: DealDesk; stage: Stage; at: number; recycles: number; remql: number; reopen: number; deal: DemoDeal | null };

function reasons(kind: ReasonKind, entries: [string, number][]): WeightedTable<string> {
  const known = new Set(DEFAULT_REASON_CODES[kind].map((r) => r.code));
  for (const [code] of entries) if (!known.has(code)) throw new Error(`demo: unknown ${kind} reason ${code}`);
  return weighted(entries);
}

const REJECT_STUDENT = reasons("reject", [["student", 85], ["bad_data", 15]]);
const REJECT_EBOOK = reasons("reject", [["not_icp", 70], ["no_authority", 15], ["student", 15]]);
const REJECT_CUSTOMER = reasons("reject", [["already_customer", 70], ["duplicate", 30]]);
const REJECT_OTHER = reasons("reject", [["not_icp", 25], ["no_budget", 20], ["no_authority", 25], ["bad_data", 8], ["duplicate", 7], ["competitor", 5]]);
const RECYCLE_NURTURE = reasons("recycle", [["bad_timing", 50], ["no_project", 50]]);
const RECYCLE_SALES = reasons("recycle", [["no_response", 60], ["bad_timing", 40]]);
const DISQUALIFY_LEAD = reasons("disqualify", [["not_icp", 50], ["competitor", 15], ["spam", 35]]);
const DISQUALIFY_STUDENT = reasons("disqualify", [["student", 1]]);
const DISQUALIFY_SALES = reasons("disqualify", [["not_icp", 1]]);
const GRADE_ACCEPT = { A: 1.08, B: 1, C: 0.85, D: 0.55 } as const;
const GRADE_PROGRESS = { A: 1.1, B: 1, C: 0.8, D: 0.5 } as const;

const days = (n: number) => Math.floor(n * DAY);

function workTime(rng: Rng, at: number): number {
  if (!rng.chance(0.8)) return at;
  const f = rng.next();
  const t = duringBusinessHours(at, f);
  return t >= at ? t : duringBusinessHours(at + DAY, f);
}

function marketer(s: Sim): string {
  return s.rng.pick(s.ctx.staff.marketingIds);
}

function isCustomerAt(c: DemoContact, at: number): boolean {
  const since = c.account?.existingSince;
  return since !== null && since !== undefined && since <= at;
}

function mqlTime(s: Sim): number {
  const { c, rng, ctx } = s;
  if (c.kind === "ebook" && s.remql === 0 && s.recycles === 0) return workTime(rng, s.at + days(rng.between(0.2, 5)));
  let t = s.at + days(Math.min(200, Math.max(1, rng.logNormal(20, 0.8))));
  if (c.kind === "preWindow" && s.recycles === 0) t = Math.max(t, ctx.windowStart + days(rng.between(0, 300)));
  return workTime(rng, t);
}

function fromLead(s: Sim): Move | null {
  const { c, rng } = s;
  if (c.kind === "outbound" && s.recycles === 0 && c.sdrKind && c.sdrId) {
    if (rng.chance(SDR_PROFILE[c.sdrKind].meetingRate * 0.65)) {
      const at = workTime(rng, s.at + days(rng.between(3, 40)));
      c.meetings.push({ at: at - 30 * MINUTE, actor: c.sdrId });
      return { to: "sal", at, actor: c.sdrId };
    }
    return rng.chance(0.15) ? { to: "recycled", at: s.at + days(rng.between(20, 60)), actor: c.sdrId, reason: "no_response" } : null;
  }
  const odds = c.kind === "ebook" ? EBOOK.mqlRate : c.persona ? PERSONA_ODDS[c.persona].mql : 0.3;
  if (rng.chance(odds * (s.recycles ? 0.6 : 1))) return { to: "mql", at: mqlTime(s), actor: null };
  const r = rng.next();
  if (r < 0.06) return { to: "recycled", at: s.at + days(rng.between(30, 120)), actor: marketer(s), reason: rng.from(RECYCLE_NURTURE) };
  if (r < 0.1) return { to: "disqualified", at: s.at + days(rng.between(5, 60)), actor: marketer(s), reason: rng.from(DISQUALIFY_LEAD) };
  return null;
}

function acceptOdds(s: Sim): number {
  const { c } = s;
  if (c.kind === "ebook") return c.account ? EBOOK.acceptRate * 1.6 : 0.03;
  if (isCustomerAt(c, s.at)) return 0.4;
  const base = c.persona ? PERSONA_ODDS[c.persona].accept : 0.1;
  const quality = Math.sqrt(c.originalCampaign?.spec.quality ?? 1);
  return Math.min(0.97, Math.max(0.02, base * GRADE_ACCEPT[c.fitGrade] * quality));
}

function fromMql(s: Sim): Move {
  const { c, rng, ctx } = s;
  if (!c.sdrKind) {
    c.sdrKind = rng.chance(SDR_PROFILE.volume.inboundShare) ? "volume" : "quality";
    c.sdrId = ctx.staff.sdr[c.sdrKind];
  }
  const sla = RESPONSE_HOURS[c.territory];
  const at = addBusinessHours(s.at, rng.logNormal(sla.median, sla.sigma));
  if (rng.chance(acceptOdds(s))) {
    const profile = SDR_PROFILE[c.sdrKind];
    if (c.sdrId && rng.chance(profile.meetingRate)) {
      const n = rng.int(profile.meetings[0], profile.meetings[1]);
      for (let i = 0; i < n; i++) c.meetings.push({ at: workTime(rng, at + days(rng.between(1, 12))), actor: c.sdrId });
    }
    return { to: "sal", at, actor: c.ownerId };
  }
  const table = c.kind === "ebook" ? (c.account ? REJECT_EBOOK : REJECT_STUDENT) : isCustomerAt(c, s.at) ? REJECT_CUSTOMER : REJECT_OTHER;
  return { to: "rejected", at, actor: c.ownerId, reason: rng.from(table) };
}

function fromRejected(s: Sim): Move | null {
  const { c, rng } = s;
  if (!c.account && rng.chance(0.65)) return { to: "disqualified", at: s.at + days(rng.between(1, 14)), actor: c.ownerId, reason: rng.from(DISQUALIFY_STUDENT) };
  const r = rng.next();
  if (r < 0.28) return { to: "recycled", at: s.at + days(rng.between(14, 90)), actor: marketer(s), reason: rng.from(RECYCLE_NURTURE) };
  if (r < 0.38 && s.remql < 1) {
    s.remql++;
    return { to: "mql", at: workTime(rng, s.at + days(rng.between(30, 150))), actor: null };
  }
  return null;
}

function fromSal(s: Sim): Move | null {
  const { c, rng } = s;
  const boost = c.sdrKind && c.meetings.length ? SDR_PROFILE[c.sdrKind].opportunityBoost : 1;
  const p = 0.55 * GRADE_PROGRESS[c.fitGrade] * (c.kind === "ebook" ? 0.5 : 1) * (c.account ? 1 : 0.3) * boost;
  if (rng.chance(Math.min(0.9, p))) return { to: "sql", at: workTime(rng, s.at + days(Math.max(1, rng.logNormal(8, 0.6)))), actor: c.sdrId ?? c.ownerId };
  const r = rng.next();
  if (r < 0.4) return { to: "recycled", at: s.at + days(rng.between(14, 45)), actor: c.ownerId, reason: rng.from(RECYCLE_SALES) };
  if (r < 0.46) return { to: "disqualified", at: s.at + days(rng.between(3, 30)), actor: c.ownerId, reason: rng.from(DISQUALIFY_SALES) };
  return null;
}

function toOpportunity(s: Sim, at: number): Move | null {
  if (!s.c.account || at > s.ctx.now) return null;
  s.deal = s.desk.open(s.c, at);
  return s.deal ? { to: "opportunity", at, actor: null } : null;
}

function fromSql(s: Sim): Move | null {
  const { c, rng } = s;
  const boost = c.sdrKind && c.meetings.length ? SDR_PROFILE[c.sdrKind].opportunityBoost : 1;
  const p = (c.persona ? PERSONA_ODDS[c.persona].opportunity : 0) * boost;
  if (c.account && rng.chance(Math.min(0.9, p))) return toOpportunity(s, Math.max(s.at + MINUTE, workTime(rng, s.at + days(Math.max(2, rng.logNormal(10, 0.6))))));
  const r = rng.next();
  if (r < 0.4) return { to: "recycled", at: s.at + days(rng.between(14, 60)), actor: c.ownerId, reason: rng.from(RECYCLE_NURTURE) };
  if (r < 0.45) return { to: "disqualified", at: s.at + days(rng.between(3, 30)), actor: c.ownerId, reason: rng.from(DISQUALIFY_SALES) };
  return null;
}

function fromOpportunity(s: Sim): Move | null {
  const deal = s.deal;
  if (!deal || deal.closedAt === null || !deal.outcome) return null;
  const to = deal.outcome === "won" ? "customer" : deal.outcome === "lost" ? "lost" : "no_decision";
  return { to, at: deal.closedAt, actor: null, reason: deal.outcome === "won" ? null : deal.reasonCode };
}

function fromClosedLost(s: Sim): Move | null {
  const { c, rng } = s;
  const r = rng.next();
  if (r < 0.35) return { to: "recycled", at: s.at + days(rng.between(30, 120)), actor: c.ownerId, reason: "bad_timing" };
  if (r < 0.41 && s.reopen < 1) {
    s.reopen++;
    return toOpportunity(s, workTime(rng, s.at + days(rng.between(60, 200))));
  }
  return null;
}

function fromRecycled(s: Sim): Move | null {
  const { rng } = s;
  if (s.recycles >= 3) return null;
  const r = rng.next();
  if (r < 0.45) return { to: "lead", at: s.at + days(rng.between(30, 150)), actor: null };
  if (r < 0.6) return { to: "mql", at: workTime(rng, s.at + days(rng.between(30, 150))), actor: null };
  if (r < 0.63) return { to: "disqualified", at: s.at + days(rng.between(10, 60)), actor: marketer(s), reason: rng.from(DISQUALIFY_LEAD) };
  return null;
}

function nextMove(s: Sim): Move | null {
  switch (s.stage) {
    case "subscriber": {
      const r = s.rng.next();
      if (r < 0.7) return { to: "lead", at: s.at + days(s.rng.logNormal(25, 0.8)), actor: null };
      return r < 0.73 ? { to: "disqualified", at: s.at + days(s.rng.between(10, 60)), actor: marketer(s), reason: "spam" } : null;
    }
    case "lead": return fromLead(s);
    case "mql": return fromMql(s);
    case "rejected": return fromRejected(s);
    case "sal": return fromSal(s);
    case "sql": return fromSql(s);
    case "opportunity": return fromOpportunity(s);
    case "lost":
    case "no_decision": return fromClosedLost(s);
    case "recycled": return fromRecycled(s);
    default: return null;
  }
}

function record(from: Stage | null, c: DemoContact, m: Move): void {
  if (from) {
    const check = checkTransition(from, m.to, m.reason);
    if (!check.ok) throw new Error(`demo lifecycle bug: ${check.reason}`);
  }
  c.transitions.push({ from, to: m.to, at: m.at, actor: m.actor, kind: m.kind ?? (m.actor ? "user" : "automation"), reason: m.reason ?? null });
}

/** Generates a contact's transitions from its creation until it settles or reaches `now`. */
export function simulateLifecycle(ctx: DemoContext, rng: Rng, c: DemoContact, desk: DealDesk): void {
  if (c.kind === "buyer") return simulateBuyer(ctx, rng, c, desk);
  const entry: Stage = c.kind === "outbound" || c.kind === "ebook" || rng.chance(0.7) ? "lead" : "subscriber";
  const entryActor = c.kind === "outbound" ? c.sdrId : null;
  record(null, c, { to: entry, at: c.createdAt, actor: entryActor, kind: c.kind === "preWindow" ? "import" : undefined });
  const s: Sim = { ctx, rng, c, desk, stage: entry, at: c.createdAt, recycles: 0, remql: 0, reopen: 0, deal: null };
  for (let step = 0; step < 40; step++) {
    const m = nextMove(s);
    if (!m) return;
    m.at = Math.max(Math.floor(m.at), s.at + MINUTE);
    if (m.at > ctx.now) return;
    record(s.stage, c, m);
    s.stage = m.to;
    s.at = m.at;
    if (m.to === "recycled") s.recycles++;
  }
}

// An old customer's buyer: the whole journey happened before the window and ended in a won deal.
function simulateBuyer(ctx: DemoContext, rng: Rng, c: DemoContact, desk: DealDesk): void {
  const since = c.account?.existingSince ?? ctx.windowStart;
  const mql = workTime(rng, since - days(rng.between(85, 110)));
  const sla = RESPONSE_HOURS[c.territory];
  const sal = addBusinessHours(mql, rng.logNormal(sla.median, sla.sigma));
  const sql = sal + days(rng.between(3, 10));
  const opp = sql + days(rng.between(2, 8));
  c.sdrKind = rng.chance(0.5) ? "volume" : "quality";
  c.sdrId = ctx.staff.sdr[c.sdrKind];
  const deal = desk.open(c, opp, since);
  const path: Move[] = [
    { to: "lead", at: c.createdAt, actor: null, kind: "import" },
    { to: "mql", at: mql, actor: null },
    { to: "sal", at: sal, actor: c.ownerId },
    { to: "sql", at: sql, actor: c.sdrId },
    { to: "opportunity", at: opp, actor: null },
    { to: "customer", at: deal?.closedAt ?? since, actor: null },
  ];
  let prev: Stage | null = null;
  for (const m of path) {
    record(prev, c, m);
    prev = m.to;
  }
}
