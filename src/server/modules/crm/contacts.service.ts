import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { notFound } from "../../../shared/errors.js";
import { allowedTransitions, stageTimestampKey } from "../../../shared/domain/lifecycle.js";
import type { ContactDetail, CreateContactBody, ListContactsQuery, MoveStageBody, TimelineEntry, UpdateContactBody } from "../../../shared/contracts/contacts.js";
import type { ContactRow, ContactsRepository } from "./contacts.repository.js";
import type { LifecycleService } from "./lifecycle.service.js";
import { requireRecordDeleter, requireRecordEditor } from "./crm.policy.js";
import type { CrmHooks } from "./index.js";

type Deps = { db: Database; repo: ContactsRepository; lifecycle: LifecycleService; clock: Clock; hooks: Pick<CrmHooks, "contactChanged" | "dealChanged"> };

/** A persona given by hand is kept by matching ("manual"); null hands the contact back to persona matching. */
function personaSourceOf(persona: string | null | undefined): "manual" | null {
  return persona ? "manual" : null;
}

/** Contacts (leads): CRUD, lifecycle moves and the timeline. */
export function createContactsService({ db, repo, lifecycle, clock, hooks }: Deps) {
  async function detail(tx: Tx, workspaceId: string, c: ContactRow): Promise<ContactDetail> {
    return { ...c, ...(await repo.related(tx, workspaceId, c)), allowedStages: [...allowedTransitions(c.stage)] };
  }

  /** Lists contacts. */
  function listContacts(ctx: RequestContext, query: ListContactsQuery) {
    return db.inWorkspace(ctx.workspaceId, (tx) => repo.list(tx, ctx.workspaceId, query));
  }

  /** One contact with names, deals and the stages it may move to. */
  function getContact(ctx: RequestContext, id: string): Promise<ContactDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id);
      if (!c) throw notFound("Contact");
      return detail(tx, ctx.workspaceId, c);
    });
  }

  /** Creates a contact as a subscriber or lead; the first transition is recorded. */
  async function createContact(ctx: RequestContext, body: CreateContactBody): Promise<ContactDetail> {
    requireRecordEditor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const stage = body.stage ?? "lead";
      const id = newId();
      const row = await repo.insert(tx, {
        ...body,
        personaSource: personaSourceOf(body.persona),
        workspaceId: ctx.workspaceId,
        id,
        stage,
        stageEnteredAt: now,
        [stageTimestampKey(stage)]: now,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insertTransition(tx, { workspaceId: ctx.workspaceId, id: newId(), contactId: id, fromStage: null, toStage: stage, at: now, actorUserId: ctx.actor.userId, actorKind: "user" });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "contact.created", entity: "contact", entityId: id, changes: body }, ctx.requestId);
      for (const hook of hooks.contactChanged) await hook(tx, ctx.workspaceId, id);
      return detail(tx, ctx.workspaceId, (await repo.findById(tx, ctx.workspaceId, id)) ?? row);
    });
  }

  /** Changes a contact's fields (the stage moves only through moveStage). */
  async function updateContact(ctx: RequestContext, id: string, body: UpdateContactBody): Promise<ContactDetail> {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Contact");
      requireRecordEditor(ctx.actor);
      const row = await repo.update(tx, ctx.workspaceId, id, { ...body, ...(body.persona !== undefined && { personaSource: personaSourceOf(body.persona) }), updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "contact.updated", entity: "contact", entityId: id, changes: diffFields(before, body) }, ctx.requestId);
      for (const hook of hooks.contactChanged) await hook(tx, ctx.workspaceId, id);
      return detail(tx, ctx.workspaceId, (await repo.findById(tx, ctx.workspaceId, id)) ?? row!);
    });
  }

  /** Moves a contact to another lifecycle stage. */
  async function moveStage(ctx: RequestContext, id: string, body: MoveStageBody): Promise<ContactDetail> {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Contact");
      const moved = await lifecycle.applyMove(tx, ctx.workspaceId, ctx.actor, c, body, { requestId: ctx.requestId });
      return detail(tx, ctx.workspaceId, moved);
    });
  }

  /**
   * Deletes a contact (found and locked by the caller) with its touchpoints and deal memberships, then runs the
   * dealChanged hooks for the deals that can change without them (attribution credits, deal facts), in `tx`.
   */
  async function removeIn(tx: Tx, workspaceId: string, c: Pick<ContactRow, "id" | "accountId">) {
    const affected = await repo.dealsAffectedBy(tx, workspaceId, c.id, c.accountId);
    await repo.delete(tx, workspaceId, c.id);
    for (const dealId of affected) for (const hook of hooks.dealChanged) await hook(tx, workspaceId, dealId);
  }

  /** Deletes a contact with its touchpoints. */
  async function deleteContact(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const c = await repo.findById(tx, ctx.workspaceId, id, true);
      if (!c) throw notFound("Contact");
      requireRecordDeleter(ctx.actor);
      await removeIn(tx, ctx.workspaceId, c);
      // No e-mail or name here: the entry outlives the contact, and an erasure cannot rewrite it later.
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "contact.deleted", entity: "contact", entityId: id, changes: { stage: c.stage, hadEmail: c.email !== null } }, ctx.requestId);
    });
  }

  /** Touchpoints and stage changes merged, newest first; `nextBefore` pages further back. */
  async function getTimeline(ctx: RequestContext, id: string, limit: number, before?: string) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      if (!(await repo.findById(tx, ctx.workspaceId, id))) throw notFound("Contact");
      const cut = before ? new Date(before) : null;
      const [tps, moves] = [await repo.touchpointsBefore(tx, ctx.workspaceId, id, cut, limit + 1), await repo.transitionsBefore(tx, ctx.workspaceId, id, cut, limit + 1)];
      const merged: TimelineEntry[] = [
        ...tps.map((t) => ({ kind: "touchpoint" as const, ...t })),
        ...moves.map((m) => ({ kind: "stage_change" as const, ...m, toStage: m.toStage, fromStage: m.fromStage ?? null })),
      ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? 0 : a.kind === "stage_change" ? -1 : 1));
      const items = merged.slice(0, limit);
      const hasMore = merged.length > limit;
      return { items, nextBefore: hasMore && items.length ? items[items.length - 1]!.at.toISOString() : null };
    });
  }

  return { listContacts, getContact, createContact, updateContact, moveStage, deleteContact, removeIn, getTimeline };
}

export type ContactsService = ReturnType<typeof createContactsService>;
