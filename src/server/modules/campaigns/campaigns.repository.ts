import { and, asc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { campaignCosts, campaignWhitespaceTargets, campaigns } from "../../db/schema/index.js";
import type { ListCampaignsQuery } from "../../../shared/contracts/campaigns.js";
import { keyset, likePattern, parseSort, toPage, type SortSpec } from "../../platform/pagination.js";

export type CampaignRow = typeof campaigns.$inferSelect;

const SORTS: Record<string, Omit<SortSpec, "desc">> = {
  startsOn: { column: sql`${campaigns.startsOn}`, id: sql`${campaigns.id}`, cast: "date" },
  name: { column: sql`${campaigns.name}`, id: sql`${campaigns.id}`, cast: "text" },
  actualCost: { column: sql`${campaigns.actualCost}`, id: sql`${campaigns.id}`, cast: "numeric" },
  createdAt: { column: sql`${campaigns.createdAt}`, id: sql`${campaigns.id}`, cast: "timestamptz" },
};

/** Data access for campaigns and their cost lines. */
export function createCampaignsRepository() {
  return {
    /** Campaigns filtered, sorted and paged. */
    async list(tx: Queryable, workspaceId: string, q: ListCampaignsQuery) {
      const { key, desc } = parseSort<string>(q.sort, "-startsOn");
      const page = keyset({ ...(SORTS[key] ?? SORTS.startsOn!), desc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(campaigns.workspaceId, workspaceId), page.after];
      if (q.q) conds.push(ilike(campaigns.name, likePattern(q.q)));
      if (q.channel?.length) conds.push(inArray(campaigns.channel, q.channel));
      if (q.status?.length) conds.push(inArray(campaigns.status, q.status));
      const rows = await tx.select().from(campaigns).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => {
        const v = r[key as keyof CampaignRow];
        return v instanceof Date || typeof v === "string" || typeof v === "number" ? v : null;
      });
    },

    /** One campaign, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The owner's name. */
    async ownerName(tx: Queryable, ownerId: string | null): Promise<string | null> {
      if (!ownerId) return null;
      const res = await tx.execute<{ name: string }>(sql`select name from users where id = ${ownerId}`);
      return res.rows[0]?.name ?? null;
    },

    /** Inserts a campaign. */
    async insert(tx: Queryable, row: typeof campaigns.$inferInsert) {
      const [created] = await tx.insert(campaigns).values(row).returning();
      return created!;
    },

    /** Updates a campaign. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof campaigns.$inferInsert>) {
      const [row] = await tx.update(campaigns).set(patch).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id))).returning();
      return row ?? null;
    },

    /** Whether contacts, deals or touchpoints refer to the campaign. */
    async isReferenced(tx: Queryable, workspaceId: string, id: string): Promise<boolean> {
      const res = await tx.execute<{ used: boolean }>(sql`select exists(select 1 from contacts where workspace_id = ${workspaceId} and original_campaign_id = ${id})
        or exists(select 1 from deals where workspace_id = ${workspaceId} and source_campaign_id = ${id})
        or exists(select 1 from touchpoints where workspace_id = ${workspaceId} and campaign_id = ${id}) as used`);
      return res.rows[0]?.used ?? false;
    },

    /** The campaign's whitespace target. */
    async findTarget(tx: Queryable, workspaceId: string, campaignId: string) {
      const [row] = await tx
        .select({ productId: campaignWhitespaceTargets.productId, segment: campaignWhitespaceTargets.segment, customerStatus: campaignWhitespaceTargets.customerStatus })
        .from(campaignWhitespaceTargets)
        .where(and(eq(campaignWhitespaceTargets.workspaceId, workspaceId), eq(campaignWhitespaceTargets.campaignId, campaignId)));
      return row ?? null;
    },

    /** Sets (or replaces) the campaign's whitespace target. */
    async upsertTarget(tx: Queryable, row: typeof campaignWhitespaceTargets.$inferInsert) {
      await tx
        .insert(campaignWhitespaceTargets)
        .values(row)
        .onConflictDoUpdate({ target: [campaignWhitespaceTargets.workspaceId, campaignWhitespaceTargets.campaignId], set: { productId: row.productId, segment: row.segment ?? null, customerStatus: row.customerStatus } });
    },

    /** Removes the campaign's whitespace target; returns whether there was one. */
    async deleteTarget(tx: Queryable, workspaceId: string, campaignId: string): Promise<boolean> {
      const rows = await tx
        .delete(campaignWhitespaceTargets)
        .where(and(eq(campaignWhitespaceTargets.workspaceId, workspaceId), eq(campaignWhitespaceTargets.campaignId, campaignId)))
        .returning({ id: campaignWhitespaceTargets.campaignId });
      return rows.length > 0;
    },

    /** Deletes a campaign (cost lines cascade). */
    async delete(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(campaigns).where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
    },

    /** A campaign's cost lines, oldest first. */
    async listCosts(tx: Queryable, workspaceId: string, campaignId: string) {
      return tx
        .select()
        .from(campaignCosts)
        .where(and(eq(campaignCosts.workspaceId, workspaceId), eq(campaignCosts.campaignId, campaignId)))
        .orderBy(asc(campaignCosts.incurredOn), asc(campaignCosts.id));
    },

    /** Inserts a cost line. */
    async insertCost(tx: Queryable, row: typeof campaignCosts.$inferInsert) {
      const [created] = await tx.insert(campaignCosts).values(row).returning();
      return created!;
    },

    /** Deletes a cost line; returns it if it existed. */
    async deleteCost(tx: Queryable, workspaceId: string, campaignId: string, costId: string) {
      const [row] = await tx
        .delete(campaignCosts)
        .where(and(eq(campaignCosts.workspaceId, workspaceId), eq(campaignCosts.campaignId, campaignId), eq(campaignCosts.id, costId)))
        .returning();
      return row ?? null;
    },

    /** Sets actual_cost to the sum of the cost lines. */
    async recomputeActualCost(tx: Queryable, workspaceId: string, campaignId: string, now: Date) {
      await tx
        .update(campaigns)
        .set({
          actualCost: sql`(select coalesce(sum(amount), 0) from campaign_costs where workspace_id = ${workspaceId} and campaign_id = ${campaignId})`,
          updatedAt: now,
        })
        .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
