import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** SLA policies and business calendars are the workspace's terms: admins change them, everyone reads them. */
export function requireSlaAdmin(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageSla, "change SLA policies or business calendars");
}
