import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import type { ExpansionMeasure, ExpansionRetentionRecords, ExpansionRetentionRecordsQuery } from "../../shared/contracts/reports/expansion-retention.js";
import { dealScope, inPeriod, pastTheEnd, type ResolvedPeriod } from "./report-scope.js";

/** Which closed deals (alias `d`) make up each figure of the expansion and retention report (expansion-retention.report.ts). */
const MEASURE: Record<ExpansionMeasure, SQL> = {
  newLogo: sql`d.outcome = 'won' and d.type = 'new'`,
  crossSell: sql`d.outcome = 'won' and d.type = 'cross_sell'`,
  upsell: sql`d.outcome = 'won' and d.type = 'upsell'`,
  expansion: sql`d.outcome = 'won' and d.type in ('cross_sell', 'upsell', 'expansion')`,
  renewed: sql`d.outcome = 'won' and d.type = 'renewal'`,
  churned: sql`d.outcome <> 'won' and d.type = 'renewal'`,
  renewalBase: sql`d.type = 'renewal'`,
};

type RecordRow = Omit<ExpansionRetentionRecords["items"][number], "closedAt"> & { closedAt: Date | string; total: number; sum: number };

/**
 * The deals behind one figure of the expansion and retention report — over the whole range or one month or quarter
 * (`period`, in the workspace zone) — largest first, with their account, outcome and reason. `amount` sums every
 * matching deal, so it equals the figure the report shows.
 */
export async function expansionRetentionRecords(tx: Queryable, workspaceId: string, p: ResolvedPeriod, q: ExpansionRetentionRecordsQuery): Promise<ExpansionRetentionRecords> {
  const fmt = q.period?.includes("Q") ? `YYYY-"Q"Q` : "YYYY-MM";
  const period = q.period ? sql`and to_char(d.closed_at at time zone ${p.timezone}, ${fmt}) = ${q.period}` : sql``;
  const res = await tx.execute<RecordRow>(sql`
    select d.id, d.name, d.account_id as "accountId", a.name as "accountName", d.type, d.outcome, d.amount::float8 as amount,
           rc.label as "reasonLabel", u.name as "ownerName", d.closed_at as "closedAt",
           count(*) over ()::int as total, coalesce(sum(d.amount) over (), 0)::float8 as sum
    from deals d
    join accounts a on a.workspace_id = d.workspace_id and a.id = d.account_id
    left join users u on u.id = d.owner_id
    left join reason_codes rc on rc.workspace_id = d.workspace_id and rc.code = d.reason_code
      and rc.kind = case d.outcome when 'won' then 'win' when 'lost' then 'loss' else 'no_decision' end
    where d.workspace_id = ${workspaceId} and d.outcome is not null and ${inPeriod(sql`d.closed_at`, p)} and ${dealScope(q)}
      and ${MEASURE[q.measure]} ${period}
    order by d.amount desc, d.closed_at, d.id limit ${q.limit} offset ${q.offset}`);
  const page = {
    total: res.rows[0]?.total ?? 0,
    amount: res.rows[0]?.sum ?? 0,
    items: res.rows.map(({ total: _t, sum: _s, ...r }) => ({ ...r, closedAt: new Date(r.closedAt) })),
  };
  return pastTheEnd(q, page, (first) => expansionRetentionRecords(tx, workspaceId, p, first));
}
