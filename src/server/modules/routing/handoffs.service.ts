import type { Database, Tx } from "../../db/client.js";
import type { Actor, RequestContext } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { invalidField, notFound } from "../../../shared/errors.js";
import { HANDOFF_TIMELINE_LIMIT, buildHandoffContext, canOwnLeads, routeLead } from "../../../shared/domain/routing.js";
import type { AssignContactBody, ListHandoffsQuery } from "../../../shared/contracts/routing.js";
import type { CrmModule, StageChange } from "../crm/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { AgreementService } from "../agreement/index.js";
import { readEngagement } from "../../../shared/domain/scoring.js";
import type { RoutingRepository } from "./routing.repository.js";
import { requireMembers } from "./routing-members.js";
import { requireLeadAssigner } from "./routing.policy.js";

type Deps = {
  db: Database;
  repo: RoutingRepository;
  clock: Clock;
  crm: Pick<CrmModule, "routingAccess">;
  notifications: Pick<NotificationsService, "notifyIn">;
  /** The active definition's half-life, to show engagement as of now. */
  agreement: Pick<AgreementService, "getActiveDefinitionIn">;
  hooks: HandoffHooks;
};

type ContactRow = StageChange["contact"];

/** A lead handed to a rep, as the handedOff hooks see it (after the owner is set and the handoff stored). */
export type HandedOff = { handoffId: string; contact: ContactRow; toUserId: string; fromUserId: string | null; reason: string; actor: Actor | null; at: Date };
export type HandoffHooks = { handedOff: ((tx: Tx, workspaceId: string, handoff: HandedOff) => Promise<void>)[] };

type Handover = {
  contact: ContactRow;
  toUserId: string;
  ruleId: string | null;
  reason: string;
  actor: Actor | null;
  at: Date;
  scoreExplanation: string | null;
  note?: string | null;
  requestId?: string;
};

const CONTACT_HANDOFFS_LIMIT = 50;
// Leads per backfill round trip: each round is five queries and one insert, whatever its size.
const BACKFILL_BATCH = 500;

