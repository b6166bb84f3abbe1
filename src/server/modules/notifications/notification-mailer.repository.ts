import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { notifications, workspaces } from "../../db/schema/index.js";

/** A notification whose e-mail is due, with its recipient (null address: no longer an active member). */
export type DueEmail = {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  attempts: number;
  recipientName: string | null;
  recipientAddress: string | null;
};

// While an e-mail is pending, `emailed_at` is the time of the last attempt and `email_error` reads
// "attempt N of M failed: …" — the attempt count and the backoff live in the columns the schema has.
const attemptsSql = sql.raw(`coalesce(substring(n.email_error from '^attempt ([0-9]+) of')::int, 0)`);

/** Data access for the e-mail copies of notifications. */
export function createNotificationMailerRepository() {
  return {
    /**
     * Locks up to `limit` pending e-mails that are due (never tried, or their backoff after the last attempt has
     * passed), oldest first. SKIP LOCKED: rows another sender holds are left to it, so no e-mail is sent twice.
     */
    async claimDue(tx: Queryable, workspaceId: string, now: Date, backoffMinutes: readonly number[], limit: number): Promise<DueEmail[]> {
      const backoff = sql.raw(`array[${backoffMinutes.map((m) => Math.trunc(m)).join(",")}]::int[]`);
      const res = await tx.execute<{ id: string; kind: string; title: string; body: string | null; link: string | null; attempts: number; name: string | null; email: string | null }>(sql`
        select n.id, n.kind, n.title, n.body, n.link, ${attemptsSql} as attempts, u.name, u.email
        from notifications n
        left join memberships m on m.workspace_id = n.workspace_id and m.user_id = n.user_id and m.deactivated_at is null
        left join users u on u.id = m.user_id and u.disabled_at is null
        where n.workspace_id = ${workspaceId} and n.email_status = 'pending'
          and (n.emailed_at is null
            or n.emailed_at + make_interval(mins => (${backoff})[least(greatest(${attemptsSql}, 1), ${backoffMinutes.length})]) <= ${now}::timestamptz)
        order by n.created_at, n.id
        limit ${limit}
        for update of n skip locked`);
      return res.rows.map((r) => ({ id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, attempts: Number(r.attempts), recipientName: r.name, recipientAddress: r.email }));
    },

    /** Records a sent e-mail. */
    async markSent(tx: Queryable, workspaceId: string, id: string, now: Date) {
      await tx.update(notifications).set({ emailStatus: "sent", emailedAt: now, emailError: null }).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
    },

    /** Records a failed attempt that will be retried after its backoff. */
    async markRetry(tx: Queryable, workspaceId: string, id: string, attempt: number, maxAttempts: number, error: string, now: Date) {
      await tx
        .update(notifications)
        .set({ emailedAt: now, emailError: `attempt ${attempt} of ${maxAttempts} failed: ${error}` })
        .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
    },

    /** Gives up on an e-mail, keeping the last error. */
    async markFailed(tx: Queryable, workspaceId: string, id: string, error: string, now: Date) {
      await tx.update(notifications).set({ emailStatus: "failed", emailedAt: now, emailError: error }).where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.id, id)));
    },

    /** The workspace's name, for the subject and footer. */
    async workspaceName(tx: Queryable, workspaceId: string): Promise<string> {
      const [row] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
      return row?.name ?? "Tandem";
    },
  };
}

export type NotificationMailerRepository = ReturnType<typeof createNotificationMailerRepository>;
