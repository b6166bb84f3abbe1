import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { KpiFigures, KpiRecords, KpiRecordsQuery, Kpis } from "../../shared/contracts/reports/kpis.js";
import { rollupInPeriod, rollupScope } from "./lead-rollup.sql.js";
import { dealScope, inPeriod, leadScope, localMonth, type ResolvedPeriod } from "./report-scope.js";

type FigureRow = Omit<KpiFigures, "winRate" | "averageDealSize" | "activitiesPerWonDeal"> & { grp: number; ownerId: string | null; ownerName: string | null; month: string | null; averageDealSize: number | null };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Sales touchpoints of a deal's people (its deal contacts and its primary contact) from its creation to its close —
 * the "activities" a deal took. `touchpoints_contact_idx` (workspace, contact, occurred_at) serves each probe.
 */
export function dealSalesActivities(workspaceId: string, d: string): SQL {
  const a = sql.raw(d);
  return sql`(select count(*)::int from touchpoints t
    where t.workspace_id = ${workspaceId} and t.category = 'sales'
      and t.contact_id in (select dc.contact_id from deal_contacts dc where dc.workspace_id = ${workspaceId} and dc.deal_id = ${a}.id union select ${a}.primary_contact_id)
      and t.occurred_at >= ${a}.created_at and t.occurred_at <= ${a}.closed_at)`;
}

/** Joins a closed deal alias to its materialised facts (`deal_facts`, kept by modules/reports/rollups/deal-facts.ts). */
export function joinDealFacts(workspaceId: string, d: string): SQL {
  const a = sql.raw(d);
  return sql`left join deal_facts f_${a} on f_${a}.workspace_id = ${workspaceId} and f_${a}.deal_id = ${a}.id`;
}

/** A closed deal's sales activities as materialised at close (same rule as `dealSalesActivities`; 0 when none). */
export function materialisedActivities(d: string): SQL {
  return sql.raw(`coalesce(f_${d}.sales_activities, 0)`);
}

/** The deals closed in the period under the filters (`deals_closed_idx`). */
function closedDeals(workspaceId: string, period: ResolvedPeriod, filters: ReportFilters): SQL {
  return sql`d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(filters)}`;
}

function figures(r: FigureRow): KpiFigures {
  const closed = r.won + r.lost + r.noDecision;
  return {
    revenue: r.revenue,
    won: r.won,
    lost: r.lost,
    noDecision: r.noDecision,
    winRate: closed === 0 ? null : r.won / closed,
    averageDealSize: r.won === 0 ? null : r.revenue / r.won,
    medianCycleDays: r.medianCycleDays,
    meanCycleDays: r.meanCycleDays,
    newRevenue: r.newRevenue,
    expansionRevenue: r.expansionRevenue,
    renewalRevenue: r.renewalRevenue,
    salesActivities: r.salesActivities,
    activitiesPerWonDeal: r.won === 0 ? null : r.salesActivities / r.won,
  };
}

