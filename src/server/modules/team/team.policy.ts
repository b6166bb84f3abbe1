import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { AppError } from "../../../shared/errors.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Commission plans, finalising statements and the what-if are for admins and managers. */
export function requireCompManager(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageCompPlans, "manage commission plans or statements");
}

/** Admins and managers see every rep's statement; a rep sees their own. */
export function canSeeAllStatements(actor: Actor): boolean {
  return (PERMISSIONS.manageCompPlans as readonly string[]).includes(actor.role);
}

/**
 * Which SDR's numbers a request may read: admins and managers any (`null`: all of them), an SDR only their own;
 * other roles none (403).
 */
export function sdrScope(actor: Actor): string | null {
  if ((PERMISSIONS.readSdrTeam as readonly string[]).includes(actor.role)) return null;
  if (actor.role === "sdr") return actor.userId;
  throw new AppError("forbidden", "The SDR scoreboard and passed leads are for SDRs and their managers");
}
