/**
 * `deal_facts`: per closed deal, the sales-activity count the KPIs and the alignment health index's "activities per
 * won deal" read (docs/PERFORMANCE.md, P3). Kept in the writer's transaction — crm's dealChanged hook (create, close,
 * amount, stage, primary contact, deal contacts) and touchpoints' touchpointsCreated hook (a sales touch of a deal's
 * person inside the deal's lifetime, e.g. logged late) — and rebuilt for a whole workspace in one statement.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../../db/client.js";

/** The deals a recount covers: a list of ids, or a subquery returning `id` from `deals d`. */
type DealSet = { ids: string[] } | { where: SQL };

/**
 * Sales touches of each deal's people (deal contacts and primary contact, each once) between its creation and its
 * close, for the closed deals of `scope` (a condition on `deals d`). The same rule as `dealSalesActivities` in
 * reports/kpis.report.ts, which the drill-downs still run per deal.
 */
function countsSql(workspaceId: string, scope: SQL): SQL {
  return sql`
    with cd as (
      select d.id, d.created_at, d.closed_at, d.primary_contact_id from deals d
      where d.workspace_id = ${workspaceId} and d.closed_at is not null and ${scope}
    ), people as (
      select dc.deal_id, dc.contact_id from deal_contacts dc join cd on cd.id = dc.deal_id where dc.workspace_id = ${workspaceId}
      union
      select cd.id, cd.primary_contact_id from cd where cd.primary_contact_id is not null
    )
    select cd.id as deal_id, (
      select count(*)::int from people p join touchpoints t
        on t.workspace_id = ${workspaceId} and t.contact_id = p.contact_id and t.category = 'sales' and t.occurred_at >= cd.created_at and t.occurred_at <= cd.closed_at
      where p.deal_id = cd.id
    ) as n
    from cd`;
}

/** Recounts the facts of some deals: closed ones get their row (inserted or replaced), open or deleted ones lose it. */
export async function refreshDealFacts(tx: Queryable, workspaceId: string, deals: DealSet, at: Date): Promise<void> {
  const scope = "ids" in deals ? (deals.ids.length === 0 ? sql`false` : sql`d.id in (${sql.join(deals.ids.map((id) => sql`${id}::uuid`), sql`, `)})`) : deals.where;
  await tx.execute(sql`
    delete from deal_facts f where f.workspace_id = ${workspaceId}
      and f.deal_id in (select d.id from deals d where d.workspace_id = ${workspaceId} and ${scope} and d.closed_at is null)`);
  await tx.execute(sql`
    insert into deal_facts (workspace_id, deal_id, sales_activities, computed_at)
    select ${workspaceId}, x.deal_id, x.n, ${at.toISOString()}::timestamptz from (${countsSql(workspaceId, scope)}) x
    on conflict (workspace_id, deal_id) do update set sales_activities = excluded.sales_activities, computed_at = excluded.computed_at`);
}

/** crm's dealChanged hook: the deal's facts follow its close and its people. */
export function onDealChangedFacts(tx: Queryable, workspaceId: string, dealId: string, at: Date): Promise<void> {
  return refreshDealFacts(tx, workspaceId, { ids: [dealId] }, at);
}

/**
 * touchpoints' touchpointsCreated hook: the sales touches of people of closed deals, inside those deals' lifetimes,
 * recount those deals, in one statement for a whole batch (a touch logged now falls after every earlier close, so
 * this is usually a no-op probe of `deals_primary_contact_idx` and `deal_contacts_contact_idx`).
 */
export async function onTouchpointsFacts(tx: Queryable, workspaceId: string, touches: { contactId: string | null; category: string; occurredAt: Date }[], at: Date): Promise<void> {
  const sales = touches.filter((t) => t.category === "sales" && t.contactId);
  if (sales.length === 0) return;
  const v = sql`unnest(${sql.param(sales.map((t) => t.contactId))}::uuid[], ${sql.param(sales.map((t) => t.occurredAt.toISOString()))}::timestamptz[]) as v(contact_id, at)`;
  await refreshDealFacts(tx, workspaceId, {
    where: sql`d.id in (
      select d2.id from deals d2 join ${v} on d2.primary_contact_id = v.contact_id and v.at >= d2.created_at and v.at <= d2.closed_at
        where d2.workspace_id = ${workspaceId}
      union select dc.deal_id from deal_contacts dc join deals d3 on d3.workspace_id = dc.workspace_id and d3.id = dc.deal_id
        join ${v} on dc.contact_id = v.contact_id and v.at >= d3.created_at and v.at <= d3.closed_at
        where dc.workspace_id = ${workspaceId})`,
  }, at);
}

/** Rewrites every closed deal's facts of a workspace in one set-wise pass (after imports, a definition change, or for data loaded without the hooks). */
export async function rebuildDealFacts(tx: Queryable, workspaceId: string, at: Date): Promise<{ deals: number }> {
  await tx.execute(sql`delete from deal_facts where workspace_id = ${workspaceId}`);
  const res = await tx.execute(sql`
    with cd as (
      select d.id, d.created_at, d.closed_at, d.primary_contact_id from deals d where d.workspace_id = ${workspaceId} and d.closed_at is not null
    ), people as (
      select dc.deal_id, dc.contact_id from deal_contacts dc join cd on cd.id = dc.deal_id where dc.workspace_id = ${workspaceId}
      union
      select cd.id, cd.primary_contact_id from cd where cd.primary_contact_id is not null
    ), acts as (
      select p.deal_id, count(*)::int as n from people p
      join cd on cd.id = p.deal_id
      join touchpoints t on t.workspace_id = ${workspaceId} and t.contact_id = p.contact_id and t.category = 'sales' and t.occurred_at >= cd.created_at and t.occurred_at <= cd.closed_at
      group by p.deal_id
    )
    insert into deal_facts (workspace_id, deal_id, sales_activities, computed_at)
    select ${workspaceId}, cd.id, coalesce(a.n, 0), ${at.toISOString()}::timestamptz from cd left join acts a on a.deal_id = cd.id`);
  return { deals: res.rowCount ?? 0 };
}
