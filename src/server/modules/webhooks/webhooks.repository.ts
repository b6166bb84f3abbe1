import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../db/schema/index.js";
import type { ListWebhookDeliveriesQuery } from "../../../shared/contracts/webhooks.js";
import { keyset, likePattern, parseSort, toPage } from "../../platform/pagination.js";

const anyOf = (needles: readonly string[]) => sql`array[${sql.join(needles.map((n) => sql`${likePattern(n)}`), sql`, `)}]::text[]`;

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

/** The channel a committed delivery is announced on (pg_notify is transactional: a rollback announces nothing). */
export const WEBHOOKS_CHANNEL = "tandem_webhooks";

// Spelled out: in a one-table select Drizzle renders columns unqualified, which inside this subquery would bind to d.
const OF_ENDPOINT = sql.raw("d.workspace_id = webhook_endpoints.workspace_id and d.endpoint_id = webhook_endpoints.id");

const countOf = (status: "pending" | "failed") =>
  sql<number>`(select count(*)::int from webhook_deliveries d where ${OF_ENDPOINT} and d.status = ${status})`;

const endpointColumns = {
  endpoint: webhookEndpoints,
  pendingCount: countOf("pending"),
  failedCount: countOf("failed"),
  lastDeliveryAt: sql<Date | null>`(select max(d.created_at) from webhook_deliveries d where ${OF_ENDPOINT})`.mapWith(
    (v: string | Date | null) => (v === null ? null : new Date(v)),
  ),
};

/** An endpoint row with its delivery counts. */
function withCounts(r: { endpoint: EndpointRow; pendingCount: number; failedCount: number; lastDeliveryAt: Date | null }) {
  return { ...r.endpoint, pendingCount: r.pendingCount, failedCount: r.failedCount, lastDeliveryAt: r.lastDeliveryAt };
}
export type EndpointWithCounts = ReturnType<typeof withCounts>;

const byEndpoint = (workspaceId: string, id: string) => and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.id, id));
const byDelivery = (workspaceId: string, id: string) => and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id));

