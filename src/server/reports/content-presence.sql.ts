import { sql, type SQL } from "drizzle-orm";

/**
 * `(asset_id, deal_id)` pairs of content present on a deal: attached to it, or shared/viewed through a tracked link
 * created for it. One definition for the effectiveness and ROI reports.
 */
export function assetDealPresence(workspaceId: string): SQL {
  return sql`select asset_id, deal_id from deal_assets where workspace_id = ${workspaceId}
    union select asset_id, deal_id from asset_events where workspace_id = ${workspaceId} and deal_id is not null`;
}

/** A ratio that is null (never 0 or infinity) when its denominator is 0. */
export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
