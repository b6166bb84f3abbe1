import type { Database, Tx } from "../../db/client.js";
import type { Clock } from "../../platform/clock.js";
import type { RequestContext } from "../../platform/actor.js";
import { diffFields, recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField, notFound } from "../../../shared/errors.js";
import { MAX_PLAYBOOKS, type CreatePlaybookBody, type ReorderPlaybooksBody, type UpdatePlaybookBody } from "../../../shared/contracts/playbooks.js";
import { toPlaybook, type PlaybooksRepository } from "./playbooks.repository.js";
import { requirePlaybookAuthor } from "./playbooks.policy.js";

type Deps = { db: Database; repo: PlaybooksRepository; clock: Clock };

/** Follow-up playbooks: list, create, change, delete, reorder. */
export function createPlaybooksService({ db, repo, clock }: Deps) {
  async function getPlaybook(tx: Tx, workspaceId: string, id: string) {
    const row = await repo.find(tx, workspaceId, id);
    if (!row) throw notFound("Playbook");
    return toPlaybook(row);
  }

  /** The playbooks in order. */
  function listPlaybooks(ctx: RequestContext) {
    return db.inWorkspace(ctx.workspaceId, async (tx) => (await repo.list(tx, ctx.workspaceId)).map(toPlaybook));
  }

  /** Adds a playbook at the end of the order. */
  async function createPlaybook(ctx: RequestContext, body: CreatePlaybookBody) {
    requirePlaybookAuthor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      // Locking the list serialises creation, so the cap and the next position cannot race.
      if ((await repo.list(tx, ctx.workspaceId, true)).length >= MAX_PLAYBOOKS) throw new AppError("conflict", `A workspace has at most ${MAX_PLAYBOOKS} playbooks`);
      const id = newId();
      const position = await repo.nextPosition(tx, ctx.workspaceId);
      const fields = { name: body.name, description: body.description ?? null, match: body.match, firstChannel: body.firstChannel, steps: body.steps, enabled: body.enabled };
      await repo.insert(tx, { ...fields, workspaceId: ctx.workspaceId, id, position, createdAt: now, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "playbook.created", entity: "playbook", entityId: id, changes: { ...fields, position } }, ctx.requestId);
      return getPlaybook(tx, ctx.workspaceId, id);
    });
  }

  /** Changes a playbook; lists given replace the stored ones. */
  async function updatePlaybook(ctx: RequestContext, id: string, body: UpdatePlaybookBody) {
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const before = await repo.find(tx, ctx.workspaceId, id, true);
      if (!before) throw notFound("Playbook");
      requirePlaybookAuthor(ctx.actor);
      const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      await repo.update(tx, ctx.workspaceId, id, { ...patch, updatedAt: now });
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "playbook.updated", entity: "playbook", entityId: id, changes: diffFields(before, patch) }, ctx.requestId);
      return getPlaybook(tx, ctx.workspaceId, id);
    });
  }

  /** Deletes a playbook together with the assignments measured against it. */
  async function deletePlaybook(ctx: RequestContext, id: string) {
    const now = clock.now();
    await db.inWorkspace(ctx.workspaceId, async (tx) => {
      const row = await repo.find(tx, ctx.workspaceId, id, true);
      if (!row) throw notFound("Playbook");
      requirePlaybookAuthor(ctx.actor);
      await repo.remove(tx, ctx.workspaceId, id);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "playbook.deleted", entity: "playbook", entityId: id, changes: { name: row.name } }, ctx.requestId);
    });
  }

  /** Puts the playbooks in the given order; the list must name every playbook exactly once. */
  async function reorderPlaybooks(ctx: RequestContext, body: ReorderPlaybooksBody) {
    requirePlaybookAuthor(ctx.actor);
    const now = clock.now();
    return db.inWorkspace(ctx.workspaceId, async (tx) => {
      const current = await repo.list(tx, ctx.workspaceId, true);
      const known = new Set(current.map((p) => p.id));
      const given = new Set(body.ids);
      if (given.size !== body.ids.length) throw invalidField("body.ids", "lists a playbook more than once");
      const unknown = body.ids.findIndex((pid) => !known.has(pid));
      if (unknown >= 0) throw invalidField(`body.ids.${unknown}`, "no such playbook in this workspace");
      if (given.size !== known.size) throw invalidField("body.ids", `must list all ${known.size} playbooks`);
      await repo.setPositions(tx, ctx.workspaceId, body.ids, now);
      await recordAudit(tx, ctx.workspaceId, ctx.actor, now, { action: "playbook.reordered", entity: "playbook", changes: { order: { from: current.map((p) => p.id), to: body.ids } } }, ctx.requestId);
      return (await repo.list(tx, ctx.workspaceId)).map(toPlaybook);
    });
  }

  return { listPlaybooks, createPlaybook, updatePlaybook, deletePlaybook, reorderPlaybooks };
}

export type PlaybooksService = ReturnType<typeof createPlaybooksService>;
