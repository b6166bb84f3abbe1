/**
 * The deterministic demo workspace (DESIGN §8): "Northwind Cloud", twelve users, and 18 months of
 * marketing and sales history that tells the story of DESIGN §1. Staff go through the workspaces service;
 * everything else is streamed in with COPY, account batch by account batch, in one transaction.
 */
import type { PoolClient } from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import type { Database, Tx } from "../db/client.js";
import type { HandoffsService } from "../modules/routing/index.js";
import type { AttributionService } from "../modules/attribution/index.js";
import { rebuildDealFacts } from "../modules/reports/rollups/deal-facts.js";
import type { WorkspacesService } from "../modules/identity/workspaces.service.js";
import type { Role } from "../../shared/domain/roles.js";
import { planAccounts, type AccountPlanner } from "./accounts.js";
import { monthsBefore } from "./calendar.js";
import { planCampaigns } from "./campaigns.js";
import type { DemoContext } from "./context.js";
import { flush, money, text, ts, type TableBuffer } from "./copy.js";
import { ID_KIND, createIdFactory } from "./ids.js";
import { createStaff, emailDomain, seedReasonCodes } from "./people.js";
import { createBuffers, pushAccount, pushCampaign, pushTouchpoints, type Buffers } from "./rows.js";
import { insertDemoGrowth } from "./growth.js";
import { insertDemoInsights } from "./insights.js";
import { insertDemoEnablement } from "./enablement.js";
import { DEFAULT_CONTACTS, DEFAULT_SEED, DEFAULT_SLUG, PRODUCTS, WINDOW_MONTHS } from "./story.js";
import { generateAccount } from "./world.js";
import { insertDemoAgreement, insertDemoRouting } from "./agreement.js";
import { insertDemoPlaybooks } from "./playbooks.js";
import { insertDemoSla, type DemoSla } from "./sla.js";
import { insertDemoCapture } from "./capture.js";

export type DemoOptions = { seed?: number; contacts?: number; password: string; now: Date; slug?: string; onProgress?: (done: number, total: number, phase: string) => void };
export type DemoResult = { workspaceId: string; slug: string; logins: { role: Role; name: string; email: string }[]; counts: Record<string, number>; /** The publishable key of web capture (the example page). */ captureKey: string };

export { DEFAULT_CONTACTS, DEFAULT_SEED, DEFAULT_SLUG, EBOOK_CAMPAIGN, RISING_COMPETITOR, WORKSPACE_NAME } from "./story.js";

const ACCOUNTS_PER_BATCH = 400;
// Tables the demo fills outside the COPY buffers: fresh statistics keep their first queries on their indexes.
const ANALYZED_TOO = ["deal_competitors", "asset_events", "handoffs", "playbook_assignments", "sla_timers", "sla_timer_events", "sla_period_results", "attribution_credits", "attribution_deals", "deal_facts", "lead_events", "lead_rollup"];
const TABLES = ["accounts", "account_products", "contacts", "stage_transitions", "deals", "deal_contacts", "deal_stage_history", "deal_products", "touchpoints"] as const;

async function copyAll(client: PoolClient, buffers: readonly TableBuffer[]): Promise<void> {
  for (const b of buffers) await flush(client, b);
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

// Double-buffered: while PostgreSQL ingests one batch, the next is generated. Generation yields to the event
// loop every few accounts so the COPY stream keeps flowing; both cores stay busy.
async function loadAccounts(ctx: DemoContext, client: PoolClient, planner: AccountPlanner, counts: Record<string, number>, onBatch: (contactsDone: number) => void): Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  for (let k = 0; k < planner.count; k += ACCOUNTS_PER_BATCH) {
    const end = Math.min(planner.count, k + ACCOUNTS_PER_BATCH);
    const b = createBuffers();
    const accounts = [];
    for (let i = k; i < end; i++) {
      const account = generateAccount(ctx, planner, i);
      pushAccount(ctx, b, account);
      accounts.push(account);
      if (i % 4 === 3) await yieldToIo();
    }
    pushTouchpoints(ctx, b, accounts);
    await inFlight;
    onBatch(planner.firstContact(k));
    const tables = TABLES.map((t) => b[t]);
    for (const t of tables) counts[t.table] = (counts[t.table] ?? 0) + t.total;
    inFlight = copyAll(client, tables);
    // Marks the rejection handled now; it is still thrown at the next await.
    inFlight.catch(() => {});
  }
  await inFlight;
  onBatch(planner.firstContact(planner.count));
}

// COPY FROM refuses tables under forced RLS unless the role bypasses RLS; the owner may lift FORCE for
// the transaction (the ALTER is transactional, so a failure restores it).
async function relaxRls(client: PoolClient, tables: readonly string[]): Promise<boolean> {
  const { rows } = await client.query<{ bypass: boolean }>("select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user");
  if (rows[0]?.bypass) return false;
  for (const t of tables) await client.query(`alter table ${t} no force row level security`);
  return true;
}

function pushProducts(ctx: DemoContext, b: Buffers): void {
  PRODUCTS.forEach((p, i) => b.products.push([ctx.workspaceId, ctx.productIds[i] as string, text(p.name), text(p.family), money(p.listPrice * 100), "t", ts(ctx.windowStart - 400 * 86_400_000)]));
}

