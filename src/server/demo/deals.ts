/** Deals: opened by contacts reaching opportunity, plus renewals and expansions at old customers. */
import { DEAL_STAGES, type DealContactRole, type DealOutcome, type DealStage } from "../../shared/domain/deals.js";
import { DEFAULT_REASON_CODES } from "../../shared/domain/reasons.js";
import { DAY } from "./calendar.js";
import type { DemoAccount, DemoContact, DemoContext, DemoDeal } from "./context.js";
import type { DealDesk } from "./lifecycle.js";
import { Rng, weighted } from "./prng.js";
import { COMPETITORS, PERSONA_ODDS, RISING_COMPETITOR, SDR_PROFILE, SEGMENT_INFO, type Persona } from "./story.js";

const OPEN_STAGES = DEAL_STAGES.slice(0, 4) as DealStage[];
const GRADE_WIN = { A: 1.2, B: 1, C: 0.8, D: 0.5 } as const;
const WIN = weighted(DEFAULT_REASON_CODES.win.map((r) => [r.code, 1] as const));
const NO_DECISION = weighted(DEFAULT_REASON_CODES.no_decision.map((r) => [r.code, 1] as const));
const LOSS_OTHER = weighted<string>([["price", 35], ["missing_feature", 25], ["timing", 25], ["champion_left", 15]]);
const OTHER_COMPETITORS = COMPETITORS.filter((c) => c !== RISING_COMPETITOR.name);

const days = (n: number) => Math.floor(n * DAY);
const round100 = (n: number) => Math.round(n / 100) * 100;

function competitorAt(ctx: DemoContext, rng: Rng, at: number): string {
  const f = Math.min(1, Math.max(0, (at - ctx.windowStart) / (ctx.now - ctx.windowStart)));
  const share = RISING_COMPETITOR.from + (RISING_COMPETITOR.to - RISING_COMPETITOR.from) * f;
  return rng.chance(share) ? RISING_COMPETITOR.name : rng.pick(OTHER_COMPETITORS);
}

function closeReason(ctx: DemoContext, rng: Rng, outcome: DealOutcome, at: number): { reason: string; competitor: string | null } {
  if (outcome === "won") return { reason: rng.from(WIN), competitor: rng.chance(0.15) ? rng.pick(OTHER_COMPETITORS) : null };
  if (outcome === "no_decision") return { reason: rng.from(NO_DECISION), competitor: null };
  const f = Math.min(1, Math.max(0, (at - ctx.windowStart) / (ctx.now - ctx.windowStart)));
  if (rng.chance(0.3 + 0.3 * f)) return { reason: "competitor", competitor: competitorAt(ctx, rng, at) };
  return { reason: rng.from(LOSS_OTHER), competitor: rng.chance(0.2) ? competitorAt(ctx, rng, at) : null };
}

function buildHistory(deal: DemoDeal, rng: Rng, now: number, closeAt: number, outcome: DealOutcome): void {
  const span = closeAt - deal.createdAt;
  const reach = outcome === "won" ? 3 : rng.int(0, 3);
  let prev: DealStage | null = null;
  for (let k = 0; k <= reach; k++) {
    const at = k === 0 ? deal.createdAt : deal.createdAt + Math.floor((span * (k + rng.between(-0.3, 0.3))) / 4.2);
    if (at > now) break;
    const to = OPEN_STAGES[k] as DealStage;
    deal.history.push({ from: prev, to, at, actor: deal.ownerId });
    prev = to;
  }
  if (closeAt <= now) deal.history.push({ from: prev, to: outcome === "won" ? "closed_won" : "closed_lost", at: closeAt, actor: deal.ownerId });
  deal.stage = deal.history[deal.history.length - 1]?.to ?? "discovery";
}

type DealDraft = Pick<DemoDeal, "origin" | "primary" | "sdrId" | "sourceCampaign" | "amount" | "productIndex" | "createdAt"> & { closeAt: number; outcome: DealOutcome };

function addDeal(ctx: DemoContext, rng: Rng, account: DemoAccount, d: DealDraft): DemoDeal {
  const deal: DemoDeal = {
    id: "", origin: d.origin, account, primary: d.primary, ownerId: account.ownerId, sdrId: d.sdrId, sourceCampaign: d.sourceCampaign,
    type: d.origin === "renewal" ? "renewal" : d.origin === "expansion" ? "cross_sell" : "new", name: "", amount: d.amount,
    productIndex: d.productIndex, createdAt: d.createdAt, expectedCloseAt: d.closeAt, closedAt: null, outcome: null,
    reasonCode: null, competitor: null, stage: "discovery", history: [], contacts: [],
  };
  buildHistory(deal, rng, ctx.now, d.closeAt, d.outcome);
  const close = closeReason(ctx, rng, d.outcome, d.closeAt);
  if (d.closeAt <= ctx.now) Object.assign(deal, { closedAt: d.closeAt, outcome: d.outcome, reasonCode: close.reason, competitor: close.competitor });
  account.deals.push(deal);
  return deal;
}

