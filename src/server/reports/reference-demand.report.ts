import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";
import { type ResolvedPeriod, inPeriod } from "./report-scope.js";

export type ReferenceDemand = { referenceId: string; name: string; requested: number; approved: number; declined: number; pending: number };

/** The references most requested in the period (by request time), with what became of those requests. */
export async function mostRequestedReferences(tx: Queryable, workspaceId: string, p: ResolvedPeriod, limit: number): Promise<ReferenceDemand[]> {
  const res = await tx.execute<ReferenceDemand>(sql`
    select r.id as "referenceId", a.name as name, count(*)::int as requested,
      count(*) filter (where u.status = 'approved')::int as approved,
      count(*) filter (where u.status = 'declined')::int as declined,
      count(*) filter (where u.status = 'requested')::int as pending
    from reference_uses u
    join customer_references r on r.workspace_id = u.workspace_id and r.id = u.reference_id
    join accounts a on a.workspace_id = r.workspace_id and a.id = r.account_id
    where u.workspace_id = ${workspaceId} and ${inPeriod(sql`u.created_at`, p)}
    group by r.id, a.name
    order by requested desc, approved desc, a.name, r.id
    limit ${limit}`);
  return res.rows;
}