/** Creates the demo workspace and fills it; the same seed, `now` and size always give the same data. */
export async function createDemoWorkspace(
  deps: { ownerDb: Database; workspaces: WorkspacesService; sla: DemoSla; handoffs: Pick<HandoffsService, "backfillIn">; attribution: Pick<AttributionService, "rebuildIn"> },
  opts: DemoOptions,
): Promise<DemoResult> {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const contacts = Math.max(10, Math.floor(opts.contacts ?? DEFAULT_CONTACTS));
  const slug = opts.slug ?? DEFAULT_SLUG;
  const now = opts.now.getTime();
  const progress = opts.onProgress ?? (() => {});
  const { workspaceId, staff, logins } = await createStaff(deps.workspaces, {
    slug, domain: emailDomain(slug, DEFAULT_SLUG), password: opts.password, onUser: (d, t) => progress(d, t, "users"),
  });
  // Ids carry the load time, like rows an import creates now (see ids.ts for why they count up).
  const ids = createIdFactory(seed, now - 10 * 60_000);
  const windowStart = monthsBefore(now, WINDOW_MONTHS);
  const scale = contacts / DEFAULT_CONTACTS;
  const ctx: DemoContext = {
    seed, now, windowStart, scale, ids, workspaceId, staff,
    campaigns: planCampaigns(seed, now, scale, ids, staff.marketingIds.length),
    productIds: PRODUCTS.map(() => ids.next(ID_KIND.product)),
  };
  const planner = planAccounts(seed, contacts);
  const b = createBuffers();
  const counts: Record<string, number> = {};
  let captureKey: string;
  const client = await deps.ownerDb.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local synchronous_commit = off");
    // The report triggers (migrations 0019–0025) would refresh every loaded batch: one rebuild at the end instead.
    await client.query("set local tandem.report_triggers_off = on");
    const relaxed = await relaxRls(client, Object.values(b).map((x) => x.table));
    counts.reason_codes = await seedReasonCodes(client, workspaceId, ids);
    for (const c of ctx.campaigns.list) pushCampaign(ctx, b, c);
    pushProducts(ctx, b);
    await copyAll(client, [b.campaigns, b.campaign_costs, b.products]);
    for (const x of [b.campaigns, b.campaign_costs, b.products]) counts[x.table] = x.total;
    progress(0, contacts, "contacts");
    await loadAccounts(ctx, client, planner, counts, (done) => progress(done, contacts, "contacts"));
    // Statistics of the tables just loaded (ANALYZE sees this transaction's rows): without them the planner took the
    // playbook step's per-MQL "next exit" probe through stage_transitions_to_idx, a scan of every exit per MQL —
    // quadratic, still running after 10 minutes at 1,000,000 contacts.
    await client.query(`analyze ${TABLES.join(", ")}`);
    await insertDemoAgreement(client, ctx);
    await insertDemoRouting(client, ctx);
    // The leads reps hold today get the handoff context routing would have written.
    counts.handoffs = await deps.handoffs.backfillIn(drizzle(client) as unknown as Tx, workspaceId);
    const playbooks = await insertDemoPlaybooks(client, ctx);
    await client.query("analyze handoffs, playbook_assignments");
    Object.assign(counts, await insertDemoGrowth(client, ctx));
    const { touchpoints: shared = 0, ...enablement } = await insertDemoEnablement(client, ctx);
    Object.assign(counts, enablement, { touchpoints: (counts.touchpoints ?? 0) + shared });
    Object.assign(counts, await insertDemoInsights(client, ctx));
    Object.assign(counts, { playbooks: playbooks.playbooks, playbook_assignments: playbooks.playbook_assignments, touchpoints: (counts.touchpoints ?? 0) + playbooks.touchpoints });
    counts.lead_definitions = 2;
    Object.assign(counts, await insertDemoSla(client, ctx, deps.sla));
    captureKey = await insertDemoCapture(client, ctx);
    // Every deal's attribution credits, as the deals service would have written them (touches are all in by now).
    // Statistics first: the rebuild's joins over tables loaded moments ago plan badly without them.
    await client.query("analyze deals, deal_contacts, contacts, touchpoints");
    const attributed = await deps.attribution.rebuildIn(drizzle(client) as unknown as Tx, workspaceId, (done, total) => progress(done, total, "attribution"));
    Object.assign(counts, { attribution_credits: attributed.credits, attribution_deals: attributed.dealRows });
    // The closed deals' facts the dashboards read, as the deal and touchpoint hooks would have kept them.
    counts.deal_facts = (await rebuildDealFacts(drizzle(client) as unknown as Tx, workspaceId, new Date(now))).deals;
    // The lead events and deal copies the dashboards read, as the triggers would have kept them.
    await client.query("set local tandem.report_triggers_off = off");
    counts.lead_events = (await client.query<{ n: number }>("select tandem_rebuild_lead_events($1) as n", [workspaceId])).rows[0]!.n;
    await client.query("select tandem_refresh_deal_people($1, null)", [workspaceId]);
    await client.query("select tandem_refresh_deal_keys($1, null)", [workspaceId]);
    if (relaxed) for (const x of Object.values(b)) await client.query(`alter table ${x.table} force row level security`);
    await client.query("commit");
  } catch (err) {
    await client.query("rollback").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  progress(0, 1, "analyze");
  await deps.ownerDb.pool.query(`analyze ${[...Object.values(b).map((x) => x.table), ...ANALYZED_TOO].join(", ")}`);
  progress(1, 1, "analyze");
  return { workspaceId, slug, logins, counts: { users: logins.length, teams: 4, ...counts }, captureKey };
}
