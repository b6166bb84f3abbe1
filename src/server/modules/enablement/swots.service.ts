import type { Database, Queryable, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { Actor, RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import type { CreateSwotBody, Swot, SwotListQuery, UpdateSwotBody } from "../../../shared/contracts/enablement-swots.js";
import { workspaceToday } from "../../reports/report-scope.js";
import type { CrmModule } from "../crm/index.js";
import type { CampaignAccess } from "./briefs.service.js";
import type { SwotRow, SwotsRepository } from "./swots.repository.js";
import { maySwot, requireSwotEditor } from "./swots.policy.js";

type Deps = { db: Database; repo: SwotsRepository; clock: Clock; campaigns: CampaignAccess; crm: Pick<CrmModule, "dealRef" | "names"> };

/** SWOT analyses of campaigns (marketing vehicles) and of deals' proposals (docs/ENABLEMENT.md, "SWOT"). */
export function createSwotsService({ db, repo, clock, campaigns, crm }: Deps) {
  const kindOf = (r: Pick<SwotRow, "campaignId">) => (r.campaignId ? "campaign" : "deal") as "campaign" | "deal";

  async function present(tx: Queryable, workspaceId: string, rows: SwotRow[], actor: Actor): Promise<Swot[]> {
    const campaignNames = new Map<string, string>();
    for (const id of new Set(rows.flatMap((r) => (r.campaignId ? [r.campaignId] : [])))) campaignNames.set(id, (await campaigns.campaignRef(tx, workspaceId, id))?.name ?? "");
    const dealNames = await crm.names.dealNames(tx, workspaceId, rows.flatMap((r) => (r.dealId ? [r.dealId] : [])));
    return rows.map((r) => {
      const kind = kindOf(r);
      const id = (r.campaignId ?? r.dealId)!;
      const { workspaceId: _w, campaignId: _c, dealId: _d, ...rest } = r;
      return { ...rest, subject: { kind, id, name: (kind === "campaign" ? campaignNames.get(id) : dealNames.get(id)) ?? "" }, canEdit: maySwot(actor, kind) };
    });
  }

  async function one(tx: Queryable, ctx: RequestContext, id: string): Promise<Swot> {
    const row = await repo.findById(tx, ctx.workspaceId, id);
    if (!row) throw notFound("SWOT");
    return (await present(tx, ctx.workspaceId, [row], ctx.actor))[0]!;
  }

  async function checkOwner(tx: Tx, workspaceId: string, ownerId: string | null | undefined) {
    if (ownerId && !(await repo.isActiveMember(tx, workspaceId, ownerId))) throw invalidField("body.ownerId", "not an active member");
  }

  /** A page of the workspace's SWOTs (filtered by subject kind, status and owner), newest analysis first, with the total. */
  function listSwots(ctx: RequestContext, query: SwotListQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => ({
      items: await present(tx, ctx.workspaceId, await repo.list(tx, ctx.workspaceId, query), ctx.actor),
      total: await repo.count(tx, ctx.workspaceId, query),
    }));
  }

  /** A campaign's SWOTs (404 for a campaign of another workspace). */
  function campaignSwots(ctx: RequestContext, campaignId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await campaigns.campaignRef(tx, ctx.workspaceId, campaignId))) throw notFound("Campaign");
      return { items: await present(tx, ctx.workspaceId, await repo.list(tx, ctx.workspaceId, { campaignId }), ctx.actor) };
    });
  }

  /** A deal's proposal SWOTs (404 for a deal of another workspace). */
  function dealSwots(ctx: RequestContext, dealId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.dealRef(tx, ctx.workspaceId, dealId))) throw notFound("Deal");
      return { items: await present(tx, ctx.workspaceId, await repo.list(tx, ctx.workspaceId, { dealId }), ctx.actor) };
    });
  }

  /** One SWOT. */
  function getSwot(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, (tx) => one(tx, ctx, id));
  }

  /** Writes a SWOT of a campaign or a deal; the owner defaults to the author, the day to today in the workspace. */
  function createSwot(ctx: RequestContext, body: CreateSwotBody) {
    const kind = body.campaignId ? "campaign" : "deal";
    requireSwotEditor(ctx.actor, kind, `write ${kind} SWOTs`);
    const now = clock.now();
    const id = newId();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (body.campaignId && !(await campaigns.campaignRef(tx, ctx.workspaceId, body.campaignId))) throw invalidField("body.campaignId", "no such campaign");
      if (body.dealId && !(await crm.dealRef(tx, ctx.workspaceId, body.dealId))) throw invalidField("body.dealId", "no such deal");
      await checkOwner(tx, ctx.workspaceId, body.ownerId);
      const analysedOn = body.analysedOn ?? (await workspaceToday(tx, ctx.workspaceId, now));
      const ownerId = body.ownerId === undefined ? ctx.actor.userId : body.ownerId;
      await repo.insert(tx, { ...body, workspaceId: ctx.workspaceId, id, campaignId: body.campaignId ?? null, dealId: body.dealId ?? null, ownerId, analysedOn, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "swot.created", entity: "swot", entityId: id, changes: { ...body, ownerId, analysedOn } }, ctx.requestId);
      return one(tx, ctx, id);
    });
  }

  /** Changes a SWOT's title, quadrants, owner, day or status. */
  function updateSwot(ctx: RequestContext, id: string, body: UpdateSwotBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("SWOT");
      requireSwotEditor(ctx.actor, kindOf(before), `change ${kindOf(before)} SWOTs`);
      await checkOwner(tx, ctx.workspaceId, body.ownerId);
      await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "swot.updated", entity: "swot", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return one(tx, ctx, id);
    });
  }

  /** Deletes a SWOT (archiving keeps it; deleting is for mistakes). */
  function deleteSwot(ctx: RequestContext, id: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!row) throw notFound("SWOT");
      requireSwotEditor(ctx.actor, kindOf(row), `delete ${kindOf(row)} SWOTs`);
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "swot.deleted", entity: "swot", entityId: id, changes: { title: row.title } }, ctx.requestId);
    });
  }

  return { listSwots, campaignSwots, dealSwots, getSwot, createSwot, updateSwot, deleteSwot };
}

export type SwotsService = ReturnType<typeof createSwotsService>;
