import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { type ResolvedPeriod, inPeriod } from "./report-scope.js";

export type ReferenceQuarter = { quarter: string; requested: number; approved: number; declined: number };

/**
 * Reference uses per calendar quarter of the period in the workspace's zone: requests by when they were made,
 * approvals and declines by when they were decided (the approvals are the uses that count against the caps).
 * Every quarter the period touches is listed, empty ones with zeros.
 */
export async function referenceUsageByQuarter(tx: Queryable, workspaceId: string, p: ResolvedPeriod): Promise<ReferenceQuarter[]> {
  const quarterOf = (col: ReturnType<typeof sql>) => sql`to_char(${col} at time zone ${p.timezone}, 'YYYY-"Q"Q')`;
  const res = await tx.execute<ReferenceQuarter>(sql`
    with ev as (
      select ${quarterOf(sql`u.created_at`)} as quarter, 'requested' as kind from reference_uses u
      where u.workspace_id = ${workspaceId} and ${inPeriod(sql`u.created_at`, p)}
      union all
      select ${quarterOf(sql`u.decided_at`)}, u.status from reference_uses u
      where u.workspace_id = ${workspaceId} and u.status in ('approved', 'declined') and ${inPeriod(sql`u.decided_at`, p)}),
    qs as (select to_char(d, 'YYYY-"Q"Q') as quarter from generate_series(date_trunc('quarter', ${p.from}::date), ${p.to}::date, interval '3 months') d)
    select qs.quarter,
      count(ev.kind) filter (where ev.kind = 'requested')::int as requested,
      count(ev.kind) filter (where ev.kind = 'approved')::int as approved,
      count(ev.kind) filter (where ev.kind = 'declined')::int as declined
    from qs left join ev on ev.quarter = qs.quarter
    group by qs.quarter order by qs.quarter`);
  return res.rows;
}
