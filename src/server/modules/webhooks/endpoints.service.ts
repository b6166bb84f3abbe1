import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { MAX_WEBHOOK_ENDPOINTS, type CreateWebhookBody, type UpdateWebhookBody } from "../../../shared/contracts/webhooks.js";
import type { EndpointWithCounts, WebhooksRepository } from "./webhooks.repository.js";
import { checkTarget, UnsafeTargetError, type TargetPolicy } from "./ssrf.js";
import { generateSecret } from "./signature.js";
import { requireWebhookAdmin } from "./webhooks.policy.js";

type Deps = { db: Database; repo: WebhooksRepository; clock: Clock; targets: TargetPolicy };

/** The API view of an endpoint: everything but the secret. */
function withoutSecret(e: EndpointWithCounts) {
  const { secret: _secret, ...rest } = e;
  return rest;
}

/** Webhook endpoints: register (SSRF-checked), list, change, enable/disable, rotate the secret, delete. */
export function createEndpointsService({ db, repo, clock, targets }: Deps) {
  // Resolving can take a while; it happens before the transaction opens so no row lock waits on DNS.
  async function requireSafeUrl(url: string): Promise<void> {
    try {
      await checkTarget(url, targets);
    } catch (err) {
      if (err instanceof UnsafeTargetError) throw invalidField("body.url", err.message);
      throw err;
    }
  }

  async function getLocked(tx: Tx, workspaceId: string, id: string) {
    const e = await repo.findEndpoint(tx, workspaceId, id, true);
    if (!e) throw notFound("Webhook endpoint");
    return e;
  }

  async function reload(tx: Tx, workspaceId: string, id: string) {
    const e = await repo.findEndpoint(tx, workspaceId, id);
    if (!e) throw notFound("Webhook endpoint");
    return e;
  }

  /** The workspace's endpoints with delivery counts (no secrets). */
  function listEndpoints(ctx: RequestContext) {
    requireWebhookAdmin(ctx.actor);
    return db.inWorkspace(ctx.workspaceId, async (tx) => (await repo.listEndpoints(tx, ctx.workspaceId)).map(withoutSecret));
  }

  /** One endpoint with its signing secret. */
  function getEndpoint(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const e = await reload(tx, ctx.workspaceId, id);
      requireWebhookAdmin(ctx.actor);
      return e;
    });
  }

  /** Registers an endpoint with a fresh secret; the URL must be https and resolve to public addresses only. */
  async function createEndpoint(ctx: RequestContext, body: CreateWebhookBody) {
    requireWebhookAdmin(ctx.actor);
    await requireSafeUrl(body.url);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if ((await repo.countEndpoints(tx, ctx.workspaceId)) >= MAX_WEBHOOK_ENDPOINTS) throw new AppError("conflict", `A workspace has at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints`);
      const id = newId();
      const fields = { url: body.url, description: body.description ?? null, events: body.events, enabled: body.enabled };
      await repo.insertEndpoint(tx, { ...fields, workspaceId: ctx.workspaceId, id, secret: generateSecret(), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.created", entity: "webhook_endpoint", entityId: id, changes: fields }, ctx.requestId);
      return reload(tx, ctx.workspaceId, id);
    });
  }

  /** Changes an endpoint; a new URL is checked again, and disabling fails its pending deliveries. */
  async function updateEndpoint(ctx: RequestContext, id: string, body: UpdateWebhookBody) {
    requireWebhookAdmin(ctx.actor);
    // A foreign id must be a 404 before the URL is judged, so look first.
    await getEndpoint(ctx, id);
    if (body.url !== undefined) await requireSafeUrl(body.url);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await getLocked(tx, ctx.workspaceId, id);
      const patch = { url: body.url, description: body.description, events: body.events, enabled: body.enabled };
      const changes = diffFields(before, patch);
      const status = body.enabled === undefined || body.enabled === before.enabled ? {} : body.enabled ? { disabledReason: null, disabledAt: null } : { disabledReason: `Disabled by ${ctx.actor.name}`, disabledAt: now };
      await repo.updateEndpoint(tx, ctx.workspaceId, id, { ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)), ...status, updatedAt: now });
      if (body.enabled === false && before.enabled) await repo.failPending(tx, ctx.workspaceId, id, "endpoint disabled");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.updated", entity: "webhook_endpoint", entityId: id, changes }, ctx.requestId);
      return withoutSecret(await reload(tx, ctx.workspaceId, id));
    });
  }

  /** Replaces the signing secret at once; the old one stops verifying with the next attempt. */
  function rotateSecret(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await getLocked(tx, ctx.workspaceId, id);
      requireWebhookAdmin(ctx.actor);
      await repo.updateEndpoint(tx, ctx.workspaceId, id, { secret: generateSecret(), updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.secret_rotated", entity: "webhook_endpoint", entityId: id }, ctx.requestId);
      return reload(tx, ctx.workspaceId, id);
    });
  }

  /** Deletes an endpoint with its delivery log. */
  async function deleteEndpoint(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const e = await getLocked(tx, ctx.workspaceId, id);
      requireWebhookAdmin(ctx.actor);
      await repo.deleteEndpoint(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "webhook.deleted", entity: "webhook_endpoint", entityId: id, changes: { url: e.url, events: e.events } }, ctx.requestId);
    });
  }

  return { listEndpoints, getEndpoint, createEndpoint, updateEndpoint, rotateSecret, deleteEndpoint };
}

export type EndpointsService = ReturnType<typeof createEndpointsService>;
