import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { SalesSlaFigures, SlaAttainment, SlaAttainmentRecords, SlaAttainmentRecordsQuery } from "../../shared/contracts/reports/sla-attainment.js";
import { SLA_KIND_LABELS } from "../../shared/contracts/sla.js";
import { attainment } from "../../shared/domain/sla.js";
import { inPeriod, leadScope, localMonth, type ResolvedPeriod } from "./report-scope.js";
import { countOf } from "./kpis.report.js";
import { rollupInPeriod, rollupMonth, rollupScope } from "./lead-rollup.sql.js";

type TimerKind = "accept" | "first_touch" | "recycle_attempts";
type Row = { grp: number; kind: TimerKind | null; month: string | null; teamId: string | null; ownerId: string | null; onTime: number; breached: number; open: number };

/**
 * `timerOutcome` of `shared/domain/sla.ts` (the ledger's rule) in SQL: breached when breached or overdue and still
 * running, on time when met, open otherwise. The report test checks both give the same counts.
 */
function outcomeSql(now: Date): SQL {
  return sql`case when t.breached_at is not null or (t.state = 'running' and t.due_at <= ${now.toISOString()}::timestamptz) then 'breached'
    when t.state = 'met' then 'onTime' else 'open' end`;
}

/**
 * The ledger's timers: sales-side timers due in the period (cancelled ones never count), filtered by the timer's
 * owner and the team it started in, and by the lead's segment, source, channel and campaign (`sla_timers_due_idx`).
 */
function dueTimers(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  const parts: SQL[] = [sql`t.workspace_id = ${workspaceId}`, inPeriod(sql`t.due_at`, period), sql`t.state <> 'cancelled'`, sql`t.kind <> 'mql_target'`];
  if (f.repId) parts.push(sql`t.owner_id = ${f.repId}`);
  if (f.teamId) parts.push(sql`t.team_id = ${f.teamId}`);
  if (f.segment || f.source || f.channel || f.campaignId) {
    parts.push(sql`exists (select 1 from contacts c where c.workspace_id = t.workspace_id and c.id = t.contact_id and ${leadScope({ ...f, repId: undefined, teamId: undefined })})`);
  }
  return sql.join(parts, sql` and `);
}

const figures = (r: Pick<Row, "onTime" | "breached" | "open">): SalesSlaFigures => ({ onTime: r.onTime, breached: r.breached, open: r.open, attainment: attainment(r.onTime, r.breached) });

