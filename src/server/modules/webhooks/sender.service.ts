import type { Database } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import type { WebhooksRepository } from "./webhooks.repository.js";
import { checkTarget, UnsafeTargetError, type TargetPolicy } from "./ssrf.js";
import { signedHeaders } from "./signature.js";
import { nextRetryAt } from "./backoff.js";
import type { PostFn, PostResult } from "./http-post.js";

type Deps = { db: Database; repo: WebhooksRepository; clock: Clock; targets: TargetPolicy; post: PostFn };

// Longer than one attempt can take (10 s timeout), so a live sender always finishes inside its lease; a sender
// that died mid-attempt leaves the delivery due again when the lease runs out.
const LEASE_MS = 2 * 60_000;
const BATCH = 20;
const CONCURRENCY = 4;

/** Runs `fn` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}

/** Sends due deliveries: claims them (so each attempt goes out once across processes), posts, logs, retries. */
export function createSenderService({ db, repo, clock, targets, post }: Deps) {
  /** The outcome of one attempt: checked again at send time, then posted to the checked address only. */
  async function attemptOnce(url: string, headers: Record<string, string>, body: string): Promise<PostResult> {
    try {
      const target = await checkTarget(url, targets);
      return await post(target, headers, body);
    } catch (err) {
      if (err instanceof UnsafeTargetError) return { statusCode: null, error: `refused: url ${err.message}`, snippet: null, durationMs: 0 };
      throw err;
    }
  }

  /** Records attempt `attempt` of a delivery and decides what comes next. */
  async function settle(workspaceId: string, deliveryId: string, endpointId: string, attempt: number, r: PostResult) {
    const now = clock.now();
    await db.inWorkspace(workspaceId, async (tx) => {
      await repo.insertAttempt(tx, { workspaceId, id: newId(), deliveryId, attempt, at: now, statusCode: r.statusCode, error: r.error, durationMs: r.durationMs, responseSnippet: r.snippet });
      const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
      const lastError = ok ? null : (r.error ?? `HTTP ${r.statusCode}`);
      if (ok) {
        await repo.settle(tx, workspaceId, deliveryId, attempt, { status: "succeeded", deliveredAt: now, nextAttemptAt: null, lastStatusCode: r.statusCode, lastError });
      } else if (r.statusCode === 410) {
        await repo.settle(tx, workspaceId, deliveryId, attempt, { status: "failed", nextAttemptAt: null, lastStatusCode: 410, lastError });
        // 410 Gone: the receiver says this endpoint is gone for good; stop sending to it.
        const e = await repo.findEndpoint(tx, workspaceId, endpointId, true);
        if (e?.enabled) {
          const reason = "The endpoint answered 410 Gone";
          await repo.updateEndpoint(tx, workspaceId, endpointId, { enabled: false, disabledReason: reason, disabledAt: now, updatedAt: now });
          await repo.failPending(tx, workspaceId, endpointId, "endpoint disabled after 410 Gone");
          await recordAudit(tx, workspaceId, null, now, { action: "webhook.disabled", entity: "webhook_endpoint", entityId: endpointId, changes: { reason, deliveryId } });
        }
      } else {
        const retryAt = nextRetryAt(attempt, now);
        await repo.settle(tx, workspaceId, deliveryId, attempt, { status: retryAt ? "pending" : "failed", nextAttemptAt: retryAt, lastStatusCode: r.statusCode, lastError });
      }
    });
  }

  /** Makes claimed attempt `attempt` of one delivery. */
  async function deliver(workspaceId: string, deliveryId: string, attempt: number) {
    const loaded = await db.inWorkspace(workspaceId, async (tx) => {
      const d = await repo.findDelivery(tx, workspaceId, deliveryId);
      const e = d ? await repo.findEndpoint(tx, workspaceId, d.endpointId) : null;
      return d && e ? { d, e } : null;
    });
    if (!loaded) return; // deleted with its endpoint meanwhile
    const { d, e } = loaded;
    if (!e.enabled) {
      await settle(workspaceId, d.id, e.id, attempt, { statusCode: null, error: "endpoint disabled", snippet: null, durationMs: 0 });
      return;
    }
    const body = JSON.stringify(d.payload);
    const result = await attemptOnce(e.url, signedHeaders(e.secret, d.messageId, clock.now(), body), body);
    await settle(workspaceId, d.id, e.id, attempt, result);
  }

  /** Sends every due delivery of a workspace; returns how many attempts were made and when the next one is due. */
  async function sendDue(workspaceId: string): Promise<{ attempted: number; nextDueAt: Date | null }> {
    let attempted = 0;
    for (;;) {
      const now = clock.now();
      const claimed = await db.inWorkspace(workspaceId, (tx) => repo.claimDue(tx, workspaceId, now, new Date(now.getTime() + LEASE_MS), BATCH));
      await eachLimited(claimed, CONCURRENCY, (c) => deliver(workspaceId, c.id, c.attempts));
      attempted += claimed.length;
      if (claimed.length < BATCH) break;
    }
    const nextDueAt = await db.inWorkspace(workspaceId, (tx) => repo.nextDueAt(tx, workspaceId));
    return { attempted, nextDueAt };
  }

  return { sendDue };
}

export type SenderService = ReturnType<typeof createSenderService>;
