import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { WinLossDimension, WinLossQuery, WinLossRecords, WinLossRecordsQuery, WinLossReport } from "../../shared/contracts/reports/win-loss.js";
import { dealScope, inPeriod, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";

type Counts = { won: number; lost: number; noDecision: number; wonAmount: number; lostAmount: number; noDecisionAmount: number };

/**
 * Deals closed in the period (closed_at in the workspace zone) with what every cut needs: the account's segment,
 * the source and persona of the lead that sourced the deal (source contact, else primary contact; both copied onto
 * the deal by triggers, migration 0022), the owner and the reason's label from the taxonomy of the outcome's kind.
 */
function closedDeals(workspaceId: string, p: ResolvedPeriod, q: Pick<WinLossQuery, "competitor" | "grain"> & Parameters<typeof dealScope>[0]): SQL {
  const fmt = q.grain === "quarter" ? `YYYY-"Q"Q` : "YYYY-MM";
  const competitor = q.competitor ? sql`and lower(d.competitor) = lower(${q.competitor})` : sql``;
  return sql`
    select d.id, d.name, d.amount::float8 as amount, d.outcome, d.reason_code, d.competitor, d.closed_at, d.owner_id,
           (select a.name from accounts a where a.workspace_id = d.workspace_id and a.id = d.account_id) as account_name,
           d.segment, d.lead_source as source, d.lead_persona as persona, u.name as owner_name, rc.label as reason_label,
           to_char(d.closed_at at time zone ${p.timezone}, ${fmt}) as period,
           exists (select 1 from deal_interviews i where i.workspace_id = d.workspace_id and i.deal_id = d.id) as interviewed
    from deals d
    left join users u on u.id = d.owner_id
    left join reason_codes rc on rc.workspace_id = d.workspace_id and rc.code = d.reason_code
      and rc.kind = case d.outcome when 'won' then 'win' when 'lost' then 'loss' else 'no_decision' end
    where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, p)} and ${dealScope(q)} ${competitor}`;
}

/** The key and label of a deal (alias `c` over closedDeals) in a dimension; `none` keys the deals without a value. */
function dimension(by: WinLossDimension): { key: SQL; label: SQL } {
  switch (by) {
    case "reason":
      return { key: sql`c.outcome || ':' || coalesce(c.reason_code, 'none')`, label: sql`coalesce(c.reason_label, c.reason_code, 'No reason recorded')` };
    case "competitor":
      return { key: sql`coalesce(c.competitor, 'none')`, label: sql`coalesce(c.competitor, 'No competitor')` };
    case "segment":
      return { key: sql`coalesce(c.segment, 'none')`, label: sql`coalesce(c.segment, 'No segment')` };
    case "source":
      return { key: sql`coalesce(c.source, 'none')`, label: sql`coalesce(c.source, 'No source')` };
    case "persona":
      return { key: sql`coalesce(c.persona, 'none')`, label: sql`coalesce(c.persona, 'No persona')` };
    case "rep":
      return { key: sql`coalesce(c.owner_id::text, 'none')`, label: sql`coalesce(c.owner_name, 'Unassigned')` };
  }
}

const COUNTS = sql`
  count(*) filter (where c.outcome = 'won')::int as won,
  count(*) filter (where c.outcome = 'lost')::int as lost,
  count(*) filter (where c.outcome = 'no_decision')::int as "noDecision",
  coalesce(sum(c.amount) filter (where c.outcome = 'won'), 0)::float8 as "wonAmount",
  coalesce(sum(c.amount) filter (where c.outcome = 'lost'), 0)::float8 as "lostAmount",
  coalesce(sum(c.amount) filter (where c.outcome = 'no_decision'), 0)::float8 as "noDecisionAmount"`;

function withRate<T extends Counts>(r: T): T & { winRate: number | null } {
  const closed = r.won + r.lost + r.noDecision;
  return { ...r, winRate: closed === 0 ? null : r.won / closed };
}

/** Win/loss/no-decision of the deals closed in the period: one cut and its trend, the overall trend, losses by competitor over time, top reasons. */
export async function winLossReport(tx: Queryable, workspaceId: string, p: ResolvedPeriod, q: WinLossQuery): Promise<Omit<WinLossReport, "period">> {
  const base = closedDeals(workspaceId, p, q);
  const dim = dimension(q.by);
  const rows = await tx.execute<Counts & { key: string; label: string }>(sql`
    with c as (${base})
    select ${dim.key} as key, max(${dim.label}) as label, ${COUNTS}
    from c group by 1 order by count(*) desc, 2`);
  const trend = await tx.execute<Counts & { period: string; competitorLosses: number }>(sql`
    with c as (${base})
    select c.period, ${COUNTS}, count(*) filter (where c.outcome = 'lost' and c.competitor is not null)::int as "competitorLosses"
    from c group by c.period order by c.period`);
  const competitors = await tx.execute<{ period: string; competitor: string; losses: number }>(sql`
    with c as (${base})
    select c.period, c.competitor, count(*)::int as losses
    from c where c.outcome = 'lost' and c.competitor is not null group by c.period, c.competitor order by c.period, count(*) desc, c.competitor`);
  const rowTrend = await tx.execute<{ period: string; key: string; label: string; won: number; lost: number; noDecision: number }>(sql`
    with c as (${base})
    select c.period, ${dim.key} as key, max(${dim.label}) as label,
           count(*) filter (where c.outcome = 'won')::int as won, count(*) filter (where c.outcome = 'lost')::int as lost,
           count(*) filter (where c.outcome = 'no_decision')::int as "noDecision"
    from c group by c.period, 2 order by c.period, count(*) desc, 2`);
  const reasons = await tx.execute<{ outcome: "won" | "lost" | "no_decision"; code: string; label: string; deals: number; share: number; rank: number }>(sql`
    with c as (${base}),
    r as (select c.outcome, c.reason_code as code, max(coalesce(c.reason_label, c.reason_code)) as label, count(*)::int as deals
          from c where c.reason_code is not null group by c.outcome, c.reason_code)
    select r.*, (r.deals::float8 / sum(r.deals) over (partition by r.outcome)) as share,
           row_number() over (partition by r.outcome order by r.deals desc, r.code) as rank
    from r order by r.outcome, rank`);
  const totals = { won: 0, lost: 0, noDecision: 0, wonAmount: 0, lostAmount: 0, noDecisionAmount: 0 };
  for (const r of trend.rows) for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += r[k];
  const lostIn = new Map(trend.rows.map((t) => [t.period, t.lost]));
  return {
    by: q.by,
    grain: q.grain,
    totals: withRate(totals),
    rows: rows.rows.map(withRate),
    trend: trend.rows.map(({ competitorLosses, ...t }) => ({ ...withRate(t), competitorLossShare: t.lost === 0 ? null : competitorLosses / t.lost })),
    competitorTrend: competitors.rows.map((c) => ({ ...c, share: c.losses / (lostIn.get(c.period) || 1) })),
    rowTrend: rowTrend.rows,
    topReasons: reasons.rows.filter((r) => r.rank <= 3).map(({ rank: _rank, ...r }) => r),
  };
}

type RecordRow = Omit<WinLossRecords["items"][number], "closedAt"> & { closedAt: Date; total: number };

/** The closed deals behind a win/loss number, newest close first. */
export async function winLossRecords(tx: Queryable, workspaceId: string, p: ResolvedPeriod, q: WinLossRecordsQuery): Promise<WinLossRecords> {
  const dim = dimension(q.by);
  const conds: SQL[] = [sql`true`];
  if (q.key) conds.push(sql`${dim.key} = ${q.key}`);
  if (q.outcome) conds.push(sql`c.outcome = ${q.outcome}`);
  if (q.period) conds.push(sql`c.period = ${q.period}`);
  const res = await tx.execute<RecordRow>(sql`
    with c as (${closedDeals(workspaceId, p, { ...q, grain: q.period?.includes("Q") ? "quarter" : q.grain })})
    select c.id, c.name, c.account_name as "accountName", c.owner_name as "ownerName", c.amount, c.outcome, c.reason_code as "reasonCode",
           c.reason_label as "reasonLabel", c.competitor, c.segment, c.source, c.persona, c.closed_at as "closedAt", c.interviewed,
           count(*) over ()::int as total
    from c where ${sql.join(conds, sql` and `)}
    order by c.closed_at desc, c.id limit ${q.limit} offset ${q.offset}`);
  const page = { total: res.rows[0]?.total ?? 0, items: res.rows.map(({ total: _t, ...r }) => ({ ...r, closedAt: new Date(r.closedAt) })) };
  return pastTheEnd(q, page, (first) => winLossRecords(tx, workspaceId, p, first));
}
