import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import { touchpointCategory, type TouchpointType } from "../../../shared/domain/touchpoints.js";
import type { CreateTouchpointBody, ListTouchpointsQuery } from "../../../shared/contracts/touchpoints.js";
import type { TouchpointsRepository } from "./touchpoints.repository.js";
import { requireTouchpointLogger } from "./touchpoints.policy.js";

/** How the touchpoints module learns a contact's account without reading the crm tables itself. */
export type ContactLookup = { contactAccountId(tx: Queryable, workspaceId: string, contactId: string): Promise<{ accountId: string | null } | null> };

/** Run in the writing transaction with every touchpoint a request stored (one or a batch): scoring, SLA timers. */
export type TouchpointHooks = { touchpointsCreated: ((tx: Tx, workspaceId: string, touchpoints: TouchpointRow[]) => Promise<void>)[] };
export type TouchpointRow = Awaited<ReturnType<TouchpointsRepository["insert"]>>;

/** A touchpoint recorded by another module inside its transaction. */
export type AppendTouchpoint = { contactId: string; type: TouchpointType; at: Date; source: string; assetId?: string | null; actorUserId?: string | null; properties?: Record<string, unknown> };

type Deps = { db: Database; repo: TouchpointsRepository; contacts: ContactLookup; clock: Clock; hooks: TouchpointHooks };

/** The append-only log of engagement and sales activity. */
export function createTouchpointsService({ db, repo, contacts, clock, hooks }: Deps) {
  /** Lists touchpoints. */
  function listTouchpoints(ctx: RequestContext, query: ListTouchpointsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, query));
  }

  /** One touchpoint. */
  async function getTouchpoint(ctx: RequestContext, id: string) {
    const row = await db.inWorkspace(ctx.workspaceId, (tx) => repo.findById(tx, ctx.workspaceId, id));
    if (!row) throw notFound("Touchpoint");
    return row;
  }

  /** Appends one touchpoint; a repeated clientEventId returns the stored one (`created: false`). */
  async function createTouchpoint(ctx: RequestContext, body: CreateTouchpointBody) {
    const category = touchpointCategory(body.type);
    requireTouchpointLogger(ctx.actor, category);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (body.clientEventId) {
        const seen = await repo.findByClientEventId(tx, ctx.workspaceId, body.clientEventId);
        if (seen) return { touchpoint: seen, created: false };
      }
      let accountId = body.accountId ?? null;
      if (body.contactId) {
        const c = await contacts.contactAccountId(tx, ctx.workspaceId, body.contactId);
        if (!c) throw invalidField("body.contactId", "no such contact in this workspace");
        accountId ??= c.accountId;
      }
      const row = await repo.insert(tx, {
        workspaceId: ctx.workspaceId,
        id: newId(),
        contactId: body.contactId ?? null,
        accountId,
        campaignId: body.campaignId ?? null,
        type: body.type,
        category,
        channel: body.channel ?? null,
        occurredAt: body.occurredAt ?? now,
        receivedAt: now,
        properties: body.properties ?? {},
        source: ctx.actor.kind === "token" ? "api" : "app",
        clientEventId: body.clientEventId ?? null,
        actorUserId: category === "sales" ? ctx.actor.userId : null,
      });
      for (const hook of hooks.touchpointsCreated) await hook(tx, ctx.workspaceId, [row]);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "touchpoint.created", entity: "touchpoint", entityId: row.id, changes: { type: body.type, contactId: body.contactId ?? null } }, ctx.requestId);
      return { touchpoint: row, created: true };
    });
  }

  /**
   * Appends a touchpoint another module records in its own transaction (a tracked content view, a rep's share),
   * with the same hooks as the API so scoring and SLA timers see it.
   */
  async function appendInTx(tx: Tx, workspaceId: string, input: AppendTouchpoint) {
    const c = await contacts.contactAccountId(tx, workspaceId, input.contactId);
    if (!c) throw notFound("Contact");
    const row = await repo.insert(tx, {
      workspaceId,
      id: newId(),
      contactId: input.contactId,
      accountId: c.accountId,
      campaignId: null,
      assetId: input.assetId ?? null,
      type: input.type,
      category: touchpointCategory(input.type),
      channel: null,
      occurredAt: input.at,
      receivedAt: input.at,
      properties: input.properties ?? {},
      source: input.source,
      clientEventId: null,
      actorUserId: input.actorUserId ?? null,
    });
    for (const hook of hooks.touchpointsCreated) await hook(tx, workspaceId, [row]);
    return row;
  }

  return { listTouchpoints, getTouchpoint, createTouchpoint, appendInTx };
}

export type TouchpointsService = ReturnType<typeof createTouchpointsService>;
