import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import { WEBHOOK_TEST_EVENT, type ListWebhookDeliveriesQuery, type WebhookEventType } from "../../../shared/contracts/webhooks.js";
import type { WebhooksRepository } from "./webhooks.repository.js";
import { requireWebhookAdmin } from "./webhooks.policy.js";
import { redactJson, redactText, type ErasedPerson } from "../../../shared/domain/redact.js";

type Deps = { db: Database; repo: WebhooksRepository; clock: Clock };

/** A Standard Webhooks message id: unique, stable across every attempt and replay of one delivery. */
function newMessageId(): string {
  return `msg_${newId().replace(/-/g, "")}`;
}

/** Events into deliveries (in the producer's transaction), the delivery log, test events and replays. */
export function createDeliveriesService({ db, repo, clock }: Deps) {
  /**
   * Queues `type` for every enabled endpoint subscribed to it, inside the caller's transaction: the deliveries
   * commit with the change that caused them (never lost, never sent for a rolled-back change). Returns their ids.
   */
  async function publishIn(tx: Tx, workspaceId: string, type: WebhookEventType, data: Record<string, unknown>): Promise<string[]> {
    const endpointIds = await repo.subscribedEndpointIds(tx, workspaceId, type);
    if (endpointIds.length === 0) return [];
    const now = clock.now();
    const payload = { type, timestamp: now.toISOString(), data };
    const rows = endpointIds.map((endpointId) => ({ workspaceId, id: newId(), endpointId, messageId: newMessageId(), eventType: type, payload, status: "pending" as const, nextAttemptAt: now, createdAt: now }));
    await repo.insertDeliveries(tx, rows);
    await repo.announce(tx, workspaceId);
    return rows.map((r) => r.id);
  }

  async function requireEndpoint(tx: Tx, ctx: RequestContext, endpointId: string) {
    const e = await repo.findEndpoint(tx, ctx.workspaceId, endpointId);
    if (!e) throw notFound("Webhook endpoint");
    requireWebhookAdmin(ctx.actor);
    return e;
  }

  /** An endpoint's delivery log, newest first, each delivery with its attempts. */
  function listDeliveries(ctx: RequestContext, endpointId: string, q: ListWebhookDeliveriesQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await requireEndpoint(tx, ctx, endpointId);
      return repo.listDeliveries(tx, ctx.workspaceId, endpointId, q);
    });
  }

  async function deliveryWithAttempts(tx: Tx, workspaceId: string, id: string) {
    const d = await repo.findDeliveryWithAttempts(tx, workspaceId, id);
    if (!d) throw notFound("Webhook delivery");
    return d;
  }

  /** Queues a `webhook.test` message to one endpoint (whatever its event filter); the sender sends it at once. */
  function sendTest(ctx: RequestContext, endpointId: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const e = await requireEndpoint(tx, ctx, endpointId);
      if (!e.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it to send a test event");
      const id = newId();
      const payload = { type: WEBHOOK_TEST_EVENT, timestamp: now.toISOString(), data: { endpointId, message: `Test event sent by ${ctx.actor.name}` } };
      await repo.insertDeliveries(tx, [{ workspaceId: ctx.workspaceId, id, endpointId, messageId: newMessageId(), eventType: WEBHOOK_TEST_EVENT, payload, status: "pending", nextAttemptAt: now, createdAt: now }]);
      await repo.announce(tx, ctx.workspaceId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.test_sent", entity: "webhook_endpoint", entityId: endpointId, changes: { deliveryId: id } }, ctx.requestId);
      return deliveryWithAttempts(tx, ctx.workspaceId, id);
    });
  }

  /**
   * Sends a delivery again with the same `webhook-id` (receivers deduplicate on it): it becomes pending and due
   * now; its attempts keep counting, so one that had used all of them fails again after this one attempt.
   */
  function replay(ctx: RequestContext, deliveryId: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findDelivery(tx, ctx.workspaceId, deliveryId);
      if (!d) throw notFound("Webhook delivery");
      const e = await requireEndpoint(tx, ctx, d.endpointId);
      if (!e.enabled) throw new AppError("conflict", "The endpoint is disabled; enable it to replay its deliveries");
      await repo.requeue(tx, ctx.workspaceId, deliveryId, now);
      await repo.announce(tx, ctx.workspaceId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.delivery_replayed", entity: "webhook_delivery", entityId: deliveryId, changes: { messageId: d.messageId, previousStatus: d.status } }, ctx.requestId);
      return deliveryWithAttempts(tx, ctx.workspaceId, deliveryId);
    });
  }

  /**
   * GDPR erasure, in the erasing transaction: delivery payloads (and errors, and what receivers answered) that
   * quote the contact keep their event type and message id, with its id, e-mail and names replaced by a marker. A
   * delivery still pending is then sent without them.
   */
  async function redactPersonIn(tx: Tx, workspaceId: string, person: ErasedPerson): Promise<void> {
    const terms = [person.contactId, ...person.terms];
    for (const d of await repo.deliveriesMentioning(tx, workspaceId, terms)) {
      await repo.rewriteDelivery(tx, workspaceId, d.id, { payload: redactJson(d.payload, terms) as Record<string, unknown>, lastError: d.lastError === null ? null : redactText(d.lastError, terms) });
    }
    for (const a of await repo.attemptsMentioning(tx, workspaceId, terms)) {
      await repo.rewriteAttempt(tx, workspaceId, a.id, { error: a.error === null ? null : redactText(a.error, terms), responseSnippet: a.responseSnippet === null ? null : redactText(a.responseSnippet, terms) });
    }
  }

  return { publishIn, listDeliveries, sendTest, replay, redactPersonIn };
}

export type DeliveriesService = ReturnType<typeof createDeliveriesService>;
