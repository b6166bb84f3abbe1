/**
 * The lead-side rollup (lead_events → lead_rollup, migration 0019). Triggers keep both in the writer's transaction;
 * this file holds what runs outside a write: folding the rollup's delta rows, and the rebuild from the transitions.
 */
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client.js";

/** Folds a workspace's delta rows into one row per key and bucket; returns the rows written. */
export async function compactLeadRollup(tx: Queryable, workspaceId: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`select tandem_compact_lead_rollup(${workspaceId}) as n`);
  return res.rows[0]?.n ?? 0;
}

/** Rewrites a workspace's lead events and rollup from its stage transitions (after SQL written around the triggers); returns the events written. */
export async function rebuildLeadEvents(tx: Queryable, workspaceId: string): Promise<number> {
  const res = await tx.execute<{ n: number }>(sql`select tandem_rebuild_lead_events(${workspaceId}) as n`);
  return res.rows[0]?.n ?? 0;
}

/** The scheduled fold: every ten minutes, so a dashboard sums base rows and at most ten minutes of deltas. */
export function leadRollupSchedule(db: Database) {
  return {
    name: "lead-rollup-compact",
    cron: "*/10 * * * *",
    runForWorkspace: (workspaceId: string) => db.inWorkspace(workspaceId, (tx) => compactLeadRollup(tx, workspaceId)).then(() => undefined),
  };
}
