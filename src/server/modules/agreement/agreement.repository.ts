import { and, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { leadDefinitions } from "../../db/schema/index.js";

export type DefinitionRow = typeof leadDefinitions.$inferSelect;

/** Data access for lead definition versions. */
export function createAgreementRepository() {
  return {
    /** All versions, newest first. */
    list(tx: Queryable, workspaceId: string) {
      return tx.select().from(leadDefinitions).where(eq(leadDefinitions.workspaceId, workspaceId)).orderBy(desc(leadDefinitions.version));
    },

    /** One version, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(leadDefinitions).where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** The active version, if any. */
    async findActive(tx: Queryable, workspaceId: string) {
      const [row] = await tx.select().from(leadDefinitions).where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.status, "active")));
      return row ?? null;
    },

    /** The next version number (callers hold the workspace's definition lock). */
    async nextVersion(tx: Queryable, workspaceId: string): Promise<number> {
      const res = await tx.execute<{ v: number }>(sql`select coalesce(max(version), 0) + 1 as v from lead_definitions where workspace_id = ${workspaceId}`);
      return res.rows[0]?.v ?? 1;
    },

    /** Serialises version numbering and activation per workspace. */
    async lockWorkspaceDefinitions(tx: Queryable, workspaceId: string) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('lead_definitions'), hashtext(${workspaceId}))`);
    },

    /** Inserts a version. */
    async insert(tx: Queryable, row: typeof leadDefinitions.$inferInsert) {
      const [created] = await tx.insert(leadDefinitions).values(row).returning();
      return created!;
    },

    /** Updates a version. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof leadDefinitions.$inferInsert>) {
      const [row] = await tx.update(leadDefinitions).set(patch).where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.id, id))).returning();
      return row!;
    },

    /** Deletes a draft. */
    async delete(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(leadDefinitions).where(and(eq(leadDefinitions.workspaceId, workspaceId), eq(leadDefinitions.id, id)));
    },
  };
}

export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
