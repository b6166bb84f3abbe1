import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { compAssignments, compPlans, compStatements, memberships, users } from "../../db/schema/index.js";

export type CompPlanRow = typeof compPlans.$inferSelect;
export type CompStatementRow = typeof compStatements.$inferSelect;

/** Data access for commission plans, who is on which, and finalised statements. */
export function createCompRepository() {
  return {
    /** Every plan, by name. */
    async listPlans(tx: Queryable, workspaceId: string) {
      return tx.select().from(compPlans).where(eq(compPlans.workspaceId, workspaceId)).orderBy(asc(compPlans.name));
    },

    /** One plan, optionally locked. */
    async findPlan(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(compPlans).where(and(eq(compPlans.workspaceId, workspaceId), eq(compPlans.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** Whether another plan has this name. */
    async nameTaken(tx: Queryable, workspaceId: string, name: string, exceptId: string | null) {
      const [row] = await tx.select({ id: compPlans.id }).from(compPlans).where(and(eq(compPlans.workspaceId, workspaceId), sql`lower(${compPlans.name}) = lower(${name})`));
      return !!row && row.id !== exceptId;
    },

    /** Inserts a plan. */
    async insertPlan(tx: Queryable, row: typeof compPlans.$inferInsert) {
      const [created] = await tx.insert(compPlans).values(row).returning();
      return created!;
    },

    /** Updates a plan. */
    async updatePlan(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof compPlans.$inferInsert>) {
      const [row] = await tx.update(compPlans).set(patch).where(and(eq(compPlans.workspaceId, workspaceId), eq(compPlans.id, id))).returning();
      return row!;
    },

    /** Deletes a plan (its assignments cascade; finalised statements keep its name and kind). */
    async deletePlan(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(compPlans).where(and(eq(compPlans.workspaceId, workspaceId), eq(compPlans.id, id)));
    },

    /** Who is on which plan, with names. */
    async assignments(tx: Queryable, workspaceId: string) {
      return tx
        .select({ userId: compAssignments.userId, planId: compAssignments.planId, name: users.name })
        .from(compAssignments)
        .innerJoin(users, eq(users.id, compAssignments.userId))
        .where(eq(compAssignments.workspaceId, workspaceId))
        .orderBy(asc(users.name));
    },

    /** Puts exactly these reps on the plan (moving them off any other plan). */
    async setReps(tx: Queryable, workspaceId: string, planId: string, userIds: string[], at: Date) {
      await tx.delete(compAssignments).where(and(eq(compAssignments.workspaceId, workspaceId), eq(compAssignments.planId, planId)));
      if (userIds.length === 0) return;
      await tx.delete(compAssignments).where(and(eq(compAssignments.workspaceId, workspaceId), inArray(compAssignments.userId, userIds)));
      await tx.insert(compAssignments).values(userIds.map((userId) => ({ workspaceId, userId, planId, createdAt: at })));
    },

    /** Members with their names and roles (for checks and labels). */
    async members(tx: Queryable, workspaceId: string, userIds?: string[]) {
      const conds = [eq(memberships.workspaceId, workspaceId)];
      if (userIds) conds.push(userIds.length ? inArray(memberships.userId, userIds) : sql`false`);
      return tx.select({ userId: memberships.userId, name: users.name, role: memberships.role }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(and(...conds)).orderBy(asc(users.name));
    },

    /** Finalised statements of a month (optionally one rep). */
    async statements(tx: Queryable, workspaceId: string, month: string, userId?: string) {
      const conds = [eq(compStatements.workspaceId, workspaceId), eq(compStatements.month, month)];
      if (userId) conds.push(eq(compStatements.userId, userId));
      return tx.select().from(compStatements).where(and(...conds));
    },

    /** Stores a finalised statement; false when the rep's month was finalised already. */
    async insertStatement(tx: Queryable, row: typeof compStatements.$inferInsert): Promise<boolean> {
      const res = await tx.insert(compStatements).values(row).onConflictDoNothing().returning({ id: compStatements.id });
      return res.length > 0;
    },
  };
}

export type CompRepository = ReturnType<typeof createCompRepository>;
