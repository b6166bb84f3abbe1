import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Routing rules and SDR pods shape who gets which lead: admins and managers change them, everyone reads them. */
export function requireRoutingManager(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageRouting, "change routing rules or pods");
}

/** Handing a lead to another rep by hand is the sales side's (and managers' and admins') call. */
export function requireLeadAssigner(actor: Actor): void {
  requireRole(actor, PERMISSIONS.assignLeads, "reassign leads");
}
