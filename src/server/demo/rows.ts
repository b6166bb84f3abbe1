/** Turns the in-memory demo world into COPY rows, assigning ids in a fixed order. */
import { TOUCHPOINT_CATEGORIES } from "../../shared/domain/touchpoints.js";
import { STAGES, type Stage } from "../../shared/domain/lifecycle.js";
import { isoDate } from "./calendar.js";
import { actualCostCents, campaignBrief, lastDay, type CampaignPlan } from "./campaigns.js";
import type { DemoAccount, DemoContact, DemoContext, DemoDeal, Touch } from "./context.js";
import { NULL, TableBuffer, money, num, text, textArray, ts } from "./copy.js";
import { STAGE_PROBABILITY } from "./customers.js";
import { ID_KIND } from "./ids.js";
import { mixSeed } from "./prng.js";
import { engagementOf } from "./touchpoints.js";
import { DEMO_DEFINITION_V1 } from "./agreement.js";

const STAMP_COLUMNS = STAGES.map((s) => `${s}_at`);

/** One buffer per table, in foreign-key order. */
export function createBuffers() {
  return {
    campaigns: new TableBuffer("campaigns", ["workspace_id", "id", "name", "channel", "vehicle", "status", "starts_on", "ends_on", "budget", "actual_cost", "target_personas", "owner_id", "brief", "created_at", "updated_at"]),
    campaign_costs: new TableBuffer("campaign_costs", ["workspace_id", "id", "campaign_id", "incurred_on", "amount", "description", "created_at"]),
    products: new TableBuffer("products", ["workspace_id", "id", "name", "family", "list_price", "active", "created_at"]),
    accounts: new TableBuffer("accounts", ["workspace_id", "id", "name", "domain", "industry", "employees", "annual_revenue", "country", "region", "segment", "owner_id", "customer_status", "created_at", "updated_at"]),
    account_products: new TableBuffer("account_products", ["workspace_id", "account_id", "product_id", "since", "annual_value"]),
    contacts: new TableBuffer("contacts", [
      "workspace_id", "id", "account_id", "email", "first_name", "last_name", "title", "seniority", "department", "phone", "country", "persona", "persona_source",
      "source", "channel", "original_campaign_id", "utm_first", "utm_last", "stage", "stage_entered_at", "cycle", "owner_id", "sdr_id",
      "fit_points", "fit_grade", "engagement_score", "engagement_at", "definition_version", "consent", ...STAMP_COLUMNS, "created_at", "updated_at",
    ]),
    stage_transitions: new TableBuffer("stage_transitions", ["workspace_id", "id", "contact_id", "from_stage", "to_stage", "at", "actor_user_id", "actor_kind", "reason_code", "definition_version", "note"]),
    deals: new TableBuffer("deals", [
      "workspace_id", "id", "account_id", "primary_contact_id", "name", "owner_id", "sdr_id", "source_contact_id", "source_campaign_id", "type", "stage",
      "amount", "currency", "expected_close_at", "forecast_amount", "created_at", "updated_at", "closed_at", "outcome", "reason_code", "competitor",
    ]),
    deal_contacts: new TableBuffer("deal_contacts", ["workspace_id", "deal_id", "contact_id", "role"]),
    deal_stage_history: new TableBuffer("deal_stage_history", ["workspace_id", "id", "deal_id", "from_stage", "to_stage", "at", "actor_user_id"]),
    deal_products: new TableBuffer("deal_products", ["workspace_id", "deal_id", "product_id", "amount"]),
    touchpoints: new TableBuffer("touchpoints", ["workspace_id", "id", "contact_id", "account_id", "campaign_id", "type", "category", "channel", "occurred_at", "received_at", "properties", "source", "actor_user_id"]),
  };
}
export type Buffers = ReturnType<typeof createBuffers>;

/** Campaign and cost-line rows. */
export function pushCampaign(ctx: DemoContext, b: Buffers, c: CampaignPlan): void {
  const w = ctx.workspaceId;
  const owner = ctx.staff.marketingIds[c.ownerIndex] ?? ctx.staff.marketingManagerId;
  const created = c.startsAt - 14 * 86_400_000;
  b.campaigns.push([
    w, c.id, text(c.spec.name), c.spec.channel, text(c.spec.vehicle), c.status, isoDate(c.startsAt), lastDay(c), money(c.budgetCents),
    money(actualCostCents(c)), textArray(c.spec.personas), owner, text(JSON.stringify(campaignBrief(c))), ts(created), ts(Math.min(ctx.now, Math.max(created, c.endsAt))),
  ]);
  for (const line of c.costs) b.campaign_costs.push([w, line.id, c.id, isoDate(line.on), money(line.cents), text(line.description), ts(line.on)]);
}

