import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { reviewActions, reviews } from "../../db/schema/index.js";

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewActionRow = typeof reviewActions.$inferSelect & { agreedIn: string; ownerName: string };

const actionColumns = {
  workspaceId: reviewActions.workspaceId,
  id: reviewActions.id,
  reviewId: reviewActions.reviewId,
  title: reviewActions.title,
  ownerId: reviewActions.ownerId,
  dueOn: reviewActions.dueOn,
  status: reviewActions.status,
  outcome: reviewActions.outcome,
  closedAt: reviewActions.closedAt,
  createdBy: reviewActions.createdBy,
  createdAt: reviewActions.createdAt,
  updatedAt: reviewActions.updatedAt,
  agreedIn: reviews.quarter,
  ownerName: sql<string>`(select u.name from users u where u.id = "review_actions"."owner_id")`,
};

/** Quarterly reviews and their actions; every function takes the workspace id first. */
export function createReviewsRepository() {
  return {
    /** Reviews newest quarter first, with their action counts. */
    async list(tx: Tx, workspaceId: string) {
      return tx
        .select({
          id: reviews.id,
          quarter: reviews.quarter,
          title: reviews.title,
          status: reviews.status,
          generatedAt: reviews.generatedAt,
          // Qualified by hand: drizzle writes a bare column name inside a sql template, which the subquery would bind to itself.
          actions: sql<number>`(select count(*)::int from review_actions a where a.workspace_id = "reviews"."workspace_id" and a.review_id = "reviews"."id")`,
          openActions: sql<number>`(select count(*)::int from review_actions a where a.workspace_id = "reviews"."workspace_id" and a.review_id = "reviews"."id" and a.status = 'open')`,
        })
        .from(reviews)
        .where(eq(reviews.workspaceId, workspaceId))
        .orderBy(desc(reviews.quarter));
    },

    /** One review, locked for update when asked. */
    async find(tx: Tx, workspaceId: string, id: string, forUpdate = false): Promise<(ReviewRow & { createdByName: string | null }) | undefined> {
      const q = tx
        .select({ review: reviews, createdByName: sql<string | null>`(select u.name from users u where u.id = "reviews"."created_by")` })
        .from(reviews)
        .where(and(eq(reviews.workspaceId, workspaceId), eq(reviews.id, id)));
      const rows = forUpdate ? await q.for("update", { of: reviews }) : await q;
      const r = rows[0];
      return r ? { ...r.review, createdByName: r.createdByName } : undefined;
    },

    /** Whether a review of the quarter exists. */
    async findByQuarter(tx: Tx, workspaceId: string, quarter: string) {
      const rows = await tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.workspaceId, workspaceId), eq(reviews.quarter, quarter)));
      return rows[0];
    },

    async insert(tx: Tx, row: typeof reviews.$inferInsert) {
      await tx.insert(reviews).values(row);
    },

    async update(tx: Tx, workspaceId: string, id: string, patch: Partial<typeof reviews.$inferInsert>) {
      await tx.update(reviews).set(patch).where(and(eq(reviews.workspaceId, workspaceId), eq(reviews.id, id)));
    },

    /** Actions agreed in one review, by due date. */
    async actionsOf(tx: Tx, workspaceId: string, reviewId: string): Promise<ReviewActionRow[]> {
      return tx
        .select(actionColumns)
        .from(reviewActions)
        .innerJoin(reviews, and(eq(reviews.workspaceId, reviewActions.workspaceId), eq(reviews.id, reviewActions.reviewId)))
        .where(and(eq(reviewActions.workspaceId, workspaceId), eq(reviewActions.reviewId, reviewId)))
        .orderBy(asc(reviewActions.dueOn), asc(reviewActions.id));
    },

    /** Actions agreed in reviews of earlier quarters that were still open at `at`: open now, or closed after it. */
    async carriedInto(tx: Tx, workspaceId: string, quarter: string, at: Date): Promise<ReviewActionRow[]> {
      return tx
        .select(actionColumns)
        .from(reviewActions)
        .innerJoin(reviews, and(eq(reviews.workspaceId, reviewActions.workspaceId), eq(reviews.id, reviewActions.reviewId)))
        .where(
          and(
            eq(reviewActions.workspaceId, workspaceId),
            lt(reviews.quarter, quarter),
            sql`(${reviewActions.closedAt} is null or ${reviewActions.closedAt} > ${at.toISOString()}::timestamptz)`,
          ),
        )
        .orderBy(asc(reviewActions.dueOn), asc(reviewActions.id));
    },

    /** Actions across reviews, by due date, optionally of one status and owner. */
    async listActions(tx: Tx, workspaceId: string, filter: { status?: string; ownerId?: string }): Promise<ReviewActionRow[]> {
      const conds = [eq(reviewActions.workspaceId, workspaceId)];
      if (filter.status) conds.push(eq(reviewActions.status, filter.status as "open"));
      if (filter.ownerId) conds.push(eq(reviewActions.ownerId, filter.ownerId));
      return tx
        .select(actionColumns)
        .from(reviewActions)
        .innerJoin(reviews, and(eq(reviews.workspaceId, reviewActions.workspaceId), eq(reviews.id, reviewActions.reviewId)))
        .where(and(...conds))
        .orderBy(asc(reviewActions.dueOn), asc(reviewActions.id))
        .limit(500);
    },

    async findAction(tx: Tx, workspaceId: string, id: string, forUpdate = false): Promise<ReviewActionRow | undefined> {
      const q = tx
        .select(actionColumns)
        .from(reviewActions)
        .innerJoin(reviews, and(eq(reviews.workspaceId, reviewActions.workspaceId), eq(reviews.id, reviewActions.reviewId)))
        .where(and(eq(reviewActions.workspaceId, workspaceId), eq(reviewActions.id, id)));
      const rows = forUpdate ? await q.for("update", { of: reviewActions }) : await q;
      return rows[0];
    },

    async insertAction(tx: Tx, row: typeof reviewActions.$inferInsert) {
      await tx.insert(reviewActions).values(row);
    },

    async updateAction(tx: Tx, workspaceId: string, id: string, patch: Partial<typeof reviewActions.$inferInsert>) {
      await tx.update(reviewActions).set(patch).where(and(eq(reviewActions.workspaceId, workspaceId), eq(reviewActions.id, id)));
    },

    /** Whether a user is an active member of the workspace (action owners must be). */
    async isMember(tx: Tx, workspaceId: string, userId: string): Promise<boolean> {
      const res = await tx.execute(sql`select 1 from memberships where workspace_id = ${workspaceId} and user_id = ${userId} and deactivated_at is null`);
      return res.rows.length > 0;
    },
  };
}

export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;
