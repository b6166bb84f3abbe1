import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, notFound } from "../../../shared/errors.js";
import { canTransition } from "../../../shared/domain/lifecycle.js";
import type { CloseDealBody, CreateDealBody, DealDetail, DealInterviewBody, ListDealsQuery, SetDealContactBody, UpdateDealBody } from "../../../shared/contracts/deals.js";
import type { Actor } from "../../platform/actor.js";
import type { ReasonCodesService } from "../feedback/index.js";
import type { ContactsRepository } from "./contacts.repository.js";
import type { DealRow, DealsRepository } from "./deals.repository.js";
import type { LifecycleService } from "./lifecycle.service.js";
import { requireDealEditor, requireRecordDeleter } from "./crm.policy.js";
import type { ProductsService } from "./products.service.js";
import { PRODUCT_ADDING_DEAL_TYPES } from "../../../shared/domain/deals.js";

type Deps = {
  db: Database;
  repo: DealsRepository;
  contacts: ContactsRepository;
  lifecycle: LifecycleService;
  products: Pick<ProductsService, "setDealLinesIn" | "dealLinesIn" | "addWonLinesIn">;
  reasons: Pick<ReasonCodesService, "assertActiveReason">;
  clock: Clock;
  hooks: { dealClosed: DealClosedHook[]; dealChanged: DealChangedHook[] };
};

/** A deal just closed (won, lost or no decision), as the dealClosed hooks see it in the closing transaction. */
export type DealClosed = { deal: DealRow; actor: Actor; at: Date; requestId?: string };
export type DealClosedHook = (tx: Tx, workspaceId: string, closed: DealClosed) => Promise<void>;
export type DealChangedHook = (tx: Tx, workspaceId: string, dealId: string) => Promise<void>;

const OUTCOME_REASON_KIND = { won: "win", lost: "loss", no_decision: "no_decision" } as const;