/** Sales KPIs of DESIGN §6.5 for deals closed in the period: overall, per rep, per month, forecast accuracy, MQL→won by source. */
export async function kpis(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters, now: Date): Promise<Kpis> {
  const res = await tx.execute<FigureRow>(sql`
    with closed as (
      select d.id, d.owner_id, d.type, d.amount::float8 as amount, d.outcome,
             extract(epoch from d.closed_at - d.created_at) / 86400.0 as cycle_days,
             ${localMonth(sql`d.closed_at`, period)} as month,
             case when d.outcome = 'won' then ${materialisedActivities("d")} else 0 end as acts
      from deals d ${joinDealFacts(workspaceId, "d")} where ${closedDeals(workspaceId, period, filters)}
    )
    select grouping(c.owner_id, c.month) as grp, c.owner_id as "ownerId", max(u.name) as "ownerName", c.month,
      coalesce(sum(c.amount) filter (where c.outcome = 'won'), 0)::float8 as revenue,
      count(*) filter (where c.outcome = 'won')::int as won,
      count(*) filter (where c.outcome = 'lost')::int as lost,
      count(*) filter (where c.outcome = 'no_decision')::int as "noDecision",
      (percentile_cont(0.5) within group (order by c.cycle_days) filter (where c.outcome = 'won'))::float8 as "medianCycleDays",
      (avg(c.cycle_days) filter (where c.outcome = 'won'))::float8 as "meanCycleDays",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'new'), 0)::float8 as "newRevenue",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type in ('cross_sell', 'upsell', 'expansion')), 0)::float8 as "expansionRevenue",
      coalesce(sum(c.amount) filter (where c.outcome = 'won' and c.type = 'renewal'), 0)::float8 as "renewalRevenue",
      coalesce(sum(c.acts), 0)::int as "salesActivities",
      count(distinct c.owner_id)::int as reps
    from closed c left join users u on u.id = c.owner_id
    group by grouping sets ((), (c.owner_id), (c.month))`);
  const rows = res.rows as (FigureRow & { reps: number })[];
  // grouping(owner, month): 3 = overall, 1 = per owner (month rolled up), 2 = per month.
  const total = rows.find((r) => r.grp === 3);
  const forecast = await forecastMonths(tx, workspaceId, period, filters, now);
  const settled = forecast.filter((m) => m.settled && m.forecast > 0);
  const fSum = settled.reduce((s, m) => s + m.forecast, 0);
  const overallFigures = total ? figures(total) : figures({ grp: 3, ownerId: null, ownerName: null, month: null, revenue: 0, won: 0, lost: 0, noDecision: 0, medianCycleDays: null, meanCycleDays: null, newRevenue: 0, expansionRevenue: 0, renewalRevenue: 0, salesActivities: 0, averageDealSize: null });
  const reps = total?.reps ?? 0;
  return {
    overall: {
      ...overallFigures,
      reps,
      revenuePerRep: reps === 0 ? null : overallFigures.revenue / reps,
      forecastAccuracy: fSum === 0 ? null : Math.max(0, 1 - settled.reduce((s, m) => s + Math.abs(m.actual - m.forecast), 0) / fSum),
    },
    byRep: rows
      .filter((r) => r.grp === 1)
      .map((r) => ({ ownerId: r.ownerId, ownerName: r.ownerName ?? "Unassigned", ...figures(r) }))
      .sort((a, b) => b.revenue - a.revenue || a.ownerName.localeCompare(b.ownerName)),
    byMonth: rows
      .filter((r) => r.grp === 2)
      .map((r) => ({ month: r.month!, ...figures(r) }))
      .sort((a, b) => a.month.localeCompare(b.month)),
    forecast,
    mqlToWonBySource: await mqlToWon(tx, workspaceId, period, filters),
  };
}

type ForecastRow = { month: string; deals: number; forecast: number; actual: number; settled: boolean };

/**
 * Per month of expected close (in the period): the forecast amounts of the deals expected then against what those
 * deals won by the end of that month. A month is settled once it has ended (`now`).
 */
async function forecastMonths(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters, now: Date) {
  const month = localMonth(sql`d.expected_close_at`, period);
  const res = await tx.execute<ForecastRow>(sql`
    select ${month} as month, count(*)::int as deals, sum(d.forecast_amount)::float8 as forecast,
      coalesce(sum(d.amount) filter (where d.outcome = 'won' and ${localMonth(sql`d.closed_at`, period)} <= ${month}), 0)::float8 as actual,
      ((date_trunc('month', min(d.expected_close_at) at time zone ${period.timezone}) + interval '1 month') at time zone ${period.timezone}) <= ${ts(now)} as settled
    from deals d
    where d.workspace_id = ${workspaceId} and d.forecast_amount is not null and ${inPeriod(sql`d.expected_close_at`, period)} and ${dealScope(filters)}
    group by 1 order by 1`);
  return res.rows.map((r) => ({ ...r, accuracy: r.settled && r.forecast > 0 ? Math.max(0, 1 - Math.abs(r.actual - r.forecast) / r.forecast) : null }));
}

/** Contacts that became MQL in the period (their mql stamp), by source, and how many of them later became customers (lead_rollup, kind 'stamp'). */
async function mqlToWon(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters) {
  const res = await tx.execute<{ source: string; mqls: number; won: number }>(sql`
    select coalesce(r.source, 'unknown') as source, sum(r.n)::int as mqls, coalesce(sum(r.n) filter (where r.reached_customer), 0)::int as won
    from lead_rollup r where ${rollupInPeriod(workspaceId, "stamp", period)} and r.reason_code = 'mql' and ${rollupScope(filters)}
    group by 1 having sum(r.n) <> 0 order by sum(r.n) desc, 1`);
  return res.rows.map((r) => ({ ...r, rate: r.mqls === 0 ? null : r.won / r.mqls }));
}

