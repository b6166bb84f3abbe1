import { sql } from "drizzle-orm";
import type { Queryable } from "../db/client.js";

export type CompetitorDeal = { id: string; name: string; stage: string; amount: number; outcome: string | null };

/** The deals a competitor is tagged on, open ones first, then the most recently closed (at most `limit`). */
export async function competitorDeals(tx: Queryable, workspaceId: string, competitorId: string, limit = 50): Promise<CompetitorDeal[]> {
  const res = await tx.execute<CompetitorDeal>(sql`
    select d.id, d.name, d.stage, d.amount::float8 as amount, d.outcome
    from deal_competitors dc join deals d on d.workspace_id = dc.workspace_id and d.id = dc.deal_id
    where dc.workspace_id = ${workspaceId} and dc.competitor_id = ${competitorId}
    order by d.closed_at desc nulls first, d.created_at desc, d.name, d.id
    limit ${limit}`);
  return res.rows;
}
