import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { predictiveModels } from "../../db/schema/index.js";

export type ModelRow = typeof predictiveModels.$inferSelect;

/** Data access for trained predictive models: one active version per workspace, the rest superseded. */
export function createPredictiveRepository() {
  return {
    /** Versions, newest first. */
    list(tx: Queryable, workspaceId: string, limit: number) {
      return tx.select().from(predictiveModels).where(eq(predictiveModels.workspaceId, workspaceId)).orderBy(desc(predictiveModels.version)).limit(limit);
    },

    /** The active version, if any. */
    async findActive(tx: Queryable, workspaceId: string) {
      const [row] = await tx.select().from(predictiveModels).where(and(eq(predictiveModels.workspaceId, workspaceId), eq(predictiveModels.status, "active")));
      return row ?? null;
    },

    /** Serialises training requests, version numbering and activation per workspace. */
    async lockWorkspaceModels(tx: Queryable, workspaceId: string) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('predictive_models'), hashtext(${workspaceId}))`);
    },

    /** The next version number (callers hold the workspace's model lock). */
    async nextVersion(tx: Queryable, workspaceId: string): Promise<number> {
      const res = await tx.execute<{ v: number }>(sql`select coalesce(max(version), 0) + 1 as v from predictive_models where workspace_id = ${workspaceId}`);
      return res.rows[0]?.v ?? 1;
    },

    /** Marks the active version superseded. */
    async supersedeActive(tx: Queryable, workspaceId: string) {
      await tx
        .update(predictiveModels)
        .set({ status: "superseded" })
        .where(and(eq(predictiveModels.workspaceId, workspaceId), eq(predictiveModels.status, "active")));
    },

    /** Inserts a version. */
    async insert(tx: Queryable, row: typeof predictiveModels.$inferInsert) {
      const [created] = await tx.insert(predictiveModels).values(row).returning();
      return created!;
    },
  };
}

export type PredictiveRepository = ReturnType<typeof createPredictiveRepository>;
