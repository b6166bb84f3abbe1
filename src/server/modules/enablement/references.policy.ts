import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { AppError } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

const DECIDERS = ["admin", "manager"] as const;

/** Marketing (and managers, admins) keep the catalogue; a reference's owner may edit their own. */
export function requireReferenceEditor(actor: Actor, ownerId: string | null, action: string): void {
  if (ownerId !== null && ownerId === actor.userId) return;
  requireRole(actor, PERMISSIONS.manageReferences, action);
}

/** Reps (and managers, admins) ask to use a reference on a deal. */
export function requireReferenceRequester(actor: Actor): void {
  requireRole(actor, PERMISSIONS.requestReferences, "request customer references");
}

/** Whether the actor decides requests for every reference (managers and admins). */
export function decidesEveryReference(actor: Actor): boolean {
  return (DECIDERS as readonly string[]).includes(actor.role);
}

/** Whether the actor decides requests for a reference: its owner, a manager or an admin. */
export function canDecideReference(actor: Actor, ownerId: string): boolean {
  return actor.userId === ownerId || decidesEveryReference(actor);
}

/** Throws 403 unless the actor decides requests for the reference. */
export function requireReferenceDecider(actor: Actor, ownerId: string): void {
  if (!canDecideReference(actor, ownerId)) throw new AppError("forbidden", "Only the reference's owner or a manager may approve or decline its use");
}

/** Managers and admins set the workspace's default reference cap. */
export function requireReferenceSettingsEditor(actor: Actor): void {
  requireRole(actor, DECIDERS, "change the reference cap");
}
