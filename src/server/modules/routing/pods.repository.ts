import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { memberships, podMembers, pods, users } from "../../db/schema/index.js";

export type PodRow = typeof pods.$inferSelect;

const podColumns = { pod: pods, sdrName: sql<string | null>`(select u.name from users u where u.id = ${pods.sdrId})` };

/** Data access for SDR pods and their account executives. */
export function createPodsRepository() {
  return {
    /** Every pod by name, with its SDR's name. */
    async listPods(tx: Queryable, workspaceId: string) {
      const rows = await tx.select(podColumns).from(pods).where(eq(pods.workspaceId, workspaceId)).orderBy(asc(pods.name), asc(pods.id));
      return rows.map((r) => ({ ...r.pod, sdrName: r.sdrName }));
    },

    /** One pod with its SDR's name, optionally locked. */
    async findPod(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select(podColumns).from(pods).where(and(eq(pods.workspaceId, workspaceId), eq(pods.id, id)));
      const [row] = lock ? await base.for("update", { of: pods }) : await base;
      return row ? { ...row.pod, sdrName: row.sdrName } : null;
    },

    /** The account executives of some pods, by name. */
    async membersOf(tx: Queryable, workspaceId: string, podIds: string[]) {
      if (podIds.length === 0) return [];
      return tx
        .select({ podId: podMembers.podId, userId: podMembers.userId, name: users.name })
        .from(podMembers)
        .innerJoin(users, eq(users.id, podMembers.userId))
        // A deactivated AE no longer counts towards the pod's ratio.
        .innerJoin(memberships, and(eq(memberships.workspaceId, podMembers.workspaceId), eq(memberships.userId, podMembers.userId), isNull(memberships.deactivatedAt)))
        .where(and(eq(podMembers.workspaceId, workspaceId), inArray(podMembers.podId, podIds)))
        .orderBy(asc(users.name), asc(podMembers.userId));
    },

    /** Which of the users already serve another pod, with that pod's name. */
    async podsOfMembers(tx: Queryable, workspaceId: string, userIds: string[], exceptPodId: string | null) {
      if (userIds.length === 0) return [];
      const conds = [eq(podMembers.workspaceId, workspaceId), inArray(podMembers.userId, userIds)];
      if (exceptPodId) conds.push(ne(podMembers.podId, exceptPodId));
      return tx
        .select({ userId: podMembers.userId, podName: pods.name })
        .from(podMembers)
        .innerJoin(pods, and(eq(pods.workspaceId, podMembers.workspaceId), eq(pods.id, podMembers.podId)))
        .where(and(...conds));
    },

    /** The pod an SDR leads, if any (other than `exceptPodId`). */
    async podOfSdr(tx: Queryable, workspaceId: string, sdrId: string, exceptPodId: string | null) {
      const conds = [eq(pods.workspaceId, workspaceId), eq(pods.sdrId, sdrId)];
      if (exceptPodId) conds.push(ne(pods.id, exceptPodId));
      const [row] = await tx.select({ id: pods.id, name: pods.name }).from(pods).where(and(...conds));
      return row ?? null;
    },

    /** Inserts a pod. */
    async insertPod(tx: Queryable, row: typeof pods.$inferInsert) {
      await tx.insert(pods).values(row);
    },

    /** Updates a pod. */
    async updatePod(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof pods.$inferInsert>) {
      await tx.update(pods).set(patch).where(and(eq(pods.workspaceId, workspaceId), eq(pods.id, id)));
    },

    /** Deletes a pod (its member rows cascade). */
    async deletePod(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(pods).where(and(eq(pods.workspaceId, workspaceId), eq(pods.id, id)));
    },

    /** Replaces a pod's account executives. */
    async replaceMembers(tx: Queryable, workspaceId: string, podId: string, userIds: string[], at: Date) {
      await tx.delete(podMembers).where(and(eq(podMembers.workspaceId, workspaceId), eq(podMembers.podId, podId)));
      if (userIds.length > 0) await tx.insert(podMembers).values(userIds.map((userId) => ({ workspaceId, podId, userId, createdAt: at })));
    },
  };
}

export type PodsRepository = ReturnType<typeof createPodsRepository>;
