import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Marketing, managers and admins write competitors, battlecards and campaign briefs. */
export function requireEnablementAuthor(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.manageEnablement, action);
}

/** Who may tag a deal with competitors: those who edit deals. */
export function requireDealEditor(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.editDeals, action);
}


/** Marketing, managers and admins define personas, run the re-apply job and write the messaging library. */
export function requirePersonaManager(actor: Actor, action: string): void {
  requireRole(actor, PERMISSIONS.managePersonas, action);
}
