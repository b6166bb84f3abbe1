import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ReportFilters } from "../../shared/contracts/reports/filters.js";
import type { AlignmentHealth, AlignmentHealthRecords, AlignmentHealthRecordsQuery, HealthPart } from "../../shared/contracts/reports/alignment-health.js";
import { totalVariationDistance } from "../../shared/domain/distributions.js";
import { dealScope, inPeriod, leadScope, localMonth, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";
import { joinDealFacts, materialisedActivities } from "./kpis.report.js";
import { mqlDecisionsSql } from "./lead-stages.sql.js";
import { rollupInPeriod, rollupMonth, rollupScope } from "./lead-rollup.sql.js";
import { marketingSlaAttainment, salesSlaAttainment } from "./sla-attainment.report.js";
import { personaMixes } from "./persona-drift.report.js";

/** A lead definition counts as current when both sides (re-)approved it at most this many days ago; the score falls to 0 at a year. */
export const DEFINITION_FRESH_DAYS = 180;
export const DEFINITION_STALE_DAYS = 365;
const NOT_BUILT = "Needs the enablement module (content use and campaign readiness, issue 7), which is not built yet.";
const DAY = 86_400_000;

const LABELS: Record<HealthPart, string> = {
  sales_sla: "Sales SLA attainment",
  marketing_sla: "Marketing SLA attainment",
  acceptance: "Lead acceptance rate",
  closed_loop: "Closed-loop completeness",
  content_use: "Content use",
  campaign_readiness: "Campaign readiness",
  persona_alignment: "Persona alignment",
  definition_currency: "Definition currency",
};

/** MQL handovers in the period (moves into mql) with sales' first decision after each — the marketing SLA's acceptance rule (`mqlDecisionsSql`). */
function handovers(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  return sql`with handed as (
      select o.contact_id, o.handed_at as at, ${localMonth(sql`o.handed_at`, period)} as month, o.decision, o.reason_code
      from (${mqlDecisionsSql(workspaceId, period)}) o
      join contacts c on c.workspace_id = ${workspaceId} and c.id = o.contact_id
      where ${leadScope(f)}
    )`;
}

/** Rejections, recycles and disqualifications in the period (leads), and deals closed in it, each with its reason code. */
function closedLoopItems(workspaceId: string, period: ResolvedPeriod, f: ReportFilters): SQL {
  return sql`with items as (
      select 'lead' as kind, c.id, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed') as name, st.at, st.to_stage as status, st.reason_code, null::text as competitor
      from stage_transitions st join contacts c on c.workspace_id = st.workspace_id and c.id = st.contact_id
      where st.workspace_id = ${workspaceId} and st.to_stage in ('rejected', 'recycled', 'disqualified') and ${inPeriod(sql`st.at`, period)} and ${leadScope(f)}
      union all
      select 'deal', d.id, d.name, d.closed_at, d.outcome, d.reason_code, d.competitor
      from deals d where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(f)}
    )`;
}

/** Every month (YYYY-MM) the period touches. */
function monthsOf(p: ResolvedPeriod): string[] {
  const out: string[] = [];
  let [y, m] = p.from.split("-").map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push(key);
    if (key >= last) return out;
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

type MonthRow = { month: string; [k: string]: number | string };

/** The four symptom trends per month: activities per won deal, losses to competitors, rejection rate, cost per SQL beside MQL→won. */
async function symptoms(tx: Queryable, workspaceId: string, period: ResolvedPeriod, f: ReportFilters, decisions: MonthRow[]): Promise<AlignmentHealth["symptoms"]> {
  const deals = await tx.execute<MonthRow>(sql`
    select ${localMonth(sql`d.closed_at`, period)} as month, count(*) filter (where d.outcome = 'won')::int as won,
      coalesce(sum(case when d.outcome = 'won' then ${materialisedActivities("d")} else 0 end), 0)::int as acts,
      count(*) filter (where d.outcome = 'lost')::int as lost,
      count(*) filter (where d.outcome = 'lost' and nullif(trim(d.competitor), '') is not null)::int as competitor
    from deals d ${joinDealFacts(workspaceId, "d")} where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(f)}
    group by 1`);
  const campaignConds = [sql`true`, f.campaignId ? sql`cp.id = ${f.campaignId}` : sql`true`, f.channel ? sql`cp.channel = ${f.channel}` : sql`true`];
  const costs = await tx.execute<MonthRow>(sql`
    select to_char(cc.incurred_on, 'YYYY-MM') as month, sum(cc.amount)::float8 as cost
    from campaign_costs cc join campaigns cp on cp.workspace_id = cc.workspace_id and cp.id = cc.campaign_id
    where cc.workspace_id = ${workspaceId} and cc.incurred_on >= ${period.from}::date and cc.incurred_on <= ${period.to}::date and ${sql.join(campaignConds, sql` and `)}
    group by 1`);
  // Leads by the month of their sql and mql stamps (won: a customer stamp at or after the mql one), from lead_rollup.
  const stamps = await tx.execute<{ stage: string; month: string; n: number; won: number }>(sql`
    select r.reason_code as stage, ${rollupMonth()} as month, sum(r.n)::int as n, coalesce(sum(r.n) filter (where r.reached_customer), 0)::int as won
    from lead_rollup r where ${rollupInPeriod(workspaceId, "stamp", period)} and ${rollupScope(f)} and r.reason_code in ('sql', 'mql') group by 1, 2`);
  const sqls = { rows: stamps.rows.filter((r) => r.stage === "sql").map((r) => ({ month: r.month, sqls: r.n })) };
  const mqls = { rows: stamps.rows.filter((r) => r.stage === "mql").map((r) => ({ month: r.month, mqls: r.n, won: r.won })) };
  const at = (rows: MonthRow[], month: string, k: string) => Number(rows.find((r) => r.month === month)?.[k] ?? 0);
  return monthsOf(period).map((month) => {
    const won = at(deals.rows, month, "won");
    const acts = at(deals.rows, month, "acts");
    const lost = at(deals.rows, month, "lost");
    const competitor = at(deals.rows, month, "competitor");
    const accepted = at(decisions, month, "accepted");
    const rejected = at(decisions, month, "rejected");
    const cost = at(costs.rows, month, "cost");
    const sqlCount = at(sqls.rows, month, "sqls");
    const mqlCount = at(mqls.rows, month, "mqls");
    const mqlsWon = at(mqls.rows, month, "won");
    return {
      month, wonDeals: won, salesActivities: acts, activitiesPerWonDeal: ratio(acts, won), lostDeals: lost, lostToCompetitors: competitor, competitorLossShare: ratio(competitor, lost),
      accepted, rejected, rejectionRate: ratio(rejected, accepted + rejected), cost, sqls: sqlCount, costPerSql: ratio(cost, sqlCount), mqls: mqlCount, mqlsWon, mqlToWon: ratio(mqlsWon, mqlCount),
    };
  });
}

type Part = { key: HealthPart; score: number | null; raw: number | null; detail: string; notMeasuredReason?: string };

/** Definition currency at `asOf`: the active lead definition, approved by both sides, and how long ago the later side signed. */
async function definitionCurrency(tx: Queryable, workspaceId: string, asOf: Date): Promise<Part> {
  const res = await tx.execute<{ version: number; marketingAt: Date | null; salesAt: Date | null }>(sql`
    select version, marketing_approved_at as "marketingAt", sales_approved_at as "salesAt" from lead_definitions
    where workspace_id = ${workspaceId} and status = 'active' limit 1`);
  const d = res.rows[0];
  if (!d) return { key: "definition_currency", score: 0, raw: null, detail: "No active lead definition." };
  if (!d.marketingAt || !d.salesAt) return { key: "definition_currency", score: 0, raw: null, detail: `Version ${d.version} is active without both sides' approval.` };
  // Both sides must have signed: the agreement is as old as the earlier of the two approvals.
  const signed = Math.min(new Date(d.marketingAt).getTime(), new Date(d.salesAt).getTime());
  const age = Math.max(0, (asOf.getTime() - signed) / DAY);
  const score = age <= DEFINITION_FRESH_DAYS ? 100 : Math.max(0, (100 * (DEFINITION_STALE_DAYS - age)) / (DEFINITION_STALE_DAYS - DEFINITION_FRESH_DAYS));
  return { key: "definition_currency", score, raw: age, detail: `Version ${d.version} approved by both sides ${Math.floor(age)} days ago (100 up to ${DEFINITION_FRESH_DAYS} days, 0 from ${DEFINITION_STALE_DAYS}).` };
}

/** The alignment health index (0–100) of DESIGN §6.5 with each part's score, raw value and computation, and the four symptom trends. */
export async function alignmentHealth(tx: Queryable, workspaceId: string, period: ResolvedPeriod, filters: ReportFilters, now: Date): Promise<AlignmentHealth> {
  const sales = (await salesSlaAttainment(tx, workspaceId, period, filters, now)).overall;
  const marketing = await marketingSlaAttainment(tx, workspaceId, period);
  // Hand-overs per month of hand-over, summed from the rollup (lead-rollup.sql.ts).
  const decisions = (
    await tx.execute<MonthRow>(sql`
      select ${rollupMonth()} as month, coalesce(sum(r.n) filter (where r.decision = 'sal'), 0)::int as accepted,
        coalesce(sum(r.n) filter (where r.decision = 'rejected'), 0)::int as rejected,
        coalesce(sum(r.n) filter (where r.decision is null), 0)::int as pending
      from lead_rollup r where ${rollupInPeriod(workspaceId, "handover", period)} and ${rollupScope(filters)} group by 1`)
  ).rows;
  const sumOf = (k: string) => decisions.reduce((s, r) => s + Number(r[k]), 0);
  const [accepted, rejected, pending] = [sumOf("accepted"), sumOf("rejected"), sumOf("pending")];
  const loop = (
    await tx.execute<{ kind: string; n: number; withReason: number }>(sql`
      select 'lead' as kind, coalesce(sum(r.n), 0)::int as n, coalesce(sum(r.n) filter (where r.reason_code is not null), 0)::int as "withReason"
      from lead_rollup r where ${rollupInPeriod(workspaceId, "exit", period)} and ${rollupScope(filters)}
      union all
      select 'deal', count(*)::int, count(*) filter (where d.reason_code is not null)::int
      from deals d where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, period)} and ${dealScope(filters)}`)
  ).rows;
  const loopOf = (kind: string) => loop.find((r) => r.kind === kind) ?? { n: 0, withReason: 0 };
  const [leads, deals] = [loopOf("lead"), loopOf("deal")];
  const loopRate = ratio(leads.withReason + deals.withReason, leads.n + deals.n);
  const mixes = await personaMixes(tx, workspaceId, period, filters);
  const tvd = totalVariationDistance(mixes.targeted.weights, mixes.buyers.weights);
  const acceptance = ratio(accepted, accepted + rejected);
  const scored = (x: number | null) => (x === null ? null : 100 * x);
  const parts: Part[] = [
    { key: "sales_sla", score: scored(sales.attainment), raw: sales.attainment, detail: `${sales.onTime} of ${sales.onTime + sales.breached} sales timers due in the period were met on time (${sales.open} still open).` },
    { key: "marketing_sla", score: scored(marketing.attainment), raw: marketing.attainment, detail: `${marketing.met} of ${marketing.evaluated} marketing target periods that ended in the period were met.` },
    { key: "acceptance", score: scored(acceptance), raw: acceptance, detail: `${accepted} accepted ÷ (${accepted} accepted + ${rejected} rejected) MQLs handed over in the period (${pending} pending).` },
    {
      key: "closed_loop", score: scored(loopRate), raw: loopRate,
      detail: `${leads.withReason} of ${leads.n} rejections, recycles and disqualifications and ${deals.withReason} of ${deals.n} closed deals have a reason recorded.`,
    },
    { key: "content_use", score: null, raw: null, detail: "Not measured yet.", notMeasuredReason: NOT_BUILT },
    { key: "campaign_readiness", score: null, raw: null, detail: "Not measured yet.", notMeasuredReason: NOT_BUILT },
    {
      key: "persona_alignment", score: tvd === null ? null : 100 * (1 - tvd), raw: tvd,
      detail: tvd === null ? "Needs campaign spend with target personas and deals won in the period." : `100 × (1 − ${tvd.toFixed(3)}), the total-variation distance between the personas targeted (by cost) and the buyers on won deals.`,
    },
    await definitionCurrency(tx, workspaceId, new Date(Math.min(now.getTime(), period.end.getTime()))),
  ];
  const measured = parts.filter((p) => p.score !== null);
  const weight = measured.length === 0 ? 0 : 1 / measured.length;
  return {
    index: measured.length === 0 ? null : measured.reduce((s, p) => s + p.score!, 0) / measured.length,
    measuredParts: measured.length,
    parts: parts.map((p) => ({
      key: p.key, label: LABELS[p.key], score: p.score, raw: p.raw, weight: p.score === null ? 0 : weight,
      detail: p.detail,
      notMeasuredReason: p.notMeasuredReason ?? (p.score === null ? "Nothing in the period to measure." : null),
    })),
    symptoms: await symptoms(tx, workspaceId, period, filters, decisions),
  };
}

/** The leads or deals behind the acceptance rate, closed-loop completeness or the competitor-loss symptom. */
export async function alignmentHealthRecords(tx: Queryable, workspaceId: string, period: ResolvedPeriod, q: AlignmentHealthRecordsQuery): Promise<AlignmentHealthRecords> {
  type Row = AlignmentHealthRecords["items"][number] & { total: number };
  let res;
  if (q.part === "acceptance") {
    const conds = [sql`true`];
    if (q.decision === "accepted") conds.push(sql`h.decision = 'sal'`);
    if (q.decision === "rejected") conds.push(sql`h.decision = 'rejected'`);
    if (q.decision === "pending") conds.push(sql`h.decision is null`);
    if (q.month) conds.push(sql`h.month = ${q.month}`);
    res = await tx.execute<Row>(sql`${handovers(workspaceId, period, q)}
      select 'lead' as kind, c.id, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email, 'Unnamed') as name, h.at,
        coalesce(case when h.decision = 'sal' then 'accepted' else h.decision end, 'pending') as status,
        h.reason_code as "reasonCode",
        null as competitor, count(*) over ()::int as total
      from handed h join contacts c on c.workspace_id = ${workspaceId} and c.id = h.contact_id
      where ${sql.join(conds, sql` and `)} order by h.at, c.id limit ${q.limit} offset ${q.offset}`);
  } else {
    const conds = [sql`true`];
    if (q.part === "competitor_losses") conds.push(sql`i.kind = 'deal' and i.status = 'lost' and nullif(trim(i.competitor), '') is not null`);
    if (q.reasonRecorded) conds.push(q.reasonRecorded === "true" ? sql`i.reason_code is not null` : sql`i.reason_code is null`);
    if (q.month) conds.push(sql`${localMonth(sql`i.at`, period)} = ${q.month}`);
    res = await tx.execute<Row>(sql`${closedLoopItems(workspaceId, period, q)}
      select i.kind, i.id, i.name, i.at, i.status, i.reason_code as "reasonCode", i.competitor, count(*) over ()::int as total
      from items i where ${sql.join(conds, sql` and `)} order by i.at, i.id limit ${q.limit} offset ${q.offset}`);
  }
  const page = { items: res.rows.map(({ total: _t, ...r }) => ({ ...r, at: new Date(r.at) })), total: res.rows[0]?.total ?? 0 };
  return pastTheEnd(q, page, (first) => alignmentHealthRecords(tx, workspaceId, period, first));
}