const contactLabel = (c: ContactRow) => [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "a contact";

/** Hands leads to reps: by the routing rules when a contact becomes an MQL, or by hand; each handoff carries context. */
export function createHandoffsService({ db, repo, clock, crm, notifications, agreement, hooks }: Deps) {
  async function engagementNow(tx: Tx, workspaceId: string, c: Handover["contact"]): Promise<number> {
    const def = await agreement.getActiveDefinitionIn(tx, workspaceId);
    if (!def || c.definitionVersion !== def.version) return c.engagementScore;
    return readEngagement({ score: c.engagementScore, at: c.engagementAt?.getTime() ?? null }, clock.now().getTime(), def.halfLifeDays);
  }

  /** Sets the owner, stores the handoff with its context, audits it and tells the rep; returns the handoff id. */
  async function handOver(tx: Tx, workspaceId: string, h: Handover): Promise<string> {
    const c = h.contact;
    const facts = await crm.routingAccess.handoffFacts(tx, workspaceId, c, HANDOFF_TIMELINE_LIMIT);
    const context = buildHandoffContext({
      touches: facts.recent,
      lastCampaignTouch: facts.lastWithCampaign,
      contentTouches: facts.content,
      scoreExplanation: h.scoreExplanation ?? facts.mqlNote,
      fitPoints: c.fitPoints,
      fitGrade: c.fitGrade,
      // The stored score is as of the last scoring touch; the rep needs it as of now.
      engagement: await engagementNow(tx, workspaceId, c),
      originalCampaign: facts.originalCampaign,
      note: h.note,
    });
    if (c.ownerId !== h.toUserId) await crm.routingAccess.setOwner(tx, workspaceId, c.id, h.toUserId, h.at);
    const id = newId();
    await repo.insertHandoff(tx, {
      workspaceId,
      id,
      contactId: c.id,
      toUserId: h.toUserId,
      fromUserId: c.ownerId,
      ruleId: h.ruleId,
      reason: h.reason,
      campaignId: context.convertingCampaign?.id ?? null,
      definitionVersion: c.definitionVersion,
      context,
      createdAt: h.at,
    });
    await recordAudit(
      tx,
      workspaceId,
      h.actor,
      h.at,
      { action: h.reason === "manual" ? "contact.assigned" : "contact.routed", entity: "contact", entityId: c.id, changes: { ownerId: { from: c.ownerId, to: h.toUserId }, reason: h.reason, ruleId: h.ruleId, handoffId: id } },
      h.requestId,
    );
    const name = contactLabel(c);
    await notifications.notifyIn(
      tx,
      workspaceId,
      [h.toUserId],
      { kind: "lead.assigned", title: `New lead: ${name}`, body: context.recommendedNextStep, link: `/contacts/${c.id}`, entity: "contact", entityId: c.id },
      h.actor?.userId,
    );
    for (const hook of hooks.handedOff) await hook(tx, workspaceId, { handoffId: id, contact: c, toUserId: h.toUserId, fromUserId: c.ownerId, reason: h.reason, actor: h.actor, at: h.at });
    return id;
  }

  /**
   * Handoff records for open leads that have an owner but none (history loaded by the demo or an import): the same
   * context a routed handoff carries, dated when the lead became an MQL, with no notification. Returns how many.
   */
  async function backfillIn(tx: Tx, workspaceId: string): Promise<number> {
    const leads = await crm.routingAccess.openLeadsWithoutHandoff(tx, workspaceId);
    for (let i = 0; i < leads.length; i += BACKFILL_BATCH) {
      const batch = leads.slice(i, i + BACKFILL_BATCH);
      const factsOf = await crm.routingAccess.handoffFactsMany(tx, workspaceId, batch, HANDOFF_TIMELINE_LIMIT);
      const rows = batch.map((c) => {
        const facts = factsOf.get(c.id)!;
        const context = buildHandoffContext({
          touches: facts.recent,
          lastCampaignTouch: facts.lastWithCampaign,
          contentTouches: facts.content,
          scoreExplanation: facts.mqlNote,
          fitPoints: c.fitPoints,
          fitGrade: c.fitGrade,
          engagement: c.engagementScore,
          originalCampaign: facts.originalCampaign,
        });
        return {
          workspaceId,
          id: newId(),
          contactId: c.id,
          toUserId: c.ownerId!,
          fromUserId: null,
          ruleId: null,
          reason: "imported",
          campaignId: context.convertingCampaign?.id ?? null,
          definitionVersion: c.definitionVersion,
          context,
          createdAt: c.mqlAt ?? c.stageEnteredAt,
        };
      });
      await repo.insertHandoffs(tx, rows);
    }
    return leads.length;
  }

  /** Hands a contact to another rep inside the caller's transaction (an SLA escalation); null if the contact is gone. */
  async function reassignIn(tx: Tx, workspaceId: string, contactId: string, toUserId: string, opts: { reason: string; note: string; at: Date }): Promise<string | null> {
    const lead = await crm.routingAccess.loadForRouting(tx, workspaceId, contactId, true);
    if (!lead) return null;
    return handOver(tx, workspaceId, { contact: lead.contact, toUserId, ruleId: null, reason: opts.reason, actor: null, at: opts.at, scoreExplanation: null, note: opts.note });
  }

  /** crm stageChanged hook: a contact entering `mql` is routed by the rules, in the moving transaction. */
  async function onStageChanged(tx: Tx, workspaceId: string, change: StageChange): Promise<boolean> {
    if (change.to !== "mql") return false;
    // Locking the rules serialises routing per workspace, so round-robin turns and capacity counts cannot race.
    const rules = await repo.listRules(tx, workspaceId, true);
    if (!rules.some((r) => r.enabled)) return false;
    const lead = await crm.routingAccess.loadForRouting(tx, workspaceId, change.contact.id);
    if (!lead) return false;
    const active = await repo.activeMembers(tx, workspaceId);
    const counts = await crm.routingAccess.openLeadCounts(tx, workspaceId, active.map((m) => m.userId), lead.contact.id);
    const members = active.map((m) => ({ ...m, openLeads: counts.get(m.userId) ?? 0 }));
    const decision = routeLead(rules, { subject: lead.subject, accountOwnerId: lead.accountOwnerId }, members);
    if (!decision) return false;
    if (decision.kind === "round_robin") await repo.updateRule(tx, workspaceId, decision.ruleId, { lastAssigneeId: decision.assigneeId });
    await handOver(tx, workspaceId, {
      contact: lead.contact,
      toUserId: decision.assigneeId,
      ruleId: decision.ruleId,
      reason: decision.kind,
      actor: change.actor,
      at: change.at,
      scoreExplanation: change.note,
      requestId: change.requestId,
    });
    return true;
  }

  /** Hands a contact to another rep by hand, with the same context a routed handoff carries. */
  async function assignContact(ctx: RequestContext, contactId: string, body: AssignContactBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const lead = await crm.routingAccess.loadForRouting(tx, ctx.workspaceId, contactId, true);
      if (!lead) throw notFound("Contact");
      requireLeadAssigner(ctx.actor);
      await requireMembers(repo, tx, ctx.workspaceId, [{ path: "body.ownerId", userId: body.ownerId }], { test: canOwnLeads, message: "is in marketing and cannot own leads" });
      if (lead.contact.ownerId === body.ownerId) throw invalidField("body.ownerId", "already owns this contact");
      const id = await handOver(tx, ctx.workspaceId, {
        contact: lead.contact,
        toUserId: body.ownerId,
        ruleId: null,
        reason: "manual",
        actor: ctx.actor,
        at: now,
        scoreExplanation: null,
        note: body.note ?? null,
        requestId: ctx.requestId,
      });
      return (await repo.findHandoff(tx, ctx.workspaceId, id))!;
    });
  }

  /** A contact's handoffs, newest first. */
  function contactHandoffs(ctx: RequestContext, contactId: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await crm.routingAccess.loadForRouting(tx, ctx.workspaceId, contactId))) throw notFound("Contact");
      return repo.handoffsOfContact(tx, ctx.workspaceId, contactId, CONTACT_HANDOFFS_LIMIT);
    });
  }

  /** Handoffs, optionally those to one rep, newest first. */
  function listHandoffs(ctx: RequestContext, query: ListHandoffsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.listHandoffs(tx, ctx.workspaceId, query));
  }

  return { onStageChanged, assignContact, reassignIn, backfillIn, contactHandoffs, listHandoffs };
}

export type HandoffsService = ReturnType<typeof createHandoffsService>;
