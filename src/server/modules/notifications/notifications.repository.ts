import { and, eq, inArray, isNull, notInArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { memberships, notifications } from "../../db/schema/index.js";
import type { Role } from "../../../shared/domain/roles.js";
import type { ListNotificationsQuery } from "../../../shared/contracts/notifications.js";
import { keyset, likePattern, parseSort, toPage } from "../../platform/pagination.js";

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;

// Kinds the user turned off in the app stay out of the feed and the unread count, including rows stored earlier.
const visibleKinds = (hidden: readonly string[]) => (hidden.length > 0 ? notInArray(notifications.kind, [...hidden]) : undefined);

/** Data access for in-app notifications. */
export function createNotificationsRepository() {
  return {
    /** Notifications about a contact or quoting any of the terms (an erased person's e-mail and names). */
    async mentioning(tx: Queryable, workspaceId: string, contactId: string, terms: readonly string[]) {
      const patterns = [contactId, ...terms].map(likePattern);
      const arr = sql`array[${sql.join(patterns.map((p) => sql`${p}`), sql`, `)}]::text[]`;
      return tx
        .select({ id: notifications.id, title: notifications.title, body: notifications.body, link: notifications.link, entityId: notifications.entityId })
        .from(notifications)
        .where(and(eq(notifications.workspaceId, workspaceId), sql`(${notifications.entityId} = ${contactId} or ${notifications.title} ilike any(${arr}) or ${notifications.body} ilike any(${arr}) or ${notifications.link} ilike any(${arr}))`));
    },

    /** Rewrites a notification's texts. */
    async rewrite(tx: Queryable, workspaceId: string, id: string, patch: { title: string; body: string | null; link: string | null; entityId?: null }) {
      await tx.update(notifications).set(patch).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
    },

    /** Stores notifications. */
    async insertMany(tx: Queryable, rows: NewNotification[]) {
      if (rows.length > 0) await tx.insert(notifications).values(rows);
    },

    /** A user's notifications, newest first, without the kinds they hide. */
    async listForUser(tx: Queryable, workspaceId: string, userId: string, q: ListNotificationsQuery, hidden: readonly string[] = []) {
      const { desc: isDesc } = parseSort(q.sort, "-createdAt");
      const page = keyset({ column: sql`${notifications.createdAt}`, id: sql`${notifications.id}`, cast: "timestamptz", desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), page.after, visibleKinds(hidden)];
      if (q.unread === true) conds.push(isNull(notifications.readAt));
      if (q.unread === false) conds.push(sql`${notifications.readAt} is not null`);
      const rows = await tx.select().from(notifications).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      return toPage(rows, q.limit, (r) => r.createdAt);
    },

    /** How many of a user's notifications (of kinds they see) are unread. */
    async unreadCount(tx: Queryable, workspaceId: string, userId: string, hidden: readonly string[] = []) {
      const [row] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt), visibleKinds(hidden)));
      return row?.n ?? 0;
    },

    /** Marks some (or all) of a user's notifications read; returns how many changed. */
    async markRead(tx: Queryable, workspaceId: string, userId: string, ids: string[] | "all", now: Date) {
      const conds = [eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), isNull(notifications.readAt)];
      if (ids !== "all") conds.push(inArray(notifications.id, ids));
      const rows = await tx.update(notifications).set({ readAt: now }).where(and(...conds)).returning({ id: notifications.id });
      return rows.length;
    },

    /** Active members holding one of the roles (recipients for "the other side"). */
    async membersWithRoles(tx: Queryable, workspaceId: string, roles: readonly Role[]) {
      const rows = await tx
        .select({ userId: memberships.userId, role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, [...roles]), isNull(memberships.deactivatedAt)));
      return rows;
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
