import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { assetEvents, assetShares, dealAssets } from "../../db/schema/index.js";

/** Data access for tracked shares, asset events and deal attachments. Every method takes the workspace id after the transaction. */
export function createAssetSharesRepository() {
  return {
    /** Inserts a share. */
    async insertShare(tx: Queryable, row: typeof assetShares.$inferInsert) {
      const [created] = await tx.insert(assetShares).values(row).returning();
      return created!;
    },

    /** A live (unrevoked) share by its token hash, locked so concurrent views count once each. */
    async findShareByHash(tx: Queryable, workspaceId: string, tokenHash: string) {
      const [row] = await tx.select().from(assetShares)
        .where(and(eq(assetShares.workspaceId, workspaceId), eq(assetShares.tokenHash, tokenHash), sql`${assetShares.revokedAt} is null`)).for("update");
      return row ?? null;
    },

    /** Counts a view on a share. */
    async countView(tx: Queryable, workspaceId: string, id: string, at: Date) {
      await tx.update(assetShares).set({ views: sql`${assetShares.views} + 1`, lastViewedAt: at }).where(and(eq(assetShares.workspaceId, workspaceId), eq(assetShares.id, id)));
    },

    /** An asset's shares, newest first. */
    async listShares(tx: Queryable, workspaceId: string, assetId: string) {
      return tx.select().from(assetShares).where(and(eq(assetShares.workspaceId, workspaceId), eq(assetShares.assetId, assetId))).orderBy(desc(assetShares.createdAt)).limit(200);
    },

    /** Appends an asset event. */
    async insertEvent(tx: Queryable, row: typeof assetEvents.$inferInsert) {
      await tx.insert(assetEvents).values(row);
    },

    /** Unlinks an erased contact from asset events: the use stays counted, without the person. */
    async forgetContact(tx: Queryable, workspaceId: string, contactId: string): Promise<number> {
      const rows = await tx.update(assetEvents).set({ contactId: null }).where(and(eq(assetEvents.workspaceId, workspaceId), eq(assetEvents.contactId, contactId))).returning({ id: assetEvents.id });
      return rows.length;
    },

    /** An asset's latest events. */
    async listEvents(tx: Queryable, workspaceId: string, assetId: string) {
      return tx.select().from(assetEvents).where(and(eq(assetEvents.workspaceId, workspaceId), eq(assetEvents.assetId, assetId))).orderBy(desc(assetEvents.at), desc(assetEvents.id)).limit(200);
    },

    /** Attaches an asset to a deal; false when it already was. */
    async attach(tx: Queryable, row: typeof dealAssets.$inferInsert) {
      const res = await tx.insert(dealAssets).values(row).onConflictDoNothing().returning({ assetId: dealAssets.assetId });
      return res.length > 0;
    },

    /** Detaches an asset from a deal; false when it was not attached. */
    async detach(tx: Queryable, workspaceId: string, dealId: string, assetId: string) {
      const res = await tx.delete(dealAssets).where(and(eq(dealAssets.workspaceId, workspaceId), eq(dealAssets.dealId, dealId), eq(dealAssets.assetId, assetId))).returning({ assetId: dealAssets.assetId });
      return res.length > 0;
    },

    /** The ids of the assets on a deal: attached, or shared for it. */
    async dealAssetIds(tx: Queryable, workspaceId: string, dealId: string) {
      const res = await tx.execute<{ asset_id: string; attached: boolean }>(sql`
        select asset_id, bool_or(attached) as attached from (
          select asset_id, true as attached from deal_assets where workspace_id = ${workspaceId} and deal_id = ${dealId}
          union all select asset_id, false from asset_shares where workspace_id = ${workspaceId} and deal_id = ${dealId}
        ) x group by asset_id`);
      return res.rows;
    },
  };
}

export type AssetSharesRepository = ReturnType<typeof createAssetSharesRepository>;