/** Deals: pipeline, buying roles, stage history and closing with a reason. */
export function createDealsService({ db, repo, contacts, lifecycle, products, reasons, clock, hooks }: Deps) {
  const detail = async (tx: Tx, workspaceId: string, d: DealRow): Promise<DealDetail> => ({ ...(await repo.detail(tx, workspaceId, d)), products: await products.dealLinesIn(tx, workspaceId, d.id) });
  const changed = async (tx: Tx, workspaceId: string, dealId: string) => {
    for (const hook of hooks.dealChanged) await hook(tx, workspaceId, dealId);
  };

  // The primary contact follows its deal through the lifecycle (an automation move, same rules).
  async function followContact(tx: Tx, ctx: RequestContext, contactId: string | null, to: "opportunity" | "customer" | "lost" | "no_decision", reasonCode?: string) {
    if (!contactId) return;
    const c = await contacts.findById(tx, ctx.workspaceId, contactId, true);
    if (!c || c.stage === to || !canTransition(c.stage, to)) return;
    await lifecycle.applyMove(tx, ctx.workspaceId, null, c, { stage: to, reasonCode: reasonCode ?? null }, { actorKind: "automation", requestId: ctx.requestId });
  }

  /** Lists deals. */
  function listDeals(ctx: RequestContext, query: ListDealsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, query));
  }

  /** One deal with its people and history. */
  function getDeal(ctx: RequestContext, id: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id);
      if (!d) throw notFound("Deal");
      return detail(tx, ctx.workspaceId, d);
    });
  }

  /** Opens a deal; its primary contact becomes a decision maker on it and moves to opportunity when allowed. */
  async function createDeal(ctx: RequestContext, body: CreateDealBody) {
    requireDealEditor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const stage = body.stage ?? "discovery";
      const { products: lines, ...fields } = body;
      const d = await repo.insert(tx, { ...fields, workspaceId: ctx.workspaceId, id: newId(), stage, ownerId: body.ownerId ?? ctx.actor.userId, createdAt: now, updatedAt: now });
      await repo.insertHistory(tx, { workspaceId: ctx.workspaceId, id: newId(), dealId: d.id, fromStage: null, toStage: stage, at: now, actorUserId: ctx.actor.userId });
      if (lines?.length) await products.setDealLinesIn(tx, ctx.workspaceId, d.id, lines);
      if (d.primaryContactId) {
        await repo.upsertContact(tx, ctx.workspaceId, d.id, d.primaryContactId, "decision_maker");
        await followContact(tx, ctx, d.primaryContactId, "opportunity");
      }
      await changed(tx, ctx.workspaceId, d.id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.created", entity: "deal", entityId: d.id, changes: body }, ctx.requestId);
      return detail(tx, ctx.workspaceId, d);
    });
  }

  /** Changes an open deal; a stage change is recorded in its history. */
  async function updateDeal(ctx: RequestContext, id: string, body: UpdateDealBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Deal");
      requireDealEditor(ctx.actor);
      if (before.closedAt && (body.stage || body.amount !== undefined || body.products)) throw new AppError("conflict", "The deal is closed; its stage, amount and products are final");
      const { products: lines, ...fields } = body;
      const d = await repo.update(tx, ctx.workspaceId, id, { ...fields, updatedAt: now });
      if (lines) await products.setDealLinesIn(tx, ctx.workspaceId, id, lines);
      if (body.stage && body.stage !== before.stage) {
        await repo.insertHistory(tx, { workspaceId: ctx.workspaceId, id: newId(), dealId: id, fromStage: before.stage, toStage: body.stage, at: now, actorUserId: ctx.actor.userId });
      }
      if (body.amount !== undefined || body.stage !== undefined || body.primaryContactId !== undefined || body.competitor !== undefined) await changed(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.updated", entity: "deal", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      return detail(tx, ctx.workspaceId, d!);
    });
  }

  /** Closes a deal as won, lost or no decision; the reason must come from the matching taxonomy. */
  async function closeDeal(ctx: RequestContext, id: string, body: CloseDealBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Deal");
      requireDealEditor(ctx.actor);
      if (before.closedAt) throw new AppError("conflict", `The deal is already closed (${before.outcome})`);
      await reasons.assertActiveReason(tx, ctx.workspaceId, OUTCOME_REASON_KIND[body.outcome], body.reasonCode, "body.reasonCode");
      const stage = body.outcome === "won" ? "closed_won" : "closed_lost";
      const d = await repo.update(tx, ctx.workspaceId, id, {
        stage,
        outcome: body.outcome,
        reasonCode: body.reasonCode,
        competitor: body.competitor === undefined ? before.competitor : body.competitor,
        amount: body.amount ?? before.amount,
        closedAt: now,
        updatedAt: now,
      });
      await repo.insertHistory(tx, { workspaceId: ctx.workspaceId, id: newId(), dealId: id, fromStage: before.stage, toStage: stage, at: now, actorUserId: ctx.actor.userId });
      if (body.interview) await repo.upsertInterview(tx, ctx.workspaceId, id, body.interview, ctx.actor.userId, now);
      // What a won sale sold becomes what the customer owns (a renewal keeps what it renews).
      if (body.outcome === "won" && PRODUCT_ADDING_DEAL_TYPES.includes(before.type)) await products.addWonLinesIn(tx, ctx.workspaceId, before.accountId, id, now);
      const contactStage = body.outcome === "won" ? "customer" : body.outcome;
      await followContact(tx, ctx, before.primaryContactId, contactStage, body.outcome === "won" ? undefined : body.reasonCode);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.closed", entity: "deal", entityId: id, changes: { ...body } }, ctx.requestId);
      await changed(tx, ctx.workspaceId, id);
      for (const hook of hooks.dealClosed) await hook(tx, ctx.workspaceId, { deal: d!, actor: ctx.actor, at: now, requestId: ctx.requestId });
      return detail(tx, ctx.workspaceId, d!);
    });
  }

  /** Records the buyer-interview notes of a closed deal (interviews usually happen after the close). */
  async function recordInterview(ctx: RequestContext, id: string, body: DealInterviewBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!d) throw notFound("Deal");
      requireDealEditor(ctx.actor);
      if (!d.closedAt) throw new AppError("conflict", "Buyer interviews are recorded on closed deals; close the deal first");
      await repo.upsertInterview(tx, ctx.workspaceId, id, body, ctx.actor.userId, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.interview_recorded", entity: "deal", entityId: id, changes: { ...body } }, ctx.requestId);
      return detail(tx, ctx.workspaceId, d);
    });
  }

  /** Adds a contact to the deal with a buying role (or changes the role). */
  async function setDealContact(ctx: RequestContext, id: string, body: SetDealContactBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!d) throw notFound("Deal");
      requireDealEditor(ctx.actor);
      await repo.upsertContact(tx, ctx.workspaceId, id, body.contactId, body.role);
      await changed(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.contact_set", entity: "deal", entityId: id, changes: { ...body } }, ctx.requestId);
      return detail(tx, ctx.workspaceId, d);
    });
  }

  /** Removes a contact from the deal. */
  async function removeDealContact(ctx: RequestContext, id: string, contactId: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!d) throw notFound("Deal");
      requireDealEditor(ctx.actor);
      if (!(await repo.removeContact(tx, ctx.workspaceId, id, contactId))) throw notFound("Deal contact");
      await changed(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.contact_removed", entity: "deal", entityId: id, changes: { contactId } }, ctx.requestId);
    });
  }

  /** Deletes a deal. */
  async function deleteDeal(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const d = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!d) throw notFound("Deal");
      requireRecordDeleter(ctx.actor);
      await repo.delete(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "deal.deleted", entity: "deal", entityId: id, changes: { name: d.name, amount: d.amount } }, ctx.requestId);
    });
  }

  return { listDeals, getDeal, createDeal, updateDeal, closeDeal, recordInterview, setDealContact, removeDealContact, deleteDeal };
}

export type DealsService = ReturnType<typeof createDealsService>;
