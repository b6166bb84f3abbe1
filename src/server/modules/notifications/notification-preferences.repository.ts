import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { notificationPreferences, users } from "../../db/schema/index.js";
import type { NotificationKind } from "../../../shared/contracts/notifications.js";

// The value the conflicting INSERT proposed for a column.
const sqlExcluded = (column: "in_app" | "email") => sql.raw(`excluded.${column}`);

export type PreferenceRow = { userId: string; kind: string; inApp: boolean; email: boolean };

/** Data access for users' notification preferences (absent rows mean the kind's defaults). */
export function createNotificationPreferencesRepository() {
  return {
    /** Every choice a user has made in the workspace. */
    async listForUser(tx: Queryable, workspaceId: string, userId: string): Promise<PreferenceRow[]> {
      return tx
        .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, inApp: notificationPreferences.inApp, email: notificationPreferences.email })
        .from(notificationPreferences)
        .where(and(eq(notificationPreferences.workspaceId, workspaceId), eq(notificationPreferences.userId, userId)));
    },

    /** The choices of some users for one kind (the recipients of a notification). */
    async forRecipients(tx: Queryable, workspaceId: string, userIds: readonly string[], kind: string): Promise<PreferenceRow[]> {
      if (userIds.length === 0) return [];
      return tx
        .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, inApp: notificationPreferences.inApp, email: notificationPreferences.email })
        .from(notificationPreferences)
        .where(and(eq(notificationPreferences.workspaceId, workspaceId), eq(notificationPreferences.kind, kind), inArray(notificationPreferences.userId, [...userIds])));
    },

    /** Stores a user's choices, replacing earlier ones for the same kinds. */
    async upsert(tx: Queryable, workspaceId: string, userId: string, choices: { kind: NotificationKind; inApp: boolean; email: boolean }[], now: Date) {
      if (choices.length === 0) return;
      await tx
        .insert(notificationPreferences)
        .values(choices.map((c) => ({ workspaceId, userId, kind: c.kind, inApp: c.inApp, email: c.email, updatedAt: now })))
        .onConflictDoUpdate({
          target: [notificationPreferences.workspaceId, notificationPreferences.userId, notificationPreferences.kind],
          set: { inApp: sqlExcluded("in_app"), email: sqlExcluded("email"), updatedAt: now },
        });
    },

    /** Forgets a user's choices for some kinds, so the defaults apply again. */
    async remove(tx: Queryable, workspaceId: string, userId: string, kinds: NotificationKind[]) {
      if (kinds.length === 0) return;
      await tx
        .delete(notificationPreferences)
        .where(and(eq(notificationPreferences.workspaceId, workspaceId), eq(notificationPreferences.userId, userId), inArray(notificationPreferences.kind, kinds)));
    },

    /** The address a user's e-mails go to (their login). */
    async addressOf(tx: Queryable, userId: string): Promise<string | null> {
      const [row] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
      return row?.email ?? null;
    },
  };
}

export type NotificationPreferencesRepository = ReturnType<typeof createNotificationPreferencesRepository>;