/** Data access for webhook endpoints, deliveries and attempts. */
export function createWebhooksRepository() {
  return {
    /** Every endpoint of the workspace, oldest first. */
    async listEndpoints(tx: Queryable, workspaceId: string) {
      const rows = await tx.select(endpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
      return rows.map(withCounts);
    },

    /** One endpoint with counts, optionally locked. */
    async findEndpoint(tx: Queryable, workspaceId: string, id: string, lock = false) {
      const base = tx.select(endpointColumns).from(webhookEndpoints).where(byEndpoint(workspaceId, id));
      const [row] = lock ? await base.for("update", { of: webhookEndpoints }) : await base;
      return row ? withCounts(row) : null;
    },

    /** How many endpoints the workspace has. */
    async countEndpoints(tx: Queryable, workspaceId: string): Promise<number> {
      const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(webhookEndpoints).where(eq(webhookEndpoints.workspaceId, workspaceId));
      return row?.n ?? 0;
    },

    /** Inserts an endpoint. */
    async insertEndpoint(tx: Queryable, row: typeof webhookEndpoints.$inferInsert) {
      await tx.insert(webhookEndpoints).values(row);
    },

    /** Updates an endpoint. */
    async updateEndpoint(tx: Queryable, workspaceId: string, id: string, patch: Partial<typeof webhookEndpoints.$inferInsert>) {
      await tx.update(webhookEndpoints).set(patch).where(byEndpoint(workspaceId, id));
    },

    /** Deletes an endpoint with its deliveries and attempts (cascade). */
    async deleteEndpoint(tx: Queryable, workspaceId: string, id: string) {
      await tx.delete(webhookEndpoints).where(byEndpoint(workspaceId, id));
    },

    /** Ids of the enabled endpoints subscribed to `type` (an empty filter subscribes to everything). */
    async subscribedEndpointIds(tx: Queryable, workspaceId: string, type: string): Promise<string[]> {
      const rows = await tx
        .select({ id: webhookEndpoints.id })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.workspaceId, workspaceId), eq(webhookEndpoints.enabled, true), sql`(${webhookEndpoints.events} = '[]'::jsonb or ${webhookEndpoints.events} ? ${type})`));
      return rows.map((r) => r.id);
    },

    /** Inserts deliveries. */
    async insertDeliveries(tx: Queryable, rows: (typeof webhookDeliveries.$inferInsert)[]) {
      if (rows.length > 0) await tx.insert(webhookDeliveries).values(rows);
    },

    /** Fails every pending delivery of an endpoint (it was disabled). */
    async failPending(tx: Queryable, workspaceId: string, endpointId: string, error: string) {
      await tx
        .update(webhookDeliveries)
        .set({ status: "failed", nextAttemptAt: null, lastError: error })
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "pending")));
    },

    /** Deliveries whose payload or last error quotes any of the needles (an erased contact's id, e-mail, names). */
    async deliveriesMentioning(tx: Queryable, workspaceId: string, needles: readonly string[]) {
      const arr = anyOf(needles);
      return tx
        .select({ id: webhookDeliveries.id, payload: webhookDeliveries.payload, lastError: webhookDeliveries.lastError })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), sql`(${webhookDeliveries.payload}::text ilike any(${arr}) or ${webhookDeliveries.lastError} ilike any(${arr}))`));
    },

    /** Attempts whose error or response snippet quotes any of the needles (a receiver may echo the payload). */
    async attemptsMentioning(tx: Queryable, workspaceId: string, needles: readonly string[]) {
      const arr = anyOf(needles);
      return tx
        .select({ id: webhookAttempts.id, error: webhookAttempts.error, responseSnippet: webhookAttempts.responseSnippet })
        .from(webhookAttempts)
        .where(and(eq(webhookAttempts.workspaceId, workspaceId), sql`(${webhookAttempts.error} ilike any(${arr}) or ${webhookAttempts.responseSnippet} ilike any(${arr}))`));
    },

    /** Rewrites a delivery's payload and last error (erasure). */
    async rewriteDelivery(tx: Queryable, workspaceId: string, id: string, patch: { payload: Record<string, unknown>; lastError: string | null }) {
      await tx.update(webhookDeliveries).set(patch).where(byDelivery(workspaceId, id));
    },

    /** Rewrites an attempt's error and response snippet (erasure). */
    async rewriteAttempt(tx: Queryable, workspaceId: string, id: string, patch: { error: string | null; responseSnippet: string | null }) {
      await tx.update(webhookAttempts).set(patch).where(and(eq(webhookAttempts.workspaceId, workspaceId), eq(webhookAttempts.id, id)));
    },

    /** One delivery. */
    async findDelivery(tx: Queryable, workspaceId: string, id: string) {
      const [row] = await tx.select().from(webhookDeliveries).where(byDelivery(workspaceId, id));
      return row ?? null;
    },

    /** An endpoint's deliveries, newest first by default, each with its attempts in order. */
    async listDeliveries(tx: Queryable, workspaceId: string, endpointId: string, q: ListWebhookDeliveriesQuery) {
      const { desc: isDesc } = parseSort(q.sort, "-createdAt");
      const page = keyset({ column: sql`${webhookDeliveries.createdAt}`, id: sql`${webhookDeliveries.id}`, cast: "timestamptz", desc: isDesc }, q.cursor);
      const conds: (SQL | undefined)[] = [eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.endpointId, endpointId), page.after];
      if (q.status) conds.push(eq(webhookDeliveries.status, q.status));
      const rows = await tx.select().from(webhookDeliveries).where(and(...conds)).orderBy(page.orderBy).limit(q.limit + 1);
      const result = toPage(rows, q.limit, (r) => r.createdAt);
      const ids = result.items.map((d) => d.id);
      const attempts = ids.length
        ? await tx.select().from(webhookAttempts).where(and(eq(webhookAttempts.workspaceId, workspaceId), inArray(webhookAttempts.deliveryId, ids))).orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.id))
        : [];
      return { items: result.items.map((d) => ({ ...d, attemptLog: attempts.filter((a) => a.deliveryId === d.id) })), nextCursor: result.nextCursor };
    },

    /** One delivery with its attempts in order. */
    async findDeliveryWithAttempts(tx: Queryable, workspaceId: string, id: string) {
      const [d] = await tx.select().from(webhookDeliveries).where(byDelivery(workspaceId, id));
      if (!d) return null;
      const attemptLog = await tx.select().from(webhookAttempts).where(and(eq(webhookAttempts.workspaceId, workspaceId), eq(webhookAttempts.deliveryId, id))).orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.id));
      return { ...d, attemptLog };
    },

    /** Makes a delivery due now (replay): pending again, same message id, attempts keep counting. */
    async requeue(tx: Queryable, workspaceId: string, id: string, now: Date) {
      const [row] = await tx.update(webhookDeliveries).set({ status: "pending", nextAttemptAt: now, deliveredAt: null }).where(byDelivery(workspaceId, id)).returning();
      return row ?? null;
    },

    /**
     * Claims up to `limit` due deliveries of enabled endpoints: counts the attempt and leases the row until
     * `leaseUntil`, so no other sender sees it as due. SKIP LOCKED lets concurrent senders take different rows.
     */
    async claimDue(tx: Queryable, workspaceId: string, now: Date, leaseUntil: Date, limit: number) {
      const res = await tx.execute<{ id: string; attempts: number }>(sql`
        update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = ${leaseUntil}
        where d.workspace_id = ${workspaceId} and d.id in (
          select x.id from webhook_deliveries x
          where x.workspace_id = ${workspaceId} and x.status = 'pending' and x.next_attempt_at <= ${now}
          order by x.next_attempt_at, x.id limit ${limit} for update skip locked)
        returning d.id, d.attempts`);
      return res.rows;
    },

    /** Records the outcome of attempt `attempt` unless a later attempt has taken the delivery over; true when written. */
    async settle(tx: Queryable, workspaceId: string, id: string, attempt: number, patch: Partial<typeof webhookDeliveries.$inferInsert>): Promise<boolean> {
      const rows = await tx
        .update(webhookDeliveries)
        .set(patch)
        .where(and(byDelivery(workspaceId, id), eq(webhookDeliveries.attempts, attempt), eq(webhookDeliveries.status, "pending")))
        .returning({ id: webhookDeliveries.id });
      return rows.length > 0;
    },

    /** Logs an attempt, unless its delivery was deleted meanwhile (with its endpoint). */
    async insertAttempt(tx: Queryable, row: typeof webhookAttempts.$inferInsert) {
      await tx.execute(sql`
        insert into webhook_attempts (workspace_id, id, delivery_id, attempt, at, status_code, error, duration_ms, response_snippet)
        select ${row.workspaceId}, ${row.id}, ${row.deliveryId}, ${row.attempt}, ${row.at}, ${row.statusCode ?? null}, ${row.error ?? null}, ${row.durationMs}, ${row.responseSnippet ?? null}
        where exists (select 1 from webhook_deliveries where workspace_id = ${row.workspaceId} and id = ${row.deliveryId})`);
    },

    /** The earliest time a pending delivery of the workspace is due, if any. */
    async nextDueAt(tx: Queryable, workspaceId: string): Promise<Date | null> {
      const [row] = await tx.select({ at: sql<string | null>`min(${webhookDeliveries.nextAttemptAt})` }).from(webhookDeliveries).where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.status, "pending")));
      return row?.at ? new Date(row.at) : null;
    },

    /** Announces, on commit only, that the workspace has deliveries to send. */
    async announce(tx: Queryable, workspaceId: string) {
      await tx.execute(sql`select pg_notify(${WEBHOOKS_CHANNEL}, ${workspaceId})`);
    },
  };
}

export type WebhooksRepository = ReturnType<typeof createWebhooksRepository>;
