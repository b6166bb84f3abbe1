import type { Tx } from "../../db/client.js";
import type { Actor } from "../../platform/actor.js";
import type { Clock } from "../../platform/clock.js";
import { recordAudit } from "../../platform/audit.js";
import { newId } from "../../platform/ids.js";
import { AppError, invalidField } from "../../../shared/errors.js";
import { STAGES_REQUIRING_REASON, checkTransition, stageTimestampKey, startsNewCycle, type Stage } from "../../../shared/domain/lifecycle.js";
import { REASON_KIND_FOR } from "../../../shared/domain/reasons.js";
import type { ReasonCodesService } from "../feedback/index.js";
import type { ContactRow, ContactsRepository } from "./contacts.repository.js";
import { requireStageMove } from "./lifecycle.policy.js";
import type { CrmHooks } from "./index.js";

type Deps = { repo: ContactsRepository; clock: Clock; reasons: Pick<ReasonCodesService, "assertActiveReason">; hooks: Pick<CrmHooks, "stageChanged"> };

export type StageMove = { stage: Stage; reasonCode?: string | null; note?: string | null };
export type MoveOptions = { actorKind?: "user" | "automation" | "import"; at?: Date; requestId?: string };
/** A written lifecycle move, as the stageChanged hooks see it (`contact` is the moved row). */
export type StageChange = { contact: ContactRow; from: Stage; to: Stage; reasonCode: string | null; note: string | null; actor: Actor | null; at: Date; requestId?: string };

// Stamps cleared when a contact is recycled: the next cycle sets them afresh.
const CYCLE_STAMPS = ["mqlAt", "salAt", "sqlAt", "opportunityAt"] as const;

/** The one path every lifecycle move takes (API, UI, import, automation): table check, reason, stamps, history, audit. */
export function createLifecycleService({ repo, clock, reasons, hooks }: Deps) {
  /** Moves a locked contact inside the caller's transaction; returns the updated row. */
  async function applyMove(tx: Tx, workspaceId: string, actor: Actor | null, contact: ContactRow, move: StageMove, opts: MoveOptions = {}): Promise<ContactRow> {
    if (actor) requireStageMove(actor, move.stage);
    const check = checkTransition(contact.stage, move.stage, move.reasonCode);
    if (!check.ok) {
      if (STAGES_REQUIRING_REASON.has(move.stage) && !move.reasonCode && contact.stage !== move.stage) throw invalidField("body.reasonCode", check.reason);
      throw new AppError("invalid_transition", check.reason);
    }
    const kind = REASON_KIND_FOR[move.stage as keyof typeof REASON_KIND_FOR];
    if (move.reasonCode && kind) await reasons.assertActiveReason(tx, workspaceId, kind, move.reasonCode, "body.reasonCode");
    const at = opts.at ?? clock.now();
    const patch: Record<string, unknown> = { stage: move.stage, stageEnteredAt: at, updatedAt: at };
    if (startsNewCycle(move.stage)) {
      patch.cycle = contact.cycle + 1;
      for (const k of CYCLE_STAMPS) patch[k] = null;
      patch.recycledAt = at;
    } else {
      const key = stageTimestampKey(move.stage) as keyof ContactRow;
      if (!contact[key]) patch[key] = at;
    }
    const updated = await repo.update(tx, workspaceId, contact.id, patch);
    await repo.insertTransition(tx, {
      workspaceId,
      id: newId(),
      contactId: contact.id,
      fromStage: contact.stage,
      toStage: move.stage,
      at,
      actorUserId: actor?.userId ?? null,
      actorKind: opts.actorKind ?? "user",
      reasonCode: move.reasonCode ?? null,
      note: move.note ?? null,
      definitionVersion: contact.definitionVersion,
    });
    await recordAudit(
      tx,
      workspaceId,
      actor,
      at,
      { action: "contact.stage_changed", entity: "contact", entityId: contact.id, changes: { stage: { from: contact.stage, to: move.stage }, reasonCode: move.reasonCode ?? null } },
      opts.requestId,
    );
    let changed = false;
    for (const hook of hooks.stageChanged) {
      if (await hook(tx, workspaceId, { contact: updated!, from: contact.stage, to: move.stage, reasonCode: move.reasonCode ?? null, note: move.note ?? null, actor, at, requestId: opts.requestId })) changed = true;
    }
    // Only a hook that changed the row (routing sets the owner) costs a re-read.
    return changed ? ((await repo.findById(tx, workspaceId, contact.id)) ?? updated!) : updated!;
  }

  return { applyMove };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