// The same stamp rule as the lifecycle service: a stage's column is set the first time it is reached; moving to
// recycled starts a new cycle, clears the funnel stamps of the old one and always sets recycled_at.
const CYCLE_STAMPS: readonly Stage[] = ["mql", "sal", "sql", "opportunity"];

function stamps(c: DemoContact): Map<Stage, number> {
  const out = new Map<Stage, number>();
  for (const t of c.transitions) {
    if (t.to === "recycled") {
      for (const s of CYCLE_STAMPS) out.delete(s);
      out.set("recycled", t.at);
    } else if (!out.has(t.to)) out.set(t.to, t.at);
  }
  return out;
}

// persona_source: the demo's persona definitions (enablement-personas.ts) match every generated persona, so each one
// is "matched", as the persona re-apply job would leave it.
function pushContact(ctx: DemoContext, b: Buffers, c: DemoContact): void {
  const w = ctx.workspaceId;
  const last = c.transitions[c.transitions.length - 1];
  if (!last) throw new Error("demo: a contact without transitions");
  const { score, at: engagedAt } = engagementOf(c.touches);
  const utm = c.touches.filter((t) => t.campaign?.utm);
  const stageAt = stamps(c);
  const cycle = 1 + c.transitions.filter((t) => t.to === "recycled").length;
  const updated = Math.max(last.at, c.touches[c.touches.length - 1]?.at ?? 0);
  const reachedMql = c.transitions.some((t) => t.to === "mql");
  b.contacts.push([
    w, c.id, c.account?.id ?? NULL, text(c.email), text(c.firstName), text(c.lastName), text(c.title), c.seniority, text(c.department), text(c.phone),
    text(c.country), text(c.persona), c.persona ? "matched" : NULL, c.source, text(c.channel), c.originalCampaign?.id ?? NULL, text(utm[0]?.campaign?.utm), text(utm[utm.length - 1]?.campaign?.utm),
    last.to, ts(last.at), String(cycle), c.ownerId, c.sdrId ?? NULL, String(c.fitPoints), c.fitGrade, String(score), ts(engagedAt),
    reachedMql ? "1" : NULL, c.consent, ...STAGES.map((s) => ts(stageAt.get(s))), ts(c.createdAt), ts(updated),
  ]);
  // Like the lifecycle service, a move records the contact's definition version, which the first MQL stamps.
  let version = NULL;
  for (const t of c.transitions) {
    let actor = t.actor ?? NULL;
    let kind: string = t.kind;
    let note = NULL;
    if (t.to === "mql") {
      version = "1";
      if (t.kind === "automation") ({ actor, kind, note } = mqlMove(ctx, c, t.at));
    }
    b.stage_transitions.push([w, ctx.ids.next(ID_KIND.transition), c.id, t.from ?? NULL, t.to, ts(t.at), actor, kind, t.reason ?? NULL, version, note]);
  }
}

// The story decides when a lead became an MQL; the agreement (version 1) decides who made it one. A lead that met
// the rule at that moment was qualified by scoring, with the explanation scoring writes; any other was a hand-raiser
// a marketer passed on by hand.
function mqlMove(ctx: DemoContext, c: DemoContact, at: number): { actor: string; kind: string; note: string } {
  const { score } = engagementOf(c.touches.filter((x) => x.at <= at));
  const rule = DEMO_DEFINITION_V1.mqlRule;
  if ((rule.grades as readonly string[]).includes(c.fitGrade) && score >= rule.engagementThreshold) {
    return { actor: NULL, kind: "automation", note: text(`v1: grade ${c.fitGrade}, engagement ${score.toFixed(1)} ≥ ${rule.engagementThreshold}`) };
  }
  const marketers = ctx.staff.marketingIds;
  return { actor: marketers[c.index % marketers.length] ?? ctx.staff.marketingManagerId, kind: "user", note: text(`Passed to sales by hand: grade ${c.fitGrade}, engagement ${score.toFixed(1)} — below the agreement's rule, but asked for contact`) };
}

const DAY_MS = 86_400_000;

// Open deals forecast their amount weighted by their stage. A closed deal keeps the forecast its owner made once it
// reached a proposal: the amount weighted by the last stage before the close, give or take a fifth, and about a
// third of them were expected up to six weeks before they closed (they slipped). Derived from the deal's id, not
// the generator's stream, so the rest of the demo is unchanged.
function forecastOf(d: DemoDeal): { cents: number | null; expectedAt: number } {
  if (d.closedAt === null) return { cents: Math.round(d.amount * (STAGE_PROBABILITY[d.stage] ?? 0) * 100), expectedAt: d.expectedCloseAt };
  const last = [...d.history].reverse().find((h) => h.to === "proposal" || h.to === "negotiation");
  if (!last) return { cents: null, expectedAt: d.expectedCloseAt };
  const h = mixSeed(Number.parseInt(d.id.replace(/-/g, "").slice(-8), 16));
  const factor = 0.8 + ((h % 1000) / 1000) * 0.45;
  const slipDays = (h >>> 10) % 3 === 0 ? 7 + ((h >>> 12) % 36) : 0;
  return { cents: Math.round(d.amount * (STAGE_PROBABILITY[last.to] ?? 0) * factor * 100), expectedAt: Math.max(d.createdAt + DAY_MS, d.closedAt - slipDays * DAY_MS) };
}

