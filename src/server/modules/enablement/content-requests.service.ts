import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { canMoveRequest } from "../../../shared/domain/content.js";
import type { AssignContentRequestBody, ContentRequest, CreateContentRequestBody, ListContentRequestsQuery, MoveContentRequestBody } from "../../../shared/contracts/enablement-content.js";
import type { NamesAccess } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { ContentRequestRow, ContentRequestsRepository } from "./content-requests.repository.js";
import { requireContentEditor, requireContentRequester } from "./assets.policy.js";

type Deps = { db: Database; repo: ContentRequestsRepository; clock: Clock; names: NamesAccess; notifications: Pick<NotificationsService, "notifyIn" | "notifyRolesIn"> };

const STATUS_WORDS = { new: "new", accepted: "accepted", in_progress: "in progress", delivered: "delivered", declined: "declined" } as const;

/**
 * Content requests: sales asks marketing for what is missing; marketing works them on a board
 * (new → accepted → in progress → delivered, or declined with a reason) and links the resulting asset.
 */
export function createContentRequestsService({ db, repo, clock, names, notifications }: Deps) {
  async function present(tx: Tx, workspaceId: string, rows: ContentRequestRow[]): Promise<ContentRequest[]> {
    const deals = await names.dealNames(tx, workspaceId, rows.flatMap((r) => (r.dealId ? [r.dealId] : [])));
    const people = await repo.userNames(tx, rows.flatMap((r) => [r.requestedBy, r.assigneeId]));
    const titles = await repo.assetTitles(tx, workspaceId, rows.map((r) => r.resultAssetId));
    return rows.map(({ workspaceId: _w, ...r }) => ({
      ...r,
      dealName: r.dealId ? (deals.get(r.dealId) ?? null) : null,
      requestedByName: people.get(r.requestedBy) ?? null,
      assigneeName: r.assigneeId ? (people.get(r.assigneeId) ?? null) : null,
      resultAssetTitle: r.resultAssetId ? (titles.get(r.resultAssetId) ?? null) : null,
    }));
  }

  async function one(tx: Tx, workspaceId: string, id: string) {
    const row = await repo.find(tx, workspaceId, id);
    if (!row) throw notFound("Content request");
    return (await present(tx, workspaceId, [row]))[0]!;
  }

  /** The board: requests by status (all by default), high priority first, oldest first; `mine` keeps the caller's. */
  function listRequests(ctx: RequestContext, q: ListContentRequestsQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) =>
      present(tx, ctx.workspaceId, await repo.list(tx, ctx.workspaceId, { statuses: q.status, requestedBy: q.mine ? ctx.actor.userId : undefined })),
    );
  }

  /** One request. */
  function getRequest(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, (tx) => one(tx, ctx.workspaceId, id));
  }

  /** Files a request (reps and managers); marketing is notified. */
  async function createRequest(ctx: RequestContext, body: CreateContentRequestBody) {
    requireContentRequester(ctx.actor);
    const now = clock.now();
    const id = newId();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      await repo.insert(tx, {
        workspaceId: ctx.workspaceId, id, title: body.title, details: body.details ?? "", dealId: body.dealId ?? null, persona: body.persona ?? null,
        competitor: body.competitor ?? null, buyingStage: body.buyingStage ?? null, priority: body.priority ?? "medium", status: "new",
        requestedBy: ctx.actor.userId, createdAt: now, updatedAt: now,
      });
      await notifications.notifyRolesIn(tx, ctx.workspaceId, ["marketing"], {
        kind: "content_request.created", title: `Content requested: ${body.title}`, body: body.details || null, link: "/content/requests", entity: "content_request", entityId: id,
      }, ctx.actor.userId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "content_request.created", entity: "content_request", entityId: id, changes: { title: body.title, priority: body.priority ?? "medium", dealId: body.dealId ?? null } }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  /**
   * Moves a request on the board (marketing). Delivering names the resulting asset and declining gives a reason;
   * both tell the requester.
   */
  async function moveRequest(ctx: RequestContext, id: string, body: MoveContentRequestBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const r = await repo.find(tx, ctx.workspaceId, id, true);
      if (!r) throw notFound("Content request");
      requireContentEditor(ctx.actor, "work content requests");
      if (!canMoveRequest(r.status, body.status)) throw new AppError("conflict", `A ${STATUS_WORDS[r.status]} request cannot become ${STATUS_WORDS[body.status]}`);
      let title: string | null = null;
      if (body.status === "delivered") {
        title = (await repo.assetTitles(tx, ctx.workspaceId, [body.resultAssetId!])).get(body.resultAssetId!) ?? null;
        if (title === null) throw invalidField("body.resultAssetId", "no such asset in this workspace");
      }
      await repo.update(tx, ctx.workspaceId, id, {
        status: body.status, updatedAt: now,
        ...(body.status === "delivered" ? { resultAssetId: body.resultAssetId } : {}),
        ...(body.status === "declined" ? { declineReason: body.declineReason } : {}),
        ...(body.assigneeId ? { assigneeId: body.assigneeId } : {}),
      });
      if (body.status === "delivered" || body.status === "declined") {
        await notifications.notifyIn(tx, ctx.workspaceId, [r.requestedBy], {
          kind: "content_request.updated",
          title: body.status === "delivered" ? `Your content request is delivered: ${r.title}` : `Your content request was declined: ${r.title}`,
          body: body.status === "delivered" ? `See "${title}".` : body.declineReason!,
          link: body.status === "delivered" ? `/content/${body.resultAssetId}` : "/content/requests",
          entity: "content_request", entityId: id,
        }, ctx.actor.userId);
      }
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, {
        action: `content_request.${body.status}`, entity: "content_request", entityId: id,
        changes: { from: r.status, to: body.status, resultAssetId: body.resultAssetId ?? null, declineReason: body.declineReason ?? null, assigneeId: body.assigneeId ?? null },
      }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  /** Assigns a request to someone in marketing (or clears it); the assignee is told. */
  async function assignRequest(ctx: RequestContext, id: string, body: AssignContentRequestBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const r = await repo.find(tx, ctx.workspaceId, id, true);
      if (!r) throw notFound("Content request");
      requireContentEditor(ctx.actor, "assign content requests");
      if (r.status === "delivered" || r.status === "declined") throw new AppError("conflict", `The request is ${r.status} already`);
      await repo.update(tx, ctx.workspaceId, id, { assigneeId: body.assigneeId, updatedAt: now });
      if (body.assigneeId) {
        await notifications.notifyIn(tx, ctx.workspaceId, [body.assigneeId], {
          kind: "content_request.updated", title: `Content request assigned to you: ${r.title}`, body: r.details || null, link: "/content/requests", entity: "content_request", entityId: id,
        }, ctx.actor.userId);
      }
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "content_request.assigned", entity: "content_request", entityId: id, changes: { assigneeId: { from: r.assigneeId, to: body.assigneeId } } }, ctx.requestId);
      return one(tx, ctx.workspaceId, id);
    });
  }

  return { listRequests, getRequest, createRequest, moveRequest, assignRequest };
}

export type ContentRequestsService = ReturnType<typeof createContentRequestsService>;