/** Sales attainment of the timers due in the period: overall, per kind, per month, team and rep (each per kind and all kinds). */
export async function salesSlaAttainment(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters, now: Date): Promise<SlaAttainment["sales"]> {
  // Settled timers summed from lead_rollup (their outcome no longer depends on the clock), running ones counted live
  // (sla_timers_live_idx): together the rule of `dueTimers` with `outcomeSql`.
  const timerScope = [sql`true`];
  if (filters.repId) timerScope.push(sql`r.owner_id = ${filters.repId}`);
  if (filters.teamId) timerScope.push(sql`r.team_id = ${filters.teamId}`);
  const res = await tx.execute<Row & { teamName: string | null; ownerName: string | null }>(sql`
    with t as (
      select r.reason_code as kind, ${rollupMonth()} as month, r.team_id, r.owner_id, r.decision as outcome, r.n
      from lead_rollup r
      where ${rollupInPeriod(workspaceId, "timer", period)} and ${rollupScope({ ...filters, repId: undefined, teamId: undefined })} and ${sql.join(timerScope, sql` and `)}
      union all
      select t.kind, ${localMonth(sql`t.due_at`, period)}, t.team_id, t.owner_id, ${outcomeSql(now)}, 1
      from sla_timers t where ${dueTimers(workspaceId, period, filters)} and t.state = 'running' and t.breached_at is null
    ), g as (
      select grouping(t.kind, t.month, t.team_id, t.owner_id) as grp, t.kind, t.month, t.team_id, t.owner_id,
        coalesce(sum(t.n) filter (where t.outcome = 'onTime'), 0)::int as "onTime",
        coalesce(sum(t.n) filter (where t.outcome = 'breached'), 0)::int as breached,
        coalesce(sum(t.n) filter (where t.outcome = 'open'), 0)::int as open
      from t
      group by grouping sets ((), (t.kind), (t.month), (t.kind, t.month), (t.team_id), (t.kind, t.team_id), (t.owner_id), (t.kind, t.owner_id))
      having sum(t.n) <> 0
    )
    select g.grp, g.kind, g.month, g.team_id as "teamId", g.owner_id as "ownerId", g."onTime", g.breached, g.open, tm.name as "teamName", u.name as "ownerName"
    from g
    left join teams tm on tm.workspace_id = ${workspaceId} and tm.id = g.team_id
    left join users u on u.id = g.owner_id`);
  // grouping() bits, most significant first: kind 8, month 4, team 2, owner 1 (a set bit = rolled up).
  const rows = res.rows;
  const of = (grp: number) => rows.filter((r) => r.grp === grp);
  const sortSlices = <T extends { attainment: number | null; breached: number }>(a: T, b: T) => (a.attainment ?? 2) - (b.attainment ?? 2) || b.breached - a.breached;
  const total = of(15)[0];
  return {
    overall: total ? figures(total) : { onTime: 0, breached: 0, open: 0, attainment: null },
    byKind: of(7)
      .map((r) => ({ kind: r.kind!, label: SLA_KIND_LABELS[r.kind!], ...figures(r) }))
      .sort((a, b) => a.kind.localeCompare(b.kind)),
    byMonth: [...of(11).map((r) => ({ month: r.month!, kind: null, ...figures(r) })), ...of(3).map((r) => ({ month: r.month!, kind: r.kind, ...figures(r) }))].sort(
      (a, b) => a.month.localeCompare(b.month) || (a.kind ?? "").localeCompare(b.kind ?? ""),
    ),
    byTeam: [...of(13).map((r) => ({ teamId: r.teamId, teamName: r.teamName ?? "No team", kind: null, ...figures(r) })), ...of(5).map((r) => ({ teamId: r.teamId, teamName: r.teamName ?? "No team", kind: r.kind, ...figures(r) }))].sort(sortSlices),
    byRep: [...of(14).map((r) => ({ ownerId: r.ownerId, ownerName: r.ownerName ?? "Unassigned", kind: null, ...figures(r) })), ...of(6).map((r) => ({ ownerId: r.ownerId, ownerName: r.ownerName ?? "Unassigned", kind: r.kind, ...figures(r) }))].sort(sortSlices),
  };
}

type PeriodRow = { policyId: string; name: string; field: string | null; value: string | null; periodStart: string; periodEnd: string; mqls: number; mqlTarget: number; accepted: number; rejected: number; acceptanceRate: number | null; minAcceptanceRate: number | null; met: boolean };

/** Marketing's target periods that ended inside the report period, as the SLA tick evaluated and stored them. */
function marketingPeriods(workspaceId: string, period: ResolvedPeriod): SQL {
  return sql`r.workspace_id = ${workspaceId} and r.period_start >= ${period.from}::date and r.period_end <= (${period.to}::date + 1)`;
}

const periodSelect = sql`r.policy_id as "policyId", p.name, p.terms->'segment'->>'field' as field, p.terms->'segment'->>'value' as value,
  r.period_start::text as "periodStart", r.period_end::text as "periodEnd", r.mqls, r.mql_target as "mqlTarget", r.accepted, r.rejected,
  r.acceptance_rate::float8 as "acceptanceRate", r.min_acceptance_rate::float8 as "minAcceptanceRate", r.met`;

const periodOf = (r: PeriodRow) => ({
  policyId: r.policyId, name: r.name, segment: r.field ? `${r.field} = ${r.value}` : null, periodStart: r.periodStart, periodEnd: r.periodEnd, mqls: r.mqls, mqlTarget: r.mqlTarget,
  accepted: r.accepted, rejected: r.rejected, acceptanceRate: r.acceptanceRate, minAcceptanceRate: r.minAcceptanceRate, met: r.met,
});