/** The deals or MQLs behind one KPI figure, largest first. */
export async function kpiRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: KpiRecordsQuery): Promise<KpiRecords> {
  if (q.set === "mql" || q.set === "mql_won") {
    const where = sql.join(
      [
        sql`c.workspace_id = ${workspaceId} and ${inPeriod(sql`c.mql_at`, period)} and ${leadScope(q)}`,
        q.set === "mql_won" ? sql`c.customer_at >= c.mql_at` : sql`true`,
        q.month ? sql`${localMonth(sql`c.mql_at`, period)} = ${q.month}` : sql`true`,
        q.leadSource ? sql`coalesce(c.source, 'unknown') = ${q.leadSource}` : sql`true`,
      ],
      sql` and `,
    );
    const res = await tx.execute<{ id: string; name: string; email: string | null; source: string | null; stage: string; mqlAt: string; customerAt: string | null; total: number }>(sql`
      select c.id, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed') as name, c.email, c.source, c.stage,
        c.mql_at as "mqlAt", c.customer_at as "customerAt", count(*) over ()::int as total
      from contacts c where ${where}
      order by c.mql_at, c.id limit ${q.limit} offset ${q.offset}`);
    return {
      items: res.rows.map((r) => ({ kind: "contact" as const, id: r.id, name: r.name, email: r.email, source: r.source, stage: r.stage, mqlAt: new Date(r.mqlAt), customerAt: r.customerAt ? new Date(r.customerAt) : null })),
      total: res.rows[0]?.total ?? (q.offset > 0 ? await countOf(tx, sql`select count(*)::int as n from contacts c where ${where}`) : 0),
    };
  }
  const conds: SQL[] = [];
  if (q.set === "forecast") {
    conds.push(sql`d.workspace_id = ${workspaceId} and d.forecast_amount is not null and ${inPeriod(sql`d.expected_close_at`, period)} and ${dealScope(q)}`);
    if (q.month) conds.push(sql`${localMonth(sql`d.expected_close_at`, period)} = ${q.month}`);
  } else {
    conds.push(closedDeals(workspaceId, period, q));
    if (q.set === "won" || q.set === "expansion" || q.set === "renewal") conds.push(sql`d.outcome = 'won'`);
    if (q.set === "lost" || q.set === "no_decision") conds.push(sql`d.outcome = ${q.set}`);
    // Expansion revenue counts every growth type (EXPANSION_DEAL_TYPES): cross-sell, upsell and unsplit expansion.
    if (q.set === "expansion") conds.push(sql`d.type in ('cross_sell', 'upsell', 'expansion')`);
    if (q.set === "renewal") conds.push(sql`d.type = 'renewal'`);
    if (q.month) conds.push(sql`${localMonth(sql`d.closed_at`, period)} = ${q.month}`);
  }
  if (q.ownerId) conds.push(q.ownerId === "none" ? sql`d.owner_id is null` : sql`d.owner_id = ${q.ownerId}`);
  const where = sql.join(conds, sql` and `);
  const res = await tx.execute<{ id: string; name: string; accountName: string; ownerName: string | null; type: string; amount: number; forecastAmount: number | null; createdAt: string; expectedCloseAt: string | null; closedAt: string | null; outcome: string | null; cycleDays: number | null; salesActivities: number; total: number }>(sql`
    select d.id, d.name, a.name as "accountName", u.name as "ownerName", d.type, d.amount::float8 as amount, d.forecast_amount::float8 as "forecastAmount",
      d.created_at as "createdAt", d.expected_close_at as "expectedCloseAt", d.closed_at as "closedAt", d.outcome,
      (extract(epoch from d.closed_at - d.created_at) / 86400.0)::float8 as "cycleDays",
      case when d.closed_at is null then 0 else ${dealSalesActivities(workspaceId, "d")} end as "salesActivities",
      count(*) over ()::int as total
    from deals d
    join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
    left join users u on u.id = d.owner_id
    where ${where}
    order by d.amount desc, d.id limit ${q.limit} offset ${q.offset}`);
  return {
    items: res.rows.map((r) => ({
      kind: "deal" as const,
      ...r,
      createdAt: new Date(r.createdAt),
      expectedCloseAt: r.expectedCloseAt ? new Date(r.expectedCloseAt) : null,
      closedAt: r.closedAt ? new Date(r.closedAt) : null,
    })).map(({ total: _t, ...rest }) => rest),
    total: res.rows[0]?.total ?? (q.offset > 0 ? await countOf(tx, sql`select count(*)::int as n from deals d where ${where}`) : 0),
  };
}

/** A count for a drill-down page past the end (the window count comes with rows only). */
export async function countOf(tx: Queryable, query: SQL): Promise<number> {
  const res = await tx.execute<{ n: number }>(query);
  return res.rows[0]?.n ?? 0;
}