function pushDeal(ctx: DemoContext, b: Buffers, d: DemoDeal): void {
  const w = ctx.workspaceId;
  const updated = d.history[d.history.length - 1]?.at ?? d.createdAt;
  const forecast = forecastOf(d);
  const sourced = d.origin === "funnel" || d.origin === "historical";
  b.deals.push([
    w, d.id, d.account.id, d.primary.id, text(d.name), d.ownerId, d.sdrId ?? NULL, sourced ? d.primary.id : NULL, sourced ? (d.sourceCampaign?.id ?? NULL) : NULL,
    d.type, d.stage, money(d.amount * 100), "USD", ts(forecast.expectedAt), forecast.cents === null ? NULL : money(forecast.cents),
    ts(d.createdAt), ts(updated), ts(d.closedAt), d.outcome ?? NULL, d.reasonCode ?? NULL, text(d.competitor),
  ]);
  for (const dc of d.contacts) b.deal_contacts.push([w, d.id, dc.contact.id, dc.role]);
  for (const h of d.history) b.deal_stage_history.push([w, ctx.ids.next(ID_KIND.dealStage), d.id, h.from ?? NULL, h.to, ts(h.at), h.actor]);
  // The product a new, cross-sell or upsell deal is for (its one line, at the deal's amount): open ones are the
  // whitespace matrix's "in pipeline" cells.
  if (d.productIndex !== null && d.type !== "renewal") b.deal_products.push([w, d.id, ctx.productIds[d.productIndex] as string, money(d.amount * 100)]);
}

const SOURCE_OF: Partial<Record<string, string>> = {
  email_sent: "email", email_open: "email", email_click: "email", email_reply: "email", form_submit: "form", webinar_register: "form",
  webinar_attend: "integration", event_visit: "import", call: "crm", meeting: "crm", sales_email: "crm", content_share: "crm",
};

/** The touchpoints of a batch of accounts, in time order so the time-keyed indexes fill page by page. */
export function pushTouchpoints(ctx: DemoContext, b: Buffers, accounts: readonly DemoAccount[]): void {
  const w = ctx.workspaceId;
  const all: { c: DemoContact; t: Touch }[] = [];
  for (const a of accounts) for (const c of a.contacts) for (const t of c.touches) all.push({ c, t });
  all.sort((x, y) => x.t.at - y.t.at);
  for (const { c, t } of all) {
    const received = Math.min(ctx.now, t.at + 1_000 + (t.at % 60_000));
    b.touchpoints.push([
      w, ctx.ids.next(ID_KIND.touchpoint), c.id, c.account?.id ?? NULL, t.campaign?.id ?? NULL, t.type, TOUCHPOINT_CATEGORIES[t.type], t.channel ?? NULL,
      ts(t.at), ts(received), text(t.properties), SOURCE_OF[t.type] ?? "tracking", t.actor ?? NULL,
    ]);
  }
}

/** Every row of one account (and the free-mail contacts that came in with it) except its touchpoints. */
export function pushAccount(ctx: DemoContext, b: Buffers, a: DemoAccount): void {
  const w = ctx.workspaceId;
  a.id = ctx.ids.next(ID_KIND.account);
  for (const c of a.contacts) c.id = ctx.ids.next(ID_KIND.contact);
  for (const d of a.deals) d.id = ctx.ids.next(ID_KIND.deal);
  const updated = Math.max(a.createdAt, ...a.contacts.filter((c) => c.account).map((c) => c.transitions[c.transitions.length - 1]?.at ?? 0));
  b.accounts.push([w, a.id, text(a.name), text(a.domain), text(a.industry), String(a.employees), num(a.annualRevenue), text(a.country), text(a.region), a.segment, a.ownerId, a.status, ts(a.createdAt), ts(updated)]);
  for (const p of a.products) b.account_products.push([w, a.id, ctx.productIds[p.productIndex] as string, ts(p.since), money(p.annualValue * 100)]);
  for (const c of a.contacts) pushContact(ctx, b, c);
  for (const d of a.deals) pushDeal(ctx, b, d);
}
