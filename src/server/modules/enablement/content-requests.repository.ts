import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { assets, contentRequests, users } from "../../db/schema/index.js";
import type { RequestStatus } from "../../../shared/domain/content.js";

export type ContentRequestRow = typeof contentRequests.$inferSelect;

const byId = (workspaceId: string, id: string) => and(eq(contentRequests.workspaceId, workspaceId), eq(contentRequests.id, id));

/** Data access for content requests (sales asking marketing for what is missing). */
export function createContentRequestsRepository() {
  return {
    /** One request, optionally locked. */
    async find(tx: Queryable, workspaceId: string, id: string, lock = false): Promise<ContentRequestRow | null> {
      const q = tx.select().from(contentRequests).where(byId(workspaceId, id));
      const [row] = lock ? await q.for("update") : await q;
      return row ?? null;
    },

    /** Requests by status and requester, high priority first, then oldest first (the board's order). */
    list(tx: Queryable, workspaceId: string, f: { statuses?: RequestStatus[]; requestedBy?: string }, limit = 500) {
      const parts: SQL[] = [eq(contentRequests.workspaceId, workspaceId)];
      if (f.statuses?.length) parts.push(inArray(contentRequests.status, f.statuses));
      if (f.requestedBy) parts.push(eq(contentRequests.requestedBy, f.requestedBy));
      return tx.select().from(contentRequests).where(and(...parts))
        .orderBy(sql`case ${contentRequests.priority} when 'high' then 0 when 'medium' then 1 else 2 end`, asc(contentRequests.createdAt), asc(contentRequests.id))
        .limit(limit);
    },

    /** Inserts a request. */
    async insert(tx: Queryable, row: typeof contentRequests.$inferInsert): Promise<void> {
      await tx.insert(contentRequests).values(row);
    },

    /** Changes a request. */
    async update(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof contentRequests.$inferInsert>): Promise<void> {
      await tx.update(contentRequests).set(patch).where(byId(workspaceId, id));
    },

    /** Titles of some assets of the workspace, by id. */
    async assetTitles(tx: Queryable, workspaceId: string, ids: (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: assets.id, title: assets.title }).from(assets).where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, wanted)));
      return new Map(rows.map((r) => [r.id, r.title]));
    },

    /** Names of members by user id. */
    async userNames(tx: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (wanted.length === 0) return new Map();
      const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}

export type ContentRequestsRepository = ReturnType<typeof createContentRequestsRepository>;
