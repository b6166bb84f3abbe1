import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { DigestContent, DigestMetric } from "../../shared/contracts/digests.js";
import { SLA_KIND_LABELS, type SlaKind } from "../../shared/contracts/sla.js";
import { inPeriod, periodOf, type ResolvedPeriod } from "./report-scope.js";
import { digestContentRequests, digestFieldInsights } from "./weekly-digest-enablement.report.js";

type Counts = { mqls: number; accepted: number; rejected: number; sqls: number; dealsCreated: number; pipeline: number; won: number; revenue: number; lost: number };

async function weekCounts(tx: Queryable, workspaceId: string, p: ResolvedPeriod): Promise<Counts> {
  const res = await tx.execute<Counts>(sql`
    select
      (select count(*)::int from contacts c where c.workspace_id = ${workspaceId} and ${inPeriod(sql`c.mql_at`, p)}) as mqls,
      (select count(*)::int from stage_transitions t where t.workspace_id = ${workspaceId} and t.from_stage = 'mql' and t.to_stage = 'sal' and ${inPeriod(sql`t.at`, p)}) as accepted,
      (select count(*)::int from stage_transitions t where t.workspace_id = ${workspaceId} and t.to_stage = 'rejected' and ${inPeriod(sql`t.at`, p)}) as rejected,
      (select count(*)::int from contacts c where c.workspace_id = ${workspaceId} and ${inPeriod(sql`c.sql_at`, p)}) as sqls,
      (select count(*)::int from deals d where d.workspace_id = ${workspaceId} and ${inPeriod(sql`d.created_at`, p)}) as "dealsCreated",
      (select coalesce(sum(d.amount), 0)::float8 from deals d where d.workspace_id = ${workspaceId} and ${inPeriod(sql`d.created_at`, p)}) as pipeline,
      (select count(*)::int from deals d where d.workspace_id = ${workspaceId} and d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, p)}) as won,
      (select coalesce(sum(d.amount), 0)::float8 from deals d where d.workspace_id = ${workspaceId} and d.outcome = 'won' and ${inPeriod(sql`d.closed_at`, p)}) as revenue,
      (select count(*)::int from deals d where d.workspace_id = ${workspaceId} and d.outcome in ('lost', 'no_decision') and ${inPeriod(sql`d.closed_at`, p)}) as lost`);
  return res.rows[0]!;
}

const METRICS: { key: keyof Counts; label: string; unit: DigestMetric["unit"] }[] = [
  { key: "mqls", label: "New MQLs", unit: "count" },
  { key: "accepted", label: "Leads accepted by sales", unit: "count" },
  { key: "rejected", label: "Leads rejected by sales", unit: "count" },
  { key: "sqls", label: "New SQLs", unit: "count" },
  { key: "dealsCreated", label: "Deals opened", unit: "count" },
  { key: "pipeline", label: "Pipeline opened", unit: "money" },
  { key: "won", label: "Deals won", unit: "count" },
  { key: "revenue", label: "Revenue won", unit: "money" },
  { key: "lost", label: "Deals lost or no decision", unit: "count" },
];

/** Whether a change is worth calling out: a fifth or more, and for counts at least 3 either way. */
export function hasMoved(unit: DigestMetric["unit"], value: number, previous: number): boolean {
  if (unit === "count" && Math.abs(value - previous) < 3) return false;
  if (previous === 0) return value !== 0;
  return Math.abs(value - previous) / previous >= 0.2;
}

async function breaches(tx: Queryable, workspaceId: string, p: ResolvedPeriod) {
  const byKind = await tx.execute<{ kind: SlaKind; count: number }>(sql`
    select kind, count(*)::int as count from sla_timers
    where workspace_id = ${workspaceId} and ${inPeriod(sql`breached_at`, p)} group by kind order by count(*) desc, kind`);
  const byRep = await tx.execute<{ repId: string | null; name: string | null; count: number }>(sql`
    select t.owner_id as "repId", u.name, count(*)::int as count from sla_timers t left join users u on u.id = t.owner_id
    where t.workspace_id = ${workspaceId} and ${inPeriod(sql`t.breached_at`, p)}
    group by t.owner_id, u.name order by count(*) desc, u.name limit 5`);
  return {
    total: byKind.rows.reduce((n, r) => n + r.count, 0),
    byKind: byKind.rows.map((r) => ({ kind: r.kind, label: SLA_KIND_LABELS[r.kind] ?? r.kind, count: r.count })),
    byRep: byRep.rows.map((r) => ({ repId: r.repId, name: r.name ?? "Unassigned", count: r.count })),
  };
}

/** The weekly digest of a week against the week before: numbers that moved, SLA breaches, rejection reasons, review actions due, field insights and content requests. */
export async function weeklyDigest(tx: Queryable, workspaceId: string, week: ResolvedPeriod, previous: ResolvedPeriod, today: string): Promise<DigestContent> {
  const [now, before] = [await weekCounts(tx, workspaceId, week), await weekCounts(tx, workspaceId, previous)];
  const metrics = METRICS.map(({ key, label, unit }) => ({
    key,
    label,
    unit,
    value: now[key],
    previous: before[key],
    change: before[key] === 0 ? null : (now[key] - before[key]) / before[key],
    moved: hasMoved(unit, now[key], before[key]),
  }));
  const sla = await breaches(tx, workspaceId, week);
  const slaBefore = await breaches(tx, workspaceId, previous);
  const reasons = await tx.execute<{ code: string | null; label: string | null; count: number }>(sql`
    select t.reason_code as code, max(rc.label) as label, count(*)::int as count
    from stage_transitions t left join reason_codes rc on rc.workspace_id = t.workspace_id and rc.kind = 'reject' and rc.code = t.reason_code
    where t.workspace_id = ${workspaceId} and t.to_stage = 'rejected' and ${inPeriod(sql`t.at`, week)}
    group by t.reason_code order by count(*) desc, t.reason_code nulls last limit 5`);
  const actions = await tx.execute<{ id: string; title: string; ownerName: string; dueOn: string }>(sql`
    select a.id, a.title, u.name as "ownerName", a.due_on::text as "dueOn" from review_actions a join users u on u.id = a.owner_id
    where a.workspace_id = ${workspaceId} and a.status = 'open' and a.due_on <= (${today}::date + 14)
    order by a.due_on, a.id limit 10`);
  const ws = await tx.execute<{ currency: string }>(sql`select currency from workspaces where id = ${workspaceId}`);
  return {
    period: periodOf(week),
    previousPeriod: periodOf(previous),
    currency: ws.rows[0]?.currency ?? "USD",
    metrics,
    slaBreaches: { ...sla, previous: slaBefore.total },
    rejectionReasons: reasons.rows.map((r) => ({ code: r.code, label: r.label ?? r.code ?? "No reason recorded", count: r.count, share: r.count / now.rejected })),
    reviewActions: actions.rows.map((a) => ({ ...a, overdue: a.dueOn < today })),
    fieldInsights: await digestFieldInsights(tx, workspaceId, week, previous),
    contentRequests: await digestContentRequests(tx, workspaceId, week, previous),
  };
}
