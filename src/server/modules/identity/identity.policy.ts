import type { Actor } from "../../platform/actor.js";
import { requireRole } from "../../platform/actor.js";
import { PERMISSIONS } from "../../../shared/domain/permissions.js";

/** Only admins manage users, roles, teams and invitations. */
export function requireUserAdmin(actor: Actor): void {
  requireRole(actor, PERMISSIONS.manageUsers, "manage users");
}

/** Admins may revoke anyone's API token; others only their own. */
export function canManageToken(actor: Actor, tokenUserId: string): boolean {
  return actor.role === "admin" || actor.userId === tokenUserId;
}
