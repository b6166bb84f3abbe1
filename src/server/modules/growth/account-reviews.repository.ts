import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { accountReviewContacts, accountReviewMembers, accountReviews } from "../../db/schema/index.js";

export type AccountReviewRow = typeof accountReviews.$inferSelect;

/** Writes of account business reviews and their attendees (reads with names: reports/account-reviews.report.ts). */
export function createAccountReviewsRepository() {
  return {
    /** One review row, optionally locked. */
    async findById(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select().from(accountReviews).where(and(eq(accountReviews.workspaceId, workspaceId), eq(accountReviews.id, id)));
      const [row] = lock ? await base.for("update") : await base;
      return row ?? null;
    },

    /** Inserts a review. */
    async insert(tx: Queryable, row: typeof accountReviews.$inferInsert) {
      const [created] = await tx.insert(accountReviews).values(row).returning();
      return created!;
    },

    /** Updates a review. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof accountReviews.$inferInsert>) {
      await tx.update(accountReviews).set(patch).where(and(eq(accountReviews.workspaceId, workspaceId), eq(accountReviews.id, id)));
    },

    /** Replaces our attendees. */
    async setMembers(tx: Queryable, workspaceId: string, reviewId: string, userIds: string[]) {
      await tx.delete(accountReviewMembers).where(and(eq(accountReviewMembers.workspaceId, workspaceId), eq(accountReviewMembers.reviewId, reviewId)));
      if (userIds.length) await tx.insert(accountReviewMembers).values([...new Set(userIds)].map((userId) => ({ workspaceId, reviewId, userId })));
    },

    /** Replaces the customer's attendees. */
    async setContacts(tx: Queryable, workspaceId: string, reviewId: string, contactIds: string[]) {
      await tx.delete(accountReviewContacts).where(and(eq(accountReviewContacts.workspaceId, workspaceId), eq(accountReviewContacts.reviewId, reviewId)));
      if (contactIds.length) await tx.insert(accountReviewContacts).values([...new Set(contactIds)].map((contactId) => ({ workspaceId, reviewId, contactId })));
    },

    /** The ids that are not members of the workspace (the foreign key would refuse them without naming the field). */
    async nonMembers(tx: Queryable, workspaceId: string, userIds: string[]): Promise<string[]> {
      if (userIds.length === 0) return [];
      const res = await tx.execute<{ id: string }>(sql`
        select u.id from unnest(array[${sql.join(userIds.map((id) => sql`${id}`), sql`, `)}]::uuid[]) as u(id)
        where not exists (select 1 from memberships m where m.workspace_id = ${workspaceId} and m.user_id = u.id)`);
      return res.rows.map((r) => r.id);
    },
  };
}

export type AccountReviewsRepository = ReturnType<typeof createAccountReviewsRepository>;
