import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import type { CampaignDetail, CreateCampaignBody, CreateCampaignCostBody, ListCampaignsQuery, UpdateCampaignBody } from "../../../shared/contracts/campaigns.js";
import { campaignSummary } from "../../reports/campaign-summary.report.js";
import { whitespaceTargets } from "../../reports/whitespace-targets.report.js";
import type { WhitespaceTarget, WhitespaceTargetBody } from "../../../shared/contracts/growth.js";
import type { CustomerStatus } from "../../../shared/contracts/accounts.js";
import type { CampaignRow, CampaignsRepository } from "./campaigns.repository.js";
import { requireCampaignEditor } from "./campaigns.policy.js";

type Deps = { db: Database; repo: CampaignsRepository; clock: Clock };

/** Campaigns (marketing vehicles) with dated cost lines. */
export function createCampaignsService({ db, repo, clock }: Deps) {
  async function detail(tx: Tx, workspaceId: string, c: CampaignRow): Promise<CampaignDetail> {
    return {
      ...c,
      ownerName: await repo.ownerName(tx, c.ownerId),
      costs: await repo.listCosts(tx, workspaceId, c.id),
      stats: await campaignSummary(tx, workspaceId, c.id),
    };
  }

  /** Lists campaigns. */
  function listCampaigns(ctx: RequestContext, query: ListCampaignsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, query));
  }

  /** One campaign with costs and results. */
  function getCampaign(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id);
      if (!c) throw notFound("Campaign");
      return detail(tx, ctx.workspaceId, c);
    });
  }

  /** Creates a campaign. */
  async function createCampaign(ctx: RequestContext, body: CreateCampaignBody) {
    requireCampaignEditor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.insert(tx, { ...body, workspaceId: ctx.workspaceId, id: newId(), ownerId: body.ownerId ?? ctx.actor.userId, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.created", entity: "campaign", entityId: c.id, changes: body }, ctx.requestId);
      return detail(tx, ctx.workspaceId, c);
    });
  }

  /** Changes a campaign; the end date may not fall before the start. */
  async function updateCampaign(ctx: RequestContext, id: string, body: UpdateCampaignBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      const startsOn = body.startsOn === undefined ? before.startsOn : body.startsOn;
      const endsOn = body.endsOn === undefined ? before.endsOn : body.endsOn;
      if (startsOn && endsOn && endsOn < startsOn) {
        throw new AppError("validation_failed", "body.endsOn: must be on or after startsOn", [{ path: "body.endsOn", message: "must be on or after startsOn" }]);
      }
      const c = await repo.update(tx, ctx.workspaceId, id, { ...body, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.updated", entity: "campaign", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return detail(tx, ctx.workspaceId, c!);
    });
  }

  /** Deletes a campaign nothing refers to. */
  async function deleteCampaign(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      if (await repo.isReferenced(tx, ctx.workspaceId, id)) throw new AppError("conflict", "Contacts, deals or touchpoints refer to this campaign; mark it cancelled or completed instead");
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.deleted", entity: "campaign", entityId: id, changes: { name: c.name } }, ctx.requestId);
    });
  }

  /** Adds a dated cost line; the campaign's actual cost is the sum of its lines. */
  async function addCost(ctx: RequestContext, id: string, body: CreateCampaignCostBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      const cost = await repo.insertCost(tx, { ...body, workspaceId: ctx.workspaceId, id: newId(), campaignId: id, createdAt: now });
      await repo.recomputeActualCost(tx, ctx.workspaceId, id, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.cost_added", entity: "campaign", entityId: id, changes: { costId: cost.id, ...body } }, ctx.requestId);
      return detail(tx, ctx.workspaceId, (await repo.findById(tx, ctx.workspaceId, id))!);
    });
  }

  /** Removes a cost line. */
  async function deleteCost(ctx: RequestContext, id: string, costId: string) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      const removed = await repo.deleteCost(tx, ctx.workspaceId, id, costId);
      if (!removed) throw notFound("Cost line");
      await repo.recomputeActualCost(tx, ctx.workspaceId, id, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.cost_deleted", entity: "campaign", entityId: id, changes: { costId, amount: removed.amount } }, ctx.requestId);
      return detail(tx, ctx.workspaceId, (await repo.findById(tx, ctx.workspaceId, id))!);
    });
  }

  async function targetOf(tx: Tx, workspaceId: string, campaignId: string): Promise<WhitespaceTarget> {
    const t = await repo.findTarget(tx, workspaceId, campaignId);
    if (!t) return { target: null, accountCount: 0, contactCount: 0, accounts: [] };
    const { productName, ...matches } = await whitespaceTargets(tx, workspaceId, t);
    return { target: { ...t, customerStatus: t.customerStatus as CustomerStatus, productName }, ...matches };
  }

  /** The campaign's whitespace target and the accounts and contacts it reaches today. */
  function getWhitespaceTarget(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.findById(tx, ctx.workspaceId, id))) throw notFound("Campaign");
      return targetOf(tx, ctx.workspaceId, id);
    });
  }

  /** Aims the campaign at whitespace: accounts of a status (and segment) that neither own the product nor have it in pipeline. */
  async function setWhitespaceTarget(ctx: RequestContext, id: string, body: WhitespaceTargetBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.findById(tx, ctx.workspaceId, id, true))) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      const row = { workspaceId: ctx.workspaceId, campaignId: id, productId: body.productId, segment: body.segment ?? null, customerStatus: body.customerStatus ?? "customer" };
      await repo.upsertTarget(tx, row);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.whitespace_target_set", entity: "campaign", entityId: id, changes: { productId: row.productId, segment: row.segment, customerStatus: row.customerStatus } }, ctx.requestId);
      return targetOf(tx, ctx.workspaceId, id);
    });
  }

  /** Removes the campaign's whitespace target. */
  async function removeWhitespaceTarget(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.findById(tx, ctx.workspaceId, id, true))) throw notFound("Campaign");
      requireCampaignEditor(ctx.actor);
      if (!(await repo.deleteTarget(tx, ctx.workspaceId, id))) throw notFound("Whitespace target");
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "campaign.whitespace_target_removed", entity: "campaign", entityId: id }, ctx.requestId);
    });
  }

  return { getWhitespaceTarget, setWhitespaceTarget, removeWhitespaceTarget, listCampaigns, getCampaign, createCampaign, updateCampaign, deleteCampaign, addCost, deleteCost };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
