/**
 * The lead-side rollup (lead_events → lead_rollup, migration 0019). Triggers keep both in the writer's transaction;
 * this file holds what runs outside a write: folding the rollup's delta rows, and the rebuild from the transitions.
 */
import { sql } from "drizzle-orm";
import type { Database, Queryable } from "../../../db/client.js";
import { rebuildDealFacts } from "./deal-facts.js";

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

export type RebuiltFacts = { leadEvents: number; closedDeals: number };

/**
 * Rewrites every materialised fact the dashboards read for a workspace, in one transaction: lead events and their
 * rollup, the deal copies (people's personas and first marketing touches, the sourcing lead's keys) and the closed
 * deals' facts. `step` reports each of the four steps as it starts.
 */
export async function rebuildReportFacts(tx: Queryable, workspaceId: string, at: Date, step: (done: number, name: string) => void = () => {}): Promise<RebuiltFacts> {
  step(0, "lead events");
  const leadEvents = await rebuildLeadEvents(tx, workspaceId);
  step(1, "deal people");
  await tx.execute(sql`select tandem_refresh_deal_people(${workspaceId}, null)`);
  step(2, "deal keys");
  await tx.execute(sql`select tandem_refresh_deal_keys(${workspaceId}, null)`);
  step(3, "deal facts");
  const closedDeals = (await rebuildDealFacts(tx, workspaceId, at)).deals;
  step(4, "done");
  return { leadEvents, closedDeals };
}

/** The scheduled fold: every ten minutes, so a dashboard sums base rows and at most ten minutes of deltas. */
export function leadRollupSchedule(db: Database) {
  return {
    name: "lead-rollup-compact",
    cron: "*/10 * * * *",
    runForWorkspace: (workspaceId: string) => db.inWorkspace(workspaceId, (tx) => compactLeadRollup(tx, workspaceId)).then(() => undefined),
  };
}
