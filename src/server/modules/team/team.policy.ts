import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Commission plans, finalising statements and the what-if are for admins and managers. */
export function requireCompManager(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageCompPlans, "manage commission plans or statements");
}

/** Admins and managers see every rep's statement; a rep sees their own. */
export function canSeeAllStatements(actor: Actor): boolean {
  return (PERMISSIONS.manageCompPlans as readonly string[]).includes(actor.role);
}
