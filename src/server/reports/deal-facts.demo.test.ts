import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness } from "../../../test/harness.js";
import { createDemoWorkspace, type DemoResult } from "../demo/index.js";
import type { Kpis } from "../../shared/contracts/reports/kpis.js";
import type { AlignmentHealth } from "../../shared/contracts/reports/alignment-health.js";
import { dealSalesActivities } from "./kpis.report.js";

// The deal reports that read materialised deal facts give exactly what the per-deal query gives, on the demo.
const NOW = "2026-03-02T09:00:00Z";
const h = useHarness({ now: NOW });
let demo: DemoResult;
let token: string;
let rep: string;
let campaign: string;

beforeAll(async () => {
  const deps = { ownerDb: h.tdb.ownerDb, workspaces: h.modules.identity.workspaces, sla: h.modules.sla, handoffs: h.modules.routing.handoffs, attribution: h.modules.attribution.attribution };
  demo = await createDemoWorkspace(deps, { seed: 11, contacts: 2000, password: "demo-password-1", now: new Date(NOW), slug: "demo-facts" });
  const pool = h.tdb.ownerDb.pool;
  const admin = await pool.query("select user_id from memberships where workspace_id = $1 and role = 'admin'", [demo.workspaceId]);
  rep = (await pool.query("select owner_id from deals where workspace_id = $1 and outcome = 'won' group by 1 order by count(*) desc limit 1", [demo.workspaceId])).rows[0].owner_id;
  campaign = (await pool.query("select source_campaign_id from deals where workspace_id = $1 and outcome = 'won' and source_campaign_id is not null group by 1 order by count(*) desc limit 1", [demo.workspaceId])).rows[0].source_campaign_id;
  const ctx = { workspaceId: demo.workspaceId, sessionId: null, requestId: "t", actor: { kind: "user" as const, userId: admin.rows[0].user_id as string, name: "t", role: "admin" as const, tokenId: null, scopes: ["read"] as const } };
  token = (await h.modules.identity.tokens.createToken(ctx, { name: "reports", scopes: ["read"] })).token;
}, 240_000);

async function report<T>(name: string, q: string): Promise<T> {
  const res = await h.as({ token }).get(`/api/v1/reports/${name}?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
}

type Scope = { from: string; to: string; repId?: string; campaignId?: string; segment?: string };

/** Won deals' sales activities per owner and month (UTC, the demo's zone), counted per deal from the touchpoints. */
async function perDeal(s: Scope) {
  const conds = [sql`d.workspace_id = ${demo.workspaceId}`, sql`d.outcome = 'won'`, sql`d.closed_at >= (${s.from}::date::timestamp at time zone 'UTC')`, sql`d.closed_at < ((${s.to}::date + 1)::timestamp at time zone 'UTC')`];
  if (s.repId) conds.push(sql`d.owner_id = ${s.repId}`);
  if (s.campaignId) conds.push(sql`d.source_campaign_id = ${s.campaignId}`);
  if (s.segment) conds.push(sql`exists (select 1 from accounts a where a.workspace_id = d.workspace_id and a.id = d.account_id and a.segment = ${s.segment})`);
  const res = await h.tdb.ownerDb.orm.execute<{ owner: string | null; month: string; acts: number }>(sql`
    select d.owner_id as owner, to_char(d.closed_at at time zone 'UTC', 'YYYY-MM') as month, sum(${dealSalesActivities(demo.workspaceId, "d")})::int as acts
    from deals d where ${sql.join(conds, sql` and `)} group by 1, 2`);
  const byRep = new Map<string | null, number>();
  const byMonth = new Map<string, number>();
  for (const r of res.rows) {
    byRep.set(r.owner, (byRep.get(r.owner) ?? 0) + r.acts);
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.acts);
  }
  return { total: res.rows.reduce((x, r) => x + r.acts, 0), byRep, byMonth };
}

const SCOPES: Scope[] = [
  { from: "2025-03-01", to: "2026-03-02" },
  { from: "2025-10-01", to: "2025-12-31" },
  { from: "2026-02-10", to: "2026-02-20" },
  { from: "2024-01-01", to: "2026-03-02" },
];

describe("deal facts on the demo: the reports equal the per-deal count", () => {
  it("every closed deal's materialised count equals its per-deal count", async () => {
    const res = await h.tdb.ownerDb.orm.execute<{ deals: number; facts: number; differ: number }>(sql`
      select count(*)::int as deals, count(f.deal_id)::int as facts,
        count(*) filter (where f.sales_activities is distinct from ${dealSalesActivities(demo.workspaceId, "d")})::int as differ
      from deals d left join deal_facts f on f.workspace_id = d.workspace_id and f.deal_id = d.id
      where d.workspace_id = ${demo.workspaceId} and d.closed_at is not null`);
    const r = res.rows[0]!;
    expect(r.deals).toBeGreaterThan(50);
    expect([r.facts, r.differ]).toEqual([r.deals, 0]);
    const open = await h.tdb.ownerDb.pool.query("select count(*)::int as n from deal_facts f join deals d on d.workspace_id = f.workspace_id and d.id = f.deal_id where f.workspace_id = $1 and d.closed_at is null", [demo.workspaceId]);
    expect(open.rows[0].n).toBe(0);
  });

  it("KPIs and the health index's activities per won deal, for several periods and filters", async () => {
    const scopes: Scope[] = [...SCOPES, { ...SCOPES[0]!, repId: rep }, { ...SCOPES[0]!, campaignId: campaign }, { ...SCOPES[0]!, segment: "Enterprise" }];
    let nonZero = 0;
    for (const s of scopes) {
      const q = new URLSearchParams(Object.entries(s).filter(([, v]) => v) as [string, string][]).toString();
      const expected = await perDeal(s);
      const k = await report<Kpis>("kpis", q);
      expect(k.overall.salesActivities, q).toBe(expected.total);
      for (const r of k.byRep) expect(r.salesActivities, `${q} rep ${r.ownerId}`).toBe(expected.byRep.get(r.ownerId) ?? 0);
      for (const m of k.byMonth) expect(m.salesActivities, `${q} month ${m.month}`).toBe(expected.byMonth.get(m.month) ?? 0);
      const a = await report<AlignmentHealth>("alignment-health", q);
      for (const m of a.symptoms) expect(m.salesActivities, `${q} symptom ${m.month}`).toBe(expected.byMonth.get(m.month) ?? 0);
      if (expected.total > 0) nonZero++;
    }
    expect(nonZero).toBeGreaterThanOrEqual(5);
  });
});
