import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from "fastify";
import { and, eq, lt, sql } from "drizzle-orm";
import type { Database, HeldTransaction, Queryable } from "../../db/client.js";
import { idempotencyKeys } from "../../db/schema/index.js";
import { AppError } from "../../../shared/errors.js";
import type { Clock } from "../clock.js";
import { likePattern } from "../pagination.js";

export const IDEMPOTENCY_HEADER = "idempotency-key";
export const REPLAYED_HEADER = "idempotent-replayed";
/** Stored responses are kept at least this long (DESIGN §7: at least 24 h). */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

declare module "fastify" {
  interface FastifyContextConfig {
    /** A POST that creates: an Idempotency-Key header makes a retry replay the first response. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { held: HeldTransaction; credential: string; key: string; hash: string; createdAt: Date };
  }
}

/** Who the key belongs to: the API token, or the signed-in user. */
function credentialOf(req: FastifyRequest): string {
  const a = req.ctx.actor;
  return a.tokenId ? `token:${a.tokenId}` : `user:${a.userId}`;
}

/** The request a key stands for: method, path with query, and the validated body. */
function requestHash(req: FastifyRequest): string {
  return createHash("sha256")
    .update(`${req.method} ${req.url}\n`)
    .update(JSON.stringify(req.body ?? null))
    .digest("base64url");
}

/**
 * Idempotency-Key for POSTs that create (DESIGN §7). The route's work joins one held transaction that also stores
 * the response, so the effect and its stored response commit together or not at all; a transaction-scoped
 * advisory lock on (credential, key) marks a request in flight (409) and dies with the connection if the server
 * does. Same key and body replays the stored status and body; another body is 422. Only 2xx responses are
 * stored: a failure changed nothing, so a retry simply runs again.
 */
export function registerIdempotency(app: FastifyInstance, db: Database, clock: Clock): void {
  app.addHook("onRoute", (route) => {
    if (!route.config?.idempotent) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function idempotent(this: FastifyInstance, req: FastifyRequest, reply: FastifyReply) {
      const raw = req.headers[IDEMPOTENCY_HEADER];
      if (raw === undefined) return handler.call(this, req, reply);
      const key = Array.isArray(raw) ? raw[0]! : raw;
      if (!KEY_PATTERN.test(key)) throw new AppError("validation_failed", "headers.idempotency-key: 1–200 printable characters", [{ path: "headers.idempotency-key", message: "1–200 printable characters" }]);
      const credential = credentialOf(req);
      const hash = requestHash(req);
      const held = await db.hold(req.ctx.workspaceId);
      try {
        const [lock] = (await held.tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended(${`${req.ctx.workspaceId}|${credential}|${key}`}, 0)) as ok`)).rows;
        if (!lock?.ok) throw new AppError("idempotency_in_flight", "A request with this Idempotency-Key is still in flight; retry when it has finished");
        const stored = await findStored(held.tx, req.ctx.workspaceId, credential, key);
        if (stored) {
          if (stored.requestHash !== hash) throw new AppError("idempotency_mismatch", "This Idempotency-Key was used with another request body");
          await held.rollback();
          return reply
            .status(stored.status ?? 200)
            .header(REPLAYED_HEADER, "true")
            .type("application/json; charset=utf-8")
            .send(JSON.stringify(stored.response));
        }
      } catch (err) {
        await held.rollback();
        throw err;
      }
      req.idempotency = { held, credential, key, hash, createdAt: clock.now() };
      return held.run(() => Promise.resolve(handler.call(this, req, reply)));
    };
  });

  // The acknowledgement leaves only after the commit that holds the effect and the stored response.
  app.addHook("onSend", async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || !idem.held.open) return payload;
    if (reply.statusCode < 200 || reply.statusCode >= 300 || typeof payload !== "string") {
      await idem.held.rollback();
      return payload;
    }
    try {
      await idem.held.tx.insert(idempotencyKeys).values({
        workspaceId: req.ctx.workspaceId,
        credential: idem.credential,
        key: idem.key,
        requestHash: idem.hash,
        status: reply.statusCode,
        response: JSON.parse(payload) as unknown,
        createdAt: idem.createdAt,
        completedAt: clock.now(),
      });
      await idem.held.commit();
    } catch (err) {
      await idem.held.rollback();
      throw err;
    }
    return payload;
  });
  // A request that ended without storing (a stream, a hook failure) must not keep its connection.
  app.addHook("onResponse", async (req) => {
    if (req.idempotency?.held.open) await req.idempotency.held.rollback();
  });
}

async function findStored(tx: Queryable, workspaceId: string, credential: string, key: string) {
  const [row] = await tx
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, workspaceId), eq(idempotencyKeys.credential, credential), eq(idempotencyKeys.key, key)));
  return row ?? null;
}

/** Deletes a workspace's stored responses older than the retention; returns how many. */
export async function deleteExpiredIdempotencyKeys(db: Database, workspaceId: string, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
  return db.inWorkspace(workspaceId, async (tx) => {
    const gone = await tx
      .delete(idempotencyKeys)
      .where(and(eq(idempotencyKeys.workspaceId, workspaceId), lt(idempotencyKeys.createdAt, cutoff)))
      .returning({ key: idempotencyKeys.key });
    return gone.length;
  });
}

/**
 * GDPR erasure: deletes stored responses that quote any of the needles (an erased contact's id, e-mail, names). A
 * retry of such a request runs afresh instead of replaying them; ingest then answers it as suppressed.
 */
export async function forgetStoredResponsesIn(tx: Queryable, workspaceId: string, needles: readonly string[]): Promise<number> {
  if (needles.length === 0) return 0;
  const arr = sql`array[${sql.join(needles.map((n) => sql`${likePattern(n)}`), sql`, `)}]::text[]`;
  const gone = await tx
    .delete(idempotencyKeys)
    .where(and(eq(idempotencyKeys.workspaceId, workspaceId), sql`${idempotencyKeys.response}::text ilike any(${arr})`))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}