/** Marketing attainment: evaluated target periods met ÷ evaluated, overall and per month of the period's start. */
export async function marketingSlaAttainment(tx: Queryable, workspaceId: string, p: ResolvedPeriod): Promise<SlaAttainment["marketing"]> {
  const res = await tx.execute<PeriodRow>(sql`
    select ${periodSelect} from sla_period_results r join sla_policies p on p.workspace_id = r.workspace_id and p.id = r.policy_id
    where ${marketingPeriods(workspaceId, p)} order by r.period_start, p.name`);
  const periods = res.rows.map(periodOf);
  const summary = (xs: typeof periods) => ({ evaluated: xs.length, met: xs.filter((x) => x.met).length, attainment: xs.length === 0 ? null : xs.filter((x) => x.met).length / xs.length });
  const months = [...new Set(periods.map((x) => x.periodStart.slice(0, 7)))];
  return { ...summary(periods), byMonth: months.map((month) => ({ month, ...summary(periods.filter((x) => x.periodStart.startsWith(month))) })), periods };
}

/** SLA attainment of both sides (DESIGN §6.4, §6.5) for the period, per month, team and rep. */
export async function slaAttainment(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters, now: Date): Promise<SlaAttainment> {
  return { sales: await salesSlaAttainment(tx, workspaceId, period, filters, now), marketing: await marketingSlaAttainment(tx, workspaceId, period) };
}

/** The timers (sales) or evaluated target periods (marketing) behind an attainment figure. */
export async function slaAttainmentRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: SlaAttainmentRecordsQuery, now: Date): Promise<SlaAttainmentRecords> {
  if (q.side === "marketing") {
    const where = sql`${marketingPeriods(workspaceId, period)} ${q.month ? sql`and to_char(r.period_start, 'YYYY-MM') = ${q.month}` : sql``} ${q.met ? sql`and r.met = ${q.met === "true"}` : sql``}`;
    const res = await tx.execute<PeriodRow & { total: number }>(sql`
      select ${periodSelect}, count(*) over ()::int as total from sla_period_results r join sla_policies p on p.workspace_id = r.workspace_id and p.id = r.policy_id
      where ${where} order by r.period_start, p.name limit ${q.limit} offset ${q.offset}`);
    return {
      items: res.rows.map((r) => ({ kind: "period" as const, ...periodOf(r) })),
      total: res.rows[0]?.total ?? (q.offset > 0 ? await countOf(tx, sql`select count(*)::int as n from sla_period_results r where ${where}`) : 0),
    };
  }
  const conds: SQL[] = [dueTimers(workspaceId, period, q)];
  if (q.kind) conds.push(sql`t.kind = ${q.kind}`);
  if (q.outcome) conds.push(sql`${outcomeSql(now)} = ${q.outcome}`);
  if (q.month) conds.push(sql`${localMonth(sql`t.due_at`, period)} = ${q.month}`);
  if (q.ownerId) conds.push(q.ownerId === "none" ? sql`t.owner_id is null` : sql`t.owner_id = ${q.ownerId}`);
  const where = sql.join(conds, sql` and `);
  type TimerRow = { id: string; timerKind: TimerKind; contactId: string; contactName: string; ownerName: string | null; teamName: string | null; startedAt: Date; dueAt: Date; metAt: Date | null; breachedAt: Date | null; state: string; outcome: "onTime" | "breached" | "open"; total: number };
  const res = await tx.execute<TimerRow>(sql`
    select t.id, t.kind as "timerKind", t.contact_id as "contactId",
      coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed') as "contactName",
      u.name as "ownerName", tm.name as "teamName", t.started_at as "startedAt", t.due_at as "dueAt", t.met_at as "metAt", t.breached_at as "breachedAt", t.state,
      ${outcomeSql(now)} as outcome, count(*) over ()::int as total
    from sla_timers t
    join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
    left join users u on u.id = t.owner_id
    left join teams tm on tm.workspace_id = t.workspace_id and tm.id = t.team_id
    where ${where}
    order by t.due_at, t.id limit ${q.limit} offset ${q.offset}`);
  return {
    items: res.rows.map(({ total: _t, ...r }) => ({ kind: "timer" as const, ...r, startedAt: new Date(r.startedAt), dueAt: new Date(r.dueAt), metAt: r.metAt && new Date(r.metAt), breachedAt: r.breachedAt && new Date(r.breachedAt) })),
    total: res.rows[0]?.total ?? (q.offset > 0 ? await countOf(tx, sql`select count(*)::int as n from sla_timers t where ${where}`) : 0),
  };
}
