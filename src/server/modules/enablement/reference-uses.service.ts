import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { referenceSizeOf } from "../../../shared/domain/references.js";
import type { DealReferences, DecideReferenceUseBody, ListReferenceUsesQuery, RequestReferenceBody } from "../../../shared/contracts/enablement-references.js";
import type { CrmModule } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { ReferenceRow, ReferencesRepository } from "./references.repository.js";
import type { QuarterWindow, ReferenceViews } from "./references-view.js";
import { decidesEveryReference, requireReferenceDecider, requireReferenceRequester } from "./references.policy.js";

type Deps = {
  db: Database;
  repo: ReferencesRepository;
  views: ReferenceViews;
  clock: Clock;
  crm: Pick<CrmModule, "dealRef" | "names"> & { accounts: Pick<CrmModule["accounts"], "getAccount">; deals: Pick<CrmModule["deals"], "getDeal"> };
  notifications: Pick<NotificationsService, "notifyIn">;
};

/**
 * Requests to use a reference on a deal and the owner's decision. Approved uses count against the reference's cap in
 * the quarter (workspace zone) they were approved; at the cap a new request is refused (409) and so is an approval.
 */
export function createReferenceUsesService({ db, repo, views, clock, crm, notifications }: Deps) {
  async function refuseAtCap(tx: Tx, workspaceId: string, ref: ReferenceRow, w: QuarterWindow, doing: string) {
    const used = (await repo.usedIn(tx, workspaceId, [ref.id], w)).get(ref.id) ?? 0;
    const cap = ref.quarterlyCap ?? w.defaultCap;
    if (used >= cap) {
      throw new AppError("conflict", `This reference is at its cap: ${used} of ${cap} uses approved in ${w.quarter.quarter}; cannot ${doing} before ${w.quarter.nextStartsOn}`);
    }
  }

  async function one(tx: Tx, ctx: RequestContext, id: string) {
    const [use] = await views.presentUses(tx, ctx.workspaceId, ctx.actor, [(await repo.findUse(tx, ctx.workspaceId, id))!]);
    return use!;
  }

  /** Asks the reference's owner to use it on a deal; refused when inactive, at its cap, or already asked for the deal. */
  async function requestReference(ctx: RequestContext, referenceId: string, body: RequestReferenceBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const ref = await repo.find(tx, ctx.workspaceId, referenceId, true);
      if (!ref) throw notFound("Reference");
      requireReferenceRequester(ctx.actor);
      const deal = await crm.dealRef(tx, ctx.workspaceId, body.dealId);
      if (!deal) throw invalidField("body.dealId", "no such deal in this workspace");
      if (!ref.active) throw new AppError("conflict", "This reference is inactive");
      await refuseAtCap(tx, ctx.workspaceId, ref, await views.windowAt(tx, ctx.workspaceId, now), "request it");
      const open = await repo.listUses(tx, ctx.workspaceId, { referenceId, dealId: body.dealId, statuses: ["requested", "approved"] });
      if (open.length) throw new AppError("conflict", `This reference is already ${open[0]!.status} for ${deal.name}`);
      const id = newId();
      await repo.insertUse(tx, { workspaceId: ctx.workspaceId, id, referenceId, dealId: body.dealId, requestedBy: ctx.actor.userId, note: body.note ?? "", status: "requested", createdAt: now });
      const name = (await crm.names.accountNames(tx, ctx.workspaceId, [ref.accountId])).get(ref.accountId) ?? "a reference";
      await notifications.notifyIn(tx, ctx.workspaceId, [ref.ownerId], {
        kind: "reference.requested", title: `${ctx.actor.name} asks to use ${name} on ${deal.name}`, body: body.note || null, link: `/references/${referenceId}`, entity: "reference_use", entityId: id,
      }, ctx.actor.userId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "reference.requested", entity: "reference_use", entityId: id, changes: { referenceId, dealId: body.dealId } }, ctx.requestId);
      return one(tx, ctx, id);
    });
  }

  /** The owner (or a manager) approves or declines a request; approving re-checks the cap with the reference locked. */
  async function decideUse(ctx: RequestContext, useId: string, body: DecideReferenceUseBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const use = await repo.findUse(tx, ctx.workspaceId, useId, true);
      if (!use) throw notFound("Reference request");
      // Locking the reference serialises approvals of its uses, so two cannot both take the last slot.
      const ref = (await repo.find(tx, ctx.workspaceId, use.referenceId, true))!;
      requireReferenceDecider(ctx.actor, ref.ownerId);
      if (use.status !== "requested") throw new AppError("conflict", `This request was ${use.status} already`);
      const approve = body.decision === "approve";
      if (approve) {
        if (!ref.active) throw new AppError("conflict", "This reference is inactive");
        await refuseAtCap(tx, ctx.workspaceId, ref, await views.windowAt(tx, ctx.workspaceId, now), "approve another use");
      }
      await repo.decideUse(tx, ctx.workspaceId, useId, { status: approve ? "approved" : "declined", decidedBy: ctx.actor.userId, decidedAt: now, decisionNote: body.note ?? null });
      const names = await crm.names.accountNames(tx, ctx.workspaceId, [ref.accountId]);
      const deal = await crm.dealRef(tx, ctx.workspaceId, use.dealId);
      await notifications.notifyIn(tx, ctx.workspaceId, [use.requestedBy], {
        kind: "reference.decided", title: `${names.get(ref.accountId) ?? "Reference"} ${approve ? "approved" : "declined"} for ${deal?.name ?? "your deal"}`,
        body: body.note ?? null, link: `/deals/${use.dealId}`, entity: "reference_use", entityId: useId,
      }, ctx.actor.userId);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: approve ? "reference.approved" : "reference.declined", entity: "reference_use", entityId: useId, changes: { referenceId: ref.id, dealId: use.dealId, note: body.note ?? null } }, ctx.requestId);
      return one(tx, ctx, useId);
    });
  }

  /** Reference requests, newest first; `awaitingMe` keeps those the caller decides (all for managers and admins). */
  function listUses(ctx: RequestContext, q: ListReferenceUsesQuery) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const mine = q.awaitingMe && !decidesEveryReference(ctx.actor);
      const rows = await repo.listUses(tx, ctx.workspaceId, { status: q.awaitingMe ? "requested" : q.status, ...(mine ? { ownerId: ctx.actor.userId } : {}) });
      return views.presentUses(tx, ctx.workspaceId, ctx.actor, rows);
    });
  }

  /** The references requested and approved for a deal, and suggestions matching its account's industry, size and products. */
  async function dealReferences(ctx: RequestContext, dealId: string): Promise<DealReferences> {
    const deal = await crm.deals.getDeal(ctx, dealId);
    const account = await crm.accounts.getAccount(ctx, deal.accountId);
    const match = { industry: account.industry, size: referenceSizeOf(account.employees), products: account.products.map((p) => p.name) };
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const uses = await views.presentUses(tx, ctx.workspaceId, ctx.actor, await repo.listUses(tx, ctx.workspaceId, { dealId }));
      const w = await views.windowAt(tx, ctx.workspaceId, clock.now());
      const exclude = uses.filter((u) => u.status !== "declined").map((u) => u.referenceId);
      const ids = await repo.suggest(tx, ctx.workspaceId, { accountId: deal.accountId, ...match, exclude }, w, 5);
      const rows = new Map((await views.present(tx, ctx.workspaceId, await repo.findMany(tx, ctx.workspaceId, ids), w)).map((r) => [r.id, r]));
      const lower = new Set(match.products.map((p) => p.toLowerCase()));
      const suggestions = ids.map((id) => {
        const r = rows.get(id)!;
        const reasons = [
          ...(match.industry && r.industry?.toLowerCase() === match.industry.toLowerCase() ? [`same industry (${r.industry})`] : []),
          ...(match.size && r.size === match.size ? [`same size (${r.size})`] : []),
          ...r.products.filter((p) => lower.has(p.toLowerCase())).map((p) => `uses ${p}`),
        ];
        return { ...r, reasons };
      });
      return { uses, match, suggestions };
    });
  }

  return { requestReference, decideUse, listUses, dealReferences };
}

export type ReferenceUsesService = ReturnType<typeof createReferenceUsesService>;