/** Role of a person on a buying committee, by persona. */
export function roleFor(persona: Persona | null, isPrimary: boolean, rng: Rng): DealContactRole {
  if (persona === "VP Engineering" || persona === "CTO" || persona === "CFO") return "decision_maker";
  if (persona === "Engineering Manager") return isPrimary || rng.chance(0.5) ? "champion" : "influencer";
  if (persona === "IT Manager") return isPrimary ? "champion" : rng.chance(0.5) ? "user" : "influencer";
  if (persona === "Operations Director") return rng.chance(0.7) ? "influencer" : "blocker";
  return "user";
}

/** The deal desk of one account: opens a funnel deal unless one is already open there. */
export function createDealDesk(ctx: DemoContext, rng: Rng, account: DemoAccount): DealDesk {
  return {
    open(c: DemoContact, at: number, closeAt?: number) {
      if (closeAt === undefined) {
        const busy = account.deals.find((d) => d.origin === "funnel" && d.createdAt <= at && (d.closedAt ?? Infinity) > at);
        if (busy) {
          if (!busy.contacts.some((x) => x.contact === c)) busy.contacts.push({ contact: c, role: roleFor(c.persona, false, rng) });
          return null;
        }
      }
      const seg = SEGMENT_INFO[account.segment];
      const credited = c.sdrKind && c.meetings.some((m) => m.at <= at) ? c.sdrKind : null;
      const profile = credited ? SDR_PROFILE[credited] : null;
      const personaWin = c.persona ? PERSONA_ODDS[c.persona].win : 0.2;
      const pWin = 0.3 * personaWin * (profile?.winFactor ?? 1) * (c.kind === "ebook" ? 0.3 : 1) * GRADE_WIN[c.fitGrade];
      const outcome: DealOutcome = closeAt !== undefined || rng.chance(Math.min(0.85, Math.max(0.02, pWin))) ? "won" : rng.chance(0.7) ? "lost" : "no_decision";
      const cycle = days(rng.between(seg.cycleDays[0], seg.cycleDays[1]) * (credited === "volume" ? 0.8 : 1));
      const amount = round100(rng.between(seg.amount[0], seg.amount[1]) * (profile?.amountFactor ?? 1));
      return addDeal(ctx, rng, account, {
        origin: closeAt !== undefined ? "historical" : "funnel", primary: c, sdrId: credited ? c.sdrId : null,
        sourceCampaign: c.originalCampaign, amount, productIndex: 0, createdAt: at, closeAt: closeAt ?? at + cycle, outcome,
      });
    },
  };
}

function anniversary(since: number, years: number): number {
  const d = new Date(since);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.getTime();
}

/** Renewals on each anniversary in the window and sometimes an expansion, for customers from before the window. */
export function planCustomerDeals(ctx: DemoContext, rng: Rng, account: DemoAccount): void {
  const since = account.existingSince;
  const buyer = account.contacts.find((c) => c.kind === "buyer");
  if (since === null || !buyer) return;
  const arr = account.products.reduce((sum, p) => sum + p.annualValue, 0);
  for (let year = 1; year < 10; year++) {
    const closeAt = anniversary(since, year);
    const createdAt = closeAt - days(75);
    if (createdAt > ctx.now) break;
    if (createdAt < ctx.windowStart) continue;
    const outcome: DealOutcome = rng.chance(0.86) ? "won" : "lost";
    const amount = round100(arr * rng.between(1, 1.08));
    addDeal(ctx, rng, account, { origin: "renewal", primary: buyer, sdrId: null, sourceCampaign: null, amount, productIndex: null, createdAt, closeAt, outcome });
    if (outcome === "lost" && closeAt <= ctx.now) break;
  }
  if (rng.chance(0.3)) {
    const from = Math.max(ctx.windowStart, since + days(60));
    const createdAt = from + Math.floor(rng.next() * Math.max(0, ctx.now - days(5) - from));
    const outcome: DealOutcome = rng.chance(0.5) ? "won" : rng.chance(0.6) ? "lost" : "no_decision";
    const cycle = days(rng.between(30, 90));
    addDeal(ctx, rng, account, { origin: "expansion", primary: buyer, sdrId: null, sourceCampaign: null, amount: 0, productIndex: null, createdAt, closeAt: createdAt + cycle, outcome });
  }
}
